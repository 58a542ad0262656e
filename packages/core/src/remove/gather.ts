/**
 * Everything removing a worktree would lose, read for each worktree `guard remove` or `guard sweep`
 * considers: its changes (git status), its own ignored files (copies, link paths), its commits that exist
 * nowhere else, a park commit, what holds it, and what guard made outside it.
 */
import type { GuardConfig } from '../config/types';
import { inspect } from '../fs/pathInfo';
import { isInside, samePath } from '../fs/paths';
import { readConfig } from '../git/config';
import { existingRefs } from '../git/refs';
import { isPrimaryRecord, primaryCheckout, type Repo } from '../git/repo';
import { readStatus } from '../git/status';
import type { WorktreeRecord } from '../git/worktreeList';
import { parkedAt } from '../park/park';
import { recordedBaseOf } from '../worktree/baseRecord';
import { commitFacts, startOf, upstreamOf } from './commits';
import { HOLDERS } from './holders';
import { integrationOf } from './integration';
import { leftoversOf } from './leftovers';
import { localFiles } from './localFiles';
import type { RemovalFacts } from './types';

export interface RemovalContext {
  repo: Repo;
  config: GuardConfig;
  env: NodeJS.ProcessEnv;
  /** The directory guard was started in. */
  cwd: string;
  /** What "integrated" means: `<remote>/<baseBranch>` (or the local base branch without one). */
  target: { ref: string; name: string } | null;
  /** The remote's branches as the fetch found them, or null without a fetch. */
  remoteNow: Map<string, string> | null;
}

/** Where repository-wide git commands run: the primary checkout, or the git dir of a bare one. */
export const gitHome = (repo: Repo): string => primaryCheckout(repo) ?? repo.commonDir;

/** `<remote>/<baseBranch>` when it exists, else the local `<baseBranch>`, else none. */
export async function integrationTarget(repo: Repo, config: GuardConfig): Promise<RemovalContext['target']> {
  const remote = `refs/remotes/${config.remote}/${config.baseBranch}`;
  const local = `refs/heads/${config.baseBranch}`;
  const refs = await existingRefs(gitHome(repo), [remote, local]);
  if (refs.has(remote)) return { ref: remote, name: `${config.remote}/${config.baseBranch}` };
  return refs.has(local) ? { ref: local, name: config.baseBranch } : null;
}

function baseFacts(ctx: RemovalContext, record: WorktreeRecord): RemovalFacts {
  const others = ctx.repo.worktrees.filter((w) => w !== record && !w.bare);
  return {
    record,
    primary: isPrimaryRecord(ctx.repo, record),
    present: false,
    holdsCwd: isInside(ctx.cwd, record.path),
    nested: others.filter((w) => isInside(w.path, record.path)).map((w) => w.path),
    status: null,
    localFiles: [],
    commits: null,
    integration: null,
    parked: null,
    holds: [],
    leftovers: [],
    branchElsewhere:
      others.find(
        (w) => record.branch !== null && w.branch === record.branch && !samePath(w.path, record.path),
      )?.path ?? null,
    branchProtected:
      record.branch !== null &&
      (record.branch === ctx.config.baseBranch || ctx.config.protectedBranches.includes(record.branch)),
  };
}

async function commitSide(ctx: RemovalContext, f: RemovalFacts, recordedStart: string | null): Promise<void> {
  const { record } = f;
  const head = record.head;
  if (!head) return;
  const cwd = gitHome(ctx.repo);
  const branch = record.branch;
  const upstream = branch ? await upstreamOf(cwd, branch, ctx.config.remote, ctx.remoteNow) : null;
  const [commits, start, parked] = await Promise.all([
    commitFacts(cwd, head, { branch, target: ctx.target?.ref ?? null, upstream }),
    branch ? startOf(cwd, branch, recordedStart) : null,
    parkedAt({ worktree: cwd }, head),
  ]);
  f.commits = commits;
  f.parked = parked?.commit ?? null;
  f.integration = await integrationOf({
    cwd,
    tip: head,
    target: ctx.target,
    start,
    isBase: f.branchProtected,
    detached: !branch,
  });
}

export async function gatherRemoval(ctx: RemovalContext, record: WorktreeRecord): Promise<RemovalFacts> {
  const f = baseFacts(ctx, record);
  if (f.primary) return f;
  f.present = record.prunable === null && (await inspect(record.path)).kind === 'dir';
  const primary = primaryCheckout(ctx.repo);
  let recordedStart: string | null = null;
  if (f.present) {
    const [status, own, view] = await Promise.all([
      readStatus(record.path),
      primary ? localFiles(ctx.config, primary, record.path) : [],
      readConfig(record.path),
    ]);
    f.status = status;
    f.localFiles = own;
    recordedStart = recordedBaseOf(view)?.commit ?? null;
  }
  const leftoverCtx = { ...ctx, primary };
  const [holds, leftovers] = await Promise.all([
    Promise.all(HOLDERS.map((h) => h.holds(ctx, record))),
    leftoversOf(leftoverCtx, record),
    commitSide(ctx, f, recordedStart),
  ]);
  f.holds = holds.flat();
  f.leftovers = leftovers;
  return f;
}
