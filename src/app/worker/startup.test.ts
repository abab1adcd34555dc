import { describe, expect, it, vi } from 'vitest';
import { buildStartupView } from '../../../scripts/startup-view.ts';
import { analyze } from '../../engine/index.ts';
import { exampleScenario } from '../store/scenario.ts';
import { confirmStartupView, startupViewFor } from './startup.ts';
import { analysisView, filesKey, pageFiles, pageOptions } from './view.ts';

const startup = buildStartupView();
if (!startup) throw new Error('no default example');
// As the page opens a first visit: the default example, with its settings (store/scenario.ts).
const { data } = exampleScenario(0);
const files = pageFiles(data.manifests);
const options = pageOptions(data.settings);

describe('buildStartupView', () => {
  it('is the view the worker answers for the default example', () => {
    const key = filesKey(files, options);
    expect(startup.key).toBe(key);
    expect(startup.view).toEqual(analysisView(analyze(files, options), 0, key, 0));
  });
  it('survives JSON, the way the build embeds it (no Map, Set or undefined that matters)', () => {
    expect(JSON.parse(JSON.stringify(startup))).toEqual(startup);
  });
});

describe('startupViewFor', () => {
  it('answers for exactly the default example, with the page version and the startup flag', () => {
    const v = startupViewFor(files, options, 7, startup);
    expect(v?.version).toBe(7);
    expect(v?.startup).toBe(true);
    expect(v?.topology).toBe(startup.view.topology);
  });
  it('answers nothing for another text, other options, or without a start-up view', () => {
    const edited = pageFiles(data.manifests.replace('name:', 'name: '));
    const sameLength = pageFiles(`${data.manifests.slice(0, -1)}#`);
    expect(startupViewFor(edited, options, 1, startup)).toBeNull();
    expect(startupViewFor(sameLength, options, 1, startup)).toBeNull();
    expect(startupViewFor(files, { ...options, channel: 'experimental' }, 1, startup)).toBeNull();
    expect(startupViewFor(files, options, 1, null)).toBeNull();
  });
  it('is null under Vitest (the virtual module makes one only in a production build)', () => {
    expect(startupViewFor(files, options, 1)).toBeNull();
  });
});

describe('confirmStartupView', () => {
  const shown = startupViewFor(files, options, 3, startup);
  const fromWorker = analysisView(analyze(files, options), 3, startup.key, 12.5);

  it('keeps the objects on screen and takes the engine time when the worker agrees', () => {
    const v = confirmStartupView(shown, fromWorker);
    expect(v.topology).toBe(shown?.topology);
    expect(v.diagnostics).toBe(shown?.diagnostics);
    expect(v.ms).toBe(12.5);
    expect(v.startup).toBeUndefined();
  });
  it("shows the worker's view, and says so, when they differ", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const other = { ...fromWorker, counts: { ...fromWorker.counts, objects: fromWorker.counts.objects + 1 } };
    expect(confirmStartupView(shown, other)).toBe(other);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
  });
  it("is the worker's view for any other analysis (another version, key, or no start-up view)", () => {
    expect(confirmStartupView(shown, { ...fromWorker, version: 4 }).version).toBe(4);
    const later = { ...fromWorker, key: 'other' };
    expect(confirmStartupView(shown, later)).toBe(later);
    expect(confirmStartupView(null, fromWorker)).toBe(fromWorker);
    expect(confirmStartupView(fromWorker, fromWorker)).toBe(fromWorker);
  });
});
