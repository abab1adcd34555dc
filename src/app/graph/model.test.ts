import { describe, expect, it } from 'vitest';
import { sampleTopology, syntheticTopology } from './fixtures.ts';
import { buildView, pickers, structureKey } from './model.ts';

describe('buildView', () => {
  it('shows every node with accessible names and status words', () => {
    const v = buildView(sampleTopology());
    expect(v.nodes).toHaveLength(17);
    const foo = v.nodes.find((n) => n.id === 'rt:HTTPRoute/default/foo')!;
    expect(foo.ariaLabel).toBe('HTTPRoute default/foo, Accepted');
    expect(foo.badge).toBe('HTTP');
    expect(foo.lines[0]).toBe('foo.example.com');
    const bar = v.nodes.find((n) => n.id === 'rt:HTTPRoute/other/bar')!;
    expect(bar.ariaLabel).toBe('HTTPRoute other/bar, Rejected');
    expect(bar.tooltip).toContain(
      'Accepted=False NotAllowedByListeners: No listener allows routes from namespace other',
    );
    const l = v.nodes.find((n) => n.id === 'l:apps/extra/tcp')!;
    expect(l.ariaLabel).toBe('Listener tcp of ListenerSet apps/extra, Accepted');
    const rule = v.nodes.find((n) => n.id === 'rule:HTTPRoute/default/foo/0')!;
    expect(rule.ariaLabel).toBe('Rule 0 of HTTPRoute default/foo, Accepted');
    expect(rule.lines).toEqual(['PathPrefix /v2 · header version=2', 'timeout 10s']);
    expect(rule.chips).toEqual(['mirror']);
    const missing = v.nodes.find((n) => n.id === 'be:default/missing:80')!;
    expect(missing.ariaLabel).toBe('Service default/missing:80, Invalid');
    const bucket = v.nodes.find((n) => n.id === 'be:default/bucket')!;
    expect(bucket.badge).toBe('S3Bucket.storage.example.com');
  });

  it('labels and styles edges: shares, 500, rejected attachments, mirrors, policies', () => {
    const v = buildView(sampleTopology());
    const e = (id: string) => v.edges.find((x) => x.id === id)!;
    expect(e('e10').label).toBe('90% (9)');
    expect(e('e11').label).toBe('10% (1)');
    expect(e('e12')).toMatchObject({ ok: false, label: '500 · 100% (1)' });
    expect(e('e12').ariaLabel).toContain('invalid, answered with 500');
    expect(e('e6')).toMatchObject({ ok: false, style: 'dashed', label: '✗ NotAllowedByListeners' });
    expect(e('e6').source).toBe('gw:default/gw'); // drawn left to right
    expect(e('e6').ariaLabel).toBe(
      'HTTPRoute other/bar attached to Gateway default/gw: rejected, NotAllowedByListeners',
    );
    expect(e('e6').tooltip).toBe('NotAllowedByListeners: No listener allows routes from namespace other');
    expect(e('e13')).toMatchObject({ style: 'dotted', label: 'mirror' });
    expect(e('e11').marks).toEqual(['🔒 TLS default/v2-tls']);
    expect(v.nodes.find((n) => n.id === 'be:default/v2:80')!.chips).toContain('🔒 TLS default/v2-tls');
    // ListenerSet → its listener is containment, not an edge.
    expect(v.edges.find((x) => x.id === 'e4b')).toBeUndefined();
  });

  it('folds rules into their route, merging edges', () => {
    const v = buildView(sampleTopology(), { collapseAll: true });
    expect(v.nodes.some((n) => n.type === 'Rule')).toBe(false);
    expect(v.alias.get('rule:HTTPRoute/default/foo/0')).toBe('rt:HTTPRoute/default/foo');
    const foo = v.nodes.find((n) => n.id === 'rt:HTTPRoute/default/foo')!;
    expect(foo.collapsed).toBe(true);
    expect(foo.lines).toContain('2 rules (collapsed)');
    const toV1 = v.edges.filter((e) => e.source === 'rt:HTTPRoute/default/foo' && e.target === 'be:default/v1:80');
    expect(toV1).toHaveLength(1);
    // one route expanded again
    const w = buildView(sampleTopology(), { collapseAll: true, toggled: new Set(['rt:HTTPRoute/default/foo']) });
    expect(w.nodes.filter((n) => n.type === 'Rule').map((n) => n.id)).toEqual([
      'rule:HTTPRoute/default/foo/0',
      'rule:HTTPRoute/default/foo/1',
    ]);
  });

  it('collapses automatically above the threshold', () => {
    const big = buildView(syntheticTopology(300, 2));
    expect(big.collapsedByDefault).toBe(true);
    expect(big.nodes.some((n) => n.type === 'Rule')).toBe(false);
    const small = buildView(syntheticTopology(20, 2));
    expect(small.collapsedByDefault).toBe(false);
  });

  it('filters by search, gateway, namespace and problems, keeping the context of a match', () => {
    const t = sampleTopology();
    const s = buildView(t, { search: 'bar' }).nodes.map((n) => n.id);
    expect(s).toContain('rt:HTTPRoute/other/bar');
    expect(s).toContain('gw:default/gw'); // what it hangs from
    expect(s).toContain('be:default/bucket'); // where it leads
    expect(s).not.toContain('rt:HTTPRoute/default/foo');
    const p = buildView(t, { onlyProblems: true }).nodes.map((n) => n.id);
    expect(p).toContain('rt:HTTPRoute/other/bar');
    expect(p).toContain('l:default/gw/https');
    expect(p).toContain('be:default/missing:80');
    expect(p).not.toContain('be:default/v2:80');
    const ns = buildView(t, { namespace: 'apps' }).nodes.map((n) => n.id);
    expect(ns).toEqual(expect.arrayContaining(['ls:apps/extra', 'l:apps/extra/tcp', 'gw:default/gw']));
    expect(ns).not.toContain('rt:HTTPRoute/default/foo');
    expect(pickers(t).gateways).toEqual([{ id: 'gw:default/gw', label: 'default/gw' }]);
  });

  it('lists gateways and namespaces for the pickers in name order', () => {
    const p = pickers(syntheticTopology(6, 1, 3));
    const labels = p.gateways.map((g) => g.label);
    expect(labels.length).toBeGreaterThan(1);
    expect(labels).toEqual([...labels].sort());
    expect(p.namespaces).toEqual([...new Set(p.namespaces)].sort());
  });

  it('keeps the structure key when only text changes', () => {
    const a = sampleTopology();
    const b = sampleTopology();
    b.nodes.find((n) => n.id === 'rule:HTTPRoute/default/foo/0')!.details.matches = [
      { path: { type: 'Exact', value: '/x' } },
    ];
    b.edges.find((e) => e.id === 'e10')!.weight = 5;
    expect(structureKey(buildView(a), '')).toBe(structureKey(buildView(b), ''));
    b.edges.push({
      id: 'new',
      type: 'backend',
      source: 'rule:HTTPRoute/default/foo/1',
      target: 'be:default/v2:80',
      ok: true,
    });
    expect(structureKey(buildView(a), '')).not.toBe(structureKey(buildView(b), ''));
  });
});

describe('folded edges', () => {
  it('an invalid backendRef in any folded rule makes the merged edge invalid', () => {
    const t = sampleTopology();
    // rule 1 also sends to v1, invalidly
    t.edges.push({
      id: 'x',
      type: 'backend',
      source: 'rule:HTTPRoute/default/foo/1',
      target: 'be:default/v1:80',
      ok: false,
      reason: 'RefNotPermitted',
      weight: 1,
      share: 1,
    });
    const v = buildView(t, { collapseAll: true });
    const e = v.edges.filter((x) => x.source === 'rt:HTTPRoute/default/foo' && x.target === 'be:default/v1:80');
    expect(e).toHaveLength(1);
    expect(e[0]).toMatchObject({ ok: false, label: '2 rules · 500' });
    expect(e[0]!.ariaLabel).toBe(
      'HTTPRoute default/foo sends to Service default/v1:80 from 2 rules, some invalid (500)',
    );
  });
});

describe('edge names', () => {
  it('are phrased from the subject whatever the edge direction', () => {
    const t = sampleTopology();
    const e4 = t.edges.find((e) => e.id === 'e4')!;
    e4.type = 'listenerSet';
    const a = buildView(t).edges.find((e) => e.id === 'e4')!.ariaLabel;
    [e4.source, e4.target] = [e4.target, e4.source];
    const b = buildView(t).edges.find((e) => e.id === 'e4')!.ariaLabel;
    expect(a).toBe('ListenerSet apps/extra attached to Gateway default/gw: accepted');
    expect(b).toBe(a);
  });
});

describe('gateway filter', () => {
  it('keeps what hangs from the gateway and its class', () => {
    const t = sampleTopology();
    t.nodes.push({
      id: 'gw:default/other',
      type: 'Gateway',
      kind: 'Gateway',
      namespace: 'default',
      name: 'other',
      health: 'ok',
      conditions: [],
      details: {},
    });
    t.edges.push({ id: 'c2', type: 'class', source: 'gw:default/other', target: 'gc:example', ok: true });
    const only = buildView(t, { gateway: 'gw:default/other' }).nodes.map((n) => n.id);
    expect(only.sort()).toEqual(['gc:example', 'gw:default/other']);
    const main = buildView(t, { gateway: 'gw:default/gw' }).nodes.map((n) => n.id);
    expect(main).not.toContain('gw:default/other');
    expect(main).toContain('be:default/v1:80');
  });
});
