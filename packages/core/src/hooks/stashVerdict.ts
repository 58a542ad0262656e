/**
 * What the reference-transaction hook decides about a new refs/stash value. The shim has already seen that
 * it is a new entry, that several worktrees may exist, and who is storing it (the git process that runs
 * the hook): `push` — `git stash` / `git stash push` by a person or an agent, which a refusal aborts before
 * anything moves; `store` — `git stash store` by another program (git's autostash, lint-staged's and
 * lefthook's backups), whose content a refusal would lose; `unknown`.
 */
import { loadRepoConfig } from '../config/load';
import type { StashMode } from '../config/types';
import type { ConfigError } from '../errors';
import { openRepo } from '../git/repo';
import { workingTrees } from '../git/worktreeList';

export type StashKind = 'push' | 'store' | 'unknown';

export interface StashVerdict {
  /** refuse: abort the transaction · warn / safety-net: let it through and say so · allow: say nothing. */
  action: 'refuse' | 'warn' | 'safety-net' | 'allow';
  kind: StashKind;
  /** Worktrees people can work in. */
  worktrees: number;
  mode: StashMode;
  configError: ConfigError | null;
  commonDir: string;
}

function isMode(v: string | undefined): v is StashMode {
  return v === 'block' || v === 'warn' || v === 'allow';
}

export function decide(kind: StashKind, worktrees: number, mode: StashMode): StashVerdict['action'] {
  if (worktrees < 2 || mode === 'allow') return 'allow';
  if (kind === 'store') return 'safety-net';
  return mode === 'warn' ? 'warn' : 'refuse';
}

/** `override` is `worktreeguard.stash` from git's configuration (e.g. `git -c worktreeguard.stash=allow`). */
export async function stashVerdict(cwd: string, kind: StashKind, override?: string): Promise<StashVerdict> {
  const repo = await openRepo(cwd);
  const worktrees = workingTrees(repo.worktrees).length;
  const loaded = isMode(override) ? null : await loadRepoConfig(repo);
  const mode = isMode(override) ? override : (loaded?.config.stash ?? 'block');
  const action = decide(kind, worktrees, mode);
  return { action, kind, worktrees, mode, configError: loaded?.error ?? null, commonDir: repo.commonDir };
}
