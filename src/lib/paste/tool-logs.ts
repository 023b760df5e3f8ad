/*
 * What the Go client (inside the Terraform provider and Pulumi) and RedisInsight print. None of
 * them shows the key headers, by design (the Go client logs a request before it adds them), so
 * every candidate carries `keysNotShown`: the key items cannot be judged from the paste.
 */
import type { ReceivedResponse } from '../core/exchange';
import { springErrorPath } from '../auth/response-body';
import { readRequest, readResponse, type Line } from './http-message';
import {
  failAtLine,
  utf8Size,
  type ParseResult,
  type PastedRequest,
  type PasteNote,
  type RequestFormat,
} from './result';
import { requestLabel } from '../core/text';
import { matchIf, type RequestReader } from './reader';

const BASE = 'https://api.redislabs.com/v1';
const GO_KEYS_HIDDEN =
  'The Go client (Terraform, Pulumi) never prints the key headers: it logs a request before adding them, so the paste cannot show whether they were sent or what they held. Ask for the fingerprints of REDISCLOUD_ACCESS_KEY and REDISCLOUD_SECRET_KEY.';
const INSIGHT_KEYS_HIDDEN =
  "RedisInsight's error does not show the request or its key headers: compare the keys' fingerprints instead.";
/** Terraform's frame around a diagnostic: `╷`, `│ `, `╵`. */
const FRAME = /^[ \t]*(?:│ ?|╷|╵)/;
/** hclog's prefix, and the Go logger's date that may follow it. */
const LOG_PREFIX =
  /^\S*\d{4}-\d\d-\d\dT[\d:.]+\S*\s+\[(?:TRACE|DEBUG|INFO|WARN|ERROR)\]\s+[^:\n]*:\s?(?:\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d\s+)?(?:\[(?:TRACE|DEBUG|INFO|WARN|ERROR)\]\s+)?(?:\[rediscloud-go-api\]\s*)?/;
const FAILED = /failed to ([^:\n]{1,120}): (\d{3}) - /;
/** A failed task as the Go client prints it: `500 INTERNAL_SERVER_ERROR - GENERAL_ERROR: ...`. */
const TASK_FAILED = /\b([1-5]\d\d) [A-Z_]{2,40} - ([A-Z_]{2,60}): ([^\n]*)/;
/** The path the Go client requests for a few common operations; others stay unknown. */
const OPERATION_PATH: ReadonlyArray<[RegExp, string, string]> = [
  [/^list subscriptions$/i, 'GET', '/subscriptions'],
  [/^(?:get|retrieve) (?:the )?(?:current )?account$/i, 'GET', '/'],
  [/^list (?:payment methods)$/i, 'GET', '/payment-methods'],
  [/^list cloud accounts$/i, 'GET', '/cloud-accounts'],
  [/^list (?:fixed|essentials) subscriptions$/i, 'GET', '/fixed/subscriptions'],
  [/^list (?:database )?modules$/i, 'GET', '/database-modules'],
  [/^list regions$/i, 'GET', '/regions'],
  [/^list data persistence options$/i, 'GET', '/data-persistence'],
  [/^list acl users$/i, 'GET', '/acl/users'],
  [/^list acl roles$/i, 'GET', '/acl/roles'],
  [/^list acl redis rules$/i, 'GET', '/acl/redisRules'],
  [/^create subscription$/i, 'POST', '/subscriptions'],
];

/** True when the text looks like the output of one of these tools. */
export function looksLikeToolLog(text: string): RequestFormat | null {
  const head = text.slice(0, 262144);
  if (/---\[ REQUEST \]---/.test(head)) return 'terraform-log';
  if (/Cloud\w*Exception|CloudCapi/.test(head)) return 'redisinsight';
  const unframed = head.replace(/\n[ \t]*│ ?/g, '\n');
  if (FAILED.test(unframed) || TASK_FAILED.test(unframed)) return 'go-client';
  return null;
}

function lines(text: string): Line[] {
  return text.split('\n').map((raw, i) => {
    let t = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let column = 1;
    const frame = FRAME.exec(t);
    if (frame) {
      column += frame[0].length;
      t = t.slice(frame[0].length);
    }
    const prefix = LOG_PREFIX.exec(t);
    if (prefix) {
      column += prefix[0].length;
      t = t.slice(prefix[0].length);
    }
    return { text: t, line: i + 1, column };
  });
}

function candidate(
  method: string,
  url: string,
  response: ReceivedResponse | undefined,
  notes: PasteNote[],
  keysNotShown: string,
): PastedRequest {
  const request = { method, url, headers: [] };
  return {
    label: requestLabel(request) + (response?.status ? ` -> ${response.status}` : ''),
    request,
    ...(response ? { response } : {}),
    variables: [],
    unknownOptions: [],
    notes,
    sensitive: [],
    keysNotShown,
  };
}

/** Reads a TF_LOG dump: each `---[ REQUEST ]---` block with the `---[ RESPONSE ]---` after it. */
export function parseTerraformLog(text: string): ParseResult<PastedRequest[]> {
  const all = lines(text);
  const found: PastedRequest[] = [];
  let last: PastedRequest | null = null;
  for (let i = 0; i < all.length; i++) {
    const marker = /---\[ (REQUEST|RESPONSE) \]---/.exec(all[i]?.text ?? '');
    if (!marker) continue;
    const block: Line[] = [];
    let j = i + 1;
    for (; j < all.length; j++) {
      const l = all[j] as Line;
      if (/^-{10,}\s*$/.test(l.text) || /---\[ (?:REQUEST|RESPONSE) \]---/.test(l.text)) break;
      block.push(l);
    }
    i = j - 1;
    if (marker[1] === 'REQUEST') {
      const read = readRequest(block, 'https');
      if (!read.ok) continue;
      last = candidate(
        read.value.request.method,
        read.value.request.url,
        undefined,
        [...read.value.notes],
        GO_KEYS_HIDDEN,
      );
      last.request.headers = read.value.request.headers;
      if (read.value.request.body !== undefined) last.request.body = read.value.request.body;
      found.push(last);
    } else if (last && !last.response) {
      const read = readResponse(block);
      if (!read.ok) continue;
      last.response = read.value.response;
      last.label += ` -> ${read.value.response.status}`;
    }
  }
  if (found.length === 0) {
    return failAtLine(
      1,
      1,
      'This looks like a Terraform debug log, but no "---[ REQUEST ]---" block could be read.',
    );
  }
  return { ok: true, value: found };
}

/** The method a Go client error's words name: `create` POST, `update` PUT, `delete` DELETE. */
function methodOf(operation: string): string {
  const verb = operation.trim().toLowerCase();
  if (/^(?:create|add|attach|enable|activate)\b/.test(verb)) return 'POST';
  if (/^(?:update|modify|set|change)\b/.test(verb)) return 'PUT';
  if (/^(?:delete|remove|detach|disable|deactivate)\b/.test(verb)) return 'DELETE';
  return 'GET';
}

/** Reads `failed to <op>: <status> - <body>`, inside Terraform's frame or not. */
export function parseGoError(text: string): ParseResult<PastedRequest[]> {
  const all = lines(text);
  const joined = all.map((l) => l.text).join('\n');
  const match = FAILED.exec(joined);
  const task = match ? null : TASK_FAILED.exec(joined);
  if (task) {
    // The task's own status is not the HTTP status: the API answered the task query with 200.
    const body = task[0];
    const response: ReceivedResponse = {
      status: 200,
      statusText: '',
      headers: [],
      body,
      size: utf8Size(body),
    };
    const note = {
      message:
        'A task failed: the API accepted the request and answered the task query with HTTP 200, and the task itself ended in an error (its own status is in the body). The error does not show which request started the task.',
    };
    return {
      ok: true,
      value: [candidate('GET', `${BASE}/tasks`, response, [note], GO_KEYS_HIDDEN)],
    };
  }
  if (!match) return failAtLine(1, 1, 'No "failed to ...: <status> - ..." error was found.');
  const [, operation = '', status = '0'] = match;
  let body = joined.slice(match.index + match[0].length);
  // The body ends where Terraform's diagnostic does: a blank line then "with ..." or the frame end.
  const end = body.search(/\n\s*\n\s*(?:with |on )|\n╵/);
  if (end >= 0) body = body.slice(0, end);
  body = body.replace(/\s+$/, '');
  const named = OPERATION_PATH.find(([pattern]) => pattern.test(operation.trim()));
  // An operation the table does not name: the API's error body may give the path, and the
  // error's verb the method. Nothing is assumed beyond that.
  const path = springErrorPath(body);
  const known: readonly [unknown, string, string] | undefined =
    named ?? (path?.startsWith('/v1/') ? [null, methodOf(operation), path.slice(3)] : undefined);
  const notes: PasteNote[] = [
    known
      ? {
          message: named
            ? `The error names the operation: read as ${known[1]} ${known[2]}.`
            : `The error's body names the path, and its words the method: read as ${known[1]} /v1${known[2]}.`,
        }
      : {
          message:
            'The error shows neither the URL nor the path, so the request cannot be judged. Ask which resource failed.',
        },
  ];
  const response: ReceivedResponse = {
    status: Number(status),
    statusText: '',
    headers: [],
    body,
    size: utf8Size(body),
  };
  return {
    ok: true,
    value: [
      candidate(
        known?.[1] ?? 'GET',
        known ? `${BASE}${known[2]}` : '',
        response,
        notes,
        GO_KEYS_HIDDEN,
      ),
    ],
  };
}

/** RedisInsight's `CloudCapiUnauthorizedException` with the answer as its `cause`. */
export function parseRedisInsight(text: string): ParseResult<PastedRequest[]> {
  const status = /status code (\d{3})|"?status(?:Code)?"?\s*[:=]\s*(\d{3})/.exec(text);
  const code = Number(
    status?.[1] ??
      status?.[2] ??
      (/Unauthorized/.test(text) ? 401 : /Forbidden/.test(text) ? 403 : 0),
  );
  const cause =
    /cause"?\s*[:=]\s*(?:"((?:\\.|[^"\\])*)"|'((?:\\.|[^'\\])*)'|(<html[\s\S]*?<\/html>))/i.exec(
      text,
    );
  let body = cause?.[1] ?? cause?.[2] ?? cause?.[3] ?? '';
  if (cause?.[1] !== undefined) {
    try {
      body = JSON.parse(`"${cause[1]}"`) as string;
    } catch {
      // Kept as written.
    }
  } else if (!cause) body = /<html[\s\S]*?<\/html>/i.exec(text)?.[0] ?? '';
  if (!code)
    return failAtLine(1, 1, 'This looks like a RedisInsight error, but it shows no status code.');
  const response: ReceivedResponse = {
    status: code,
    statusText: '',
    headers: [],
    body,
    size: utf8Size(body),
  };
  return {
    ok: true,
    value: [
      candidate(
        'GET',
        `${BASE}/`,
        response,
        [
          {
            message:
              "RedisInsight's error does not show which request failed; GET /v1/ is assumed. Ask which action failed in RedisInsight.",
          },
        ],
        INSIGHT_KEYS_HIDDEN,
      ),
    ],
  };
}

export const terraformLogReader: RequestReader = {
  kind: 'request',
  format: 'terraform-log',
  label: 'Terraform log',
  detect: (text) => matchIf(looksLikeToolLog(text) === 'terraform-log'),
  read: parseTerraformLog,
};

export const redisInsightReader: RequestReader = {
  kind: 'request',
  format: 'redisinsight',
  label: 'RedisInsight error',
  detect: (text) => matchIf(looksLikeToolLog(text) === 'redisinsight'),
  read: parseRedisInsight,
};

export const goClientReader: RequestReader = {
  kind: 'request',
  format: 'go-client',
  label: 'Go client error',
  detect: (text) => matchIf(looksLikeToolLog(text) === 'go-client'),
  read: parseGoError,
};
