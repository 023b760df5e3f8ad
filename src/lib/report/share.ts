/*
 * "Copy link": the findings and the safe exchange in the URL fragment, which browsers never
 * send to a server. The token is `1z.` + base64url of deflate-raw JSON (CompressionStream), or
 * `1p.` + base64url of the plain JSON where compression is missing or does not help. The JSON
 * is version 3: the checklist's structure without a sentence (ids, statuses, ranks, the
 * verdict); the page it opens writes every sentence again with the app's own words
 * (`share-rebuild.ts`). Links of versions 1 and 2 carried sentences, so they are refused.
 */
import * as v from 'valibot';
import type { Exchange, Header } from '../core/exchange';
import { base64ToBytes, bytesToBase64 } from '../core/text';
import type { KeyPrint, ReportInput } from './report';
import { SHARE_CAPS, SHARE_SCHEMA, type SharePayload, type SharedReport } from './share-schema';
import { carriedChecklist, rebuildChecklist, type CarriedChecklist } from './share-rebuild';

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
 * `/diagnose?share=<token>`. `input` is the safe view and the redacted checklist (see
 * `lib/secrets`); bodies are cut to 4000 characters, every other text to what the link's schema
 * admits (`SHARE_CAPS`); what still does not fit is refused with a message. `leaks` tells whether a text still holds a
 * piece of a secret: base64 of unrelated bytes could spell one by chance, so a token that does
 * is made again with a different filler until it does not.
 */
export async function encodeShareFragment(
  input: ReportInput,
  leaks: (text: string) => boolean = () => false,
): Promise<string> {
  const payload: SharePayload = {
    v: 3,
    at: input.at.toISOString(),
    checklist: carriedChecklist(input.checklist),
    exchange: fitted(input.exchange),
    fingerprints: {
      account: linkPrint(input.fingerprints.account),
      user: linkPrint(input.fingerprints.user),
    },
  };
  // Checked before it is compressed: compression would hide a key from any later check. The
  // checklist it carries is the app's own ids and statuses (the schema admits nothing else), so
  // only what came from the paste is checked: a secret that happens to share six letters with
  // an id (a variable named ACCOUNT_KEY and `account-key-header`) must not refuse the link.
  if (leaks(JSON.stringify([payload.exchange, payload.fingerprints]))) {
    throw new Error('The link was not made: what it would carry still holds a piece of a key.');
  }
  // A link its own page would refuse is not made: say why here, not when it is opened.
  const checked = v.safeParse(SHARE_SCHEMA, payload);
  if (!checked.success) {
    const path = v.getDotPath(checked.issues[0]);
    throw new Error(
      `The link was not made: this report does not fit in a link${path ? ` (at ${path})` : ''}. Copy the report instead.`,
    );
  }
  const fragment = (token: string) => `${SHARE_ROUTE}?${SHARE_PARAM}=${token}`;
  const json = JSON.stringify(payload);
  // A run of a key can turn up in the token by chance. Each try leads with n more spaces, which
  // JSON.parse skips, so the text shifts; but deflate's code table, at the start of every
  // compressed try, barely changes with them, and a run found there would refuse every try:
  // the plain form, whose base64 shifts with each space, is tried after.
  for (const plain of [false, true]) {
    for (let n = 0; n < 32; n++) {
      const token = await pack(' '.repeat(n) + json, plain);
      if (!leaks(token)) return fragment(token);
    }
  }
  // Never reached with real keys; a link that cannot be made clean is not made at all.
  throw new Error('The link could not be made without a piece of a key in it.');
}

/**
 * Reads a share link back: accepts the whole URL, the fragment (with or without `#`) or the
 * token alone. Never throws; a damaged, hostile or foreign link gets a clear error.
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
    const version = (data as { v?: unknown } | null)?.v;
    if (version === 1 || version === 2) {
      return fail(
        'This link was made by an older Keycheck and carries text this version does not show as its own: ask the sender for a new link.',
      );
    }
    const checked = v.safeParse(SHARE_SCHEMA, data);
    if (!checked.success) {
      const issue = checked.issues[0];
      const path = v.getDotPath(issue);
      const why = issue.message === 'two items have the same id' ? `: ${issue.message}` : '';
      const extra =
        issue.type === 'strict_object' ? ': it carries text Keycheck cannot rebuild' : '';
      return fail(
        `The link is not a report this version of Keycheck can show${path ? ` (at ${path})` : ''}${why}${extra}.`,
      );
    }
    const value = checked.output;
    const exchange = value.exchange as Exchange;
    return {
      ok: true,
      value: {
        at: value.at,
        checklist: await rebuildChecklist(value.checklist as CarriedChecklist, exchange),
        exchange,
        fingerprints: value.fingerprints,
      },
    };
  } catch {
    return fail('The link could not be read.');
  }
}

/** A variable's written form keeps only the characters a link accepts for it (share-schema.ts). */
function linkPrint(print: KeyPrint): KeyPrint {
  if (print === null || !('variable' in print)) return print;
  return { variable: print.variable.replace(/[^\w$%{}():.\-[\] ]/g, '_').slice(0, 200) || '_' };
}

/**
 * The exchange with every text cut to what a link may carry (`SHARE_CAPS`): bodies to 4000
 * characters, and a URL, a header or a message longer than its cap to the cap, saying so. Without
 * the cut a 20,001-character URL made a link that its own page refused to open.
 */
function fitted(exchange: Exchange): Exchange {
  const cut = (text: string, limit: number) => {
    if (text.length <= limit) return text;
    const note = `[cut: ${text.length} characters in all]`;
    return `${text.slice(0, Math.max(0, limit - note.length - 1))}\n${note}`;
  };
  const headers = (list: readonly Header[]): Header[] =>
    list.map((h) => ({
      name: cut(h.name, SHARE_CAPS.headerName),
      value: cut(h.value, SHARE_CAPS.headerValue),
    }));
  const { request, response, failure } = exchange;
  const out: Exchange = {
    ...exchange,
    request: {
      ...request,
      method: cut(request.method, SHARE_CAPS.method),
      url: cut(request.url, SHARE_CAPS.url),
      headers: headers(request.headers),
      ...(request.body !== undefined ? { body: cut(request.body, SHARED_BODY_LIMIT) } : {}),
    },
  };
  if (exchange.startedAt !== undefined)
    out.startedAt = cut(exchange.startedAt, SHARE_CAPS.startedAt);
  if (response) {
    out.response = {
      ...response,
      statusText: cut(response.statusText, SHARE_CAPS.statusText),
      headers: headers(response.headers),
      body: cut(response.body, SHARED_BODY_LIMIT),
    };
  }
  if (failure) out.failure = { ...failure, message: cut(failure.message, SHARE_CAPS.failure) };
  return out;
}

async function pack(json: string, uncompressed = false): Promise<string> {
  const plain = new TextEncoder().encode(json);
  if (!uncompressed && typeof CompressionStream !== 'undefined') {
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
