/**
 * Deny by default: a key-shaped token in pasted text is a secret wherever it stands, with or
 * without a name that says so (DESIGN.md, "Rules that hold everywhere"). Names and structure
 * miss keys put where no name points at them (a form field `k=...`, a User-Agent, a path
 * segment, `os.getenv("...")`, a table cell in a pasted answer), and the ways to do that have
 * no end; the shape of a key does not change.
 *
 * The rule. A token is a maximal run of `[A-Za-z0-9_-]`. It is key-shaped when it is 20
 * characters or longer and looks random:
 * - letters and digits alternate at least 3 times (`a1b2`, `x9k...3f`), or
 * - its letters and digits change class (lower, upper, digit) at least 5 times and at least once
 *   every 4.5 characters, not counting the capital that starts a camel-case word (`allowedSource`
 *   changes once; `aQ7xKp` five times).
 *
 * Exceptions, shapes known to be safe, which stay readable:
 * - words (`processing-completed`, `x-rate-limit-retry-after-seconds`, `allowedSourceIps`,
 *   `getSubscriptionById_1`, `terraform-provider-rediscloud_v0`): no letter and digit
 *   alternate three times and camel case changes class once a word;
 * - a token made only of word-like parts between `-` or `_` (`TLS_AES_128_GCM_SHA256`,
 *   `snapshot-every-12-hours`): each part letters in one case or capitalised, then at most
 *   3 digits, or digits alone;
 * - numbers, and UUIDs (`550e8400-e29b-41d4-a716-446655440000`); ISO dates hold `:` and `.`,
 *   which end a token, so they never reach 20 characters;
 * - the cloud provider ids the API's own bodies carry (`vpc-0bf863584c46321e4`,
 *   `subnet-009ce004ed90da8a6`, `sg-...`, `tgw-...`): a known prefix and hexadecimal digits;
 * - Cloudflare's ray id (`cf-ray: 8a1b2c3d4e5f6789-AMS`), evidence of who answered.
 *
 * A key without digits in one case (`abcdefghijklmnopqrstuvwx`) looks like a word and is not
 * caught by shape: names, options and structure still find it where they point at it.
 */

/** The shortest token deny by default treats as a key. */
export const KEY_SHAPE_LENGTH = 20;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PROVIDER_ID =
  /^(?:vpc|subnet|sg|tgw|tgw-attach|igw|pcx|rtb|eni|vpce|acl|nat|ami|snap|vol|i)-[0-9a-f]{8,}$/;
const CF_RAY = /^[0-9a-f]{16}-[A-Z]{3}$/;
const WORD_PART = /^(?:[A-Z]+|[A-Z]?[a-z]+)\d{0,3}$|^\d+$/;

const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;

function classOf(code: number): number {
  if (code >= 48 && code <= 57) return DIGIT;
  if (code >= 65 && code <= 90) return UPPER;
  if (code >= 97 && code <= 122) return LOWER;
  return 0;
}

function isTokenCode(code: number): boolean {
  return classOf(code) !== 0 || code === 45 || code === 95;
}

/** True when `token` (letters, digits, `-`, `_`) has the shape of a key (the rule above). */
export function looksLikeKey(token: string): boolean {
  if (token.length < KEY_SHAPE_LENGTH) return false;
  if (UUID.test(token) || PROVIDER_ID.test(token) || CF_RAY.test(token)) return false;
  let alternations = 0;
  let changes = 0;
  let letters = 0;
  let counted = 0;
  let before = 0; // the class of the character before the previous one
  let previous = 0;
  for (let i = 0; i < token.length; i++) {
    const current = classOf(token.charCodeAt(i));
    if (current === 0) continue; // `-` and `_` neither count nor break a change
    counted++;
    if (current !== DIGIT) letters++;
    if (previous !== 0 && current !== previous) {
      if ((previous === DIGIT) !== (current === DIGIT)) alternations++;
      // The capital that starts a camel-case word (`sourceIps`: `I` then `p`) is no change.
      const camelStart = previous === UPPER && current === LOWER && before !== UPPER;
      if (!camelStart) changes++;
    }
    before = previous;
    previous = current;
  }
  if (letters === 0) return false;
  if (alternations < 3 && (changes < 5 || changes * 4.5 < counted)) return false;
  const parts = token.split(/[-_]+/);
  if (parts.length > 1 && parts.every((part) => part === '' || WORD_PART.test(part))) return false;
  return true;
}

/**
 * Every key-shaped token in `text`, each once. One pass over the text (no pattern that could
 * backtrack), so a long run costs what its length does.
 */
export function keyShapedTokens(text: string): string[] {
  const found = new Set<string>();
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const inToken = i < text.length && isTokenCode(text.charCodeAt(i));
    if (inToken) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0 && i - start >= KEY_SHAPE_LENGTH) {
      // The `-` and `_` at its ends stay: a key may end with one, and its last run must go too.
      const token = text.slice(start, i);
      if (looksLikeKey(token)) {
        found.add(token);
        // The value without them, so a whole value's marker names the key by its own fingerprint.
        const bare = token.replace(/^[-_]+|[-_]+$/g, '');
        if (bare.length >= KEY_SHAPE_LENGTH) found.add(bare);
      }
    }
    start = -1;
  }
  return [...found];
}
