import { expect, test } from 'vitest';
import { checkJsonBody } from '../../../src/lib/api/json-body';
import { positionAt } from '../../../src/lib/core/position';

test('valid JSON and an empty body pass', () => {
  expect(checkJsonBody('{"name": "db", "size": [1, 2]}')).toBeNull();
  expect(checkJsonBody('  \n ')).toBeNull();
});

test('a missing comma is placed at its line and column', () => {
  const body = '{\n  "name": "db"\n  "planId": 1\n}';
  const error = checkJsonBody(body);
  expect(error).toMatchObject({ line: 3, column: 3 });
  expect(error?.message).toContain('line 3, column 3');
  expect(error?.expected).toContain('","');
});

test('a trailing comma and a single-quoted string are placed too', () => {
  expect(checkJsonBody('{"a": 1,}')).toMatchObject({ line: 1, column: 9 });
  expect(checkJsonBody("{\n\n    'a': 1}")).toMatchObject({ line: 3, column: 5 });
});

test('an unfinished body says it ends too early', () => {
  const error = checkJsonBody('{"a": [1, 2');
  expect(error?.message).toContain('at the end');
});

test('the message never quotes the body (it may hold a secret)', () => {
  const error = checkJsonBody('{"password": "hunter2-secret" oops}');
  expect(error?.message).not.toContain('hunter2');
  expect(error?.message).not.toContain('oops');
});

test('positionAt counts from 1', () => {
  expect(positionAt('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
  expect(positionAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
});
