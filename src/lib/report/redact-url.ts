/** Query parameter names that announce a secret. */
const SECRET_NAME = /key|secret|token|auth|pass(?:word|wd)?|pwd|signature|sig$|credential|session/i;
/** A long run of letters and digits (both), the shape of a key or token. */
const SECRET_VALUE = /^(?=[^]*[A-Za-z])(?=[^]*\d)[A-Za-z0-9_\-+/=.~%]{16,}$/;

export const REDACTED = 'REDACTED';

/** True when a query parameter should not be shown: by its name or by its value's shape. */
export function looksSecret(name: string, value: string): boolean {
  return value !== '' && (SECRET_NAME.test(name) || SECRET_VALUE.test(value));
}

/**
 * The URL with what looks like a secret replaced by `REDACTED`: the password of
 * `user:password@host`, and query (and fragment) values whose name or shape says secret.
 * Works on the text as pasted (`https://$HOST/...` is not a valid URL but is kept).
 */
export function redactUrl(url: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0] ?? '';
  let rest = url.slice(scheme.length);
  const authorityEnd = rest.search(/[/?#]/);
  const authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  const at = authority.lastIndexOf('@');
  if (scheme && at >= 0) {
    const colon = authority.indexOf(':');
    const user = colon >= 0 && colon < at ? authority.slice(0, colon) : authority.slice(0, at);
    const redacted = colon >= 0 && colon < at ? `${user}:${REDACTED}` : user;
    rest = `${redacted}${authority.slice(at)}${authorityEnd < 0 ? '' : rest.slice(authorityEnd)}`;
  }
  const hash = rest.indexOf('#');
  const beforeHash = hash < 0 ? rest : rest.slice(0, hash);
  const fragment = hash < 0 ? null : rest.slice(hash + 1);
  const question = beforeHash.indexOf('?');
  const path = question < 0 ? beforeHash : beforeHash.slice(0, question);
  const query = question < 0 ? null : beforeHash.slice(question + 1);
  return (
    scheme +
    path +
    (query === null ? '' : `?${redactPairs(query)}`) +
    (fragment === null ? '' : `#${redactPairs(fragment)}`)
  );
}

function redactPairs(text: string): string {
  return text
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return looksSecret('', pair) ? REDACTED : pair;
      const name = pair.slice(0, eq);
      return looksSecret(name, pair.slice(eq + 1)) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}
