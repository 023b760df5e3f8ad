// A whole ticket in the Request box: the attempts are listed (latest first, each with its own
// verdict and one click away), the lines not read are named, and a tool's word that no API
// answer came is shown as such, never as "None pasted".
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, expect, test, vi } from 'vitest';
import DiagnoseView from '../../src/components/diagnose/DiagnoseView.svelte';
import { Diagnose } from '../../src/state/diagnose/diagnose.svelte';
import { inlineParser } from '../../src/lib/inspect/parse-paste';
import { loadEngine } from '../../src/lib/inspect/load-engine';
import { SharedDiagnosis } from '../../src/state/diagnose/share.svelte';

beforeAll(() => loadEngine().then(() => undefined), 30_000);
vi.setConfig({ testTimeout: 20_000 });

const ACCOUNT = 'Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk';
const USER = 'S1w5Ey8Ru2Io4Pa7Sd9Fg3Hj6Kl0Zx';
const CURL = `curl -s https://api.redislabs.com/v1/ -H "x-api-key: ${ACCOUNT}" -H "x-api-secret-key: ${USER}"`;
const TICKET = `Hello,

This worked on Monday:

$ ${CURL}
HTTP/2 200
content-type: application/json

{"account":{"id":1001,"name":"Redis","key":{"name":"deploy-key","accountId":1001,"allowedSourceIps":["0.0.0.0/0"],"httpSourceIp":"79.0.0.173"}}}

Since today it prints:

curl: (22) The requested URL returned error: 401

Regards,
Sam`;

async function run(request: string, response = '') {
  const user = userEvent.setup();
  const diagnose = new Diagnose({ parse: inlineParser });
  render(DiagnoseView, { diagnose, shared: new SharedDiagnosis(), query: () => '' });
  await user.click(screen.getByLabelText('Request'));
  await user.paste(request);
  if (response) {
    await user.click(screen.getByLabelText('Response'));
    await user.paste(response);
  }
  await user.click(screen.getByRole('button', { name: 'Diagnose' }));
  await screen.findByRole('list', { name: 'Authentication checklist' }, { timeout: 5000 });
  return user;
}

const verdict = () => document.querySelector('[data-verdict]')?.getAttribute('data-verdict');

test('two attempts: the latest judged first, the other one click away, both verdicts listed', async () => {
  const user = await run(TICKET);
  expect(verdict()).toBe('auth-failed');
  const attempts = screen.getByRole('region', { name: 'Attempts in the paste' });
  const items = within(attempts).getAllByRole('listitem');
  expect(items.map((i) => i.getAttribute('data-attempt-verdict'))).toEqual(['auth-failed', 'ok']);
  await user.click(within(attempts).getAllByRole('button')[1] as HTMLElement);
  await vi.waitFor(() => expect(verdict()).toBe('ok'));
  const unread = screen.getByRole('region', { name: 'Lines not read' });
  expect(unread).toHaveTextContent('Line 1: prose');
  expect(unread).toHaveTextContent(/Lines 15–16: a signature/);
  expect(document.body.textContent).not.toContain(ACCOUNT.slice(0, 8));
});

test('a provider crash in the Response box: no API answer, and not "None pasted"', async () => {
  await run(
    CURL,
    'panic: runtime error: invalid memory address or nil pointer dereference\n\nError: The plugin encountered an error, and failed to respond to the plugin.(*GRPCProvider).ReadDataSource call.',
  );
  const exchange = screen.getByRole('region', { name: 'Redacted exchange' });
  expect(exchange).toHaveTextContent(/No answer from the API: The provider crashed/);
  expect(exchange).not.toHaveTextContent('None pasted');
});

test('a PowerShell error in the Response box: its status, never "Status unknown"', async () => {
  await run(
    CURL,
    'Invoke-RestMethod : The remote server returned an error: (401) Unauthorized.\nAt line:1 char:1',
  );
  expect(verdict()).toBe('auth-failed');
  const exchange = screen.getByRole('region', { name: 'Redacted exchange' });
  expect(exchange).toHaveTextContent('401 Unauthorized');
  expect(exchange).not.toHaveTextContent('Status unknown');
});
