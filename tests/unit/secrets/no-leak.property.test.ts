/**
 * The first promise, as a property: keys placed anywhere a customer puts them, in every paste
 * format Keycheck reads, never reach what it shows, stores or shares. The checker here is
 * independent of lib/secrets: every 6-character run of a key, compared without case, and of its
 * base64, must be absent.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SANDBOX_BASE_URL } from '../../../src/lib/core/checklist';
import type { SentRequest } from '../../../src/lib/core/exchange';
import { inspectPaste, pasteSecrets } from '../../../src/lib/inspect/paste';
import { inspectSent } from '../../../src/lib/inspect/sent';
import { toCurl, toFetch, toHttpie, toPowerShell, toPython } from '../../../src/lib/paste/export';
import { sanitizeHar } from '../../../src/lib/paste/har-sanitize';
import { scrubber } from '../../../src/lib/secrets';
import { parseRequestPaste, parseResponsePaste } from '../../../src/lib/paste/paste';
import { decodeShareFragment } from '../../../src/lib/report/share';
import { createSandbox } from '../../../src/lib/sandbox';
import { key, keyShaped, pieces } from '../../helpers/leak-keys';

/** The checklist's own words: its ids, verdicts, statuses and groups, and its docs links. */
const APP_OWNED = new Set(['id', 'primaryCause', 'verdict', 'group', 'status']);

/**
 * A checklist without what the app fills in from its own tables (docs links by id, item ids,
 * verdicts, statuses): no key can reach them, and a generated key may share six letters with
 * `enable-the-api` or `role-permits`. Every sentence and title stays checked.
 */
function withoutDocs(value: unknown): string {
  return JSON.stringify(value, (name: string, v: unknown) =>
    name === 'docs' || (APP_OWNED.has(name) && typeof v === 'string') ? undefined : v,
  );
}

function assertClean(where: string, text: string, keys: readonly string[]): void {
  const lower = text.toLowerCase();
  for (const k of keys) {
    for (const piece of pieces(k)) {
      if (lower.includes(piece)) {
        throw new Error(`${where} holds "${piece}" of a key: ${text.slice(0, 400)}`);
      }
    }
  }
}

const HOST = 'https://api.redislabs.com';
const html401 =
  '<html><head><title>401 Authorization Required</title></head><body><center>nginx</center></body></html>';

/** Where customers put keys: each returns the Request box's text for the two keys. */
const REQUESTS: Record<string, (a: string, u: string) => string> = {
  'curl headers': (a, u) => `curl -i -H "x-api-key: ${a}" -H "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'curl, mixed-case headers': (a, u) =>
    `curl -H 'X-Api-Key: ${a}' -H 'X-API-SECRET-KEY: ${u}' ${HOST}/v1/subscriptions`,
  'URL user information': (a, u) => `curl -i https://${a}:${u}@api.redislabs.com/v1/subscriptions`,
  '--oauth2-bearer and --proxy-header': (a, u) =>
    `curl --oauth2-bearer ${a} --proxy-header "x-api-key: ${u}" ${HOST}/v1/`,
  'unknown options': (a, u) =>
    `curl --expand-header "x-api-secret-key: ${u}" --frobnicate ${a} ${HOST}/v1/`,
  'JSON body': (a, u) =>
    `curl -X POST ${HOST}/v1/subscriptions -d '{"accountKey":"${a}","secretKey":"${u}"}'`,
  '--data-urlencode': (a, u) =>
    `curl ${HOST}/v1/ -H "x-api-key: ${a}" --data-urlencode k=${a} --data-urlencode apiSecret=${u}`,
  'odd header names': (a, u) =>
    `curl -H "accountKey: ${a}" -H "userKey: ${u}" -H "RedisCloudApiKey: ${a}" ${HOST}/v1/`,
  'cookie and agent': (a, u) =>
    `curl -b "session=${a}" -A "agent ${u}" -H "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'smart quotes': (a, u) =>
    `curl -H \u201cx-api-key: ${a}\u201d -H \u201cx-api-secret-key: ${u}\u201d ${HOST}/v1/`,
  'query parameters': (a, u) => `curl "${HOST}/v1/?api_key=${a}&secret=${u}"`,
  'variables assigned first': (a, u) =>
    `export REDISCLOUD_ACCESS_KEY=${a}\nexport REDISCLOUD_SECRET_KEY="${u}"\ncurl -H "x-api-key: $REDISCLOUD_ACCESS_KEY" ${HOST}/v1/`,
  'basic auth': (a, u) => `curl -u ${a}:${u} ${HOST}/v1/`,
  'Postman collection, basic auth': (a, u) =>
    JSON.stringify({
      info: {
        name: 'Redis Cloud',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      auth: {
        type: 'basic',
        basic: [
          { key: 'username', value: a },
          { key: 'password', value: u },
        ],
      },
      item: [{ name: 'Account', request: { method: 'GET', url: `${HOST}/v1/` } }],
    }),
  'Postman collection, key headers and a bearer': (a, u) =>
    JSON.stringify({
      info: {
        name: 'Redis Cloud',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      item: [
        {
          name: 'Account',
          request: {
            method: 'GET',
            url: `${HOST}/v1/`,
            header: [
              { key: 'x-api-key', value: a },
              { key: 'x-api-secret-key', value: u },
            ],
            auth: { type: 'bearer', bearer: [{ key: 'token', value: `${u}${a}` }] },
          },
        },
      ],
    }),
  'Insomnia export, basic auth': (a, u) =>
    JSON.stringify({
      _type: 'export',
      __export_format: 4,
      resources: [
        {
          _type: 'request',
          _id: 'req_1',
          name: 'Account',
          method: 'GET',
          url: `${HOST}/v1/`,
          headers: [{ name: 'x-api-key', value: a }],
          authentication: { type: 'basic', username: a, password: u },
        },
      ],
    }),
  'a key as the method (curl -X)': (a, u) =>
    `curl -X ${a} -H "x-api-key: ${a}" -H "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'a key as the method (Python requests.request)': (a, u) =>
    `import requests\nrequests.request("${u}", "${HOST}/v1/", headers={"x-api-key": "${a}", "x-api-secret-key": "${u}"})`,
  'a key as the method (HAR)': (a, u) =>
    JSON.stringify({
      log: {
        version: '1.2',
        entries: [
          {
            startedDateTime: '2025-01-17T09:34:25.602Z',
            time: 1,
            request: {
              method: a,
              url: `${HOST}/v1/`,
              headers: [
                { name: 'x-api-key', value: a },
                { name: 'x-api-secret-key', value: u },
              ],
            },
            response: { status: 401, statusText: '', headers: [], content: { size: 0, text: '' } },
          },
        ],
      },
    }),
  'raw HTTP request': (a, u) =>
    `GET /v1/ HTTP/1.1\nHost: api.redislabs.com\nx-api-key: ${a}\nx-api-secret-key: ${u}\nAuthorization: Bearer ${a}\n`,
  'HAR with a body': (a, u) =>
    JSON.stringify({
      log: {
        version: '1.2',
        entries: [
          {
            startedDateTime: '2025-01-17T09:34:25.602Z',
            time: 120,
            request: {
              method: 'POST',
              url: `${HOST}/v1/subscriptions?token=${u}`,
              headers: [
                { name: 'x-api-key', value: a },
                { name: 'x-api-secret-key', value: u },
              ],
              postData: { mimeType: 'application/json', text: JSON.stringify({ apiSecret: u }) },
            },
            response: {
              status: 401,
              statusText: 'Unauthorized',
              headers: [{ name: 'content-type', value: 'text/html' }],
              content: { size: html401.length, mimeType: 'text/html', text: html401 },
            },
          },
        ],
      },
    }),
};

/** What customers paste as the answer, some echoing a key (as a proxy or a log might). */
const RESPONSES: Record<string, (a: string, u: string) => string> = {
  none: () => '',
  'nginx 401': () => `HTTP/2 401\nserver: nginx\ncontent-type: text/html\n\n${html401}`,
  'status text echoes the user key': (_, u) => `HTTP/1.1 401 Bad key ${u}\n\n`,
  'body echoes a 7-character prefix and the lower-case key': (a, u) =>
    `HTTP/1.1 403 Forbidden\ncontent-type: application/json\n\n{"error":"${u.slice(0, 7)} ${a.toLowerCase()}"}`,
  'key headers pasted in the answer': (a, u) =>
    `HTTP/1.1 401 Unauthorized\nx-api-key: ${a}\nx-api-secret-key: ${u}\n\n`,
};

const percentEach = (k: string) =>
  [...k].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');
const unicodeEach = (k: string) =>
  [...k].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
const traceDump = (line: string) => {
  const bytes = [...line].map((c) => c.charCodeAt(0));
  const rows: string[] = [];
  for (let i = 0; i < bytes.length; i += 16) {
    const chunk = bytes.slice(i, i + 16);
    const hex = chunk.map((b) => b.toString(16).padStart(2, '0')).join(' ');
    rows.push(
      `${i.toString(16).padStart(4, '0')}: ${hex.padEnd(48)} ${String.fromCharCode(...chunk)}`,
    );
  }
  return rows.join('\n');
};

/**
 * Keys where no credential name points at them, or written where a name belongs, or encoded:
 * deny by default and decoding must find them. The second key stays in its header, so the
 * paste still reads as a request to the API.
 */
const UNNAMED_REQUESTS: Record<string, (a: string, u: string) => string> = {
  'a form field': (a, u) => `curl ${HOST}/v1/ -H "x-api-secret-key: ${u}" -d "k=${a}"`,
  'a User-Agent': (a, u) =>
    `curl -H "User-Agent: deploy-bot/${a}" -H "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'a path segment': (a, u) =>
    `curl -H "x-api-secret-key: ${u}" ${HOST}/v1/subscriptions/${a}/databases`,
  'the second of two URLs': (a, u) =>
    `curl -H "x-api-secret-key: ${u}" ${HOST}/v1/ https://hooks.example.com/${a}`,
  'an option Keycheck does not know': (a, u) =>
    `curl --frobnicate-with ${a} -H "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'wget with an unknown option': (a, u) =>
    `wget --api-key ${a} --header "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'HTTPie with an unknown option': (a, u) =>
    `http --token ${a} GET ${HOST}/v1/ x-api-secret-key:${u}`,
  'os.getenv("<key>")': (a, u) =>
    `import os, requests\nr = requests.get("${HOST}/v1/", headers={"x-api-key": os.getenv("${a}"), "x-api-secret-key": "${u}"})`,
  'process.env.<key>': (a, u) =>
    `await fetch("${HOST}/v1/", { headers: { "x-api-key": process.env.${a}, "x-api-secret-key": "${u}" } });`,
  '$env:<key>': (a, u) =>
    `Invoke-RestMethod -Uri "${HOST}/v1/" -Headers @{ "x-api-key" = $env:${a}; "x-api-secret-key" = "${u}" }`,
  'a Postman variable {{<key>}}': (a, u) =>
    `curl -H "x-api-key: {{${a}}}" -H "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'a shell default ${RC_KEY:-<key>}': (a, u) =>
    `curl -H "x-api-key: \${RC_KEY:-${a}}" -H "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'a command substitution $(echo <key>)': (a, u) =>
    `curl -H "x-api-key: $(echo ${a})" -H "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'axios.defaults': (a, u) =>
    `axios.defaults.headers.common['x-api-key'] = '${a}';\naxios.defaults.headers.common['x-api-secret-key'] = '${u}';\nawait axios.get('${HOST}/v1/');`,
  'ConvertTo-SecureString': (a, u) =>
    `$k = ConvertTo-SecureString "${a}" -AsPlainText -Force\nInvoke-RestMethod -Uri "${HOST}/v1/" -Headers @{ "x-api-secret-key" = "${u}" }`,
  'percent-encoded byte by byte': (a, u) =>
    `curl -H "x-api-secret-key: ${u}" "${HOST}/v1/?q=${percentEach(a)}"`,
  'a Python string joined across a backslash': (a, u) =>
    `import requests\nrequests.get("${HOST}/v1/", headers={"x-api-key": "${a.slice(0, 8)}" \\\n    "${a.slice(8)}", "x-api-secret-key": "${u}"})`,
  'a shell line continuation inside the key': (a, u) =>
    `curl -H "x-api-key: ${a.slice(0, 9)}\\\n${a.slice(9)}" -H "x-api-secret-key: ${u}" ${HOST}/v1/`,
  'string concatenation': (a, u) =>
    `await fetch('${HOST}/v1/', { headers: { 'x-api-key': '${a.slice(0, 7)}' + '${a.slice(7)}', 'x-api-secret-key': '${u}' } });`,
  'a HAR entry label, a comment and an unknown field': (a, u) =>
    JSON.stringify({
      log: {
        version: '1.2',
        comment: `exported for ticket ${a}`,
        entries: [
          {
            startedDateTime: '2025-01-17T09:34:25.602Z',
            time: 80,
            comment: `keys: ${a} / ${u}`,
            _initiator: { url: `https://app.example.com/${a}` },
            request: {
              method: 'GET',
              url: `${HOST}/v1/subscriptions/${a}`,
              headers: [
                { value: u, name: 'x-api-secret-key' },
                { name: 'x-api-\u006bey', value: a },
              ],
            },
            response: {
              status: 401,
              statusText: 'Unauthorized',
              headers: [],
              content: { size: 0, mimeType: 'text/html', text: `echo ${unicodeEach(a)}` },
            },
          },
        ],
      },
    }),
};

/**
 * Keys the reader assembles from pieces shorter than a key: the paste never shows one whole, so
 * only the request as read does (each piece alone is too short for deny by default).
 */
const ASSEMBLED_REQUESTS: Record<string, (a: string, u: string) => string> = {
  'shell quotes glued in a path': (a, u) =>
    `curl -H "x-api-secret-key: ${u}" "${HOST}/v1/subscriptions/"'${a.slice(0, 12)}'"${a.slice(12)}"`,
  'shell quotes glued after a bare word': (a, u) =>
    `curl -H "x-api-secret-key: ${u}" ${HOST}/v1/subscriptions/${a.slice(0, 12)}"${a.slice(12)}"`,
  'Python P1 + P2': (a, u) =>
    `import requests\nP1 = "${a.slice(0, 12)}"\nP2 = "${a.slice(12)}"\nr = requests.get("${HOST}/v1/subscriptions/" + P1 + P2, headers={"x-api-secret-key": "${u}"})`,
  'Python .format()': (a, u) =>
    `import requests\nrequests.get("${HOST}/v1/subscriptions/{}{}".format("${a.slice(0, 12)}", "${a.slice(12)}"), headers={"x-api-secret-key": "${u}"})`,
  'a Python f-string': (a, u) =>
    `import requests\nx = "${a.slice(0, 12)}"\ny = "${a.slice(12)}"\nrequests.get(f"${HOST}/v1/subscriptions/{x}{y}", headers={"x-api-secret-key": "${u}"})`,
  'JavaScript template and +': (a, u) =>
    `const p1 = '${a.slice(0, 12)}';\nconst p2 = '${a.slice(12)}';\nawait fetch(\`${HOST}/v1/subscriptions/\${p1}\${p2}\`, { headers: { 'x-api-key': p1 + p2, 'x-api-secret-key': '${u}' } });`,
  'Postman {{p1}}{{p2}}': (a, u) =>
    JSON.stringify({
      info: {
        name: 'RC',
        schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
      },
      variable: [
        { key: 'p1', value: a.slice(0, 12) },
        { key: 'p2', value: a.slice(12) },
      ],
      item: [
        {
          name: 'one',
          request: {
            method: 'GET',
            header: [{ key: 'x-api-secret-key', value: u }],
            url: `${HOST}/v1/subscriptions/{{p1}}{{p2}}`,
          },
        },
      ],
    }),
  'redisctl words glued from quotes': (a, u) =>
    `redisctl cloud '${a.slice(0, 12)}'"${a.slice(12)}" list --api-key ${u} --api-secret-key ${u}\nError: 401`,
  'an HTTPie item glued from quotes': (a, u) =>
    `http GET ${HOST}/v1/ '${a.slice(0, 12)}'"${a.slice(12)}": x-api-secret-key:${u}`,
};

/** What customers paste as the answer, holding a key with no name, as tools print it. */
const UNNAMED_RESPONSES: Record<string, (a: string, u: string) => string> = {
  'a PowerShell table': (a, u) =>
    `Name                           Value\n----                           -----\nx-api-key                      ${a}\nx-api-secret-key               ${u}`,
  'a PowerShell list': (a) =>
    `StatusCode        : 401\nStatusDescription : Unauthorized\nHeaders           : {[x-api-key, ${a}]}`,
  'a Markdown table': (a, u) =>
    `| header | value |\n| --- | --- |\n| x-api-key | ${a} |\n| x-api-secret-key | ${u} |`,
  'a YAML block scalar': (a) => `status: 401\nsent:\n  account: |\n    ${a}\n`,
  'an ANSI-coloured CI log': (a) =>
    `\u001b[36m> GET /v1/\u001b[0m\n\u001b[32mx-api-key:\u001b[0m ${a.slice(0, 5)}\u001b[1m${a.slice(5)}\u001b[0m\n< HTTP/1.1 401 Unauthorized`,
  'a curl --trace dump': (a) =>
    `== Info: Connected to api.redislabs.com\n=> Send header, 60 bytes (0x3c)\n${traceDump(`GET /v1/ HTTP/1.1\r\nx-api-key: ${a}\r\n`)}\n<= Recv header, 30 bytes\n0000: 48 54 54 50 2f 31 2e 31 20 34 30 31 0d 0a          HTTP/1.1 401..`,
  'XHR code with setRequestHeader': (a, u) =>
    `const xhr = new XMLHttpRequest();\nxhr.open('GET', '${HOST}/v1/');\nxhr.setRequestHeader('x-api-key', '${a}');\nxhr.setRequestHeader('x-api-secret-key', '${u}');\nxhr.send();`,
  'Terraform default': (a) => `variable "rc_account" {\n  default = "${a}"\n}\n\nError: 401`,
  '\\u-escaped JSON': (a) =>
    `HTTP/1.1 401 Unauthorized\ncontent-type: application/json\n\n{"echo":"${unicodeEach(a)}"}`,
};

describe('a pasted exchange', () => {
  test('every shape here reads as a request, so the checks below see what the app shows', () => {
    for (const [where, request] of Object.entries(REQUESTS)) {
      const read = parseRequestPaste(request('ACCOUNTKEY123456', 'USERKEY654321'));
      expect(read.ok && read.value.candidates.length > 0, where).toBe(true);
    }
  });

  for (const [where, request] of Object.entries(REQUESTS)) {
    test(`keys in ${where}: nothing shown, reported or linked holds a piece`, async () => {
      await fc.assert(
        fc.asyncProperty(
          key,
          key,
          fc.constantFrom(...Object.keys(RESPONSES)),
          async (a, u, answer) => {
            await checkSinks(request(a, u), RESPONSES[answer]!(a, u), [a, u]);
          },
        ),
        { numRuns: 12 },
      );
    }, 120_000);
  }
});

/** Every sink: what is shown, reported, linked, downloaded and copied. */
async function checkSinks(requestText: string, responseText: string, keys: string[]) {
  const read = parseRequestPaste(requestText);
  const response = parseResponsePaste(responseText);
  if (!read.ok) return assertClean('the paste error', JSON.stringify(read.error), keys);
  if (!response.ok) {
    return assertClean('the answer error', JSON.stringify(response.error), keys);
  }
  // Strings a view shows beside the diagnosis: entry labels, skipped options, variables,
  // scrubbed as the view does, with the paste's secrets as diagnosePaste finds them.
  const shown = scrubber(pasteSecrets([requestText, responseText], read.value.candidates));
  if (read.value.format === 'har') {
    const har = await sanitizeHar(requestText);
    assertClean('the sanitized HAR', har.ok ? har.value.text : har.error.message, keys);
  }
  for (const candidate of read.value.candidates) {
    assertClean('the entry label', shown(candidate.label), keys);
    assertClean('the skipped options', shown(candidate.unknownOptions.join(' ')), keys);
    assertClean(
      'the variables as written',
      shown(candidate.variables.map((v) => `${v.written} ${v.headerName ?? ''}`).join(' ')),
      keys,
    );
    const inspected = await inspectPaste({
      candidate,
      response: response.value,
      pasted: [requestText, responseText],
      at: new Date('2025-01-17T09:40:00Z'),
    });
    assertClean('the shown exchange', JSON.stringify(inspected.shown), keys);
    assertClean('the checklist', withoutDocs(inspected.checklist), keys);
    assertClean('the report', inspected.report, keys);
    assertClean('the notes', shown(JSON.stringify(candidate.notes)), keys);
    assertClean('the hidden values', JSON.stringify(inspected.hidden), keys);
    assertClean('the fingerprints', JSON.stringify(inspected.fingerprints), keys);
    const fragment = await inspectedFragment(inspected);
    assertClean('the link', fragment, keys);
    const decoded = await decodeShareFragment(fragment);
    expect(decoded.ok).toBe(true);
    if (decoded.ok) assertClean('the opened link', withoutDocs(decoded.value), keys);
    // "Open in Playground", then "Copy as" without keys: the request the Playground builds.
    const opened = inspected.open(false);
    if (opened.ok) {
      const sent: SentRequest = {
        method: opened.method,
        url: `${opened.choice.baseUrl}${opened.path}`,
        headers: [
          { name: 'x-api-key', value: opened.choice.accountKey },
          { name: 'x-api-secret-key', value: opened.choice.userKey },
        ],
        ...(opened.body === undefined ? {} : { body: opened.body }),
      };
      for (const copy of [toCurl, toFetch, toHttpie, toPowerShell, toPython]) {
        assertClean('copy as, without keys', copy(sent, { includeSecrets: false }), keys);
      }
    } else {
      assertClean('the refusal to open', opened.error, keys);
    }
  }
}

describe('keys with no name pointing at them (deny by default)', () => {
  test('every request shape here reads, so the checks see what the app shows', () => {
    const a = 'Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk';
    const u = 'Hq4Wm8Tz2Lp6Xc9Vb3Nr7Ks5';
    const unread = Object.entries(UNNAMED_REQUESTS).filter(
      ([, request]) => !parseRequestPaste(request(a, u)).ok,
    );
    expect(unread.map(([where]) => where)).toEqual([]);
  });
  for (const [where, request] of Object.entries(UNNAMED_REQUESTS)) {
    test(`keys in ${where}: nothing shown, reported, linked, downloaded or copied holds a piece`, async () => {
      await fc.assert(
        fc.asyncProperty(
          keyShaped,
          keyShaped,
          fc.constantFrom(...Object.keys(RESPONSES)),
          async (a, u, answer) => {
            await checkSinks(request(a, u), RESPONSES[answer]!(a, u), [a, u]);
          },
        ),
        { numRuns: 8 },
      );
    }, 120_000);
  }
  test('every assembled request here reads, so the checks see what the app shows', () => {
    const a = 'Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk';
    const u = 'Hq4Wm8Tz2Lp6Xc9Vb3Nr7Ks5';
    const whole = Object.entries(ASSEMBLED_REQUESTS).filter(([, request]) => {
      const read = parseRequestPaste(request(a, u));
      return !read.ok || !JSON.stringify(read.value.candidates).includes(a);
    });
    expect(whole.map(([where]) => where)).toEqual([]);
  });
  for (const [where, request] of Object.entries(ASSEMBLED_REQUESTS)) {
    test(`a key assembled from pieces in ${where}: nothing shown, reported, linked or copied holds a piece`, async () => {
      await fc.assert(
        fc.asyncProperty(keyShaped, keyShaped, async (a, u) => {
          await checkSinks(request(a, u), RESPONSES['nginx 401']!(a, u), [a, u]);
        }),
        { numRuns: 8 },
      );
    }, 120_000);
  }
  for (const [where, answer] of Object.entries(UNNAMED_RESPONSES)) {
    test(`keys in the answer as ${where}: nothing shown, reported or linked holds a piece`, async () => {
      await fc.assert(
        fc.asyncProperty(
          keyShaped,
          keyShaped,
          fc.constantFrom(...Object.keys(REQUESTS)),
          async (a, u, asked) => {
            await checkSinks(REQUESTS[asked]!(a, u), answer(a, u), [a, u]);
          },
        ),
        { numRuns: 8 },
      );
    }, 120_000);
  }
});

async function inspectedFragment(inspected: Awaited<ReturnType<typeof inspectPaste>>) {
  return inspected.shareFragment(new Date('2025-01-17T09:40:00Z'));
}

describe('a request sent from Keycheck', () => {
  test('keys in the path, the query, another header or the body: the safe exchange, the checklist, the inside view and the history entry hold none', async () => {
    const sandbox = createSandbox();
    const page = { origin: 'https://keycheck.example', protocol: 'https:' };
    await fc.assert(
      fc.asyncProperty(key, key, async (a, u) => {
        const inspected = await inspectSent(
          {
            baseUrl: SANDBOX_BASE_URL,
            method: 'POST',
            path: `/v1/subscriptions/${u}?apiKey=${a}`,
            headers: [
              { name: 'x-api-key', value: a },
              { name: 'x-api-secret-key', value: u },
              { name: 'x-custom', value: `copy of ${u}` },
            ],
            body: JSON.stringify({ name: 'db', secretKey: u, note: a }),
          },
          { sandbox, page },
        );
        const { exchange, checklist, insideView, history, learned, taskId } = inspected;
        const shown = { exchange, checklist, insideView, history, learned, taskId };
        assertClean('what inspectSent returns', withoutDocs(shown), [a, u]);
        assertClean('the history entry', JSON.stringify(inspected.history), [a, u]);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
