import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeAll, expect, test, vi } from 'vitest';
import DiagnoseView from '../../src/components/diagnose/DiagnoseView.svelte';
import { SANDBOX_BASE_URL } from '../../src/lib/core/checklist';
import { DEMO_PROFILES } from '../../src/lib/sandbox/demo-profiles';
import { Diagnose, type DiagnoseOptions } from '../../src/state/diagnose/diagnose.svelte';
import { PASTED_CHOICE_NAME } from '../../src/lib/inspect/open-paste';
import { inlineParser } from '../../src/lib/inspect/parse-paste';
import { loadEngine } from '../../src/lib/inspect/load-engine';
import { SharedDiagnosis } from '../../src/state/diagnose/share.svelte';
import { Playground } from '../../src/state/playground/playground.svelte';
import { Router } from '../../src/state/app/router.svelte';

// The request engine loads once, on first use; a cold load must not eat one test's time.
beforeAll(() => loadEngine().then(() => undefined), 30_000);
// Each test types, parses and hashes in jsdom: seconds on a busy machine, not a hang.
vi.setConfig({ testTimeout: 20_000 });

const ACCOUNT_KEY = 'Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk';
const USER_KEY = 'S1w5Ey8Ru2Io4Pa7Sd9Fg3Hj6Kl0Zx';
const REAL_KEYS = `curl https://api.redislabs.com/v1/subscriptions -H 'x-api-key: ${ACCOUNT_KEY}' -H 'x-api-secret-key: ${USER_KEY}'`;

function fakeClipboard() {
  const written: string[] = [];
  return {
    written,
    source: () => ({
      writeText: (text: string) => {
        written.push(text);
        return Promise.resolve();
      },
    }),
  };
}

async function diagnoseWith(request: string, response: string, options: DiagnoseOptions = {}) {
  const user = userEvent.setup();
  const diagnose = new Diagnose({ parse: inlineParser, ...options });
  const view = render(DiagnoseView, {
    diagnose,
    shared: new SharedDiagnosis(),
    query: () => '',
  });
  await user.click(screen.getByLabelText('Request'));
  await user.paste(request);
  if (response) {
    await user.click(screen.getByLabelText('Response'));
    await user.paste(response);
  }
  await user.click(screen.getByRole('button', { name: 'Diagnose' }));
  await screen.findByRole('list', { name: 'Authentication checklist' }, { timeout: 5000 });
  return { user, diagnose, view };
}

const verdict = () => document.querySelector('[data-verdict]');

test('Copy report puts the report on the clipboard and says so', async () => {
  const clipboard = fakeClipboard();
  const { user } = await diagnoseWith(REAL_KEYS, '401', { clipboard: clipboard.source });
  await user.click(screen.getByRole('button', { name: 'Copy report' }));
  expect(await screen.findByText('Copied the report.')).toBeInTheDocument();
  expect(clipboard.written).toEqual([
    (screen.getByLabelText('Report') as HTMLTextAreaElement).value,
  ]);
});

test('Copy link gives a link that opens the same checklist, read-only and labelled as shared', async () => {
  const clipboard = fakeClipboard();
  const { user, view } = await diagnoseWith(REAL_KEYS, '401', {
    clipboard: clipboard.source,
    pageUrl: () => 'https://keycheck.example/app/',
  });
  const items = [...document.querySelectorAll('[data-condition]')].map(
    (li) => `${(li as HTMLElement).dataset.condition}=${(li as HTMLElement).dataset.status}`,
  );
  await user.click(screen.getByRole('button', { name: 'Copy link' }));
  await screen.findByText('Copied the link.');
  const link = clipboard.written[0] ?? '';
  expect(link).toMatch(/^https:\/\/keycheck\.example\/app\/#\/diagnose\?share=1[zp]\./);
  expect(link).not.toContain(ACCOUNT_KEY.slice(0, 8));
  view.unmount();

  const router = new Router({
    location: { hash: link.slice(link.indexOf('#')) },
    addEventListener: () => {},
  } as unknown as Window);
  expect(router.route).toBe('diagnose');
  render(DiagnoseView, {
    diagnose: new Diagnose({ parse: inlineParser }),
    shared: new SharedDiagnosis(),
    query: () => router.query,
  });
  expect(
    await screen.findByRole('heading', { name: 'Shared report (read-only)' }, { timeout: 5000 }),
  ).toBeInTheDocument();
  await screen.findByRole('list', { name: 'Authentication checklist' });
  expect(verdict()).toHaveAttribute('data-verdict', 'auth-failed');
  const shown = [...document.querySelectorAll('[data-condition]')].map(
    (li) => `${(li as HTMLElement).dataset.condition}=${(li as HTMLElement).dataset.status}`,
  );
  expect(shown).toEqual(items);
  expect(screen.queryByLabelText('Request')).toBeNull();
  expect((screen.getByLabelText('Report') as HTMLTextAreaElement).value).toContain(
    '**Authentication failed.**',
  );
  // The shared fingerprints work with the fingerprint box.
  const box = screen.getByRole('region', { name: 'Compare a key by fingerprint' });
  await user.click(within(box).getByLabelText('Key to fingerprint'));
  await user.paste(ACCOUNT_KEY);
  expect(await within(box).findByText(/Matches the account key/)).toBeInTheDocument();
});

test('a damaged link shows a clear error', async () => {
  render(DiagnoseView, {
    diagnose: new Diagnose({ parse: inlineParser }),
    shared: new SharedDiagnosis(),
    query: () => 'share=1z.@@@',
  });
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'This is not a Keycheck report link, or it was cut short.',
  );
  expect(screen.queryByRole('list', { name: 'Authentication checklist' })).toBeNull();
});

test('the router keeps the route when the hash has a query, and hands the query over', () => {
  const router = new Router({
    location: { hash: '#/diagnose?share=1z.abc' },
    addEventListener: () => {},
  } as unknown as Window);
  expect(router.route).toBe('diagnose');
  expect(router.query).toBe('share=1z.abc');
  expect(router.rest).toEqual([]);
});

test('a HAR with several API entries lets the user choose the entry', async () => {
  const entry = (status: number, path: string, text = '') => ({
    startedDateTime: '2025-01-17T09:34:24.101Z',
    time: 120,
    request: {
      method: 'GET',
      url: `https://api.redislabs.com${path}`,
      httpVersion: 'HTTP/1.1',
      headers: [
        { name: 'x-api-key', value: ACCOUNT_KEY },
        { name: 'x-api-secret-key', value: USER_KEY },
      ],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [],
      cookies: [],
      content: { size: text.length, mimeType: 'application/json', text },
      redirectURL: '',
      headersSize: -1,
      bodySize: 0,
    },
    cache: {},
    timings: { send: 0, wait: 100, receive: 20 },
  });
  const har = JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      // A 200 counts only with the API's own body (an empty one does not show who sent it).
      entries: [entry(401, '/v1/'), entry(200, '/v1/subscriptions', '{"subscriptions":[]}')],
    },
  });
  const { user } = await diagnoseWith(har, '');
  expect(verdict()).toHaveAttribute('data-verdict', 'auth-failed');
  const select = screen.getByLabelText('Entry');
  expect(within(select).getAllByRole('option')).toHaveLength(2);
  await user.selectOptions(select, '1');
  await screen.findByText(/Authenticated/, { selector: '[data-verdict] strong' });
  expect(verdict()).toHaveAttribute('data-verdict', 'ok');
});

test('Open in Playground offers the request as a this-tab-only profile and goes there', async () => {
  const [demo] = DEMO_PROFILES;
  const playground = new Playground();
  const went: string[] = [];
  const { user } = await diagnoseWith(
    `curl -X POST ${SANDBOX_BASE_URL}/v1/subscriptions?x=1 -H "x-api-key: ${demo?.accountKey}" -H "x-api-secret-key: ${demo?.userKey}" -d '{"a":1}'`,
    '',
    { playground, navigate: (hash) => went.push(hash) },
  );
  await user.click(screen.getByRole('button', { name: 'Open in Playground' }));
  expect(went).toEqual(['#/playground']);
  const profile = playground.profile;
  expect(profile?.name).toBe(PASTED_CHOICE_NAME);
  expect(profile?.group).toBe('sandbox');
  expect(profile?.baseUrl).toBe(SANDBOX_BASE_URL);
  expect(profile?.accountKey).toBe(demo?.accountKey);
  expect(profile?.userKey).toBe(demo?.userKey);
  expect(playground.method).toBe('POST');
  expect(playground.path).toBe('/v1/subscriptions?x=1');
  expect(playground.draft.body).toBe('{"a":1}');
  expect(playground.choices.filter((c) => c.name === PASTED_CHOICE_NAME)).toHaveLength(1);
});

test('Open in Playground refuses a URL it cannot read and says why', async () => {
  const went: string[] = [];
  const { user } = await diagnoseWith(
    'curl "https://$HOST/logs" -H "x-api-key: $ACCOUNT_KEY" -H "x-api-secret-key: $SECRET_KEY"',
    '',
    { playground: new Playground(), navigate: (hash) => went.push(hash) },
  );
  await user.click(screen.getByRole('button', { name: 'Open in Playground' }));
  expect(await screen.findByText(/type the values of its variables first/)).toBeInTheDocument();
  expect(went).toEqual([]);
});
