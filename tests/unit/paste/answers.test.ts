// What each tool prints as the answer, read alone in the Response box and inside a whole ticket
// with prose: the status or the failure its words support, and the verdict once combined with
// the request (FACTS.md, "What customers paste as the answer").
import { describe, expect, test } from 'vitest';
import type { FailureKind } from '../../../src/lib/core/exchange';
import type { Verdict } from '../../../src/lib/core/checklist';
import { diagnosePaste } from '../../../src/lib/inspect/diagnose-paste';
import { parseResponsePaste } from '../../../src/lib/paste/paste';

const ACCOUNT = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6';
const USER = 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp9Oo8Nn7';
const CURL = `curl -s https://api.redislabs.com/v1/ -H "x-api-key: ${ACCOUNT}" -H "x-api-secret-key: ${USER}"`;
const NGINX_401 =
  '<html>\n<head><title>401 Authorization Required</title></head>\n<body>\n<center><h1>401 Authorization Required</h1></center>\n<hr><center>nginx</center>\n</body>\n</html>';

interface Sample {
  name: string;
  format: string;
  text: string;
  status?: number;
  failure?: FailureKind;
  verdict: Verdict;
}

const SAMPLES: Sample[] = [
  {
    name: 'PowerShell 5.1 error',
    format: 'powershell-error',
    text: `Invoke-RestMethod : The remote server returned an error: (401) Unauthorized.
At line:1 char:1
+ Invoke-RestMethod -Uri "https://api.redislabs.com/v1/" -Headers $headers
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-RestMethod], WebException
    + FullyQualifiedErrorId : WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeRestMethodCommand`,
    status: 401,
    verdict: 'auth-failed',
  },
  {
    name: 'PowerShell 7 status',
    format: 'powershell-error',
    text: 'Invoke-RestMethod: Response status code does not indicate success: 403 (Forbidden).',
    status: 403,
    verdict: 'forbidden',
  },
  {
    name: 'PowerShell 7 body as the message',
    format: 'powershell-error',
    text: `Invoke-RestMethod:\n${NGINX_401}`,
    status: 401,
    verdict: 'auth-failed',
  },
  {
    name: 'PowerShell 5.1 no such host',
    format: 'powershell-error',
    text: "Invoke-WebRequest : The remote name could not be resolved: 'api.redislabs.co'\nAt line:1 char:1",
    failure: 'unreachable',
    verdict: 'unreachable',
  },
  {
    name: 'PowerShell 7 timeout',
    format: 'powershell-error',
    text: 'Invoke-RestMethod: The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.',
    failure: 'timeout',
    verdict: 'unreachable',
  },
  {
    name: 'Python requests HTTPError traceback',
    format: 'python-error',
    text: `Traceback (most recent call last):
  File "/app/check.py", line 12, in <module>
    resp.raise_for_status()
  File "/usr/lib/python3/site-packages/requests/models.py", line 1021, in raise_for_status
    raise HTTPError(http_error_msg, response=self)
requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://api.redislabs.com/v1/`,
    status: 401,
    verdict: 'auth-failed',
  },
  {
    name: 'Python requests name resolution',
    format: 'python-error',
    text: `requests.exceptions.ConnectionError: HTTPSConnectionPool(host='api.redislabs.co', port=443): Max retries exceeded with url: /v1/ (Caused by NameResolutionError("<urllib3.connection.HTTPSConnection object at 0x7f2>: Failed to resolve 'api.redislabs.co' ([Errno -2] Name or service not known)"))`,
    failure: 'unreachable',
    verdict: 'unreachable',
  },
  {
    name: 'Python requests SSLError',
    format: 'python-error',
    text: `requests.exceptions.SSLError: HTTPSConnectionPool(host='api.redislabs.com', port=443): Max retries exceeded with url: /v1/ (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: unable to get local issuer certificate (_ssl.c:1006)')))`,
    failure: 'tls',
    // An untrusted issuer is often a TLS-inspecting gateway answering in the API's place.
    verdict: 'intercepted',
  },
  {
    name: 'httpx HTTPStatusError',
    format: 'python-error',
    text: `httpx.HTTPStatusError: Client error '429 Too Many Requests' for url 'https://api.redislabs.com/v1/subscriptions'
For more information check: https://developer.mozilla.org/en-US/docs/Web/HTTP/Status/429`,
    status: 429,
    verdict: 'rate-limited',
  },
  {
    name: 'httpx ConnectTimeout',
    format: 'python-error',
    text: 'httpx.ConnectTimeout: timed out',
    failure: 'timeout',
    verdict: 'unreachable',
  },
  {
    name: 'urllib HTTPError',
    format: 'python-error',
    text: 'urllib.error.HTTPError: HTTP Error 403: Forbidden',
    status: 403,
    verdict: 'forbidden',
  },
  {
    name: 'urllib URLError',
    format: 'python-error',
    text: 'urllib.error.URLError: <urlopen error [Errno -2] Name or service not known>',
    failure: 'unreachable',
    verdict: 'unreachable',
  },
  {
    name: 'axios error with its response object',
    format: 'javascript-error',
    text: `AxiosError: Request failed with status code 401
    at settle (/app/node_modules/axios/dist/node/axios.cjs:2019:12) {
  code: 'ERR_BAD_REQUEST',
  response: {
    status: 401,
    statusText: 'Unauthorized',
    headers: Object [AxiosHeaders] {
      server: 'nginx',
      'content-type': 'text/html',
      'content-length': '172'
    },
    data: '<html>\\r\\n' +
      '<head><title>401 Authorization Required</title></head>\\r\\n' +
      '<body>\\r\\n' +
      '<center><h1>401 Authorization Required</h1></center>\\r\\n' +
      '<hr><center>nginx</center>\\r\\n' +
      '</body>\\r\\n' +
      '</html>\\r\\n'
  }
}`,
    status: 401,
    verdict: 'auth-failed',
  },
  {
    name: 'Node fetch failed, cause ENOTFOUND',
    format: 'javascript-error',
    text: `TypeError: fetch failed
    at node:internal/deps/undici/undici:13502:13
    at async main (/app/index.mjs:4:15) {
  [cause]: Error: getaddrinfo ENOTFOUND api.redislabs.co
      at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:120:26) {
    errno: -3008,
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname: 'api.redislabs.co'
  }
}`,
    failure: 'unreachable',
    verdict: 'unreachable',
  },
  {
    name: 'browser console CORS',
    format: 'javascript-error',
    text: "Access to fetch at 'https://api.redislabs.com/v1/' from origin 'http://localhost:5173' has been blocked by CORS policy: Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present on the requested resource.",
    failure: 'cors',
    verdict: 'unreachable',
  },
  {
    name: 'browser console status line',
    format: 'javascript-error',
    text: 'Failed to load resource: the server responded with a status of 401 ()',
    status: 401,
    verdict: 'auth-failed',
  },
  {
    name: 'curl -f',
    format: 'curl-exit',
    text: 'curl: (22) The requested URL returned error: 401',
    status: 401,
    verdict: 'auth-failed',
  },
  {
    name: 'curl (6)',
    format: 'curl-exit',
    text: 'curl: (6) Could not resolve host: api.redislabs.co',
    failure: 'unreachable',
    verdict: 'unreachable',
  },
  {
    name: 'curl (7)',
    format: 'curl-exit',
    text: "curl: (7) Failed to connect to api.redislabs.com port 443 after 3 ms: Couldn't connect to server",
    failure: 'unreachable',
    verdict: 'unreachable',
  },
  {
    name: 'curl (28)',
    format: 'curl-exit',
    text: 'curl: (28) Operation timed out after 30001 milliseconds with 0 bytes received',
    failure: 'timeout',
    verdict: 'unreachable',
  },
  {
    name: 'curl (35)',
    format: 'curl-exit',
    text: 'curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to api.redislabs.com:443',
    failure: 'tls',
    verdict: 'unreachable',
  },
  {
    name: 'curl (60)',
    format: 'curl-exit',
    text: 'curl: (60) SSL certificate problem: unable to get local issuer certificate\nMore details here: https://curl.se/docs/sslcerts.html',
    failure: 'tls',
    // An untrusted issuer is often a TLS-inspecting gateway answering in the API's place.
    verdict: 'intercepted',
  },
  {
    name: 'wget 401',
    format: 'wget-output',
    text: `--2024-05-07 10:12:01--  https://api.redislabs.com/v1/
Resolving api.redislabs.com (api.redislabs.com)... 104.18.24.3, 104.18.25.3
Connecting to api.redislabs.com (api.redislabs.com)|104.18.24.3|:443... connected.
HTTP request sent, awaiting response... 401 Unauthorized

Username/Password Authentication Failed.`,
    status: 401,
    verdict: 'auth-failed',
  },
  {
    name: 'wget -S 403',
    format: 'wget-output',
    text: `--2024-05-07 10:12:01--  https://api.redislabs.com/v1/subscriptions
HTTP request sent, awaiting response...
  HTTP/1.1 403 Forbidden
  Date: Tue, 07 May 2024 10:12:01 GMT
  Content-Type: application/json
  Server: nginx
2024-05-07 10:12:01 ERROR 403: Forbidden.`,
    status: 403,
    verdict: 'forbidden',
  },
  {
    name: 'wget cannot resolve',
    format: 'wget-output',
    text: "--2024-05-07 10:12:01--  https://api.redislabs.co/v1/\nResolving api.redislabs.co (api.redislabs.co)... failed: Name or service not known.\nwget: unable to resolve host address 'api.redislabs.co'",
    failure: 'unreachable',
    verdict: 'unreachable',
  },
  {
    name: 'HTTPie check-status',
    format: 'httpie-output',
    text: 'http: warning: HTTP 401 Unauthorized',
    status: 401,
    verdict: 'auth-failed',
  },
  {
    name: 'HTTPie connection error',
    format: 'httpie-output',
    text: "http: error: ConnectionError: HTTPSConnectionPool(host='api.redislabs.co', port=443): Max retries exceeded with url: /v1/ (Caused by NameResolutionError(\"Failed to resolve 'api.redislabs.co'\")) while doing a GET request to URL: https://api.redislabs.co/v1/",
    failure: 'unreachable',
    verdict: 'unreachable',
  },
  {
    name: 'Go client error in Terraform box',
    format: 'terraform-output',
    text: `╷\n│ Error: failed to list subscriptions: 401 - ${NGINX_401.replace(/\n/g, '\n│ ')}\n│\n│   with data.rediscloud_subscription.example,\n╵`,
    status: 401,
    verdict: 'auth-failed',
  },
  {
    name: 'Terraform missing secret key',
    format: 'terraform-output',
    text: '╷\n│ Error: Missing Redis Cloud API Secret Key\n│\n│   with provider["registry.terraform.io/redislabs/rediscloud"],\n╵',
    failure: 'missing-key',
    verdict: 'not-sent',
  },
  {
    name: 'Go network error',
    format: 'terraform-output',
    text: '│ Error: Get "https://api.redislabs.com/v1/subscriptions": dial tcp: lookup api.redislabs.com on 127.0.0.53:53: no such host',
    failure: 'unreachable',
    verdict: 'unreachable',
  },
  {
    name: 'redisctl status in parentheses',
    format: 'redisctl-output',
    text: 'Error: API error (401): Unauthorized',
    status: 401,
    verdict: 'auth-failed',
  },
];

describe.each(SAMPLES)('$name', (sample) => {
  test('alone in the Response box: read with its status or failure', () => {
    const read = parseResponsePaste(sample.text);
    if (!read.ok) throw new Error(read.error.message);
    expect(read.value.format).toBe(sample.format);
    if (sample.status !== undefined) expect(read.value.response?.status).toBe(sample.status);
    else {
      expect(read.value.response).toBeNull();
      expect(read.value.failure?.kind).toBe(sample.failure);
    }
  });

  test('in the Response box beside the request: the verdict its words support', async () => {
    const out = await diagnosePaste({
      request: CURL,
      response: sample.text,
      at: '2024-05-07T10:00:00Z',
    });
    const inspection = out.inspection;
    if (!inspection) throw new Error('nothing diagnosed');
    expect(inspection.checklist.verdict).toBe(sample.verdict);
    if (sample.status !== undefined) expect(inspection.shown.response?.status).toBe(sample.status);
    else expect(inspection.shown.failure?.kind).toBe(sample.failure);
    // Never asks for a status line when the tool's words hold one or said none came.
    expect(inspection.report).not.toMatch(/status line included/i);
    expect(inspection.report).not.toContain(ACCOUNT.slice(0, 6));
  });

  test('inside a whole ticket with prose: the same reading, and the prose named as unread', async () => {
    const ticket = `Hi support,\n\nOur nightly job started failing. I ran this:\n\n$ ${CURL}\n\nand it printed:\n\n${sample.text}\n\nAny idea what is wrong?\n\nThanks,\nJane`;
    const out = await diagnosePaste({ request: ticket, response: '', at: '2024-05-07T10:00:00Z' });
    expect(out.ticket).not.toBeNull();
    expect(out.inspection?.checklist.verdict).toBe(sample.verdict);
    expect(out.ticket?.unread.map((u) => u.reason)).toEqual(
      expect.arrayContaining(['prose', 'signature']),
    );
    expect(out.inspection?.report).not.toContain(USER.slice(0, 6));
  });
});

test('a provider crash is read as no API answer: no status, and no request for one', async () => {
  const crash = `Stack trace from the terraform-provider-rediscloud_v1.5.0 plugin:

panic: runtime error: invalid memory address or nil pointer dereference
[signal SIGSEGV: segmentation violation code=0x1 addr=0x10 pc=0x1c7a6b1]

Error: The terraform-provider-rediscloud_v1.5.0 plugin crashed!`;
  const read = parseResponsePaste(crash);
  if (!read.ok) throw new Error(read.error.message);
  expect(read.value.response).toBeNull();
  expect(read.value.failure).toBeUndefined();
  expect(read.value.notes[0]?.message).toMatch(/not an answer from the API/);
});

test('two attempts with different answers: both judged, the latest shown in full', async () => {
  const ticket = `It worked yesterday:\n\n$ ${CURL}\nHTTP/2 200\ncontent-type: application/json\n\n{"account":{"id":1001,"name":"Redis","key":{"name":"k1","accountId":1001}}}\n\nToday the same command prints:\n\ncurl: (22) The requested URL returned error: 401\n`;
  const out = await diagnosePaste({ request: ticket, response: '', at: '2024-05-07T10:00:00Z' });
  expect(out.ticket?.attempts.map((a) => a.verdict)).toEqual(['ok', 'auth-failed']);
  expect(out.choice).toBe(1);
  expect(out.inspection?.checklist.verdict).toBe('auth-failed');
  const earlier = await diagnosePaste({
    request: ticket,
    response: '',
    choice: 0,
    at: '2024-05-07T10:00:00Z',
  });
  expect(earlier.inspection?.checklist.verdict).toBe('ok');
});
