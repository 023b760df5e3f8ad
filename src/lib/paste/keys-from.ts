/*
 * The key headers of tools that take the keys from configuration (Terraform's provider block,
 * redisctl's profiles): a value written in the paste, or a variable the paste does not show
 * (an environment variable, `var.x`), which the UI asks for as it does a shell's `$VAR`.
 */
import type { Header } from '../core/exchange';
import { API_HOST } from '../core/checklist';
import { placeholderIn } from '../auth/key-values';
import type { PasteNote, SensitiveValue, VariableUse } from './result';
import { addSensitive } from './sensitive';

export const API_BASE = `https://${API_HOST}/v1`;

/** A value of a key as the configuration holds it. */
export type KeySource =
  | { kind: 'literal'; value: string }
  /** A variable the paste does not show: `written` is how the request shows it. */
  | { kind: 'variable'; name: string; written: string };

/** True when a key's value is a placeholder, not a key (the one rule: `lib/auth`'s). */
/** A key the tool reads from the environment variable `name`, which the paste does not show. */
export const fromEnvironment = (name: string): KeySource => ({
  kind: 'variable',
  name,
  written: `$${name}`,
});

export function isPlaceholder(value: string): boolean {
  return value.trim() === '' || placeholderIn(value) !== null;
}

/**
 * The two key headers from their sources, with the variables and secrets they carry; a note
 * for each placeholder (named, never quoted: a real key may look like one to a rule).
 */
export function keyHeaders(
  keys: { name: string; label: string; source: KeySource }[],
  notes: PasteNote[],
  sensitive: SensitiveValue[],
): { headers: Header[]; variables: VariableUse[] } {
  const headers: Header[] = [];
  const variables: VariableUse[] = [];
  keys.forEach(({ name, label, source }, index) => {
    if (source.kind === 'literal') {
      headers.push({ name, value: source.value });
      addSensitive(sensitive, source.value, 'config');
      if (isPlaceholder(source.value))
        notes.push({
          message: `${label} holds a placeholder, not a key: it was sent as written (or the tool refused to start).`,
        });
      return;
    }
    headers.push({ name, value: source.written });
    variables.push({
      name: source.name,
      written: source.written,
      handling: 'expanded-by-shell',
      in: 'header',
      headerIndex: index,
      headerName: name,
      start: 0,
    });
  });
  return { headers, variables };
}
