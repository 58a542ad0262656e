/** Core's sentences: doctor: one sentence per finding, saying what is wrong and why it matters. */
export const findings = {
  liveStash: (
    e: { ref: string; origin: 'branch' | 'detached' | 'stored'; branch: string | null; subject: string },
    where: string | null,
    age: string,
    n: number,
  ) =>
    `${e.ref} was ${e.origin === 'stored' ? `stored as "${e.subject}"` : `made ${e.branch ? `on "${e.branch}"` : 'on a detached HEAD'}`} ${age === 'just now' ? 'just now' : `${age} ago`}${where ? ` (that branch is checked out in ${where})` : e.branch ? ' (no worktree has that branch now)' : ''}: the stash is one stack shared by all ${n} worktrees, and a pop in the wrong one applies this diff to the wrong tree`,
  extensionOff: () =>
    'extensions.worktreeConfig is off, so no worktree can have an identity of its own: every commit takes the shared one',
  identityLeak: (keys: string[], shared: string, pinned: string) =>
    `${keys.join(' and ')} set in the shared .git/config (${shared}) differs from the primary's pinned ${pinned}: a plain "git config" (without --worktree) wrote it for every worktree, and each one without a pin of its own commits as it. Pin it where it was meant: git config --worktree …`,
  detachedHead: (head: string) =>
    `HEAD is detached at ${head.slice(0, 10)}: commits made here belong to no branch and are easy to lose`,
  lastFetchOld: (remote: string, age: string, max: string) =>
    `the last fetch of ${remote} was ${age} ago (maxFetchAge ${max}): a new branch would start from an old ${remote} base`,
  neverFetched: (remote: string) =>
    `${remote} has never been fetched here: a new branch would start from whatever was there`,
  startedBehind: (branch: string, from: string, behind: number, remoteBase: string) =>
    `"${branch}" started from ${from}, ${behind} commit${behind === 1 ? '' : 's'} behind ${remoteBase} as it had been fetched then, and still sits on that start`,
  startedStale: (branch: string, from: string, age: string, max: string) =>
    `"${branch}" started from ${from} fetched ${age} before (maxFetchAge ${max}), and still sits on that start`,
  localBase: (branch: string, base: string, remoteBase: string) =>
    `"${branch}" carries commits of the local ${base} that ${remoteBase} does not have: they would go out with this branch`,
  linkMissing: (rel: string, wouldShow: boolean) =>
    `${rel} is missing: the primary has it and git ignores it there, so bootstrap links it${wouldShow ? ' — but a link here would show in git status: fix the ignore rule first (a pattern ending in "/" matches directories only)' : ''}`,
  linkBroken: (rel: string, target: string) => `${rel} links to ${target}, which does not exist`,
  linkShowsUntracked: (rel: string) =>
    `${rel} is a link that git status shows as untracked: "git add -A" would commit it. A pattern ending in "/" matches directories only; ignore "${rel}" itself`,
  memoryMissing: (dest: string, target: string) =>
    `${dest} does not exist: it should link to the primary's ${target}`,
  memoryOwn: (dest: string, found: string, target: string) =>
    `${dest} is ${found}, not a link to the primary's ${target}: this worktree keeps memories of its own. Merge them into the primary's, then link`,
  insideNotIgnored: (rel: string, primary: string) =>
    `this worktree lives inside the primary checkout (${rel}) and git status there shows it: "git add -A" in ${primary} would commit it as a gitlink`,
  hooksNotInstalled: () =>
    'guard is not armed in any hooks directory: plain git worktree add, git stash and git commit keep no rule',
  hooksRelativeMissing: (value: string, dir: string) =>
    `core.hooksPath=${value} is relative and ${dir} does not exist in this worktree: git runs no hook here, silently`,
  hooksOverride: (value: string) => `a worktree-scoped core.hooksPath=${value} overrides the repository's`,
  hooksMissing: (names: string[], dir: string) => `${names.join(', ')} missing from ${dir}`,
  hooksForeign: (file: string) => `${file} is not guard's shim`,
  hooksNotExecutable: (file: string) => `${file} is not executable: git skips it`,
  hooksMovedAside: (hook: string, file: string) =>
    `another hook manager (lefthook) replaced guard's ${hook} and keeps guard's shim as ${file}, which it never runs`,
  hooksOld: (file: string, version: number, current: number) =>
    `${file} is a guard shim v${version}; this guard writes v${current}`,
  hooksDisarmed: (parts: string[]) => `git would not run the guard shims here: ${parts.join('; ')}`,
  prunable: (reason: string) =>
    `git marks this worktree prunable (${reason}). Moved by hand? git worktree repair <new path>. Deleted? git worktree prune`,
  worktreeMissing: (reason: string) =>
    `the directory is gone, but the worktree is locked${reason ? ` (${reason})` : ''}, so git keeps it`,
};
