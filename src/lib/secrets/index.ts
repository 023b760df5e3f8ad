/**
 * `lib/secrets`: the only code that decides what is secret and removes it (DESIGN.md, "Rules
 * that hold everywhere"). Everything else asks it.
 */
export { isSecretName } from './names';
export { findSecrets, pasteScrubber, type SecretSources } from './find';
export { keyShapedTokens, looksLikeKey } from './key-shape';
export { FRAGMENT_MARKER, RUN, scrub, scrubber, type Scrub } from './scrub';
export { createRedactor, wholeValueMarker, type Redactor } from './redactor';
export {
  applySafeView,
  safeChecklist,
  safeView,
  type SafeView,
  type SafeViewSources,
} from './safe-view';
export { fingerprint, formatFingerprint, type Fingerprint } from './fingerprint';
