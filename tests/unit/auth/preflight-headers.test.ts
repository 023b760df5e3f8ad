import { describe, expect, test } from 'vitest';
import { preflight } from '../../../src/lib/auth/preflight';
import { ACCOUNT_KEY, USER_KEY, item, request } from './helpers';

describe('key header names', () => {
  test('both headers present once: both items pass, in contract order', () => {
    const items = preflight(request());
    expect(items.map((i) => i.id)).toEqual([
      'account-key-header',
      'secret-key-header',
      'key-values',
      'endpoint',
    ]);
    expect(items.map((i) => i.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  test('header names are matched without case', () => {
    const items = preflight(
      request({
        headers: [
          { name: 'X-Api-Key', value: ACCOUNT_KEY },
          { name: 'X-API-SECRET-KEY', value: USER_KEY },
        ],
      }),
    );
    expect(item(items, 'account-key-header').status).toBe('pass');
    expect(item(items, 'secret-key-header').status).toBe('pass');
  });

  test('a missing user key header fails and names the header', () => {
    const items = preflight(request({ headers: [{ name: 'x-api-key', value: ACCOUNT_KEY }] }));
    const user = item(items, 'secret-key-header');
    expect(user.status).toBe('fail');
    expect(user.summary).toContain('No x-api-secret-key header');
    expect(user.fix).toContain('x-api-secret-key');
  });

  test('an empty or blank value fails', () => {
    for (const value of ['', '   ', '\n']) {
      const items = preflight(
        request({
          headers: [
            { name: 'x-api-key', value },
            { name: 'x-api-secret-key', value: USER_KEY },
          ],
        }),
      );
      expect(item(items, 'account-key-header').status).toBe('fail');
      expect(item(items, 'account-key-header').summary).toContain('empty');
    }
  });

  test.each([
    ['x-api-secret', 'x-api-secret-key'],
    ['x-secret-key', 'x-api-secret-key'],
    ['x-api-key-secret', 'x-api-secret-key'],
    ['X-Api-Secert-Key', 'x-api-secret-key'],
    ['x_api_secret_key', 'x-api-secret-key'],
    ['x-api-secretkey', 'x-api-secret-key'],
  ])('%s is named as a misspelling of %s', (name, target) => {
    const items = preflight(
      request({
        headers: [
          { name: 'x-api-key', value: ACCOUNT_KEY },
          { name, value: USER_KEY },
        ],
      }),
    );
    const user = item(items, 'secret-key-header');
    expect(user.status).toBe('fail');
    expect(user.summary).toBe(`${name} is not a header the API reads: did you mean ${target}?`);
    expect(user.findings?.[0]?.header).toBe(name);
  });

  test.each(['api-key', 'x-apikey', 'x-api-kye', 'X_API_KEY'])(
    '%s is named as a misspelling of x-api-key',
    (name) => {
      const items = preflight(
        request({
          headers: [
            { name, value: ACCOUNT_KEY },
            { name: 'x-api-secret-key', value: USER_KEY },
          ],
        }),
      );
      expect(item(items, 'account-key-header').status).toBe('fail');
      expect(item(items, 'account-key-header').summary).toContain('did you mean x-api-key?');
    },
  );

  test('an extra misspelled header beside the right one is only a warning', () => {
    const items = preflight(
      request({
        headers: [
          { name: 'x-api-key', value: ACCOUNT_KEY },
          { name: 'x-api-secret-key', value: USER_KEY },
          { name: 'x-api-secret', value: USER_KEY },
        ],
      }),
    );
    expect(item(items, 'secret-key-header').status).toBe('warn');
  });

  test('unrelated headers are not taken for misspellings', () => {
    const items = preflight(
      request({
        headers: [
          { name: 'accept', value: 'application/json' },
          { name: 'content-type', value: 'application/json' },
          { name: 'x-request-id', value: 'abc' },
          { name: 'x-api-key', value: ACCOUNT_KEY },
          { name: 'x-api-secret-key', value: USER_KEY },
        ],
      }),
    );
    expect(items.map((i) => i.status)).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  test('x-api-key twice with different values fails; with the same value warns', () => {
    const twice = (second: string) =>
      preflight(
        request({
          headers: [
            { name: 'X-Api-Key', value: ACCOUNT_KEY },
            { name: 'X-Api-Key', value: second },
            { name: 'x-api-secret-key', value: USER_KEY },
          ],
        }),
      );
    const different = item(twice('B2c3D4e5F6g7H8i9J0k1other'), 'account-key-header');
    expect(different.status).toBe('fail');
    expect(different.summary).toContain('2 times with different values');
    expect(item(twice(ACCOUNT_KEY), 'account-key-header').status).toBe('warn');
  });

  test('x-auth-token is called not needed, and never asked for', () => {
    const items = preflight(
      request({
        headers: [
          { name: 'x-api-key', value: ACCOUNT_KEY },
          { name: 'x-api-secret-key', value: USER_KEY },
          { name: 'x-auth-token', value: 'tok-123456789' },
        ],
      }),
    );
    const user = item(items, 'secret-key-header');
    expect(user.status).toBe('warn');
    expect(user.summary).toMatch(/x-auth-token is not needed/);
    // Without the header, nothing mentions x-auth-token: users are never asked for it.
    const clean = preflight(request());
    expect(JSON.stringify(clean)).not.toContain('x-auth-token');
  });

  test('an Authorization header is called unread by the API', () => {
    const items = preflight(
      request({
        headers: [
          { name: 'Authorization', value: `Bearer ${ACCOUNT_KEY}` },
          { name: 'x-api-secret-key', value: USER_KEY },
        ],
      }),
    );
    const account = item(items, 'account-key-header');
    expect(account.status).toBe('fail');
    expect(account.findings?.map((f) => f.message).join(' ')).toContain(
      'does not read the Authorization header',
    );
  });

  test('values under a misspelled name are still checked', () => {
    const items = preflight(
      request({
        headers: [
          { name: 'x-api-key', value: ACCOUNT_KEY },
          { name: 'x-api-secret', value: `${USER_KEY}\n` },
        ],
      }),
    );
    expect(item(items, 'key-values').status).toBe('fail');
    expect(item(items, 'key-values').summary).toContain('U+000A LINE FEED');
  });
});
