/*
 * The curl reader: a curl command, possibly followed by what it printed (`curl -i`, `curl -v`)
 * in the same box. A command on the first line is a strong match; a `curl` word further in
 * (a script, prose around it) is a weak one that code readers come before.
 */
import { parseCurlCandidates } from './curl-command';
import { shellText } from './shell-arguments';
import { splitLines } from './http-message';
import { matchIf, type ReadOptions, type RequestReader } from './reader';
import type { ParseResult, PastedRequest } from './result';

// The path before `curl` is bounded: an unbounded one backtracks over every later character.
const CURL_WORD = /(?:^|[\s;&|(])(?:[^\s'"]{0,256}[/\\])?curl(?:\.exe)?(?=\s|$)/i;
/** `curl` (or `curl.exe`) as the first word of the first line, after an optional prompt. */
const CURL_START =
  /^(?:\$\s+|PS(?: [^>]*)?>\s*|[A-Za-z]:\\[^>]*>\s*|>\s*)?(?:[^\s'"]*[/\\])?curl(?:\.exe)?(?:\s|$)/i;
/** A line that starts what a curl command printed: `HTTP/1.1 401`, `< HTTP/2 401`, `* Trying`. */
const OUTPUT_START =
  /^(?:< ?HTTP\/\d(?:\.\d)? \d{3}|HTTP\/\d(?:\.\d)? \d{3}|\* +(?:Trying|Connected|Host | {2}Trying|processing|Uses proxy)|> [A-Z]+ \S+ HTTP\/)/;

/** In Windows PowerShell 5, `curl -Uri ...` is Invoke-WebRequest, not curl. */
function looksLikePowerShellCurl(text: string): boolean {
  return /(?:^|\s)curl\s[^\n]*\s-(?:Uri|Headers|Method|Body|ContentType|UseBasicParsing)\b/i.test(
    text.slice(0, 65536),
  );
}

function firstLine(text: string): string {
  return (
    splitLines(text.slice(0, 4096))
      .find((l) => l.text.trim() !== '')
      ?.text.trim() ?? ''
  );
}

export const curlReader: RequestReader = {
  kind: 'request',
  format: 'curl',
  label: 'curl',
  detect(text) {
    if (CURL_START.test(firstLine(text)) && !looksLikePowerShellCurl(text)) return matchIf(true);
    return matchIf(CURL_WORD.test(text.slice(0, 65536)), true);
  },
  read: curlWithOutput,
};

/** A curl command, possibly followed by what it printed (`curl -i`, `curl -v`) in the same box. */
function curlWithOutput(pasted: string, options: ReadOptions = {}): ParseResult<PastedRequest[]> {
  const text = shellText(pasted, 'curl');
  const lines = splitLines(text);
  const at = lines.findIndex((l, i) => i > 0 && OUTPUT_START.test(l.text));
  const dialect = options.dialect ? { dialect: options.dialect } : {};
  if (at < 0) return parseCurlCandidates(text, dialect);
  // Keep the command's own line breaks (CRLF included) by cutting the text, not the lines.
  const cut = nthLineStart(text, at);
  const command = parseCurlCandidates(text.slice(0, cut), dialect);
  if (!command.ok) return command;
  const output = options.readAnswer?.(text.slice(cut));
  const note = {
    message:
      'The Request box held the curl command and what it printed: the printed answer is read as the response.',
    line: at + 1,
  };
  for (const c of command.value) {
    c.notes.push(note);
    if (output?.ok && output.value.response && output.value.response.status !== null) {
      c.response = output.value.response;
      c.notes.push(...output.value.notes);
    }
  }
  return command;
}

function nthLineStart(text: string, n: number): number {
  let at = 0;
  for (let i = 0; i < n; i++) {
    const next = text.indexOf('\n', at);
    if (next < 0) return text.length;
    at = next + 1;
  }
  return at;
}
