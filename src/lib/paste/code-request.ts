/*
 * From the values a code reader found (URL, headers, query, body) to a `PastedRequest`: values
 * the paste does not show become variables in the request, as a shell-expanded `$VAR` does;
 * literals that came from an assignment are reported as sensitive.
 */
import { isSecretName } from '../secrets';
import { ACCOUNT_KEY_HEADER, USER_KEY_HEADER } from '../core/checklist';
import type { Header } from '../core/exchange';
import { asText, entry, plainText, toJson, type Part, type Value } from './code-values';
import type { PastedRequest, PasteNote, SensitiveValue, VariableUse } from './result';
import { addSensitive, userinfoOf } from './sensitive';
import { base64Utf8, encodeComponent, requestLabel } from '../core/text';

export interface CodeRequest {
  method: string;
  url: Value;
  /** `baseURL` / `base_url` of a client, put before a relative URL. */
  baseUrl?: Value | undefined;
  /** Header dicts, later ones overriding earlier ones (a client's, then the call's). */
  headers: (Value | undefined)[];
  params?: Value | undefined;
  json?: Value | undefined;
  /** A dict is sent form-encoded; text as it is. */
  data?: Value | undefined;
  /** `(user, password)`: HTTP basic auth. */
  auth?: Value | undefined;
  contentType?: string | undefined;
}

interface Rendered {
  text: string;
  variables: { name: string; written: string; start: number }[];
}

function render(
  parts: readonly Part[],
  sensitive: SensitiveValue[],
  secretPlace: boolean,
  encode = false,
): Rendered {
  let text = '';
  const variables: Rendered['variables'] = [];
  for (const p of parts) {
    if ('variable' in p) {
      variables.push({ ...p.variable, start: text.length });
      text += p.variable.written;
      continue;
    }
    if (p.from && (secretPlace || isSecretName(p.from)))
      addSensitive(sensitive, p.text, 'assignment');
    text += encode ? encodeComponent(p.text) : p.text;
  }
  return { text, variables };
}

function headerName(key: Value): string {
  const plain = plainText(key);
  if (plain !== null) return plain;
  return asText(key)
    .map((p) => ('text' in p ? p.text : p.variable.written))
    .join('');
}

/** Builds the candidate; `notes` and `sensitive` are the reader's own so far. */
export function buildCodeRequest(
  parts: CodeRequest,
  notes: PasteNote[],
  sensitive: SensitiveValue[],
): PastedRequest {
  const variables: VariableUse[] = [];
  const use = (
    r: Rendered,
    where: VariableUse['in'],
    offset = 0,
    header?: { index: number; name: string },
  ) => {
    for (const v of r.variables) {
      variables.push({
        name: v.name,
        written: v.written,
        handling: 'expanded-by-shell',
        in: where,
        start: v.start + offset,
        ...(header ? { headerIndex: header.index, headerName: header.name } : {}),
      });
    }
  };

  // The URL: base + relative URL, then the query.
  let urlParts = asText(parts.url);
  const first = urlParts[0];
  const absolute = first && 'text' in first && /^[a-z][a-z0-9+.-]*:\/\//i.test(first.text);
  if (parts.baseUrl && !absolute) {
    const base = asText(parts.baseUrl);
    const last = base[base.length - 1];
    const slash =
      last &&
      'text' in last &&
      last.text.endsWith('/') &&
      first &&
      'text' in first &&
      first.text.startsWith('/');
    urlParts = [
      ...base,
      ...(slash && first && 'text' in first
        ? [{ ...first, text: first.text.slice(1) }, ...urlParts.slice(1)]
        : urlParts),
    ];
  }
  const url = render(urlParts, sensitive, false);
  for (const s of userinfoOf(url.text)) addSensitive(sensitive, s.value, s.source);
  const query: Rendered[] = [];
  if (parts.params?.t === 'dict') {
    for (const e of parts.params.entries) {
      if (e.value.t === 'none') continue;
      const values = e.value.t === 'list' ? e.value.items : [e.value];
      for (const v of values) {
        const key = render(asText(e.key), sensitive, true, true);
        const value = render(asText(v), sensitive, true, true);
        query.push({
          text: `${key.text}=${value.text}`,
          variables: [
            ...key.variables,
            ...value.variables.map((x) => ({ ...x, start: x.start + key.text.length + 1 })),
          ],
        });
      }
    }
  } else if (parts.params?.t === 'str') {
    query.push(render(parts.params.parts, sensitive, true));
  }
  let urlText = url.text;
  const urlVariables = [...url.variables];
  query.forEach((q, i) => {
    urlText += i === 0 ? (urlText.includes('?') ? '&' : '?') : '&';
    urlVariables.push(...q.variables.map((v) => ({ ...v, start: v.start + urlText.length })));
    urlText += q.text;
  });
  use({ text: urlText, variables: urlVariables }, 'url');

  // Headers: later dicts override earlier ones, names compared without case.
  const merged = new Map<string, { name: string; value: Value }>();
  for (const dict of parts.headers) {
    if (dict?.t !== 'dict') continue;
    for (const e of dict.entries) {
      const name = headerName(e.key);
      if (e.value.t === 'none') merged.delete(name.toLowerCase());
      else merged.set(name.toLowerCase(), { name, value: e.value });
    }
  }
  // `headers=HEADERS` where the paste does not show HEADERS: the headers sent are not known.
  const hiddenHeaders = parts.headers.some(
    (dict) => dict?.t === 'str' && dict.parts.some((part) => 'variable' in part),
  );
  const headers: Header[] = [];
  for (const { name, value } of merged.values()) {
    const r = render(asText(value), sensitive, true);
    use(r, 'header', 0, { index: headers.length, name });
    headers.push({ name, value: r.text });
  }
  if (parts.auth?.t === 'list' && parts.auth.items.length >= 2) {
    const [user, password] = parts.auth.items as [Value, Value];
    const u = render(asText(user), sensitive, true);
    const p = render(asText(password), sensitive, true);
    for (const piece of [u, p])
      if (piece.variables.length === 0) addSensitive(sensitive, piece.text, 'config');
    const known = u.variables.length === 0 && p.variables.length === 0;
    const value = known
      ? `Basic ${base64Utf8(`${u.text}:${p.text}`)}`
      : `Basic ${u.text}:${p.text}`;
    if (!known)
      use(
        {
          text: value,
          variables: [
            ...u.variables,
            ...p.variables.map((v) => ({ ...v, start: v.start + u.text.length + 1 })),
          ].map((v) => ({ ...v, start: v.start + 6 })),
        },
        'header',
        0,
        { index: headers.length, name: 'Authorization' },
      );
    headers.push({ name: 'Authorization', value });
    notes.push({
      message:
        'Basic auth sends an Authorization header, which the API does not read: it reads x-api-key and x-api-secret-key.',
    });
  }

  // The body.
  const has = (name: string) => headers.some((h) => h.name.toLowerCase() === name);
  if (parts.contentType && !has('content-type'))
    headers.push({ name: 'Content-Type', value: parts.contentType });
  let body: Rendered | null = null;
  if (parts.json && parts.json.t !== 'none') {
    body = render(toJson(parts.json), sensitive, true);
    if (!has('content-type')) headers.push({ name: 'Content-Type', value: 'application/json' });
  } else if (parts.data?.t === 'dict' && parts.data.entries.length > 0) {
    const pairs = parts.data.entries.map((e) => {
      const key = render(asText(e.key), sensitive, true, true);
      const value = render(asText(e.value), sensitive, true, true);
      return {
        text: `${key.text}=${value.text}`,
        variables: [
          ...key.variables,
          ...value.variables.map((x) => ({ ...x, start: x.start + key.text.length + 1 })),
        ],
      };
    });
    let text = '';
    const vars: Rendered['variables'] = [];
    pairs.forEach((p, i) => {
      if (i) text += '&';
      vars.push(...p.variables.map((v) => ({ ...v, start: v.start + text.length })));
      text += p.text;
    });
    body = { text, variables: vars };
    if (!has('content-type'))
      headers.push({ name: 'Content-Type', value: 'application/x-www-form-urlencoded' });
  } else if (parts.data && parts.data.t !== 'none' && parts.data.t !== 'dict') {
    body = render(asText(parts.data), sensitive, true);
    // An empty payload (Postman's generated `data = ''`) sends no body.
    if (body.text === '' && body.variables.length === 0) body = null;
  }
  if (parts.contentType && !has('content-type'))
    headers.push({ name: 'Content-Type', value: parts.contentType });
  if (body) use(body, 'body');

  const request = {
    method: parts.method.toUpperCase(),
    url: urlText,
    headers,
    ...(body ? { body: body.text } : {}),
  };
  return {
    label: requestLabel(request),
    request,
    variables,
    unknownOptions: [],
    notes,
    sensitive,
    ...(hiddenHeaders &&
    !headers.some((h) => [ACCOUNT_KEY_HEADER, USER_KEY_HEADER].includes(h.name.toLowerCase()))
      ? {
          keysNotShown:
            'The code takes its headers from a variable the paste does not define: the key headers cannot be judged from it. Ask for the code that sets them.',
        }
      : {}),
  };
}

/** The header dict of a client or config value (`headers` entry), if any. */
export function headersOf(config: Value | undefined): Value | undefined {
  return entry(config, 'headers');
}
