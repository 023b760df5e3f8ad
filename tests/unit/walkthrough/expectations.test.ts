/**
 * The walkthrough's lessons say what the checklist shows: each trial reaches its verdict, and
 * where a lesson says the keys are left Unknown (a 403, a 429), the checklist leaves them so.
 */
import { describe, expect, test } from 'vitest';
import { runTrial } from '../../../src/lib/walkthrough/run';
import { STEPS } from '../../../src/lib/walkthrough/steps';

const trials = STEPS.flatMap((step) => step.trials.map((trial) => ({ step, trial })));

describe('every trial of the walkthrough', () => {
  test.each(trials.map(({ step, trial }) => [trial.id, step, trial] as const))(
    '%s reaches its verdict, and its lesson agrees with the keys items',
    async (_id, _step, trial) => {
      const result = await runTrial(trial, {
        createSandbox: (await import('../../../src/lib/sandbox')).createSandbox,
        now: () => Date.parse('2026-01-01T00:00:00Z'),
      });
      const { checklist } = result;
      expect(checklist.verdict).toBe(trial.expected);
      const keys = checklist.items.find((i) => i.id === 'keys-valid');
      if (trial.expected === 'forbidden' || trial.expected === 'rate-limited') {
        // A 403 or a 429 does not show the keys valid (FACTS.md, "Unknown").
        expect(keys?.status).toBe('unknown');
      }
      expect(checklist.headline).not.toMatch(/^(Forbidden|Authenticated|Rate limited)/);
    },
  );

  test('the lessons of a 403 and a 429 say the keys are left Unknown', () => {
    for (const step of STEPS) {
      const expects = step.trials.map((t) => t.expected);
      if (expects.includes('rate-limited') || expects.includes('forbidden')) {
        expect(step.lesson.join(' '), step.title).toMatch(
          /keys stay Unknown|leaves the keys Unknown/,
        );
      }
    }
  });
});
