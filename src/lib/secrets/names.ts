/**
 * Which names announce a secret: header names, query parameters, cookies, JSON and form fields,
 * shell and program variables, curl options. DESIGN.md: "any value whose name looks like a
 * credential (`key`, `secret`, `token`, `auth`, `password`, `credential`, in any case or style)".
 */

/** A word that makes the whole name a credential wherever it stands: `authToken`, `X-Secret`. */
const ANY_WORD = new Set([
  'secret',
  'secrets',
  'token',
  'tokens',
  'password',
  'passwd',
  'pwd',
  'passphrase',
  'credential',
  'credentials',
  'auth',
  'authorization',
  'authentication',
  'cookie',
  'cookies',
  'session',
  'bearer',
  'signature',
  'apikey',
  'apisecret',
]);
/** Glued compounds (`accesstoken`, `apisecretkey`, `clientsecret`) end with one of these. */
const GLUED_END = ['token', 'secret', 'password', 'passwd', 'credential', 'credentials'];
/**
 * Words that make a name a credential only at its end: `apiKey`, `accountKey`, `x-api-key`, but
 * not `keyName` or `keyId`, which the API itself uses for what is not secret.
 */
const LAST_WORD = new Set(['key', 'keys', 'pass', 'sig']);

/** The two key headers: a misspelling close to either one still carries a key. */
const KEY_HEADERS = ['x-api-key', 'x-api-secret-key'];

/** `accountKey`, `api_secret`, `X-Api-Key`, `REDISCLOUD_SECRET_KEY` -> lower-case words. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * True when `name` looks like the name of a credential in any case or style: the two key
 * headers and their misspellings, `Authorization`, `Cookie`, `accountKey`, `userKey`,
 * `RedisCloudApiKey`, `api_secret`, `X-Secret`, `auth`, `password`, `sessionToken`, ...
 */
export function isSecretName(name: string): boolean {
  // A HAR or a log names the same few fields thousands of times: judge each name once.
  const known = judged.get(name);
  if (known !== undefined) return known;
  const secret = judge(name);
  if (judged.size >= 10_000) judged.clear();
  judged.set(name, secret);
  return secret;
}

const judged = new Map<string, boolean>();

/**
 * Headers that carry a challenge, not a credential (`WWW-Authenticate: Basic realm="Redis
 * Enterprise"`): their words are shown; a key-shaped token inside is still found by its shape.
 */
const CHALLENGES = new Set(['www-authenticate', 'proxy-authenticate']);

function judge(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (CHALLENGES.has(words.join('-'))) return false;
  const last = words[words.length - 1] ?? '';
  if (LAST_WORD.has(last) || last.endsWith('key') || last.endsWith('keys')) return true;
  for (const word of words) {
    if (ANY_WORD.has(word)) return true;
    if (word.startsWith('auth') && !word.startsWith('author')) return true;
    if (GLUED_END.some((end) => word.endsWith(end))) return true;
  }
  const plain = words.join('-');
  return KEY_HEADERS.some((header) => withinTwoEdits(plain, header));
}

/** Levenshtein distance of at most 2, without building the whole table. */
function withinTwoEdits(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 2) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > 2) return false;
    previous = row;
  }
  return (previous[b.length] ?? 3) <= 2;
}
