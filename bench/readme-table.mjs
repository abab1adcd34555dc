#!/usr/bin/env node
// Prints bench/results.json as the Markdown table of README "Performance" (figures with a target first,
// then the reported ones that the README quotes).  node bench/readme-table.mjs
import { readFileSync } from 'node:fs';

const r = JSON.parse(readFileSync(new URL('./results.json', import.meta.url), 'utf8'));
const fmt = (v) => {
  if (v === null || !Number.isFinite(v)) return 'n/a';
  const a = Math.abs(v);
  if (a >= 1000) return Math.round(v).toLocaleString('en');
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toFixed(3);
};
const quoted = [
  /^analyze @/,
  /^bare yaml parseAllDocuments @10000/,
  /^simulate explain:false @100 /,
  /^bundle: (Monaco|engine|yaml|editor)/,
  /^peak JS heap|^peak heap|^retained heap/,
  /^page: navigation/,
  /^graph: analysis → laid-out graph @100 /,
  /^live edit in the page/,
];
const rows = r.figures.filter((f) => f.target || quoted.some((q) => q.test(f.name)));
rows.sort((a, b) => Number(!a.target) - Number(!b.target));
console.log('| figure | value | target | |');
console.log('|---|---|---|---|');
for (const f of rows)
  console.log(
    `| ${f.name} | ${fmt(f.value)} ${f.unit} | ${f.target ?? ''} | ${f.met === null ? '' : f.met ? 'met' : '**missed**'} |`,
  );
console.log(
  `\n${r.quick ? 'quick' : 'full'} run ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC, ${r.elapsedSeconds} s; Node ${r.machine.node}, ${r.machine.cpus} × ${r.machine.cpuModel}, load ${r.machine.loadavg.map((x) => x.toFixed(1)).join(' ')}`,
);
