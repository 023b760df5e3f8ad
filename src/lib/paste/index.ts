/** Reading what a support ticket holds, and writing a request back out as a command. */
export { parseRequestPaste, parseResponsePaste, pastedExchange } from './paste';
export { parseCurlCommand } from './curl-command';
export { parseCurlVerbose } from './curl-verbose';
export { parseHar } from './har';
export { expandedVariables, fillVariables } from './variables';
export {
  toCurl,
  toFetch,
  toHttpie,
  shellQuote,
  ACCOUNT_KEY_VARIABLE,
  USER_KEY_VARIABLE,
} from './export';
export type { ExportOptions } from './export';
export type { ShellDialect } from './shell-words';
export type {
  ParseResult,
  PasteError,
  PasteNote,
  PastedRequest,
  RequestFormat,
  RequestPaste,
  ResponseFormat,
  ResponsePaste,
  VariableHandling,
  VariableUse,
} from './result';
