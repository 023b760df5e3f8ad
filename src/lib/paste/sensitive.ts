/*
 * Small helpers every reader uses to report values it knows are secret (see `SensitiveValue`).
 * They only collect values: deciding what to hide and hiding it is `lib/secrets`' job.
 */
import type { SensitiveSource, SensitiveValue } from './result';

const USERINFO = /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i;

/** The user information of a URL (`user:password` of `https://user:password@host/`), if any. */
export function userinfoOf(url: string): SensitiveValue[] {
  const info = USERINFO.exec(url)?.[1];
  if (!info) return [];
  const out: SensitiveValue[] = [{ value: info, source: 'userinfo' }];
  const colon = info.indexOf(':');
  // The password alone too: it is what a scrubber must find when the two are shown apart.
  if (colon >= 0 && colon < info.length - 1)
    out.push({ value: info.slice(colon + 1), source: 'userinfo' });
  return out;
}

/** Adds `value` once (empty values carry no secret). */
export function addSensitive(list: SensitiveValue[], value: string, source: SensitiveSource): void {
  if (value === '' || list.some((s) => s.value === value && s.source === source)) return;
  list.push({ value, source });
}
