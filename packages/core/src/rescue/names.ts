/**
 * Branch names for rescued stash entries: `rescued/<origin-branch>/<n>`, n counting from 1 per origin
 * branch, oldest entry first, skipping every name git could not create next to the refs that exist:
 * the name itself, or a ref below it (`rescued/main/1/x`). When a directory of the name is itself a branch
 * (`rescued`, `rescued/main`), no n can work there, so the root moves on: `rescued-2/main/1`, …
 */
import { resolveStashBranch, type StashEntry } from '../git/stashList';
import { branchSlug } from '../worktree/slug';

export const RESCUE_PREFIX = 'rescued';
/** A stash made on a detached HEAD is rescued under this name. */
export const DETACHED_NAME = 'detached';

/**
 * What a rescued entry is named after: the branch it was made on (its full name, also where git 2.31–2.35
 * wrote only the last component), `detached`, or — for an entry stored with a message of its own
 * (`autostash`, `lint-staged automatic backup`) — that message.
 */
export function rescueOrigin(e: StashEntry, branches: Iterable<string>): string {
  if (e.origin === 'branch' && e.branch) return resolveStashBranch(e.branch, branches);
  if (e.origin === 'detached') return DETACHED_NAME;
  return (
    branchSlug(e.subject)
      .slice(0, 40)
      .replace(/[-.]+$/, '') || 'stored'
  );
}

/** A proper prefix of `name` (at a `/`) is a ref, so nothing can be created below it. */
function blockedAbove(name: string, taken: ReadonlySet<string>): boolean {
  const parts = name.split('/');
  for (let i = 1; i < parts.length; i++) if (taken.has(parts.slice(0, i).join('/'))) return true;
  return false;
}

function usedAt(name: string, taken: ReadonlySet<string>): boolean {
  if (taken.has(name)) return true;
  for (const t of taken) if (t.startsWith(`${name}/`)) return true;
  return false;
}

export function rescueBranchName(origin: string, taken: ReadonlySet<string>): string {
  for (let variant = 1; ; variant++) {
    const dir = `${variant === 1 ? RESCUE_PREFIX : `${RESCUE_PREFIX}-${variant}`}/${origin}`;
    if (blockedAbove(`${dir}/1`, taken)) continue;
    let n = 1;
    while (usedAt(`${dir}/${n}`, taken)) n++;
    return `${dir}/${n}`;
  }
}

/** Maps each entry (by stash index) to its branch; `existing` holds short branch names. */
export function rescueBranchNames(
  entries: readonly StashEntry[],
  existing: Iterable<string>,
): Map<number, string> {
  const taken = new Set(existing);
  const branches = [...taken];
  const names = new Map<number, string>();
  for (const e of [...entries].sort((a, b) => b.index - a.index)) {
    const name = rescueBranchName(rescueOrigin(e, branches), taken);
    taken.add(name);
    names.set(e.index, name);
  }
  return names;
}
