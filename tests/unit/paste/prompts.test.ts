/**
 * Prompts pasted along with a command are taken off before a reader reads it: the prompt before
 * the command in every common shell, and the continuation prompt on the lines of a command that
 * goes on. curl -v's own `> ` lines and comments stay.
 */
import { describe, expect, test } from 'vitest';
import { parseRequestPaste } from '../../../src/lib/paste/paste';
import { withoutPrompts } from '../../../src/lib/paste/prompts';

const A = 'Ak3f9Qz7LmN2pR8sT4vW6xY1bC5dE0gH';
const U = 'Us7Kp2Lm9Qr4Tv6Wx8Yz1Ab3Cd5Ef7Gh9Ij0Kl';
const CURL = `curl -s https://api.redislabs.com/v1/subscriptions -H "x-api-key: ${A}" -H "x-api-secret-key: ${U}"`;

function request(text: string) {
  const read = parseRequestPaste(text);
  if (!read.ok) throw new Error(read.error.message);
  return read.value.candidates[0]!.request;
}

describe('the prompt before a command', () => {
  test.each([
    ['zsh', `% ${CURL}`],
    ['zsh with user and host', `jane@MacBook-Pro ~ % ${CURL}`],
    ['bash with user, host and path', `ubuntu@ip-10-0-1-12:~$ ${CURL}`],
    ['oh-my-zsh', `➜  ~ ${CURL}`],
    ['starship', `❯ ${CURL}`],
    ['bash', `$ ${CURL}`],
  ])('%s', (_, text) => {
    const sent = request(text);
    expect(sent.url).toBe('https://api.redislabs.com/v1/subscriptions');
    expect(sent.headers.map((h) => h.value)).toEqual([A, U]);
  });
});

describe('continuation prompts', () => {
  test("bash's > on each continued line", () => {
    const sent = request(
      `$ curl -s https://api.redislabs.com/v1/subscriptions \\\n> -H "x-api-key: ${A}" \\\n> -H "x-api-secret-key: ${U}"`,
    );
    expect(sent.headers.map((h) => h.value)).toEqual([A, U]);
  });

  test("PowerShell's >> after a backtick", () => {
    const sent = request(
      `PS C:\\> curl.exe -X DELETE \`\n>> -H "x-api-key: ${A}" \`\n>> -H "x-api-secret-key: ${U}" \`\n>> https://api.redislabs.com/v1/subscriptions/2145678`,
    );
    expect(sent.method).toBe('DELETE');
    expect(sent.url).toBe('https://api.redislabs.com/v1/subscriptions/2145678');
    expect(sent.headers.map((h) => h.value)).toEqual([A, U]);
  });

  test("cmd's More? after a caret", () => {
    const read = parseRequestPaste(
      `C:\\>curl https://api.redislabs.com/v1/subscriptions ^\nMore? -H "x-api-key: ${A}" ^\nMore? -H "x-api-secret-key: ${U}"`,
    );
    expect(read.ok && read.value.candidates).toHaveLength(1);
  });
});

describe('what stays', () => {
  test("curl -v's request lines and a comment are not prompts", () => {
    const text = '# curl the API\n> GET /v1/ HTTP/1.1\n> Host: api.redislabs.com\n< HTTP/1.1 401';
    expect(withoutPrompts(text)).toBe(text);
  });
});

test("GitHub Actions' step title before the command it runs", () => {
  const read = parseRequestPaste(
    'Run curl -s -i "https://api.redislabs.com/v1/subscriptions" -H "x-api-key: ***" -H "x-api-secret-key: ***"',
  );
  expect(read.ok && read.value.candidates[0]?.request.url).toBe(
    'https://api.redislabs.com/v1/subscriptions',
  );
});
