import { describe, expect, it } from 'vitest';
import { sampleTopology, syntheticTopology } from './fixtures.ts';
import { columnX, layoutView, navigate } from './layout.ts';
import { buildView } from './model.ts';

describe('layoutView', () => {
  it('puts each kind in its column and aligns rows', () => {
    const v = buildView(sampleTopology());
    const l = layoutView(v);
    const p = (id: string) => l.pos.get(id)!;
    expect(p('gc:example').x).toBe(columnX(0));
    expect(p('gw:default/gw').x).toBe(columnX(1));
    expect(p('l:default/gw/http').x).toBe(columnX(2));
    expect(p('rt:HTTPRoute/default/foo').x).toBe(columnX(3));
    expect(p('rule:HTTPRoute/default/foo/0').x).toBe(columnX(4));
    expect(p('be:default/v1:80').x).toBe(columnX(5));
    // Listeners in spec order under their gateway; the ListenerSet after them with its listener inside.
    expect(p('l:default/gw/http').y).toBeLessThan(p('l:default/gw/https').y);
    expect(p('l:default/gw/https').y).toBeLessThan(p('ls:apps/extra').y);
    const ls = p('ls:apps/extra');
    const inner = p('l:apps/extra/tcp');
    expect(inner.x).toBeGreaterThan(ls.x);
    expect(inner.y).toBeGreaterThan(ls.y);
    expect(inner.y + inner.h).toBeLessThanOrEqual(ls.y + ls.h);
    // Rules of a route start at the route's height, in index order.
    expect(p('rule:HTTPRoute/default/foo/0').y).toBe(p('rt:HTTPRoute/default/foo').y);
    expect(p('rule:HTTPRoute/default/foo/1').y).toBeGreaterThan(p('rule:HTTPRoute/default/foo/0').y);
    // No overlaps inside a column.
    for (const col of l.columns) {
      const boxes = col.map((id) => l.pos.get(id)!).filter((b) => b.x % 1 === 0);
      for (let i = 1; i < boxes.length; i++)
        if (boxes[i]!.x === boxes[i - 1]!.x)
          expect(boxes[i]!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.h);
    }
  });

  it('orders routes by gateway, then namespace/name', () => {
    const v = buildView(syntheticTopology(12, 1, 2));
    const l = layoutView(v);
    const routes = l.columns[3]!.map((id) => v.nodes.find((n) => n.id === id)!);
    const gwOf = (i: string) => Number(i.replace('route-', '')) % 2;
    const seq = routes.map((r) => gwOf(r.name));
    expect(seq).toEqual([...seq].sort()); // all of gw0 first, then gw1
    const firstGw = routes.filter((r) => gwOf(r.name) === 0).map((r) => `${r.namespace}/${r.name}`);
    expect(firstGw).toEqual([...firstGw].sort());
  });

  it('is stable: same structure, same positions', () => {
    const a = layoutView(buildView(sampleTopology()));
    const t = sampleTopology();
    t.nodes.find((n) => n.id === 'rt:HTTPRoute/default/foo')!.details.hostnames = ['x.example.com', 'y.example.com'];
    const b = layoutView(buildView(t));
    expect([...b.pos.entries()]).toEqual([...a.pos.entries()]);
  });

  it('groups by namespace in bands', () => {
    const l = layoutView(buildView(sampleTopology()), { groupByNamespace: true });
    expect(l.bands.map((b) => b.label)).toEqual([
      'cluster-scoped',
      'namespace apps',
      'namespace default',
      'namespace other',
    ]);
    const band = (ns: string) => l.bands.find((b) => b.namespace === ns)!;
    const inside = (id: string, ns: string) => {
      const p = l.pos.get(id)!;
      const b = band(ns);
      return p.y >= b.y && p.y + p.h <= b.y + b.h;
    };
    expect(inside('rt:HTTPRoute/other/bar', 'other')).toBe(true);
    expect(inside('gw:default/gw', 'default')).toBe(true);
    expect(inside('l:apps/extra/tcp', 'apps')).toBe(true);
  });

  it('lays out 1,000 routes with rules quickly', () => {
    const t0 = performance.now();
    const v = buildView(syntheticTopology(1000, 2), { collapseAll: false });
    const l = layoutView(v);
    const ms = performance.now() - t0;
    expect(l.pos.size).toBe(v.nodes.length);
    expect(v.nodes.length).toBeGreaterThan(3000);
    expect(ms).toBeLessThan(1000);
  });
});

describe('navigate', () => {
  it('moves up/down in a column and left/right along edges', () => {
    const v = buildView(sampleTopology());
    const l = layoutView(v);
    expect(navigate(l, v, undefined, 'down')).toBe('gc:example');
    expect(navigate(l, v, 'gc:example', 'right')).toBe('gw:default/gw');
    expect(navigate(l, v, 'gw:default/gw', 'right')).toBe('l:default/gw/http');
    expect(navigate(l, v, 'l:default/gw/http', 'down')).toBe('l:default/gw/https');
    expect(navigate(l, v, 'l:default/gw/http', 'right')).toBe('rt:HTTPRoute/default/foo');
    expect(navigate(l, v, 'rt:HTTPRoute/default/foo', 'left')).toBe('l:default/gw/http');
    expect(navigate(l, v, 'gc:example', 'up')).toBe('gc:example');
  });
});
