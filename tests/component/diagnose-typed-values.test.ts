import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, expect, test, vi } from 'vitest';
import DiagnoseView from '../../src/components/diagnose/DiagnoseView.svelte';
import { decodeShareFragment } from '../../src/lib/report/share';
import { Diagnose, type DiagnoseOptions } from '../../src/state/diagnose/diagnose.svelte';
import { inlineParser } from '../../src/lib/inspect/parse-paste';
import { SharedDiagnosis } from '../../src/state/diagnose/share.svelte';
import { loadEngine } from '../../src/lib/inspect/load-engine';

// The request engine loads once, on first use; a cold load must not eat one test's time.
beforeAll(() => loadEngine().then(() => undefined), 30_000);
vi.setConfig({ testTimeout: 20_000 });

const SUBSCRIPTION = 'Sub9837Hq2Lm4Xw';
const DB_NAME = 'cust-db-Zr8Kp3Nv';
const ACCOUNT_KEY = 'Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk';
const WITH_VARIABLES = `curl -X POST "https://api.redislabs.com/v1/subscriptions/$SEG/databases" -H "x-api-key: $ACCOUNT_KEY" -H 'x-api-secret-key: S1w5Ey8Ru2Io4Pa7Sd9Fg3Hj6Kl0Zx' -d "{\\"name\\": \\"$DBNAME\\"}"`;

function runsOf(secret: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) runs.push(secret.slice(i, i + 8));
  return runs;
}
function holdsNone(text: string, secrets: readonly string[]) {
  for (const secret of secrets) for (const run of runsOf(secret)) expect(text).not.toContain(run);
}

function fakeClipboard() {
  const written: string[] = [];
  const source = () => ({
    writeText: (text: string) => {
      written.push(text);
      return Promise.resolve();
    },
  });
  return { written, source };
}

function setup(options: DiagnoseOptions = {}) {
  const diagnose = new Diagnose({
    parse: inlineParser,
    pageUrl: () => 'https://k.example/',
    ...options,
  });
  render(DiagnoseView, { diagnose, shared: new SharedDiagnosis(), query: () => '' });
  return diagnose;
}

test('values typed for URL, body and header variables are in no shown exchange, report or link', async () => {
  const clipboard = fakeClipboard();
  const diagnose = setup({ clipboard: clipboard.source });
  diagnose.request = WITH_VARIABLES;
  await diagnose.run();
  expect(diagnose.variables.map((v) => v.name).sort()).toEqual(['ACCOUNT_KEY', 'DBNAME', 'SEG']);
  diagnose.setValue('SEG', SUBSCRIPTION);
  diagnose.setValue('DBNAME', DB_NAME);
  diagnose.setValue('ACCOUNT_KEY', ACCOUNT_KEY);
  await diagnose.useValues();
  const typed = [SUBSCRIPTION, DB_NAME, ACCOUNT_KEY];
  const result = diagnose.result;
  if (!result) throw new Error('no result');
  // The values were used: the account key's fingerprint is known.
  expect(result.fingerprints.account).toMatchObject({ length: ACCOUNT_KEY.length });
  await screen.findAllByText(/\/databases/);
  holdsNone(document.body.innerHTML, typed);
  holdsNone(JSON.stringify(result), typed);
  holdsNone(result.report, typed);
  await diagnose.copyLink();
  const link = clipboard.written[0] ?? '';
  expect(link).toContain('#/diagnose?share=');
  holdsNone(link, typed);
  const decoded = await decodeShareFragment(link);
  if (!decoded.ok) throw new Error(decoded.error.message);
  holdsNone(JSON.stringify(decoded.value), typed);
});

test('typed values are cleared when a different request is diagnosed, kept for the same one', async () => {
  const diagnose = setup();
  diagnose.request = WITH_VARIABLES;
  await diagnose.run();
  diagnose.setValue('ACCOUNT_KEY', ACCOUNT_KEY);
  await diagnose.useValues();
  expect(diagnose.result?.fingerprints.account).toMatchObject({ length: ACCOUNT_KEY.length });
  // The same paste diagnosed again (a response added, say) keeps what was typed.
  diagnose.response = '401';
  await diagnose.run();
  expect(diagnose.value('ACCOUNT_KEY')).toBe(ACCOUNT_KEY);
  // The next customer's paste uses the same variable name: it must not get the old key.
  diagnose.request = WITH_VARIABLES.replace('-X POST', '-X GET');
  await diagnose.run();
  expect(diagnose.value('ACCOUNT_KEY')).toBe('');
  expect(diagnose.result?.fingerprints.account).toEqual({ variable: '$ACCOUNT_KEY' });
});

test('an engine that fails to load gives a message, not an unhandled rejection', async () => {
  const user = userEvent.setup();
  const diagnose = setup({ engine: () => Promise.reject(new Error('chunk load failed')) });
  diagnose.request = WITH_VARIABLES;
  await expect(diagnose.run()).resolves.toBeUndefined();
  expect(diagnose.result).toBeNull();
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The diagnosis engine could not be loaded',
  );
  expect(screen.getByRole('button', { name: 'Diagnose' })).toBeEnabled();
  void user;
});
