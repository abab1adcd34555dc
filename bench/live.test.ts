import { describe, expect, it } from 'vitest';
import { editPoint, liveEditText, oneEdit } from './live.ts';

describe('live-edit figure', () => {
  it('generates texts of about the asked size and edits a hostname', () => {
    for (const n of [200, 2000]) {
      const text = liveEditText(n);
      const lines = text.split('\n').length;
      expect(Math.abs(lines - n) / n).toBeLessThan(0.25);
      const at = editPoint(text);
      const line = text.slice(text.lastIndexOf('\n', at) + 1, text.indexOf('\n', at));
      expect(line).toMatch(/^\s*- [\w.-]+\.example\.com/);
    }
  });

  it("runs the page's worker code and returns its view, markers and graph view model", () => {
    const text = liveEditText(200);
    const r = oneEdit(text, 7);
    expect(r.view.version).toBe(7);
    expect(r.view.counts.objects).toBeGreaterThan(5);
    expect(r.markers).toBe(r.view.diagnostics.filter((d) => d.range).length);
    expect(r.nodes).toBeGreaterThan(5);
  });
});
