import { describe, expect, test } from 'vitest';
import { learnFromAccountBody, validateProfileDraft } from '../../../src/lib/profiles';
import { draft } from './helpers';

describe('validateProfileDraft', () => {
  test('a complete draft has no problems', () => {
    expect(
      validateProfileDraft(
        draft({ keyName: 'capi-api-key-name', allowList: ['10.0.0.0/24', '::1'] }),
      ),
    ).toEqual({});
  });

  test('name: required, at most 80 characters, unique without case', () => {
    expect(validateProfileDraft(draft({ name: '   ' })).name).toBe('Enter a profile name.');
    expect(validateProfileDraft(draft({ name: 'x'.repeat(81) })).name).toMatch(
      /80 characters or fewer \(it has 81\)/,
    );
    expect(validateProfileDraft(draft({ name: 'é'.repeat(80) })).name).toBeUndefined();
    const existing = [{ id: 'a', name: 'Production' }];
    expect(validateProfileDraft(draft({ name: ' production ' }), { existing }).name).toBe(
      'Another profile is already named "Production".',
    );
    // Its own name is no clash.
    expect(validateProfileDraft(draft({ id: 'a' }), { existing }).name).toBeUndefined();
  });

  test('keys: required unless told otherwise; their shape is left to preflight', () => {
    const errors = validateProfileDraft(draft({ accountKey: '', userKey: '' }));
    expect(errors.accountKey).toMatch(/account key/);
    expect(errors.userKey).toMatch(/user key/);
    expect(
      validateProfileDraft(draft({ accountKey: '', userKey: '' }), { requireKeys: false }),
    ).toEqual({});
    expect(validateProfileDraft(draft({ accountKey: 'abc\n' }))).toEqual({});
  });

  test.each([
    ['https://api.redislabs.com', undefined],
    ['https://api.redislabs.com/', undefined],
    ['', undefined],
    ['http://localhost:8787', undefined],
    ['http://127.0.0.1:8787', undefined],
    ['http://127.9.8.7', undefined],
    ['http://[::1]:8080', undefined],
    ['http://api.redislabs.com', /only for this computer/],
    ['http://10.0.0.1', /only for this computer/],
    ['ftp://api.redislabs.com', /must start with https:\/\//],
    ['api.redislabs.com', /full URL/],
    ['https://user:pass@api.redislabs.com', /user name or password/],
    ['https://api.redislabs.com/v1', /Leave out \/v1/],
  ])('baseUrl %j', (baseUrl, expected) => {
    const message = validateProfileDraft(draft({ baseUrl })).baseUrl;
    if (expected === undefined) expect(message).toBeUndefined();
    else expect(message).toMatch(expected);
  });

  test.each([
    ['capi-api-key-name', undefined],
    ['', undefined],
    ['short', /10 to 50 characters long; this one has 5/],
    ['a'.repeat(51), /this one has 51/],
    ['my key name here', /character 3 is a space/],
    ['my.key.name.here', /character 3 is "\."/],
  ])('keyName %j', (keyName, expected) => {
    const message = validateProfileDraft(draft({ keyName })).keyName;
    if (expected === undefined) expect(message).toBeUndefined();
    else expect(message).toMatch(expected);
  });

  test('allowList: names the bad entry and its position', () => {
    const list = ['10.0.0.0/24', '2001:db8::/32', '10.0.0.300/24'];
    expect(validateProfileDraft(draft({ allowList: list })).allowList).toBe(
      'Entry 3 ("10.0.0.300/24") is not a CIDR range (write an address, a slash and a prefix length, e.g. 10.0.0.0/24).',
    );
    expect(validateProfileDraft(draft({ allowList: ['0x7f.1'] })).allowList).toMatch(
      /^Entry 1 \("0x7f.1"\) is not an IP address/,
    );
    expect(
      validateProfileDraft(draft({ allowList: ['203.0.113.7', ' 127.1.0.0/24 ', ''] })),
    ).toEqual({});
  });
});

describe('learnFromAccountBody', () => {
  const body = JSON.stringify({
    account: {
      id: 1001,
      name: 'Redis',
      createdTimestamp: '2024-01-01T00:00:00Z',
      key: {
        name: 'capi-api-key-name',
        accountId: 1001,
        accountName: 'Redis',
        allowedSourceIps: ['0.0.0.0/0'],
        owner: { name: 'CAPI user', email: 'capi.user@redis.com' },
        userAccountId: 1,
        httpSourceIp: '79.0.0.173',
      },
    },
  });

  test('reads the documented GET /v1/ body', () => {
    expect(learnFromAccountBody(body, '2025-01-17T09:34:25.803Z')).toEqual({
      accountId: 1001,
      accountName: 'Redis',
      keyName: 'capi-api-key-name',
      allowedSourceIps: ['0.0.0.0/0'],
      httpSourceIp: '79.0.0.173',
      ownerName: 'CAPI user',
      at: '2025-01-17T09:34:25.803Z',
    });
  });

  test('null for anything else', () => {
    const at = '2025-01-17T09:34:25.803Z';
    expect(
      learnFromAccountBody(
        '<html><head><title>401 Authorization Required</title></head></html>',
        at,
      ),
    ).toBeNull();
    expect(
      learnFromAccountBody('{"timestamp":"x","status":404,"error":"Not Found"}', at),
    ).toBeNull();
    expect(learnFromAccountBody('', at)).toBeNull();
    expect(learnFromAccountBody('{"account":{"id":"1001"}}', at)).toBeNull();
  });

  test('a field of the wrong type is left out, not fatal', () => {
    const learned = learnFromAccountBody(
      '{"account":{"id":7,"key":{"allowedSourceIps":"all"}}}',
      'T',
    );
    expect(learned).toEqual({ accountId: 7, at: 'T' });
  });
});
