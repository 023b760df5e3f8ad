// A Postman collection names its headers as `{"key": "x-api-key", "value": "..."}`: the value is
// secret, the name is not, so the checklist and the report still say which header is meant.
import { expect, test } from 'vitest';
import { inspectPaste } from '../../../src/lib/inspect/paste';
import { parseRequestPaste, parseResponsePaste } from '../../../src/lib/paste/paste';
import { fixture } from '../paste/fixtures';

test.each(['postman.json.txt', 'insomnia.json.txt'])(
  '%s: the header names stay readable in the checklist and the report; the key values do not',
  async (name) => {
    const text = fixture(name);
    const read = parseRequestPaste(text);
    const answer = parseResponsePaste('HTTP/1.1 401 Unauthorized\n\n');
    if (!read.ok || !answer.ok) throw new Error('the fixture does not read');
    const candidate = read.value.candidates[0]!;
    const inspected = await inspectPaste({
      candidate,
      response: answer.value,
      pasted: [text, ''],
      at: new Date('2025-01-17T09:40:00Z'),
    });
    const titles = inspected.checklist.items.map((i) => i.title).join('\n');
    expect(titles).toContain('x-api-key');
    expect(inspected.report).toContain('x-api-key');
    expect(inspected.report).not.toMatch(/\[redacted sha256:\w+ \(9 characters\)\]/);
    for (const secret of candidate.sensitive.map((s) => s.value)) {
      if (secret.length >= 6) expect(inspected.report).not.toContain(secret.slice(0, 6));
    }
  },
);
