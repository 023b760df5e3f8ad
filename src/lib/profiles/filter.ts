import type { Profile } from './schema';

/** Lower case without accents, so "resume" finds "Résumé". */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

// Profiles are immutable snapshots from list(), so each one's search text is built once and
// every later keystroke is only substring tests.
const haystacks = new WeakMap<Profile, string>();

function haystack(profile: Profile): string {
  let text = haystacks.get(profile);
  if (text === undefined) {
    let host = profile.baseUrl;
    try {
      host = new URL(profile.baseUrl).host;
    } catch {
      // Keep the text as typed.
    }
    const learned = profile.learned;
    // Never the keys: typing part of a key must not reveal which profile holds it.
    text = fold(
      [
        profile.name,
        profile.keyName ?? '',
        host,
        profile.notes,
        learned?.accountName ?? '',
        learned?.accountId?.toString() ?? '',
        learned?.keyName ?? '',
      ].join('\n'),
    );
    haystacks.set(profile, text);
  }
  return text;
}

/**
 * The profiles matching `query`, in their order: every space-separated word must appear in the
 * name, key name, host, notes, or the learned account name, id or key name (case and accents
 * ignored). An empty query matches all. Key values are never searched.
 */
export function filterProfiles<T extends Profile>(profiles: readonly T[], query: string): T[] {
  const terms = fold(query)
    .split(/\s+/)
    .filter((t) => t !== '');
  if (terms.length === 0) return [...profiles];
  return profiles.filter((profile) => {
    const text = haystack(profile);
    return terms.every((term) => text.includes(term));
  });
}
