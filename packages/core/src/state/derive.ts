/** What follows from the gathered facts: derived on demand, never stored beside its source. */
import type { GuardConfig } from '../config/types';
import { isTrue } from '../git/config';
import { isPrimaryRecord } from '../git/repo';
import { type RecordedBase, recordedBaseOf } from '../worktree/baseRecord';
import { type Identity, type Pin, pinOf } from '../worktree/identity';
import type { LinkFacts, RepoFacts, WorktreeFacts } from './types';

export const configOf = (s: RepoFacts): GuardConfig => s.loaded.config;

export const isPrimary = (s: RepoFacts, w: WorktreeFacts): boolean => isPrimaryRecord(s.repo, w.record);

export const primaryOf = (s: RepoFacts): WorktreeFacts | undefined =>
  s.worktrees.find((w) => isPrimary(s, w) && w.present);

/** The worktrees read in depth (present, and their configuration gathered). */
export const gathered = (s: RepoFacts): WorktreeFacts[] => s.worktrees.filter((w) => w.present && w.view);

/** More than one worktree people can work in: the stash and the shared config are then a hazard. */
export const several = (s: RepoFacts): boolean => workingTreeCount(s) > 1;

/** The worktrees people can work in (see `workingTrees`): the non-bare ones whose directory is there. */
export const workingTreeCount = (s: RepoFacts): number => s.worktrees.filter((w) => w.present).length;

export const extensionOn = (s: RepoFacts): boolean =>
  isTrue(s.commonView.get('extensions.worktreeConfig', 'local'));

/** user.name / user.email set in the shared `.git/config` (local scope). */
export function sharedIdentity(s: RepoFacts): Partial<Identity> {
  return {
    name: s.commonView.get('user.name', 'local') ?? undefined,
    email: s.commonView.get('user.email', 'local') ?? undefined,
  };
}

export const hasRemote = (s: RepoFacts): boolean =>
  s.commonView.get(`remote.${configOf(s).remote}.url`) !== null;

export function pinFacts(s: RepoFacts, w: WorktreeFacts): Pin | null {
  if (!w.view || !w.gitDir) return null;
  return pinOf(w.view, { gitDir: w.gitDir, commonDir: s.repo.commonDir });
}

/** The identity the worktree has pinned for itself (not inherited), or null. */
export function ownIdentity(s: RepoFacts, w: WorktreeFacts): Identity | null {
  const pin = pinFacts(s, w);
  return pin && !pin.inherited ? pin.identity : null;
}

export const baseOf = (w: WorktreeFacts): RecordedBase | null => (w.view ? recordedBaseOf(w.view) : null);

/** Some hooks directory of this repository holds a guard shim. */
export const guardInstalled = (s: RepoFacts): boolean =>
  s.worktrees.some((w) => w.hooks?.shims.some((x) => x.state !== 'missing' && x.state !== 'foreign'));

/** The primary has it (not a dangling link) and git ignores it there: bootstrap would link it. */
export function linkExpected(l: LinkFacts): boolean {
  const src = l.sourceInfo;
  return (
    src.kind !== 'missing' && !(src.kind === 'symlink' && !src.targetExists) && l.ignoredInPrimary !== null
  );
}
