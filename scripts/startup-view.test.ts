import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { buildStartupView, STARTUP_VIEW_MODULE, startupViewPlugin } from './startup-view.ts';

/** The module text the plugin gives `virtual:startup-view` for a build or the dev server. */
function moduleText(command: 'build' | 'serve'): string {
  const p = startupViewPlugin() as Plugin & {
    configResolved: (c: { command: string }) => void;
    resolveId: (id: string) => string | null;
    load: (id: string) => string | null;
  };
  p.configResolved({ command });
  const id = p.resolveId(STARTUP_VIEW_MODULE);
  if (!id) throw new Error('not resolved');
  return p.load(id) ?? '';
}

describe('startupViewPlugin', () => {
  it('embeds the default example view in a build', () => {
    expect(moduleText('build')).toBe(`export default ${JSON.stringify(buildStartupView())};\n`);
  });
  it('gives null to the dev server, where the engine may change under it', () => {
    expect(moduleText('serve')).toBe('export default null;\n');
  });
  it('resolves nothing else', () => {
    const p = startupViewPlugin() as Plugin & { resolveId: (id: string) => string | null };
    expect(p.resolveId('virtual:other')).toBeNull();
  });
});
