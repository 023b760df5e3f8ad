import { expect, test } from 'vitest';
import { diagnose } from '../../../src/lib/auth/diagnose';
import { parseRequestPaste, pastedExchange } from '../../../src/lib/paste/paste';
import { fixture } from './fixtures';

test.each(['terraform-error.txt', 'tf-log-debug.txt', 'redisinsight.txt'])(
  '%s: the key items are unknown, never fail, and the fix-first is one of the 401 suspects',
  (name) => {
    const read = parseRequestPaste(fixture(name));
    if (!read.ok) throw new Error(read.error.message);
    const candidate = read.value.candidates[0];
    if (!candidate?.keysNotShown) throw new Error('no keysNotShown');
    const plain = diagnose(pastedExchange(candidate, null));
    // Without the reader's reason the missing headers would be blamed.
    expect(plain.primaryCause).toBe('account-key-header');
    // The reader's reason goes to diagnose() too: the Go client always sends both keys.
    const checklist = diagnose(pastedExchange(candidate, null), {
      keysNotShown: candidate.keysNotShown,
    });
    const status = (id: string) => checklist.items.find((i) => i.id === id)?.status;
    expect(status('account-key-header')).toBe('unknown');
    expect(status('secret-key-header')).toBe('unknown');
    expect(checklist.items.some((i) => i.status === 'fail')).toBe(false);
    expect(checklist.verdict).toBe('auth-failed');
    expect(checklist.primaryCause).toBe('keys-valid');
    expect(checklist.headline).toMatch(/key/i);
  },
);
