import { describe, expect, test } from 'vitest';
import { headerValue } from '../../../src/lib/core/exchange';
import { parseCurlCommand } from '../../../src/lib/paste/curl-command';
import { expandedVariables, fillVariables } from '../../../src/lib/paste/variables';
import type { PastedRequest } from '../../../src/lib/paste/result';
import { fixture } from './fixtures';

function parsed(text: string): PastedRequest {
  const result = parseCurlCommand(text);
  if (!result.ok)
    throw new Error(`${result.error.message} at ${result.error.line}:${result.error.column}`);
  return result.value;
}

describe('the docs example', () => {
  const value = parsed(fixture('docs-logs.sh'));

  test('reads method, URL and headers', () => {
    expect(value.request.method).toBe('GET');
    expect(value.request.url).toBe('https://$HOST/logs');
    expect(value.request.headers).toEqual([
      { name: 'accept', value: 'application/json' },
      { name: 'x-api-key', value: '$ACCOUNT_KEY' },
      { name: 'x-api-secret-key', value: '$SECRET_KEY' },
    ]);
  });

  test('says the shell expanded both keys and the host, so the paste does not show them', () => {
    expect(value.variables).toEqual([
      expect.objectContaining({
        in: 'header',
        headerIndex: 1,
        headerName: 'x-api-key',
        name: 'ACCOUNT_KEY',
        handling: 'expanded-by-shell',
        start: 0,
      }),
      expect.objectContaining({
        in: 'header',
        headerIndex: 2,
        name: 'SECRET_KEY',
        handling: 'expanded-by-shell',
      }),
      expect.objectContaining({ in: 'url', name: 'HOST', written: '$HOST', start: 8 }),
    ]);
  });
});

test('single-quoted variables were sent literally: placeholders', () => {
  const value = parsed(
    `curl https://api.redislabs.com/v1/ -H 'x-api-key: $ACCOUNT_KEY' -H "x-api-secret-key: \${SECRET}"`,
  );
  expect(value.variables.map((v) => [v.headerName, v.written, v.handling])).toEqual([
    ['x-api-key', '$ACCOUNT_KEY', 'sent-literally'],
    ['x-api-secret-key', '${SECRET}', 'expanded-by-shell'],
  ]);
});

test('a backslash-escaped $ in double quotes is sent literally', () => {
  const value = parsed('curl https://api.redislabs.com/v1/ -H "x-api-key: \\$KEY"');
  expect(headerValue(value.request.headers, 'x-api-key')).toBe('$KEY');
  expect(value.variables[0]?.handling).toBe('sent-literally');
});

test('Windows cmd.exe: ^ continuations, %VAR% expanded, CRLF line ends', () => {
  const value = parsed(fixture('windows-cmd.txt'));
  expect(value.request.url).toBe('https://api.redislabs.com/v1/');
  expect(headerValue(value.request.headers, 'x-api-secret-key')).toBe('Ab3xQ9kLm2Pz7RtY');
  expect(value.variables).toEqual([
    expect.objectContaining({
      headerName: 'x-api-key',
      name: 'REDIS_ACCOUNT_KEY',
      written: '%REDIS_ACCOUNT_KEY%',
      handling: 'expanded-by-shell',
    }),
  ]);
  expect(value.notes[0]?.message).toMatch(/cmd\.exe/);
});

test('PowerShell: backtick continuations, $env: expanded, single quotes literal', () => {
  const value = parsed(fixture('powershell.txt'));
  expect(value.request.url).toBe('https://api.redislabs.com/v1/subscriptions');
  expect(value.variables.map((v) => [v.headerName, v.name, v.handling])).toEqual([
    ['x-api-key', 'env:REDIS_ACCOUNT_KEY', 'expanded-by-shell'],
    ['x-api-secret-key', 'SECRET_KEY', 'sent-literally'],
  ]);
});

test('-H with the value glued to the option and no space after the colon', () => {
  const value = parsed(fixture('no-space.sh'));
  expect(value.request.headers).toEqual([
    { name: 'x-api-key', value: 'A1b2C3d4E5f6G7h8' },
    { name: 'x-api-secret-key', value: 'Z9y8X7w6V5u4T3s2' },
  ]);
  expect(value.unknownOptions).toEqual([]);
});

test('trailing spaces inside the quotes are kept: curl sends them', () => {
  const value = parsed('curl -H "x-api-key: abc  " https://api.redislabs.com/v1/');
  expect(headerValue(value.request.headers, 'x-api-key')).toBe('abc  ');
});

test('--json posts the body with the JSON headers curl adds', () => {
  const value = parsed(
    `curl --json '{"name":"db"}' https://api.redislabs.com/v1/subscriptions -H 'accept: */*'`,
  );
  expect(value.request.method).toBe('POST');
  expect(value.request.body).toBe('{"name":"db"}');
  expect(value.request.headers).toEqual([
    { name: 'accept', value: '*/*' },
    { name: 'Content-Type', value: 'application/json' },
  ]);
});

test('-d makes a POST; -X wins; -G moves the data to the query', () => {
  expect(parsed(`curl -d 'a=1' https://x.test/`).request.method).toBe('POST');
  expect(parsed(`curl -X PUT -d 'a=1' https://x.test/`).request.method).toBe('PUT');
  const get = parsed(
    `curl -G -d 'offset=0' --data 'limit=10' 'https://api.redislabs.com/v1/logs?x=1'`,
  );
  expect(get.request).toEqual({
    method: 'GET',
    url: 'https://api.redislabs.com/v1/logs?x=1&offset=0&limit=10',
    headers: [],
  });
});

test('-u becomes an Authorization header, with a note that the API ignores it', () => {
  const value = parsed('curl -u user:pa55 https://api.redislabs.com/v1/');
  expect(headerValue(value.request.headers, 'authorization')).toBe('Basic dXNlcjpwYTU1');
  expect(value.notes.map((n) => n.message).join(' ')).toMatch(/x-api-key/);
});

test('unknown options are skipped and listed; known ones with values do not become the URL', () => {
  const value = parsed(
    'curl --retry 3 -o out.json --frobnicate -sSLki --compressed -w "%{http_code}" https://api.redislabs.com/v1/',
  );
  expect(value.request.url).toBe('https://api.redislabs.com/v1/');
  expect(value.unknownOptions).toEqual(['--frobnicate']);
});

test('the URL may come first, and a URL without scheme is http, as curl does', () => {
  const value = parsed('curl api.redislabs.com/v1/ -H "x-api-key: $K"');
  expect(value.request.url).toBe('http://api.redislabs.com/v1/');
  expect(value.notes.some((n) => /http:\/\//.test(n.message))).toBe(true);
});

test('a line that lost its continuation is still read, with a note where', () => {
  const value = parsed('curl https://api.redislabs.com/v1/\n  -H "x-api-key: abc"');
  expect(value.request.headers).toHaveLength(1);
  expect(value.notes[0]).toMatchObject({ line: 1 });
});

test('a space after the backslash is read as a continuation, with a note', () => {
  const value = parsed('curl https://api.redislabs.com/v1/ \\ \n  -H "x-api-key: abc"');
  expect(value.request.headers).toHaveLength(1);
  expect(value.notes[0]?.message).toMatch(/space follows/);
});

test('assignments and a prompt before curl; a pipe and redirection after it', () => {
  const value = parsed(
    'export A=1\n$ KEY=x curl -s https://api.redislabs.com/v1/ 2>/dev/null | jq .',
  );
  expect(value.request.url).toBe('https://api.redislabs.com/v1/');
});

describe('errors say what and where', () => {
  test.each([
    ['curl -H "x-api-key: abc https://x.test/', 1, 9, /double quote/],
    ["curl https://x.test/ \\\n  -H 'x-api-key: abc", 2, 6, /single quote/],
    ['curl https://x.test/ -H', 1, 22, /-H needs a value/],
    ['wget https://x.test/', 1, 1, /No curl command/],
    ['curl -s', 1, 1, /no URL/],
  ])('%s', (text, line, column, message) => {
    const result = parseCurlCommand(text);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ line, column, message: expect.stringMatching(message) });
  });
});

test('the values the user types go where the shell expanded a variable, nowhere else', () => {
  const value = parsed(
    `curl "https://$HOST/logs" -H "x-api-key: $ACCOUNT_KEY" -H 'x-api-secret-key: $SECRET_KEY' -H "x-extra: a-$ACCOUNT_KEY-b"`,
  );
  expect(expandedVariables(value).map((v) => v.name)).toEqual(['ACCOUNT_KEY', 'HOST']);
  const filled = fillVariables(value, {
    HOST: 'api.redislabs.com/v1',
    ACCOUNT_KEY: 'k$1',
    SECRET_KEY: 'x',
  });
  expect(filled.url).toBe('https://api.redislabs.com/v1/logs');
  expect(filled.headers.map((h) => h.value)).toEqual(['k$1', '$SECRET_KEY', 'a-k$1-b']);
});

test('a one-line command with %NAME% is read as bash, says so, and can be read as cmd.exe', () => {
  const text = 'curl.exe https://api.redislabs.com/v1/ -H "x-api-key: %REDIS_KEY%"';
  const asBash = parsed(text);
  expect(asBash.variables[0]?.handling).toBe('sent-literally');
  expect(asBash.notes.at(-1)?.message).toMatch(/cmd\.exe/);
  const asCmd = parseCurlCommand(text, { dialect: 'cmd' });
  expect(asCmd.ok && asCmd.value.variables[0]?.handling).toBe('expanded-by-shell');
});
