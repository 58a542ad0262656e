/**
 * Every user-facing sentence core produces, in one place to read and review as a whole.
 * The CLI has its own file for what it renders.
 */
const list = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');

/** A parser's message in one line: no code frame, no "JSON Error in <file>:" header (the file is named already). */
function oneLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  const meant = lines.filter((l) => l && !/^(>|\||\d+ *\|)/.test(l) && !/^(JSON|YAML) Error in /.test(l));
  return (meant[0] ?? lines.find(Boolean) ?? text).replace(/\s+/g, ' ').slice(0, 200);
}

export const messages = {
  // repository
  notARepo: (cwd: string) => `not a git repository: ${cwd}`,
  repoUnreadable: (cwd: string, why: string) => `cannot read the git repository at ${cwd}: ${why}`,
  gitTooOld: (version: string, min: string) =>
    `${version} is too old: worktree-guard needs git ${min} or newer`,
  gitUnknown: (version: string) =>
    `cannot tell which git this is ("${version}"): worktree-guard needs git 2.31 or newer`,
  bareHere: () => 'this is a bare repository: run the command inside a worktree',
  notAWorktree: (p: string) =>
    `${p} is not a worktree of this repository (git worktree list does not show it)`,

  // configuration
  configNotObject: (got: string) => `the configuration must be an object, got ${got}`,
  configWrongType: (want: string, got: string) => `must be ${want}, got ${got}`,
  configWhitespace: (value: string) => `must not contain white space, got "${value}"`,
  configBadDuration: (value: string) => `"${value}" is not a duration: write e.g. "90m", "24h" or "7d"`,
  configPathEscapes: (p: string) => `"${p}" is not a path inside the repository (absolute, "~" or "..")`,
  configUnknownKey: (known: readonly string[]) => `unknown key; known keys: ${list(known)}`,
  configUnknownPlaceholder: (names: readonly string[], known: readonly string[]) =>
    `unknown placeholder ${names.map((n) => `{${n}}`).join(', ')}; known: ${known.map((n) => `{${n}}`).join(', ')}`,
  configSharedDirSame: (entry: string) =>
    `"${entry}" names the same directory for every worktree: use {key} or {dir} to make it per worktree`,
  configOneOf: (allowed: readonly string[], got: unknown) =>
    `must be one of ${list(allowed)}, got ${JSON.stringify(got)}`,
  configUnreadable: (why: string) => `cannot be read: ${oneLine(why)}`,

  // hooks
  globalHooksPath: (scope: string, file: string, dir: string, doing: string) =>
    `core.hooksPath is set in the ${scope} git configuration (${file}) to ${dir}: that directory serves every repository on this machine, so arming it would turn guard on for all of them. Nothing was changed. To ${doing} there all the same: guard ${doing} --global`,

  // guard new
  badBranchName: (reason: string) => `invalid branch name: ${reason}`,
  branchInUse: (branch: string, where: string) =>
    `branch "${branch}" is already checked out in ${where}: one branch per worktree — pick another branch, or work there`,
  dirInsideRepo: (dir: string, repo: string) =>
    `directory ${dir} is inside the repository (${repo}): a worktree goes beside it, e.g. ../<repo>-<branch>`,
  dirNotEmpty: (dir: string) => `directory ${dir} already exists and is not empty: nothing was created`,
  dirIsFile: (dir: string) => `${dir} already exists and is not a directory: nothing was created`,
  badBase: (base: string) => `base "${base}" is not a commit in this repository`,
  noRemoteBase: (remote: string, branch: string) =>
    `base "${remote}/${branch}" does not exist: this repository keeps no remote-tracking branches for "${remote}" (a bare clone has none). ` +
    `Set them up with: git config remote.${remote}.fetch '+refs/heads/*:refs/remotes/${remote}/*' && git fetch ${remote} — or give a base: guard new <branch> <dir> <base>`,
  fetchFailed: (remote: string, why: string) =>
    `git fetch ${remote} failed: ${why}\nThe base would not be fresh. Fix the remote, or pass --no-fetch to branch from what was fetched last.`,
  noRemote: (remote: string, base: string) =>
    `no remote "${remote}": nothing fetched, the base is the local "${base}"`,
  baseIgnored: (base: string, branch: string) => `"${branch}" already exists, so base "${base}" was not used`,
  worktreeAddFailed: (why: string) => `git worktree add failed: ${why}`,

  // bootstrap: what was found instead of what was wanted
  foundSymlink: (target: string) => `a link to ${target}`,
  foundDir: () => 'a directory',
  foundFile: (size: number) => `a file of ${size} bytes`,
  foundOther: () => 'something that is neither file, directory nor link',
  wantedLink: (target: string) => `a link to ${target}`,
  wantedCopy: (source: string) => `a copy of ${source}`,
  conflict: (found: string, wanted: string) =>
    `${found} is there; bootstrap wanted ${wanted}. Left as it is.`,
  linkNotIgnored: (p: string, rule: string | null) =>
    rule
      ? `a link at ${p} would show up in git status: the ignore rule ${rule} matches directories only, and a link is not one. Write the pattern without the trailing "/" (e.g. "${p}") and run guard bootstrap again.`
      : `a link at ${p} would show up in git status: no ignore rule covers it in this worktree. Add "${p}" to .gitignore and run guard bootstrap again.`,
  danglingSource: (p: string, target: string) =>
    `the primary's ${p} is a link to ${target}, which does not exist: not linked`,
  notIgnoredInPrimary: (p: string) =>
    `${p} is not git-ignored in the primary (tracked or meant to be): checkout provides it`,
  noIdentity: () =>
    'no user.name/user.email to pin: set them in the primary (git config --worktree user.name "…"; git config --worktree user.email "…") or configure "identity"',
  // rules
  ruleIdentityNotPinned: () =>
    'several worktrees exist and this one has no user.name/user.email at worktree scope: a plain "git config" elsewhere decides who this commit is by',
  ruleIdentityInherited: (id: { name: string; email: string }) =>
    `several worktrees exist and this one's worktree-scoped identity (${id.name} <${id.email}>) was pinned for the worktree it was made from and copied here by git worktree add: commits here would be made as that worktree`,
  ruleDuplicateBranch: (branch: string, other: string) =>
    `branch "${branch}" is also checked out in ${other}: commits here change the other worktree's branch under it`,
  ruleProtectedBranch: (branch: string) =>
    `"${branch}" is a protected branch: no linked worktree commits on it (protectedBranches)`,

  // doctor: one sentence per finding, saying what is wrong and why it matters
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
  hooksNotInstalled: () =>
    'guard is not armed in any hooks directory: plain git worktree add, git stash and git commit keep no rule',
  hooksRelativeMissing: (value: string, dir: string) =>
    `core.hooksPath=${value} is relative and ${dir} does not exist in this worktree: git runs no hook here, silently`,
  hooksOverride: (value: string) => `a worktree-scoped core.hooksPath=${value} overrides the repository's`,
  hooksMissing: (names: string[], dir: string) => `${names.join(', ')} missing from ${dir}`,
  hooksForeign: (file: string) => `${file} is not guard's shim`,
  hooksNotExecutable: (file: string) => `${file} is not executable: git skips it`,
  hooksOld: (file: string, version: number, current: number) =>
    `${file} is a guard shim v${version}; this guard writes v${current}`,
  hooksDisarmed: (parts: string[]) => `git would not run the guard shims here: ${parts.join('; ')}`,
  prunable: (reason: string) =>
    `git marks this worktree prunable (${reason}). Moved by hand? git worktree repair <new path>. Deleted? git worktree prune`,
  worktreeMissing: (reason: string) =>
    `the directory is gone, but the worktree is locked${reason ? ` (${reason})` : ''}, so git keeps it`,

  // park / unpark
  parkUnborn: () => 'nothing to park on: this branch has no commit yet (make a first commit, then park)',
  parkInProgress: (what: string) =>
    `a ${what.replace(/_HEAD$|-merge$|-apply$/, '').toLowerCase()} is in progress (${what}): finish or abort it before parking, or its state would be lost`,
  parkConflicts: () => 'the index has unmerged paths: resolve the conflicts before parking',
  parkDefaultSubject: (branch: string | null) => `parked work on ${branch ?? 'a detached HEAD'}`,
  parkBody: () =>
    'Parked by guard park: the working tree and the index (second parent). Take it back with guard unpark.',
  parkIndexSubject: (branch: string | null) => `index on ${branch ?? 'a detached HEAD'} (guard park)`,
  unparkNotParked: (head: string) =>
    `HEAD (${head.slice(0, 10)}) is not a park commit: nothing to unpark. (git log -1 shows what it is.)`,
  unparkDirty: () =>
    'there are changes on top of the park commit: unpark puts back the parked working tree and index exactly, so it needs a clean tree — commit these first (git status shows them)',

  // rescue
  rescueTreeDiffers: (ref: string) => `the tree built for ${ref} does not hold what the stash holds`,
  rescueBranchDiffers: (branch: string) => `refs/heads/${branch} does not hold the rescued commit`,

  setupFailed: (command: string, code: number | string) =>
    `setup command failed (exit ${code}): ${command} — the worktree is kept`,
};
