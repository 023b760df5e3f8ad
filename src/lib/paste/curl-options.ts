/**
 * The curl options Keycheck knows. Those it does not act on are still listed so that their
 * values are skipped rather than mistaken for the URL; an option missing from both lists is
 * reported as unknown and assumed to take no value.
 */

import { URL_LIKE, type OptionTable, type ShellOption } from './shell-options';

/** What an option does to the request, for those that change it. */
export type CurlAction =
  | 'header'
  | 'method'
  | 'data'
  | 'data-raw'
  | 'data-urlencode'
  | 'json'
  | 'user'
  | 'get'
  | 'head'
  | 'url'
  | 'user-agent'
  | 'referer'
  | 'cookie'
  | 'upload'
  | 'range'
  | 'config'
  | 'url-query'
  | 'form'
  | 'end-of-options'
  | 'ignore';

export type CurlOption = ShellOption<CurlAction>;

const act = (action: CurlAction, takesValue = true): CurlOption => ({ action, takesValue });
const ignoreWithValue = act('ignore', true);
const ignoreFlag = act('ignore', false);

export const SHORT_OPTIONS: Readonly<Record<string, CurlOption>> = {
  H: act('header'),
  X: act('method'),
  d: act('data'),
  u: act('user'),
  G: act('get', false),
  I: act('head', false),
  A: act('user-agent'),
  e: act('referer'),
  b: act('cookie'),
  T: act('upload'),
  r: act('range'),
  K: act('config'),
  F: act('form'),
  // Options that change nothing Keycheck checks.
  ...Object.fromEntries([...'cCDEmoPQtUwxyYz'].map((c) => [c, ignoreWithValue])),
  ...Object.fromEntries([...'sSivkLfONa0123456BgjJlnpqRVZ#'].map((c) => [c, ignoreFlag])),
};

export const LONG_OPTIONS: Readonly<Record<string, CurlOption>> = {
  header: act('header'),
  request: act('method'),
  data: act('data'),
  'data-ascii': act('data'),
  'data-binary': act('data'),
  'data-raw': act('data-raw'),
  'data-urlencode': act('data-urlencode'),
  json: act('json'),
  user: act('user'),
  get: act('get', false),
  head: act('head', false),
  url: act('url'),
  'user-agent': act('user-agent'),
  referer: act('referer'),
  cookie: act('cookie'),
  'upload-file': act('upload'),
  range: act('range'),
  config: act('config'),
  'url-query': act('url-query'),
  form: act('form'),
  'form-string': act('form'),
  ...Object.fromEntries(
    [
      'output',
      'write-out',
      'max-time',
      'connect-timeout',
      'proxy',
      'proxy-user',
      'resolve',
      'connect-to',
      'retry',
      'retry-delay',
      'retry-max-time',
      'cacert',
      'capath',
      'cert',
      'key',
      'cert-type',
      'key-type',
      'pass',
      'ciphers',
      'time-cond',
      'dump-header',
      'stderr',
      'trace',
      'trace-ascii',
      'interface',
      'limit-rate',
      'max-redirs',
      'max-filesize',
      'proto',
      'proto-redir',
      'local-port',
      'dns-servers',
      'noproxy',
      'cookie-jar',
      'continue-at',
      'speed-limit',
      'speed-time',
      'expect100-timeout',
      'keepalive-time',
      'output-dir',
      'create-file-mode',
      'happy-eyeballs-timeout-ms',
      'parallel-max',
      'rate',
      'variable',
    ].map((name) => [name, ignoreWithValue]),
  ),
  ...Object.fromEntries(
    [
      'silent',
      'show-error',
      'include',
      'verbose',
      'insecure',
      'location',
      'compressed',
      'fail',
      'fail-with-body',
      'remote-name',
      'no-buffer',
      'http1.1',
      'http2',
      'http2-prior-knowledge',
      'http3',
      'ipv4',
      'ipv6',
      'no-progress-meter',
      'progress-bar',
      'globoff',
      'location-trusted',
      'no-keepalive',
      'tlsv1.2',
      'tlsv1.3',
      'ssl-reqd',
      'path-as-is',
      'raw',
      'tr-encoding',
      'no-sessionid',
      'no-alpn',
      'no-npn',
      'remote-header-name',
      'remote-time',
      'create-dirs',
      'styled-output',
      'no-styled-output',
      'parallel',
      'show-headers',
      'disable',
      'anyauth',
      'basic',
      'digest',
      'ntlm',
      'negotiate',
      'version',
      'manual',
      'help',
    ].map((name) => [name, ignoreFlag]),
  ),
};

/** curl's options as the shell-options driver reads them. */
export const CURL_OPTIONS: OptionTable<CurlAction> = {
  short: SHORT_OPTIONS,
  long: LONG_OPTIONS,
  isOperand: (word) => URL_LIKE.test(word),
};
