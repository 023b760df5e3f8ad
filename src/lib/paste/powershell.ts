/*
 * PowerShell: `Invoke-RestMethod` / `Invoke-WebRequest` and their aliases (`irm`, `iwr`, and
 * `curl` / `wget` in Windows PowerShell 5, which are not curl), with `-Uri`, `-Method`,
 * `-Headers @{...}` (inline, through `$headers = @{...}`, or built with `.Add`), `-Body`,
 * `-ContentType`, splatting (`@params`), backtick continuations and `$env:NAME = "..."`.
 * `curl.exe` is curl and is read by the curl reader.
 */
import { buildCodeRequest } from './code-request';
import { CodeReader, entry, plainText, setEntry, toJson, type Value } from './code-values';
import type { CodeToken } from './code-tokens';
import { matchIf, type RequestReader } from './reader';

const tokenText = (t: CodeToken | undefined): string => (t && t.kind !== 'str' ? t.text : '');
import { firstCodeOffset, foundOrFail, runStatements, tagged } from './code-statements';
import { failAt, type ParseResult, type PastedRequest, type SensitiveValue } from './result';
import { addSensitive } from './sensitive';

const COMMAND = /^(?:Invoke-RestMethod|Invoke-WebRequest|irm|iwr|curl|wget)$/i;
/** `New-Object System.Net.WebClient` and the calls that send its request. */
const WEB_CLIENT = /^(?:System\.)?Net\.WebClient$/i;
const WEB_CLIENT_CALL =
  /^(\$\w+)\.(Download(?:String|Data|File)|OpenRead|Upload(?:String|Data|Values))(?:Async|TaskAsync)?$/i;

/** Parameters that take no value. */
const SWITCHES =
  /^-(?:UseBasicParsing|SkipCertificateCheck|SkipHeaderValidation|AllowUnencryptedAuthentication|DisableKeepAlive|PassThru|Verbose|Debug|SkipHttpErrorCheck|NoProxy|AllowInsecureRedirect|PreserveAuthorizationOnRedirect|Resume|UseDefaultCredentials)$/i;

/** True when the text uses Invoke-RestMethod / Invoke-WebRequest or PowerShell's syntax. */
export function looksLikePowerShell(text: string): boolean {
  const head = text.slice(0, 65536);
  return (
    /\b(?:Invoke-RestMethod|Invoke-WebRequest)\b|\bNew-Object\s+(?:System\.)?Net\.WebClient\b/i.test(
      head,
    ) ||
    /(?:^|[\s;(|])(?:irm|iwr|curl|wget)\s[^\n]*\s-(?:Uri|Headers|Method)\b/im.test(head) ||
    /\$\w+\s*=\s*@\{/.test(head)
  );
}

/** Reads every Invoke-RestMethod / Invoke-WebRequest command, one candidate each. */
export function parsePowerShell(text: string): ParseResult<PastedRequest[]> {
  // Prompts pasted along (`PS C:\> `, `>> `) are blanked, same length, so offsets stay right.
  const code = text.replace(/^(?:PS [^>\n]{0,200}> ?|>> ?)/gm, (m) => ' '.repeat(m.length));
  const reader = new CodeReader(code, 'powershell');
  const found: PastedRequest[] = [];
  const sensitive: SensitiveValue[] = [];
  const environment: string[] = [];
  runStatements(reader, {
    statement(name) {
      // `+ Invoke-RestMethod -Uri ...`: PowerShell echoing the failed line in its error, cut short.
      const echoed = reader.peek(-1)?.kind === 'punct' && reader.is('+', -1);
      if (COMMAND.test(name) && !reader.is('=', 1) && !reader.is(':', 1) && !echoed) {
        reader.pos++;
        const candidate = readCommand(reader, sensitive);
        if (candidate) found.push(candidate);
        return true;
      }
      // `$wc.DownloadString(url)`, `$wc.UploadString(url, "POST", body)`: a WebClient's request.
      const call = WEB_CLIENT_CALL.exec(name);
      const clientHeaders = call?.[1]
        ? reader.scope.get(`${call[1].toLowerCase()}.headers`)
        : undefined;
      if (call && clientHeaders && reader.is('(', 1)) {
        reader.pos += 2;
        found.push(
          webClientRequest(call[2] ?? '', reader.args(')').positional, clientHeaders, sensitive),
        );
        return true;
      }
      // `$headers.Add("x-api-key", $key)`, `$wc.Headers.Add(...)`, `$headers.x = ...`
      const add = /^(\$\w+(?:\.Headers)?)\.Add$/i.exec(name)?.[1];
      if (add && reader.is('(', 1)) {
        reader.pos += 2;
        const [key, value] = reader.args(')').positional;
        const target = reader.scope.get(add.toLowerCase());
        if (target && key && value) setEntry(target, key, value);
        return true;
      }
      const member = /^(\$\w+)\.([A-Za-z_][\w-]*)$/.exec(name);
      if (member?.[1] && member[2] && reader.is('=', 1)) {
        reader.pos += 2;
        const target = reader.scope.get(member[1].toLowerCase());
        const value = reader.expression();
        if (target) setEntry(target, { t: 'str', parts: [{ text: member[2] }] }, value);
        return true;
      }
      return false;
    },
    assigns: (name) => name.startsWith('$'),
    assignment(name) {
      const rhs = reader.peek();
      if (rhs?.kind === 'name' && COMMAND.test(rhs.text)) return true;
      // `New-Object "System.Collections.Generic.Dictionary[[String],[String]]"` and friends.
      if (rhs?.kind === 'name' && /^New-Object$/i.test(rhs.text)) {
        reader.pos++;
        const type = reader.peek();
        const webClient = type?.kind === 'name' && WEB_CLIENT.test(type.text);
        reader.primary();
        // A WebClient keeps its headers in `.Headers`; anything else is a dict of its own.
        const key = webClient ? `${name.toLowerCase()}.headers` : name.toLowerCase();
        reader.scope.set(key, { t: 'dict', entries: [] });
        return true;
      }
      if (rhs?.kind === 'name' && WEB_CLIENT_CALL.test(rhs.text)) return true;
      return false;
    },
    store(name, raw) {
      let value = raw;
      // `@{...} | ConvertTo-Json`: the hashtable as JSON text.
      if (reader.is('|') && /^ConvertTo-Json$/i.test(tokenText(reader.peek(1)))) {
        value = { t: 'str', parts: toJson(value) };
        reader.pos += 2;
      }
      // `$env:KEY = "..."` and `$key = "..."`: the value is in the paste, and it is secret.
      const text = plainText(value);
      if (/^\$env:/i.test(name)) {
        environment.push(name);
        if (text !== null) addSensitive(sensitive, text, 'assignment');
      }
      reader.scope.set(name.toLowerCase(), tagged(value, name));
    },
    indexTarget: (name) => reader.scope.get(name.toLowerCase()),
  });
  if (found.length === 0 && environment.length > 0) {
    // Only the keys were set: read (so their values count as secrets) and named for a person.
    return failAt(
      text,
      firstCodeOffset(text),
      'This sets the keys ($env: variables) but sends no request: paste the command and what it printed.',
    );
  }
  return foundOrFail(
    text,
    found,
    'This looks like PowerShell, but no Invoke-RestMethod, Invoke-WebRequest or WebClient request was found.',
  );
}

/** The parameters of one command, up to the end of its line (continuations already joined). */
function readCommand(reader: CodeReader, sensitive: SensitiveValue[]): PastedRequest | null {
  const params = new Map<string, Value>();
  const positional: Value[] = [];
  for (let guard = 0; reader.pos < reader.tokens.length && guard < 10_000; guard++) {
    const token = reader.peek();
    if (
      !token ||
      token.kind === 'nl' ||
      reader.is(';') ||
      reader.is('|') ||
      reader.is(')') ||
      reader.is('}')
    )
      break;
    if (token.kind === 'name' && /^@\w+$/.test(token.text)) {
      // Splatting: `@params` passes a hashtable's entries as parameters.
      reader.pos++;
      const splat = reader.scope.get(`$${token.text.slice(1)}`.toLowerCase());
      if (splat?.t === 'dict')
        for (const e of splat.entries) {
          const key = plainText(e.key);
          if (key) params.set(key.toLowerCase(), e.value);
        }
      continue;
    }
    if (token.kind === 'name' && /^-[A-Za-z]/.test(token.text)) {
      reader.pos++;
      const param = token.text.slice(1).replace(/:$/, '').toLowerCase();
      if (SWITCHES.test(token.text)) continue;
      params.set(param, reader.primary());
      continue;
    }
    const before = reader.pos;
    positional.push(reader.primary());
    if (reader.pos === before) reader.pos++;
  }
  const param = (...names: string[]) => {
    for (const [key, value] of params)
      if (names.some((n) => n.startsWith(key) && key.length >= 1) || names.includes(key))
        return value;
    return undefined;
  };
  const url = param('uri', 'url') ?? positional[0];
  if (!url || url.t === 'none') return null;
  const method = param('method', 'customMethod');
  const methodText = (method && plainText(method)) || 'GET';
  const body = param('body');
  const contentType = param('contenttype');
  const typeText = contentType ? plainText(contentType) : null;
  const isGet = methodText.toUpperCase() === 'GET';
  const notes = [];
  if (param('credential') || param('token')) {
    notes.push({
      message:
        '-Credential or -Token sends an Authorization header, which the API does not read: it reads x-api-key and x-api-secret-key.',
    });
  }
  const candidate = buildCodeRequest(
    {
      method: methodText,
      url,
      headers: [param('headers'), agentHeader(param('useragent'))],
      // A hashtable body goes in the query of a GET and form-encoded otherwise.
      ...(body?.t === 'dict' && isGet
        ? { params: body }
        : body?.t === 'dict' && typeText && /json/i.test(typeText)
          ? { json: body }
          : { data: body }),
      contentType: typeText ?? undefined,
    },
    notes,
    [],
  );
  for (const s of candidate.sensitive) addSensitive(sensitive, s.value, s.source);
  candidate.sensitive = sensitive;
  return candidate;
}

export { entry };

export const powershellReader: RequestReader = {
  kind: 'request',
  format: 'powershell',
  label: 'PowerShell',
  // A paste that only sets `$env:` variables is PowerShell too, but weakly: a curl.exe or
  // Python command after them is what the paste is about.
  detect: (text) =>
    looksLikePowerShell(text)
      ? matchIf(true)
      : matchIf(/^[ \t]*\$env:\w+\s*=/im.test(text.slice(0, 65536)), true),
  read: parsePowerShell,
};

/** `-UserAgent "..."` as the header it sends. */
function agentHeader(agent: Value | undefined): Value | undefined {
  if (!agent || agent.t !== 'str') return undefined;
  return {
    t: 'dict',
    entries: [{ key: { t: 'str', parts: [{ text: 'User-Agent' }] }, value: agent }],
  };
}

/** A WebClient's request: Download* is a GET, Upload* a POST unless a method is given. */
function webClientRequest(
  call: string,
  args: Value[],
  headers: Value,
  sensitive: SensitiveValue[],
): PastedRequest {
  const upload = /^upload/i.test(call);
  const [url, second, third] = args;
  const method = upload && third ? plainText(second as Value) : null;
  const candidate = buildCodeRequest(
    {
      method: (method || (upload ? 'POST' : 'GET')).toUpperCase(),
      url: url ?? { t: 'str', parts: [] },
      headers: [headers],
      data: upload ? (third ?? second) : undefined,
    },
    [],
    [],
  );
  for (const s of candidate.sensitive) addSensitive(sensitive, s.value, s.source);
  candidate.sensitive = sensitive;
  return candidate;
}
