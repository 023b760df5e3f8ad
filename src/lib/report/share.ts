/*
 * "Copy link": the findings and the redacted exchange in the URL fragment, which browsers never
 * send to a server. The token is `1z.` + base64url of deflate-raw JSON (CompressionStream), or
 * `1p.` + base64url of the plain JSON where compression is missing or does not help.
 */
import * as v from 'valibot';
import type { Exchange, Header, ReceivedResponse } from '../core/exchange';
import { isSecretHeader, redactRequest } from '../auth/redact';
import { base64ToBytes, bytesToBase64 } from '../core/text';
import { redactUrl } from './redact-url';
import { reportSecrets, type ReportInput } from './report';
import { scrubDeep, scrubSecrets } from './scrub';
import { SHARE_SCHEMA, type SharedReport } from './share-schema';

export type { SharedReport } from './share-schema';

/** The hash route that opens a shared report, and its parameter. */
export const SHARE_ROUTE = '/diagnose';
export const SHARE_PARAM = 'share';
/** Bodies are cut to this many characters: the link must stay short enough to paste. */
export const SHARED_BODY_LIMIT = 4000;
/** A decoded link larger than this is refused (a small link can inflate to a huge text). */
const MAX_DECODED_BYTES = 2_000_000;

export type ShareDecodeResult =
  { ok: true; value: SharedReport } | { ok: false; error: { message: string } };

/**
 * The fragment (without `#`) of a link that opens Diagnose on this report:
 * `/diagnose?share=<token>`. Secret header values become their fingerprints, secret-looking query
 * values are redacted, bodies are cut to 4000 characters, and any run of 8 characters of a
 * secret sent in the request (or of a value the user typed) is scrubbed from every text and checked absent from the token.
 */
export async function encodeShareFragment(input: ReportInput): Promise<string> {
  const secrets = reportSecrets(input);
  const payload: SharedReport = scrubDeep(
    {
      v: 1,
      at: input.at.toISOString(),
      checklist: input.checklist,
      exchange: await redactExchange(input.exchange),
      fingerprints: input.fingerprints,
    },
    secrets,
  );
  const fragment = (token: string) => `${SHARE_ROUTE}?${SHARE_PARAM}=${token}`;
  // Base64 of unrelated bytes could spell 8 characters of a key by chance: vary a field that
  // carries nothing until the token is clean, and as a last resort scrub the token itself (the
  // link is then refused as damaged, which is better than carrying a piece of a key).
  for (let n = 0; n < 64; n++) {
    const token = await pack(JSON.stringify(n === 0 ? payload : { ...payload, n }));
    if (scrubSecrets(token, secrets) === token) return fragment(token);
  }
  return fragment(scrubSecrets(await pack(JSON.stringify(payload)), secrets));
}

/**
 * Reads a share link back: accepts the whole URL, the fragment (with or without `#`) or the
 * token alone. Never throws; a damaged or foreign link gets a clear error.
 */
export async function decodeShareFragment(input: string): Promise<ShareDecodeResult> {
  const fail = (message: string): ShareDecodeResult => ({ ok: false, error: { message } });
  try {
    const at = input.indexOf(`${SHARE_PARAM}=`);
    const token = (at >= 0 ? input.slice(at + SHARE_PARAM.length + 1) : input.replace(/^#/, ''))
      .split('&')[0]
      ?.trim();
    const match = /^1([zp])\.([A-Za-z0-9_-]+)$/.exec(token ?? '');
    if (!match) return fail('This is not a Keycheck report link, or it was cut short.');
    const bytes = base64ToBytes(match[2] ?? '');
    if (!bytes) return fail('The link is damaged: its data is not valid base64url.');
    let json: Uint8Array;
    if (match[1] === 'z') {
      if (typeof DecompressionStream === 'undefined') {
        return fail('This browser cannot open compressed links (no DecompressionStream).');
      }
      const inflated = await inflate(bytes);
      if (inflated === 'too-large') return fail('The link holds more data than a report can.');
      if (!inflated) return fail('The link is damaged: its data does not decompress.');
      json = inflated;
    } else {
      json = bytes;
    }
    if (json.length > MAX_DECODED_BYTES) return fail('The link holds more data than a report can.');
    let data: unknown;
    try {
      data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
    } catch {
      return fail('The link is damaged: its data is not readable.');
    }
    const checked = v.safeParse(SHARE_SCHEMA, data);
    if (!checked.success) {
      const path = v.getDotPath(checked.issues[0]);
      return fail(
        `The link is not a report this version of Keycheck can show${path ? ` (at ${path})` : ''}.`,
      );
    }
    const value: SharedReport = checked.output;
    return { ok: true, value };
  } catch {
    return fail('The link could not be read.');
  }
}

async function redactExchange(exchange: Exchange): Promise<Exchange> {
  const request = await redactRequest(exchange.request);
  const cut = (body: string) =>
    body.length > SHARED_BODY_LIMIT
      ? `${body.slice(0, SHARED_BODY_LIMIT)}\n[cut: ${body.length} characters in all]`
      : body;
  const response: ReceivedResponse | undefined = exchange.response && {
    ...exchange.response,
    headers: exchange.response.headers.map(hideSecretHeader),
    body: cut(exchange.response.body),
  };
  return {
    source: exchange.source,
    request: {
      method: request.method,
      url: redactUrl(request.url),
      headers: request.headers,
      ...(request.body !== undefined ? { body: cut(request.body) } : {}),
    },
    ...(response ? { response } : {}),
    ...(exchange.failure ? { failure: exchange.failure } : {}),
    ...(exchange.startedAt ? { startedAt: exchange.startedAt } : {}),
    ...(exchange.durationMs !== undefined ? { durationMs: exchange.durationMs } : {}),
  };
}

/** A response's cookies and tokens are not the customer's to share either. */
function hideSecretHeader(h: Header): Header {
  return isSecretHeader(h.name) && h.value !== '' ? { name: h.name, value: '[redacted]' } : h;
}

async function pack(json: string): Promise<string> {
  const plain = new TextEncoder().encode(json);
  if (typeof CompressionStream !== 'undefined') {
    try {
      const stream = new Blob([plain]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const deflated = new Uint8Array(await new Response(stream).arrayBuffer());
      if (deflated.length < plain.length) return `1z.${base64url(deflated)}`;
    } catch {
      // Some engines lack 'deflate-raw': the plain form always works.
    }
  }
  return `1p.${base64url(plain)}`;
}

function base64url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Inflates with a cap on the output; null when the data is not deflate-raw. */
async function inflate(bytes: Uint8Array): Promise<Uint8Array | null | 'too-large'> {
  try {
    const stream = new Blob([bytes.slice()])
      .stream()
      .pipeThrough(new DecompressionStream('deflate-raw'));
    const reader = stream.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > MAX_DECODED_BYTES) {
        await reader.cancel();
        return 'too-large';
      }
      chunks.push(value);
    }
    const out = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  } catch {
    return null;
  }
}
