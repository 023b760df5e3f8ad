import type { ReceivedResponse } from '../core/exchange';
import { jsonObject } from '../core/json';

/** What kind of body came back; a 401 and a 404 each come in more than one shape. */
export type BodyKind = 'empty' | 'json' | 'nginx-html' | 'html' | 'text';

/** What the `GET /v1/` body says about the account and the key (FACTS.md). */
export interface AccountInfo {
  accountId?: number;
  accountName?: string;
  keyName?: string;
  allowedSourceIps?: string[];
  httpSourceIp?: string;
}

export const BODY_WORDS: Readonly<Record<BodyKind, string>> = {
  empty: 'an empty body',
  json: 'a JSON body',
  'nginx-html':
    "an nginx HTML page (likely from the API's front web server, before the application)",
  html: 'an HTML page',
  text: 'a plain-text body',
};

/**
 * The start of an HTML page as servers write it: `<html>`, a doctype, or a page that leaves those
 * out and starts at `<head>`, `<meta>`, `<title>` or `<body>` (a captive portal's refresh page);
 * an XML prolog or comments may come first (Squid's and IIS's pages). Bounded: no backtracking
 * past the first few thousand characters.
 */
const HTML_START =
  /^(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[^>]{0,500}-->\s*){0,3}<(?:!doctype\s+html|html|head|body|meta|title)\b/i;

/** The body's kind: empty, JSON, the nginx error page, other HTML, or text. Never throws. */
export function bodyKind(body: string): BodyKind {
  const text = body.trim();
  if (text === '') return 'empty';
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      JSON.parse(text);
      return 'json';
    } catch {
      return 'text';
    }
  }
  if (HTML_START.test(text.slice(0, 4000))) {
    return /nginx/i.test(text) ? 'nginx-html' : 'html';
  }
  return 'text';
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string')
    ? (value as string[])
    : undefined;
}

/** The account and key fields of a `GET /v1/` body, or null when the body is not one. */
export function parseAccount(body: string): AccountInfo | null {
  const account = record(jsonObject(body)?.account);
  if (!account) return null;
  const key = record(account.key);
  const info: AccountInfo = {};
  const id = typeof account.id === 'number' ? account.id : key?.accountId;
  if (typeof id === 'number') info.accountId = id;
  const name = typeof account.name === 'string' ? account.name : key?.accountName;
  if (typeof name === 'string') info.accountName = name;
  if (typeof key?.name === 'string') info.keyName = key.name;
  const allowed = stringList(key?.allowedSourceIps);
  if (allowed) info.allowedSourceIps = allowed;
  if (typeof key?.httpSourceIp === 'string') info.httpSourceIp = key.httpSourceIp;
  return info;
}

/**
 * The status a body states about itself (the nginx page's title, the Spring JSON `status`, a
 * `GET /v1/` account body), for a pasted answer without its status line; null when it states
 * none.
 */
export function statusFromBody(body: string): number | null {
  const head = body.length > HEAD ? body.slice(0, HEAD) : body;
  const title = /<title>\s*(\d{3})\b/i.exec(head);
  if (title?.[1]) return Number(title[1]);
  const json = jsonObject(body);
  if (json) {
    const status = json.status;
    if (typeof status === 'number' && status >= 100 && status <= 599) return status;
    if (record(json.account)) return 200;
  }
  const spring = SPRING_IN_TEXT.exec(head)?.[1];
  if (spring) return Number(spring);
  return null;
}

/** Only the start of a body is searched for a stated status. */
const HEAD = 20_000;

/** The Spring error's JSON inside a tool's message (PowerShell 7 prints the body as its error). */
export const SPRING_IN_TEXT =
  /"timestamp"\s*:\s*"[^"\n]{0,60}"\s*,\s*"status"\s*:\s*([1-5]\d\d)\s*,\s*"error"/;

/** The `path` of a Spring Boot error body (`{"timestamp", "status", "error", "path"}`), if any. */
export function springErrorPath(body: string): string | null {
  const json = jsonObject(body);
  return json && typeof json.path === 'string' && typeof json.error === 'string' ? json.path : null;
}

/** A header of the answer, compared without case. */
export function responseHeader(response: ReceivedResponse, name: string): string | undefined {
  const lower = name.toLowerCase();
  return response.headers.find((h) => h.name.toLowerCase() === lower)?.value;
}
