import { formatFingerprint, fingerprint } from '../secrets/fingerprint';
import { isSecretHeader, redactHeader, redactRequest } from '../auth/redact';
import type { Exchange } from '../core/exchange';

/**
 * Secret values shorter than this are only redacted in their own header: replacing a short
 * string everywhere would mangle the rest of the exchange, and no real key is that short.
 */
const MIN_SCRUB_LENGTH = 8;

/**
 * A copy of the exchange that is safe to display and store. Secret request headers (and any
 * secret-named response header, such as `set-cookie` or a relay echoing a key) hold
 * fingerprints instead of values, and any place a secret value was copied into (the URL, the
 * request or response body, other header values, the failure message) has it replaced by
 * its fingerprint too, in plain or URL-encoded form.
 */
export async function redactExchange(exchange: Exchange): Promise<Exchange> {
  const secrets = [
    ...new Set(
      exchange.request.headers
        .filter((h) => isSecretHeader(h.name))
        .map((h) => h.value.trim())
        .filter((v) => v.length >= MIN_SCRUB_LENGTH),
    ),
  ];
  const replacements = await Promise.all(
    secrets.map(async (value) => ({
      value,
      label: `[redacted ${formatFingerprint(await fingerprint(value))}]`,
    })),
  );
  // Longest first, so a value that contains another is replaced whole.
  replacements.sort((a, b) => b.value.length - a.value.length);
  const clean = (text: string): string => {
    let out = text;
    for (const { value, label } of replacements) {
      for (const form of new Set([value, encodeURIComponent(value)])) {
        out = out.split(form).join(label);
      }
    }
    return out;
  };

  const request = await redactRequest(exchange.request);
  const redacted: Exchange = {
    ...exchange,
    request: {
      ...request,
      url: clean(request.url),
      headers: request.headers.map((h) => ({ name: h.name, value: clean(h.value) })),
    },
  };
  if (request.body !== undefined) redacted.request.body = clean(request.body);
  if (exchange.response) {
    const headers = await Promise.all(exchange.response.headers.map(redactHeader));
    redacted.response = {
      ...exchange.response,
      headers: headers.map((h) => ({ name: h.name, value: clean(h.value) })),
      body: clean(exchange.response.body),
    };
  }
  if (exchange.failure) {
    redacted.failure = { ...exchange.failure, message: clean(exchange.failure.message) };
  }
  return redacted;
}
