// Adapter to the share codec in src/engine/share (built by the share engineer; the CLI uses it too).
// Loaded lazily: the page needs it only to open or make a link, so it stays out of the initial JS.
// import.meta.glob keeps the build working while that module does not exist yet: the page then says
// that links are not available instead of failing to build.

import type { Scenario } from '../../engine/index.ts';

export type DecodeResult = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; error: string };

interface CodecModule {
  encodeScenario(scenario: Scenario): string;
  decodeScenario(fragment: string): DecodeResult;
}

const modules = import.meta.glob('../../engine/share/index.ts');

let loading: Promise<CodecModule | null> | null = null;

export function loadCodec(): Promise<CodecModule | null> {
  if (!loading) {
    const load = Object.values(modules)[0];
    loading = load
      ? load().then((m) => {
          const mod = m as Partial<CodecModule>;
          return typeof mod.encodeScenario === 'function' && typeof mod.decodeScenario === 'function'
            ? (mod as CodecModule)
            : null;
        })
      : Promise.resolve(null);
    loading = loading.catch(() => null);
  }
  return loading;
}

export const CODEC_MISSING = 'Share links are not available in this build yet.';

export async function decodeFragment(fragment: string): Promise<DecodeResult> {
  const codec = await loadCodec();
  if (!codec) return { ok: false, error: CODEC_MISSING };
  try {
    return codec.decodeScenario(fragment);
  } catch (e) {
    // The codec promises not to throw; a link is untrusted input, so guard anyway.
    return { ok: false, error: `This link could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}

export async function encodeFragment(scenario: Scenario): Promise<string | null> {
  const codec = await loadCodec();
  return codec ? codec.encodeScenario(scenario) : null;
}
