import { defaultStore, idbBackend, memoryBackend, probe, type KvBackend } from './backend';
import { ProfileRepository, type RepositoryOptions } from './repository';

/**
 * Opens the repository over IndexedDB (the app's own store unless `options.store` is given).
 * When the store cannot be opened or written (blocked, private mode, full), the repository
 * works in memory instead and `storage.persistent` is false, so the UI can say nothing will
 * be kept.
 */
export async function openProfileRepository(
  options: RepositoryOptions = {},
): Promise<ProfileRepository> {
  let backend: KvBackend | null = null;
  try {
    backend = idbBackend(options.store ?? defaultStore());
  } catch {
    // No indexedDB at all (some private modes): memory it is.
  }
  const failure =
    backend === null ? 'unavailable' : await probe(backend, options.probeTimeoutMs ?? 3000);
  if (backend === null || failure !== null) {
    const status = { persistent: false, failure: failure ?? 'unavailable' } as const;
    return new ProfileRepository(memoryBackend(), status, options);
  }
  return new ProfileRepository(backend, { persistent: true }, options);
}

/** A repository that keeps nothing beyond the tab (what the fallback uses). */
export function createMemoryRepository(options: RepositoryOptions = {}): ProfileRepository {
  const status = { persistent: false, failure: 'unavailable' } as const;
  return new ProfileRepository(memoryBackend(), status, options);
}
