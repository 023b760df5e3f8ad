import type { Profile } from './schema';

/** The orders the Profiles list offers. */
export type ProfileOrder = 'name' | 'last-use';

/** What is known of a profile's last use: its newest request's time, if any. */
export type LastUseOf = (profile: Profile) => string | undefined;

/**
 * When the profile was last used: the later of its newest request (`sentAt`, from the history)
 * and its last key check that taught something (`learned.at`). Undefined when never used.
 */
export function lastUse(profile: Profile, sentAt: string | undefined): string | undefined {
  const times = [sentAt, profile.learned?.at].filter((t): t is string => t !== undefined);
  let latest: string | undefined;
  let latestMs = -Infinity;
  for (const time of times) {
    const ms = Date.parse(time);
    if (Number.isFinite(ms) && ms > latestMs) [latest, latestMs] = [time, ms];
  }
  return latest;
}

const byName = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/**
 * The profiles in `order`, as a new array: `name` alphabetically (case, accents and digits read
 * as a person would: "Prod 2" before "Prod 10"); `last-use` newest first, profiles never used
 * after them by name. Ties keep the name order, so the list does not shuffle.
 */
export function sortProfiles<T extends Profile>(
  profiles: readonly T[],
  order: ProfileOrder,
  lastUseOf: LastUseOf = (p) => lastUse(p, undefined),
): T[] {
  const named = [...profiles].sort((a, b) => byName.compare(a.name, b.name));
  if (order === 'name') return named;
  const when = new Map(named.map((p) => [p, Date.parse(lastUseOf(p) ?? '')]));
  return named.sort((a, b) => {
    const ta = when.get(a) ?? NaN;
    const tb = when.get(b) ?? NaN;
    if (Number.isNaN(ta) || Number.isNaN(tb))
      return Number.isNaN(ta) ? (Number.isNaN(tb) ? 0 : 1) : -1;
    return tb - ta;
  });
}
