/**
 * Everything a request needs once it is sent: the client, the checklist engine, the sandbox and
 * the endpoint catalog. It is loaded on demand (`loadEngine()`), so the first screen paints
 * without it; `prefetchEngine()` warms it while the user is still choosing a profile.
 */
import {
  isKnownOperation,
  matchOperation,
  operationsByTag,
  searchOperations,
} from '../lib/api/catalog';
import { redactExchange, send } from '../lib/api/client';
import { connectPolicyFailure } from '../lib/api/connect-policy';
import { taskIdOf } from '../lib/api/task';
import { diagnose } from '../lib/auth/diagnose';
import { toCurl, toFetch, toHttpie, toPowerShell, toPython } from '../lib/paste/export';
import { createSandbox } from '../lib/sandbox';

/** The app's one sandbox: its rate-limit counts and tasks live as long as the tab. */
export const sandbox = createSandbox();

/** The endpoint picker's catalog. */
export const catalog = { matchOperation, operationsByTag, searchOperations };

/** "Copy as" formats. */
export const exporters = {
  curl: toCurl,
  fetch: toFetch,
  httpie: toHttpie,
  powershell: toPowerShell,
  python: toPython,
};

export { connectPolicyFailure, diagnose, isKnownOperation, redactExchange, send, taskIdOf };
