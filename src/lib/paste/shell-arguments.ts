/*
 * What the shell-tool readers (curl, wget, HTTPie, redisctl) share about a command's words:
 * finding the curl command among the shell's words, collecting its arguments, reading a
 * `Name: value` header, and keeping variables' offsets through concatenation.
 */
import type { Header } from '../core/exchange';
import { locator, positionAt, type PasteNote, type VariableUse } from './result';
import type { ShellToken, ShellWord, WordVariable } from './shell-words';
import { encodeComponent } from '../core/text';

/** Text with the variables inside it, so that concatenation keeps their offsets right. */
export interface Piece {
  text: string;
  variables: readonly WordVariable[];
}

/** A header of the command, with the variables in its value and where its word began. */
export interface HeaderEntry {
  header: Header;
  variables: readonly WordVariable[];
  offset: number;
}

export const COMMAND_END = new Set([';', '&&', '||', '|', '&']);
const CURL = /^(?:.*[/\\])?curl(?:\.exe)?$/i;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;
/** Commands that run the command after them (with their own options first). */
const WRAPPER =
  /^(?:sudo|time|command|exec|nohup|env|watch|timeout|nice|xargs|stdbuf|caffeinate|proxychains4?|torsocks)$/;

/** Index of the `curl` word that starts a command, or -1. */
export function findCurl(tokens: readonly ShellToken[]): number {
  let atCommandStart = true;
  let wrapped = false;
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as ShellToken;
    if (token.kind !== 'word') {
      atCommandStart = token.kind === 'newline' || COMMAND_END.has(token.value);
      wrapped = false;
      continue;
    }
    if (atCommandStart && CURL.test(token.value)) return t;
    // Shell prompts pasted along (`$ curl`), variable assignments (`KEY=x curl`) and commands
    // that run the next one (`sudo curl`, `time curl`, `watch -n 5 curl`) come first.
    atCommandStart &&=
      token.value === '$' ||
      token.value === '>' ||
      ASSIGNMENT.test(token.value) ||
      WRAPPER.test(token.value) ||
      (wrapped && (token.value.startsWith('-') || /^\d+[smh]?$/.test(token.value)));
    wrapped ||= WRAPPER.test(token.value);
  }
  return -1;
}

/** The words of the command after `curl`, up to where the shell would end it. */
export function collectArguments(
  text: string,
  tokens: readonly ShellToken[],
  start: number,
  notes: PasteNote[],
): ShellWord[] {
  const args: ShellWord[] = [];
  let warned = false;
  for (let t = start + 1; t < tokens.length; t++) {
    const token = tokens[t] as ShellToken;
    if (token.kind === 'word') {
      args.push(token);
    } else if (token.kind === 'operator') {
      if (COMMAND_END.has(token.value)) break;
      // A redirection: its target is a file (or a here-document's delimiter, after `<<`).
      for (let next = tokens[t + 1]; next?.kind === 'operator' && !COMMAND_END.has(next.value);)
        next = tokens[++t + 1];
      t++;
    } else {
      // People often paste a multi-line command whose continuation characters were lost.
      const next = tokens[t + 1];
      if (next?.kind !== 'word' || !/^-|^https?:/i.test(next.value)) break;
      if (!warned) {
        warned = true;
        notes.push({
          message:
            'A line ends without a continuation character: a shell would run the next line as a separate command. It is read as one command.',
          ...positionAt(text, token.offset),
        });
      }
    }
  }
  return args;
}

/** The note for `-H @file`, which also tells the key checks the headers are not shown. */
export const HEADERS_FROM_FILE = 'Headers are read from a file, which is not in the paste.';

/** Adds `-H name: value`; curl skips a header without a colon, and `name;` sends it empty. */
export function addHeader(
  word: ShellWord,
  headers: HeaderEntry[],
  notes: PasteNote[],
  locate: Locate,
): void {
  const raw = word.value;
  if (raw.startsWith('@')) {
    notes.push(note(locate, word, HEADERS_FROM_FILE));
    return;
  }
  const colon = raw.indexOf(':');
  if (colon <= 0) {
    if (raw.endsWith(';') && raw.length > 1) {
      headers.push({
        header: { name: raw.slice(0, -1), value: '' },
        variables: [],
        offset: word.offset,
      });
    } else if (word.variables.some((v) => v.handling === 'expanded-by-shell')) {
      notes.push(
        note(
          locate,
          word,
          'A whole header comes from a shell variable: the paste does not show it.',
        ),
      );
    } else {
      notes.push(note(locate, word, 'A header without a colon: curl does not send it.'));
    }
    return;
  }
  const name = raw.slice(0, colon).trim();
  let valueStart = colon + 1;
  while (raw[valueStart] === ' ' || raw[valueStart] === '\t') valueStart++;
  const value = raw.slice(valueStart);
  if (value === '') {
    notes.push(
      note(locate, word, `"-H ${name}:" with no value removes that header instead of sending it.`),
    );
    return;
  }
  headers.push({
    header: { name, value },
    variables: shift(word.variables, -valueStart),
    offset: word.offset,
  });
}

export function use(
  v: WordVariable,
  where: VariableUse['in'],
  header?: { index: number; name: string },
): VariableUse {
  // Built in one literal: spreading a returned object is a slow path on large pastes.
  return header
    ? {
        name: v.name,
        written: v.written,
        handling: v.handling,
        in: where,
        headerIndex: header.index,
        headerName: header.name,
        start: v.start,
      }
    : { name: v.name, written: v.written, handling: v.handling, in: where, start: v.start };
}

/** Variables moved by `by` characters; those that end up before the start are dropped. */
export function shift(variables: readonly WordVariable[], by: number): WordVariable[] {
  return variables.filter((v) => v.start + by >= 0).map((v) => ({ ...v, start: v.start + by }));
}

export function sliceWord(word: ShellWord, from: number): ShellWord {
  return { ...word, value: word.value.slice(from), variables: shift(word.variables, -from) };
}

export function join(pieces: readonly Piece[], separator: string): Piece {
  let text = '';
  const variables: WordVariable[] = [];
  pieces.forEach((piece, index) => {
    if (index > 0) text += separator;
    variables.push(...shift(piece.variables, text.length));
    text += piece.text;
  });
  return { text, variables };
}

export function appendQuery(url: Piece, query: Piece): Piece {
  return join([url, query], url.text.includes('?') ? '&' : '?');
}

/** `--data-urlencode name=content`: the content part is percent-encoded. */
export function urlencodeData(value: string): string {
  if (value.startsWith('@') || /^[^=]*@/.test(value)) return value;
  const eq = value.indexOf('=');
  if (eq < 0) return encodeComponent(value);
  return value.slice(0, eq + 1) + encodeComponent(value.slice(eq + 1));
}

export type Locate = ReturnType<typeof locator>;

export function note(locate: Locate, word: ShellWord, message: string): PasteNote {
  return { message, ...locate(word.offset) };
}

/**
 * The text with what is not the shell's blanked to spaces of the same length (so positions stay
 * right): a Windows prompt before the command (`PS C:\> `, `PS> `, `C:\Users\me> `) and
 * Markdown code fences. `command` is the tool's name (`curl`, `http`, `wget`).
 */
export function shellText(text: string, command: 'curl' | 'http' | 'wget'): string {
  const tool = command === 'http' ? '(?:https?|xhs?)' : command === 'wget' ? 'wget2?' : 'curl';
  const notShell = new RegExp(
    `^(?:PS(?: [^>\\n]{0,200})?>|[A-Za-z]:\\\\[^>\\n]{0,200}>)(?=[ \\t]*(?:\\S*[/\\\\])?${tool}(?:\\.exe)?[ \\t])|^[ \\t]*\`\`\`[\\w-]*[ \\t]*$`,
    'gim',
  );
  return text.replace(notShell, (m) => ' '.repeat(m.length));
}
