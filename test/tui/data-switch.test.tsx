/** `d` in the Ink questionnaire: listed among the keys where another data set is offered, and ending the walk to start over on it. */
import { describe, expect, it } from 'vitest';
import { drive, flat } from './harness.js';

describe('the other data set', () => {
  it('is offered by d on a question, and d ends the walk to start over on it', async () => {
    const app = await drive({ otherData: 'trackers-2026' });
    expect(flat(app.live())).toContain('d trackers-2026');
    await app.press('1', 'd');
    expect(app.outcome()).toEqual({ kind: 'switch' });
    // The "⇄ Switching to trackers-2026" line it leaves is checked in a real terminal
    // (test/e2e/data-sets.test.ts): under CI, Ink draws no frame after the app ends.
  });

  it('works on the checklist and the result too', async () => {
    const onChecklist = await drive({ otherData: 'trackers-2026', start: 'checklist' });
    expect(flat(onChecklist.live())).toContain('d trackers-2026');
    await onChecklist.press('d');
    expect(onChecklist.outcome()).toEqual({ kind: 'switch' });
    const onResult = await drive({ otherData: 'study-2021', tree: 'figure-1' });
    await onResult.press('2', '2', '2');
    expect(flat(onResult.live())).toContain('d study-2021');
    await onResult.press('d');
    expect(onResult.outcome()).toEqual({ kind: 'switch' });
  });

  it('is neither listed nor acted on where none is offered', async () => {
    const app = await drive();
    expect(flat(app.live())).not.toContain('d trackers-2026');
    await app.press('d');
    expect(app.outcome()).toBeUndefined();
  });
});
