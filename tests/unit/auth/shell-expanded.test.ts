import { describe, expect, test } from 'vitest';
import type { Exchange } from '../../../src/lib/core/exchange';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { preflight } from '../../../src/lib/auth/preflight';
import { NGINX_401, USER_KEY, item, request, response } from './helpers';

const docsExample = request({
  url: 'https://api.redislabs.com/v1/logs',
  headers: [
    { name: 'accept', value: 'application/json' },
    { name: 'x-api-key', value: '$ACCOUNT_KEY' },
    { name: 'x-api-secret-key', value: '$SECRET_KEY' },
  ],
});

const bothExpanded = {
  shellExpanded: [
    { header: 'x-api-key', variable: '$ACCOUNT_KEY' },
    { header: 'x-api-secret-key', variable: '$SECRET_KEY' },
  ],
};

describe('key values the customer shell filled in', () => {
  test('without the context, $ACCOUNT_KEY is a placeholder sent literally', () => {
    const values = item(preflight(docsExample, {}, 'pasted'), 'key-values');
    expect(values.status).toBe('fail');
    expect(values.summary).toContain('the shell variable $ACCOUNT_KEY');
  });

  test('with the context, the values are unknown and the variables are named', () => {
    const values = item(preflight(docsExample, bothExpanded, 'pasted'), 'key-values');
    expect(values.status).toBe('unknown');
    expect(values.summary).toContain('does not show the key values');
    const messages = (values.findings ?? []).map((f) => f.message).join('\n');
    expect(messages).toContain(
      "x-api-key came from the shell variable $ACCOUNT_KEY, which the customer's shell filled in",
    );
    expect(messages).toContain('x-api-secret-key came from the shell variable $SECRET_KEY');
    expect(messages).not.toMatch(/not a key/);
  });

  test('header names in the context are compared without case', () => {
    const values = item(
      preflight(
        docsExample,
        {
          shellExpanded: [
            { header: 'X-Api-Key', variable: '$ACCOUNT_KEY' },
            { header: 'X-API-SECRET-KEY', variable: '$SECRET_KEY' },
          ],
        },
        'pasted',
      ),
      'key-values',
    );
    expect(values.status).toBe('unknown');
  });

  test('only the listed header is spared: a literal placeholder in the other still fails', () => {
    const values = item(
      preflight(
        docsExample,
        { shellExpanded: [{ header: 'x-api-key', variable: '$ACCOUNT_KEY' }] },
        'pasted',
      ),
      'key-values',
    );
    expect(values.status).toBe('fail');
    expect(values.summary).toContain('$SECRET_KEY');
    expect(values.findings?.[0]?.message).toContain('x-api-key came from the shell variable');
  });

  test('one expanded value beside a clean key: unknown, with one value named', () => {
    const values = item(
      preflight(
        request({
          headers: [
            { name: 'x-api-key', value: '$ACCOUNT_KEY' },
            { name: 'x-api-secret-key', value: USER_KEY },
          ],
        }),
        { shellExpanded: [{ header: 'x-api-key', variable: '$ACCOUNT_KEY' }] },
        'pasted',
      ),
      'key-values',
    );
    expect(values.status).toBe('unknown');
    expect(values.summary).toContain('one key value');
  });

  test('a trailing space after the variable is still sent: it fails as before', () => {
    const values = item(
      preflight(
        request({
          headers: [
            { name: 'x-api-key', value: '$ACCOUNT_KEY ' },
            { name: 'x-api-secret-key', value: USER_KEY },
          ],
        }),
        { shellExpanded: [{ header: 'x-api-key', variable: '$ACCOUNT_KEY' }] },
        'pasted',
      ),
      'key-values',
    );
    expect(values.status).toBe('fail');
    expect(values.summary).toContain('ends with a space');
  });

  test('a 401 to the docs example: suspects stay ranked, key-values is not the cause', () => {
    const exchange: Exchange = {
      source: 'pasted',
      request: docsExample,
      response: response(401, NGINX_401, [{ name: 'server', value: 'nginx' }]),
    };
    const literal = diagnose(exchange, {});
    expect(literal.primaryCause).toBe('key-values');
    const expanded = diagnose(exchange, bothExpanded);
    expect(expanded.verdict).toBe('auth-failed');
    expect(item(expanded, 'key-values').status).toBe('unknown');
    expect(expanded.primaryCause).not.toBe('key-values');
    expect(item(expanded, 'keys-valid').status).toBe('suspect');
  });
});
