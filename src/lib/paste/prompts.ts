/**
 * Shell prompts pasted along with a command, taken off before any reader looks at it: the
 * prompt before a command (`% curl`, `jane@MacBook-Pro ~ % curl`, `ubuntu@ip-10-0-1-12:~$ curl`,
 * `➜  ~ curl`, `❯ curl`, `PS C:\> curl.exe`, `C:\> curl`, GitHub Actions' `Run curl` step title) and the continuation prompt a shell
 * prints on the next line of a command that goes on (bash's `> `, PowerShell's `>> `, cmd's
 * `More? `). A prompt is taken off only before a command word, and a continuation prompt only
 * after a line that ends with a continuation (`\`, `` ` ``, `^`): curl -v's `> GET ...` lines
 * and `# comments` stay as they are. One pass over the lines, each pattern bounded: linear.
 */

/** A shell prompt: zsh and bash with user@host, oh-my-zsh, starship, PowerShell, cmd, `$`, `%`. */
const PROMPT =
  /^[ \t]*(?:[\w.-]{1,64}@[\w.-]{1,64}(?::[^\s$#%]{0,200}|[ \t]+[^\s$#%]{1,200})?[ \t]?[$#%]|\$|%|➜[ \t]+\S{1,200}|❯|λ|PS(?:[ \t][^>\n]{0,200})?>|[A-Za-z]:\\[^>\n]{0,200}>|Run)[ \t]+/;
/** A command a prompt may stand before. */
const COMMAND =
  /^(?:sudo[ \t]+)?(?:[^\s'"]{0,200}[/\\])?(?:curl(?:\.exe)?|https?|http|wget|redisctl|Invoke-RestMethod|Invoke-WebRequest|irm|iwr|export|set|\$env:)(?=[\s:]|$)/i;
/** The prompt a shell prints on the next line of a command that goes on. */
const CONTINUATION_PROMPT = /^[ \t]*(?:>>?|More\?)(?:[ \t]+|$)/;
/** A line that goes on: it ends with bash's `\`, PowerShell's backtick or cmd's `^`. */
const CONTINUES = /[\\`^][ \t]*\r?$/;

/** The text with the prompts a shell printed taken off; the same string when it has none. */
export function withoutPrompts(text: string): string {
  const lines = text.split('\n');
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (i > 0 && CONTINUES.test(lines[i - 1] as string) && CONTINUATION_PROMPT.test(line)) {
      lines[i] = line.replace(CONTINUATION_PROMPT, '');
      changed = true;
      continue;
    }
    const prompt = PROMPT.exec(line);
    if (prompt && COMMAND.test(line.slice(prompt[0].length))) {
      lines[i] = line.slice(prompt[0].length);
      changed = true;
    }
  }
  return changed ? lines.join('\n') : text;
}
