import { expect, test } from 'vitest';
import {
  createdResourcePath,
  isFinished,
  readTask,
  taskIdOf,
  taskPollDelay,
} from '../../../src/lib/api/task';

test('the task id of an asynchronous answer', () => {
  expect(taskIdOf('{"taskId":"b2a6-77","status":"received"}')).toBe('b2a6-77');
  expect(taskIdOf('{"account":{}}')).toBeNull();
  expect(taskIdOf('<html>')).toBeNull();
  expect(taskIdOf('{"taskId":"<script>"}')).toBeNull();
});

test('a failed task is read with its error type and description', () => {
  const report = readTask(
    JSON.stringify({
      taskId: 't',
      status: 'processing-error',
      description: 'Task request failed during processing.',
      response: {
        error: {
          type: 'SUBSCRIPTION_NOT_ACTIVE',
          status: '403 FORBIDDEN',
          description: 'Subscription is not active',
        },
      },
    }),
  );
  expect(report).toEqual({
    status: 'processing-error',
    description: 'Task request failed during processing.',
    error: {
      type: 'SUBSCRIPTION_NOT_ACTIVE',
      status: '403 FORBIDDEN',
      description: 'Subscription is not active',
    },
  });
  expect(isFinished('processing-error')).toBe(true);
  expect(isFinished('processing-in-progress')).toBe(false);
  expect(readTask('{"taskId":"t"}')).toBeNull();
});

test('polls back off 1 s, 2 s, 4 s, then stay at 4 s', () => {
  expect([0, 1, 2, 3, 10].map((n) => taskPollDelay(n))).toEqual([1000, 2000, 4000, 4000, 4000]);
});

test('what a POST created is read at its path plus the new id; other methods create nothing', () => {
  expect(createdResourcePath('POST', 'https://api.redislabs.com/v1/subscriptions', 42)).toBe(
    '/v1/subscriptions/42',
  );
  expect(
    createdResourcePath('post', 'https://x.invalid/v1/subscriptions/7/databases/?a=1', 9),
  ).toBe('/v1/subscriptions/7/databases/9');
  expect(createdResourcePath('PUT', 'https://api.redislabs.com/v1/subscriptions/1', 1)).toBeNull();
});
