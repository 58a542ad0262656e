/**
 * `guard park` / `guard unpark`: WIP as a commit on the current branch instead of in the shared stash.
 *
 * A park commit is built like a stash entry: its tree is the whole working tree (staged, unstaged and
 * untracked-but-not-ignored changes), its first parent the commit it was made on, its second parent a
 * commit of the index, so which changes were staged is kept too. It is marked with a trailer. Both are
 * made with plumbing (commit-tree, update-ref with the old value checked), so no commit hook can refuse
 * a park, and "a clean tree" is then only the index set to the park commit: no working file is written.
 * Unpark moves the branch back to the first parent and the index back to the second parent's tree.
 */
import { copyFile, mkdtemp, rm, stat, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RefusedError } from '../errors';
import { inspect } from '../fs/pathInfo';
import { git, runGit } from '../git/run';
import { readStatus } from '../git/status';
import { messages } from '../messages';
import { readIndexFlags, restoreIndexFlags } from './indexFlags';

export const PARK_TRAILER = 'Worktree-Guard-Park: v1';
/** `git add -N` entries are left out of a tree: their paths ride in the message, one JSON string a line. */
const INTENT_KEY = 'Worktree-Guard-Intent-To-Add: ';
/** Operations whose state a park would lose: pseudorefs (read through git: reftable keeps some), and rebase dirs. */
const IN_PROGRESS_REFS = ['MERGE_HEAD', 'CHERRY_PICK_HEAD', 'REVERT_HEAD'];
const IN_PROGRESS_DIRS = ['rebase-merge', 'rebase-apply'];

export interface ParkResult {
  parked: boolean;
  commit: string | null;
  /** The commit the work was parked on (HEAD before). */
  base: string;
  branch: string | null;
  files: number;
}

export interface UnparkResult {
  commit: string;
  base: string;
  branch: string | null;
}

interface Where {
  worktree: string;
  gitDir: string;
}

async function head(w: Where): Promise<{ commit: string; tree: string; branch: string | null }> {
  const r = await runGit(['log', '-1', '--format=%H %T', 'HEAD', '--'], { cwd: w.worktree, ok: [0, 128] });
  if (r.exitCode !== 0) throw new RefusedError('unborn', messages.parkUnborn());
  const [commit = '', tree = ''] = r.stdout.trim().split(' ');
  const branch = (await git(['branch', '--show-current'], { cwd: w.worktree })).trim() || null;
  return { commit, tree, branch };
}

async function refuseInProgress(w: Where): Promise<void> {
  const refs = await Promise.all(
    IN_PROGRESS_REFS.map((ref) =>
      runGit(['rev-parse', '-q', '--verify', ref], { cwd: w.worktree, ok: [0, 1] }).then(
        (r) => r.exitCode === 0,
      ),
    ),
  );
  const ref = IN_PROGRESS_REFS.find((_, i) => refs[i]);
  if (ref) throw new RefusedError('in-progress', messages.parkInProgress(ref));
  for (const name of IN_PROGRESS_DIRS)
    if ((await inspect(path.join(w.gitDir, name))).kind !== 'missing')
      throw new RefusedError('in-progress', messages.parkInProgress(name));
}

export function parkMessage(
  branch: string | null,
  message: string | undefined,
  intentToAdd: string[] = [],
): string {
  const trailers = [...intentToAdd.map((p) => `${INTENT_KEY}${JSON.stringify(p)}`), PARK_TRAILER];
  return `WIP: ${message?.trim() || messages.parkDefaultSubject(branch)}\n\n${messages.parkBody()}\n\n${trailers.join('\n')}\n`;
}

export async function park(w: Where, message?: string): Promise<ParkResult> {
  const cwd = w.worktree;
  await refuseInProgress(w);
  const h = await head(w);
  const index = await runGit(['write-tree'], { cwd, ok: [0, 128] });
  if (index.exitCode !== 0) throw new RefusedError('conflicts', messages.parkConflicts());
  const indexTree = index.stdout.trim();
  const { intentToAdd } = await readStatus(cwd); // `git add -N` paths: the index tree cannot hold them

  // the working tree as a tree: a copy of the index, everything added to it
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'guard-park-'));
  let workTree: string;
  try {
    const tmpIndex = path.join(scratch, 'index');
    const realIndex = path.join(w.gitDir, 'index');
    // Keep the index file's times: git trusts a cached stat only for entries older than the index file
    // ("racy git"); a copy with a new mtime would let a same-size edit made that second pass as unchanged.
    const st = await stat(realIndex).catch(() => null);
    if (st?.isFile()) {
      await copyFile(realIndex, tmpIndex);
      await utimes(tmpIndex, st.atime, st.mtime);
    }
    const env = { GIT_INDEX_FILE: tmpIndex };
    await git(['add', '-A', '--', ':/'], { cwd, env });
    workTree = (await git(['write-tree'], { cwd, env })).trim();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  if (workTree === h.tree && indexTree === h.tree)
    return { parked: false, commit: null, base: h.commit, branch: h.branch, files: 0 };

  const indexCommit = (
    await git(['commit-tree', indexTree, '-p', h.commit, '-m', messages.parkIndexSubject(h.branch)], { cwd })
  ).trim();
  const commit = (
    await git(['commit-tree', workTree, '-p', h.commit, '-p', indexCommit, '-F', '-'], {
      cwd,
      input: parkMessage(h.branch, message, intentToAdd),
    })
  ).trim();
  await git(['update-ref', '-m', 'guard park', 'HEAD', commit, h.commit], { cwd });
  const flags = await readIndexFlags(cwd);
  await git(['read-tree', commit], { cwd });
  await restoreIndexFlags(cwd, flags);
  await runGit(['update-index', '-q', '--refresh'], { cwd, ok: [0, 1] });
  const changed = await git(['diff-tree', '-r', '--name-only', '-z', h.commit, commit], { cwd });
  return {
    parked: true,
    commit,
    base: h.commit,
    branch: h.branch,
    files: changed.split('\0').filter(Boolean).length,
  };
}

interface Parked {
  commit: string;
  base: string;
  indexCommit: string;
  intentToAdd: string[];
}

/** HEAD's parents (and its intent-to-add paths) if HEAD (or `rev`) is a park commit, else null. */
export async function parkedAt(w: Pick<Where, 'worktree'>, rev = 'HEAD'): Promise<Parked | null> {
  const out = await git(['log', '-1', '--format=%H%x00%P%x00%B', rev, '--'], { cwd: w.worktree });
  const [commit = '', parents = '', body = ''] = out.split('\0');
  const [base, indexCommit, extra] = parents.split(' ');
  const lines = body.split('\n');
  if (!base || !indexCommit || extra || !lines.includes(PARK_TRAILER)) return null;
  const indexParents = (
    await git(['log', '-1', '--format=%P', indexCommit, '--'], { cwd: w.worktree })
  ).trim();
  if (indexParents !== base) return null;
  const intentToAdd = lines
    .filter((l) => l.startsWith(INTENT_KEY))
    .map((l) => JSON.parse(l.slice(INTENT_KEY.length)) as string);
  return { commit, base, indexCommit, intentToAdd };
}

export async function unpark(w: Where): Promise<UnparkResult> {
  const cwd = w.worktree;
  await refuseInProgress(w);
  const h = await head(w);
  const p = await parkedAt(w);
  if (!p) throw new RefusedError('not-parked', messages.unparkNotParked(h.commit));
  const status = await readStatus(cwd);
  if (status.staged + status.unstaged + status.untracked + status.conflicted > 0)
    throw new RefusedError('dirty', messages.unparkDirty());
  await git(['update-ref', '-m', 'guard unpark', 'HEAD', p.base, p.commit], { cwd });
  const flags = await readIndexFlags(cwd);
  await git(['read-tree', `${p.indexCommit}^{tree}`], { cwd });
  await restoreIndexFlags(cwd, flags);
  if (p.intentToAdd.length) await git(['add', '-N', '--', ...p.intentToAdd], { cwd });
  await runGit(['update-index', '-q', '--refresh'], { cwd, ok: [0, 1] });
  return { commit: p.commit, base: p.base, branch: h.branch };
}
