/** The checklist engine: pre-send checks, `diagnose()`, key-value checks for forms. */
export { diagnose } from './diagnose';
export { preflight, preflightDetail, refusedHeader } from './preflight';
export type { PreflightDetail } from './preflight';
export { checkKeyValue, placeholderIn, placeholderRole, KEY_NAME } from './key-values';
export type {
  KeyRole,
  KeyValueFinding,
  KeyValueIssue,
  KeyValueOptions,
  Placeholder,
  Sender,
} from './key-values';
export { misspelledKeyHeader, scanKeyHeaders } from './header-checks';
export { checkEndpoint, isLoopbackHost } from './endpoint-check';
export type { EndpointCheck, HostKind } from './endpoint-check';
export { describeCodePoint } from './char-names';
export { DOCS } from './docs-links';
export { ITEM_TITLE, ITEM_DOCS } from './items';
export { judgeAllowList } from './source-ip';
export type { IpJudgement, IpVerdict } from './source-ip';
export { parseAccount, statusFromBody, bodyKind } from './response-body';
export type { AccountInfo, BodyKind } from './response-body';
