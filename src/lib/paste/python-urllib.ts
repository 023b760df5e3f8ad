/*
 * Python's urllib.request, for the Python reader: `Request(url, data, headers, method=...)`,
 * `req.add_header(k, v)`, `urlopen(req or url, data)`, and an opener's `addheaders`.
 */
import { buildCodeRequest } from './code-request';
import { plainText, type Args, type CodeReader, type Value } from './code-values';
import type { PastedRequest, SensitiveValue } from './result';
import { addSensitive } from './sensitive';

/** urllib's request object and the call that sends it (or a URL). */
export const URLLIB_REQUEST = /^(?:(?:urllib\.)?request\.)?Request$/;
export const URLOPEN = /^(?:(?:urllib\.)?request\.)?urlopen$|^\w*opener\w*\.open$/i;
export const ADD_HEADER = /^(\w+)\.(?:add_header|add_unredirected_header)$/;

/** `urllib.request.Request(url, data=None, headers={}, origin_req_host=None, unverifiable=False, method=None)`. */
export interface Prepared {
  url: Value | undefined;
  data: Value | undefined;
  headers: Value;
  method: Value | undefined;
}

export function preparedOf({ positional, keyword }: Args): Prepared {
  const headers = keyword.get('headers') ?? positional[2];
  return {
    url: keyword.get('url') ?? positional[0],
    data: keyword.get('data') ?? positional[1],
    headers: { t: 'dict', entries: headers?.t === 'dict' ? [...headers.entries] : [] },
    method: keyword.get('method') ?? positional[5],
  };
}

/**
 * `urlopen(req)`, `urlopen(Request(...))`, `urlopen("https://...", data=...)`, `opener.open(...)`:
 * a Request made earlier or inline, or a URL. urllib sends POST when there is data.
 */
export function urlopenRequest(
  reader: CodeReader,
  prepared: Map<string, Prepared>,
  shared: SensitiveValue[],
  openerHeaders?: Value,
): PastedRequest {
  let request: Prepared | undefined;
  const first = reader.peek();
  if (first?.kind === 'name' && URLLIB_REQUEST.test(first.text) && reader.is('(', 1)) {
    reader.pos += 2;
    request = preparedOf(reader.args(')'));
    if (reader.is(',')) reader.pos++;
  } else if (first?.kind === 'name' && prepared.has(first.text) && !reader.is('(', 1)) {
    request = prepared.get(first.text);
    reader.pos++;
    if (reader.is(',')) reader.pos++;
  }
  const { positional, keyword } = reader.args(')');
  const url = request?.url ?? keyword.get('url') ?? positional[0] ?? { t: 'str', parts: [] };
  const data = keyword.get('data') ?? (request ? positional[0] : positional[1]) ?? request?.data;
  const method = request?.method && plainText(request.method);
  const hasData = data !== undefined && data.t !== 'none';
  const sensitive: SensitiveValue[] = [];
  const candidate = buildCodeRequest(
    {
      method: method || (hasData ? 'POST' : 'GET'),
      url,
      headers: [openerHeaders, request?.headers],
      data: hasData ? data : undefined,
    },
    [],
    sensitive,
  );
  const agent = candidate.request.headers.some((h) => h.name.toLowerCase() === 'user-agent');
  if (!agent) {
    // What was sent: urllib adds its own User-Agent when the code sets none (the minor version
    // is Python's, which the paste does not show).
    candidate.request.headers.push({ name: 'User-Agent', value: URLLIB_USER_AGENT });
    candidate.notes.push({
      message: `The code sets no User-Agent, so urllib sent its own (User-Agent: ${URLLIB_USER_AGENT}): the request as read carries it.`,
    });
  }
  for (const s of sensitive) addSensitive(shared, s.value, s.source);
  candidate.sensitive = shared;
  return candidate;
}

/** urllib's default User-Agent, `Python-urllib/<major>.<minor>`. */
const URLLIB_USER_AGENT = 'Python-urllib/3.x';

/** `[("x-api-key", k), ...]` as a dict. */
export function pairsDict(value: Value | undefined): Value | undefined {
  if (value?.t !== 'list') return undefined;
  const entries: { key: Value; value: Value }[] = [];
  for (const item of value.items) {
    const [key, v] = item.t === 'list' ? item.items : [];
    if (key && v) entries.push({ key, value: v });
  }
  return { t: 'dict', entries };
}
