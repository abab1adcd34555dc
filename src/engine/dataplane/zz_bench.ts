import { generateManifests } from '../../../bench/generate.ts';
import { analyze } from '../index.ts';
import { grpcTable, httpTable, tablesOf } from './compile.ts';

const s = generateManifests(Number(process.argv[2] ?? 10000));
const a = analyze(s.text);
const c0 = process.cpuUsage();
const t = tablesOf(a);
let n = 0;
for (const g of t.gateways)
  for (const pt of g.ports.values())
    for (const lt of [...pt.http, ...pt.https]) {
      n += httpTable(t, lt).size + grpcTable(t, lt).size;
    }
const cu = process.cpuUsage(c0);
console.log('compile cpu ms', ((cu.user + cu.system) / 1000).toFixed(0), 'entries', n, 'regexes', t.regex.size);
