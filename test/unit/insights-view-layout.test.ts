import { describe, expect, it } from 'vitest';
import { insightsLayout } from '../../src/view/insights-screen.js';

describe('the insights layout', () => {
  it('gives each row of lists its share of the height, however many lists the pane has', () => {
    for (const [columns, height] of [[140, 33], [80, 20]] as const) {
      for (const lists of [4, 7]) {
        const layout = insightsLayout({ columns }, height, lists);
        const listLines = Math.ceil(lists / 2) * (layout.perList + 1);
        // Wide: the lists beside the timeline; narrow: below it. Either way they must fit.
        expect(layout.wide ? listLines : listLines + layout.timelineHeight).toBeLessThanOrEqual(height);
      }
    }
  });
});
