/**
 * What the sandbox's answers are given once a request has passed the gate. Its own module, so
 * the lazily loaded answers (surface.ts) and the door to them (routes.ts) share it without
 * importing each other.
 */
import type { SandboxAccount, SandboxUser, SandboxUserKey } from './model';
import type { SandboxTask } from './tasks';

/** What a sandbox keeps between requests besides the demo world itself. */
export interface SandboxStore {
  tasks: SandboxTask[];
}

export interface RouteContext {
  method: string;
  url: URL;
  body: string;
  now: number;
  clientIp: string;
  account: SandboxAccount;
  key: SandboxUserKey;
  user: SandboxUser;
  store: SandboxStore;
}
