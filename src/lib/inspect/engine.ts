/**
 * Everything a request needs once the person acts: `inspectSent`, the sandbox and the endpoint
 * catalog. Loaded on demand (`loadEngine()`), so the first screen paints without it. Diagnose
 * loads `inspectPaste` (with the paste readers) on its own.
 */
import {
  isKnownOperation,
  matchOperation,
  operationsByTag,
  searchOperations,
} from '../api/catalog';
import { toCurl, toFetch, toHttpie, toPowerShell, toPython } from '../paste/export';
import { createSandbox } from '../sandbox';

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

export { isKnownOperation };
export { inspectSent } from './sent';
