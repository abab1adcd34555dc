// The test-case YAML of contracts.md §5: parse a cases file (a `cases:` list, a bare list, or one case)
// and write cases back with requests and small maps in flow style. Shared by `gateway-sim test` and the
// page's test panel, which loads this module (and with it the `yaml` library) only when it needs it.

import { isMap, isSeq, parse, parseDocument, stringify, type YAMLMap } from 'yaml';
import { LIMITS } from '../limits.ts';
import { flowDepth } from '../manifest/parse.ts';
import type { SimRequest, TestCase, TestExpect } from '../types.ts';
import { EXPECT_KEYS } from './testcases.ts';

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The cases of a parsed cases file: its `cases:` list, the file itself if it is a list, or one case; else null. */
export function casesList(doc: unknown): unknown[] | null {
  if (isObj(doc) && Array.isArray(doc.cases)) return doc.cases;
  if (Array.isArray(doc)) return doc;
  return isObj(doc) && isObj(doc.request) ? [doc] : null;
}

/** Parses a cases file (a `cases:` list, a bare list, or one case). Throws with a readable message. */
export function parseCases(text: string): TestCase[] {
  let doc: unknown;
  // Hostile depth is refused before the (recursive) parser sees it.
  if (flowDepth(text) > LIMITS.maxNestingDepth)
    throw new Error(`Not valid YAML: it nests more than ${LIMITS.maxNestingDepth} levels deep.`);
  try {
    doc = parse(text);
  } catch (e) {
    throw new Error(`Not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const list = casesList(doc);
  if (!list) throw new Error('Expected a mapping with a `cases:` list.');
  return list.map((c, i) => parseCase(c, i));
}

const KNOWN = new Set<string>(EXPECT_KEYS);

function parseCase(c: unknown, i: number): TestCase {
  const where = `case ${i + 1}`;
  if (!isObj(c)) throw new Error(`${where}: expected a mapping with name, request and expect.`);
  const name = typeof c.name === 'string' && c.name.trim() !== '' ? c.name : `case ${i + 1}`;
  if (!isObj(c.request)) throw new Error(`${where} (${name}): \`request\` must be a mapping.`);
  if (c.expect !== undefined && !isObj(c.expect)) throw new Error(`${where} (${name}): \`expect\` must be a mapping.`);
  const expect = (c.expect ?? {}) as Record<string, unknown>;
  for (const k of Object.keys(expect))
    if (!KNOWN.has(k))
      throw new Error(`${where} (${name}): unknown expectation key \`${k}\` (known: ${EXPECT_KEYS.join(', ')}).`);
  const num = (k: string) => {
    if (expect[k] !== undefined && typeof expect[k] !== 'number')
      throw new Error(`${where} (${name}): \`${k}\` must be a number.`);
  };
  num('status');
  num('rule');
  num('match');
  if (expect.backends !== undefined) {
    if (!isObj(expect.backends)) throw new Error(`${where} (${name}): \`backends\` must map ns/name to a share.`);
    for (const [k, v] of Object.entries(expect.backends))
      if (typeof v !== 'number') throw new Error(`${where} (${name}): share of ${k} must be a number.`);
  }
  return { name, request: c.request as SimRequest, expect: expect as TestExpect };
}

function flowify(item: unknown) {
  if (!isMap(item)) return;
  const req = item.get('request');
  if (isMap(req)) (req as YAMLMap).flow = true;
  const exp = item.get('expect');
  if (isMap(exp))
    for (const k of ['backends', 'headers', 'responseHeaders', 'headersAbsent']) {
      const n = exp.get(k);
      if (isMap(n) || isSeq(n)) n.flow = true;
    }
}

/** Serialises cases as the §5 YAML: requests and small maps in flow style. */
export function stringifyCases(cases: TestCase[]): string {
  const doc = parseDocument(stringify({ cases }));
  const root = doc.contents;
  if (isMap(root)) {
    const list = root.get('cases');
    if (isSeq(list)) for (const item of list.items) flowify(item);
  }
  return doc.toString({ lineWidth: 0 });
}

/** One case in the same style (the page's in-place editor of a case); parseCases reads it back. */
export function stringifyCase(c: TestCase): string {
  const doc = parseDocument(stringify(c));
  flowify(doc.contents);
  return doc.toString({ lineWidth: 0 });
}
