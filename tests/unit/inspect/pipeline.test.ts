// The Diagnose worker's time limit: a paste still being read when the limit passes ends the
// worker (so its thread stops) with a message a person can act on, and the next paste gets a new
// worker. A fake worker with the real interface stands in for one that never answers.
import { expect, test } from 'vitest';
import { workerPipeline } from '../../../src/browser/paste-worker';
import { TOO_SLOW } from '../../../src/lib/inspect/pipeline';

class StuckWorker {
  static started = 0;
  terminated = false;
  onmessage: unknown = null;
  onerror: unknown = null;
  onmessageerror: unknown = null;
  constructor() {
    StuckWorker.started++;
  }
  postMessage(): void {
    // Never answers: the paste takes forever.
  }
  terminate(): void {
    this.terminated = true;
  }
}

test('a paste still being read at the limit ends the worker with the clear message', async () => {
  const workers: StuckWorker[] = [];
  const pipeline = workerPipeline(20, () => {
    const w = new StuckWorker();
    workers.push(w);
    return w as unknown as Worker;
  });
  const input = {
    request: 'curl https://api.redislabs.com/v1/',
    response: '',
    at: '2024-05-07T10:00:00Z',
  };
  await expect(pipeline(input)).rejects.toThrow(TOO_SLOW);
  expect(TOO_SLOW).toMatch(/^This paste is too large or too unusual to read: /);
  expect(workers[0]?.terminated).toBe(true);
  // The next paste gets a fresh worker, not the stopped one.
  await expect(pipeline(input)).rejects.toThrow(TOO_SLOW);
  expect(workers).toHaveLength(2);
});
