// Minimal Monaco, bundled locally and loaded lazily: editor API + YAML tokenizer + the contributions
// we use (stack-notes §2). monaco-yaml supplies completion and hover; its own validation is off,
// because the engine's diagnostics (upstream wording) are the only markers.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/languages/definitions/yaml/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/gotoError/register';
import 'monaco-editor/features/contextmenu/register';
// Quick fixes (lightbulb, Ctrl+. and "Quick Fix…" in the marker hover) apply the engine's fix edits.
import 'monaco-editor/features/codeAction/register';
// Ctrl+M switches Tab between "indent" and "move focus": keyboard users can leave the editor.
import 'monaco-editor/features/toggleTabFocusMode/register';
// An empty editor says what to do instead of staring back.
import 'monaco-editor/features/placeholderText/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from './yaml.worker.ts?worker';

self.MonacoEnvironment = {
  getWorker(_moduleId: string, label: string) {
    if (label === 'yaml') return new YamlWorker();
    return new EditorWorker();
  },
};

// monaco-yaml 5.5.1 (via monaco-worker-manager 2.0.1) still calls the pre-0.53 API
// monaco.editor.createWebWorker({ moduleId, label, createData }); monaco-editor >=0.53 wants { worker }.
// Shim it the way monaco's own internal/common/workers.js does (stack-notes §2, fix (a)).
type LegacyWorkerOpts = {
  label?: string;
  createData?: unknown;
  host?: Record<string, unknown>;
  keepIdleModels?: boolean;
};
const monacoForYaml = {
  ...monaco,
  editor: {
    ...monaco.editor,
    createWebWorker(opts: LegacyWorkerOpts) {
      const worker = new YamlWorker();
      worker.postMessage('ignore');
      worker.postMessage(opts.createData);
      return monaco.editor.createWebWorker({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels } as never);
    },
  },
} as unknown as typeof monaco;

export const monacoYaml = configureMonacoYaml(monacoForYaml, {
  enableSchemaRequest: false,
  validate: false,
  format: { enable: false },
  schemas: [],
});

// Editor colours follow the page's palette (styles.css) so that the editor does not look pasted in.
monaco.editor.defineTheme('gwsim-light', {
  base: 'vs',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#ffffff', 'editorGutter.background': '#ffffff' },
});
monaco.editor.defineTheme('gwsim-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: { 'editor.background': '#161b22', 'editorGutter.background': '#161b22' },
});

(globalThis as { __monaco?: typeof monaco }).__monaco = monaco; // test hook

export { monaco };
