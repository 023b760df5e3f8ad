/**
 * Everything a request needs once it is sent: the client, the checklist engine, the sandbox and
 * the endpoint catalog. It is loaded on demand (`loadEngine()`), so the first screen paints
 * without it; `prefetchEngine()` warms it while the user is still choosing a profile.
 */
import { isKnownOperation } from '../lib/api/catalog';
import { redactExchange, send } from '../lib/api/client';
import { diagnose } from '../lib/auth/diagnose';
import { createSandbox } from '../lib/sandbox';

/** The app's one sandbox: its rate-limit counts and tasks live as long as the tab. */
export const sandbox = createSandbox();

export { diagnose, isKnownOperation, redactExchange, send };
