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
