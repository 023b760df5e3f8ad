/**
 * Redacting with fingerprints: where a whole secret value stands it becomes
 * `[redacted sha256:1a2b3c4d (40 characters)]`, so two people can still tell which key it was;
 * every other piece of one is then scrubbed to `[redacted]`.
 */
import { fingerprint, formatFingerprint } from './fingerprint';
import { scrubber, type Scrub } from './scrub';

/** Every text a view, a report or a link shows of an exchange passes through one of these. */
export interface Redactor {
  /** The secrets it removes, longest first. Memory only: never shown or stored. */
  readonly secrets: readonly string[];
  /** Whole values to their marker, then every remaining run scrubbed. */
  text(text: string): string;
  /** `text` applied to every string inside `value` (objects and arrays walked). */
  deep<T>(value: T): T;
  /** The marker for one whole value (for a field known to be secret, however short). */
  marker(value: string): string;
  /** True when `text` still holds a run of a secret. */
  leaks(text: string): boolean;
}

/** `[redacted sha256:1a2b3c4d (40 characters)]` */
export async function wholeValueMarker(value: string): Promise<string> {
  return `[redacted ${formatFingerprint(await fingerprint(value))}]`;
}

/**
 * Prepares a redactor: fingerprints are computed once here, so the rest is synchronous.
 * `fieldValues` are values of fields known to be secret, as they stand (quotes, spaces and
 * all), so `marker()` can name each by its own fingerprint.
 */
export async function createRedactor(
  secrets: readonly string[],
  fieldValues: readonly string[] = [],
): Promise<Redactor> {
  const sorted = [...new Set(secrets)].sort((a, b) => b.length - a.length);
  const markers = new Map<string, string>(
    await Promise.all(
      [...new Set([...sorted, ...fieldValues])].map(
        async (s) => [s, await wholeValueMarker(s)] as const,
      ),
    ),
  );
  const scrub: Scrub = scrubber(sorted);
  const wholes = sorted.filter((s) => s.length >= 6);
  const text = (input: string): string => {
    let out = input;
    for (const secret of wholes) {
      if (out.includes(secret)) out = out.split(secret).join(markers.get(secret) ?? '');
    }
    return scrub(out);
  };
  const deep = <T>(value: T): T => {
    // Iterative copy: a pasted JSON body can nest deeper than the call stack.
    const root: { v: unknown } = { v: value };
    const stack: Array<[Record<string | number, unknown>, string | number]> = [[root, 'v']];
    while (stack.length > 0) {
      const [holder, key] = stack.pop() as [Record<string | number, unknown>, string | number];
      const inner = holder[key];
      if (typeof inner === 'string') holder[key] = text(inner);
      else if (Array.isArray(inner)) {
        const copy = inner.slice();
        holder[key] = copy;
        for (let i = 0; i < copy.length; i++) stack.push([copy as never, i]);
      } else if (inner !== null && typeof inner === 'object') {
        const copy: Record<string, unknown> = { ...(inner as Record<string, unknown>) };
        holder[key] = copy;
        for (const k of Object.keys(copy)) stack.push([copy, k]);
      }
    }
    return root.v as T;
  };
  const marker = (value: string): string =>
    markers.get(value) ?? `[redacted (${value.length} characters)]`;
  return { secrets: sorted, text, deep, marker, leaks: scrub.leaks };
}
