/*
 * Samples as tests (DESIGN.md, "Reading a paste"): every `samples/<format>/<case>.txt` is read
 * through the registry and compared with `<case>.json` beside it. A new format is one reader
 * file, one registry line and one folder here.
 *
 * An expectation holds what a person would check: the format, the method, the URL, the headers
 * (`["name", "value"]` pairs, or names alone), the body, the variables asked for, the values
 * reported as secret, notes (patterns), skipped options, the answer's status; or, for a paste
 * that is refused, the error (a pattern) and where it points.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseRequestPaste } from '../../../src/lib/paste/paste';
import { REQUEST_READERS } from '../../../src/lib/paste/readers';
import type { PastedRequest, SensitiveSource } from '../../../src/lib/paste/result';
import type { ShellDialect } from '../../../src/lib/paste/shell-words';
import { expandedVariables } from '../../../src/lib/paste/variables';

interface ExpectedCandidate {
  method?: string;
  url?: string;
  /** The whole list, in order: pairs compare name (any case) and value, strings the name. */
  headers?: ([string, string] | string)[];
  /** Headers that must be there (any case), among others. */
  hasHeaders?: string[];
  /** Headers that must not be there. */
  noHeaders?: string[];
  body?: string;
  json?: unknown;
  /** Variables the customer's shell or program filled in, asked for by name. */
  expanded?: string[];
  /** Values reported as secret, each `[source, value]`, among others. */
  sensitive?: [SensitiveSource, string][];
  /** Values that must not be reported as secret. */
  notSensitive?: string[];
  /** Patterns, each matching one of the candidate's notes. */
  notes?: string[];
  unknownOptions?: string[];
  status?: number | null;
  failure?: string;
  keysNotShown?: boolean;
}

interface Expected {
  /** The format the paste reads as; by default the folder's name. */
  format?: string;
  dialect?: ShellDialect;
  /** A refused paste: a pattern of the message, and where it points. */
  error?: string;
  line?: number;
  column?: number;
  /** How many candidates; by default as many as `candidates` lists. */
  count?: number;
  candidates?: ExpectedCandidate[];
}

const root = fileURLToPath(new URL('./samples', import.meta.url));
const folders = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

const cases = folders.flatMap((folder) =>
  readdirSync(join(root, folder))
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ folder, name: f.slice(0, -4) })),
);

test('every request format of the registry has a folder of samples', () => {
  for (const reader of REQUEST_READERS) expect(folders).toContain(reader.format);
});

describe.each(folders)('%s', (folder) => {
  const mine = cases.filter((c) => c.folder === folder);
  test.each(mine.map((c) => [c.name, c]))('%s', (_name, { name }) => {
    const text = readFileSync(join(root, folder, `${name}.txt`), 'utf8');
    const expected = JSON.parse(
      readFileSync(join(root, folder, `${name}.json`), 'utf8'),
    ) as Expected;
    const result = parseRequestPaste(text, expected.dialect ? { dialect: expected.dialect } : {});
    if (expected.error !== undefined) {
      expect(result.ok, 'the paste should be refused').toBe(false);
      if (result.ok) return;
      expect(result.error.message).toMatch(new RegExp(expected.error));
      if (expected.line !== undefined) expect(result.error.line).toBe(expected.line);
      if (expected.column !== undefined) expect(result.error.column).toBe(expected.column);
      return;
    }
    if (!result.ok) throw new Error(`refused: ${result.error.message} at ${result.error.line}`);
    expect(result.value.format).toBe(expected.format ?? folder);
    const wanted = expected.candidates ?? [];
    expect(result.value.candidates).toHaveLength(expected.count ?? wanted.length);
    wanted.forEach((w, i) => check(result.value.candidates[i] as PastedRequest, w));
  });
});

function check(c: PastedRequest, w: ExpectedCandidate): void {
  const { request } = c;
  if (w.method !== undefined) expect(request.method).toBe(w.method);
  if (w.url !== undefined) expect(request.url).toBe(w.url);
  const lower = request.headers.map((h) => h.name.toLowerCase());
  if (w.headers !== undefined) {
    const want = w.headers.map(low);
    const got = request.headers.map((h, i) =>
      typeof want[i] === 'string' ? h.name.toLowerCase() : low([h.name, h.value]),
    );
    expect(got).toEqual(want);
  }
  for (const name of w.hasHeaders ?? []) expect(lower).toContain(name.toLowerCase());
  for (const name of w.noHeaders ?? []) expect(lower).not.toContain(name.toLowerCase());
  if (w.body !== undefined) expect(request.body).toBe(w.body);
  if (w.json !== undefined) expect(JSON.parse(request.body ?? 'null')).toEqual(w.json);
  if (w.expanded !== undefined)
    expect(
      expandedVariables(c)
        .map((v) => v.name)
        .sort(),
    ).toEqual([...w.expanded].sort());
  const secrets = c.sensitive.map((s) => [s.source, s.value]);
  for (const s of w.sensitive ?? []) expect(secrets).toContainEqual(s);
  for (const v of w.notSensitive ?? []) expect(c.sensitive.map((s) => s.value)).not.toContain(v);
  for (const pattern of w.notes ?? [])
    expect(c.notes.map((n) => n.message)).toContainEqual(
      expect.stringMatching(new RegExp(pattern)),
    );
  if (w.unknownOptions !== undefined) expect(c.unknownOptions).toEqual(w.unknownOptions);
  if (w.status !== undefined) expect(c.response?.status ?? null).toBe(w.status);
  if (w.failure !== undefined) expect(c.failure?.kind).toBe(w.failure);
  if (w.keysNotShown !== undefined) expect(c.keysNotShown !== undefined).toBe(w.keysNotShown);
}

/** A header as compared: its name in lower case (with its value when given). */
function low(h: [string, string] | string): [string, string] | string {
  return typeof h === 'string' ? h.toLowerCase() : [h[0].toLowerCase(), h[1]];
}
