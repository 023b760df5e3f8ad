/**
 * A tool's own words for the answer (FACTS.md, "What customers paste as the answer"), pasted
 * without a status line, give the status they state; never a request for a status line. The
 * answer readers read the words; diagnose judges what they read.
 */
import { describe, expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { parseResponsePaste } from '../../../src/lib/paste/paste';
import type { Verdict } from '../../../src/lib/core/checklist';
import { isKnownOperation, item, request } from './helpers';

const NGINX =
  '<html>\r\n<head><title>401 Authorization Required</title></head>\r\n<body>\r\n<center><h1>401 Authorization Required</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>';

const rows: Array<[string, string, number, Verdict]> = [
  [
    'PowerShell 5.1',
    'Invoke-RestMethod : The remote server returned an error: (401) Unauthorized.\nAt line:1 char:1\n    + CategoryInfo          : InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-RestMethod], WebException\n    + FullyQualifiedErrorId : WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand',
    401,
    'auth-failed',
  ],
  [
    'PowerShell 7',
    'Invoke-RestMethod: Response status code does not indicate success: 403 (Forbidden).',
    403,
    'forbidden',
  ],
  [
    'Python requests',
    'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.redislabs.com/v1/subscriptions',
    401,
    'auth-failed',
  ],
  [
    'httpx',
    "httpx.HTTPStatusError: Client error '429 Too Many Requests' for url 'https://api.redislabs.com/v1/subscriptions'",
    429,
    'rate-limited',
  ],
  ['urllib', 'urllib.error.HTTPError: HTTP Error 403: Forbidden', 403, 'forbidden'],
  ['axios', 'AxiosError: Request failed with status code 401', 401, 'auth-failed'],
  [
    'a browser console',
    'Failed to load resource: the server responded with a status of 401 ()',
    401,
    'auth-failed',
  ],
  ['curl -f', 'curl: (22) The requested URL returned error: 401', 401, 'auth-failed'],
  [
    'wget',
    'HTTP request sent, awaiting response... 401 Unauthorized\nUsername/Password Authentication Failed.',
    401,
    'auth-failed',
  ],
  [
    'wget 403',
    'HTTP request sent, awaiting response... 403 Forbidden\nERROR 403: Forbidden.',
    403,
    'forbidden',
  ],
];

/** The Response box as the answer readers read it. */
function answer(text: string) {
  const read = parseResponsePaste(text);
  if (!read.ok || !read.value.response) throw new Error(`not read as an answer: ${text}`);
  return read.value.response;
}

describe("a tool's words state the status", () => {
  test.each(rows)('%s', (_name, text, status, verdict) => {
    expect(answer(text).status).toBe(status);
    const c = diagnose(
      {
        source: 'pasted',
        request: request({ url: 'https://api.redislabs.com/v1/subscriptions' }),
        response: answer(text),
      },
      { isKnownOperation },
    );
    expect(c.verdict).toBe(verdict);
    expect(c.headline).not.toMatch(/status line/);
    // The words show a status, not who sent it: nothing passes.
    for (const id of [
      'keys-valid',
      'same-account',
      'source-ip',
      'api-enabled',
      'role-permits',
    ] as const) {
      expect(item(c, id).status).not.toBe('pass');
    }
  });

  test("PowerShell 7 with the API's nginx 401 page as its message: the API answered", () => {
    const c = diagnose({
      source: 'pasted',
      request: request(),
      response: answer(`Invoke-RestMethod: ${NGINX}`),
    });
    expect(c.verdict).toBe('auth-failed');
    expect(item(c, 'reached-api').status).toBe('pass');
  });

  test("PowerShell 7 with the API's Spring body as its message: the API answered", () => {
    const spring =
      'Invoke-RestMethod: {"timestamp":"2025-01-17T09:34:25.803+00:00","status":404,"error":"Not Found","path":"/v1/subscriptions/114019/private-link"}';
    const c = diagnose(
      {
        source: 'pasted',
        request: request({ url: 'https://api.redislabs.com/v1/subscriptions/114019/private-link' }),
        response: answer(spring),
      },
      { isKnownOperation },
    );
    expect(c.verdict).toBe('request-error');
    expect(item(c, 'reached-api').status).toBe('pass');
  });
});
