import { screen, waitFor, within } from '@testing-library/svelte';
import { expect, test, vi } from 'vitest';
import { checklist, setup } from './playground-helpers';

// The first test loads the request engine and the sandbox's operations: seconds on a busy machine.
vi.setConfig({ testTimeout: 20_000 });

const path = () => screen.getByLabelText<HTMLInputElement>('Path');

/** The ids offered for a path parameter's field (its datalist), once loaded. */
async function offered(name: string): Promise<string[]> {
  const field = await screen.findByLabelText(name, {}, { timeout: 10_000 });
  await waitFor(() => expect(field.getAttribute('list')).toBe(`ids-${name}`), { timeout: 10_000 });
  const list = document.getElementById(`ids-${name}`);
  return [...(list?.querySelectorAll('option') ?? [])].map((o) => o.value);
}

test('in sandbox mode each id field offers the ids the sandbox has, under the id chosen before it', async () => {
  const { user, playground } = setup();
  playground.draft.method = 'GET';
  playground.draft.path = '/v1/subscriptions/{subscriptionId}/databases/{databaseId}';
  expect(await offered('subscriptionId')).toEqual(['51001', '51002']);
  await user.clear(screen.getByLabelText('subscriptionId'));
  await user.type(screen.getByLabelText('subscriptionId'), '51002');
  await waitFor(async () => expect(await offered('databaseId')).toEqual(['5100201']));
  // Typing is still allowed: any id goes into the path.
  await user.type(screen.getByLabelText('databaseId'), '777');
  expect(path().value).toBe('/v1/subscriptions/51002/databases/777');
});

test('a required path parameter left empty blocks Send and says which', async () => {
  const { user, playground, sandbox } = setup();
  const spy = vi.spyOn(sandbox, 'fetch');
  playground.draft.path = '/v1/subscriptions/{subscriptionId}/databases';
  await user.click(screen.getByRole('button', { name: 'Send' }));
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'Fill in the path parameter subscriptionId first',
  );
  expect(spy).not.toHaveBeenCalled();
  expect(screen.queryByRole('list', { name: 'Authentication checklist' })).toBeNull();
});

test('after a task ends, its result links to the created resource', async () => {
  const { user, playground } = setup();
  playground.draft.method = 'POST';
  playground.draft.path = '/v1/subscriptions/51001/databases';
  playground.draft.body = JSON.stringify({ name: 'from-the-playground', protocol: 'redis' });
  await user.click(screen.getByRole('button', { name: 'Send' }));
  await checklist();
  await user.click(screen.getByRole('button', { name: 'Follow task' }));
  await screen.findByText(/The task has finished/, {}, { timeout: 5000 });
  const task = screen.getByRole('region', { name: 'Task' });
  const open = within(task).getByRole('button', {
    name: /^GET \/v1\/subscriptions\/51001\/databases\/\d+$/,
  });
  const created = open.textContent?.trim().replace('GET ', '') ?? '';
  await user.click(open);
  await waitFor(() => expect(path().value).toBe(created));
  await checklist();
  const details = screen.getByRole('region', { name: 'Response details' });
  expect(details).toHaveTextContent('200 OK');
  expect(playground.result?.exchange.response?.body).toContain('"name":"from-the-playground"');
});
