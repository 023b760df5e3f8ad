/**
 * Finding and removing secrets takes time linear in the paste's size, on the shapes that once
 * froze the page (a 120 KB run of letters took 80 s; 5,000 backslashes before a quote threw a
 * RangeError). Checked by growing the size: the time per character at 8n over that at n stays
 * near 1 (a quadratic pattern gives 8), never against a wall-clock threshold. The figures
 * themselves are `npm run bench`'s.
 */
import { describe, expect, test } from 'vitest';
import { createRedactor, findSecrets, scrubber } from '../../../src/lib/secrets';
import { sanitizeHar } from '../../../src/lib/paste/har-sanitize';

const KEY = 'Qx7rT2mLp9Vb4Nc8Zd3Fh6Jk';

const SHAPES: Record<string, (n: number) => string> = {
  'a run of letters': (n) => `curl -d 'x=${'a'.repeat(n)}' https://api.redislabs.com/v1/`,
  'a bare run of letters': (n) => 'a'.repeat(n),
  'backslashes before a quote': (n) => `${'\\'.repeat(n)}"`,
  'escaped quotes': (n) => '\\"'.repeat(n / 2),
  'deep brackets': (n) => `${'{"a":['.repeat(n / 6)}`,
  'name = name = ...': (n) => 'apiKey='.repeat(n / 7),
  'a run of question marks': (n) => `https://h/${'?'.repeat(n)}`,
  'a dotted run': (n) => 'a.'.repeat(n / 2),
  'a key-shaped run': (n) => 'a1B2'.repeat(n / 4),
  'quotes and pluses': (n) => '" + "'.repeat(n / 5),
  'percent escapes': (n) => '%41'.repeat(n / 3),
  'colour codes': (n) => '\u001b[31m'.repeat(n / 5),
  'invisible characters': (n) => 'a\u200e\u202e\ufe0f'.repeat(n / 4),
  'percent-encoded invisible characters': (n) => '%E2%80%8E'.repeat(n / 9),
  'glued shell quotes': (n) => `curl ${`'a'"b"`.repeat(n / 6)}`,
  'short shell lines of quoted words': (n) => 'curl "a" "b"\n'.repeat(n / 13),
};

/** Milliseconds per character of `run` on `text`, repeated until 30 ms have passed. */
function msPerChar(text: string, run: (text: string) => void): number {
  let reps = 0;
  const start = performance.now();
  let elapsed: number;
  do {
    run(text);
    reps++;
    elapsed = performance.now() - start;
  } while (elapsed < 30);
  return elapsed / reps / text.length;
}

/**
 * How much more each character costs in `large` than in `small`: the two measured in turn,
 * five times, keeping the least of each (the machine is shared; the least is the least
 * disturbed, and taking turns spreads a busy moment over both).
 */
function costRatio(small: string, large: string, run: (text: string) => void): number {
  let bestSmall = Infinity;
  let bestLarge = Infinity;
  for (let i = 0; i < 5; i++) {
    bestSmall = Math.min(bestSmall, msPerChar(small, run));
    bestLarge = Math.min(bestLarge, msPerChar(large, run));
  }
  return bestLarge / bestSmall;
}

async function work(text: string): Promise<void> {
  const secrets = findSecrets({ paste: [text], extra: [KEY] });
  const redactor = await createRedactor(secrets.slice(0, 20));
  redactor.text(text);
  scrubber([KEY]).leaks(text);
}

describe('linear time on hostile pastes', () => {
  test.each(Object.entries(SHAPES))(
    '%s: the time per character stays flat at 8 times the size',
    async (_, make) => {
      // Everything is checked once first: no throw (no recursion on the paste), and warm code.
      for (const n of [5_000, 20_000]) await expect(work(make(n))).resolves.toBeUndefined();
      const find = (text: string) => {
        const secrets = findSecrets({ paste: [text], extra: [KEY] });
        scrubber(secrets.slice(0, 20))(text);
      };
      msPerChar(make(400_000), find); // warm: compiling and growing the heap
      const ratio = costRatio(make(50_000), make(400_000), find);
      // The time per character stays about the same when the size grows 8 times (quadratic
      // would make it 8 times as much): generous slack for a shared, busy machine.
      expect(ratio).toBeLessThan(4);
    },
    60_000,
  );

  test('5,000 backslashes before a quote are read, not thrown at', () => {
    expect(() => findSecrets({ paste: `x-api-key: "${'\\'.repeat(5000)}"` })).not.toThrow();
  });

  test('a HAR nested thousands deep gets a clear refusal, not a thrown error', async () => {
    const deep = `{"log":{"entries":[],"x":${'['.repeat(20_000)}${']'.repeat(20_000)}}}`;
    const result = await sanitizeHar(deep);
    if (!result.ok) expect(result.error.message).toMatch(/nests too deeply/);
  });
});
