/*
 * JavaScript and TypeScript: `fetch(url, {method, headers, body})`, axios (`axios.get(url,
 * config)`, `axios.post(url, data, config)`, `axios({...})`, instances from `axios.create`),
 * and Node's `https.request(options)`. `process.env.X` is not in the paste: asked for.
 */
import { buildCodeRequest } from './code-request';
import { CodeReader, entry, plainText, setEntry, type Args, type Value } from './code-values';
import { foundOrFail, runStatements, tagged } from './code-statements';
import type { ParseResult, PastedRequest, SensitiveValue } from './result';
import { addSensitive } from './sensitive';
import { matchIf, type RequestReader } from './reader';

const DECLARATION = new Set(['const', 'let', 'var']);
const AXIOS_METHODS = /^(?:get|delete|head|options|post|put|patch|request)$/;
/** Where `axios.defaults.headers.common[name] = value` (and `.headers[...]`) is kept. */
const AXIOS_DEFAULTS = 'axios.defaults.headers.common';

/** got and ky, which take `(url, { method, headers, json, body, searchParams, prefixUrl })`. */
const GOT_KY = /^(?:got|ky)(?:\.(get|post|put|patch|delete|head))?$/;

/** True when the text looks like JavaScript that may make a request. */
export function looksLikeJavaScript(text: string): boolean {
  const head = text.slice(0, 65536);
  return (
    /\b(?:fetch|axios(?:\.\w+)?|https?\.(?:request|get))\s*\(|\bnew\s+XMLHttpRequest\b/.test(
      head,
    ) ||
    /\b(?:const|let|var)\s+[\w{[]/.test(head) ||
    /\brequire\(\s*['"]|^\s*import\s.+\sfrom\s+['"]/m.test(head) ||
    /\bprocess\.env\b/.test(head)
  );
}

/** Reads every fetch, axios and https.request call, one candidate each. Never throws. */
export function parseJavaScript(text: string): ParseResult<PastedRequest[]> {
  const reader = new CodeReader(text, 'javascript');
  const instances = new Map<string, Value>();
  const found: PastedRequest[] = [];
  const sensitive: SensitiveValue[] = [];
  const xhrs = new Map<string, Xhr>();
  const defaults: Value = { t: 'dict', entries: [] };
  reader.scope.set(AXIOS_DEFAULTS, defaults);
  reader.scope.set('axios.defaults.headers', defaults);
  const add = (candidate: PastedRequest) => {
    for (const s of candidate.sensitive) addSensitive(sensitive, s.value, s.source);
    candidate.sensitive = sensitive;
    found.push(candidate);
  };
  runStatements(reader, {
    statement(name) {
      if (DECLARATION.has(name) && reader.peek(1)?.kind === 'name' && reader.is('=', 2)) {
        reader.pos++;
        return true;
      }
      if (!reader.is('(', 1)) return false;
      // XMLHttpRequest: `x.open(method, url)`, `x.setRequestHeader(k, v)`, `x.send(body)`.
      const xhr = /^(.+)\.(open|setRequestHeader|send)$/.exec(name);
      const opened = xhr?.[1] ? xhrs.get(xhr[1]) : undefined;
      if (xhr && opened) {
        reader.pos += 2;
        const [first, second] = reader.args(')').positional;
        if (xhr[2] === 'open') {
          opened.method = first;
          opened.url = second;
        } else if (xhr[2] === 'setRequestHeader') {
          if (first && second) setEntry(opened.headers, first, second);
        } else {
          add(xhrRequest(opened, first));
          opened.sent = true;
        }
        return true;
      }
      const read = readCall(name, reader, instances);
      if (read && read !== 'instance') add(read);
      return read !== null;
    },
    assigns: () => true,
    assignment(name) {
      const rhs = reader.peek();
      if (reader.is('new') && reader.is('XMLHttpRequest', 1)) {
        reader.pos += 2;
        if (reader.is('(')) {
          reader.pos++;
          reader.args(')');
        }
        xhrs.set(name, { headers: { t: 'dict', entries: [] }, sent: false });
        return true;
      }
      if (rhs?.kind === 'name' && /^axios\.create$/.test(rhs.text) && reader.is('(', 1)) {
        reader.pos += 2;
        instances.set(name, reader.args(')').positional[0] ?? { t: 'dict', entries: [] });
        return true;
      }
      if (rhs?.kind === 'name' && reader.is('(', 1) && isRequestCall(rhs.text, instances))
        return true;
      return rhs?.kind === 'name' && rhs.text === 'await';
    },
    // `obj.key = value` on a dict assigned earlier.
    store(name, raw) {
      const member = /^(.+)\.([A-Za-z_$][\w$]*)$/.exec(name);
      const target = member?.[1] ? reader.scope.get(member[1]) : undefined;
      const value = tagged(raw, name);
      if (member?.[2] && target?.t === 'dict')
        setEntry(target, { t: 'str', parts: [{ text: member[2] }] }, value);
      else reader.scope.set(name, value);
    },
    indexTarget: (name) => reader.scope.get(name),
  });
  // A paste cut before `send()` still shows what was opened.
  for (const x of xhrs.values()) if (!x.sent && x.url) add(xhrRequest(x, undefined));
  return foundOrFail(
    text,
    found,
    'This looks like JavaScript code, but no fetch, axios, XMLHttpRequest or https.request call was found.',
  );
}

function isRequestCall(name: string, instances: Map<string, Value>): boolean {
  if (/^(?:fetch|window\.fetch|globalThis\.fetch|axios|https?\.(?:request|get))$/.test(name))
    return true;
  if (GOT_KY.test(name)) return true;
  const dot = name.lastIndexOf('.');
  const object = name.slice(0, dot);
  return (
    dot > 0 &&
    AXIOS_METHODS.test(name.slice(dot + 1)) &&
    (object === 'axios' || instances.has(object))
  );
}

/** `headers.set("x", y)` / `.append` on a dict, a request call, or null. */
function readCall(
  name: string,
  reader: CodeReader,
  instances: Map<string, Value>,
): PastedRequest | 'instance' | null {
  const setter = /^(.+)\.(?:set|append)$/.exec(name)?.[1];
  const target = setter ? reader.scope.get(setter) : undefined;
  if (target?.t === 'dict') {
    reader.pos += 2;
    const [key, value] = reader.args(')').positional;
    if (key && value) setEntry(target, key, value);
    return 'instance';
  }
  if (!isRequestCall(name, instances)) return null;
  reader.pos += 2;
  const args = reader.args(')');
  if (/^(?:fetch|window\.fetch|globalThis\.fetch)$/.test(name)) return fetchRequest(args);
  if (/^https?\.(?:request|get)$/.test(name)) return nodeRequest(name, args);
  const gotKy = GOT_KY.exec(name);
  if (gotKy) return gotKyRequest(gotKy[1], args);
  const dot = name.lastIndexOf('.');
  const object = dot > 0 ? name.slice(0, dot) : name;
  const method = dot > 0 ? name.slice(dot + 1) : 'request';
  // `axios.defaults.headers.common[...] = ...` goes with every axios call.
  const defaults = {
    headers: reader.scope.get(AXIOS_DEFAULTS),
    baseUrl: reader.scope.get('axios.defaults.baseURL'),
  };
  return axiosRequest(method, args, instances.get(object), defaults);
}

const dictOr = (v: Value | undefined): Value | undefined => (v?.t === 'dict' ? v : undefined);

/** `got(url, options)`, `ky.post(url, options)`: the method from the name or the options. */
function gotKyRequest(called: string | undefined, { positional }: Args): PastedRequest {
  const [url, options] = positional;
  const method = entry(options, 'method');
  return buildCodeRequest(
    {
      method: called?.toUpperCase() ?? ((method && plainText(method)?.toUpperCase()) || 'GET'),
      url: url ?? entry(options, 'url') ?? { t: 'str', parts: [] },
      baseUrl: prefixed(entry(options, 'prefixUrl') ?? entry(options, 'prefix'), url),
      headers: [headersDict(entry(options, 'headers'))],
      params: entry(options, 'searchParams'),
      json: entry(options, 'json'),
      data: entry(options, 'body'),
    },
    [],
    [],
  );
}

/** got's and ky's `prefixUrl` and the input are joined with one slash. */
function prefixed(prefix: Value | undefined, url: Value | undefined): Value | undefined {
  if (prefix?.t !== 'str') return prefix;
  const base = plainText(prefix);
  const path = url ? plainText(url) : null;
  if (base === null || path === null || base.endsWith('/') || path.startsWith('/')) return prefix;
  return { t: 'str', parts: [...prefix.parts, { text: '/' }] };
}

/** An XMLHttpRequest as the code sets it up before `send()`. */
interface Xhr {
  method?: Value | undefined;
  url?: Value | undefined;
  headers: Value;
  sent: boolean;
}

function xhrRequest(x: Xhr, body: Value | undefined): PastedRequest {
  return buildCodeRequest(
    {
      method: (x.method && plainText(x.method)?.toUpperCase()) || 'GET',
      url: x.url ?? { t: 'str', parts: [] },
      headers: [x.headers],
      data: body,
    },
    [],
    [],
  );
}

function fetchRequest({ positional }: Args): PastedRequest {
  const [url, init] = positional;
  const method = entry(init, 'method');
  return buildCodeRequest(
    {
      method: (method && plainText(method)) || 'GET',
      url: url ?? { t: 'str', parts: [] },
      headers: [headersDict(entry(init, 'headers'))],
      data: entry(init, 'body'),
    },
    [],
    [],
  );
}

/** Headers as a dict, or a list of pairs (`[["x-api-key", k]]`) as a dict. */
function headersDict(value: Value | undefined): Value | undefined {
  if (value?.t !== 'list') return dictOr(value);
  return {
    t: 'dict',
    entries: value.items.flatMap((pair) =>
      pair.t === 'list' && pair.items.length >= 2
        ? [{ key: pair.items[0] as Value, value: pair.items[1] as Value }]
        : [],
    ),
  };
}

function axiosRequest(
  method: string,
  { positional }: Args,
  instance: Value | undefined,
  defaults: { headers: Value | undefined; baseUrl: Value | undefined },
): PastedRequest {
  let config: Value | undefined;
  let url: Value | undefined;
  let data: Value | undefined;
  if (method === 'request' || !AXIOS_METHODS.test(method)) {
    // `axios(config)` or `axios(url, config)`
    if (positional[0]?.t === 'dict') config = positional[0];
    else [url, config] = positional;
  } else if (/^(?:post|put|patch)$/.test(method)) [url, data, config] = positional;
  else [url, config] = positional;
  url ??= entry(config, 'url');
  data ??= entry(config, 'data');
  const methodValue = entry(config, 'method');
  const chosen =
    AXIOS_METHODS.test(method) && method !== 'request'
      ? method
      : (methodValue && plainText(methodValue)) || 'GET';
  const body = data && data.t !== 'str' && data.t !== 'none' ? { json: data } : { data };
  return buildCodeRequest(
    {
      method: chosen,
      url: url ?? { t: 'str', parts: [] },
      baseUrl: entry(config, 'baseURL') ?? entry(instance, 'baseURL') ?? defaults.baseUrl,
      headers: [
        defaults.headers,
        dictOr(entry(instance, 'headers')),
        dictOr(entry(config, 'headers')),
      ],
      params: entry(config, 'params'),
      ...body,
    },
    [],
    [],
  );
}

function nodeRequest(name: string, { positional }: Args): PastedRequest {
  const [first, second] = positional;
  const options = first?.t === 'dict' ? first : dictOr(second);
  let url: Value | undefined = first?.t === 'str' ? first : undefined;
  if (!url && options) {
    const host = entry(options, 'hostname') ??
      entry(options, 'host') ?? { t: 'str', parts: [{ text: 'localhost' }] };
    const port = entry(options, 'port');
    const path = entry(options, 'path') ?? { t: 'str', parts: [{ text: '/' }] };
    const scheme = name.startsWith('https') ? 'https' : 'http';
    url = {
      t: 'str',
      parts: [
        { text: `${scheme}://` },
        ...(host.t === 'str' ? host.parts : []),
        ...(port?.t === 'str' ? [{ text: ':' }, ...port.parts] : []),
        ...(path.t === 'str' ? path.parts : []),
      ],
    };
  }
  const method = entry(options, 'method');
  const notes = [];
  if (/\.request$/.test(name))
    notes.push({
      message: 'The body of https.request is written later with req.write(); it is not read.',
    });
  return buildCodeRequest(
    {
      method: (method && plainText(method)) || 'GET',
      url: url ?? { t: 'str', parts: [] },
      headers: [dictOr(entry(options, 'headers'))],
    },
    notes,
    [],
  );
}

export const javascriptReader: RequestReader = {
  kind: 'request',
  format: 'javascript',
  label: 'JavaScript (fetch, axios, XHR)',
  detect: (text) => matchIf(looksLikeJavaScript(text)),
  read: parseJavaScript,
};
