/**
 * Issue 10, item 6: every statement the checklist makes about how the API behaves comes from the
 * claims table, and unknown ones hedge. The scan runs diagnose() over many exchanges, removes
 * every sentence taken from the table, and fails on any sentence left that still states how the
 * API behaves.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { isKnownOperation } from '../../../src/lib/api/catalog';
import { CLAIMS, hedges, say } from '../../../src/lib/auth/claims';
import type { Claim, ClaimId } from '../../../src/lib/auth/claims';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { corpus } from './corpus';
import { allText } from './helpers';

/** A sentence that states how the API (or an answer of it) behaves. */
const API_BEHAVIOUR = [
  /\bthe API (?:likely |never |only |always |also )?(?:answers|answer|returns|sends|checks|counts|reads|accepts|allows|authenticates|judges|gives|refuses|is served|does not|rejects|ignores)\b/i,
  /\b(?:a|the|any|every) (?:401|403|404|429|2xx|5xx)\b[^.]*\b(?:means|shows|says|comes|is answered|does not show)\b/i,
  /\bis (?:not )?published\b/i,
  /\bthe API document\b/i,
  /\bAPI access is (?:off|on)\b/i,
];

const CLAIM_TEXTS = Object.keys(CLAIMS).map((id) => say(id as ClaimId));

/** The sentences left once every claim's sentence is taken out of the text. */
function uncitedSentences(text: string): string[] {
  let rest = text;
  for (const claim of CLAIM_TEXTS) rest = rest.split(claim).join(' ');
  return rest
    .split(/(?<=[.!?])\s+|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && API_BEHAVIOUR.some((re) => re.test(s)));
}

/** FACTS.md as committed beside the API document, by section title (before any parenthesis). */
function factsSections(): Map<string, string> {
  const text = readFileSync(
    new URL('../../../scripts/redis-cloud-api/FACTS.md', import.meta.url),
    'utf8',
  );
  const sections = new Map<string, string>();
  for (const part of text.split(/^## /m).slice(1)) {
    const title = (part.split('\n')[0] ?? '').replace(/\s*[(:].*$/, '').trim();
    sections.set(title, fold(part));
  }
  return sections;
}

const fold = (text: string) => text.replace(/\s+/g, ' ');

/** Known claims whose FACTS.md words sit in the "Unknown" section (or that name it). */
function knownOnUnknown(claims: Record<string, Claim>): string[] {
  const unknownSection = factsSections().get('Unknown') ?? '';
  if (unknownSection.length < 100) throw new Error('FACTS.md has no Unknown section');
  return Object.entries(claims)
    .filter(([, claim]) => claim.known)
    .filter(([, c]) => c.section === 'Unknown' || unknownSection.includes(fold(c.facts)))
    .map(([id]) => id);
}

describe('the claims table', () => {
  test("every claim's words are in FACTS.md, in the section it names", () => {
    const sections = factsSections();
    const missing = Object.entries(CLAIMS)
      .filter(([, claim]) => !(sections.get(claim.section) ?? '').includes(fold(claim.facts)))
      .map(([id]) => id);
    expect(missing).toEqual([]);
  });

  test('no claim marked known rests on what FACTS.md lists as unknown', () => {
    expect(knownOnUnknown(CLAIMS)).toEqual([]);
  });

  test('the FACTS.md check fails on a known claim that FACTS.md lists as unknown', () => {
    const planted: Record<string, Claim> = {
      ...CLAIMS,
      ipAlways403: {
        known: true,
        section: 'When a request authenticates',
        facts: 'Whether a blocked source IP always gives 403',
        text: 'A blocked source IP always gets 403.',
      },
    };
    expect(knownOnUnknown(planted)).toEqual(['ipAlways403']);
  });

  test('every unknown claim hedges, every known one is plain and names its FACTS.md section', () => {
    for (const [id, claim] of Object.entries(CLAIMS)) {
      if (!claim.known) expect(hedges(claim.text), id).toBe(true);
      if (!claim.known) expect(claim.section, id).toBe('Unknown');
      expect(claim.text.trim().endsWith('.'), id).toBe(true);
    }
  });

  test('the scan catches a claim that is not in the table', () => {
    expect(uncitedSentences('A 403 means the keys were valid.')).toHaveLength(1);
    expect(uncitedSentences('The API answers 403 to a disabled account.')).toHaveLength(1);
    expect(uncitedSentences(`${say('status403')} The answer was 403.`)).toHaveLength(0);
  });

  test('no explanation states how the API behaves unless the table says it', () => {
    const found = new Map<string, string>();
    for (const [exchange, context] of corpus()) {
      const checklist = diagnose(exchange, { isKnownOperation, ...context });
      for (const sentence of uncitedSentences(allText(checklist))) {
        if (!found.has(sentence))
          found.set(
            sentence,
            `${exchange.request.method} ${exchange.request.url} ${exchange.response?.status ?? '-'}`,
          );
      }
    }
    expect([...found.entries()]).toEqual([]);
  });
});

// Only the team's workspace holds the shared facts; elsewhere the committed copy is the source.
const SHARED_FACTS = new URL('../../../../shared/redis-cloud-api/FACTS.md', import.meta.url);
test.skipIf(!existsSync(SHARED_FACTS))(
  "the committed FACTS.md is the workspace's shared one",
  () => {
    expect(
      readFileSync(new URL('../../../scripts/redis-cloud-api/FACTS.md', import.meta.url), 'utf8'),
    ).toBe(readFileSync(SHARED_FACTS, 'utf8'));
  },
);
