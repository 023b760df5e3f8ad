import { expect, test, vi } from 'vitest';
import { createProfileSync, type ChannelLike, type ProfileChange } from '../../../src/lib/profiles';
import { draft, freshStore, openTestRepository } from './helpers';

test('a save in one tab reaches the other tab at once, with ids and revisions only', async () => {
  const store = freshStore();
  const channelName = `keycheck-profiles-test-${Math.random()}`;
  const tabA = await openTestRepository(store, {
    sync: createProfileSync(new BroadcastChannel(channelName)),
  });
  const syncB = createProfileSync(new BroadcastChannel(channelName));
  const tabB = await openTestRepository(store, { sync: syncB });
  const seen: unknown[] = [];
  const received = new Promise<ProfileChange[]>((resolve) => {
    tabB.onRemoteChange((changes) => {
      seen.push(changes);
      resolve(changes);
    });
  });
  const saved = await tabA.save(draft());
  if (!saved.ok) throw new Error(saved.kind);
  const started = Date.now();
  const changes = await received;
  expect(Date.now() - started).toBeLessThan(1000);
  expect(changes).toEqual([{ kind: 'saved', id: saved.profile.id, revision: 1 }]);
  expect(JSON.stringify(seen)).not.toMatch(/Production|acct-|user-/);
  expect((await tabB.list()).profiles.map((p) => p.id)).toEqual([saved.profile.id]);
  syncB.close();
});

test('announce rebuilds messages from ids and revisions; junk from the channel is ignored', () => {
  const posted: unknown[] = [];
  let deliver: (event: MessageEvent) => void = () => undefined;
  const channel: ChannelLike = {
    postMessage: (m) => posted.push(m),
    addEventListener: (_type, listener) => (deliver = listener),
    removeEventListener: () => undefined,
    close: () => undefined,
  };
  const sync = createProfileSync(channel);
  const sneaky = { kind: 'saved', id: 'a', revision: 2, accountKey: 'secret' } as ProfileChange;
  sync.announce([sneaky]);
  expect(posted).toEqual([
    { type: 'keycheck-profiles-changed', changes: [{ kind: 'saved', id: 'a', revision: 2 }] },
  ]);

  const listener = vi.fn();
  sync.subscribe(listener);
  deliver(new MessageEvent('message', { data: { type: 'other' } }));
  deliver(new MessageEvent('message', { data: posted[0] }));
  expect(listener).toHaveBeenCalledTimes(1);
});
