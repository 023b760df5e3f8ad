/**
 * Inspecting what a customer pasted (Diagnose): one request read from the Request box, the
 * answer from the Response box, and the values the user typed for shell variables. Diagnose,
 * then build everything shown or shared from the safe view: the exchange, the checklist, the
 * report and the share link. Typed values fill the request here and go nowhere else.
 */
import { forbiddenMeaning, isKnownOperation } from '../api/catalog';
import { relayShown } from '../api/relay';
import { diagnose } from '../auth/diagnose';
import {
  ACCOUNT_KEY_HEADER,
  USER_KEY_HEADER,
  type Checklist,
  type DiagnoseContext,
} from '../core/checklist';
import { headerValue, type Exchange } from '../core/exchange';
import { isCiMask } from '../core/text';
import { pastedExchange } from '../paste/paste';
import type { PastedRequest, ResponsePaste } from '../paste/result';
import { fillVariables } from '../paste/variables';
import { buildReport, keyFingerprints, NOT_IN_PASTE, type KeyFingerprints } from '../report/report';
import { encodeShareFragment } from '../report/share';
import { findSecrets, safeChecklist, safeView, scrubber } from '../secrets';
import { openedRequest, type Opened } from './open-paste';

/** A key header whose value came from a variable the user has not typed yet. */
export interface HiddenValue {
  header: string;
  variable: string;
}

export interface PasteInspection {
  /** The exchange as diagnosed, typed values filled in: it may hold keys, so memory only. */
  exchange: Exchange;
  /** Safe to show: the safe view of `exchange`. */
  shown: Exchange;
  checklist: Checklist;
  fingerprints: KeyFingerprints;
  report: string;
  hidden: HiddenValue[];
  /** The fragment of a link that opens this diagnosis (built from the safe view only). */
  shareFragment(at: Date): Promise<string>;
  /**
   * The request as a this-tab-only Playground profile. Its keys go to the masked key fields;
   * a URL or body that still holds a piece of a key is refused, since the Playground shows both.
   * `urlHasVariables`: the URL holds a variable nobody typed.
   */
  open(urlHasVariables: boolean): Opened;
}

export interface InspectPasteInput {
  candidate: PastedRequest;
  /** The Response box as read, or null when it was empty. */
  response: ResponsePaste | null;
  /** Values typed for shell variables, by name. */
  values?: Readonly<Record<string, string>>;
  /** The two boxes as pasted: what is assigned or passed in them counts as secret too. */
  pasted?: readonly string[];
  /** When the report is made. */
  at: Date;
  /** What an earlier success with the same keys showed (an earlier attempt of a ticket). */
  learned?: DiagnoseContext['learned'];
  /**
   * Every secret of the paste, found once by the caller (`pasteSecrets`): the two boxes and the
   * requests read from them. Without it, they are found here from `pasted` and `candidate`.
   */
  pasteSecrets?: readonly string[];
}

/**
 * Every secret a paste holds: the two boxes as pasted, and the requests read from them with
 * what their readers flagged (a key glued from pieces is whole only in the request as read),
 * and the strings a view shows of each (its label, notes, skipped options, variables as
 * written), which a reader writes from the words as it read them.
 */
export function pasteSecrets(
  pasted: readonly string[],
  candidates: readonly PastedRequest[],
): string[] {
  return findSecrets({
    paste: [
      ...pasted,
      ...candidates.flatMap((c) => [
        c.label,
        ...c.notes.map((n) => n.message),
        ...c.unknownOptions,
        ...c.variables.map((v) => v.written),
      ]),
    ],
    read: candidates.map((c) => c.request),
    extra: candidates.flatMap((c) => c.sensitive.map((s) => s.value)),
  });
}

/** The header uses of shell-expanded variables whose value nobody typed. */
export function hiddenValues(
  candidate: PastedRequest,
  values: Readonly<Record<string, string>>,
): HiddenValue[] {
  const typed = (name: string) => (values[name] ?? '') !== '';
  return candidate.variables
    .filter((v) => v.handling === 'expanded-by-shell' && v.in === 'header' && !typed(v.name))
    .map((v) => ({
      header: v.headerName ?? candidate.request.headers[v.headerIndex ?? -1]?.name ?? '',
      variable: v.written,
    }))
    .filter((h) => h.header !== '');
}

/**
 * Typographic quotes where the shell wants plain ones: opening an option's value
 * (`-H “x-api-key: ...”`) or a URL (`“https://...”`).
 */
const SMART_QUOTES_AS_SHELL_QUOTES =
  /(?:^|\s)-{1,2}[A-Za-z][\w-]*[\s=]+[\u201c\u2018]|[\u201c\u2018]https?:/;

/** The variable the customer's shell filled the URL's host from, when nobody typed its value. */
function hostVariable(
  candidate: PastedRequest,
  values: Readonly<Record<string, string>>,
): string | undefined {
  const url = candidate.request.url;
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(url)?.[0].length ?? 0;
  const slash = url.indexOf('/', scheme);
  const hostEnd = slash < 0 ? url.length : slash;
  return candidate.variables.find(
    (v) =>
      v.in === 'url' &&
      v.handling === 'expanded-by-shell' &&
      v.start < hostEnd &&
      (values[v.name] ?? '') === '',
  )?.written;
}

const HIDDEN_MARK = (variable: string) =>
  `[not in the paste: the customer's shell filled it in from ${variable}]`;

/** Diagnoses one candidate with the Response box's answer and the values the user typed. */
export async function inspectPaste(input: InspectPasteInput): Promise<PasteInspection> {
  const { candidate, at } = input;
  const userTyped = Object.fromEntries(
    Object.entries(input.values ?? {}).filter(([, value]) => value !== ''),
  );
  // What the paste itself assigns fills its variables too; what the user typed wins over it.
  // Only typed values are secrets by being typed: an assigned one is one where the reader says.
  const typed = { ...candidate.assigned, ...userTyped };
  const request = fillVariables(candidate, typed);
  const exchange = pastedExchange({ ...candidate, request }, input.response);
  const hidden = hiddenValues(candidate, typed);
  const host = hostVariable(candidate, typed);
  const context: DiagnoseContext = {
    isKnownOperation,
    forbiddenMeaning,
    ...(hidden.length > 0 ? { shellExpanded: hidden } : {}),
    ...(host ? { hostFromVariable: host } : {}),
    ...(candidate.keysNotShown ? { keysNotShown: candidate.keysNotShown } : {}),
    ...(relayShown(exchange) ? { viaRelay: true } : {}),
    ...(input.learned ? { learned: input.learned } : {}),
    ...(SMART_QUOTES_AS_SHELL_QUOTES.test(input.pasted?.[0] ?? '') ? { smartQuotes: true } : {}),
  };
  // The paste's own secrets (typed values are not among them: they may fill the path).
  const pasted = input.pasteSecrets ?? pasteSecrets(input.pasted ?? [], [candidate]);
  const { exchange: safe, redactor } = await safeView(exchange, {
    found: pasted,
    typed: Object.values(userTyped),
    extra: candidate.sensitive.map((s) => s.value),
  });
  // A variable as written is pasted text too (`$(echo <key>)`, `${RC_KEY:-<key>}`).
  const shownHidden = hidden.map((h) => ({
    header: redactor.text(h.header),
    variable: redactor.text(h.variable),
  }));
  const isHidden = (name: string) => {
    const at = hidden.findIndex((h) => h.header.trim().toLowerCase() === name.trim().toLowerCase());
    return at < 0 ? undefined : shownHidden[at];
  };
  const shown: Exchange = {
    ...safe,
    request: {
      ...safe.request,
      // The text `$ACCOUNT_KEY` is not what was sent: say where the value came from instead.
      headers: safe.request.headers.map((h, i) => {
        const from = isHidden(exchange.request.headers[i]?.name ?? '');
        return from ? { name: h.name, value: HIDDEN_MARK(from.variable) } : h;
      }),
    },
  };
  const checklist = safeChecklist(diagnose(exchange, context), redactor);
  const fingerprints = await keyFingerprints(request.headers);
  // Where the paste cannot show a key, the report says so instead of "not sent".
  const requestMissing = request.url.trim() === '' && request.headers.length === 0;
  const notShown = candidate.keysNotShown
    ? NOT_IN_PASTE.toolHides
    : requestMissing
      ? NOT_IN_PASTE.noRequest
      : null;
  for (const which of ['account', 'user'] as const) {
    const value = headerValue(
      request.headers,
      which === 'account' ? ACCOUNT_KEY_HEADER : USER_KEY_HEADER,
    );
    if (isCiMask(value)) fingerprints[which] = { notInPaste: NOT_IN_PASTE.masked };
    else if (fingerprints[which] === null && notShown)
      fingerprints[which] = { notInPaste: notShown };
  }
  hidden.forEach((h, i) => {
    const name = h.header.trim().toLowerCase();
    const variable = shownHidden[i]?.variable ?? '';
    // The fingerprint of the text `$ACCOUNT_KEY` would name a key nobody sent.
    if (name === ACCOUNT_KEY_HEADER) fingerprints.account = { variable };
    if (name === USER_KEY_HEADER) fingerprints.user = { variable };
  });
  const report = buildReport({ exchange: shown, checklist, fingerprints, at }, redactor.text);
  return {
    exchange,
    shown,
    checklist,
    fingerprints,
    report,
    hidden: shownHidden,
    open: (urlHasVariables: boolean) => {
      const opened = openedRequest(exchange.request, urlHasVariables);
      if (!opened.ok) return opened;
      // Typed values may fill the path (that is what they are for); pasted secrets may not.
      const pastedSecrets = scrubber([...pasted, ...findSecrets({ read: [candidate.request] })]);
      // Everything handed over but the two keys, which go to the masked key fields.
      const choice = Object.entries(opened.choice)
        .filter(([name]) => name !== 'accountKey' && name !== 'userKey')
        .map(([, value]) => (typeof value === 'string' ? value : ''));
      if ([opened.method, opened.path, opened.body ?? '', ...choice].some(pastedSecrets.leaks)) {
        return {
          ok: false,
          error:
            'The pasted method, URL or body holds a piece of a key, and the Playground would show it: fix the paste first (keys belong in the two key headers).',
        };
      }
      return opened;
    },
    shareFragment: (when: Date) =>
      encodeShareFragment({ exchange: shown, checklist, fingerprints, at: when }, redactor.leaks),
  };
}
