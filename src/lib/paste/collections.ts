/*
 * Postman collections (v2.0 / v2.1) and Insomnia exports (format 4): each request is a
 * candidate. `{{name}}` is filled from the collection's (or environment's) own variables when
 * the paste holds them; otherwise it is a placeholder filled elsewhere, asked for like a shell
 * variable, never guessed.
 */
import { isSecretName } from '../secrets';
import type { Header } from '../core/exchange';
import { findJsonError } from '../core/json-error';
import {
  failAt,
  failAtLine,
  type ParseResult,
  type PastedRequest,
  type RequestFormat,
  type SensitiveValue,
  type VariableUse,
} from './result';
import { addSensitive, userinfoOf } from './sensitive';
import { basicCredentials, requestLabel } from '../core/text';
import { isRecord as isObject } from '../core/json';
import { matchIf, type RequestReader } from './reader';

const str = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : '';
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const TEMPLATE = /\{\{\s*(?:_\.)?([^{}\s]{1,100})\s*\}\}/g;
const HAS_TEMPLATE = /\{\{/;
const MAX_REQUESTS = 500;

/** Which collection format the text is, if any (cheap: looks at the start only). */
export function looksLikeCollection(text: string): 'postman' | 'insomnia' | null {
  const head = text.slice(0, 4096);
  if (!/^\s*\{/.test(head)) return null;
  if (/schema\.(?:getpostman|postman)\.com|"_postman_id"/.test(head)) return 'postman';
  if (/"__export_format"\s*:|"_type"\s*:\s*"export"/.test(head)) return 'insomnia';
  if (/"item"\s*:\s*\[/.test(head) && /"info"\s*:/.test(head)) return 'postman';
  return null;
}

interface Rendered {
  text: string;
  variables: { name: string; written: string; start: number }[];
}

/** Fills `{{name}}` from `defs`; the rest stay as variables. */
function fill(
  text: string,
  defs: ReadonlyMap<string, string>,
  sensitive: SensitiveValue[],
  secretPlace: boolean,
): Rendered {
  let out = '';
  const variables: Rendered['variables'] = [];
  let last = 0;
  for (const match of text.matchAll(TEMPLATE)) {
    out += text.slice(last, match.index);
    last = match.index + match[0].length;
    const name = match[1] ?? '';
    const value = defs.get(name);
    if (value !== undefined && value !== '') {
      if (secretPlace || isSecretName(name)) addSensitive(sensitive, value, 'environment');
      out += value;
    } else {
      variables.push({ name, written: match[0], start: out.length });
      out += match[0];
    }
  }
  return { text: out + text.slice(last), variables };
}

interface RawRequest {
  name: string;
  method: string;
  url: string;
  headers: Header[];
  body?: string;
  /** `apikey` auth put in a header, or basic auth. */
  auth: Header[];
}

function build(
  raw: RawRequest,
  defs: ReadonlyMap<string, string>,
  sensitive: SensitiveValue[],
): PastedRequest {
  const variables: VariableUse[] = [];
  const url = fill(raw.url, defs, sensitive, false);
  for (const v of url.variables) variables.push({ ...v, handling: 'expanded-by-shell', in: 'url' });
  for (const s of userinfoOf(url.text)) addSensitive(sensitive, s.value, s.source);
  const headers: Header[] = [];
  for (const h of [...raw.headers, ...raw.auth]) {
    const name = fill(h.name, defs, sensitive, false).text;
    const value = fill(h.value, defs, sensitive, true);
    for (const v of value.variables)
      variables.push({
        ...v,
        handling: 'expanded-by-shell',
        in: 'header',
        headerIndex: headers.length,
        headerName: name,
      });
    headers.push({ name, value: value.text });
  }
  const body = raw.body !== undefined ? fill(raw.body, defs, sensitive, true) : null;
  for (const v of body?.variables ?? [])
    variables.push({ ...v, handling: 'expanded-by-shell', in: 'body' });
  const request = {
    method: raw.method.toUpperCase() || 'GET',
    url: /^[a-z][a-z0-9+.-]*:\/\/|^\{\{/i.test(url.text) ? url.text : `https://${url.text}`,
    headers,
    ...(body && body.text !== '' ? { body: body.text } : {}),
  };
  if (request.url !== url.text) for (const v of variables) if (v.in === 'url') v.start += 8;
  return {
    // The request's own name may be anything the customer typed: only method and path are shown.
    label: requestLabel(request),
    request,
    variables,
    unknownOptions: [],
    notes: [],
    sensitive,
  };
}

function postmanAuth(auth: unknown): Header[] {
  if (!isObject(auth)) return [];
  const type = str(auth['type']);
  const pairs = new Map(
    list(auth[type])
      .filter(isObject)
      .map((p) => [str(p['key']), str(p['value'])]),
  );
  if (type === 'apikey' && (pairs.get('in') ?? 'header') === 'header')
    return [{ name: pairs.get('key') || 'x-api-key', value: pairs.get('value') ?? '' }];
  if (type === 'bearer')
    return [{ name: 'Authorization', value: `Bearer ${pairs.get('token') ?? ''}` }];
  if (type === 'basic') {
    const pair = `${pairs.get('username') ?? ''}:${pairs.get('password') ?? ''}`;
    return [
      {
        name: 'Authorization',
        value: HAS_TEMPLATE.test(pair) ? `Basic ${pair}` : basicCredentials(pair),
      },
    ];
  }
  return [];
}

function postmanUrl(url: unknown): string {
  if (typeof url === 'string') return url;
  if (!isObject(url)) return '';
  if (typeof url['raw'] === 'string') return url['raw'];
  const host = list(url['host']).map(str).join('.');
  const path = list(url['path']).map(str).join('/');
  const query = list(url['query'])
    .filter(isObject)
    .filter((q) => q['disabled'] !== true)
    .map((q) => `${str(q['key'])}=${str(q['value'])}`)
    .join('&');
  return `${str(url['protocol']) || 'https'}://${host}/${path}${query ? `?${query}` : ''}`;
}

function postmanRequests(
  items: unknown,
  inheritedAuth: unknown,
  out: RawRequest[],
  depth = 0,
): void {
  if (depth > 20) return;
  for (const item of list(items)) {
    if (out.length >= MAX_REQUESTS || !isObject(item)) continue;
    const auth = item['auth'] ?? inheritedAuth;
    if (Array.isArray(item['item'])) {
      postmanRequests(item['item'], auth, out, depth + 1);
      continue;
    }
    const request = item['request'];
    if (typeof request === 'string') {
      out.push({ name: str(item['name']), method: 'GET', url: request, headers: [], auth: [] });
      continue;
    }
    if (!isObject(request)) continue;
    const headers = list(request['header'])
      .filter(isObject)
      .filter((h) => h['disabled'] !== true)
      .map((h) => ({ name: str(h['key']), value: str(h['value']) }));
    const body = isObject(request['body']) ? request['body'] : {};
    const raw = body['mode'] === 'raw' ? str(body['raw']) : undefined;
    out.push({
      name: str(item['name']),
      method: str(request['method']) || 'GET',
      url: postmanUrl(request['url']),
      headers,
      ...(raw !== undefined ? { body: raw } : {}),
      auth: postmanAuth(request['auth'] ?? auth),
    });
  }
}

function insomniaRequests(resources: unknown[]): {
  requests: RawRequest[];
  defs: Map<string, string>;
} {
  const defs = new Map<string, string>();
  const requests: RawRequest[] = [];
  for (const r of resources) {
    if (!isObject(r)) continue;
    if (r['_type'] === 'environment' && isObject(r['data']))
      for (const [k, v] of Object.entries(r['data'])) if (typeof v === 'string') defs.set(k, v);
    if (r['_type'] !== 'request' || requests.length >= MAX_REQUESTS) continue;
    const auth = isObject(r['authentication']) ? r['authentication'] : {};
    const authHeaders: Header[] =
      auth['type'] === 'apikey' && auth['addTo'] !== 'queryParams'
        ? [{ name: str(auth['key']) || 'x-api-key', value: str(auth['value']) }]
        : auth['type'] === 'bearer'
          ? [{ name: 'Authorization', value: `Bearer ${str(auth['token'])}` }]
          : [];
    const body = isObject(r['body']) ? r['body'] : {};
    requests.push({
      name: str(r['name']),
      method: str(r['method']) || 'GET',
      url: str(r['url']),
      headers: list(r['headers'])
        .filter(isObject)
        .filter((h) => h['disabled'] !== true)
        .map((h) => ({ name: str(h['name']), value: str(h['value']) })),
      ...(typeof body['text'] === 'string' ? { body: body['text'] } : {}),
      auth: authHeaders,
    });
  }
  return { requests, defs };
}

/** Reads a Postman collection or an Insomnia export: one candidate per request. */
export function parseCollection(
  text: string,
  format: 'postman' | 'insomnia',
): ParseResult<PastedRequest[]> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const where = findJsonError(text);
    return failAt(
      text,
      where?.offset ?? text.length,
      `The ${format === 'postman' ? 'Postman collection' : 'Insomnia export'} is not valid JSON: expected ${where?.expected ?? 'valid JSON'} here.`,
    );
  }
  if (!isObject(data)) return failAtLine(1, 1, 'The export is not a JSON object.');
  const sensitive: SensitiveValue[] = [];
  let requests: RawRequest[] = [];
  let defs = new Map<string, string>();
  if (format === 'postman') {
    const root = isObject(data['collection']) ? data['collection'] : data;
    for (const v of list(root['variable']).filter(isObject))
      defs.set(str(v['key']), str(v['value']));
    postmanRequests(root['item'], root['auth'], requests);
  } else {
    ({ requests, defs } = insomniaRequests(list(data['resources'])));
  }
  if (requests.length === 0)
    return failAtLine(
      1,
      1,
      `This ${format === 'postman' ? 'Postman collection' : 'Insomnia export'} holds no request.`,
    );
  const value = requests.map((r) => build(r, defs, sensitive));
  return { ok: true, value };
}

export type CollectionFormat = Extract<RequestFormat, 'postman' | 'insomnia'>;

export const postmanReader: RequestReader = {
  kind: 'request',
  format: 'postman',
  label: 'Postman collection',
  detect: (text) => matchIf(looksLikeCollection(text) === 'postman'),
  read: (text) => parseCollection(text, 'postman'),
};

export const insomniaReader: RequestReader = {
  kind: 'request',
  format: 'insomnia',
  label: 'Insomnia export',
  detect: (text) => matchIf(looksLikeCollection(text) === 'insomnia'),
  read: (text) => parseCollection(text, 'insomnia'),
};
