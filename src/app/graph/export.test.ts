import { describe, expect, it } from 'vitest';
import type { Trace } from '../../engine/index.ts';
import { sampleTopology } from './fixtures.ts';
import { layoutView } from './layout.ts';
import { mermaidText, toMermaid } from './mermaid.ts';
import { buildView } from './model.ts';
import { LIGHT, toSvg, xml } from './svg.ts';
import { tracePath } from './trace.ts';

describe('mermaid', () => {
  it('writes a flowchart with labelled, styled edges', () => {
    const m = toMermaid(buildView(sampleTopology()));
    expect(m.startsWith('flowchart LR\n')).toBe(true);
    expect(m).toContain('-->|"90% (9)"|');
    expect(m).toContain('-.->|"✗ NotAllowedByListeners"|');
    expect(m).toContain('-.->|"mirror"|');
    expect(m).toMatch(/linkStyle [\d,]+ stroke:#c62828/);
    expect(m).toMatch(/n\d+\(".*HTTP foo<br\/>ns default<br\/>foo.example.com.*"\)/);
  });
  it('escapes label text', () => {
    expect(mermaidText('a "b" <c> | #')).toBe('a #quot;b#quot; #lt;c#gt; #124; #35;');
  });
});

describe('svg', () => {
  it('draws every node and escapes text', () => {
    const t = sampleTopology();
    t.nodes[0]!.name = '<script>"x"&';
    const v = buildView(t);
    const s = toSvg(v, layoutView(v), LIGHT);
    expect(s.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(s).not.toContain('<script>');
    expect(s).toContain(xml('<script>"x"&'));
    expect(s.match(/<g[ >]/g)!.length).toBeGreaterThanOrEqual(v.nodes.length);
    expect(s).toContain('90% (9)');
  });
});

describe('tracePath', () => {
  const trace = (over: Partial<Trace> = {}): Trace => ({
    request: { host: 'foo.example.com', path: '/v2/x' },
    gateway: { namespace: 'default', name: 'gw' },
    listener: { name: 'http', port: 80, protocol: 'HTTP' },
    route: { kind: 'HTTPRoute', namespace: 'default', name: 'foo', rule: 0, match: 0 },
    outcome: { kind: 'forward', reason: 'ok' },
    forwarded: null,
    responseHeaders: {},
    responseHeadersRemoved: [],
    backends: [
      { group: '', kind: 'Service', namespace: 'default', name: 'v1', port: 80, weight: 9, share: 0.9, valid: true },
      { group: '', kind: 'Service', namespace: 'default', name: 'v2', port: 80, weight: 1, share: 0.1, valid: true },
    ],
    mirrors: [{ namespace: 'default', name: 'shadow', port: 80, percent: 100 }],
    filters: [],
    timeouts: {},
    candidates: [],
    ...over,
  });
  it('lights listener → route → rule → backends', () => {
    const t = sampleTopology();
    const v = buildView(t);
    const h = tracePath(trace(), t, v);
    expect([...h.nodes].sort()).toEqual(
      [
        'gw:default/gw',
        'l:default/gw/http',
        'rt:HTTPRoute/default/foo',
        'rule:HTTPRoute/default/foo/0',
        'be:default/v1:80',
        'be:default/v2:80',
        'be:default/shadow:80',
      ].sort(),
    );
    expect([...h.edges].sort()).toEqual(['e10', 'e11', 'e13', 'e2', 'e5', 'e7'].sort());
    expect(h.summary).toBe('GET foo.example.com/v2/x → forward');
  });
  it('maps a folded rule to its route', () => {
    const t = sampleTopology();
    const v = buildView(t, { collapseAll: true });
    const h = tracePath(trace(), t, v);
    expect(h.nodes.has('rt:HTTPRoute/default/foo')).toBe(true);
    expect(h.nodes.has('rule:HTTPRoute/default/foo/0')).toBe(false);
    const e = v.edges.find((x) => x.source === 'rt:HTTPRoute/default/foo' && x.target === 'be:default/v1:80')!;
    expect(h.edges.has(e.id)).toBe(true);
  });
});

describe('tracePath through a ListenerSet', () => {
  it('lights the ListenerSet, its listener and the gateway → ListenerSet edge', () => {
    const t = sampleTopology();
    t.edges.push({
      id: 'att-tcp',
      type: 'attachment',
      source: 'rt:HTTPRoute/other/bar',
      target: 'l:apps/extra/tcp',
      ok: true,
    });
    const v = buildView(t);
    const h = tracePath(
      {
        request: { port: 9000, protocol: 'TCP' },
        gateway: { namespace: 'default', name: 'gw' },
        listener: { name: 'tcp', port: 9000, protocol: 'TCP', listenerSet: { namespace: 'apps', name: 'extra' } },
        route: { kind: 'HTTPRoute', namespace: 'other', name: 'bar', rule: 0, match: null },
        outcome: { kind: 'forward', reason: '' },
        forwarded: null,
        responseHeaders: {},
        responseHeadersRemoved: [],
        backends: [],
        mirrors: [],
        filters: [],
        timeouts: {},
        candidates: [],
      },
      t,
      v,
    );
    expect(h.nodes.has('ls:apps/extra')).toBe(true);
    expect(h.nodes.has('l:apps/extra/tcp')).toBe(true);
    expect(h.edges.has('e4')).toBe(true);
    expect(h.edges.has('att-tcp')).toBe(true);
    expect(h.nodes.has('l:default/gw/http')).toBe(false);
  });
});
