// The topology as Mermaid flowchart text (pure), as the graph currently shows it (filters, folded rules).

import { HEALTH_ICON, type ViewModel } from './model.ts';

/** Mermaid label text inside `"…"`: entity codes for the characters that would end or break it. */
export function mermaidText(s: string): string {
  return s
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\|/g, '#124;')
    .replace(/[\r\n]+/g, ' ');
}

export function toMermaid(view: Pick<ViewModel, 'nodes' | 'edges'>): string {
  const out: string[] = ['flowchart LR'];
  const ids = new Map<string, string>();
  const sorted = [...view.nodes].sort((a, b) => a.column - b.column);
  for (const [i, n] of sorted.entries()) ids.set(n.id, `n${i}`);
  const byClass: Record<string, string[]> = { ok: [], partial: [], error: [], none: [] };
  for (const n of sorted) {
    const id = ids.get(n.id)!;
    const head = `${HEALTH_ICON[n.health]} ${n.badge ? `${n.badge} ` : ''}${n.type === 'Route' || n.type === 'Backend' || n.type === 'Rule' ? n.title : `${n.type} ${n.title}`}`;
    const ns = n.namespace ? `ns ${n.namespace}` : '';
    const lines = [head, ns, ...n.lines, n.chips.length ? n.chips.map((c) => `[${c}]`).join(' ') : '']
      .filter(Boolean)
      .map(mermaidText);
    const label = `"${lines.join('<br/>')}"`;
    const shape =
      n.type === 'Backend'
        ? `[(${label})]`
        : n.type === 'Route'
          ? `(${label})`
          : n.type === 'Gateway'
            ? `[[${label}]]`
            : `[${label}]`;
    out.push(`  ${id}${shape}`);
    byClass[n.health]!.push(id);
  }
  const red: number[] = [];
  let k = 0;
  for (const e of view.edges) {
    const a = ids.get(e.source);
    const b = ids.get(e.target);
    if (!a || !b) continue;
    const arrow = e.style === 'solid' ? '-->' : e.style === 'dashed' ? '-.->' : '-.->';
    const label = e.label ? `|"${mermaidText(e.label)}"|` : '';
    out.push(`  ${a} ${arrow}${label} ${b}`);
    if (!e.ok) red.push(k);
    k++;
  }
  out.push('  classDef ok stroke:#2e7d32,stroke-width:2px');
  out.push('  classDef partial stroke:#b26a00,stroke-width:2px');
  out.push('  classDef error stroke:#c62828,stroke-width:2px');
  for (const [cls, list] of Object.entries(byClass))
    if (list.length && cls !== 'none') out.push(`  class ${list.join(',')} ${cls}`);
  if (red.length) out.push(`  linkStyle ${red.join(',')} stroke:#c62828,color:#c62828`);
  return `${out.join('\n')}\n`;
}
