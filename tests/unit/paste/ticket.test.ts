// A whole ticket pasted into Diagnose's Request box: email quotes, chat exports and CI logs
// around the commands, and what each tool printed, read as attempts (red-team tickets).
import { describe, expect, test } from 'vitest';
import { diagnosePaste } from '../../../src/lib/inspect/diagnose-paste';
import { splitTicket } from '../../../src/lib/paste/ticket';
import { unquote } from '../../../src/lib/paste/ticket-lines';

const ACC = 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3';
const USR = 'S9z8Y7x6W5v4U3t2S1r0Q9p8O7n6M5l4K3j2I1h0G9f8E7';
const at = '2025-03-04T10:00:00Z';
const NGINX_401 = [
  '<html>',
  '<head><title>401 Authorization Required</title></head>',
  '<body>',
  '<center><h1>401 Authorization Required</h1></center>',
  '<hr><center>nginx</center>',
  '</body>',
  '</html>',
];

async function diagnose(request: string) {
  const out = await diagnosePaste({ request, response: '', at });
  return {
    out,
    verdict: out.inspection?.checklist.verdict,
    item: (id: string) => out.inspection?.checklist.items.find((i) => i.id === id)?.status,
    attempts: out.ticket?.attempts.map((a) => `${a.label} [${a.verdict}] ${a.where}`),
    unread: out.ticket?.unread.map((u) => `${u.from}-${u.to}:${u.reason}`),
    answer: out.response.ok ? out.response.value.response : null,
  };
}

const quote = (lines: string[], prefix = '> ') =>
  lines.map((l) => (l === '' ? prefix.trimEnd() : prefix + l));

describe('email quoting is taken off (A)', () => {
  const command = [
    `curl -i -X GET "https://api.redislabs.com/v1/subscriptions" \\`,
    `  -H "x-api-key: ${ACC}" \\`,
    `  -H "x-api-secret-key: ${USR}"`,
  ];
  const answer = [
    'HTTP/1.1 401 Unauthorized',
    'Server: nginx',
    'Content-Type: text/html',
    '',
    ...NGINX_401,
  ];

  test.each([
    ['one level', '> '],
    ['one level, no space', '>'],
    ['two levels', '> > '],
    ['two levels, compact', '>> '],
  ])('a quoted curl command and its quoted output are one attempt (%s)', async (_, prefix) => {
    const ticket = [
      'Hi Maria,',
      '',
      'it still fails the same way.',
      '',
      'On Tue, Mar 4, 2025 at 9:12 AM Tom Becker <tom@acme.io> wrote:',
      ...quote(
        [
          'Hello,',
          '',
          'This is what I run:',
          '',
          ...command,
          '',
          'and I get:',
          '',
          ...answer,
          '',
          'Regards,',
          'Tom',
        ],
        prefix,
      ),
    ].join('\n');
    const read = await diagnose(ticket);
    expect(read.verdict).toBe('auth-failed');
    expect(read.attempts).toEqual(['GET /v1/subscriptions → 401 [auth-failed] lines 10–26']);
    expect(read.answer?.body).toContain('nginx');
    expect(read.unread).toContain('5-5:email-header');
  });

  test('a reply on top of the quote: the quoted attempt is the older one', async () => {
    const curl = `$ curl -s -i https://api.redislabs.com/v1/ -H "x-api-key: ${ACC}" -H "x-api-secret-key: ${USR}"`;
    const read = await diagnose(
      [
        'Update: from my laptop it works:',
        '',
        curl,
        'HTTP/2 200',
        'content-type: application/json',
        '',
        '{"account":{"id":1001,"name":"Acme","key":{"name":"ci","accountId":1001}}}',
        '',
        '-----Original Message-----',
        'Subject: API returns 403',
        '',
        ...quote([
          curl,
          'HTTP/2 403',
          'content-type: application/json',
          '',
          '{"timestamp":"2025-03-03T15:54:01.803+00:00","status":403,"error":"Forbidden","path":"/v1/"}',
        ]),
      ].join('\n'),
    );
    expect(read.attempts).toEqual([
      'GET /v1/ → 403 [forbidden] lines 12–16',
      'GET /v1/ → 200 [ok] lines 3–7',
    ]);
    expect(read.verdict).toBe('ok');
  });

  test('a quoted curl -v trace keeps its own `>` and `<` lines', async () => {
    const trace = [
      `$ curl -v https://api.redislabs.com/v1/ -H "x-api-key: ${ACC}" -H "x-api-secret-key: ${USR}"`,
      '*   Trying 104.18.20.45:443...',
      '> GET /v1/ HTTP/2',
      '> Host: api.redislabs.com',
      `> x-api-key: ${ACC}`,
      `> x-api-secret-key: ${USR}`,
      '>',
      '< HTTP/2 401',
      '< content-type: text/html',
      '<',
      ...NGINX_401,
    ];
    const read = await diagnose(
      [
        'Any news?',
        '',
        'On Mon, 17 Mar 2025 at 10:01, Ana wrote:',
        ...quote(['Here is the output:', '', ...trace]),
      ].join('\n'),
    );
    expect(read.verdict).toBe('auth-failed');
    expect(read.attempts).toEqual(['GET /v1/ → 401 [auth-failed] lines 6–22']);
  });

  test('a bare curl -v request block is not taken for a quote', () => {
    const trace = [
      '* Connected to api.redislabs.com (104.18.20.45) port 443',
      '> GET /v1/ HTTP/2',
      '> Host: api.redislabs.com',
      `> x-api-key: ${ACC}`,
      '>',
      '< HTTP/2 401',
      '<',
    ];
    expect(unquote(trace)).toEqual(trace);
    // Python's prompt is not a quote either.
    const repl = ['>>> import requests', '>>> r = requests.get("https://api.redislabs.com/v1/")'];
    expect(unquote(repl)).toEqual(repl);
  });
});

describe('an answer ends where the chat, the prose or the CI log goes on (B)', () => {
  test('Slack: a name on its own line ends the answer', async () => {
    const read = await diagnose(
      [
        'Jane Doe  10:32 AM',
        'anyone seen this? it worked yesterday',
        `curl -s -o /dev/null -w "%{http_code}\\n" https://api.redislabs.com/v1/ -H 'x-api-key: ${ACC}' -H 'x-api-secret-key: ${USR}'`,
        '401',
        'Raj Patel  10:35 AM',
        'you have single quotes around the headers, the vars do not expand',
      ].join('\n'),
    );
    expect(read.attempts).toEqual(['GET /v1/ → 401 [auth-failed] lines 3–4']);
    expect(read.answer?.body).toBe('');
    expect(read.unread).toEqual(['1-1:chat', '2-2:prose', '5-5:chat', '6-6:prose']);
  });

  test('Teams: `[date time] Name:` alone on its line is a chat line; Content-Length: 0 ends the body', async () => {
    const read = await diagnose(
      [
        '[3/4/2025 10:02 AM] Smith, John:',
        'Hi team, the API gives me a 429 since this morning',
        '[3/4/2025 10:02 AM] Smith, John:',
        `http GET https://api.redislabs.com/v1/subscriptions x-api-key:${ACC} x-api-secret-key:${USR}`,
        'HTTP/1.1 429 Too Many Requests',
        'Content-Length: 0',
        'x-rate-limit-retry-after-seconds: 37',
        '',
        '[3/4/2025 10:05 AM] Lee, Anna:',
        'we have the monitoring job hitting it every 100ms, that might be it',
      ].join('\n'),
    );
    expect(read.verdict).toBe('rate-limited');
    expect(read.answer?.body).toBe('');
    expect(read.unread).toEqual(['1-1:chat', '2-2:prose', '3-3:chat', '9-9:chat', '10-10:prose']);
  });

  test('Content-Length: 0: what follows the blank line is not the body', () => {
    const ticket = splitTicket(
      `curl -i https://api.redislabs.com/v1/ -H "x-api-key: ${ACC}" -H "x-api-secret-key: ${USR}"\nHTTP/2 429\ncontent-length: 0\n\n{"note":"my own JSON, pasted later"}\n`,
    );
    expect(ticket.exchanges[0]?.answer?.response?.body).toBe('');
    expect(ticket.exchanges[0]?.answerLines).toEqual([2, 3]);
  });

  test('GitLab CI: the runner trailers are log lines, not the body', async () => {
    const read = await diagnose(
      [
        'Running with gitlab-runner 17.4.0 (b92ee590)',
        '  on shared-runner-03 t3_aBc12, system ID: s_0e1f2a3b4c5d',
        'Preparing the "docker" executor',
        'section_start:1741600000:step_script',
        'Executing "step_script" stage of the job script',
        `$ curl -sS -i "https://api.redislabs.com/v1/subscriptions" -H "x-api-key: ${ACC}" -H "x-api-secret-key: ${USR}"`,
        'HTTP/2 403 ',
        'content-type: application/json',
        '',
        '{"timestamp":"2025-03-10T09:47:41.512+00:00","status":403,"error":"Forbidden","path":"/v1/subscriptions"}',
        'section_end:1741600002:step_script',
        'Cleaning up project directory and file based variables',
        'ERROR: Job failed: exit code 1',
      ].join('\n'),
    );
    expect(read.attempts).toEqual(['GET /v1/subscriptions → 403 [forbidden] lines 6–10']);
    expect(read.answer?.body).toMatch(/"path":"\/v1\/subscriptions"}$/);
    expect(read.unread).toEqual(['1-5:log', '11-13:log']);
  });
});

describe('a sentence that starts with a tool name is prose, not a request (D)', () => {
  test.each([
    'curl failed to verify the legitimacy of the server and therefore could not',
    'wget from the bastion host:',
    'terraform plan fails immediately, I did set the key in the provider:',
    'python is giving me an error when I run this',
  ])('%s', (sentence) => {
    const ticket = splitTicket(
      `${sentence}\n\n$ curl -sS https://api.redislabs.com/v1/ -H "x-api-key: ${ACC}" -H "x-api-secret-key: ${USR}"\ncurl: (60) SSL certificate problem: unable to get local issuer certificate\n\n${sentence}\n`,
    );
    expect(ticket.exchanges).toHaveLength(1);
    expect(ticket.unread.map((u) => `${u.from}:${u.reason}`)).toEqual(['1:prose', '6:prose']);
  });

  test.each([
    'curl https://api.redislabs.com/v1/',
    'wget -S -O- https://api.redislabs.com/v1/',
    'terraform plan',
    'python3 check.py',
  ])('%s is still a command', (command) => {
    const ticket = splitTicket(`${command}\nHTTP/1.1 401 Unauthorized\n`);
    expect(ticket.unread.filter((u) => u.reason === 'prose')).toEqual([]);
  });
});

describe('what a script printed of the answer reaches its body (C)', () => {
  const urllib = [
    'import urllib.request, urllib.error',
    `req = urllib.request.Request("https://api.redislabs.com/v1/", headers={"x-api-key": "${ACC}", "x-api-secret-key": "${USR}"})`,
    'try:',
    '    urllib.request.urlopen(req)',
    'except urllib.error.HTTPError as e:',
    '    print(e.read().decode())',
    '    raise',
  ];
  const traceback = [
    'Traceback (most recent call last):',
    '  File "/home/ana/check.py", line 5, in <module>',
    '    urllib.request.urlopen(req)',
    'urllib.error.HTTPError: HTTP Error 403: Forbidden',
  ];

  test.each([
    ['on its own line', ['$ python3 check.py', 'error code: 1010']],
    ['after the status printed with it', ['Output:', '', '403 error code: 1010']],
  ])(
    "Cloudflare's `error code: 1010` printed before the traceback (%s): the edge answered",
    async (_, printed) => {
      const read = await diagnose(
        ['Minimal repro:', '', ...urllib, '', ...printed, ...traceback].join('\n'),
      );
      expect(read.attempts).toHaveLength(1);
      expect(read.answer?.status).toBe(403);
      expect(read.answer?.body).toBe('error code: 1010');
      expect(read.verdict).toBe('intercepted');
    },
  );

  test("RedisInsight's `cause: <html>` is the 401's body", async () => {
    const read = await diagnose(
      [
        'The RedisInsight log says:',
        '',
        '[2025-03-18 11:22:33] ERROR CloudCapiProvider: CloudCapiUnauthorizedException: Request failed with status code 401',
        '    at CloudCapiProvider.wrapCapiError (/app/dist/src/modules/cloud/common/providers/cloud.capi.provider.js:45:19)',
        '  cause: <html>',
        ...NGINX_401.slice(1),
      ].join('\n'),
    );
    expect(read.answer?.status).toBe(401);
    expect(read.answer?.body).toContain('<center>nginx</center>');
    expect(read.item('reached-api')).toBe('pass');
  });

  test("PowerShell's printed object after Invoke-RestMethod is the answer's body (status not shown)", async () => {
    const read = await diagnose(
      [
        'Second run a minute later:',
        '',
        `PS C:\\ops> Invoke-RestMethod -Uri https://api.redislabs.com/v1/ -Headers @{ "x-api-key" = "${ACC}"; "x-api-secret-key" = "${USR}" }`,
        '',
        'account',
        '-------',
        '@{id=1001; name=Acme; createdTimestamp=2020-01-01T00:00:00Z; key=}',
      ].join('\n'),
    );
    expect(read.attempts).toEqual(['GET /v1/ → status not shown [unknown] lines 3–7']);
    expect(read.answer?.status).toBeNull();
    expect(read.answer?.body).toContain('@{id=1001; name=Acme;');
  });

  test("Python's print(r.status_code, r.json()): the status and the dict, read as the API's JSON", async () => {
    const read = await diagnose(
      [
        'import requests',
        `r = requests.get("https://api.redislabs.com/v1/", headers={"x-api-key": "${ACC}", "x-api-secret-key": "${USR}"})`,
        'print(r.status_code, r.json())',
        '',
        'Output:',
        "200 {'account': {'id': 1001, 'name': 'Acme', 'key': {'name': 'ci', 'accountId': 1001, 'owner': None, 'enabled': True}}}",
      ].join('\n'),
    );
    expect(read.answer?.status).toBe(200);
    expect(JSON.parse(read.answer?.body ?? '')).toEqual({
      account: {
        id: 1001,
        name: 'Acme',
        key: { name: 'ci', accountId: 1001, owner: null, enabled: true },
      },
    });
    expect(read.verdict).toBe('ok');
  });

  test('print(r.status_code) then print(r.text): the status on its own line, the page after it', async () => {
    const read = await diagnose(
      [
        'import requests',
        `r = requests.get("https://api.redislabs.com/v1/", headers={"x-api-key": "${ACC}", "x-api-secret-key": "${USR}"})`,
        'print(r.status_code)',
        'print(r.text)',
        '',
        'Output:',
        '401',
        NGINX_401.join(''),
      ].join('\n'),
    );
    expect(read.attempts).toEqual(['GET /v1/ → 401 [auth-failed] lines 1–8']);
    expect(read.answer?.body).toMatch(/^<html>/);
  });
});

describe('one attempt stays one attempt (E)', () => {
  test('a script and the same script plus its output are one attempt', () => {
    const ticket = splitTicket(
      [
        'import urllib.request, urllib.error',
        `req = urllib.request.Request("https://api.redislabs.com/v1/", headers={"x-api-key": "${ACC}", "x-api-secret-key": "${USR}"})`,
        'try:',
        '    urllib.request.urlopen(req)',
        'except urllib.error.HTTPError as e:',
        '    print(e.read().decode())',
        '    raise',
        '',
        '$ python3 check.py',
        'urllib.error.HTTPError: HTTP Error 401: Unauthorized',
      ].join('\n'),
    );
    expect(ticket.exchanges.map((e) => [e.requestLines, e.answerLines])).toEqual([
      [
        [1, 7],
        [10, 10],
      ],
    ]);
  });

  test("HTTPie's `http: warning:` after its answer belongs to that answer", async () => {
    const read = await diagnose(
      [
        `http --check-status --print=h GET https://api.redislabs.com/v1/subscriptions x-api-key:${ACC} x-api-secret-key:${USR}`,
        'HTTP/1.1 401 Unauthorized',
        'Content-Type: text/html',
        'Server: nginx',
        '',
        '',
        'http: warning: HTTP 401 Unauthorized',
      ].join('\n'),
    );
    expect(read.attempts).toEqual(['GET /v1/subscriptions → 401 [auth-failed] lines 1–7']);
    expect(read.answer?.body).toBe('');
  });

  test("chained Python tracebacks are one answer, and the frame's quoted call is its request (H)", async () => {
    const read = await diagnose(
      [
        'Our Airflow task times out:',
        '',
        'Traceback (most recent call last):',
        '  File "/venv/lib/python3.11/site-packages/urllib3/connection.py", line 198, in _new_conn',
        '    sock = connection.create_connection(',
        'TimeoutError: timed out',
        '',
        'During handling of the above exception, another exception occurred:',
        '',
        'Traceback (most recent call last):',
        '  File "/opt/airflow/dags/redis_backup.py", line 21, in trigger',
        '    r = requests.post(f"{BASE}/subscriptions/{SUB}/databases/{DB}/backup", headers=HEADERS, timeout=10)',
        '  File "/venv/lib/python3.11/site-packages/requests/adapters.py", line 688, in send',
        '    raise ConnectTimeout(e, request=request)',
        "requests.exceptions.ConnectTimeout: HTTPSConnectionPool(host='api.redislabs.com', port=443): Max retries exceeded with url: /v1/subscriptions/1/databases/2/backup (Caused by ConnectTimeoutError(<urllib3.connection.HTTPSConnection object at 0x7f>, 'Connection to api.redislabs.com timed out. (connect timeout=10)'))",
      ].join('\n'),
    );
    expect(read.attempts).toEqual([
      'POST {BASE}/subscriptions/{SUB}/databases/{DB}/backup → no answer (timeout) [unreachable] lines 3–15',
    ]);
    // HEADERS is not in the paste: no verdict on the key headers.
    expect(read.item('account-key-header')).toBe('unknown');
    expect(read.item('secret-key-header')).toBe('unknown');
  });

  test('a Terraform provider crash is one answer: no attempt per piece of it', () => {
    const ticket = splitTicket(
      [
        'rediscloud_subscription_database.db: Refreshing state... [id=2012345/51234]',
        '╷',
        '│ Error: Plugin did not respond',
        '│',
        '│ The plugin encountered an error, and failed to respond to the plugin.(*GRPCProvider).ReadResource call.',
        '╵',
        '',
        'Stack trace from the terraform-provider-rediscloud_v1.8.1 plugin:',
        '',
        'panic: runtime error: invalid memory address or nil pointer dereference',
        '[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x1a2b3c4]',
        '',
        'goroutine 52 [running]:',
        'github.com/RedisLabs/terraform-provider-rediscloud/provider.resourceRedisCloudSubscriptionDatabaseRead(...)',
        '',
        'Error: The terraform-provider-rediscloud_v1.8.1 plugin crashed!',
      ].join('\n'),
    );
    expect(ticket.exchanges).toHaveLength(1);
    expect(ticket.exchanges[0]?.answerLines).toEqual([3, 16]);
    expect(ticket.exchanges[0]?.answer?.response).toBeNull();
    expect(ticket.exchanges[0]?.answer?.notes[0]?.message).toMatch(/provider crashed/);
  });
});

describe('headers from a variable the paste does not define (H)', () => {
  test('requests.post(url, headers=HEADERS): the key header items are unknown, not failed', async () => {
    const read = await diagnose(
      [
        'import requests',
        'r = requests.post("https://api.redislabs.com/v1/subscriptions/1/databases/2/backup", headers=HEADERS)',
        'print(r.status_code)',
        '',
        'Output:',
        '401',
      ].join('\n'),
    );
    expect(read.item('account-key-header')).toBe('unknown');
    expect(read.item('secret-key-header')).toBe('unknown');
  });
});

describe("Windows PowerShell 5.1's curl is Invoke-WebRequest (F)", () => {
  test('`curl -H` refused by parameter binding: nothing was sent, not an answer with a body', async () => {
    const read = await diagnose(
      [
        'I followed the docs exactly, copy paste into PowerShell:',
        '',
        `PS C:\\> curl -X GET "https://api.redislabs.com/v1/" -H "accept: application/json" -H "x-api-key: ${ACC}" -H "x-api-secret-key: ${USR}"`,
        'Invoke-WebRequest : Cannot bind parameter \'Headers\'. Cannot convert the "accept: application/json" value of type',
        '"System.String" to type "System.Collections.IDictionary".',
        'At line:1 char:62',
        '+ ... /api.redislabs.com/v1/" -H "accept: application/json" -H "x-api-key: ...',
        '+                                                            ~~~~~~~~~~~~~~~~~~',
        '    + CategoryInfo          : InvalidArgument: (:) [Invoke-WebRequest], ParameterBindingException',
        '    + FullyQualifiedErrorId : CannotConvertArgumentNoMessage,Microsoft.PowerShell.Commands.InvokeWebRequestCommand',
        '',
        'What am I doing wrong?',
      ].join('\n'),
    );
    const answer = read.out.response.ok ? read.out.response.value : null;
    expect(answer?.response).toBeNull();
    expect(answer?.failure?.kind).toBe('refused-arguments');
    expect(read.attempts).toHaveLength(1);
    const checklist = read.out.inspection?.checklist;
    expect(checklist?.verdict).toBe('not-sent');
    expect(checklist?.headline).toMatch(/^Run curl\.exe with the same arguments/);
    expect(checklist?.headline).not.toContain('[redacted]');
  });

  test("`curl : {...}` is PowerShell's error with the answer's body, not another curl command", async () => {
    const read = await diagnose(
      [
        `PS C:\\> $h = @{"x-api-key"="${ACC}"; "x-api-secret-key"="${USR}"}`,
        'PS C:\\> curl -Uri https://api.redislabs.com/v1/subscriptions -Headers $h -UseBasicParsing',
        'curl : {"timestamp":"2025-03-19T08:00:00.000+00:00","status":403,"error":"Forbidden","path":"/v1/subscriptions"}',
        'At line:1 char:1',
        '+ curl -Uri https://api.redislabs.com/v1/subscriptions -Headers $h -Use ...',
        '    + CategoryInfo          : InvalidOperation: (System.Net.HttpWebRequest:HttpWebRequest) [Invoke-WebRequest], WebException',
        '    + FullyQualifiedErrorId : WebCmdletWebResponseException,Microsoft.PowerShell.Commands.InvokeWebRequestCommand',
      ].join('\n'),
    );
    expect(read.attempts).toEqual(['GET /v1/subscriptions → 403 [forbidden] lines 1–7']);
    expect(read.unread).toEqual([]);
    expect(read.item('reached-api')).toBe('pass');
  });
});

describe("a CI log's mask is not a value (G)", () => {
  test("GitLab's [MASKED] in both key headers: masked, not two identical keys", async () => {
    const read = await diagnose(
      [
        '$ curl -sS -i "https://api.redislabs.com/v1/subscriptions" -H "x-api-key: [MASKED]" -H "x-api-secret-key: [MASKED]"',
        'HTTP/2 403 ',
        'content-type: application/json',
        '',
        '{"timestamp":"2025-03-10T09:47:41.512+00:00","status":403,"error":"Forbidden","path":"/v1/subscriptions"}',
        'ERROR: Job failed: exit code 1',
      ].join('\n'),
    );
    expect(read.item('key-values')).toBe('unknown');
    expect(read.out.inspection?.checklist.primaryCause).not.toBe('key-values');
    expect(read.out.inspection?.report).toContain('CI log');
  });
});

test('a Markdown heading underlined with dashes is not a PowerShell object', () => {
  const ticket = splitTicket(
    `Steps\n-----\n\ncurl -i https://api.redislabs.com/v1/ -H "x-api-key: ${ACC}" -H "x-api-secret-key: ${USR}"\nHTTP/2 401\n`,
  );
  expect(ticket.exchanges).toHaveLength(1);
  expect(ticket.exchanges[0]?.answer?.response?.status).toBe(401);
});
