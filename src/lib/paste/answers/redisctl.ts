/*
 * What redisctl prints (FACTS.md, "What customers paste as the answer"): `Task <id>:
 * processing-error`, `Cloud API error: ...`, and errors with the status in parentheses
 * (`Error: API error (401): ...`) or after the words (`Authentication failed: 401 Unauthorized`).
 */
import type { AnswerReader } from '../reader';
import {
  answer,
  detectLine,
  failureIn,
  firstLine,
  noAnswer,
  textLines,
  unreadable,
} from './common';

const FORMAT = 'redisctl-output';
const TASK =
  /^\s*Task ([\w-]{1,80}): (processing-error|processing-completed|processing-in-progress|received|initialized)\b(.*)$/;
const CLOUD_ERROR = /Cloud API error:? ?(.*)$/;
const IN_PARENS = /\((?:status:? ?|HTTP )?([1-5]\d\d)\)/;
const WORDS =
  /\b([1-5]\d\d) (Unauthorized|Forbidden|Not Found|Too Many Requests|Bad Request|Conflict|Internal Server Error|Service Unavailable|Precondition Failed|Unprocessable Entity)\b/;
const OPENS = [
  TASK,
  CLOUD_ERROR,
  /\bredisctl\b.*(?:error|failed)/i,
  /^Error: (?:Authentication failed|API error|Request failed|HTTP error|Rate limited|Not found)/,
];

export const redisctlAnswer: AnswerReader = {
  kind: 'answer',
  format: FORMAT,
  label: "redisctl's output",
  detect: detectLine(OPENS),
  read(text) {
    const lines = textLines(text);
    for (const l of lines) {
      const m = IN_PARENS.exec(l.text) ?? WORDS.exec(l.text);
      if (m && /error|fail|denied|limit|Unauthorized|Forbidden/i.test(l.text)) {
        return answer(FORMAT, { status: Number(m[1]), body: l.text.trim() });
      }
    }
    const task = firstLine(lines, TASK);
    if (task) {
      const state = task.match[2] ?? '';
      const rest = (task.match[3] ?? '').replace(/^[\s:-]+/, '');
      const body = JSON.stringify({
        taskId: task.match[1],
        status: state,
        ...(rest ? { description: rest } : {}),
      });
      return answer(FORMAT, {
        status: 200,
        statusText: '',
        body,
        notes: [
          {
            message: `redisctl printed the task's state (${state}): the API accepted the request and answered the task query.`,
            line: task.at.line,
          },
        ],
      });
    }
    const cloud = firstLine(lines, CLOUD_ERROR);
    const kind = cloud ? failureIn(cloud.at.text) : null;
    if (cloud && kind) return noAnswer(FORMAT, kind, cloud.at.text.trim(), text);
    if (cloud) return answer(FORMAT, { status: null, body: (cloud.match[1] ?? '').trim() });
    return unreadable(lines[0], "This looks like redisctl's output, but it shows no status.");
  },
};
