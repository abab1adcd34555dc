// Our own thin Monaco wrapper (stack-notes §2): one model, created and disposed with the component.
import { useEffect, useRef } from 'react';
import { useScenario } from '../store/scenario.ts';
import { monaco } from './monaco.ts';

export default function ManifestEditor() {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const uri = monaco.Uri.parse('file:///manifests.yaml');
    // StrictMode mounts effects twice in dev: reuse a model if it survived, dispose everything on cleanup.
    const model =
      monaco.editor.getModel(uri) ?? monaco.editor.createModel(useScenario.getState().manifests, 'yaml', uri);
    const editor = monaco.editor.create(host.current as HTMLDivElement, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      ariaLabel: 'Manifest YAML',
    });
    const sub = model.onDidChangeContent(() => useScenario.getState().setManifests(model.getValue()));
    return () => {
      sub.dispose();
      editor.dispose();
      model.dispose();
    };
  }, []);
  return <div ref={host} className="monaco-host" data-testid="editor" />;
}
