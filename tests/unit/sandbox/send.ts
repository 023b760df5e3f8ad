// Shared by the sandbox tests: a sandbox on a hand-moved clock, and requests sent with a profile.
import { SANDBOX_BASE_URL } from '../../../src/lib/core/checklist';
import {
  DEMO_PROFILES,
  createSandbox,
  type DemoProfile,
  type Sandbox,
} from '../../../src/lib/sandbox';

export const START = Date.parse('2025-03-01T12:00:00Z');

export interface Clocked {
  sandbox: Sandbox;
  /** Moves the sandbox's clock forward. */
  advance(ms: number): void;
}

export function clockedSandbox(): Clocked {
  let now = START;
  return {
    sandbox: createSandbox({ now: () => now }),
    advance(ms) {
      now += ms;
    },
  };
}

export function profile(id: string): DemoProfile {
  const found = DEMO_PROFILES.find((p) => p.id === id);
  if (!found) throw new Error(`no demo profile ${id}`);
  return found;
}

export function keyHeaders(p: Pick<DemoProfile, 'accountKey' | 'userKey'>) {
  return [
    { name: 'x-api-key', value: p.accountKey },
    { name: 'x-api-secret-key', value: p.userKey },
  ];
}

/** Sends METHOD PATH to the sandbox with the profile's two keys, as the app's client would. */
export function send(
  sandbox: Sandbox,
  p: Pick<DemoProfile, 'accountKey' | 'userKey'>,
  method: string,
  path: string,
  body?: string,
): Promise<Response> {
  const headers = Object.fromEntries(keyHeaders(p).map((h) => [h.name, h.value]));
  if (body !== undefined) headers['content-type'] = 'application/json';
  return sandbox.fetch(`${SANDBOX_BASE_URL}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
}

/** Everything a client can observe of a response, for byte-for-byte comparison. */
export async function observe(response: Response) {
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()],
    body: await response.text(),
  };
}
