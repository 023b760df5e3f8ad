import { screen, waitFor, within } from '@testing-library/svelte';
import { expect, test, vi } from 'vitest';

// These load the request engine and its catalog; on a busy machine that can take seconds.
vi.setConfig({ testTimeout: 20_000 });
import { checklist, item, setup, verdict } from './playground-helpers';

const path = () => screen.getByLabelText('Path') as HTMLInputElement;
const method = () => screen.getByLabelText('Method') as HTMLSelectElement;

async function pick(user: ReturnType<typeof setup>['user'], query: string, name: RegExp) {
  await user.click(screen.getByRole('button', { name: 'Browse endpoints' }));
  const search = await screen.findByLabelText('Search endpoints', {}, { timeout: 5000 });
  await user.type(search, query);
  await user.click(await screen.findByRole('button', { name }, { timeout: 5000 }));
}

test('the picker searches by name, groups by tag, and fills method, path and its fields', async () => {
  const { user } = setup();
  await user.click(screen.getByRole('button', { name: 'Browse endpoints' }));
  const search = await screen.findByLabelText('Search endpoints', {}, { timeout: 5000 });
  await user.type(search, 'database backup');
  const group = await screen.findByRole('region', { name: 'Databases - Pro' }, { timeout: 5000 });
  const choice = within(group).getByRole('button', {
    name: /POST \/v1\/subscriptions\/\{subscriptionId\}\/databases\/\{databaseId\}\/backup/,
  });
  await user.click(choice);
  expect(method().value).toBe('POST');
  expect(path().value).toBe('/v1/subscriptions/{subscriptionId}/databases/{databaseId}/backup');
  await user.type(screen.getByLabelText('subscriptionId'), '123');
  await user.type(screen.getByLabelText('databaseId'), '45');
  expect(path().value).toBe('/v1/subscriptions/123/databases/45/backup');
  // And the other way: a path typed by hand fills the fields.
  await user.clear(path());
  await user.type(path(), '/v1/subscriptions/9/databases/8/backup');
  expect(screen.getByLabelText('databaseId')).toHaveValue('8');
});

test('query parameters are labelled fields, sent in the query string', async () => {
  const { user } = setup();
  await pick(user, 'system logs', /^GET \/v1\/logs Get system logs/i);
  const fields = screen.getByRole('group', { name: 'Query parameters' });
  await user.type(within(fields).getByLabelText('offset (optional)'), '10');
  await user.type(within(fields).getByLabelText('limit (optional)'), '5');
  expect(path().value).toBe('/v1/logs');
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await checklist();
  const details = screen.getByRole('region', { name: 'Response details' });
  expect(details).toHaveTextContent('/v1/logs?offset=10&limit=5');
});

test('an operation with a body gets a starter body; invalid JSON is refused with line and column', async () => {
  const { user } = setup();
  await pick(user, 'create subscription', /^POST \/v1\/subscriptions Create Pro subscription/i);
  const body = screen.getByLabelText('Body') as HTMLTextAreaElement;
  expect(JSON.parse(body.value)).toHaveProperty('cloudProviders');
  await user.clear(body);
  await user.type(body, '{{"name": "a"{enter}  "x": 1}');
  expect(body.value).toBe('{"name": "a"\n  "x": 1}');
  await user.click(screen.getByRole('button', { name: 'Send' }));
  const alert = await screen.findByRole('alert');
  expect(alert).toHaveTextContent('line 2, column 3');
  expect(screen.queryByRole('list', { name: 'Authentication checklist' })).toBeNull();
});

test('Ctrl+Enter in the body sends', async () => {
  const { user } = setup();
  await user.click(path());
  await user.keyboard('{Control>}{Enter}{/Control}');
  await checklist();
  expect(verdict()).toHaveAttribute('data-verdict', 'ok');
});

test('an extra header that repeats an auth header is sent and flagged at the request stage', async () => {
  const { user } = setup();
  await user.click(screen.getByRole('button', { name: 'Add header' }));
  await user.type(screen.getByLabelText('Header 1 name'), 'X-API-KEY');
  await user.type(screen.getByLabelText('Header 1 value'), 'another-value');
  expect(screen.getByText(/the profile already sends x-api-key/)).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Send' }));
  const header = await item('account-key-header');
  expect(header.dataset.status).toBe('fail');
  expect(header).toHaveTextContent(/x-api-key is sent 2 times with different values/);
});

test('Cancel stops a request in flight and the checklist says it was cancelled', async () => {
  const hanging = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
        signal?.addEventListener('abort', () =>
          reject(new DOMException('The operation was aborted.', 'AbortError')),
        );
      }),
  };
  const { user, sandbox } = setup();
  Object.assign(sandbox, hanging);
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await user.click(await screen.findByRole('button', { name: 'Cancel' }));
  const reached = await item('reached-api');
  expect(reached.dataset.status).toBe('fail');
  expect(reached).toHaveTextContent(/cancelled/);
  await waitFor(() => expect(verdict()).toHaveAttribute('data-verdict', 'unreachable'));
});

test('Copy as cURL writes variables for the keys unless "Include keys" is ticked', async () => {
  const { user, writes, playground } = setup();
  await user.click(screen.getByRole('button', { name: 'Copy as cURL' }));
  await waitFor(() => expect(writes).toHaveLength(1));
  const profile = playground.profile!;
  expect(writes[0]).toMatch(/^curl -i /);
  expect(writes[0]).toContain('"x-api-key: $REDIS_CLOUD_ACCOUNT_KEY"');
  expect(writes[0]).toContain('"x-api-secret-key: $REDIS_CLOUD_USER_KEY"');
  expect(writes[0]).not.toContain(profile.userKey);
  await user.click(screen.getByLabelText('Include keys'));
  await user.click(screen.getByRole('button', { name: 'Copy as HTTPie' }));
  await waitFor(() => expect(writes).toHaveLength(2));
  expect(writes[1]).toMatch(/^http /);
  expect(writes[1]).toContain(profile.userKey);
  await user.click(screen.getByRole('button', { name: 'Copy as fetch' }));
  await waitFor(() => expect(writes).toHaveLength(3));
  expect(writes[2]).toContain('await fetch(');
  expect(screen.getByText(/treat the copy as a secret/)).toBeInTheDocument();
});
