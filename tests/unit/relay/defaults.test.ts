import { expect, test } from 'vitest';
import { DEFAULT_ORIGINS } from '../../../public/relay.js';
import config from '../../../vite.config';

test('the relay started without --origin accepts the pages of `npm run dev` and `npm run preview`', () => {
  const ports = [config.server?.port, config.preview?.port];
  // A server that moved to the next free port would no longer match the relay's list.
  expect(config.server?.strictPort).toBe(true);
  expect(config.preview?.strictPort).toBe(true);
  for (const port of ports) {
    expect(port).toBeTypeOf('number');
    for (const host of ['localhost', '127.0.0.1']) {
      expect(DEFAULT_ORIGINS).toContain(`http://${host}:${port}`);
    }
  }
});
