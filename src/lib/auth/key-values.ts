import type { Finding } from '../core/checklist';
import { describeCodePoint } from '../core/code-points';
import { refusedHeaderCharacter } from '../api/header-value';
import { capitalize } from './text';

/** Which of the two keys a value is meant to be. */
export type KeyRole = 'account' | 'user';

/** How a value leaves: `fetch` strips surrounding whitespace, curl and most tools send it. */
export type Sender = 'fetch' | 'other';

export type KeyValueIssue =
  | 'empty'
  | 'placeholder'
  | 'header-line'
  | 'auth-scheme'
  | 'quotes'
  | 'whitespace'
  | 'character'
  | 'same-value'
  | 'swapped'
  | 'in-url';

/** A finding about one key value, with how bad it is, for forms that colour it. */
export interface KeyValueFinding extends Finding {
  /** `fail`: this value can never work as sent. `warn`: it may work but something is off. */
  severity: 'fail' | 'warn';
  issue: KeyValueIssue;
}

export interface KeyValueOptions {
  /** Omit when unknown (e.g. a stored profile value): whitespace is then a warning. */
  sender?: Sender;
  /** The header name as written, copied into each finding. */
  header?: string;
}

export const KEY_NAME: Readonly<Record<KeyRole, string>> = {
  account: 'the account key',
  user: 'the user key',
};

/** A value that is a stand-in for a key rather than a key: safe to name, since it is no secret. */
export interface Placeholder {
  text: string;
  /** Why it reached the API unreplaced, as the tail of a sentence. */
  reason: string;
}

const SHELL_VAR = /^\$(?:[A-Za-z_]\w*|\{[A-Za-z_]\w*\})$/;
const WINDOWS_VAR = /^%[A-Za-z_]\w*%$/;
const ANGLE = /^<[^<>]{1,60}>$/;
const TEMPLATE = /^\{\{[^{}]{1,60}\}\}$/;
// Whole-word patterns only: a real key that happened to match would be echoed as a placeholder.
const EXAMPLE_WORDS =
  /^(?:(?:your|my|the|insert|enter|paste|put)[-_ ]?)?(?:(?:redis|cloud|rediscloud|api|account|user|secret|access|x)[-_ ]?){0,4}(?:key|secret|token)(?:[-_ ]?(?:here|value))?$/i;
const FILLER = /^(?:replace[-_ ]?me|change[-_ ]?me|todo|x{4,}|\.{3,})$/i;

/** The placeholder a value is, or null. Matches the whole value only: a key may hold `$`. */
export function placeholderIn(value: string): Placeholder | null {
  // Only spaces are trimmed: any other character around a placeholder is reported on its own.
  const text = value.replace(/^ +| +$/g, '');
  if (text.length > 80) return null;
  if (SHELL_VAR.test(text)) {
    return {
      text,
      reason:
        'a shell leaves a variable unexpanded inside single quotes, and the text then goes out as it is',
    };
  }
  if (WINDOWS_VAR.test(text)) {
    return {
      text,
      reason: 'cmd expands %NAME% only when the variable is set, and PowerShell never does',
    };
  }
  if (TEMPLATE.test(text)) {
    return { text, reason: 'a tool replaces a template variable only when it is defined' };
  }
  if (/^\*{3,}$/.test(text)) {
    return { text, reason: 'it was likely copied from a field that masks the key' };
  }
  if (/^(?:undefined|null)$/i.test(text)) {
    return { text, reason: 'a script likely put an unset variable into the header' };
  }
  if (ANGLE.test(text) || EXAMPLE_WORDS.test(text) || FILLER.test(text)) {
    return { text, reason: 'it comes from an example and was never replaced with a key' };
  }
  return null;
}

/** Which key a placeholder's name points to (`$SECRET_KEY` names the user key), if any. */
export function placeholderRole(placeholder: Placeholder): KeyRole | null {
  const name = placeholder.text.toLowerCase();
  const user = /secret|user/.test(name);
  const account = /account|access/.test(name);
  if (user && !account) return 'user';
  if (account && !user) return 'account';
  return null;
}

const PRINTABLE = /^[\x20-\x7e]*$/;
const HTTP_EDGE_WHITESPACE = new Set([0x09, 0x0a, 0x0d, 0x20]);

/** What happens to a character on its way out, as the tail of a sentence. */
function consequence(value: string, code: number, atEdge: boolean): string {
  if (atEdge && HTTP_EDGE_WHITESPACE.has(code)) {
    return 'fetch strips it before sending, but curl and other tools send it or break the header line, and the API then likely sees a key that does not exist';
  }
  const refused = refusedHeaderCharacter(value);
  if (refused && refused.char.codePointAt(0) === code) {
    return 'fetch refuses to send a header holding it (a TypeError before anything leaves; tools show only "Failed to fetch"), and other tools send bytes that are likely no part of the key';
  }
  return 'it is sent as part of the key, which then likely matches no key: such characters come from copying out of chat, mail or documents';
}

function characterFindings(value: string, which: KeyRole, header?: string): KeyValueFinding[] {
  if (PRINTABLE.test(value)) return [];
  const seen = new Map<number, { first: number; count: number }>();
  const chars = [...value];
  chars.forEach((char, index) => {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x20 && code <= 0x7e) return;
    const entry = seen.get(code);
    if (entry) entry.count += 1;
    else seen.set(code, { first: index + 1, count: 1 });
  });
  const key = capitalize(KEY_NAME[which]);
  const total = chars.length;
  return [...seen].map(([code, { first, count }]) => {
    const name = describeCodePoint(code);
    const last = count === 1 && first === total;
    let where: string;
    if (count > 1) where = `holds ${name} ${count} times, first at character ${first}`;
    else if (first === 1) where = `starts with ${name} (character 1)`;
    else if (last) where = `ends with ${name} (character ${first})`;
    else where = `holds ${name} at character ${first}`;
    const atEdge = count === 1 && (first === 1 || last);
    return finding(
      `${key} ${where}: ${consequence(value, code, atEdge)}.`,
      'fail',
      'character',
      header,
    );
  });
}

function finding(
  message: string,
  severity: KeyValueFinding['severity'],
  issue: KeyValueIssue,
  header?: string,
): KeyValueFinding {
  return header === undefined ? { message, severity, issue } : { header, message, severity, issue };
}

function spaces(count: number): string {
  return count === 1 ? 'a space' : `${count} spaces`;
}

/** Wrappings around the key: a pasted header line, an auth scheme, quotes. */
function shapeFindings(value: string, key: string, header?: string): KeyValueFinding[] {
  const found: KeyValueFinding[] = [];
  const trimmed = value.replace(/^ +| +$/g, '');
  const line = /^\s*(x-api-key|x-api-secret-key)\s*:/i.exec(trimmed);
  if (line) {
    found.push(
      finding(
        `${key} starts with the header name ${line[1]?.toLowerCase()}: the value must be the key alone.`,
        'fail',
        'header-line',
        header,
      ),
    );
  }
  const scheme = /^(bearer|basic|token|apikey)\s+/i.exec(trimmed);
  if (scheme) {
    found.push(
      finding(
        `${key} starts with the auth scheme "${scheme[1]} ": the API reads the bare key, with no scheme in front.`,
        'fail',
        'auth-scheme',
        header,
      ),
    );
  }
  const open = trimmed.charAt(0);
  const close = trimmed.charAt(trimmed.length - 1);
  if (trimmed.length >= 2 && `"'\``.includes(open) && open === close) {
    const kind = open === '"' ? 'double quotes' : open === "'" ? 'single quotes' : 'backticks';
    found.push(
      finding(
        `${key} is wrapped in ${kind}: they are sent as part of the key.`,
        'fail',
        'quotes',
        header,
      ),
    );
  } else if (trimmed.length >= 1 && (`"'\``.includes(open) || `"'\``.includes(close))) {
    found.push(
      finding(
        `${key} ${`"'\``.includes(open) ? 'starts' : 'ends'} with a quote character: likely left over from quoting, since a quote is sent as part of the key.`,
        'warn',
        'quotes',
        header,
      ),
    );
  }
  return found;
}

/**
 * Everything that can never be right about one key value (FACTS.md, "Mistakes seen in the
 * wild"): empty, a placeholder, a pasted header line, an auth-scheme prefix, surrounding quotes,
 * surrounding spaces, and any character outside printable ASCII (each named by code point and
 * position, never echoed). The value's length and alphabet are not documented, so nothing is
 * judged by shape. Findings never hold the value or a piece of it; a placeholder is named since
 * it is no secret. Surrounding spaces are a `fail` for `sender: 'other'` (curl sends them) and a
 * `warn` otherwise (fetch strips them). Never throws.
 */
export function checkKeyValue(
  value: string,
  which: KeyRole,
  options: KeyValueOptions = {},
): KeyValueFinding[] {
  const { header, sender } = options;
  const key = capitalize(KEY_NAME[which]);
  if (value === '') return [finding(`${key} is empty.`, 'fail', 'empty', header)];
  if (/^ +$/.test(value)) {
    return [finding(`${key} is only spaces: there is no key in it.`, 'fail', 'empty', header)];
  }
  const found: KeyValueFinding[] = [];
  const placeholder = placeholderIn(value);
  if (placeholder) {
    const what = placeholder.text.startsWith('$') ? 'the shell variable' : 'the placeholder';
    found.push(
      finding(
        `The value is ${what} ${placeholder.text}, not a key: ${placeholder.reason}.`,
        'fail',
        'placeholder',
        header,
      ),
    );
  } else {
    found.push(...shapeFindings(value, key, header));
  }
  const lead = value.length - value.replace(/^ +/, '').length;
  const trail = value.length - value.replace(/ +$/, '').length;
  if (lead > 0 || trail > 0) {
    const where = [
      lead > 0 ? `starts with ${spaces(lead)}` : '',
      trail > 0 ? `ends with ${spaces(trail)}` : '',
    ]
      .filter(Boolean)
      .join(' and ');
    const effect =
      sender === 'fetch'
        ? 'fetch strips them, so this request was sent without them, but a cURL copy of it would send them'
        : sender === 'other'
          ? 'curl and most tools send trailing spaces as part of the key, which then likely matches no key'
          : 'fetch strips them, but curl and most tools send trailing spaces as part of the key';
    found.push(
      finding(
        `${key} ${where}: ${effect}.`,
        sender === 'other' && trail > 0 ? 'fail' : 'warn',
        'whitespace',
        header,
      ),
    );
  }
  found.push(...characterFindings(value, which, header));
  return found;
}
