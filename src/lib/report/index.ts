/** The redacted Markdown report and the share link that carries the same findings. */
export { buildReport, keyFingerprints, VERDICT_LABEL } from './report';
export type { KeyFingerprints, ReportInput } from './report';
export {
  decodeShareFragment,
  encodeShareFragment,
  SHARE_PARAM,
  SHARE_ROUTE,
  SHARED_BODY_LIMIT,
} from './share';
export type { ShareDecodeResult, SharedReport } from './share';
export { redactUrl } from './redact-url';
export { scrubSecrets, secretsOf } from './scrub';
