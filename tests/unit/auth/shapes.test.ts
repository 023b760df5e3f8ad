/**
 * Issue 10: the shapes support tickets hold, each with a realistic paste, judged by what the
 * answer shows: verdict, primary cause and item statuses.
 */
import { describe, expect, test } from 'vitest';
import { isKnownOperation } from '../../../src/lib/api/catalog';
import type { Exchange, Header } from '../../../src/lib/core/exchange';
import type { DiagnoseContext, ItemId, ItemStatus } from '../../../src/lib/core/checklist';
import { diagnose } from '../../../src/lib/auth/diagnose';
import {
  ACCOUNT_BODY,
  ACCOUNT_KEY,
  NGINX_401,
  USER_KEY,
  allText,
  item,
  keyHeaders,
} from './helpers';

function pasted(
  method: string,
  url: string,
  headers: Header[],
  status: number | null | undefined,
  body = '',
  responseHeaders: Header[] = [],
): Exchange {
  const exchange: Exchange = { source: 'pasted', request: { method, url, headers } };
  if (status !== undefined) {
    exchange.response = {
      status,
      statusText: '',
      headers: responseHeaders,
      body,
      size: body.length,
    };
  }
  return exchange;
}

function judge(exchange: Exchange, context: DiagnoseContext = {}) {
  return diagnose(exchange, { isKnownOperation, ...context });
}

function statuses(
  checklist: ReturnType<typeof diagnose>,
  ids: readonly ItemId[],
): Record<string, ItemStatus> {
  return Object.fromEntries(ids.map((id) => [id, item(checklist, id).status]));
}

const CONDITIONS = [
  'keys-valid',
  'same-account',
  'source-ip',
  'api-enabled',
  'role-permits',
] as const;
const allUnknown = Object.fromEntries(CONDITIONS.map((id) => [id, 'unknown']));
const API = 'https://api.redislabs.com';

describe('wrong-target: the request did not go to the API with the keys', () => {
  test('the console host answering its HTML app', () => {
    const c = judge(
      pasted(
        'GET',
        'https://app.redislabs.com/v1/',
        keyHeaders(),
        200,
        '<!doctype html><html><head><title>Redis Cloud</title></head><body><div id="root"></div></body></html>',
      ),
    );
    expect(c.verdict).toBe('wrong-target');
    expect(c.primaryCause).toBe('endpoint');
    expect(item(c, 'endpoint').summary).toContain('Redis Cloud console');
    expect(statuses(c, CONDITIONS)).toEqual(allUnknown);
    expect(c.headline).toMatch(/^Use https:\/\/api\.redislabs\.com\/v1\//);
  });

  test('cloud.redis.io with no answer: the request alone shows it', () => {
    const c = judge(
      pasted('GET', 'https://cloud.redis.io/v1/subscriptions', keyHeaders(), undefined),
    );
    expect(c.verdict).toBe('wrong-target');
    expect(c.primaryCause).toBe('endpoint');
  });

  test('a path without /v1, answered by the Spring 404: did you mean /v1/subscriptions?', () => {
    const spring =
      '{"timestamp":"2025-01-17T09:34:25.803+00:00","status":404,"error":"Not Found","path":"/subscriptions"}';
    const c = judge(pasted('GET', `${API}/subscriptions`, keyHeaders(), 404, spring));
    expect(c.verdict).toBe('wrong-target');
    expect(c.primaryCause).toBe('endpoint');
    expect(item(c, 'endpoint').status).toBe('fail');
    expect(item(c, 'endpoint').summary).toContain('did you mean /v1/subscriptions?');
    expect(statuses(c, CONDITIONS)).toEqual(allUnknown);
  });

  test('/v1/v1 and a singular slip each name the operation meant', () => {
    const doubled = judge(pasted('GET', `${API}/v1/v1/subscriptions`, keyHeaders(), 404, ''));
    expect(doubled.verdict).toBe('wrong-target');
    expect(item(doubled, 'endpoint').summary).toContain('did you mean /v1/subscriptions?');
    expect(item(doubled, 'endpoint').summary).toContain('/v1 twice');
    const singular = judge(pasted('GET', `${API}/v1/subscription`, keyHeaders(), 404, ''));
    expect(singular.verdict).toBe('wrong-target');
    expect(item(singular, 'endpoint').summary).toContain('did you mean /v1/subscriptions?');
    expect(singular.headline).toContain('https://api.redislabs.com/v1/subscriptions');
  });

  test('http:// answered by a 301 with its Location', () => {
    const c = judge(
      pasted(
        'GET',
        'http://api.redislabs.com/v1/',
        keyHeaders(),
        301,
        '<html>\r\n<head><title>301 Moved Permanently</title></head>\r\n<body>\r\n<center><h1>301 Moved Permanently</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n',
        [{ name: 'Location', value: 'https://api.redislabs.com/v1/' }],
      ),
    );
    expect(c.verdict).toBe('wrong-target');
    expect(c.primaryCause).toBe('endpoint');
    expect(item(c, 'endpoint').summary).toContain('http, not https');
    expect(item(c, 'reached-api').status).toBe('warn');
    expect(item(c, 'reached-api').summary).toContain('https://api.redislabs.com/v1/');
    expect(statuses(c, CONDITIONS)).toEqual(allUnknown);
  });

  test("Redis Enterprise Software's API: its own words, no x-api-key advice", () => {
    const basic = [{ name: 'Authorization', value: 'Basic YWRtaW5AZXhhbXBsZS5jb206c2VjcmV0' }];
    const c = judge(pasted('GET', 'https://cluster.example.com:9443/v1/bdbs', basic, undefined));
    expect(c.verdict).toBe('wrong-target');
    expect(c.primaryCause).toBe('endpoint');
    expect(item(c, 'endpoint').summary).toContain('Redis Enterprise Software');
    expect(item(c, 'account-key-header').status).toBe('skipped');
    expect(item(c, 'secret-key-header').status).toBe('skipped');
    expect(c.headline).not.toMatch(/x-api-key/);
    const answered = judge(
      pasted(
        'GET',
        'https://cluster.example.com:9443/v1/bdbs',
        basic,
        401,
        '{"error_code":"unauthorized"}',
      ),
    );
    expect(answered.verdict).toBe('wrong-target');
    expect(item(answered, 'reached-api').summary).toContain('Redis Enterprise Software');
    expect(statuses(answered, CONDITIONS)).toEqual(allUnknown);
  });
});

describe('unknown: what is at hand does not show it', () => {
  test('a body pasted alone, with no status', () => {
    const c = judge(
      pasted('GET', `${API}/v1/`, keyHeaders(), null, '{"message":"something went wrong"}'),
    );
    expect(c.verdict).toBe('unknown');
    expect(c.primaryCause).toBe('reached-api');
    expect(statuses(c, CONDITIONS)).toEqual(allUnknown);
    expect(c.headline).toMatch(/^Paste the whole answer/);
  });

  test('a curl command pasted without its answer is not "Not sent"', () => {
    const c = judge(pasted('GET', `${API}/v1/`, keyHeaders(), undefined));
    expect(c.verdict).toBe('unknown');
    expect(c.primaryCause).toBeNull();
    expect(c.headline).toMatch(/^Paste the answer too/);
  });
});

describe('no key header at all', () => {
  test.each([
    [403, '', 'forbidden'],
    [404, '', 'unknown'],
    [200, ACCOUNT_BODY, 'unknown'],
  ] as const)(
    'answered %i: the header items fail and come first; nothing was accepted',
    (status, body, verdict) => {
      const c = judge(
        pasted('GET', `${API}/v1/`, [{ name: 'accept', value: 'application/json' }], status, body),
      );
      expect(c.verdict).toBe(verdict);
      expect(c.primaryCause).toBe('account-key-header');
      expect(item(c, 'account-key-header').status).toBe('fail');
      expect(item(c, 'secret-key-header').status).toBe('fail');
      for (const id of ['keys-valid', 'same-account', 'api-enabled'] as const) {
        expect(item(c, id).status).toBe('unknown');
      }
      const text = allText(c);
      expect(text).not.toMatch(/accepted the request|authenticated the request anyway/i);
      for (const id of CONDITIONS) expect(item(c, id).summary).not.toMatch(/Holds/);
      expect(c.headline).toMatch(/^Add the account key in a header named x-api-key/);
    },
  );

  test('a 400 with only one key header is not "authenticated, but refused"', () => {
    const c = judge(
      pasted(
        'POST',
        `${API}/v1/subscriptions`,
        [{ name: 'x-api-key', value: ACCOUNT_KEY }],
        400,
        '{"error":{"type":"BAD_REQUEST"}}',
      ),
    );
    expect(c.verdict).toBe('unknown');
    expect(c.primaryCause).toBe('secret-key-header');
  });
});

describe('403 and 429 do not show valid keys', () => {
  test('an empty 403: keys unknown and likely, source IP and role ranked', () => {
    const c = judge(pasted('GET', `${API}/v1/`, keyHeaders(), 403, ''));
    expect(c.verdict).toBe('forbidden');
    expect(c.primaryCause).toBe('source-ip');
    expect(
      statuses(c, ['keys-valid', 'same-account', 'api-enabled', 'source-ip', 'role-permits']),
    ).toEqual({
      'keys-valid': 'unknown',
      'same-account': 'unknown',
      'api-enabled': 'unknown',
      'source-ip': 'suspect',
      'role-permits': 'suspect',
    });
    expect(item(c, 'keys-valid').summary).toMatch(/^Likely holds/);
    expect(c.headline).not.toMatch(/forbidden/i);
  });

  test('a write from a pasted exchange ranks the role first', () => {
    const c = judge(pasted('POST', `${API}/v1/subscriptions`, keyHeaders(), 403, ''));
    expect(c.primaryCause).toBe('role-permits');
    expect(item(c, 'role-permits').rank).toBe(1);
  });

  test('a known role that may not send the request comes first, even for a GET', () => {
    const c = judge(pasted('GET', `${API}/v1/subscriptions`, keyHeaders(), 403, ''), {
      keyRole: 'Logs viewer',
    });
    expect(c.primaryCause).toBe('role-permits');
    expect(item(c, 'role-permits').explanation).toContain(
      'Logs viewer may not send GET /v1/subscriptions',
    );
    const owner = judge(pasted('POST', `${API}/v1/subscriptions`, keyHeaders(), 403, ''), {
      keyRole: 'Owner',
    });
    expect(owner.primaryCause).toBe('source-ip');
  });

  test('a 429 with x-rate-limit-retry-after-seconds: wait first, keys unknown', () => {
    const c = judge(
      pasted('GET', `${API}/v1/subscriptions`, keyHeaders(), 429, '', [
        { name: 'x-rate-limit-retry-after-seconds', value: '42' },
      ]),
    );
    expect(c.verdict).toBe('rate-limited');
    expect(c.primaryCause).toBe('rate-limit');
    expect(statuses(c, CONDITIONS)).toEqual(allUnknown);
    expect(item(c, 'keys-valid').explanation).toContain(
      'count toward the 400-a-minute limit is not published',
    );
    expect(c.headline).toMatch(/^Wait 42 seconds/);
  });
});

describe('the docs own example: the shell filled in $HOST', () => {
  const url = 'https://$HOST/subscriptions';

  test('an API-shaped 200 shows it reached the API', () => {
    const c = judge(
      pasted('GET', url, keyHeaders(), 200, '{"accountId":1001,"subscriptions":[]}'),
      {
        hostFromVariable: '$HOST',
      },
    );
    expect(c.verdict).toBe('ok');
    expect(c.primaryCause).toBeNull();
    expect(item(c, 'endpoint').status).toBe('pass');
    expect(item(c, 'endpoint').summary).toContain("the API's shape");
    expect(allText(c)).not.toContain('wrong address');
  });

  test('the same without the context: an answer shows the shell expanded it', () => {
    const c = judge(pasted('GET', url, keyHeaders(), 401, NGINX_401));
    expect(c.verdict).toBe('auth-failed');
    expect(item(c, 'endpoint').status).toBe('pass');
  });

  test('no answer: the host is unknown and asked for, like a key', () => {
    const c = judge(pasted('GET', url, keyHeaders(), undefined), { hostFromVariable: '$HOST' });
    expect(c.verdict).toBe('unknown');
    expect(c.primaryCause).toBe('endpoint');
    expect(item(c, 'endpoint').status).toBe('unknown');
    expect(item(c, 'endpoint').fix).toContain('echo $HOST');
  });

  test('an answer without the API shape leaves it unknown', () => {
    const c = judge(pasted('GET', url, keyHeaders(), 200, '<html><body>It works!</body></html>'), {
      hostFromVariable: '$HOST',
    });
    expect(c.verdict).toBe('unknown');
    expect(c.primaryCause).toBe('endpoint');
  });
});

describe('a 2xx: every condition held', () => {
  test('GET /v1/ with allowedSourceIps ["0.0.0.0/0"]: source IP holds, with the address', () => {
    const c = judge(pasted('GET', `${API}/v1/`, keyHeaders(), 200, ACCOUNT_BODY));
    expect(c.verdict).toBe('ok');
    expect(statuses(c, CONDITIONS)).toEqual(
      Object.fromEntries(CONDITIONS.map((id) => [id, 'pass'])),
    );
    const ip = item(c, 'source-ip');
    expect(ip.summary).toContain('0.0.0.0/0');
    expect(ip.summary).toContain('79.0.0.173');
  });
});

describe('a failed task is judged by its error', () => {
  const task = (type: string, status: string, description: string) =>
    JSON.stringify({
      taskId: 'b7e5c3a1-0f2d-4e6b-9a8c-1d2e3f4a5b6c',
      commandType: 'subscriptionCreateRequest',
      status: 'processing-error',
      description:
        'Task request failed during processing. See error information for failure details.',
      timestamp: '2025-01-17T09:40:12.5Z',
      response: { error: { type, status, description } },
      _links: {
        self: {
          href: 'https://api.redislabs.com/v1/tasks/b7e5c3a1-0f2d-4e6b-9a8c-1d2e3f4a5b6c',
          type: 'GET',
        },
      },
    });
  const url = `${API}/v1/tasks/b7e5c3a1-0f2d-4e6b-9a8c-1d2e3f4a5b6c`;

  test('SUBSCRIPTION_NOT_ACTIVE (403 FORBIDDEN) is not "nothing to fix"', () => {
    const c = judge(
      pasted(
        'GET',
        url,
        keyHeaders(),
        200,
        task(
          'SUBSCRIPTION_NOT_ACTIVE',
          '403 FORBIDDEN',
          'Cannot perform action since the subscription is not active',
        ),
      ),
    );
    expect(c.verdict).toBe('request-error');
    expect(c.headline).not.toMatch(/Nothing to fix/);
    expect(c.headline).toContain('SUBSCRIPTION_NOT_ACTIVE');
    expect(item(c, 'keys-valid').status).toBe('pass');
  });

  test('USER_INSUFFICIENT_ROLE: forbidden, the role fails', () => {
    const c = judge(
      pasted(
        'GET',
        url,
        keyHeaders(),
        200,
        task('USER_INSUFFICIENT_ROLE', '403 FORBIDDEN', 'User has insufficient role'),
      ),
    );
    expect(c.verdict).toBe('forbidden');
    expect(c.primaryCause).toBe('role-permits');
    expect(item(c, 'role-permits').status).toBe('fail');
  });

  // Issue 18: UNAUTHORIZED is one of FACTS.md's permission types, so the role fails outright.
  test('UNAUTHORIZED: forbidden, the role is the cause', () => {
    const c = judge(
      pasted(
        'GET',
        url,
        keyHeaders(),
        200,
        task('UNAUTHORIZED', '401 UNAUTHORIZED', 'Unauthorized'),
      ),
    );
    expect(c.verdict).toBe('forbidden');
    expect(c.primaryCause).toBe('role-permits');
    expect(item(c, 'role-permits').status).toBe('fail');
  });

  test('a 5xx task error is a server error', () => {
    const c = judge(
      pasted(
        'GET',
        url,
        keyHeaders(),
        200,
        task('GENERAL_ERROR', '500 INTERNAL_SERVER_ERROR', 'Something failed'),
      ),
    );
    expect(c.verdict).toBe('server-error');
  });
});

describe('what the paste readers hand over', () => {
  test('a HAR whose only answer is a CORS preflight (OPTIONS, 401): CORS, never the keys', () => {
    const c = judge(
      pasted(
        'OPTIONS',
        `${API}/v1/`,
        [
          { name: 'access-control-request-method', value: 'GET' },
          { name: 'access-control-request-headers', value: 'x-api-key,x-api-secret-key' },
          { name: 'origin', value: 'https://keycheck.example' },
        ],
        401,
        NGINX_401,
      ),
    );
    expect(c.verdict).toBe('unreachable');
    expect(c.primaryCause).toBe('reached-api');
    expect(item(c, 'reached-api').summary).toContain('preflight');
    expect(item(c, 'account-key-header').status).toBe('skipped');
    expect(item(c, 'secret-key-header').status).toBe('skipped');
    expect(statuses(c, CONDITIONS)).toEqual(allUnknown);
    expect(allText(c)).toContain('never carries the keys');
  });

  test('smart quotes used as the shell quotes are named as the primary cause', () => {
    // `-H “x-api-key: KEY”` split at its space: curl sent a header named `“x-api-key` and
    // took the rest as a URL.
    const c = judge(
      pasted(
        'GET',
        `${API}/v1/`,
        [
          { name: '“x-api-key', value: '' },
          { name: 'x-api-secret-key', value: USER_KEY },
        ],
        401,
        NGINX_401,
      ),
      { smartQuotes: true },
    );
    expect(c.primaryCause).toBe('account-key-header');
    expect(item(c, 'account-key-header').summary).toContain('typographic quotes');
    expect(c.headline).toMatch(/^Replace every typographic quote/);
  });

  test('with smart quotes, a piece of a key the shell left as the URL is never repeated', () => {
    // `-H “x-api-key: Zq81 Kd93Lm27”`: the shell splits at the space and curl reads the rest
    // of the key as a URL.
    const c = judge(
      pasted('GET', 'http://Kd93Lm27”/', [{ name: '“x-api-key', value: 'Zq81' }], undefined),
      { smartQuotes: true },
    );
    expect(c.primaryCause).toBe('account-key-header');
    expect(item(c, 'endpoint').status).toBe('fail');
    expect(allText(c).toLowerCase()).not.toContain('kd93lm');
  });
});

describe('the headline is the action, in words', () => {
  test('a user key with a trailing space', () => {
    const c = judge(
      pasted('GET', `${API}/v1/`, keyHeaders(ACCOUNT_KEY, `${USER_KEY} `), 401, NGINX_401),
    );
    expect(c.primaryCause).toBe('key-values');
    expect(c.headline).toMatch(/^Copy the user key again: it ends with a space/);
  });

  test('a misspelled header', () => {
    const c = judge(
      pasted(
        'GET',
        `${API}/v1/`,
        [
          { name: 'x-api-key', value: ACCOUNT_KEY },
          { name: 'x-api-secret', value: USER_KEY },
        ],
        401,
        NGINX_401,
      ),
    );
    expect(c.headline).toMatch(/^Rename the header x-api-secret to x-api-secret-key/);
  });

  test('no headline repeats a word twice in a row or holds a key', () => {
    const c = judge(pasted('GET', `${API}/v1/`, keyHeaders(), 403, ''));
    expect(c.headline).not.toMatch(/\b(\w+)\.? \1\b/i);
    expect(c.headline).not.toContain(USER_KEY.slice(0, 6));
  });
});
