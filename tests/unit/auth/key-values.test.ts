import { describe, expect, test } from 'vitest';
import { checkKeyValue } from '../../../src/lib/auth/key-values';
import { preflight } from '../../../src/lib/auth/preflight';
import { ACCOUNT_KEY, USER_KEY, item, keyHeaders, request } from './helpers';

const messages = (value: string, which: 'account' | 'user' = 'user') =>
  checkKeyValue(value, which).map((f) => f.message);

describe('checkKeyValue: characters outside printable ASCII', () => {
  test('a trailing zero-width space is named with its position', () => {
    const value = `${'k'.repeat(50)}\u200b`;
    const [finding] = checkKeyValue(value, 'user');
    expect(finding?.severity).toBe('fail');
    expect(finding?.message).toContain(
      'The user key ends with U+200B ZERO WIDTH SPACE (character 51)',
    );
    expect(finding?.message).toContain('fetch refuses');
  });

  test.each([
    ['\n', 'U+000A LINE FEED (newline)', 'ends with'],
    ['\u00a0', 'U+00A0 NO-BREAK SPACE', 'ends with'],
    ['\u201d', 'U+201D RIGHT DOUBLE QUOTATION MARK', 'ends with'],
    ['\ufeff', 'U+FEFF ZERO WIDTH NO-BREAK SPACE', 'ends with'],
  ])('a trailing %j is named %s', (char, name, where) => {
    const [finding] = checkKeyValue(`${ACCOUNT_KEY}${char}`, 'account');
    expect(finding?.message).toContain(`The account key ${where} ${name}`);
  });

  test('a character in the middle and one at the start say where they are', () => {
    expect(messages('abc\u00a0def')[0]).toContain('holds U+00A0 NO-BREAK SPACE at character 4');
    expect(messages('\u201cabcdef')[0]).toContain(
      'starts with U+201C LEFT DOUBLE QUOTATION MARK (character 1)',
    );
  });

  test('a character without a table entry gets its code point and class', () => {
    expect(messages('abc\u0001def')[0]).toContain('U+0001 (a control character)');
    expect(messages('abcédef')[0]).toContain('U+00E9 (a non-ASCII character)');
    expect(messages('abc\u{1f511}def')[0]).toContain('U+1F511 (a non-ASCII character)');
  });

  test('a repeated character is reported once with its count', () => {
    const found = messages('a\u200bb\u200bc');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('U+200B ZERO WIDTH SPACE 2 times, first at character 2');
  });

  test('a Latin-1 character is said to be sent, not refused', () => {
    expect(messages('abc\u00a0def')[0]).toContain('sent as part of the key');
  });
});

describe('checkKeyValue: wrappings and placeholders', () => {
  test('surrounding spaces: fetch strips them (warn), curl sends them (fail)', () => {
    const fetched = checkKeyValue(`${USER_KEY}  `, 'user', { sender: 'fetch' });
    expect(fetched[0]?.severity).toBe('warn');
    expect(fetched[0]?.message).toContain('ends with 2 spaces');
    const curl = checkKeyValue(`${USER_KEY} `, 'user', { sender: 'other' });
    expect(curl[0]?.severity).toBe('fail');
    expect(curl[0]?.message).toContain('curl');
  });

  test.each([
    [`"${USER_KEY}"`, 'wrapped in double quotes'],
    [`'${USER_KEY}'`, 'wrapped in single quotes'],
    [`Bearer ${USER_KEY}`, 'auth scheme "Bearer "'],
    [`Basic ${USER_KEY}`, 'auth scheme "Basic "'],
    [`x-api-secret-key: ${USER_KEY}`, 'header name x-api-secret-key'],
  ])('%s fails: %s', (value, words) => {
    const found = checkKeyValue(value, 'user');
    expect(found.some((f) => f.severity === 'fail' && f.message.includes(words))).toBe(true);
  });

  test.each([
    ['$ACCOUNT_KEY', 'the shell variable $ACCOUNT_KEY, not a key'],
    ['$SECRET_KEY', 'the shell variable $SECRET_KEY, not a key'],
    ['${SECRET}', 'the shell variable ${SECRET}, not a key'],
    ['%SECRET_KEY%', 'the placeholder %SECRET_KEY%, not a key'],
    ['<your-account-key>', 'the placeholder <your-account-key>, not a key'],
    ['YOUR_API_KEY', 'the placeholder YOUR_API_KEY, not a key'],
    ['{{apiKey}}', 'the placeholder {{apiKey}}, not a key'],
    ['********', 'masks the key'],
  ])('%s is a placeholder', (value, words) => {
    const found = checkKeyValue(value, 'account');
    expect(found[0]?.severity).toBe('fail');
    expect(found[0]?.message).toContain(words);
  });

  test('the keys are never judged by shape: short, long, odd alphabets pass', () => {
    for (const value of ['a', 'x'.repeat(500), 'a$b%c<d>e', 'abc def', '0000', 'A+/=_-.~']) {
      expect(checkKeyValue(value, 'account')).toEqual([]);
    }
  });

  test('an empty value is reported as empty', () => {
    expect(messages('', 'account')).toEqual(['The account key is empty.']);
  });

  test('the header name is carried into each finding when given', () => {
    const [finding] = checkKeyValue('abc\n', 'user', { header: 'X-Api-Secret-Key' });
    expect(finding?.header).toBe('X-Api-Secret-Key');
  });
});

describe('preflight key-values item', () => {
  test('the same value in both headers fails', () => {
    const items = preflight(request({ headers: keyHeaders(ACCOUNT_KEY, ACCOUNT_KEY) }));
    expect(item(items, 'key-values').status).toBe('fail');
    expect(item(items, 'key-values').summary).toContain('Both headers carry the same value');
  });

  test('placeholders that name the other key say the keys look swapped', () => {
    const items = preflight(request({ headers: keyHeaders('$SECRET_KEY', '$ACCOUNT_KEY') }));
    const values = item(items, 'key-values');
    expect(values.status).toBe('fail');
    expect(values.findings?.some((f) => f.message.includes('look swapped'))).toBe(true);
  });

  test('two clean, different keys pass whatever their shape', () => {
    const items = preflight(request({ headers: keyHeaders('a', 'b') }));
    expect(item(items, 'key-values').status).toBe('pass');
  });

  test('no key header with a value: key-values is skipped', () => {
    expect(item(preflight(request({ headers: [] })), 'key-values').status).toBe('skipped');
  });

  test('whitespace is a warning when fetch sent it and a failure when pasted', () => {
    const req = request({ headers: keyHeaders(`${ACCOUNT_KEY} `, USER_KEY) });
    expect(item(preflight(req, {}, 'network'), 'key-values').status).toBe('warn');
    expect(item(preflight(req, {}, 'pasted'), 'key-values').status).toBe('fail');
  });

  test('a key in the URL query is flagged without being repeated', () => {
    const items = preflight(request({ url: `https://api.redislabs.com/v1/?key=${USER_KEY}` }));
    const values = item(items, 'key-values');
    expect(values.status).toBe('warn');
    expect(values.summary).toContain('The URL holds the user key');
    expect(JSON.stringify(items)).not.toContain(USER_KEY);
  });
});
