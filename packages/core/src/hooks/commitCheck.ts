/**
 * What the pre-commit hook decides: the commit rules (the doctor rules that concern the worktree being
 * committed in), on facts gathered for that worktree only. A broken configuration does not switch them
 * off: the rules that do not read it (identity pinned, one branch per worktree) still hold, and the
 * error is returned for the hook to report.
 */
import { loadRepoConfig } from '../config/load';
import type { ConfigError } from '../errors';
import { openRepo } from '../git/repo';
import { commitFindings } from '../rules/doctorRules';
import type { Finding } from '../rules/finding';
import { gatherFacts } from '../state/gather';
import { syncProtectedList } from './protectedList';

export interface CommitCheck {
  /** The worktree committed in, and its git dir. */
  worktree: string;
  gitDir: string;
  findings: Finding[];
  configError: ConfigError | null;
}

/** null where there is nothing to check (a bare repository). */
export async function checkCommit(cwd: string): Promise<CommitCheck | null> {
  const repo = await openRepo(cwd);
  if (!repo.current) return null;
  const loaded = await loadRepoConfig(repo);
  const worktree = repo.current.path;
  const facts = await gatherFacts({ repo, loaded, depth: 'commit', only: [worktree] });
  await syncProtectedList(repo, loaded);
  return {
    worktree,
    gitDir: repo.gitDir,
    findings: commitFindings(facts, worktree),
    configError: loaded.error,
  };
}
