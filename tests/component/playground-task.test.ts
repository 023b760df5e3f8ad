import { screen, within } from '@testing-library/svelte';
import { expect, test, vi } from 'vitest';

// The first test loads the request engine; on a busy machine that alone can take seconds.
vi.setConfig({ testTimeout: 20_000 });
import { checklist, setup } from './playground-helpers';

async function createSubscription(body: string) {
  const env = setup();
  env.playground.draft.method = 'POST';
  env.playground.draft.path = '/v1/subscriptions';
  env.playground.draft.body = body;
  await env.user.click(screen.getByRole('button', { name: 'Send' }));
  await checklist();
  return env;
}

const states = async () => {
  const list = await screen.findByRole('list', { name: 'Task states' }, { timeout: 5000 });
  return within(list)
    .getAllByRole('listitem')
    .map((li) => li.dataset.taskStatus);
};

const VALID = JSON.stringify({
  cloudProviders: [{ regions: [{ region: 'us-east-1' }] }],
  databases: [{ name: 'db', protocol: 'redis' }],
});

test('Follow task polls until the task completes, through each state it is seen in', async () => {
  const { user } = await createSubscription(VALID);
  const details = screen.getByRole('region', { name: 'Response details' });
  expect(details).toHaveTextContent('202');
  await user.click(screen.getByRole('button', { name: 'Follow task' }));
  const done = await screen.findByText(/The task has finished: it created/, {}, { timeout: 5000 });
  const id = /created (\d+)/.exec(done.textContent ?? '')?.[1];
  expect(id).toMatch(/^\d+$/);
  // Polls at 1, 3, 7 and 11 s: not visible yet (404), received, in progress, completed.
  expect(await states()).toEqual([
    'not-found-yet',
    'received',
    'processing-in-progress',
    'processing-completed',
  ]);
  expect(screen.getByText(/not found yet \(404/)).toBeInTheDocument();
  // What it created opens with one click: a GET of its path, answered 200.
  await user.click(screen.getByRole('button', { name: `GET /v1/subscriptions/${id}` }));
  expect(screen.getByLabelText('Path')).toHaveValue(`/v1/subscriptions/${id}`);
  // The POST answered 202; the GET of what it created answers 200.
  await vi.waitFor(() =>
    expect(screen.getByRole('region', { name: 'Response details' })).toHaveTextContent(/\b200\b/),
  );
  expect(document.querySelector('[data-verdict]')).toHaveAttribute('data-verdict', 'ok');
});

test('a processing-error shows its error type and description', async () => {
  // Valid for the document, but listing nothing: the task, not the request, fails.
  const { user } = await createSubscription('{"cloudProviders": [], "databases": []}');
  await user.click(screen.getByRole('button', { name: 'Follow task' }));
  await screen.findByText('The task has finished.', {}, { timeout: 5000 });
  expect((await states()).at(-1)).toBe('processing-error');
  // A failed task created nothing: nothing to open.
  expect(screen.queryByRole('button', { name: /^GET \// })).toBeNull();
  const failed = screen.getByText(/Error BAD_REQUEST/);
  expect(failed).toHaveTextContent('400 BAD_REQUEST');
  expect(failed).toHaveTextContent('Missing required field(s): cloudProviders, databases.');
});

test('an answer without a task id offers nothing to follow', async () => {
  const { user } = setup();
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await checklist();
  expect(screen.queryByRole('button', { name: 'Follow task' })).toBeNull();
});

test('a task id that stays unknown past the grace time stops with the status said', async () => {
  const { user, playground } = setup({
    task: { graceMs: 0, sleep: () => Promise.resolve() },
  });
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await checklist();
  playground.task.offer('00000000-0000-4000-8000-000000000000');
  await user.click(await screen.findByRole('button', { name: 'Follow task' }));
  expect(await screen.findByText(/answered 404/, {}, { timeout: 5000 })).toBeInTheDocument();
});

test('the task is followed with the keys that created it, even after another profile is chosen', async () => {
  const { user, playground } = await createSubscription(VALID);
  // A key that the sandbox refuses: polling with it would end in 401, not in completion.
  playground.profileId = 'sandbox-wrong-user-key';
  await user.click(screen.getByRole('button', { name: 'Follow task' }));
  await screen.findByText(/The task has finished/, {}, { timeout: 5000 });
  expect((await states()).at(-1)).toBe('processing-completed');
});
