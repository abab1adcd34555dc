// Completion and hover come from the engine's JSON Schema (Model issue: one branch per apiVersion + kind).
// import.meta.glob keeps the build working until src/engine/model/index.ts exports `editorJsonSchema`;
// until then the editor simply has no schema (no completion), never a wrong one.

import type { Channel } from '../../engine/index.ts';
import { monacoYaml } from './monaco.ts';

const modules = import.meta.glob('../../engine/model/index.ts');

type SchemaFn = (channel: Channel) => unknown;

async function schemaFn(): Promise<SchemaFn | null> {
  const load = Object.values(modules)[0];
  if (!load) return null;
  try {
    const m = (await load()) as { editorJsonSchema?: SchemaFn };
    return typeof m.editorJsonSchema === 'function' ? m.editorJsonSchema : null;
  } catch {
    return null;
  }
}

let applied: Channel | null = null;

export async function applyEditorSchema(channel: Channel): Promise<boolean> {
  if (applied === channel) return true;
  const fn = await schemaFn();
  if (!fn) return false;
  const schema = fn(channel);
  await monacoYaml.update({
    enableSchemaRequest: false,
    validate: false,
    format: { enable: false },
    completion: true,
    hover: true,
    schemas: [{ uri: `inmemory://gateway-sim/${channel}.schema.json`, fileMatch: ['*'], schema: schema as never }],
  });
  applied = channel;
  return true;
}
