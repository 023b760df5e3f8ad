/**
 * The sandbox: a simulated Redis Cloud API for onboarding and for people without keys.
 * `createSandbox().fetch` plugs into the HTTP client; `insideView` explains an answer.
 */
export { createSandbox } from './sandbox';
export type { Sandbox, SandboxOptions, InsideViewRequest } from './sandbox';
export type { InsideView } from './inside-view';
export type { ConditionState, Refusal, RefusalCause } from './gate';
export type { Role } from './model';
export type { RateLimitState } from './rate-limit';
export { DEMO_PROFILES } from './demo-profiles';
export type { DemoProfile } from './demo-profiles';
export { DEMO_KEYS, SANDBOX_CLIENT_IP } from './demo-data';
export { RATE_LIMIT_PER_MINUTE, RATE_LIMIT_WINDOW_MS } from './rate-limit';
export { TASK_TIMELINE_MS } from './tasks';
export type { TaskStatus } from './tasks';
export { NGINX_401_BODY } from './responses';
