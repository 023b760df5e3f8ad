/*
 * What a script printed of the answer itself: its status and then its body, the way
 * `print(r.status_code, r.text)`, `print(e.code, e.read().decode())` or
 * `console.log(res.status, await res.text())` print them: `401` with the nginx page on the next
 * line, `403 error code: 1010`, `200 {'account': {'id': 1001, ...}}` (Python prints a dict, not
 * JSON: it is read back as JSON when it is one).
 */
import type { AnswerReader } from '../reader';
import { answer, textLines } from './common';

const FORMAT = 'printed-status';
/** The status, then the body on the same line. */
const WITH_BODY = /^([1-5]\d\d)[ \t]+((?:[{[<]|error code: ?\d).*)$/;
/** The status alone, the body on the lines after it. */
const ALONE = /^([1-5]\d\d)\s*$/;
const BODY_START = /^\s*(?:[{[<]|error code: ?\d)/;

function parts(text: string): { status: number; body: string } | null {
  const lines = textLines(text);
  const at = lines.findIndex((l) => l.text.trim() !== '');
  const first = lines[at];
  if (!first) return null;
  const rest = lines.slice(at + 1).map((l) => l.text);
  const same = WITH_BODY.exec(first.text.trim());
  if (same) {
    return { status: Number(same[1]), body: [same[2], ...rest].join('\n').trim() };
  }
  const alone = ALONE.exec(first.text.trim());
  const next = rest.find((t) => t.trim() !== '');
  if (!alone || next === undefined || !BODY_START.test(next)) return null;
  return { status: Number(alone[1]), body: rest.join('\n').trim() };
}

export const printedAnswer: AnswerReader = {
  kind: 'answer',
  format: FORMAT,
  label: 'A status and a body a script printed',
  detect(text) {
    return parts(text) ? { start: 0 } : null;
  },
  read(text) {
    const read = parts(text);
    if (!read) return answer(FORMAT, { status: null, body: text });
    const json = fromPythonLiteral(read.body);
    return answer(FORMAT, {
      status: read.status,
      body: json ?? read.body,
      notes: [
        {
          message:
            json === null
              ? 'The script printed the status and then the body.'
              : 'The script printed the status and then the body as a Python dict, read here as the JSON the API sent.',
        },
      ],
    });
  },
};

/**
 * A Python literal (`{'id': 1001, 'ok': True, 'x': None}`) as JSON, or null when the text is not
 * one (or is JSON already). One pass over the text: linear.
 */
export function fromPythonLiteral(text: string): string | null {
  if (!/^[{[]\s*[{[']?/.test(text) || !text.includes("'")) return null;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === "'" || c === '"') {
      let s = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\\' && j + 1 < text.length) {
          j++;
          s += text[j] === "'" ? "'" : `\\${text[j] as string}`;
        } else s += text[j] === '"' ? '\\"' : (text[j] as string);
      }
      out += `"${s}"`;
      i = j;
      continue;
    }
    const word = /^(?:True|False|None)\b/.exec(text.slice(i, i + 6));
    if (word && !/\w/.test(text[i - 1] ?? '')) {
      out += word[0] === 'True' ? 'true' : word[0] === 'False' ? 'false' : 'null';
      i += word[0].length - 1;
      continue;
    }
    out += c;
  }
  try {
    JSON.parse(out);
    return out;
  } catch {
    return null;
  }
}
