import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, expect, test, vi } from 'vitest';
import DiagnoseView from '../../src/components/diagnose/DiagnoseView.svelte';
import { fingerprint, formatFingerprint } from '../../src/lib/secrets/fingerprint';
import { Diagnose, type DiagnoseOptions } from '../../src/state/diagnose/diagnose.svelte';
import { inlineParser } from '../../src/lib/inspect/parse-paste';
import { loadEngine } from '../../src/lib/inspect/load-engine';
import { SharedDiagnosis } from '../../src/state/diagnose/share.svelte';

// The request engine loads once, on first use; a cold load must not eat one test's time.
beforeAll(() => loadEngine().then(() => undefined), 30_000);
// Each test types, parses and hashes in jsdom: seconds on a busy machine, not a hang.
vi.setConfig({ testTimeout: 20_000 });

const DOCS_EXAMPLE =
  'curl -s -X GET "https://$HOST/logs" -H "accept: application/json" -H "x-api-key: $ACCOUNT_KEY" -H "x-api-secret-key: $SECRET_KEY"';
const ACCOUNT_KEY = 'Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk';
const USER_KEY = 'S1w5Ey8Ru2Io4Pa7Sd9Fg3Hj6Kl0Zx';
const REAL_KEYS = `curl -i https://api.redislabs.com/v1/subscriptions \\
  -H 'accept: application/json' \\
  -H 'x-api-key: ${ACCOUNT_KEY}' \\
  -H 'x-api-secret-key: ${USER_KEY}'`;
const NGINX_401 = `HTTP/1.1 401 Unauthorized
Server: nginx
Content-Type: text/html
Content-Length: 172

<html>
<head><title>401 Authorization Required</title></head>
<body>
<center><h1>401 Authorization Required</h1></center>
<hr><center>nginx</center>
</body>
</html>`;

function setup(options: DiagnoseOptions = {}) {
  const user = userEvent.setup();
  const diagnose = new Diagnose({ parse: inlineParser, ...options });
  const shared = new SharedDiagnosis();
  render(DiagnoseView, { diagnose, shared, query: () => '' });
  return { user, diagnose };
}

/** Fills a box without typing each character (userEvent treats `{` and `[` as keys). */
async function paste(user: ReturnType<typeof userEvent.setup>, label: string, text: string) {
  const box = screen.getByLabelText(label);
  await user.clear(box);
  if (text !== '') {
    await user.click(box);
    await user.paste(text);
  }
}

async function diagnoseWith(request: string, response = '', options: DiagnoseOptions = {}) {
  const env = setup(options);
  await paste(env.user, 'Request', request);
  await paste(env.user, 'Response', response);
  await env.user.click(screen.getByRole('button', { name: 'Diagnose' }));
  await screen.findByRole('list', { name: 'Authentication checklist' }, { timeout: 5000 });
  return env;
}

const item = (id: string) =>
  within(screen.getByRole('list', { name: 'Authentication checklist' }))
    .getAllByRole('listitem')
    .find((li) => li.dataset.condition === id);
const verdict = () => document.querySelector('[data-verdict]');
const report = () => (screen.getByLabelText('Report') as HTMLTextAreaElement).value;

function runsOf(secret: string): string[] {
  const runs: string[] = [];
  for (let i = 0; i + 8 <= secret.length; i++) runs.push(secret.slice(i, i + 8));
  return runs;
}

test("the docs' example: the view says the shell filled in the keys, not that a placeholder was sent", async () => {
  await diagnoseWith(DOCS_EXAMPLE);
  const values = item('key-values');
  expect(values?.dataset.status).toBe('unknown');
  expect(values).toHaveTextContent(
    "x-api-key came from the shell variable $ACCOUNT_KEY, which the customer's shell filled in",
  );
  expect(values).not.toHaveTextContent(/not a key|unexpanded|never replaced/i);
  const shellSection = screen.getByRole('region', {
    name: "Values the customer's shell filled in",
  });
  expect(within(shellSection).getByLabelText('Value of $ACCOUNT_KEY')).toHaveAttribute(
    'type',
    'password',
  );
  expect(within(shellSection).getByLabelText('Value of $SECRET_KEY')).toBeInTheDocument();
  expect(screen.getByRole('region', { name: 'Keys by fingerprint' })).toHaveTextContent(
    'not in the paste (filled in from $ACCOUNT_KEY)',
  );
  expect(report()).toContain(
    "not in the paste (the customer's shell filled it in from `$ACCOUNT_KEY`)",
  );
});

test("a single-quoted '$SECRET_KEY' is flagged as a placeholder sent literally", async () => {
  await diagnoseWith(
    `curl https://api.redislabs.com/v1/ -H "x-api-key: $ACCOUNT_KEY" -H 'x-api-secret-key: $SECRET_KEY'`,
  );
  const values = item('key-values');
  expect(values?.dataset.status).toBe('fail');
  expect(values).toHaveTextContent('The value is the shell variable $SECRET_KEY, not a key');
  expect(verdict()).toHaveAttribute('data-primary-cause', 'key-values');
  // Only the double-quoted one is asked for.
  expect(screen.getByLabelText('Value of $ACCOUNT_KEY')).toBeInTheDocument();
  expect(screen.queryByLabelText('Value of $SECRET_KEY')).toBeNull();
});

test('real-looking keys and a 401 from curl -i: auth-failed, and a report without the keys', async () => {
  await diagnoseWith(REAL_KEYS, NGINX_401);
  expect(verdict()).toHaveAttribute('data-verdict', 'auth-failed');
  expect(item('keys-valid')?.dataset.status).toBe('suspect');
  const text = report();
  expect(text).toContain('**Authentication failed.**');
  expect(text).not.toContain('auth-failed');
  expect(text).toContain((await fingerprint(ACCOUNT_KEY)).hash);
  for (const run of [...runsOf(ACCOUNT_KEY), ...runsOf(USER_KEY)]) {
    expect(text).not.toContain(run);
  }
  // The exchange shows the keys as fingerprints and the HTML body as text.
  const exchange = screen.getByRole('region', { name: 'Redacted exchange' });
  expect(exchange).not.toHaveTextContent(ACCOUNT_KEY);
  expect(exchange).toHaveTextContent(formatFingerprint(await fingerprint(USER_KEY)));
  expect(exchange).toHaveTextContent('<title>401 Authorization Required</title>');
  expect(exchange.querySelector('title, center')).toBeNull();
});

test('a parse error shows beside the box with its line and column', async () => {
  const { user } = setup();
  await paste(user, 'Request', '{\n  "log": {\n    "entries": [,]\n  }\n}');
  await user.click(screen.getByRole('button', { name: 'Diagnose' }));
  const error = await screen.findByRole('alert');
  expect(error).toHaveTextContent(/^Line 3, column \d+:/);
  expect(screen.getByLabelText('Request')).toHaveAttribute('aria-invalid', 'true');
  expect(screen.getByLabelText('Request')).toHaveAccessibleDescription(/Line 3, column/);
  expect(screen.queryByRole('list', { name: 'Authentication checklist' })).toBeNull();
});

test('a Response box it cannot read shows its own error, and nothing is diagnosed', async () => {
  const { user } = setup();
  await paste(user, 'Request', REAL_KEYS);
  await paste(user, 'Response', 'HTTP/1.1 401 Unauthorized\nServer nginx\n\nbody');
  await user.click(screen.getByRole('button', { name: 'Diagnose' }));
  const error = await screen.findByRole('alert');
  expect(error.id).toBe('paste-response-error');
  expect(error).toHaveTextContent(/^Line 2, column \d+:/);
});

test('the fingerprint box says which key of the report a typed key is', async () => {
  const { user } = await diagnoseWith(REAL_KEYS, NGINX_401);
  const box = screen.getByRole('region', { name: 'Compare a key by fingerprint' });
  const input = within(box).getByLabelText('Key to fingerprint');
  expect(input).toHaveAttribute('type', 'password');
  await user.click(input);
  await user.paste(USER_KEY);
  const expected = formatFingerprint(await fingerprint(USER_KEY));
  expect(await within(box).findByText(expected)).toBeInTheDocument();
  expect(within(box).getByRole('status')).toHaveTextContent('Matches the user key');
  await user.type(input, 'x');
  expect(await within(box).findByText(/Matches neither key/)).toBeInTheDocument();
  await user.click(within(box).getByRole('button', { name: 'Show' }));
  expect(input).toHaveAttribute('type', 'text');
});

test('typed values fill the shell variables: fingerprints appear and the values are checked', async () => {
  const { user } = await diagnoseWith(DOCS_EXAMPLE.replace('$HOST', 'api.redislabs.com/v1'));
  await user.click(screen.getByLabelText('Value of $ACCOUNT_KEY'));
  await user.paste(ACCOUNT_KEY);
  await user.click(screen.getByLabelText('Value of $SECRET_KEY'));
  await user.paste(`${USER_KEY}\u200b`);
  await user.click(screen.getByRole('button', { name: 'Use these values' }));
  const prints = screen.getByRole('region', { name: 'Keys by fingerprint' });
  const expected = formatFingerprint(await fingerprint(ACCOUNT_KEY));
  await within(prints).findByText(expected);
  // Now the value is known, a zero-width space in it is a failure like any other.
  expect(item('key-values')?.dataset.status).toBe('fail');
  expect(item('key-values')).toHaveTextContent(/zero width space/i);
  for (const run of runsOf(USER_KEY)) expect(report()).not.toContain(run);
});

test('unknown curl options are listed, not fatal', async () => {
  await diagnoseWith(`curl --frobnicate ${REAL_KEYS.slice(5)}`);
  expect(screen.getByRole('region', { name: 'How the paste was read' })).toHaveTextContent(
    'Skipped curl options (not needed to diagnose): --frobnicate',
  );
});
