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
} from '../api/catalog';
import { redactExchange, send } from '../api/client';
import { connectPolicyFailure } from '../api/connect-policy';
import { taskIdOf } from '../api/task';
import { diagnose } from '../auth/diagnose';
import { toCurl, toFetch, toHttpie } from '../paste/export';
import { createSandbox } from '../sandbox';

/** The app's one sandbox: its rate-limit counts and tasks live as long as the tab. */
export const sandbox = createSandbox();

/** The endpoint picker's catalog. */
export const catalog = { matchOperation, operationsByTag, searchOperations };

/** "Copy as" formats. */
export const exporters = { curl: toCurl, fetch: toFetch, httpie: toHttpie };

export { connectPolicyFailure, diagnose, isKnownOperation, redactExchange, send, taskIdOf };
