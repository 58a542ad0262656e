/**
 * Which branch `guard new` puts in the worktree, and how: an existing local branch is attached; one that
 * exists only on the remote is created tracking it; otherwise a new one starts from `[base]` (default the
 * freshly fetched `<remote>/<baseBranch>`, never a local `main` that may be stale).
 */
import type { GuardConfig } from '../config/types';
import { UsageError } from '../errors';
import { refOids } from '../git/refs';
import { runGit } from '../git/run';
import { messages } from '../messages';

export interface BranchPlan {
  /** new: created from base · attached: an existing local branch · tracking: created from `<remote>/<branch>`. */
  mode: 'new' | 'attached' | 'tracking';
  base: { ref: string; commit: string } | null;
  /** `git worktree add` arguments after the directory is known: the part before `--`, and after `<dir>`. */
  options: string[];
  startPoint: string[];
  /** The commit a branch made by the add (`-b`) starts at; null when the branch exists already. */
  createdAt: string | null;
  warnings: string[];
}

export async function planBranch(input: {
  cwd: string;
  config: GuardConfig;
  branch: string;
  base?: string;
  hasRemote: boolean;
}): Promise<BranchPlan> {
  const { cwd, config, branch, hasRemote } = input;
  const local = `refs/heads/${branch}`;
  const remote = `refs/remotes/${config.remote}/${branch}`;
  const existing = await refOids(cwd, [local, remote]);
  const warnings =
    input.base && (existing.has(local) || existing.has(remote))
      ? [messages.baseIgnored(input.base, branch)]
      : [];
  if (existing.has(local))
    return { mode: 'attached', base: null, options: [], startPoint: [branch], createdAt: null, warnings };
  const tracked = existing.get(remote);
  if (tracked && hasRemote) {
    const startPoint = [`${config.remote}/${branch}`];
    return {
      mode: 'tracking',
      base: null,
      options: ['--track', '-b', branch],
      startPoint,
      createdAt: tracked,
      warnings,
    };
  }
  const ref = input.base ?? (hasRemote ? `${config.remote}/${config.baseBranch}` : config.baseBranch);
  const r = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
    cwd,
    ok: [0, 1, 128],
  });
  if (r.exitCode !== 0 && !input.base && hasRemote)
    throw new UsageError('bad-base', messages.noRemoteBase(config.remote, config.baseBranch));
  if (r.exitCode !== 0) throw new UsageError('bad-base', messages.badBase(ref));
  const base = { ref, commit: r.stdout.trim() };
  const options = ['--no-track', '-b', branch];
  return { mode: 'new', base, options, startPoint: [base.commit], createdAt: base.commit, warnings };
}
