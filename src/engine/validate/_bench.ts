import { generateManifests } from '../../../bench/generate.ts';
import { loadManifests } from '../manifest/index.ts';
import { resolveOptions } from '../options.ts';
import { validateResources } from './index.ts';

const s = generateManifests(2000) as unknown as { files?: { name: string; text: string }[]; text?: string };
const files = s.files ?? [{ name: 'm.yaml', text: s.text as string }];
const opts = resolveOptions({ channel: 'standard', maxInputBytes: 1e9 });
const l = loadManifests(files, opts);
const t0 = performance.now();
for (let i = 0; i < 10; i++) validateResources(l.resources, opts);
console.log(`validate x10: ${(performance.now() - t0).toFixed(0)} ms for ${l.resources.length}`);
