import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimRequest, Trace } from '../../engine/index.ts';
import { baseTrace } from './fixtures.ts';

// The engine worker, replaced by promises the test resolves in any order.
const pending: { req: SimRequest; resolve: (t: Trace) => void; reject: (e: Error) => void }[] = [];
vi.mock('../worker/client.ts', () => ({
  engine: {
    simulate: (req: SimRequest) =>
      new Promise<Trace>((resolve, reject) => {
        pending.push({ req, resolve, reject });
      }),
    simulateMany: async () => ({ 'default/foo-v2': 1000 }),
  },
}));

const { useTester } = await import('./store.ts');
const { useScenario } = await import('../store/scenario.ts');

const traceFor = (req: SimRequest, backend = 'foo-v2') =>
  baseTrace({
    request: req,
    backends: [
      { group: '', kind: 'Service', namespace: 'default', name: backend, port: 8080, weight: 1, share: 1, valid: true },
    ],
  });

beforeEach(() => {
  pending.length = 0;
});

describe('useTester', () => {
  it('never lets an older reply replace a newer trace', async () => {
    const t = useTester.getState();
    t.loadRequest({ host: 'a', path: '/old' });
    const first = t.send();
    t.loadRequest({ host: 'a', path: '/new' });
    const second = useTester.getState().send();
    expect(pending.map((p) => p.req.path)).toEqual(['/old', '/new']);
    pending[1]!.resolve(traceFor(pending[1]!.req, 'new'));
    await second;
    pending[0]!.resolve(traceFor(pending[0]!.req, 'old'));
    await first;
    const s = useTester.getState();
    expect(s.trace?.backends[0]?.name).toBe('new');
    expect(s.request?.path).toBe('/new');
    expect(s.running).toBe(false);
  });

  it('re-runs the last sent request, and shows engine errors', async () => {
    const run = useTester.getState().rerun();
    expect(pending.map((p) => p.req.path)).toEqual(['/new']);
    pending[0]!.reject(new Error('The engine stopped'));
    await run;
    expect(useTester.getState().error).toBe('The engine stopped');
    // The previous trace stays on screen.
    expect(useTester.getState().trace?.backends[0]?.name).toBe('new');
  });

  it('runs every test case and keeps the results with the tests they belong to', async () => {
    const tests = [
      { name: 'v2', request: { host: 'a', path: '/x' }, expect: { backend: 'default/foo-v2' } },
      { name: 'v1', request: { host: 'a', path: '/y' }, expect: { backend: 'default/foo-v1' } },
    ];
    useScenario.setState({ tests });
    const run = useTester.getState().runTests();
    await Promise.resolve();
    for (const p of pending) p.resolve(traceFor(p.req));
    await run;
    const tr = useTester.getState().testRun;
    expect(tr?.tests).toBe(tests);
    expect(tr?.results.map((r) => r.pass)).toEqual([true, false]);
    expect(tr?.results[1]?.mismatches[0]).toEqual({ key: 'backends.default/foo-v1', expected: 1, actual: null });
  });

  it('samples the request on screen and drops the counts when a new trace arrives', async () => {
    await useTester.getState().sample(1000, 7);
    expect(useTester.getState().sampled).toMatchObject({ n: 1000, seed: 7, counts: { 'default/foo-v2': 1000 } });
    useTester.getState().loadRequest({ host: 'b', path: '/' });
    const run = useTester.getState().send();
    pending[0]!.resolve(traceFor(pending[0]!.req));
    await run;
    expect(useTester.getState().sampled).toBeNull();
  });
});
