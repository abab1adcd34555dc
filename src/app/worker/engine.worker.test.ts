// The engine worker as the page starts it (app/earlyStart.ts): it says when it is ready, and the live
// analysis of the scenario a first visit shows is answered from the analysis start-up prefetched.
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES } from '../examples/index.ts';
import { useScenario } from '../store/scenario.ts';
import { analysisInput } from './live.ts';
import type { FromWorker, ToWorker } from './protocol.ts';

const sent: FromWorker[] = [];
let onmessage: (ev: { data: ToWorker }) => void;

beforeAll(async () => {
  const self = {
    onmessage: null as ((ev: { data: ToWorker }) => void) | null,
    postMessage: (m: FromWorker) => sent.push(structuredClone(m)),
  };
  (globalThis as unknown as { self: typeof self }).self = self;
  await import('./engine.worker.ts');
  onmessage = (ev) => self.onmessage?.({ data: structuredClone(ev.data) });
});

function ask(msg: ToWorker): FromWorker {
  const before = sent.length;
  onmessage({ data: msg });
  expect(sent.length).toBe(before + 1);
  return sent[before]!;
}

describe('engine worker', () => {
  it('says it is ready once its code has loaded', () => {
    expect(sent[0]).toEqual({ type: 'ready', id: 0 });
  });

  it('answers the live analysis of the first example from the start-up prefetch', () => {
    // What start-up prefetches: the store's initial state, which is the first example.
    const initial = useScenario.getState();
    expect(initial.manifests).toBe(EXAMPLES[0]!.manifests);
    const first = ask({ type: 'analyze', id: 1, version: -1, ...analysisInput(initial) });
    // The live analysis builds its own objects from the same state: same text and options, same key.
    const again = analysisInput({ manifests: `${initial.manifests}`, settings: { ...initial.settings } });
    const second = ask({ type: 'analyze', id: 2, version: 1, ...again });
    if (first.type !== 'analysis' || second.type !== 'analysis') throw new Error('expected analyses');
    expect(second.view.key).toBe(first.view.key);
    expect(second.view.version).toBe(1);
    expect(second.view.counts).toEqual(first.view.counts);
    expect(second.view.topology).toEqual(first.view.topology);
    // A different setting is a different analysis.
    const other = ask({
      type: 'analyze',
      id: 3,
      version: 2,
      ...analysisInput({
        manifests: initial.manifests,
        settings: {
          ...initial.settings,
          channel: initial.settings.channel === 'experimental' ? 'standard' : 'experimental',
        },
      }),
    });
    if (other.type !== 'analysis') throw new Error('expected an analysis');
    expect(other.view.key).not.toBe(first.view.key);
  });
});
