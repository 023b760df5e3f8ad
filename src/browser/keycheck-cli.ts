/**
 * The two lines a customer types to run keycheck.mjs (the command-line check the site serves
 * beside index.html): download it from this very site, then run it. The address is read from
 * the page at run time, so the lines are right wherever the site is hosted, under a sub-path too.
 */

export const CLI_FILE = 'keycheck.mjs';
export const RUN_LINE = `node ${CLI_FILE} check`;

export interface CliCommands {
  /** Where the site serves the file. */
  url: string;
  /** Linux and macOS: curl, then node. */
  posix: readonly [string, string];
  /** Windows PowerShell (5.1 and 7): Invoke-WebRequest, then node. */
  powershell: readonly [string, string];
}

/** Characters that need no quoting in either shell. */
const PLAIN = /^[A-Za-z0-9:/._~%+=@-]+$/;

/** The lines for the file at `url`; by default the one beside this page. */
export function cliCommands(url: string = cliUrl()): CliCommands {
  const posixUrl = PLAIN.test(url) ? url : `'${url.replace(/'/g, `'\\''`)}'`;
  const psUrl = PLAIN.test(url) ? url : `'${url.replace(/'/g, "''")}'`;
  return {
    url,
    posix: [`curl -O ${posixUrl}`, RUN_LINE],
    powershell: [`Invoke-WebRequest ${psUrl} -OutFile ${CLI_FILE}`, RUN_LINE],
  };
}

/** keycheck.mjs's address beside the page (the page's query and fragment left out). */
export function cliUrl(base: string = globalThis.document?.baseURI ?? 'http://localhost/'): string {
  return new URL(CLI_FILE, base).href;
}
