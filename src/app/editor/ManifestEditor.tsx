// Our own thin Monaco wrapper (stack-notes §2): one model, created and disposed with the component.
// It shows the engine's diagnostics as markers (only for the version they were computed for), offers
// the engine's fixes as quick fixes, and reveals whatever the Problems panel or the graph selects.

import { useEffect, useRef } from 'react';
import type { Diagnostic, Fix } from '../../engine/index.ts';
import { useEditorCursor } from '../graph/store.ts';
import { useScenario } from '../store/scenario.ts';
import { useUi } from '../store/ui.ts';
import { MANIFEST_FILE } from '../worker/view.ts';
import { monaco } from './monaco.ts';
import { applyEditorSchema } from './schema.ts';

const OWNER = 'gateway-sim';
const MODEL_URI = monaco.Uri.parse(`file:///${MANIFEST_FILE}`);

function severity(d: Diagnostic): monaco.MarkerSeverity {
  if (d.severity === 'error') return monaco.MarkerSeverity.Error;
  if (d.severity === 'warning') return monaco.MarkerSeverity.Warning;
  return monaco.MarkerSeverity.Info;
}

function rangeOf(model: monaco.editor.ITextModel, start: number, end: number): monaco.IRange {
  const s = model.getPositionAt(start);
  let e = model.getPositionAt(Math.max(start, end));
  // A zero-width range would draw no squiggle: underline the rest of the line instead.
  if (e.lineNumber === s.lineNumber && e.column === s.column) {
    const max = model.getLineMaxColumn(s.lineNumber);
    e = new monaco.Position(s.lineNumber, max > s.column ? max : s.column + 1);
  }
  return { startLineNumber: s.lineNumber, startColumn: s.column, endLineNumber: e.lineNumber, endColumn: e.column };
}

function inThisFile(d: Diagnostic): boolean {
  return !!d.range && (d.range.file === MANIFEST_FILE || !d.range.file);
}

/**
 * Markers beyond this many make Monaco's decorations and overview ruler stall the main thread (a hostile
 * paste can yield thousands); errors go first, and the Problems panel still lists every diagnostic.
 */
const MAX_MARKERS = 1000;

function markedDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const here = diagnostics.filter(inThisFile);
  if (here.length <= MAX_MARKERS) return here;
  const ranked = [...here.filter((d) => d.severity === 'error'), ...here.filter((d) => d.severity !== 'error')];
  const picked = new Set<Diagnostic>();
  // One of each kind first, so that a flood of one repeated problem never hides a different one.
  const codes = new Set<string>();
  for (const d of ranked)
    if (!codes.has(d.code)) {
      codes.add(d.code);
      picked.add(d);
    }
  for (const d of ranked) {
    if (picked.size >= MAX_MARKERS) break;
    picked.add(d);
  }
  return here.filter((d) => picked.has(d));
}

function toMarkers(model: monaco.editor.ITextModel, diagnostics: Diagnostic[]): monaco.editor.IMarkerData[] {
  return markedDiagnostics(diagnostics).map((d) => ({
    ...rangeOf(model, d.range!.start, d.range!.end),
    severity: severity(d),
    message: d.message,
    code: d.code,
    source: 'gateway-sim',
  }));
}

function fixEdits(model: monaco.editor.ITextModel, fix: Fix): monaco.editor.IIdentifiedSingleEditOperation[] {
  return fix.edits
    .filter((e) => e.file === MANIFEST_FILE || !e.file)
    .map((e) => {
      const s = model.getPositionAt(e.start);
      const en = model.getPositionAt(e.end);
      return {
        range: new monaco.Range(s.lineNumber, s.column, en.lineNumber, en.column),
        text: e.text,
        forceMoveMarkers: true,
      };
    });
}

/** The diagnostics of the current model version, or none: a stale analysis never offers fixes. */
function currentDiagnostics(): Diagnostic[] {
  const s = useScenario.getState();
  return s.analysis && s.analysis.version === s.version ? s.analysis.diagnostics : [];
}

// Registered once per page: Monaco keeps providers globally, and there is one manifest model.
let codeActionsRegistered = false;
function registerCodeActions() {
  if (codeActionsRegistered) return;
  codeActionsRegistered = true;
  monaco.languages.registerCodeActionProvider(
    'yaml',
    {
      provideCodeActions(model, range) {
        if (model.uri.toString() !== MODEL_URI.toString()) return { actions: [], dispose() {} };
        const actions: monaco.languages.CodeAction[] = [];
        for (const d of currentDiagnostics()) {
          if (!d.fix || !inThisFile(d)) continue;
          const r = monaco.Range.lift(rangeOf(model, d.range!.start, d.range!.end));
          if (!r.intersectRanges(range) && !r.containsRange(range)) continue;
          actions.push({
            title: d.fix.title,
            kind: 'quickfix',
            isPreferred: actions.length === 0,
            diagnostics: [{ ...r, severity: severity(d), message: d.message, code: d.code, source: 'gateway-sim' }],
            edit: {
              edits: fixEdits(model, d.fix).map((e) => ({
                resource: model.uri,
                textEdit: { range: e.range, text: e.text ?? '' },
                versionId: model.getVersionId(),
              })),
            },
          });
        }
        return { actions, dispose() {} };
      },
    },
    { providedCodeActionKinds: ['quickfix'] },
  );
}

export default function ManifestEditor() {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    registerCodeActions();
    // StrictMode mounts effects twice in dev: reuse a model if it survived, dispose everything on cleanup.
    const model =
      monaco.editor.getModel(MODEL_URI) ??
      monaco.editor.createModel(useScenario.getState().manifests, 'yaml', MODEL_URI);
    // Text may have been replaced (a link, a file) while Monaco was loading.
    if (model.getValue() !== useScenario.getState().manifests) model.setValue(useScenario.getState().manifests);
    const editor = monaco.editor.create(host.current as HTMLDivElement, {
      model,
      automaticLayout: true,
      minimap: { enabled: false },
      ariaLabel: 'Manifest YAML. Press Ctrl+M to let Tab move focus out of the editor.',
      theme: useUi.getState().resolvedTheme === 'dark' ? 'gwsim-dark' : 'gwsim-light',
      fontSize: 13,
      lineHeight: 20,
      tabSize: 2,
      scrollBeyondLastLine: false,
      renderLineHighlight: 'line',
      lightbulb: { enabled: monaco.editor.ShowLightbulbIconMode.OnCode },
      fixedOverflowWidgets: true,
      placeholder:
        'Paste Kubernetes manifests here (GatewayClass, Gateway, HTTPRoute, Service…), open a file, or pick one of the Examples.',
      padding: { top: 8 },
      // A hidden <textarea> rather than the EditContext API: page-level key handlers (React Flow's
      // Space-to-pan, for one) recognise a focused textarea as text input and leave its keys alone;
      // with EditContext they swallowed every space typed in the editor.
      editContext: false,
      // Dropping a file anywhere opens it (App.tsx); Monaco would paste its path or text instead.
      dropIntoEditor: { enabled: false },
      overviewRulerBorder: false,
      hideCursorInOverviewRuler: true,
    });

    const reveal = editor.createDecorationsCollection();
    let revealTimer: ReturnType<typeof setTimeout> | undefined;
    const sub = model.onDidChangeContent(() => useScenario.getState().setManifests(model.getValue()));
    // The graph highlights the node the cursor is in (graph/store.ts).
    const cursorSub = editor.onDidChangeCursorPosition((e) =>
      useEditorCursor.getState().setCursor(model.getOffsetAt(e.position)),
    );

    const applyMarkers = () => {
      const s = useScenario.getState();
      // Tagged with the version: markers computed for another text would land on the wrong ranges.
      if (!s.analysis || s.analysis.version !== s.version) return;
      monaco.editor.setModelMarkers(model, OWNER, toMarkers(model, s.analysis.diagnostics));
    };
    applyMarkers();

    useScenario.setState({
      fixApplier: (fix) => {
        editor.pushUndoStop();
        editor.executeEdits('gateway-sim-fix', fixEdits(model, fix));
        editor.pushUndoStop();
        editor.focus();
      },
    });

    const unsubStore = useScenario.subscribe((s, p) => {
      if (s.epoch !== p.epoch && model.getValue() !== s.manifests) {
        // Replaced from outside (example, link, file, fix without editor): keep it undoable.
        editor.pushUndoStop();
        model.pushEditOperations([], [{ range: model.getFullModelRange(), text: s.manifests }], () => null);
        editor.pushUndoStop();
        monaco.editor.setModelMarkers(model, OWNER, []);
      }
      if (s.analysis !== p.analysis || s.version !== p.version) applyMarkers();
      // Markers of the previous version follow the edits for the short wait of a normal analysis; once
      // the new one is slow, cancelled or failed they may be wrong, so they go until a result arrives.
      if (
        s.analysisStatus !== p.analysisStatus &&
        ['slow', 'cancelled', 'failed'].includes(s.analysisStatus.phase) &&
        s.analysis?.version !== s.version
      )
        monaco.editor.setModelMarkers(model, OWNER, []);
      if (s.selection !== p.selection && s.selection.range && s.analysis?.version === s.version) {
        const r = rangeOf(model, s.selection.range.start, s.selection.range.end);
        editor.setSelection(new monaco.Selection(r.startLineNumber, r.startColumn, r.startLineNumber, r.startColumn));
        editor.revealRangeInCenterIfOutsideViewport(r, monaco.editor.ScrollType.Smooth);
        if (s.selection.focusEditor) editor.focus();
        // Flash the selected object's text so that the eye finds it after the jump.
        reveal.set([
          {
            range: rangeOf(model, s.selection.range.start, s.selection.range.end),
            options: { className: 'gwsim-reveal' },
          },
        ]);
        clearTimeout(revealTimer);
        revealTimer = setTimeout(() => reveal.clear(), 1600);
      }
      if (s.settings.channel !== p.settings.channel) void applyEditorSchema(s.settings.channel ?? 'standard');
    });
    void applyEditorSchema(useScenario.getState().settings.channel ?? 'standard');

    const unsubUi = useUi.subscribe((s, p) => {
      if (s.resolvedTheme !== p.resolvedTheme)
        monaco.editor.setTheme(s.resolvedTheme === 'dark' ? 'gwsim-dark' : 'gwsim-light');
    });

    return () => {
      clearTimeout(revealTimer);
      sub.dispose();
      cursorSub.dispose();
      unsubStore();
      unsubUi();
      useScenario.setState({ fixApplier: null });
      editor.dispose();
      model.dispose();
    };
  }, []);
  return <div ref={host} className="monaco-host" data-testid="editor" />;
}
