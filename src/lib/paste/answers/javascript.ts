/*
 * What JavaScript prints (FACTS.md, "What customers paste as the answer"): axios's `AxiosError:
 * Request failed with status code 401` with its printed `response` object (`status`,
 * `statusText`, `headers`, `data`), Node fetch's `TypeError: fetch failed` and its `cause`,
 * and a browser console's lines (CORS, `Failed to load resource: the server responded with a
 * status of 401 ()`, `net::ERR_...`).
 */
import type { Header } from '../../core/exchange';
import type { AnswerReader } from '../reader';
import {
  answer,
  detectLine,
  failureIn,
  firstLine,
  noAnswer,
  textLines,
  unreadable,
  type TextLine,
} from './common';

const FORMAT = 'javascript-error';
const CORS = /has been blocked by CORS policy/;
const LOAD_FAILED =
  /Failed to load resource: the server responded with a status of (\d{3})(?: \(([^)\n]*)\))?/;
/** Chrome's network line: `GET https://... 401 (Unauthorized)` or `... net::ERR_FAILED 401`. */
const NETWORK_LINE =
  /\b(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS) https?:\/\/\S{1,2000} (?:net::ERR_\w+ )?([1-5]\d\d)(?: \(([^)\n]*)\))?\s*$/;
const NET_ERROR = /net::ERR_[A-Z_]+/;
const AXIOS_STATUS = /Request failed with status code (\d{3})/;
const OPENS = [
  /\bAxiosError\b|\[AxiosError|isAxiosError/,
  AXIOS_STATUS,
  /TypeError: fetch failed/,
  /TypeError: Failed to fetch|TypeError: NetworkError when attempting to fetch/,
  CORS,
  LOAD_FAILED,
  NET_ERROR,
  /\bcode: '(?:ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ECONNABORTED|ERR_BAD_REQUEST|ERR_BAD_RESPONSE|UND_ERR_\w+|ERR_INVALID_CHAR|ERR_HTTP_INVALID_HEADER_VALUE)'/,
  /^\s*(?:Uncaught \(in promise\) )?(?:TypeError|Error)(?: \[ERR_\w+\])?: (?:getaddrinfo|connect |Invalid character in header|Headers\.(?:append|set)|Failed to execute 'fetch')/,
];

export const javascriptAnswer: AnswerReader = {
  kind: 'answer',
  format: FORMAT,
  label: 'JavaScript (axios, fetch, browser console)',
  detect: detectLine(OPENS),
  read(text) {
    const lines = textLines(text);
    const cors = firstLine(lines, CORS);
    // A preflight the server refused carried no keys: its status says nothing about them.
    const preflight = cors && /preflight/i.test(cors.at.text);
    if (!preflight) {
      const axios = axiosResponse(lines);
      if (axios) return axios;
      const loaded = firstLine(lines, LOAD_FAILED) ?? firstLine(lines, NETWORK_LINE);
      if (loaded) {
        const status = Number(loaded.match[1]);
        return answer(FORMAT, {
          status,
          ...(loaded.match[2] ? { statusText: loaded.match[2] } : {}),
          notes: cors
            ? [
                {
                  message:
                    "The browser's console shows the status, but the browser withheld the answer from the page (CORS): only the status is known.",
                  line: loaded.at.line,
                },
              ]
            : [],
        });
      }
    }
    if (cors) return noAnswer(FORMAT, 'cors', cors.at.text.trim(), text);
    const whole = lines.map((l) => l.text).join('\n');
    const kind = failureIn(whole);
    if (kind) {
      const said =
        firstLine(
          lines,
          /\[cause\]|cause: |getaddrinfo|connect E|net::ERR_|code: '|is an invalid header value|Invalid character in header|Failed to execute 'fetch'/,
        ) ?? firstLine(lines, /Error/);
      return noAnswer(FORMAT, kind, said?.at.text.trim() ?? kind, text);
    }
    return unreadable(
      lines[0],
      'This looks like a JavaScript error, but it shows no status and no reason that says no answer came.',
    );
  },
};

/**
 * axios's printed error: the status from `Request failed with status code N` or the `response`
 * object's `status: N`, with `statusText`, `headers` and `data` when printed.
 */
function axiosResponse(lines: readonly TextLine[]) {
  const from = lines.findIndex((l) => /^\s*response: \{/.test(l.text));
  const scope = from < 0 ? lines : lines.slice(from);
  const status = firstLine(scope, /^\s*status: (\d{3}),?\s*$/) ?? firstLine(lines, AXIOS_STATUS);
  if (!status) return null;
  const statusText = firstLine(scope, /^\s*statusText: '([^'\n]*)'/)?.match[1];
  return answer(FORMAT, {
    status: Number(status.match[1]),
    ...(statusText !== undefined ? { statusText } : {}),
    headers: from < 0 ? [] : printedHeaders(scope),
    body: from < 0 ? printedCause(lines) : printedData(scope),
  });
}

/**
 * RedisInsight's `CloudCapiUnauthorizedException: Request failed with status code 401` logs the
 * answer's body as the error's `cause: <html>...`: the body, to a blank line or a stack line.
 */
function printedCause(lines: readonly TextLine[]): string {
  const start = lines.findIndex((l) => /^\s*cause: [<{[]/.test(l.text));
  if (start < 0) return '';
  const parts = [(lines[start] as TextLine).text.replace(/^\s*cause: /, '')];
  for (let i = start + 1; i < lines.length; i++) {
    const t = (lines[i] as TextLine).text;
    if (t.trim() === '' || /^\s+at \S/.test(t)) break;
    parts.push(t);
  }
  return parts.join('\n').trim();
}

/** `headers: Object [AxiosHeaders] { server: 'nginx', 'content-type': 'text/html' }`. */
function printedHeaders(lines: readonly TextLine[]): Header[] {
  const start = lines.findIndex((l) =>
    /^\s*headers: (?:Object \[AxiosHeaders\] |AxiosHeaders )?\{/.test(l.text),
  );
  if (start < 0) return [];
  const headers: Header[] = [];
  const pair = /(?:'([^'\n]+)'|([A-Za-z][\w-]*)): (?:'((?:\\.|[^'\\\n])*)'|(\d+)|\[[^\]\n]*\])/g;
  for (let i = start; i < lines.length; i++) {
    let t = (lines[i] as TextLine).text;
    if (i === start) t = t.slice(t.indexOf('{') + 1);
    const close = /^\s*\}/.test(t) && i > start;
    for (const m of t.matchAll(pair)) {
      const name = m[1] ?? m[2] ?? '';
      if (name === 'headers') continue;
      headers.push({ name, value: m[3] ?? m[4] ?? '' });
    }
    if (close || (i === start && t.includes('}'))) break;
  }
  return headers;
}

/** `data: '<html>\r\n' + '<head>...'` or `data: { ... }`: the body as printed. */
function printedData(lines: readonly TextLine[]): string {
  const start = lines.findIndex((l) => /^\s*data: /.test(l.text));
  if (start < 0) return '';
  const first = (lines[start] as TextLine).text.replace(/^\s*data: /, '');
  if (first.startsWith("'") || first.startsWith('"') || first.startsWith('`')) {
    const parts: string[] = [];
    for (let i = start; i < lines.length; i++) {
      const t = i === start ? first : (lines[i] as TextLine).text.trim();
      const m = /^(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*(\+)?,?$/.exec(t);
      if (!m) break;
      parts.push(unescape(m[2] ?? ''));
      if (!m[3]) break;
    }
    return parts.join('');
  }
  // An object printed by util.inspect: kept as written, to its closing brace.
  const parts = [first];
  let depth = count(first, '{') - count(first, '}');
  for (let i = start + 1; i < lines.length && depth > 0; i++) {
    const t = (lines[i] as TextLine).text;
    parts.push(t);
    depth += count(t, '{') - count(t, '}');
  }
  return parts.join('\n').replace(/,\s*$/, '');
}

function count(text: string, ch: string): number {
  let n = 0;
  for (const c of text) if (c === ch) n++;
  return n;
}

function unescape(s: string): string {
  return s.replace(/\\(r|n|t|'|"|\\)/g, (_, c: string) =>
    c === 'r' ? '\r' : c === 'n' ? '\n' : c === 't' ? '\t' : c,
  );
}
