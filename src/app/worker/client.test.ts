// The page's engine client against a scripted stand-in for the Worker: start-up signal, replies by id,
// and the fire-and-forget prefetch that start-up uses (app/earlyStart.ts).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from './protocol.ts';

class FakeWorker {
  static all: FakeWorker[] = [];
  onmessage: ((ev: { data: FromWorker }) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  posted: ToWorker[] = [];
  terminated = false;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(msg: ToWorker) {
    this.posted.push(msg);
  }
  terminate() {
    this.terminated = true;
  }
  /** The worker answering. */
  reply(data: FromWorker) {
    this.onmessage?.({ data });
  }
}

const view = (version: number) => ({
  version,
  key: 'k',
  diagnostics: [],
  status: [],
  topology: { nodes: [], edges: [] },
  gateways: [],
  counts: { objects: 0, errors: 0, warnings: 0 },
  ms: 1,
  engineVersion: 'test',
});

let EngineClient: typeof import('./client.ts').EngineClient;

beforeEach(async () => {
  FakeWorker.all = [];
  vi.stubGlobal('Worker', FakeWorker);
  ({ EngineClient } = await import('./client.ts'));
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('EngineClient start-up', () => {
  it('whenStarted resolves when the worker says it is ready, not before', async () => {
    const c = new EngineClient();
    let started = false;
    void c.whenStarted(60_000).then(() => {
      started = true;
    });
    await Promise.resolve();
    expect(FakeWorker.all).toHaveLength(1);
    expect(started).toBe(false);
    FakeWorker.all[0]!.reply({ type: 'ready', id: 0 });
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toBe(true);
  });

  it('whenStarted gives up waiting after maxMs (a worker that never starts is reported by the first call)', async () => {
    vi.useFakeTimers();
    const c = new EngineClient();
    let started = false;
    void c.whenStarted(250).then(() => {
      started = true;
    });
    await vi.advanceTimersByTimeAsync(249);
    expect(started).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toBe(true);
  });

  it('the ready signal is not taken for the reply to a request', async () => {
    const c = new EngineClient();
    const p = c.analyze([{ name: 'm.yaml', text: 'a: 1' }], {}, 7);
    const w = FakeWorker.all[0]!;
    w.reply({ type: 'ready', id: 0 });
    const req = w.posted[0]!;
    expect(req.type).toBe('analyze');
    w.reply({ type: 'analysis', id: req.id, view: view(7) });
    await expect(p).resolves.toMatchObject({ version: 7 });
  });

  it('prefetch posts an ordinary analyze and drops its reply; a restart does not leave a rejection unhandled', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const c = new EngineClient();
      c.prefetch([{ name: 'm.yaml', text: 'a: 1' }], { channel: 'standard' });
      const w = FakeWorker.all[0]!;
      expect(w.posted[0]).toMatchObject({
        type: 'analyze',
        version: -1,
        files: [{ name: 'm.yaml', text: 'a: 1' }],
        options: { channel: 'standard' },
      });
      c.restart('cancelled');
      expect(w.terminated).toBe(true);
      await new Promise((r) => setTimeout(r, 10));
      expect(unhandled).not.toHaveBeenCalled();
      // The next call starts a fresh worker, with its own start-up signal.
      let started = false;
      void c.whenStarted(60_000).then(() => {
        started = true;
      });
      expect(FakeWorker.all).toHaveLength(2);
      FakeWorker.all[1]!.reply({ type: 'ready', id: 0 });
      await new Promise((r) => setTimeout(r, 0));
      expect(started).toBe(true);
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});
