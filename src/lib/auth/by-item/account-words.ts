import type { AccountInfo } from '../response-body';

/** `account 1001 (Acme)`, from the API's account body, or '' when it names none. */
export function accountWords(info: AccountInfo | null): string {
  if (info?.accountId === undefined) return '';
  return `account ${info.accountId}${info.accountName ? ` (${info.accountName})` : ''}`;
}
