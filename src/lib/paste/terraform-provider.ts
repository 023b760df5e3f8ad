/*
 * Terraform's `provider "rediscloud" { api_key = ..., secret_key = ..., url = ... }` block. The
 * provider sends the keys as X-Api-Key and X-Api-Secret-Key to its base URL (default
 * https://api.redislabs.com/v1); a key not in the block comes from REDISCLOUD_ACCESS_KEY /
 * REDISCLOUD_SECRET_KEY. The block shows no request: it is read as GET /v1/, the cheapest call
 * that checks both keys.
 */
import { API_BASE, fromEnvironment, keyHeaders, type KeySource } from './keys-from';
import { matchIf, type RequestReader } from './reader';
import {
  failAt,
  type ParseResult,
  type PastedRequest,
  type PasteNote,
  type SensitiveValue,
} from './result';
import { requestLabel } from '../core/text';

const BLOCK = /\bprovider\s+"?rediscloud"?\s*\{/;
/** `name = value` inside the block, one a line. */
const ATTRIBUTE = /^\s*([A-Za-z_][\w-]*)\s*=\s*(.*?)\s*$/;

export const terraformProviderReader: RequestReader = {
  kind: 'request',
  format: 'terraform-provider',
  label: 'Terraform provider block',
  detect: (text) => matchIf(BLOCK.test(text.slice(0, 65536))),
  read: parseTerraformProvider,
};

/** The attributes of the first `provider "rediscloud"` block. Never throws. */
export function parseTerraformProvider(text: string): ParseResult<PastedRequest[]> {
  const match = BLOCK.exec(text);
  if (!match) return failAt(text, 0, 'No provider "rediscloud" block found.');
  const attributes = new Map<string, KeySource>();
  let depth = 1;
  const body = text.slice(match.index + match[0].length);
  for (const line of body.split('\n', 10_000)) {
    const code = stripComment(line);
    const attribute = depth === 1 ? ATTRIBUTE.exec(code) : null;
    if (attribute?.[1] && attribute[2] !== undefined)
      attributes.set(attribute[1], valueOf(attribute[2]));
    for (const c of code.replace(/"(?:\\.|[^"\\])*"/g, '')) {
      if (c === '{') depth++;
      else if (c === '}') depth--;
    }
    if (depth <= 0) break;
  }
  const notes: PasteNote[] = [
    {
      message:
        'A provider block shows the keys, not a request: it is read as GET /v1/, the call that checks both keys.',
    },
  ];
  const sensitive: SensitiveValue[] = [];
  const defaults = variableDefaults(text);
  const resolve = (source: KeySource | undefined): KeySource | undefined => {
    const name = source?.kind === 'variable' ? /^var\.([\w-]+)$/.exec(source.name)?.[1] : null;
    const value = name ? defaults.get(name) : undefined;
    return value !== undefined ? { kind: 'literal', value } : source;
  };
  const key = resolve(attributes.get('api_key'));
  const secret = resolve(attributes.get('secret_key'));
  if ((key === undefined) !== (secret === undefined))
    notes.push({
      message:
        'Only one of api_key and secret_key is set: older provider versions then ignore it and take both keys from REDISCLOUD_ACCESS_KEY and REDISCLOUD_SECRET_KEY.',
    });
  for (const [label, value, variable] of [
    ['api_key', key, 'REDISCLOUD_ACCESS_KEY'],
    ['secret_key', secret, 'REDISCLOUD_SECRET_KEY'],
  ] as const) {
    if (value === undefined)
      notes.push({
        message: `${label} is not in the block: the provider takes it from ${variable} in the environment, which the paste does not show.`,
      });
  }
  const { headers, variables } = keyHeaders(
    [
      {
        name: 'X-Api-Key',
        label: 'api_key',
        source: key ?? fromEnvironment('REDISCLOUD_ACCESS_KEY'),
      },
      {
        name: 'X-Api-Secret-Key',
        label: 'secret_key',
        source: secret ?? fromEnvironment('REDISCLOUD_SECRET_KEY'),
      },
    ],
    notes,
    sensitive,
  );
  const url = attributes.get('url');
  const base =
    url?.kind === 'literal' && url.value !== '' ? url.value.replace(/\/+$/, '') : API_BASE;
  const request = { method: 'GET', url: `${base}/`, headers };
  return {
    ok: true,
    value: [
      { label: requestLabel(request), request, variables, unknownOptions: [], notes, sensitive },
    ],
  };
}

/** `variable "name" { default = "value" }` blocks of the paste: name to default. */
function variableDefaults(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const block = /\bvariable\s+"([\w-]+)"\s*\{([^{}]{0,2000})\}/g;
  for (const match of text.slice(0, 262_144).matchAll(block)) {
    const value = /^\s*default\s*=\s*"((?:\\.|[^"\\\n])*)"/m.exec(match[2] ?? '')?.[1];
    if (match[1] && value !== undefined) found.set(match[1], value.replace(/\\(.)/g, '$1'));
  }
  return found;
}

/** A value: a string (with `${var.x}` kept as written), or a reference such as `var.key`. */
function valueOf(raw: string): KeySource {
  const quoted = /^"((?:\\.|[^"\\])*)"/.exec(raw);
  if (quoted) {
    const text = (quoted[1] ?? '').replace(/\\(.)/g, '$1');
    const whole = /^\$\{\s*([^}]+?)\s*\}$/.exec(text);
    if (whole?.[1]) return { kind: 'variable', name: whole[1], written: text };
    return { kind: 'literal', value: text };
  }
  const reference = /^[A-Za-z_][\w.\-[\]"()]*/.exec(raw)?.[0] ?? raw;
  return { kind: 'variable', name: reference, written: reference };
}

/** A line without its `#` or `//` comment (outside strings). */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\' && quoted) i++;
    else if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '#' || (c === '/' && line[i + 1] === '/'))) return line.slice(0, i);
  }
  return line;
}
