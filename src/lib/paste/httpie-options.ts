/**
 * Every option of HTTPie's documentation (3.x: content types, content processing, output
 * processing and options, sessions, authentication, network, SSL, troubleshooting), and those
 * xh adds, as data for the shell-options driver. Every `--name` also has a `--no-name`.
 */
import { flag, many, URL_LIKE, withValue, type OptionTable } from './shell-options';

export type HttpieAction =
  | 'form'
  | 'json'
  | 'auth'
  | 'auth-type'
  | 'bearer'
  | 'raw'
  | 'default-scheme'
  | 'https'
  | 'credential'
  | 'ignore';

const ignoreValue = withValue<HttpieAction>('ignore');
const ignoreFlag = flag<HttpieAction>('ignore');
const METHOD = /^[A-Z]+$/;

export const HTTPIE_OPTIONS: OptionTable<HttpieAction> = {
  short: {
    j: flag('json'),
    f: flag('form'),
    a: withValue('auth'),
    A: withValue('auth-type'),
    ...many([...'spoP'], ignoreValue),
    ...many([...'xhmbvSdcqFI46'], ignoreFlag),
  },
  long: {
    json: flag('json'),
    form: flag('form'),
    multipart: flag('form'),
    auth: withValue('auth'),
    'auth-type': withValue('auth-type'),
    bearer: withValue('bearer'),
    raw: withValue('raw'),
    'default-scheme': withValue('default-scheme'),
    // xh: `--https` makes a URL without a scheme https.
    https: flag('https'),
    'cert-key-pass': withValue('credential'),
    ...many(
      [
        'boundary',
        'pretty',
        'style',
        'response-charset',
        'response-mime',
        'format-options',
        'print',
        'history-print',
        'output',
        'session',
        'session-read-only',
        'proxy',
        'max-redirects',
        'max-headers',
        'timeout',
        'verify',
        'ssl',
        'ciphers',
        'cert',
        'cert-key',
        // xh
        'http-version',
        'resolve',
        'interface',
        'generate',
      ],
      ignoreValue,
    ),
    ...many(
      [
        'compress',
        'unsorted',
        'sorted',
        'headers',
        'meta',
        'body',
        'verbose',
        'all',
        'stream',
        'download',
        'continue',
        'quiet',
        'ignore-netrc',
        'offline',
        'follow',
        'check-status',
        'path-as-is',
        'chunked',
        'ignore-stdin',
        'help',
        'manual',
        'version',
        'traceback',
        'debug',
        // xh
        'curl',
        'curl-long',
        'native-tls',
        'ipv4',
        'ipv6',
        'no-check-status',
      ],
      ignoreFlag,
    ),
  },
  // The method, a URL, the localhost shorthand (`:3000`, `:/path`) and request items are the
  // command's operands: an unknown option before them does not take them as its value.
  isOperand: (word) =>
    METHOD.test(word) || URL_LIKE.test(word) || word.startsWith(':') || /^localhost\b/.test(word),
};
