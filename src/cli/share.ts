// `gateway-sim share FILE... [--request JSON]... [--cases FILE] [--base URL] [OPTIONS]` prints a share
// link (contracts.md §6); `gateway-sim share --decode LINK [--json]` prints what a link carries.
// Exit codes (contracts §4): 0 success, 2 usage errors or unreadable input (a bad link is unreadable input).

import { parse as parseYaml } from 'yaml';
import { casesList } from '../engine/dataplane/testcases-yaml.ts';
import type { SavedRequest, ScenarioSettings, TestCase } from '../engine/index.ts';
import { LIMITS } from '../engine/limits.ts';
import {
  checkSimRequest,
  checkTestCase,
  decodeScenario,
  encodeScenario,
  type Issues,
  makeScenario,
  ShareError,
} from '../engine/share/index.ts';
import { engineOptions, parse, UsageError } from './args.ts';
import { InputError, type Out, readInput, readInputs } from './io.ts';

export const SHARE_USAGE =
  'gateway-sim share FILE... [--request JSON]... [--cases FILE] [--base URL] [OPTIONS]\n  gateway-sim share --decode LINK [--json]';

const FLAGS = {
  request: { type: 'string', multiple: true },
  cases: { type: 'string' },
  base: { type: 'string' },
  decode: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export function runShare(argv: string[], io: Out): number {
  const { values, positionals } = parse(argv, FLAGS);
  if (typeof values.decode === 'string') {
    if (positionals.length)
      throw new UsageError('--decode takes one LINK and no FILE arguments (quote the link: it contains "#")');
    for (const f of ['request', 'cases', 'base'] as const)
      if (values[f] !== undefined) throw new UsageError(`--${f} is for making a link, not for --decode`);
    return decode(values.decode, values.json === true, io);
  }
  if (values.json) throw new UsageError('--json goes with --decode');
  return encode(values, positionals, io);
}

function encode(values: Record<string, unknown>, positionals: string[], io: Out): number {
  const settings = settingsFrom(values);
  const files = readInputs(positionals);
  // One scenario holds one manifest text: join the files as YAML documents.
  const manifests = files.map((f) => (f.text.endsWith('\n') || f.text === '' ? f.text : `${f.text}\n`)).join('---\n');
  const requests: SavedRequest[] = ((values.request as string[] | undefined) ?? []).map((json, i) => {
    let v: unknown;
    try {
      v = JSON.parse(json);
    } catch (e) {
      throw new UsageError(`--request #${i + 1} is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
    }
    const issues: Issues = { errors: [], warnings: [] };
    const request = checkSimRequest(v, `--request #${i + 1}`, issues);
    for (const w of issues.warnings) io.err(`gateway-sim share: warning: ${w}`);
    if (!request) throw new UsageError(issues.errors.join('; '));
    return { request };
  });
  const tests = typeof values.cases === 'string' ? readCases(values.cases, io) : [];

  let link: string;
  try {
    link = encodeScenario(makeScenario({ manifests, requests, tests, settings }));
  } catch (e) {
    if (e instanceof ShareError) throw new InputError(e.message);
    throw e;
  }
  if (/^kind:\s*Secret\s*$/m.test(manifests) && /^(data|stringData):\s*$/m.test(manifests))
    io.err(
      'gateway-sim share: warning: the manifests contain a Secret with data; a share link carries everything it holds (the simulator only needs the Secret to exist)',
    );
  if (link.length > LIMITS.shareWarnChars)
    io.err(
      `gateway-sim share: warning: the link is ${link.length.toLocaleString('en')} characters; chat tools may cut links longer than ${LIMITS.shareWarnChars.toLocaleString('en')}`,
    );
  const base = typeof values.base === 'string' ? values.base : process.env.GATEWAY_SIM_URL;
  if (base) {
    const hash = base.indexOf('#');
    io.out(`${hash < 0 ? base : base.slice(0, hash)}#${link}`);
  } else {
    io.out(`#${link}`);
    io.err('gateway-sim share: no --base URL given (or GATEWAY_SIM_URL): append this fragment to the page URL');
  }
  return 0;
}

function settingsFrom(values: Record<string, unknown>): ScenarioSettings {
  const o = engineOptions(values);
  const s: ScenarioSettings = {};
  if (o.channel) s.channel = o.channel;
  if (o.features) s.features = o.features;
  if (o.controllerName) s.controllerName = o.controllerName;
  if (o.supportedBackendKinds) s.supportedBackendKinds = o.supportedBackendKinds;
  if (o.decisions) s.decisions = o.decisions;
  return s;
}

/**
 * Reads a test-case file (contracts.md §5): a `cases:` list, a bare list, or one case. Each case is
 * shape-checked like the cases a link carries; YAML scalars such as `version: 2` are taken as text.
 */
export function readCases(path: string, io: Out): TestCase[] {
  const file = readInput(path);
  let doc: unknown;
  try {
    doc = parseYaml(file.text, { maxAliasCount: LIMITS.maxAliasesPerDocument });
  } catch (e) {
    throw new InputError(`${file.name}: not valid YAML: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const list = casesList(doc);
  if (!list) throw new InputError(`${file.name}: expected a mapping with a \`cases:\` list (contracts §5)`);
  const issues: Issues = { errors: [], warnings: [] };
  const cases: TestCase[] = [];
  list.forEach((c, i) => {
    // A case without a name or expect is still a case: name it by position, expect nothing.
    const withDefaults = isMap(c) ? { name: `case ${i + 1}`, expect: {}, ...c } : c;
    const t = checkTestCase(withDefaults, `cases[${i}]`, issues, { coerceScalars: true });
    if (t) cases.push(t);
  });
  for (const w of issues.warnings) io.err(`${file.name}: warning: ${w}`);
  if (issues.errors.length) throw new InputError(`${file.name}: ${issues.errors.join(`\n${file.name}: `)}`);
  return cases;
}

function decode(link: string, json: boolean, io: Out): number {
  const text = link === '-' ? readInput('-').text : link;
  const r = decodeScenario(text);
  if (!r.ok) throw new InputError(r.error);
  for (const w of r.warnings) io.err(`gateway-sim share: warning: ${w}`);
  const s = r.scenario;
  if (json) {
    io.out(JSON.stringify(s, null, 2));
    return 0;
  }
  io.out(s.manifests.endsWith('\n') ? s.manifests.slice(0, -1) : s.manifests);
  const extra = [
    s.requests.length ? `${s.requests.length} request${s.requests.length === 1 ? '' : 's'}` : '',
    s.tests.length ? `${s.tests.length} test case${s.tests.length === 1 ? '' : 's'}` : '',
    Object.keys(s.settings).length ? 'settings' : '',
  ].filter(Boolean);
  if (extra.length) io.err(`gateway-sim share: the link also carries ${extra.join(', ')}: see --json`);
  return 0;
}
