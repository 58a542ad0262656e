/**
 * `git worktree add` for `guard new`, serialised and retried. git itself races when two adds run at once
 * (through 2.55: "failed to read .git/worktrees/<id>/commondir": the new entry's commondir is written after
 * its directory exists), and a failed add leaves the branch its `-b` made. So guard's own adds take turns
 * (a lock file in the common dir), a failure that is that race is retried — attaching the branch if the
 * failed add made it — and a branch made by an add that finally failed is removed again, but only while it
 * still points where it was made (`update-ref -d` with the old value checked).
 */
import { mkdir, open, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { RefusedError } from '../errors';
import { inspect } from '../fs/pathInfo';
import { existingRefs } from '../git/refs';
import { runGit } from '../git/run';
import { messages } from '../messages';
import type { BranchPlan } from './branchPlan';

/** Set for the `git worktree add` that guard runs itself, so that the post-checkout hook leaves it to guard. */
export const NEW_IN_PROGRESS_ENV = 'WORKTREE_GUARD_NEW';

const RACE = /failed to read .*commondir|could not lock config file|unable to create .*\.lock/i;
const ATTEMPTS = 5;
const STALE_LOCK_MS = 60_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` holding `<common>/worktree-guard/worktree-add.lock`; a lock left for a minute is a crashed holder's. */
async function serialised<T>(commonDir: string, fn: () => Promise<T>): Promise<T> {
  const lock = path.join(commonDir, 'worktree-guard', 'worktree-add.lock');
  await mkdir(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      await (await open(lock, 'wx')).close();
      break;
    } catch {
      const since = await stat(lock).then(
        (s) => s.mtimeMs,
        () => 0,
      );
      if (Date.now() - since > STALE_LOCK_MS) await rm(lock, { force: true });
      else await sleep(50 + Math.random() * 100);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(lock, { force: true });
  }
}

export async function addWorktree(input: {
  cwd: string;
  commonDir: string;
  dir: string;
  branch: string;
  plan: BranchPlan;
}): Promise<{ warnings: string[] }> {
  const { cwd, dir, branch, plan } = input;
  const ref = `refs/heads/${branch}`;
  const env = { [NEW_IN_PROGRESS_ENV]: '1' };
  return serialised(input.commonDir, async () => {
    let options = plan.options;
    let startPoint = plan.startPoint;
    let stderr = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const add = await runGit(['worktree', 'add', ...options, '--', dir, ...startPoint], {
        cwd,
        ok: [0, 1, 128],
        env,
      });
      const made = (await inspect(path.join(dir, '.git'))).kind === 'file';
      if (add.exitCode === 0) return { warnings: [] };
      if (made) return { warnings: [messages.worktreeAddFailed(add.stderr.trim())] };
      stderr = add.stderr.trim();
      if (!RACE.test(stderr)) break;
      await rmdir(dir).catch(() => undefined); // an empty directory the failed add left; never anything with files
      // the failed add may have made the branch: attach it next time
      if (options.includes('-b') && (await existingRefs(cwd, [ref])).has(ref)) {
        options = [];
        startPoint = [branch];
      }
      await sleep(100 * attempt);
    }
    // a branch the failed adds made goes again — only while it still points where it was made
    if (plan.createdAt) await runGit(['update-ref', '-d', ref, plan.createdAt], { cwd, ok: [0, 1, 128] });
    throw new RefusedError('worktree-add-failed', messages.worktreeAddFailed(stderr));
  });
}
