/*
 * What Invoke-RestMethod and Invoke-WebRequest print when a call fails (FACTS.md, "What
 * customers paste as the answer"). Windows PowerShell 5.1: `Invoke-RestMethod : The remote
 * server returned an error: (401) Unauthorized.`, or the body (HTML rendered as text) as the
 * message, then `At line:...` and `+ CategoryInfo ...`. PowerShell 7: `Invoke-RestMethod:
 * Response status code does not indicate success: 401 (Unauthorized).`, or the body itself as the
 * message; `Get-Error` adds `StatusCode : 401` and `Response : StatusCode: 401, ReasonPhrase:`.
 */
import type { AnswerReader } from '../reader';
import {
  answer,
  detectLine,
  failureIn,
  firstLine,
  noAnswer,
  statusInBody,
  textLines,
  unreadable,
  type TextLine,
} from './common';

const FORMAT = 'powershell-error';
const CMDLET =
  /^\s*(?:PS [^>]{0,200}>\s*)?(?:(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr)\s?:|(?:curl|wget) :)(?:\s|$)/i;
const OPENS = [
  CMDLET,
  /\bParameterBindingException\b/,
  /FullyQualifiedErrorId\s*:\s*WebCmdlet/i,
  /Microsoft\.PowerShell\.Commands\.HttpResponseException/,
  /Response status code does not indicate success: \d{3}/,
  /^\s*StatusCode\s*:\s*(?:\d{3}|[A-Z][A-Za-z]+)\s*$/,
];
/** 5.1: `The remote server returned an error: (401) Unauthorized.` */
const REMOTE_ERROR = /The remote server returned an error: \((\d{3})\) ([^.\n]*)\.?/i;
/** 7: `Response status code does not indicate success: 401 (Unauthorized).` */
const NOT_SUCCESS = /Response status code does not indicate success: (\d{3}) \(([^)\n]*)\)/i;
/** Get-Error's `Response : StatusCode: 401, ReasonPhrase: 'Unauthorized'`. */
const RESPONSE_LINE = /StatusCode: (\d{3}), ReasonPhrase: '([^'\n]*)'/;
/** `$_.Exception.Response.StatusCode.value__` or Get-Error's `StatusCode : 401`. */
const STATUS_PROPERTY = /^\s*StatusCode\s*:\s*(\d{3})\s*$/;
/** PowerShell refused the arguments before running the cmdlet (curl's `-H` given to its alias). */
const REFUSED_ARGUMENTS =
  /ParameterBindingException|ParameterArgumentTransformationError|PositionalParameterNotFound|NamedParameterNotFound|Cannot bind parameter '|A parameter cannot be found that matches parameter name|A positional parameter cannot be found that accepts argument/;
/** Where PowerShell's own trailer starts after the message. */
const TRAILER =
  /^\s*(?:At line:\d|At [^\n]{1,300}:\d+ char:\d|\+ |\|\s*$|Exception\s*:|TargetObject\s*:|CategoryInfo\s*:|FullyQualifiedErrorId\s*:|ErrorDetails\s*:|InvocationInfo\s*:)/;

export const powershellAnswer: AnswerReader = {
  kind: 'answer',
  format: FORMAT,
  label: 'PowerShell (Invoke-RestMethod / Invoke-WebRequest errors)',
  detect: detectLine(OPENS),
  read(text) {
    const lines = textLines(text);
    const refused = firstLine(lines, REFUSED_ARGUMENTS);
    if (refused) {
      // FACTS.md: in Windows PowerShell 5, `curl` is an alias of Invoke-WebRequest, not curl.
      return noAnswer(FORMAT, 'refused-arguments', refused.at.text, text);
    }
    for (const l of lines) {
      const m = REMOTE_ERROR.exec(l.text) ?? NOT_SUCCESS.exec(l.text) ?? RESPONSE_LINE.exec(l.text);
      if (m) {
        return answer(FORMAT, {
          status: Number(m[1]),
          statusText: (m[2] ?? '').trim(),
        });
      }
    }
    const message = messageAfter(lines);
    const status = lines.map((l) => STATUS_PROPERTY.exec(l.text)).find((m) => m);
    if (message !== null && message.trim() !== '') {
      const failure = failureIn(message.slice(0, 2000));
      const inBody = statusInBody(message);
      if (failure && !inBody && !status) return noAnswer(FORMAT, failure, message, text);
      // The message is the answer's body: PowerShell prints it when the server sent one.
      return answer(FORMAT, {
        status: status ? Number(status[1]) : (inBody?.status ?? null),
        ...(inBody ? { statusText: inBody.statusText } : {}),
        body: message,
        notes: [
          {
            message:
              status || inBody
                ? "PowerShell printed the answer's body as its error message; the status is read from it."
                : "PowerShell printed the answer's body as its error message; it does not show the status.",
          },
        ],
      });
    }
    if (status) return answer(FORMAT, { status: Number(status[1]) });
    return unreadable(
      lines[0],
      'This looks like a PowerShell error, but it shows no status and no reason.',
    );
  },
};

/**
 * The message after `Invoke-RestMethod :` / `Invoke-RestMethod:` up to PowerShell's trailer
 * (`At line:`, `+ CategoryInfo`), its lines joined; null when no such line.
 */
function messageAfter(lines: readonly TextLine[]): string | null {
  const start = lines.findIndex((l) => CMDLET.test(l.text));
  if (start < 0) return null;
  const first = lines[start] as TextLine;
  const parts = [first.text.slice(first.text.indexOf(':') + 1).trim()];
  for (let i = start + 1; i < lines.length; i++) {
    const t = (lines[i] as TextLine).text;
    if (TRAILER.test(t)) break;
    parts.push(t);
  }
  return parts.join('\n').trim();
}

/**
 * Format-Table's heading and its rule: `account` over `-------`. The API's JSON fields start
 * lowercase, as the columns then do; a Markdown heading (`Output` over `------`) does not.
 */
const TABLE_HEAD = /^[a-z]\w*(?: +[A-Za-z]\w*)*\s*$/;
const TABLE_RULE = /^-+(?: +-+)*\s*$/;

/** The object Invoke-RestMethod returned, as PowerShell prints it: a table's heading, its rule, its rows. */
export function powershellTable(head: string, rule: string): boolean {
  const h = head.trim();
  const r = rule.trim();
  // PowerShell underlines each column's name with as many dashes as it has letters.
  return (
    TABLE_HEAD.test(h) &&
    TABLE_RULE.test(r) &&
    r.split(/ +/)[0]?.length === h.split(/ +/)[0]?.length
  );
}

/**
 * What PowerShell printed of the object a successful Invoke-RestMethod returned
 * (`account` / `-------` / `@{id=1001; name=Acme; ...}`). FACTS.md does not state that
 * Invoke-RestMethod returns an object only on success, so the status stays unknown; the body is
 * read as printed.
 */
export const powershellObject: AnswerReader = {
  kind: 'answer',
  format: 'powershell-object',
  label: 'PowerShell (the object Invoke-RestMethod returned)',
  detect(text) {
    const lines = textLines(text).filter((l) => l.text.trim() !== '');
    const [head, rule] = lines;
    return head && rule && powershellTable(head.text, rule.text) ? { start: head.offset } : null;
  },
  read(text) {
    return answer('powershell-object', {
      status: null,
      body: text.trim(),
      notes: [
        {
          message:
            'PowerShell printed the object Invoke-RestMethod returned, not the answer: the status is not shown, and the body is PowerShell’s view of it.',
        },
      ],
    });
  },
};
