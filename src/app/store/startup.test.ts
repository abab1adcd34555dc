import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.useRealTimers();
  vi.resetModules();
});

async function fresh() {
  vi.resetModules();
  return import('./startup.ts');
}

describe('whenGraphPainted', () => {
  it('calls back once, when the graph is painted', async () => {
    const { graphPainted, whenGraphPainted } = await fresh();
    vi.useFakeTimers();
    const fn = vi.fn();
    whenGraphPainted(fn);
    expect(fn).not.toHaveBeenCalled();
    graphPainted();
    graphPainted();
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledOnce();
  });
  it('calls back after the time limit when no graph is painted', async () => {
    const { whenGraphPainted } = await fresh();
    vi.useFakeTimers();
    const fn = vi.fn();
    whenGraphPainted(fn, 1000);
    vi.advanceTimersByTime(999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledOnce();
  });
  it('calls back at once after the graph was painted, and never once cancelled', async () => {
    const { graphPainted, whenGraphPainted } = await fresh();
    vi.useFakeTimers();
    const cancelled = vi.fn();
    whenGraphPainted(cancelled)();
    graphPainted();
    vi.advanceTimersByTime(5000);
    expect(cancelled).not.toHaveBeenCalled();
    const late = vi.fn();
    whenGraphPainted(late);
    expect(late).toHaveBeenCalledOnce();
  });
});
