import type { PageFacts } from '../lib/inspect/sent';

/** The page's origin and protocol, read in one place for every request Keycheck sends. */
export function pageFacts(): PageFacts {
  const location = globalThis.location as Location | undefined;
  return { origin: location?.origin ?? null, protocol: location?.protocol ?? '' };
}
