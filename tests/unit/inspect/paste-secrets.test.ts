/**
 * The paste's secrets in Diagnose: found once for the whole paste (a ticket of thousands of
 * attempts once searched the whole paste again for every attempt judged), from the boxes and from
 * the requests as read (a key glued from pieces is whole only there), and never handed to the
 * Playground in the method, the URL or the body.
 */
import { describe, expect, test } from 'vitest';
import { diagnosePaste } from '../../../src/lib/inspect/diagnose-paste';
import { inspectPaste, type InspectPasteInput } from '../../../src/lib/inspect/paste';
import { parseRequestPaste } from '../../../src/lib/paste/paste';

const HOST = 'https://api.redislabs.com';
const A = 'Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk';
const U = 'Hq4Wm8Tz2Lp6Xc9Vb3Nr7Ks5';
const at = '2025-01-17T09:40:00Z';

describe('the paste is searched once', () => {
  test('every judged attempt of a ticket gets the secrets diagnosePaste found, and reports as alone', async () => {
    const request = Array.from(
      { length: 60 },
      (_, i) =>
        `curl -H "x-api-key: ${A}" -H "x-api-secret-key: ${U}" ${HOST}/v1/subscriptions/${i}`,
    ).join('\n');
    const inputs: InspectPasteInput[] = [];
    const out = await diagnosePaste(
      { request, response: '', at },
      {
        inspect: (input) => {
          inputs.push(input);
          return inspectPaste(input);
        },
      },
    );
    expect(inputs).toHaveLength(20);
    for (const input of inputs) expect(input.pasteSecrets).toEqual(out.pasteSecrets);
    expect(out.pasteSecrets).toEqual(expect.arrayContaining([A, U]));
    // Called alone, inspectPaste finds the same secrets itself: the same report.
    const last = inputs[inputs.length - 1]!;
    const alone = { ...last };
    delete alone.pasteSecrets;
    expect((await inspectPaste(alone)).report).toBe(out.inspection?.report);
  });
});

describe('a key the reader assembles from pieces', () => {
  test.each([
    [
      'shell quotes',
      `curl -H "x-api-secret-key: ${U}" "${HOST}/v1/subscriptions/"'${A.slice(0, 12)}'"${A.slice(12)}"`,
    ],
    [
      'Python +',
      `import requests\nP1 = "${A.slice(0, 12)}"\nP2 = "${A.slice(12)}"\nrequests.get("${HOST}/v1/subscriptions/" + P1 + P2, headers={"x-api-secret-key": "${U}"})`,
    ],
  ])('(%s) is among the paste secrets, so the entry label is scrubbed', async (_, request) => {
    const out = await diagnosePaste({ request, response: '', at });
    expect(out.pasteSecrets.join(' ')).toContain(A);
  });
});

describe('open in Playground', () => {
  const open = async (request: string) => {
    const read = parseRequestPaste(request);
    if (!read.ok) throw new Error(read.error.message);
    const inspected = await inspectPaste({
      candidate: read.value.candidates[0]!,
      response: null,
      pasted: [request, ''],
      at: new Date(at),
    });
    return inspected.open(false);
  };

  test.each([
    ['curl -X <key>', `curl -X ${A} -H "x-api-key: ${A}" -H "x-api-secret-key: ${U}" ${HOST}/v1/`],
    [
      'requests.request("<key>", ...)',
      `import requests\nrequests.request("${U}", "${HOST}/v1/", headers={"x-api-key": "${A}", "x-api-secret-key": "${U}"})`,
    ],
    ['a method that is not a word', `curl -X "GET /x" -H "x-api-key: ${A}" ${HOST}/v1/`],
  ])('%s: the method is not handed over', async (_, request) => {
    const opened = await open(request);
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.error).toMatch(/method/);
  });

  test('a key of letters only used as the method is refused too', async () => {
    const key = 'QwErTyUiOpAsDfGhJkLzXcVb';
    const opened = await open(
      `curl -X ${key} -H "x-api-key: ${key}" -H "x-api-secret-key: ${U}" ${HOST}/v1/`,
    );
    expect(opened.ok).toBe(false);
  });

  test('a plain request opens with its method', async () => {
    const opened = await open(
      `curl -X delete -H "x-api-key: ${A}" -H "x-api-secret-key: ${U}" ${HOST}/v1/subscriptions/1`,
    );
    expect(opened.ok && opened.method).toBe('DELETE');
  });
});

describe("redaction never cuts the app's own words", () => {
  const challenge =
    'HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="Redis Enterprise Software"\n\n';
  test.each([
    [
      'a key before a quoted URL',
      `curl -H "x-api-key: ${A}" -H "x-api-secret-key: ${U}" "${HOST}/v1/subscriptions"`,
    ],
    [
      'a key before a bare URL',
      `curl -H "x-api-key: ${A}" -H "x-api-secret-key: ${U}" ${HOST}/v1/subscriptions`,
    ],
    [
      'Terraform variables',
      `provider "rediscloud" {\n  api_key    = var.rediscloud_api_key\n  secret_key = var.rediscloud_secret_key\n}\n\nError: 401 Unauthorized`,
    ],
    [
      'Python constants',
      `import httpx\nclient = httpx.Client(base_url="${HOST}/v1", headers={"x-api-key": API_KEY, "x-api-secret-key": SECRET_KEY})\nresp = client.get("/subscriptions")`,
    ],
  ])(
    '%s, with a WWW-Authenticate challenge: no piece of a word is redacted',
    async (_, request) => {
      const out = await diagnosePaste({ request, response: challenge, at });
      const inspection = out.inspection!;
      const words = [
        inspection.checklist.headline,
        inspection.report,
        JSON.stringify(inspection.shown),
      ];
      for (const text of words) expect(text).not.toContain('[redacted]');
      expect(inspection.report).toContain('x-api-secret-key');
      expect(JSON.stringify(inspection.shown)).toContain('Redis Enterprise Software');
    },
  );
});
