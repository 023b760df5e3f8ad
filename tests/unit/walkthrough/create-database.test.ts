import { expect, test } from 'vitest';
import { runTrial } from '../../../src/lib/walkthrough/run';
import { STEPS } from '../../../src/lib/walkthrough/steps';

const trials = STEPS.flatMap((s) => s.trials);

test('the Owner creates a database and the trial follows its task to the end', async () => {
  const trial = trials.find((t) => t.id === 'owner-creates-database');
  if (!trial) throw new Error('no owner-creates-database trial');
  const result = await runTrial(trial);
  expect(result.exchange.response?.status).toBe(202);
  const [followed, created] = result.notes;
  expect(followed).toMatch(
    /^Followed task [0-9a-f-]{36}: 404 \(not visible yet\) after 1 s, then initialized after 2 s, then received after 3 s, then processing-in-progress after 5 s, then processing-completed after 8 s\.$/,
  );
  expect(created).toMatch(/^GET \/v1\/subscriptions\/51001\/databases\/\d+ now answers 200/);
});
