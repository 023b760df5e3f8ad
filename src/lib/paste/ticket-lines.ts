/**
 * How a line of a whole ticket reads (`ticket.ts` splits the ticket with these): what a tool or
 * a chat put around it (a CI log's time, ANSI codes, a chat line's name), whether it starts a
 * request or an answer, whether it is prose, a prompt, a signature or an email header. Every
 * pattern runs over one line, and the classifier looks at a bounded piece of it: linear.
 */
import { ANSWER_READERS } from './answers';

/** Why a line was not read. */
export type UnreadReason =
  | 'prose'
  | 'signature'
  | 'email-header'
  | 'prompt'
  | 'chat'
  | 'log'
  | 'markup'
  | 'command'
  | 'unreadable'
  | 'other';

/** The longest piece of a line the classifier looks at. */
export const LOOK = 2048;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]|\[\d{1,3}(?:;\d{1,3})*m/g;
const CI_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z ?/;
const CI_COMMAND = /^##\[(group|endgroup|error|warning|notice|debug|command|section)\](?:Run )?/;
const CHAT_PREFIX =
  /^\[?(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},? )?\d{1,2}:\d\d(?::\d\d)?(?: ?[AaPp][Mm])?\]?(?: -)? [^:\n]{1,40}?: /;
/** A name and a time on their own line (Slack), or a time and a name with nothing after (Teams). */
const CHAT_HEADER =
  /^(?:[A-Z][\w.' -]{0,40}\s+(?:\[\d{1,2}:\d\d(?: ?[AP]M)?\]|\d{1,2}:\d\d(?: ?[AP]M)?)|\[?(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},? )?\d{1,2}:\d\d(?::\d\d)?(?: ?[AaPp][Mm])?\]?(?: -)? [^:\n]{1,40}:)\s*$/;
/** What a CI runner prints around a job's script (GitLab's sections and trailers, GitHub's). */
const CI_TRAILER =
  /^(?:section_(?:start|end):\d+:\S+|Cleaning up (?:project directory|file based variables)|ERROR: Job failed\b|Job succeeded$|Running with gitlab-runner\b|\s+on \S+ \S+, system ID: |Using docker image\b|Preparing the "[^"]{1,40}" executor|Preparing environment$|Getting source from Git repository$|Executing "[^"]{1,60}" stage of the job script$|Uploading artifacts\b|Error: Process completed with exit code \d+)/;
export const PROMPT =
  /^(?:\$|#|%|>>>|\.\.\.|PS [^>\n]{0,200}>|[A-Z]:\\[^>\n]{0,200}>|[\w.-]{1,64}@[\w.-]{1,64}:[^$#\n]{0,200}[$#])(?: |$)/;
/** An email's header, a reply's `On <date>, <name> wrote:`, a forward's or a quote's rule. */
export const EMAIL_HEADER =
  /^(?:(?:From|To|Cc|Bcc|Subject|Date|Sent|Reply-To|Importance):\s|On [^\n]{1,300} wrote:\s*$|-{2,} ?(?:Original Message|Forwarded message) ?-{2,}\s*$)/i;
export const SIGNATURE =
  /^(?:--\s*|(?:best|kind|warm|many)?\s*(?:regards|thanks|thank you|cheers|sincerely)[,.!]?(?:\s+\w+)?|sent from my .*|get outlook for .*)$/i;
export const FENCE = /^\s*(?:```|~~~)/;
/** A command that runs something else (a script): its output may follow. */
export const RUNNER =
  /^(?:python3?|py|node|npx|deno|bun|pwsh|powershell|bash|sh|go run|\.\/|terraform|tofu|pulumi)\S*(?:\s|$)/;

/** The first word of a request: a command, a cmdlet, a line of code that builds a call. */
export const REQUEST_START = new RegExp(
  [
    // Not `curl : ...`: Windows PowerShell's error from its curl alias (Invoke-WebRequest).
    String.raw`^(?:sudo\s+)?(?:[^\s'"]{0,200}[/\\])?curl(?:\.exe)?(?!\s+:(?:\s|$))(?:\s|$)`,
    String.raw`^(?:https?|http)\s+(?:-{1,2}\w|[A-Z]+\s|:\d*/|:/|https?://|[\w.-]+\.\w+/)`,
    String.raw`^wget(?!\s+:(?:\s|$))\s`,
    String.raw`^redisctl\s`,
    String.raw`^(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\s+[^:\s]`,
    String.raw`^\$\w+\s*=\s*(?:@\{|Invoke-|\[|New-Object)`,
    String.raw`^\$env:\w+\s*=`,
    String.raw`^(?:export|set)\s+\w+=`,
    String.raw`^(?:import\s+(?:requests|httpx|urllib|http\.client|json|os)|from\s+(?:requests|httpx|urllib|http)\b)`,
    String.raw`^(?:const|let|var)\s+\w+\s*=\s*(?:require\(|await\s+(?:fetch|axios)|axios|fetch)`,
    String.raw`^(?:import\s+axios|await\s+fetch\(|fetch\(|axios[.(])`,
    String.raw`^(?:GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(?:https?://|/)\S*(?:\s+HTTP/\d(?:\.\d)?)?\s*$`,
    String.raw`^(?:r|resp|response|res)\s*=\s*(?:requests|httpx|await|urllib)`,
    String.raw`^provider\s+"rediscloud"`,
  ].join('|'),
);
/** A line that starts with a tool's name: a command, or a sentence about the tool. */
const TOOL_WORD =
  /^(?:sudo\s+)?(?:[^\s'"]{0,200}[/\\])?(?:curl(?:\.exe)?|wget|python3?|py|node|npx|deno|bun|pwsh|powershell|bash|sh|terraform|tofu|pulumi)\s/;
/** What a command has and a sentence does not: an option, a URL, a quoted argument, a file, a variable. */
const COMMAND_SIGN =
  /(?:^|\s)-{1,2}[A-Za-z0-9]|:\/\/|(?:^|\s)['"]|[$]\w|%\w+%|\w\.(?:py|js|mjs|cjs|ts|sh|ps1|tf|go|json|txt)\b|\s[\w-]+(?:\.[\w-]+)+\/|[\\^`]\s*$|\s[|<>]/;

/**
 * A sentence that starts with a tool's name (`curl failed to verify the legitimacy of the
 * server`, `wget from the bastion host:`, `terraform plan fails immediately, I did set ...`):
 * prose, not a command, since nothing after the name is what a command has.
 */
export function proseAboutTool(text: string): boolean {
  const t = text.slice(0, LOOK);
  if (!TOOL_WORD.test(t) || COMMAND_SIGN.test(t)) return false;
  return t.trim().split(/\s+/).length > 2 && isProse(t);
}

/** What a tool printed: a status line, a curl -v trace, a body, an error a reader knows. */
const BUILT_IN_ANSWER =
  /^(?:HTTP\/\d(?:\.\d)? \d{3}|[1-5]\d\d[ \t]+(?:[{[<]|error code: ?\d)|< ?HTTP\/\d|\* +(?:Trying|Connected|Host |Could not|Closing|processing)|\{\s*"|\{\s*$|<(?:!doctype|html|\?xml)|[1-5]\d\d\s*$|error code: \d{3,4})/i;

/** The line as a tool wrote it: a CI log's time, ANSI codes, a chat line's name taken off. */
export function clean(raw: string): {
  text: string;
  reason?: UnreadReason;
  env?: boolean;
  chat?: boolean;
} {
  // The whole line is kept (a body may be long); only the classifier looks at a bounded piece.
  let t = raw;
  if (t.endsWith('\r')) t = t.slice(0, -1);
  t = t.replace(CI_TIME, '');
  if (t.includes('[')) t = t.replace(ANSI, '');
  // `##[group]Run curl ...` only titles the step: its script follows, line by line.
  if (CI_COMMAND.test(t)) return { text: '', reason: 'log' };
  if (/^env:\s*$/.test(t)) return { text: '', reason: 'log', env: true };
  if (/^shell: \S/.test(t)) return { text: '', reason: 'log' };
  const chat = CHAT_PREFIX.exec(t);
  if (chat) return { text: t.slice(chat[0].length), chat: true };
  if (CHAT_HEADER.test(t)) return { text: '', reason: 'chat' };
  if (CI_TRAILER.test(t)) return { text: '', reason: 'log' };
  return { text: t };
}

/** A line of code that names an error it handles or raises: code, not what a tool printed. */
const HANDLES_ERROR = /^(?:except\b|raise\b|try:|finally:|catch\b|\}\s*catch\b|throw\b)/;

export function isAnswerStart(text: string): boolean {
  if (HANDLES_ERROR.test(text)) return false;
  if (BUILT_IN_ANSWER.test(text)) return true;
  return ANSWER_READERS.some((r) => r.detect(text) !== null);
}

/** Sentences a person wrote: words and spaces, little code punctuation. */
export function isProse(text: string): boolean {
  const t = text.trim();
  if (!/^["'(]?[A-Za-z]/.test(t)) return false;
  // `Output:`, `And I get:`: a label a person wrote before what a tool printed.
  if (/^[A-Z][A-Za-z']*(?: [A-Za-z']+){0,5}:$/.test(t)) return true;
  // `Server: nginx`: a header, not a sentence.
  if (/^[A-Za-z][\w-]*: \S/.test(t) && t.split(/\s+/).length <= 4) return false;
  if (/[{}=;<>]|\(\)|^\w+\(|\w\.\w+\(|^\w+:\s*$|:\/\/\S*\s*$/.test(t))
    return /[.!?,]$/.test(t) && !/[{}=;]/.test(t) && wordy(t);
  return wordy(t);
}

function wordy(t: string): boolean {
  const words = t.split(/\s+/).length;
  if (words < 2) return /^[A-Z][a-z]+[,!]$/.test(t);
  let letters = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 32 ||
      c === 39 ||
      c === 44 ||
      c === 46 ||
      c > 127
    )
      letters++;
  }
  return letters / t.length > 0.85;
}

/** Whether a shell command continues on the next line: a trailing `\`, `^` or `` ` ``, or an open quote. */
export function continues(text: string, open: string | null): string | null | 'more' {
  let quote = open;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = null;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\' && i < text.length - 1) i++;
  }
  if (quote) return quote;
  return /[\\^`]\s*$/.test(text) ? 'more' : null;
}

/** Email and chat quoting: deepest nesting unwrapped (`> > > curl`); bounded, so linear. */
const MOST_QUOTE_LEVELS = 8;
const QUOTE = /^> ?/;
/** Python's prompt, not three levels of quoting. */
const REPL = /^>>> /;
/** A line curl -v prints after `> `: the request line, a header, or the blank line ending them. */
const VERBOSE_REQUEST_LINE = /^(?:[A-Z]+ \S+ HTTP\/\d(?:\.\d)?|[A-Za-z][\w-]*:(?:\s.*)?|\s*)$/;
/** A status line: curl -v prints it after `< `, never after `> `. */
const STATUS_LINE = /^HTTP\/\d(?:\.\d)? \d{3}\b/;

/**
 * Lines quoted in an email reply or a chat (`> curl ...`, `> HTTP/1.1 401`, `> > GET`) with one
 * quoting level taken off each run of lines that all carry it, as many levels as are there. A
 * run is unwrapped only when it holds what only a quote holds (a command, a status line, a
 * prose line, a quoted curl -v trace): a bare curl -v request block (`> GET /v1/ HTTP/2`,
 * `> x-api-key: ...`) is left as curl wrote it. Line numbers do not change; `depth` gets how
 * many levels each line had. Linear.
 */
export function unquote(lines: readonly string[], depth: number[] = []): string[] {
  let out = [...lines];
  for (let i = 0; i < lines.length; i++) depth[i] = 0;
  for (let level = 0; level < MOST_QUOTE_LEVELS; level++) {
    let changed = false;
    const next = [...out];
    for (let i = 0; i < out.length;) {
      if (!quoted(out[i] as string)) {
        i++;
        continue;
      }
      let end = i;
      while (end < out.length && quoted(out[end] as string)) end++;
      const inner = out.slice(i, end).map((l) => l.replace(QUOTE, ''));
      if (inner.some(onlyQuoted)) {
        for (let j = i; j < end; j++) {
          next[j] = inner[j - i] as string;
          depth[j] = (depth[j] ?? 0) + 1;
        }
        changed = true;
      }
      i = end;
    }
    out = next;
    if (!changed) break;
  }
  return out;
}

function quoted(line: string): boolean {
  return QUOTE.test(line) && !REPL.test(line);
}

/**
 * What a line holds once a quote level is off, that curl -v never prints after `> ` (looked at
 * under any further levels of quoting: `> > curl ...` is a quote of a quote).
 */
function onlyQuoted(line: string): boolean {
  let t = line.slice(0, LOOK).replace(/\r$/, '');
  let deeper = 0;
  while (deeper < MOST_QUOTE_LEVELS && quoted(t)) {
    // `> > GET /v1/`: a quoted curl -v request, under a quote of its own.
    if (/^> ?[A-Z]+ \S+ HTTP\/\d/.test(t)) return true;
    t = t.replace(QUOTE, '');
    deeper++;
  }
  if (deeper === 0 && VERBOSE_REQUEST_LINE.test(t)) return false;
  const prompt = PROMPT.exec(t);
  const command = (prompt ? t.slice(prompt[0].length) : t).trim();
  if (STATUS_LINE.test(command) || /^[<*] /.test(t)) return true;
  if (REQUEST_START.test(command) && !/^[A-Z]+ \S+ HTTP\/\d/.test(command)) return true;
  return isProse(t);
}

export const SHELL_START =
  /^(?:sudo\s+)?(?:[^\s'"]{0,200}[/\\])?(?:curl(?:\.exe)?|https?|http|wget|redisctl|terraform)(?:\s|$)/;
