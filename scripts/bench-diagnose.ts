/**
 * How many exchanges per second diagnose() handles on one core, over the status table the unit
 * tests use. A benchmark, not a test: it prints a figure and never fails.
 *
 * Node 20 cannot run TypeScript itself; run it through Vite's module runner:
 *   node -e "import('vite').then((v) => v.runnerImport('./scripts/bench-diagnose.ts'))"
 */
import type { Exchange, Header } from '../src/lib/core/exchange';
import { diagnose } from '../src/lib/auth/diagnose';
import type { DiagnoseContext } from '../src/lib/core/checklist';

const headers: Header[] = [
  { name: 'x-api-key', value: 'A1b2C3d4E5f6G7h8I9j0acct' },
  { name: 'x-api-secret-key', value: 'U9t8S7r6Q5p4O3n2M1l0user' },
  { name: 'accept', value: 'application/json' },
];
const ACCOUNT_BODY = JSON.stringify({
  account: {
    id: 1001,
    name: 'Redis',
    key: {
      name: 'capi-api-key-name',
      accountId: 1001,
      accountName: 'Redis',
      allowedSourceIps: ['10.0.0.0/24'],
      httpSourceIp: '10.0.0.7',
    },
  },
});
const NGINX_401 =
  '<html><head><title>401 Authorization Required</title></head><body><center>nginx</center></body></html>';
const SPRING_404 =
  '{"timestamp":"2025-01-17T09:34:25.803+00:00","status":404,"error":"Not Found","path":"/v1/subscriptions/114019/private-link"}';

function exchange(status: number, body = '', extra: Header[] = [], path = '/v1/'): Exchange {
  return {
    source: 'network',
    request: { method: 'GET', url: `https://api.redislabs.com${path}`, headers },
    response: { status, statusText: '', headers: extra, body, size: body.length },
  };
}

const table: Exchange[] = [
  exchange(200, ACCOUNT_BODY),
  exchange(201, '{"taskId":"t-1"}'),
  exchange(400),
  exchange(401, '{"error":"unauthorized"}'),
  exchange(401, NGINX_401),
  exchange(401),
  exchange(403),
  exchange(404, SPRING_404, [], '/v1/subscriptions/114019/private-link'),
  exchange(404, '', [], '/v1/nothing-here'),
  exchange(409),
  exchange(412),
  exchange(422),
  exchange(429, '', [{ name: 'x-rate-limit-retry-after-seconds', value: '17' }]),
  exchange(429),
  exchange(500),
  exchange(503),
];

const known = /^\/v1\/(subscriptions(\/\d+(\/private-link)?)?)?$/;
const context: DiagnoseContext = {
  learned: { accountId: 1001, allowedSourceIps: ['10.0.0.0/24'], httpSourceIp: '203.0.113.7' },
  isKnownOperation: (method, path) => method === 'GET' && known.test(path),
};

function run(rounds: number): number {
  let checks = 0;
  for (let r = 0; r < rounds; r += 1) {
    for (const e of table) checks += diagnose(e, context).items.length;
  }
  return checks;
}

run(2_000); // warm-up: let the JIT settle before measuring
const rounds = 10_000;
const start = performance.now();
const checks = run(rounds);
const seconds = (performance.now() - start) / 1000;
const exchanges = rounds * table.length;
console.log(
  `diagnose(): ${exchanges} exchanges (${table.length} statuses x ${rounds}) in ${seconds.toFixed(2)} s = ${Math.round(exchanges / seconds).toLocaleString('en-US')} exchanges/s on one core (${checks} items built)`,
);

// Hostile pastes: the time per MB from reading both boxes to the report (everything Diagnose
// runs), for shapes that once froze the page (a long run, many backslashes, deep brackets, a
// large HAR). Linear reading keeps these figures flat as the size grows.
const { parseRequestPaste, parseResponsePaste } = await import('../src/lib/paste/paste');
const { inspectPaste } = await import('../src/lib/inspect/paste');
const { findSecrets } = await import('../src/lib/secrets');

const MB = 1024 * 1024;
const API = 'https://api.redislabs.com/v1/';
const KEYS = `-H "x-api-key: A1b2C3d4E5f6G7h8I9j0acct" -H "x-api-secret-key: U9t8S7r6Q5p4O3n2M1l0user"`;

function harOf(bytes: number): string {
  const entry = (i: number) => ({
    startedDateTime: '2025-01-17T09:34:25.602Z',
    time: 120,
    request: {
      method: 'GET',
      url: `${API}subscriptions/${i}`,
      headers: [
        { name: 'x-api-key', value: 'A1b2C3d4E5f6G7h8I9j0acct' },
        { name: 'x-api-secret-key', value: 'U9t8S7r6Q5p4O3n2M1l0user' },
      ],
    },
    response: {
      status: 200,
      statusText: 'OK',
      headers: [{ name: 'content-type', value: 'application/json' }],
      content: { size: 2000, mimeType: 'application/json', text: ACCOUNT_BODY.repeat(6) },
    },
  });
  const one = JSON.stringify(entry(0)).length;
  const entries = Array.from({ length: Math.ceil(bytes / one) }, (_, i) => entry(i));
  return JSON.stringify({ log: { version: '1.2', entries } });
}

const SHAPES: Record<string, (bytes: number) => [request: string, response: string]> = {
  'a long run of letters in a body': (n) => [`curl ${KEYS} -d 'x=${'a'.repeat(n)}' ${API}`, ''],
  'a long run of letters in the answer': (n) => [
    `curl ${KEYS} ${API}`,
    `HTTP/1.1 401 Unauthorized\n\n${'a'.repeat(n)}`,
  ],
  'a key-shaped run of letters and digits': (n) => [
    `curl ${KEYS} ${API}`,
    `HTTP/1.1 401 Unauthorized\n\n${'a1B2'.repeat(n / 4)}`,
  ],
  'many backslashes before a quote': (n) => [
    `curl ${KEYS} -d "${'\\'.repeat(n)}\\"" ${API}`,
    `HTTP/1.1 400 Bad Request\n\n{"a":"${'\\'.repeat(n)}"}`,
  ],
  'deep brackets': (n) => [
    `curl ${KEYS} -d '${'['.repeat(n / 2)}${']'.repeat(n / 2)}' ${API}`,
    `HTTP/1.1 400 Bad Request\ncontent-type: application/json\n\n${'{"a":'.repeat(n / 5)}`,
  ],
  'name = name = ... assignments': (n) => [
    `curl ${KEYS} ${API}`,
    `HTTP/1.1 401 Unauthorized\n\n${'apiKey='.repeat(n / 7)}`,
  ],
  'a 5 MB HAR': () => [harOf(5 * MB), ''],
};

async function timed(request: string, response: string): Promise<number> {
  const start = performance.now();
  const read = parseRequestPaste(request);
  const answer = parseResponsePaste(response);
  if (read.ok && answer.ok) {
    const candidate = read.value.candidates[0]!;
    await inspectPaste({
      candidate,
      response: answer.value,
      pasted: [request, response],
      at: new Date(),
    });
  } else {
    findSecrets({ paste: [request, response] });
  }
  return performance.now() - start;
}

console.log('\nHostile pastes, reading to report (time per MB; flat means linear):');
for (const [name, make] of Object.entries(SHAPES)) {
  const sizes = name.includes('5 MB') ? [5 * MB] : [MB / 4, MB / 2, MB];
  const figures: string[] = [];
  for (const size of sizes) {
    const [request, response] = make(size);
    const mb = (request.length + response.length) / MB;
    const ms = await timed(request, response);
    figures.push(`${mb.toFixed(2)} MB: ${Math.round(ms)} ms (${Math.round(ms / mb)} ms/MB)`);
  }
  console.log(`  ${name}: ${figures.join(', ')}`);
}
