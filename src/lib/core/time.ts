/** The current time as ISO 8601: a plain module, so rune files need no Date of their own. */
export const nowIso = (): string => new Date().toISOString();
