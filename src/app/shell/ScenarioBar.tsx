// What the editor holds: an example (with its explanation), a shared link, a file, or your own work.
import { useState } from 'react';
import { EXAMPLES } from '../examples/index.ts';
import { useScenario } from '../store/scenario.ts';

const KIND_LABEL = { example: 'Example', link: 'Shared link', file: 'File', local: 'Your scenario', recent: 'Recent' };

export function ScenarioBar() {
  const origin = useScenario((s) => s.origin);
  const [open, setOpen] = useState(true);
  const example = origin.kind === 'example' ? EXAMPLES.find((e) => e.id === origin.exampleId) : undefined;
  // A boolean selector: the bar re-renders when the text starts or stops matching, not per keystroke.
  const edited = useScenario((s) => !!example && s.manifests !== example.manifests);
  return (
    <div className="scenario-bar">
      <div className="scenario-line">
        <span className="scenario-kind">{KIND_LABEL[origin.kind]}</span>
        <span className="scenario-title">{origin.kind === 'link' ? 'Opened from a share link' : origin.title}</span>
        {edited && <span className="scenario-edited">edited</span>}
        {example && (
          <button type="button" className="link-button" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide explanation' : 'What to look at'}
          </button>
        )}
      </div>
      {example && open && <p className="scenario-explanation">{example.explanation}</p>}
    </div>
  );
}
