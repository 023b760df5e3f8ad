/**
 * Finding the secret values in what Keycheck is given: a request and its answer, the text a
 * customer pasted, what the user typed, and what a reader knows is sensitive. The rule is
 * DESIGN.md's ("Rules that hold everywhere"); this is the only code that applies it.
 */
import { isCiMask } from '../core/text';
import type { ReceivedResponse, SentRequest } from '../core/exchange';
import { decodedForms } from './decode';
import { keyShapedTokens, looksLikeKey } from './key-shape';
import { isSecretName } from './names';
import { scrubber, type Scrub } from './scrub';

export interface SecretSources {
  request?: SentRequest;
  response?: ReceivedResponse;
  /**
   * Text as pasted (a command, a script, a HAR, a log): assignments and options in it count,
   * and so does every key-shaped token, whatever stands around it (deny by default,
   * `key-shape.ts`). Read as pasted and decoded (`decode.ts`).
   */
  paste?: string | readonly string[];
  /** Values the user typed (a shell variable's value): secret whatever they fill in. */
  typed?: readonly string[];
  /** Values a reader knows are sensitive though no name says so (an unknown curl option's value). */
  extra?: readonly string[];
  /**
   * Requests as readers read them from the paste. A key the reader assembled from pieces
   * (`'ab'"cd"` in a shell, `a + b` or `.format(a, b)` in code, Postman's `{{p1}}{{p2}}`) shows
   * whole only there: each is read like `request`, and deny by default reads all its texts.
   */
  read?: readonly SentRequest[];
}

/** Every text of a request (method, URL, header names and values, body), for deny by default. */
export function requestTexts(request: SentRequest): string[] {
  return [
    request.method,
    request.url,
    ...request.headers.flatMap((h) => [h.name, h.value]),
    request.body ?? '',
  ].filter((t) => t !== '');
}

/** Too common to be anybody's secret, and replacing them everywhere would garble the text. */
const TRIVIAL = new Set(['true', 'false', 'null', 'none', 'nil', 'undefined', 'yes', 'no']);

/** A reference to a value kept elsewhere, not the value: `$KEY`, `%KEY%`, `{{key}}`, `os.environ[...]`. */
const REFERENCE =
  /^(?:\$\{?[A-Za-z_][\w:]*\}?|%[A-Za-z_]\w*%|\{\{[^{}]*\}\}|os\.(?:environ|getenv)\b.*|process\.env\b.*|env:\w+|\$env:\w+)$/i;
/**
 * A name where a value would stand, in code or configuration: Terraform's `var.x`, `local.x`,
 * `data.x.y`; an attribute chain (`config.api_key`, `self.secret`); a constant
 * (`REDISCLOUD_SECRET_KEY`, `API_KEY`); a credential's name in camel case (`apiKey`). It names
 * where a secret is kept; taking it for the secret would cut its pieces out of the app's own
 * words (`x-api-secret-key`, `api.redislabs.com`). A key-shaped one is still a secret.
 */
const NAMED_REFERENCE =
  /^(?:(?:var|local|data|module|each|self|this|config|settings|env|secrets|vars)\.[A-Za-z_][\w.-]*|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)$/;
const CAMEL_NAME = /^[a-z]+(?:[A-Z][a-z0-9]*)+$/;

/** True when `value` names a variable or setting instead of being a value (`NAMED_REFERENCE`). */
function namesAVariable(value: string): boolean {
  if (looksLikeKey(value)) return false;
  return NAMED_REFERENCE.test(value) || (CAMEL_NAME.test(value) && isSecretName(value));
}
const SCHEME = /^(?:bearer|basic|token|digest|apikey)\s+/i;
const HEADER_LINE = /^[A-Za-z][\w-]*\s*:\s+(\S.*)$/s;
const SCHEME_WORD = /^(?:bearer|basic|token|digest|apikey)$/i;
const QUOTES = /^["'\u201c\u201d\u2018\u2019`]+|["'\u201c\u201d\u2018\u2019`]+$/g;

/**
 * Every secret value in the sources, each once, longest first. Values are trimmed of
 * whitespace, quotes and an auth scheme (`Bearer `), so the scheme's word stays readable.
 */
export function findSecrets(sources: SecretSources): string[] {
  const found = new Set<string>();
  const add = (raw: string | undefined): void => {
    if (raw === undefined) return;
    const value = raw.trim().replace(QUOTES, '').trim();
    // A header line (`x-api-key: ...`): the value is the secret, not the header's name.
    const line = HEADER_LINE.exec(value);
    if (line) return add(line[1]);
    // A header's name alone (`x-api-key:`, a piece a broken command left): no secret in it.
    if (value.endsWith(':')) return;
    const bare = value.replace(SCHEME, '').trim();
    for (const v of [value, bare]) {
      if (SCHEME_WORD.test(v)) continue;
      // A value with no letter or digit (`...`, `***`, `<>`) stands in for a key; it is none.
      if (v.length < 3 || TRIVIAL.has(v.toLowerCase()) || REFERENCE.test(v) || isCiMask(v)) {
        continue;
      }
      if (!/[\p{L}\p{N}]/u.test(v)) {
        continue;
      }
      if (namesAVariable(v)) continue;
      found.add(v);
      const decoded = percentDecoded(v);
      if (decoded !== v && decoded.length >= 3) found.add(decoded);
    }
    if (/^basic\s/i.test(value)) for (const part of basicParts(bare)) add(part);
  };
  const { request, response } = sources;
  for (const sent of [...(request ? [request] : []), ...(sources.read ?? [])]) {
    for (const h of sent.headers) {
      headerSecrets(h.name, h.value, add);
      // A value can carry a whole header line (`x-api-key: ...` typed into the wrong field).
      textSecrets(h.value, add);
    }
    urlSecrets(sent.url, add);
    textSecrets(sent.url, add);
    if (sent.body !== undefined) bodySecrets(sent.body, add);
  }
  if (response) {
    for (const h of response.headers) headerSecrets(h.name, h.value, add);
  }
  const pastes = [
    ...(typeof sources.paste === 'string' ? [sources.paste] : (sources.paste ?? [])),
    ...(sources.read ?? []).flatMap(requestTexts),
  ];
  for (const text of pastes) {
    for (const form of decodedForms(text)) {
      textSecrets(form, add);
      for (const token of keyShapedTokens(form)) add(token);
    }
  }
  for (const v of sources.typed ?? []) if (v.trim() !== '') found.add(v.trim());
  for (const v of sources.extra ?? []) add(v);
  return [...found].sort((a, b) => b.length - a.length);
}

/**
 * A scrubber for strings derived from a paste (an entry's label, a skipped option, a variable as
 * written, a note): every secret the pasted texts hold, deny by default included. Synchronous,
 * for views that show such strings before or beside a diagnosis.
 */
export function pasteScrubber(texts: readonly string[]): Scrub {
  return scrubber(findSecrets({ paste: texts }));
}

type Add = (value: string | undefined) => void;

function headerSecrets(name: string, value: string, add: Add): void {
  if (!isSecretName(name)) return;
  add(value);
  if (/cookie/i.test(name)) for (const v of cookieValues(value)) add(v);
}

function cookieValues(text: string): string[] {
  return text.split(';').map((pair) => {
    const eq = pair.indexOf('=');
    return eq < 0 ? pair : pair.slice(eq + 1);
  });
}

function basicParts(token: string): string[] {
  let decoded: string;
  try {
    decoded = atob(token.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return [];
  }
  const colon = decoded.indexOf(':');
  return colon < 0 ? [decoded] : [decoded, decoded.slice(0, colon), decoded.slice(colon + 1)];
}

function percentDecoded(value: string): string {
  if (!value.includes('%') && !value.includes('+')) return value;
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** URL user information, and query or fragment parameters whose name says secret. */
function urlSecrets(url: string, add: Add): void {
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url.trim())?.[1];
  if (userinfo !== undefined) {
    add(userinfo);
    for (const part of userinfo.split(':')) add(part);
  }
  pairSecrets(url.replace(/^[^?#]*[?#]?/, ''), /[&#?]/, add);
}

/** `name=value` pairs split by `separator`: the values of secret names. */
function pairSecrets(text: string, separator: RegExp, add: Add): void {
  for (const pair of text.split(separator)) {
    const eq = pair.indexOf('=');
    if (eq > 0 && isSecretName(percentDecoded(pair.slice(0, eq)))) add(pair.slice(eq + 1));
  }
}

/** A JSON body's secret-named fields (at any depth), a form body's, and whatever the text shows. */
function bodySecrets(body: string, add: Add): void {
  const text = body.trim();
  if (text.startsWith('{') || text.startsWith('[')) {
    try {
      jsonSecrets(JSON.parse(text), add);
    } catch {
      // Not JSON after all: the text scan below still reads it.
    }
  } else if (/^[^=&\s]+=/.test(text)) {
    pairSecrets(text, /&/, add);
  }
  textSecrets(body, add);
}

/** Walks JSON without recursion: a deeply nested paste must not overflow the stack. */
function jsonSecrets(root: unknown, add: Add): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) stack.push(...value);
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      // `{"key": "x-api-key", "value": "..."}` (Postman): the value of a secret-named pair.
      const pairName = record['key'];
      const paired = record['value'];
      if (
        typeof pairName === 'string' &&
        (typeof paired === 'string' || typeof paired === 'number') &&
        isSecretName(pairName) &&
        !namesAPair(pairName, String(paired))
      ) {
        add(String(paired));
      }
      for (const [name, inner] of Object.entries(value)) {
        if (typeof inner === 'string' || typeof inner === 'number') {
          if (isSecretName(name) && !namesAPair(name, String(inner))) add(String(inner));
        } else stack.push(inner);
      }
    }
  }
}

// `name = value`, `name: value`, `"name": "value"`, `$env:NAME = "value"`, `name := value`,
// `name => value`, `name==value` (HTTPie), with any quotes (smart ones too) around either side.
// The look-behind makes a match start only where a name starts: a long run of letters is then
// read once, not once per letter (a 120 KB run took 80 s).
const ASSIGNMENT =
  /(?<![\w.$-])(?:\$env:|\$)?(["'\u201c\u201d\u2018\u2019]?)([A-Za-z_][\w.-]*)\1\s*(?::=|=>|==|=|:)\s*(?:"([^"\n]*)"|'([^'\n]*)'|\u201c([^\u201d\n]*)\u201d|\u2018([^\u2019\n]*)\u2019|([^\s"'\u201c\u201d\u2018\u2019,;&|)}\]]+))/g;
/** A variable or attribute as code names it: `ACCOUNT_KEY`, `self.api_key`, `config.key`. */
const CODE_IDENTIFIER = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/;
// The value after a scheme word anywhere: `Authorization: Bearer abc`, `-H "Authorization: Basic ..."`.
const SCHEME_VALUE = /\b(Bearer|Basic|Token|Digest|bearer|basic)\s+([A-Za-z0-9._~+/=-]{6,})/g;
/** A challenge's parameter after the scheme (`Basic realm="..."`, RFC 9110 and 7616): no credential. */
const CHALLENGE_PARAMETER =
  /^(?:realm|charset|error|error_description|error_uri|scope|nonce|opaque|algorithm|qop|domain|stale|userhash)=/i;
// Options whose value is a credential: curl's -u/--user/--oauth2-bearer, HTTPie's -a/--auth.
const CREDENTIAL_OPTION =
  /(?:^|\s)(?:-u|--user|-U|--proxy-user|-a|--auth|--oauth2-bearer|--aws-sigv4)(?:\s+|=)(?:"([^"\n]*)"|'([^'\n]*)'|([^\s"']+))/g;
// Cookies given to curl or in a header line: every cookie's value.
const COOKIE =
  /(?:(?:^|\s)(?:-b|--cookie)(?:\s+|=)|\b(?:set-)?cookie\s*:\s*)(?:"([^"\n]*)"|'([^'\n]*)'|([^\n"']+))/gi;
// `{"name": "x-api-key", "value": "..."}`: HAR headers, cookies, query strings and form fields;
// `{"key": "x-api-key", "value": "..."}`: Postman's headers, variables and auth fields.
const NAME_VALUE =
  /"(?:name|key)"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*"value"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
// The same pair written value first.
const VALUE_NAME =
  /"value"\s*:\s*"((?:[^"\\]|\\.)*)"\s*,\s*"(?:name|key)"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

/**
 * `"key": "x-api-key"` in a Postman or Insomnia export names a pair (its value comes next),
 * like HAR's `"name"`; and Postman's API-key auth holds `{"key": "key", "value": "x-api-key"}`,
 * the header's name. A credential's name there is a name, not a secret: redacting it would
 * garble every line that names the header.
 */
function namesAPair(name: string, value: string): boolean {
  const named = value.trim();
  // Shaped like a header's name (letters, `-`, `_`, `.`, no digit): anything key-like stays secret.
  return name.toLowerCase() === 'key' && NAME_SHAPE.test(named) && isSecretName(named);
}
const NAME_SHAPE = /^[A-Za-z][A-Za-z._-]{0,39}$/;
const USERINFO = /(?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/([^\s/?#@"']+)@/gi;
const QUERY = /[?&]([^=&?\s#"']+)=([^&\s#"']*)/g;

/** Secrets a text shows by its own words: assignments, options, auth schemes, cookies, URLs. */
function textSecrets(text: string, add: Add): void {
  for (const m of text.matchAll(ASSIGNMENT)) {
    const value = m[3] ?? m[4] ?? m[5] ?? m[6] ?? m[7];
    // `"x-api-key": ACCOUNT_KEY` in code: a quoted name with a bare identifier is a variable
    // the code reads, not the value. A key-shaped one is still found by deny by default.
    if (m[1] && m[7] !== undefined && CODE_IDENTIFIER.test(m[7])) continue;
    if (isSecretName(m[2] ?? '') && !namesAPair(m[2] ?? '', value ?? '')) add(value);
  }
  for (const m of text.matchAll(SCHEME_VALUE)) {
    if (CHALLENGE_PARAMETER.test(m[2] ?? '')) continue;
    add(m[2]);
    if ((m[1] ?? '').toLowerCase() === 'basic')
      for (const part of basicParts(m[2] ?? '')) add(part);
  }
  for (const m of text.matchAll(CREDENTIAL_OPTION)) {
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    add(value);
    for (const part of value.split(':')) add(part);
  }
  for (const m of text.matchAll(COOKIE)) {
    const value = m[1] ?? m[2] ?? m[3] ?? '';
    add(value);
    for (const v of cookieValues(value)) add(v);
  }
  for (const [name, value] of [
    ...[...text.matchAll(NAME_VALUE)].map((m) => [m[1] ?? '', m[2] ?? '']),
    ...[...text.matchAll(VALUE_NAME)].map((m) => [m[2] ?? '', m[1] ?? '']),
  ]) {
    const secret = jsonString(value ?? '');
    if (isSecretName(name ?? '') && !namesAPair(name ?? '', secret)) add(secret);
  }
  for (const m of text.matchAll(USERINFO)) {
    add(m[1]);
    for (const part of (m[1] ?? '').split(':')) add(part);
  }
  for (const m of text.matchAll(QUERY)) {
    if (isSecretName(percentDecoded(m[1] ?? ''))) add(m[2]);
  }
}

/** A JSON string's content without its escapes (as the value was sent). */
function jsonString(inner: string): string {
  try {
    return String(JSON.parse(`"${inner}"`));
  } catch {
    return inner;
  }
}
