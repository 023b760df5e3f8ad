import type { ExchangeSource, SentRequest } from '../core/exchange';
import { refusedHeaderCharacter } from '../api/header-value';
import type { RefusedCharacter } from '../api/header-value';
import type { ChecklistItem, DiagnoseContext, Finding, ItemStatus } from '../core/checklist';
import { checkEndpoint } from './endpoint-check';
import type { EndpointCheck } from './endpoint-check';
import { scanKeyHeaders } from './header-checks';
import type { SentKeyValue } from './header-checks';
import { makeItem, worse } from './items';
import { KEY_NAME, checkKeyValue, placeholderIn, placeholderRole } from './key-values';
import type { KeyValueFinding, Sender } from './key-values';
import { capitalize } from './text';
import { say } from './claims';
import { isCiMask } from '../core/text';

/** The request-stage items plus what `diagnose()` needs to judge the answer. */
export interface PreflightDetail {
  items: [ChecklistItem, ChecklistItem, ChecklistItem, ChecklistItem];
  endpoint: EndpointCheck;
  values: SentKeyValue[];
}

const HTTP_WHITESPACE = /^[\t\n\r ]+|[\t\n\r ]+$/g;

function senderOf(source: ExchangeSource | undefined): Sender | undefined {
  if (source === undefined) return undefined;
  return source === 'pasted' ? 'other' : 'fetch';
}

function pairFindings(values: SentKeyValue[], url: string): KeyValueFinding[] {
  const found: KeyValueFinding[] = [];
  const account = values.find((v) => v.role === 'account');
  const user = values.find((v) => v.role === 'user');
  if (account && user) {
    const a = account.value.replace(HTTP_WHITESPACE, '');
    const u = user.value.replace(HTTP_WHITESPACE, '');
    if (a !== '' && a === u) {
      found.push({
        message:
          'Both headers carry the same value: the account key and the user key are two different keys.',
        severity: 'fail',
        issue: 'same-value',
      });
    }
  }
  // Key shapes are not documented, so a swap is judged only by a placeholder that names the
  // other key, e.g. $SECRET_KEY under x-api-key.
  for (const v of values) {
    const placeholder = placeholderIn(v.value);
    const named = placeholder ? placeholderRole(placeholder) : null;
    if (placeholder && named && named !== v.role) {
      found.push({
        header: v.header,
        message: `${v.header} carries ${placeholder.text}, whose name says it holds ${KEY_NAME[named]}, not ${KEY_NAME[v.role]}: the keys look swapped between the headers.`,
        severity: 'fail',
        issue: 'swapped',
      });
    }
  }
  // Eight characters at least, so that a short value cannot match the URL by chance.
  for (const v of values) {
    const value = v.value.replace(HTTP_WHITESPACE, '');
    if (value.length >= 8 && placeholderIn(value) === null && url.includes(value)) {
      found.push({
        header: v.header,
        message: `The URL holds ${KEY_NAME[v.role]}: the API reads keys only from headers, and a URL ends up in logs and browser history. Treat this key as exposed.`,
        severity: 'warn',
        issue: 'in-url',
      });
    }
  }
  return found;
}

type ShellExpanded = NonNullable<DiagnoseContext['shellExpanded']>;

/** The variable the customer's shell put into this header, or undefined. */
function expandedVariable(v: SentKeyValue, expanded: ShellExpanded): string | undefined {
  const name = v.header.trim().toLowerCase();
  return expanded.find((e) => e.header.trim().toLowerCase() === name)?.variable;
}

/** The finding for a value the paste does not show; the variable's name is no secret. */
function notInPaste(header: string, variable: string): Finding {
  return {
    header,
    message: `${header} came from the shell variable ${variable.slice(0, 80)}, which the customer's shell filled in: the paste does not show the value. Type it below or compare fingerprints.`,
  };
}

/** The finding for a value a CI log masked. */
function maskedInLog(header: string, value: string): Finding {
  const stars = value.trim() === '***';
  return {
    header,
    message: stars
      ? `${header} shows the CI log's mask, so the paste does not show its value. ${say('ciMask')}`
      : `${header} shows the CI log's mask ([MASKED]), so the paste does not show its value: two masked keys look the same whatever they hold.`,
  };
}

function keyValuesItem(
  values: SentKeyValue[],
  url: string,
  sender: Sender | undefined,
  expanded: ShellExpanded = [],
) {
  const findings: KeyValueFinding[] = [];
  const hidden: Finding[] = [];
  for (const v of values) {
    // A blank value is the header item's finding; any other character is still named here.
    if (v.value === '' || /^ +$/.test(v.value)) continue;
    const options = sender === undefined ? { header: v.header } : { header: v.header, sender };
    const own = checkKeyValue(v.value, v.role, options);
    // A CI log (GitHub Actions and others) prints every registered secret as `***`: the paste
    // shows the mask, not three asterisks sent as the key (FACTS.md, "What customers paste as
    // the answer").
    if (sender === 'other' && isCiMask(v.value)) {
      hidden.push(maskedInLog(v.header, v.value));
      continue;
    }
    const variable = expandedVariable(v, expanded);
    if (variable === undefined) {
      findings.push(...own);
      continue;
    }
    // The shell replaced the variable, so `$NAME` is what the paste shows, not what was sent:
    // only what sits around it (quotes, spaces) was sent as written.
    findings.push(...own.filter((f) => f.issue !== 'placeholder'));
    hidden.push(notInPaste(v.header, variable));
  }
  findings.push(
    ...pairFindings(
      values.filter((v) => sender !== 'other' || !isCiMask(v.value)),
      url,
    ),
  );
  const checked = values.filter((v) => v.value !== '' && !/^ +$/.test(v.value));
  if (checked.length === 0) {
    return makeItem('key-values', 'skipped', {
      summary: 'No key value to check.',
      explanation: 'The request carries no non-empty key header, so there is no value to inspect.',
    });
  }
  let status = findings.reduce<ItemStatus>((s, f) => worse(s, f.severity), 'pass');
  // A value the paste does not show cannot be called clean; only a sure failure outranks that.
  if (hidden.length > 0 && status !== 'fail') status = 'unknown';
  const worst = findings.find((f) => f.severity === status);
  const publicFindings: Finding[] = [
    ...hidden,
    ...findings.map((f) =>
      f.header === undefined ? { message: f.message } : { header: f.header, message: f.message },
    ),
  ];
  const which = checked.map((v) => KEY_NAME[v.role]);
  // The summary does not name the variable: a report scrubs anything that was in a key header.
  const masked = hidden.some((h) => h.message.includes(" shows the CI log's mask,"));
  const hiddenSummary = masked
    ? `The paste does not show ${hidden.length === 1 ? 'one key value' : 'the key values'}: the CI log masked ${hidden.length === 1 ? 'it' : 'them'}. Compare fingerprints where the keys are set.`
    : `The paste does not show ${hidden.length === 1 ? 'one key value' : 'the key values'}: the customer's shell filled ${hidden.length === 1 ? 'it' : 'them'} in from a variable. Type the value or compare fingerprints.`;
  return makeItem('key-values', status, {
    summary:
      worst?.message ??
      (status === 'unknown'
        ? hiddenSummary
        : `${capitalize([...new Set(which)].join(' and '))}: nothing wrong found.`),
    explanation:
      'Keycheck looks for what can never be right in a key value: a placeholder, quotes, an auth scheme such as "Bearer ", surrounding spaces, and any character outside printable ASCII (newlines, invisible and typographic characters picked up by copying). The length and alphabet of the keys are not documented, so a value is never judged by its shape.',
    ...(status === 'pass'
      ? {}
      : status === 'unknown'
        ? {
            fix: masked
              ? 'Check the CI secrets that fill these headers: compare their fingerprints with the keys in the console, since the log shows only the mask.'
              : "Ask the customer which key the variable held, type it into Keycheck's value box (it stays in this tab), or compare its fingerprint with the one the customer sees.",
          }
        : {
            fix: 'Copy the key again and paste it without anything around it. The account key can be viewed again in the console; the user key is shown only once, so if no clean copy is left, create a new user key.',
          }),
    findings: publicFindings,
  });
}

/**
 * Everything `preflight` finds, plus the parsed endpoint and the key values, for `diagnose()`.
 * `source` words whitespace findings for the tool that sent the request (omit it when unknown).
 */
export function preflightDetail(
  request: SentRequest,
  context?: DiagnoseContext,
  source?: ExchangeSource,
): PreflightDetail {
  const headers = Array.isArray(request.headers) ? request.headers : [];
  const scan = scanKeyHeaders(headers);
  const url = typeof request.url === 'string' ? request.url : '';
  const method = typeof request.method === 'string' ? request.method : '';
  const endpoint = checkEndpoint(method, url, context, source);
  const values = keyValuesItem(scan.values, url, senderOf(source), context?.shellExpanded);
  return { items: [scan.account, scan.user, values, endpoint.item], endpoint, values: scan.values };
}

/**
 * The four request-stage items, in order: `account-key-header`, `secret-key-header`,
 * `key-values`, `endpoint`. Each is `pass`, `warn` or `fail` (`key-values` is `skipped` when no
 * key header has a value). Covers every mistake in FACTS.md "Mistakes seen in the wild" that can
 * be seen in the request alone; `context.isKnownOperation`, when given, also checks the
 * operation. `source` says which tool sent it (`pasted`: curl-like tools that keep surrounding
 * spaces; `network`/`sandbox`: fetch); omit it before sending. Findings never hold a key value
 * or a piece of one. Never throws, whatever the input.
 */
export function preflight(
  request: SentRequest,
  context?: DiagnoseContext,
  source?: ExchangeSource,
): ChecklistItem[] {
  return [...preflightDetail(request, context, source).items];
}

/** The first header value `fetch` would refuse to send, with its header name, or null. */
export function refusedHeader(
  request: SentRequest,
): { header: string; refused: RefusedCharacter } | null {
  for (const h of request.headers) {
    const refused = refusedHeaderCharacter(h.value);
    if (refused) return { header: h.name, refused };
  }
  return null;
}
