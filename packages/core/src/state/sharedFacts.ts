/**
 * The shared resources' facts — local locks and port leases — read from the common git dir without a git
 * process. Apart from gather.ts on purpose: the commit hook gathers too, and must not load them.
 */
import { readRegistry } from '../ports/leases';
import { readLocalLocks } from '../serial/snapshot';
import type { RepoFacts, SharedFacts } from './types';

export async function readSharedFacts(commonDir: string): Promise<SharedFacts> {
  const [locks, registry] = await Promise.all([
    readLocalLocks(commonDir),
    readRegistry(commonDir).catch(() => ({ leases: [] })),
  ]);
  return { locks, leases: registry.leases };
}

/** Adds them to facts gathered for doctor or list. */
export async function addSharedFacts(facts: RepoFacts): Promise<RepoFacts> {
  facts.shared = await readSharedFacts(facts.repo.commonDir);
  return facts;
}
