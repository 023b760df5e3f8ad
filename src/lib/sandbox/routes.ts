/**
 * What the sandbox's answers are given once a request has passed the gate, and the door to
 * them: `surface.ts` answers every operation of the API document and loads with the first
 * request the sandbox answers, in a chunk of its own (the operation table and the schema
 * validator), so neither the first screen nor a request to the real API pays for it.
 */
import { isKnownOperation } from '../api/catalog';

export type { RouteContext, SandboxStore } from './context';
import type { RouteContext } from './context';

/** True when the sandbox answers this METHOD and path: every operation the API document lists. */
export function isSimulated(method: string, path: string): boolean {
  return isKnownOperation(method, path);
}

let surface: Promise<typeof import('./surface')> | undefined;

/** The operations' module, fetched once, on the first answer. */
export function loadSurface(): Promise<typeof import('./surface')> {
  surface ??= import('./surface').catch((error: unknown) => {
    // A failed load (offline, a new version replaced the files) must not stick.
    surface = undefined;
    throw error;
  });
  return surface;
}

/** Answers an authenticated, permitted request; an unknown operation gets the Spring 404. */
export async function route(ctx: RouteContext): Promise<Response> {
  return (await loadSurface()).answer(ctx);
}
