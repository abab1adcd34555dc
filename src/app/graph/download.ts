// Saving exports: a Blob and a temporary object URL, no network. PNG is the SVG export rasterised on a
// canvas (the SVG has no external references, so the canvas is not tainted).

import type { Palette } from './svg.ts';

export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, filename: string, type: string): void {
  downloadBlob(new Blob([text], { type }), filename);
}

/** Rasterises an SVG document; the scale is capped so the canvas stays within browser limits. */
export async function svgToPng(svg: string): Promise<Blob> {
  const m = /width="(\d+)" height="(\d+)"/.exec(svg);
  const w = Number(m?.[1] ?? 1000);
  const h = Number(m?.[2] ?? 1000);
  const scale = Math.max(0.05, Math.min(2, 16000 / w, 16000 / h, Math.sqrt(100e6 / (w * h))));
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the SVG could not be drawn'));
    });
    img.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(w * scale));
    canvas.height = Math.max(1, Math.round(h * scale));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no canvas');
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The export palette from the page's theme variables (falls back to the built-in light/dark ones). */
export function paletteFromPage(base: Palette, el: Element): Palette {
  const cs = getComputedStyle(el);
  const v = (name: string, fb: string) => cs.getPropertyValue(name).trim() || fb;
  return {
    ...base,
    background: v('--gs-bg', base.background),
    node: v('--gs-node', base.node),
    border: v('--gs-border', base.border),
    text: v('--gs-text', base.text),
    muted: v('--gs-muted', base.muted),
    edge: v('--gs-edge', base.edge),
    ok: v('--gs-ok', base.ok),
    partial: v('--gs-partial', base.partial),
    error: v('--gs-error', base.error),
    band: v('--gs-band', base.band),
    highlight: v('--gs-path', base.highlight),
  };
}
