import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, expect, test, vi } from 'vitest';
import DiagnoseView from '../../src/components/diagnose/DiagnoseView.svelte';
import { Diagnose } from '../../src/state/diagnose/diagnose.svelte';
import { inlineParser } from '../../src/lib/inspect/parse-paste';
import { SharedDiagnosis } from '../../src/state/diagnose/share.svelte';
import { loadEngine } from '../../src/lib/inspect/load-engine';
import HAR from '../fixtures/paste/chromium.har?raw';
import PYTHON from '../fixtures/paste/python-requests.py?raw';
import TERRAFORM from '../fixtures/paste/terraform-error.txt?raw';

beforeAll(() => loadEngine().then(() => undefined), 30_000);
vi.setConfig({ testTimeout: 20_000 });

async function diagnoseWith(request: string) {
  const user = userEvent.setup();
  render(DiagnoseView, {
    diagnose: new Diagnose({ parse: inlineParser }),
    shared: new SharedDiagnosis(),
    query: () => '',
  });
  await user.click(screen.getByLabelText('Request'));
  await user.paste(request);
  await user.click(screen.getByRole('button', { name: 'Diagnose' }));
  await screen.findByRole('list', { name: 'Authentication checklist' }, { timeout: 5000 });
  return user;
}

const read = () => screen.getByRole('region', { name: 'How the paste was read' });
const item = (id: string) =>
  screen
    .getByRole('list', { name: 'Authentication checklist' })
    .querySelector(`[data-condition="${id}"]`);

test('Python code: Diagnose says it read Python and asks for the value from the environment', async () => {
  await diagnoseWith(PYTHON);
  expect(within(read()).getByText('Read as Python code (requests / httpx).')).toBeInTheDocument();
  expect(item('key-values')?.getAttribute('data-status')).toBe('unknown');
  // The account key assigned in the script is nowhere on the page outside a masked field.
  expect(document.body.textContent).not.toContain('A1b2C3d4E5f6G7h8');
});

test("a Terraform error: read as the Go client's, the key items unknown, not failed", async () => {
  await diagnoseWith(TERRAFORM);
  expect(within(read()).getByText(/Read as an error from the Go client/)).toBeInTheDocument();
  expect(item('account-key-header')?.getAttribute('data-status')).toBe('unknown');
  expect(item('secret-key-header')?.getAttribute('data-status')).toBe('unknown');
  expect(document.querySelector('[data-verdict]')?.getAttribute('data-primary-cause')).toBe(
    'keys-valid',
  );
});

test('a HAR offers a sanitized download, and says common sanitizers keep the key headers', async () => {
  await diagnoseWith(HAR);
  expect(
    within(read()).getByRole('button', { name: 'Download sanitized HAR' }),
  ).toBeInTheDocument();
  expect(within(read()).getByText(/Common HAR sanitizers do not redact/)).toBeInTheDocument();
});

test('a value the paste assigned and the reader marked sensitive is nowhere on the page or in the report', async () => {
  await diagnoseWith(
    [
      'import requests',
      'WEBHOOK_SECRET = "whsec_9f8e7d6c5b4a"',
      'requests.post(',
      '    "https://api.redislabs.com/v1/subscriptions",',
      '    headers={"x-api-key": "k1", "x-api-secret-key": "k2"},',
      '    json={"name": "db", "hook": WEBHOOK_SECRET},',
      ')',
    ].join('\n'),
  );
  expect(within(read()).getByText('Read as Python code (requests / httpx).')).toBeInTheDocument();
  const report = screen.getByRole('textbox', { name: 'Report' }) as HTMLTextAreaElement;
  expect(report.value).not.toContain('whsec_9f8e');
  for (const box of document.querySelectorAll('textarea')) box.value = '';
  expect(document.body.textContent).not.toContain('whsec_9f8e');
});
