/*
 * Python code using `requests` or `httpx`: module calls (`requests.get(...)`), sessions and
 * clients (`s = requests.Session()`, `httpx.Client(base_url=..., headers=...)`), dicts assigned
 * to names first, `os.environ[...]` / `os.getenv(...)` (not in the paste: asked for).
 */
import { buildCodeRequest } from './code-request';
import { CodeReader, entry, plainText, setEntry, type Value } from './code-values';
import { foundOrFail, runStatements } from './code-statements';
import {
  ADD_HEADER,
  pairsDict,
  preparedOf,
  urlopenRequest,
  URLLIB_REQUEST,
  URLOPEN,
  type Prepared,
} from './python-urllib';
import { addSensitive } from './sensitive';
import type { ParseResult, PastedRequest, SensitiveValue } from './result';
import { matchIf, type RequestReader } from './reader';

const METHODS = /^(?:get|post|put|patch|delete|head|options|request|stream)$/;
const CLIENT =
  /^(?:requests\.(?:Session|session)|httpx\.(?:Async)?Client|aiohttp\.ClientSession|ClientSession|Session|(?:Async)?Client)$/;
const MODULE = /^(?:requests|httpx)$/;
const CONNECTION = /^(?:http\.client\.)?(HTTPS?)Connection$/;

interface Client {
  /** `http.client`'s connection: `conn.request(method, path, body, headers)`. */
  connection?: boolean;
  baseUrl?: Value | undefined;
  headers: Value;
  auth?: Value | undefined;
}

/** True when the text looks like Python code that may call requests or httpx. */
export function looksLikePython(text: string): boolean {
  const head = text.slice(0, 65536);
  return (
    /^\s*(?:import|from)\s+(?:requests|httpx|aiohttp|http\.client|urllib(?:\.request)?|os|json)\b/m.test(
      head,
    ) ||
    /\b(?:urllib\.request\.)?(?:urlopen|Request)\s*\(/.test(head) ||
    /\b(?:requests|httpx)\.(?:get|post|put|patch|delete|head|request|Session|Client|AsyncClient)\s*\(|\baiohttp\.ClientSession\s*\(/.test(
      head,
    ) ||
    /\bos\.(?:environ|getenv)\b/.test(head)
  );
}

/** Reads every requests/httpx call in the paste, one candidate each. Never throws. */
export function parsePython(text: string): ParseResult<PastedRequest[]> {
  const reader = new CodeReader(text, 'python');
  const clients = new Map<string, Client>();
  const found: PastedRequest[] = [];
  const sensitive: SensitiveValue[] = [];
  const prepared = new Map<string, Prepared>();
  runStatements(reader, {
    statement(name) {
      const added = ADD_HEADER.exec(name)?.[1];
      if (added && prepared.has(added) && reader.is('(', 1)) {
        reader.pos += 2;
        const [key, value] = reader.args(')').positional;
        if (key && value) setEntry((prepared.get(added) as Prepared).headers, key, value);
        return true;
      }
      if (URLOPEN.test(name) && reader.is('(', 1)) {
        reader.pos += 2;
        // `opener.open(...)`: the opener's `addheaders` list of pairs, when the paste set it.
        const opener = /^(\w+)\.open$/.exec(name)?.[1];
        const added = opener ? reader.scope.get(`${opener}.addheaders`) : undefined;
        found.push(urlopenRequest(reader, prepared, sensitive, pairsDict(added)));
        return true;
      }
      // `with httpx.Client(...) as client:`
      if (CLIENT.test(name) && reader.is('(', 1)) {
        reader.pos += 2;
        const client = clientOf(reader.args(')').keyword);
        if (reader.is('as') && reader.peek(1)?.kind === 'name') {
          clients.set((reader.peek(1) as { text: string }).text, client);
          reader.pos += 2;
        }
        return true;
      }
      const call = callOf(name, clients);
      if (call && reader.is('(', 1)) {
        reader.pos += 2;
        found.push(requestOf(call.method, reader.args(')'), call.client, sensitive));
        return true;
      }
      // `headers.update({...})`, `session.headers.update({...})`
      const update = /^(.+)\.update$/.exec(name)?.[1];
      if (update && reader.is('(', 1)) {
        reader.pos += 2;
        const target = targetOf(update, reader.scope, clients);
        const { positional, keyword } = reader.args(')');
        const source = positional[0];
        if (target && source?.t === 'dict')
          for (const e of source.entries) setEntry(target, e.key, e.value);
        if (target)
          for (const [k, v] of keyword) setEntry(target, { t: 'str', parts: [{ text: k }] }, v);
        return true;
      }
      return false;
    },
    assigns: () => true,
    // `x = ...`: a client, a connection, a call read on its own, or a value for later.
    assignment(name) {
      // `r = await client.get(...)`: the call is read as the statement it is.
      if (reader.is('await')) {
        reader.pos++;
        return true;
      }
      const rhs = reader.peek();
      if (rhs?.kind === 'name' && URLLIB_REQUEST.test(rhs.text) && reader.is('(', 1)) {
        reader.pos += 2;
        prepared.set(name, preparedOf(reader.args(')')));
        return true;
      }
      if (rhs?.kind === 'name' && URLOPEN.test(rhs.text) && reader.is('(', 1)) return true;
      const connection = rhs?.kind === 'name' ? CONNECTION.exec(rhs.text) : null;
      if (connection && reader.is('(', 1)) {
        reader.pos += 2;
        const { positional, keyword } = reader.args(')');
        const host = keyword.get('host') ?? positional[0];
        const port = keyword.get('port') ?? positional[1];
        const scheme = connection[1] === 'HTTPS' ? 'https' : 'http';
        clients.set(name, {
          connection: true,
          baseUrl: {
            t: 'str',
            parts: [
              { text: `${scheme}://` },
              ...(host?.t === 'str' ? host.parts : []),
              ...(port?.t === 'str' ? [{ text: ':' }, ...port.parts] : []),
            ],
          },
          headers: { t: 'dict', entries: [] },
        });
        return true;
      }
      if (rhs?.kind === 'name' && CLIENT.test(rhs.text) && reader.is('(', 1)) {
        reader.pos += 2;
        clients.set(name, clientOf(reader.args(')').keyword));
        return true;
      }
      return rhs?.kind === 'name' && callOf(rhs.text, clients) !== null;
    },
    // `headers["x-api-key"] = ...`, `session.headers["x"] = ...`
    indexTarget: (name) => targetOf(name, reader.scope, clients),
  });
  return foundOrFail(
    text,
    found,
    'This looks like Python code, but no requests, httpx, aiohttp, http.client or urllib call was found.',
  );
}

function targetOf(
  name: string,
  scope: Map<string, Value>,
  clients: Map<string, Client>,
): Value | undefined {
  const client = /^(.+)\.headers$/.exec(name)?.[1];
  if (client) return clients.get(client)?.headers;
  const value = scope.get(name);
  return value?.t === 'dict' ? value : undefined;
}

function clientOf(keyword: Map<string, Value>): Client {
  const headers = keyword.get('headers');
  return {
    baseUrl: keyword.get('base_url'),
    headers:
      headers?.t === 'dict'
        ? { t: 'dict', entries: [...headers.entries] }
        : { t: 'dict', entries: [] },
    auth: keyword.get('auth'),
  };
}

function callOf(
  name: string,
  clients: Map<string, Client>,
): { method: string; client?: Client } | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  const object = name.slice(0, dot);
  const method = name.slice(dot + 1);
  if (!METHODS.test(method)) return null;
  if (MODULE.test(object)) return { method };
  const client = clients.get(object);
  return client ? { method, client } : null;
}

function requestOf(
  called: string,
  args: { positional: Value[]; keyword: Map<string, Value> },
  client: Client | undefined,
  shared: SensitiveValue[],
): PastedRequest {
  const { positional, keyword } = args;
  if (client?.connection) return connectionRequest(args, client, shared);
  const explicit = called === 'request' || called === 'stream';
  const methodValue = explicit ? (keyword.get('method') ?? positional[0]) : undefined;
  const methodText =
    methodValue?.t === 'str' && methodValue.parts.every((p) => 'text' in p)
      ? methodValue.parts.map((p) => ('text' in p ? p.text : '')).join('')
      : explicit
        ? 'GET'
        : called;
  const rest = explicit ? positional.slice(1) : positional;
  const url = keyword.get('url') ?? rest[0] ?? { t: 'str', parts: [] };
  const bodyPosition = /^(?:post|put|patch)$/.test(called) ? rest[1] : undefined;
  const sensitive: SensitiveValue[] = [];
  const notes = [];
  if (keyword.has('files'))
    notes.push({ message: 'files= sends a multipart form; the API takes JSON bodies.' });
  const candidate = buildCodeRequest(
    {
      method: methodText,
      url,
      baseUrl: client?.baseUrl,
      headers: [client?.headers, keyword.get('headers')],
      params: keyword.get('params'),
      json: keyword.get('json') ?? (called !== 'post' ? undefined : rest[2]),
      data: keyword.get('data') ?? keyword.get('content') ?? bodyPosition,
      auth: keyword.get('auth') ?? client?.auth,
    },
    notes,
    sensitive,
  );
  for (const s of sensitive) addSensitive(shared, s.value, s.source);
  candidate.sensitive = shared;
  return candidate;
}

/** `conn.request("GET", "/v1/", payload, headers)` of `http.client`. */
function connectionRequest(
  { positional, keyword }: { positional: Value[]; keyword: Map<string, Value> },
  client: Client,
  shared: SensitiveValue[],
): PastedRequest {
  const method = keyword.get('method') ?? positional[0];
  const sensitive: SensitiveValue[] = [];
  const candidate = buildCodeRequest(
    {
      method: (method && plainText(method)) || 'GET',
      url: keyword.get('url') ?? positional[1] ?? { t: 'str', parts: [] },
      baseUrl: client.baseUrl,
      headers: [keyword.get('headers') ?? positional[3]],
      data: keyword.get('body') ?? positional[2],
    },
    [],
    sensitive,
  );
  for (const s of sensitive) addSensitive(shared, s.value, s.source);
  candidate.sensitive = shared;
  return candidate;
}

export { entry };

export const pythonReader: RequestReader = {
  kind: 'request',
  format: 'python',
  label: 'Python (requests, httpx, http.client, urllib)',
  detect: (text) => matchIf(looksLikePython(text)),
  read: parsePython,
};
