import type { ReceivedResponse } from '../core/exchange';
import type { DiagnoseContext } from '../core/checklist';
import { makeItem } from './items';
import type { Judged } from './judged';
import type { PreflightDetail } from './preflight';
import { reachedItem, statusWords } from './answer-common';
import { rateLimitNotHit } from './rules-rate-limit';
import { parseAccount } from './response-body';
import type { AccountInfo } from './response-body';
import { sourceIpAfterSuccess } from './rules-source-ip';
import { say } from './claims';

function accountWords(info: AccountInfo | null): string {
  if (info?.accountId === undefined) return '';
  return `account ${info.accountId}${info.accountName ? ` (${info.accountName})` : ''}`;
}

/** The answer items for a 2xx from the API: every condition held for this request. */
export function judgeSuccess(
  response: ReceivedResponse,
  status: number,
  stated: boolean,
  detail: PreflightDetail,
  context: DiagnoseContext | undefined,
  method: string,
): Judged {
  const info = parseAccount(response.body);
  const items = {} as Judged['items'];
  items['reached-api'] = reachedItem(response, status, stated);
  const account = accountWords(info);
  const keyName = info?.keyName ? ` The user key is named ${info.keyName}.` : '';
  items['keys-valid'] = makeItem('keys-valid', 'pass', {
    summary: account
      ? `Holds: the API accepted both keys and answered for ${account}.`
      : 'Holds: the API accepted both keys.',
    explanation: `${say('successMeansAuthenticated')}${keyName}`,
  });
  const learnedId = context?.learned?.accountId;
  const moved =
    info?.accountId !== undefined && learnedId !== undefined && learnedId !== info.accountId;
  items['same-account'] = moved
    ? makeItem('same-account', 'warn', {
        summary: `The keys belong together, but to ${account}, while this profile learned account ${learnedId} before.`,
        explanation:
          'The pair authenticates, so the user key belongs to the account of the account key; but it is not the account this profile was used with. One or both keys were likely replaced with keys of another account.',
        fix: 'Check that this profile holds the keys of the account you mean.',
      })
    : makeItem('same-account', 'pass', {
        summary: account
          ? `Holds: the user key belongs to ${account}, the account of the account key.`
          : 'Holds: the user key belongs to the account of the account key.',
        explanation:
          'A pair from two accounts does not authenticate; this one did.' +
          (info?.keyName && account ? ` Key ${info.keyName} is a user key of ${account}.` : ''),
      });
  const relay = context?.viaRelay === true || detail.endpoint.hostKind === 'relay';
  items['source-ip'] = sourceIpAfterSuccess(info, context, relay);
  items['api-enabled'] = makeItem('api-enabled', 'pass', {
    summary: account
      ? `Holds: API access is enabled on ${account}.`
      : 'Holds: API access is enabled on the account.',
    explanation: `${say('successMeansAuthenticated')} ${say('apiOffByDefault')}`,
  });
  const verb = method.trim().toUpperCase();
  items['role-permits'] = makeItem('role-permits', 'pass', {
    summary: `Holds: the key's role allows ${verb} ${detail.endpoint.path}.`,
    explanation:
      verb === 'GET'
        ? 'The API answered this GET. This says nothing about writes: a Viewer key may only send GET requests, and a Logs-viewer key only GET /v1/logs.'
        : 'The API accepted this write, which only an Owner key (or a role allowed this operation) may do.',
  });
  items['rate-limit'] = rateLimitNotHit(response, status);
  return {
    verdict: 'ok',
    items,
    decisive: null,
    lead: `${statusWords(status, stated ? '' : response.statusText)}${account ? `, ${account}` : ''}`,
    authenticated: true,
    action: 'Nothing to fix: every condition held for this request',
  };
}
