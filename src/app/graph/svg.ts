// The graph as a standalone SVG document (pure): drawn from the view model and the layout, not copied
// from the DOM, so it needs no fonts or styles from the page and a canvas can rasterise it to PNG
// without being tainted. Text is escaped as XML; nothing from the manifests becomes markup.

import type { Layout } from './layout.ts';
import { HEALTH_ICON, type ViewModel } from './model.ts';

export interface Palette {
  background: string;
  node: string;
  border: string;
  text: string;
  muted: string;
  edge: string;
  ok: string;
  partial: string;
  error: string;
  none: string;
  band: string;
  highlight: string;
}

export const LIGHT: Palette = {
  background: '#ffffff',
  node: '#ffffff',
  border: '#c5cad3',
  text: '#1d2330',
  muted: '#5b6472',
  edge: '#8a93a3',
  ok: '#2e7d32',
  partial: '#b26a00',
  error: '#c62828',
  none: '#8a93a3',
  band: '#f3f5f9',
  highlight: '#1565c0',
};

export const DARK: Palette = {
  background: '#15181e',
  node: '#1f242d',
  border: '#3a4150',
  text: '#e6e9ef',
  muted: '#9aa3b2',
  edge: '#7d8696',
  ok: '#66bb6a',
  partial: '#ffb74d',
  error: '#ef5350',
  none: '#7d8696',
  band: '#1a1e26',
  highlight: '#64b5f6',
};

export function xml(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13) continue; // not allowed in XML 1.0
    out += ch === '&' || ch === '<' || ch === '>' || ch === '"' || ch === "'" ? `&#${c};` : ch;
  }
  return out;
}

const clip = (s: string, px: number, charPx = 6.4) => {
  const max = Math.max(3, Math.floor(px / charPx));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
};

export function edgePath(sx: number, sy: number, tx: number, ty: number): string {
  const dx = Math.max(40, Math.abs(tx - sx) / 2);
  return `M${sx},${sy} C${sx + dx},${sy} ${tx - dx},${ty} ${tx},${ty}`;
}

/** The point at `t` on edgePath's curve. */
export function bezierPoint(sx: number, sy: number, tx: number, ty: number, t: number): [number, number] {
  const dx = Math.max(40, Math.abs(tx - sx) / 2);
  const c1x = sx + dx;
  const c2x = tx - dx;
  const u = 1 - t;
  const x = u * u * u * sx + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * tx;
  const y = u * u * u * sy + 3 * u * u * t * sy + 3 * u * t * t * ty + t * t * t * ty;
  return [x, y];
}

export function toSvg(
  view: Pick<ViewModel, 'nodes' | 'edges'>,
  layout: Layout,
  p: Palette,
  highlight?: { nodes: Set<string>; edges: Set<string> } | null,
): string {
  const pad = 30;
  let minX = 0;
  let minY = 0;
  let maxX = layout.width;
  let maxY = layout.height;
  for (const b of layout.bands) {
    minX = Math.min(minX, b.x);
    minY = Math.min(minY, b.y);
    maxX = Math.max(maxX, b.x + b.w);
    maxY = Math.max(maxY, b.y + b.h);
  }
  const W = Math.ceil(maxX - minX + 2 * pad);
  const H = Math.ceil(maxY - minY + 2 * pad);
  const o: string[] = [];
  o.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="${minX - pad} ${minY - pad} ${W} ${H}" font-family="system-ui, -apple-system, Segoe UI, Roboto, sans-serif">`,
  );
  o.push(`<rect x="${minX - pad}" y="${minY - pad}" width="${W}" height="${H}" fill="${p.background}"/>`);
  for (const b of layout.bands) {
    o.push(
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="10" fill="${p.band}" stroke="${p.border}"/>`,
    );
    o.push(
      `<text x="${b.x + 12}" y="${b.y + 20}" font-size="13" font-weight="600" fill="${p.muted}">${xml(b.label)}</text>`,
    );
  }
  const dim = (on: boolean) => (highlight && !on ? ' opacity="0.25"' : '');
  const colour = (h: string) => (p as unknown as Record<string, string>)[h] ?? p.none;
  const drawEdge = (e: ViewModel['edges'][number]) => {
    const a = layout.pos.get(e.source);
    const b = layout.pos.get(e.target);
    if (!a || !b) return;
    const on = !!highlight?.edges.has(e.id);
    const stroke = on ? p.highlight : e.ok ? p.edge : p.error;
    const dash =
      e.style === 'dashed' ? ' stroke-dasharray="7 5"' : e.style === 'dotted' ? ' stroke-dasharray="2 4"' : '';
    const sx = a.x + a.w;
    const sy = a.y + a.h / 2;
    const tx = b.x;
    const ty = b.y + b.h / 2;
    o.push(
      `<path d="${edgePath(sx, sy, tx, ty)}" fill="none" stroke="${stroke}" stroke-width="${on ? 3 : 1.5}"${dash}${dim(on)}><title>${xml(e.ariaLabel)}</title></path>`,
    );
    if (e.label) {
      const w = e.label.length * 6.2 + 10;
      // As on screen: an edge that skips a column has its label just before its target.
      const skips = Math.abs(tx - sx) > 400;
      const [lx, ly] = skips
        ? [tx - 8 - w / 2, ty - 12]
        : bezierPoint(sx, sy, tx, ty, e.type === 'backend' || e.type === 'mirror' ? 0.6 : 0.5);
      o.push(
        `<g${dim(on)}><rect x="${lx - w / 2}" y="${ly - 9}" width="${w}" height="16" rx="3" fill="${p.background}" stroke="${e.ok ? p.border : p.error}"/><text x="${lx}" y="${ly + 3}" font-size="11" text-anchor="middle" fill="${e.ok ? p.text : p.error}">${xml(e.label)}</text></g>`,
      );
    }
  };
  // Valid edges under the nodes; rejected ones (and their reasons) over them, as on screen.
  for (const e of view.edges) if (e.ok) drawEdge(e);
  // ListenerSets first, so their listeners are drawn on top.
  const nodes = [...view.nodes].sort((a, b) => (a.type === 'ListenerSet' ? 0 : 1) - (b.type === 'ListenerSet' ? 0 : 1));
  for (const n of nodes) {
    const b = layout.pos.get(n.id);
    if (!b) continue;
    const on = !!highlight?.nodes.has(n.id);
    const c = colour(n.health);
    o.push(`<g${dim(on)}><title>${xml(n.tooltip)}</title>`);
    o.push(
      `<rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" rx="6" fill="${n.type === 'ListenerSet' ? p.band : p.node}" stroke="${on ? p.highlight : p.border}" stroke-width="${on ? 2.5 : 1}"/>`,
    );
    o.push(`<rect x="${b.x}" y="${b.y}" width="4" height="${b.h}" rx="2" fill="${c}"/>`);
    const w = b.w - 16;
    let y = b.y + 16;
    const head = `${HEALTH_ICON[n.health]} ${n.badge ? `${n.badge} ` : ''}${n.title}`;
    o.push(
      `<text x="${b.x + 10}" y="${y}" font-size="12" font-weight="600" fill="${p.text}">${xml(clip(head, w - 60, 7))}</text>`,
    );
    o.push(
      `<text x="${b.x + b.w - 8}" y="${y}" font-size="10" text-anchor="end" fill="${p.muted}">${xml(clip(n.namespace ?? 'cluster', 70, 6))}</text>`,
    );
    for (const line of n.lines.slice(0, n.type === 'ListenerSet' ? 0 : 3)) {
      y += 15;
      if (y > b.y + b.h - 6) break;
      o.push(`<text x="${b.x + 10}" y="${y}" font-size="11" fill="${p.muted}">${xml(clip(line, w))}</text>`);
    }
    if (n.chips.length && n.type !== 'ListenerSet' && y + 15 <= b.y + b.h - 4) {
      y += 15;
      o.push(
        `<text x="${b.x + 10}" y="${y}" font-size="10" fill="${p.text}">${xml(clip(n.chips.map((s) => `[${s}]`).join(' '), w, 6))}</text>`,
      );
    }
    o.push('</g>');
  }
  for (const e of view.edges) if (!e.ok) drawEdge(e);
  o.push('</svg>');
  return o.join('\n');
}
