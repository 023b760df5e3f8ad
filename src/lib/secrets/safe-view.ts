/**
 * The one safe view of an exchange: what every view, the report, the share link, history and
 * "copy as" show. Secret fields hold their value's fingerprint; every other text is passed
 * through the redactor, so a key echoed in a body, a status text, a URL or an error message is
 * gone too.
 */
import type { Checklist } from '../core/checklist';
import type { Exchange, Header } from '../core/exchange';
import { isCiMask } from '../core/text';
import { findSecrets, requestTexts, type SecretSources } from './find';
import { isSecretName } from './names';
import { createRedactor, type Redactor } from './redactor';

/**
 * What only the caller knows: the text pasted, values typed, values a reader flagged, requests
 * read from the paste, and `found`: secrets already found (by `findSecrets`) in texts the caller
 * holds, so a paste shown as many exchanges is searched once, not once per exchange.
 */
export type SafeViewSources = Pick<SecretSources, 'paste' | 'typed' | 'extra' | 'read'> & {
  found?: readonly string[];
};

export interface SafeView {
  /** Safe to show, store and share. */
  exchange: Exchange;
  /** The same rules for any other text about this exchange (a checklist, a report). */
  redactor: Redactor;
}

/** The safe view of `exchange`; `sources` add what only the caller knows. */
export async function safeView(
  exchange: Exchange,
  sources: SafeViewSources = {},
): Promise<SafeView> {
  const { found = [], ...rest } = sources;
  const secrets = [
    ...findSecrets({
      request: exchange.request,
      ...(exchange.response ? { response: exchange.response } : {}),
      ...rest,
      // A pasted exchange is pasted text through and through: deny by default reads all of it.
      paste: [
        ...pastedTexts(sources.paste),
        ...(exchange.source === 'pasted' ? texts(exchange) : []),
      ],
    }),
    ...found,
  ];
  const fieldValues = [...exchange.request.headers, ...(exchange.response?.headers ?? [])]
    .filter((h) => isSecretName(h.name) && h.value !== '' && !isCiMask(h.value))
    .map((h) => h.value);
  const redactor = await createRedactor(secrets, fieldValues);
  return { exchange: applySafeView(exchange, redactor), redactor };
}

function pastedTexts(paste: SafeViewSources['paste']): readonly string[] {
  return typeof paste === 'string' ? [paste] : (paste ?? []);
}

/** Every text of an exchange, for deny by default. */
function texts(exchange: Exchange): string[] {
  const { request, response, failure } = exchange;
  return [
    ...requestTexts(request),
    ...(response
      ? [response.statusText, response.body, ...response.headers.flatMap((h) => [h.name, h.value])]
      : []),
    failure?.message ?? '',
  ].filter((t) => t !== '');
}

/** `exchange` as `redactor` shows it (for callers that already hold the redactor). */
export function applySafeView(exchange: Exchange, redactor: Redactor): Exchange {
  const headers = (list: readonly Header[]): Header[] =>
    list.map(({ name, value }) => ({
      name: redactor.text(name),
      value: isSecretName(name) && value !== '' ? redactor.marker(value) : redactor.text(value),
    }));
  const { request, response, failure } = exchange;
  const safe: Exchange = {
    source: exchange.source,
    request: {
      method: redactor.text(request.method),
      url: redactor.text(request.url),
      headers: headers(request.headers),
      ...(request.body !== undefined ? { body: redactor.text(request.body) } : {}),
    },
    ...(exchange.startedAt !== undefined ? { startedAt: exchange.startedAt } : {}),
    ...(exchange.durationMs !== undefined ? { durationMs: exchange.durationMs } : {}),
  };
  if (response) {
    safe.response = {
      ...response,
      statusText: redactor.text(response.statusText),
      headers: headers(response.headers),
      body: redactor.text(response.body),
    };
  }
  if (failure) safe.failure = { ...failure, message: redactor.text(failure.message) };
  return safe;
}

/**
 * `checklist` with every sentence passed through `redactor` (a finding can quote a header or
 * the URL); ids, statuses and the verdict are kept as they are.
 */
export function safeChecklist(checklist: Checklist, redactor: Redactor): Checklist {
  const text = redactor.text;
  return {
    ...checklist,
    headline: text(checklist.headline),
    items: checklist.items.map((item) => ({
      ...item,
      title: text(item.title),
      summary: text(item.summary),
      explanation: text(item.explanation),
      ...(item.fix !== undefined ? { fix: text(item.fix) } : {}),
      ...(item.findings
        ? {
            findings: item.findings.map((f) => ({
              ...f,
              ...(f.header !== undefined ? { header: text(f.header) } : {}),
              message: text(f.message),
            })),
          }
        : {}),
    })),
  };
}
