/**
 * Tells the other tabs of this browser that profiles changed, so they reload at once. Messages
 * carry ids and revisions only, never a key or a name.
 */
import * as v from 'valibot';

export const SYNC_CHANNEL_NAME = 'keycheck-profiles';

/** One change: a profile saved (or its learned part updated), deleted, or the vault changed. */
export type ProfileChange =
  | { kind: 'saved'; id: string; revision: number }
  | { kind: 'deleted'; id: string }
  | { kind: 'quarantine' }
  | { kind: 'vault' };

/** The part of BroadcastChannel this uses, so tests and other runtimes can pass their own. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

export interface ProfileSync {
  announce(changes: readonly ProfileChange[]): void;
  /** Calls `listener` with the changes another tab announced; returns the unsubscribe. */
  subscribe(listener: (changes: ProfileChange[]) => void): () => void;
  close(): void;
}

const ChangeSchema = v.variant('kind', [
  v.object({ kind: v.literal('saved'), id: v.string(), revision: v.number() }),
  v.object({ kind: v.literal('deleted'), id: v.string() }),
  v.object({ kind: v.literal('quarantine') }),
  v.object({ kind: v.literal('vault') }),
]);
const MessageSchema = v.object({
  type: v.literal('keycheck-profiles-changed'),
  changes: v.array(ChangeSchema),
});

function defaultChannel(): ChannelLike | null {
  return typeof BroadcastChannel === 'function' ? new BroadcastChannel(SYNC_CHANNEL_NAME) : null;
}

/**
 * A sync over `channel` (by default BroadcastChannel 'keycheck-profiles'). Without
 * BroadcastChannel it does nothing: the app still works, other tabs see changes on reload.
 * Malformed messages are ignored.
 */
export function createProfileSync(channel: ChannelLike | null = defaultChannel()): ProfileSync {
  const listeners = new Set<(changes: ProfileChange[]) => void>();
  const onMessage = (event: MessageEvent): void => {
    const parsed = v.safeParse(MessageSchema, event.data);
    if (!parsed.success) return;
    for (const listener of listeners) listener(parsed.output.changes);
  };
  channel?.addEventListener('message', onMessage);
  return {
    announce(changes) {
      if (changes.length === 0) return;
      // Rebuilt field by field, so nothing but ids and revisions can ever be posted.
      const safe = changes.map((c): ProfileChange => {
        if (c.kind === 'saved') return { kind: 'saved', id: c.id, revision: c.revision };
        if (c.kind === 'deleted') return { kind: 'deleted', id: c.id };
        return { kind: c.kind };
      });
      channel?.postMessage({ type: 'keycheck-profiles-changed', changes: safe });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      listeners.clear();
      channel?.removeEventListener('message', onMessage);
      channel?.close();
    },
  };
}
