import { expect, test } from '@playwright/test';

test('the sandbox checks a body in the page under its CSP, offers its ids, and blocks an empty id', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const problems: string[] = [];
  // A validator that compiles schemas would be refused here: the CSP allows no eval.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Refused|eval/i.test(m.text())) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto('./#/playground');
  const path = page.getByLabel('Path');
  await path.fill('/v1/subscriptions/{subscriptionId}/databases');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('alert')).toContainText(
    'Fill in the path parameter subscriptionId first',
  );
  await expect(page.locator('[data-verdict]')).toHaveCount(0);

  // The id field offers the sandbox's subscriptions; typing one fills the path.
  const field = page.getByLabel('subscriptionId', { exact: true });
  await expect(field).toHaveAttribute('list', 'ids-subscriptionId');
  await expect(page.locator('#ids-subscriptionId option')).toHaveCount(2);
  await expect(page.locator('#ids-subscriptionId option').first()).toHaveAttribute(
    'value',
    '51001',
  );
  await field.fill('51001');
  await expect(path).toHaveValue('/v1/subscriptions/51001/databases');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.locator('[data-verdict]')).toHaveAttribute('data-verdict', 'ok');

  // A body checked against the document's schema, in the page: a 400 that names the field.
  await page.getByLabel('Method').selectOption('POST');
  await page.getByLabel('Body', { exact: true }).fill('{"protocol":"redis"}');
  await page.getByRole('button', { name: 'Send' }).click();
  const details = page.getByRole('region', { name: 'Response details' });
  await expect(details).toContainText('400');
  await expect(details.getByLabel('Response body')).toHaveValue(/"message": ?"name is required\."/);
  expect(problems).toEqual([]);
});
