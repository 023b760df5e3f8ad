import type { ApiRequest } from '../../lib/api/client';
import type { Header, SentRequest } from '../../lib/core/exchange';
import { buildUrl } from '../../lib/api/url';
import type { Operation, OperationParam } from '../../lib/api/catalog';
import { checkJsonBody, type JsonBodyError } from '../../lib/api/json-body';
import { ACCOUNT_KEY_HEADER, USER_KEY_HEADER } from '../../lib/core/checklist';
import type { EndpointCatalog } from './catalog.svelte';
import type { ProfileChoice } from '../../lib/profiles/choices';

export interface ExtraHeaderRow {
  id: number;
  name: string;
  value: string;
}

export interface ParamField extends OperationParam {
  value: string;
}

const WITHOUT_BODY = new Set(['GET', 'HEAD']);
const AUTH_HEADERS = new Set([ACCOUNT_KEY_HEADER, USER_KEY_HEADER]);
export const DEFAULT_TIMEOUT_SECONDS = 30;

/** Whether a header name is one of the two the profile already sends, in any casing. */
export function collidesWithAuth(name: string): boolean {
  return AUTH_HEADERS.has(name.trim().toLowerCase());
}

function splitQuery(path: string): [string, string] {
  const at = path.search(/[?#]/);
  return at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at)];
}

/**
 * The request being built. The Path text box is the one truth for path parameters: their
 * fields read from it and write into it, so typing a path by hand and filling fields agree.
 */
export class RequestDraft {
  method = $state<string>('GET');
  path = $state('/v1/');
  body = $state('');
  timeoutSeconds = $state(DEFAULT_TIMEOUT_SECONDS);
  headers = $state<ExtraHeaderRow[]>([]);
  #query = $state<Record<string, string>>({});
  #nextId = 1;
  #catalog: EndpointCatalog;

  constructor(catalog: EndpointCatalog) {
    this.#catalog = catalog;
  }

  /** The catalog operation the method and path name, once the catalog has loaded. */
  get operation(): Operation | undefined {
    return this.#catalog.match(this.method, this.path)?.operation;
  }

  get pathParams(): ParamField[] {
    const match = this.#catalog.match(this.method, this.path);
    if (!match) return [];
    return match.operation.pathParams.map((p) => {
      const value = match.params[p.name] ?? '';
      return { ...p, value: value === `{${p.name}}` ? '' : value };
    });
  }

  /** Required path parameters still empty: the path would be sent with `{name}` in it. */
  get missingPathParams(): string[] {
    return this.pathParams.filter((p) => p.required && p.value === '').map((p) => p.name);
  }

  get queryParams(): ParamField[] {
    return (this.operation?.queryParams ?? []).map((p) => ({
      ...p,
      value: this.#query[p.name] ?? '',
    }));
  }

  /** Writes a path parameter into its segment of the path; an empty value leaves `{name}`. */
  setPathParam(name: string, value: string): void {
    const operation = this.operation;
    if (!operation) return;
    const [path, rest] = splitQuery(this.path);
    const parts = path.split('/');
    const template = operation.path.split('/');
    const index = template.indexOf(`{${name}}`);
    if (index < 0 || index >= parts.length) return;
    parts[index] = value === '' ? `{${name}}` : encodeURIComponent(value);
    this.path = parts.join('/') + rest;
  }

  setQueryParam(name: string, value: string): void {
    this.#query = { ...this.#query, [name]: value };
  }

  /** Picks an operation: its method, its path template and, when it takes one, a starter body. */
  choose(operation: Operation): void {
    this.method = operation.method;
    this.path = operation.path;
    this.#query = {};
    this.body = operation.body === 'none' ? '' : (operation.starterBody ?? '{}');
  }

  /** Whether the body editor applies: the operation takes a body, or a write with none known. */
  get takesBody(): boolean {
    if (WITHOUT_BODY.has(this.method)) return false;
    const operation = this.operation;
    return operation ? operation.body !== 'none' || this.body !== '' : this.method !== 'DELETE';
  }

  /** Where the body stops being JSON, when a body will be sent. */
  get bodyError(): JsonBodyError | null {
    return this.takesBody ? checkJsonBody(this.body) : null;
  }

  addHeader(): void {
    this.headers.push({ id: this.#nextId++, name: '', value: '' });
  }

  removeHeader(id: number): void {
    this.headers = this.headers.filter((h) => h.id !== id);
  }

  get timeoutMs(): number {
    const seconds = Number(this.timeoutSeconds);
    return Number.isFinite(seconds) && seconds > 0
      ? seconds * 1000
      : DEFAULT_TIMEOUT_SECONDS * 1000;
  }

  /**
   * The request for `profile`: its two keys, then the extra headers (a row with a name or a
   * value; a colliding one is sent too, so the checklist's request stage can flag it), the
   * filled query fields and the body when one applies.
   */
  request(profile: ProfileChoice): ApiRequest {
    const extra: Header[] = this.headers
      .filter((h) => h.name.trim() !== '' || h.value !== '')
      .map((h) => ({ name: h.name.trim(), value: h.value }));
    const query = Object.fromEntries(
      this.queryParams.filter((p) => p.value !== '').map((p) => [p.name, p.value]),
    );
    const request: ApiRequest = {
      baseUrl: profile.baseUrl,
      method: this.method,
      path: this.path,
      headers: [
        { name: ACCOUNT_KEY_HEADER, value: profile.accountKey },
        { name: USER_KEY_HEADER, value: profile.userKey },
        ...extra,
      ],
    };
    if (Object.keys(query).length > 0) request.query = query;
    if (this.takesBody && this.body.trim() !== '') request.body = this.body;
    return request;
  }

  /**
   * The request as the client would send it now, with the real keys: for "Copy as", whose
   * export hides them unless the person includes them.
   */
  sentRequest(profile: ProfileChoice): SentRequest {
    const request = this.request(profile);
    const url = buildUrl(request.baseUrl, request.path, request.query);
    const headers = [...request.headers];
    if (
      request.body !== undefined &&
      !headers.some((h) => h.name.toLowerCase() === 'content-type')
    ) {
      headers.push({ name: 'content-type', value: 'application/json' });
    }
    const sent: SentRequest = {
      method: request.method.toUpperCase(),
      url: url?.href ?? `${request.baseUrl}${request.path}`,
      headers,
    };
    if (request.body !== undefined) sent.body = request.body;
    return sent;
  }
}
