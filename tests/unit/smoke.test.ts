import { expect, test } from 'vitest';
test('webcrypto', async () => {
  expect(typeof crypto.subtle.digest).toBe('function');
});
