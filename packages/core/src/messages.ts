/**
 * Every user-facing sentence core produces, in one place to read and review as a whole.
 * The CLI has its own file for what it renders.
 */
const list = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');

export const messages = {
  // repository
  notARepo: (cwd: string) => `not a git repository: ${cwd}`,
  repoUnreadable: (cwd: string, why: string) => `cannot read the git repository at ${cwd}: ${why}`,
  gitTooOld: (version: string, min: string) =>
    `${version} is too old: worktree-guard needs git ${min} or newer`,
  bareHere: () => 'this is a bare repository: run the command inside a worktree',

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
  configUnreadable: (why: string) => `cannot be read: ${why}`,

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
  keyTooLong: (p: string) =>
    `the Claude Code key for ${p} is longer than 200 characters and carries a hash we cannot compute; start Claude Code there once, then run guard bootstrap again`,
  noIdentity: () =>
    'no user.name/user.email to pin: set them in the primary (git config --worktree user.name "…"; git config --worktree user.email "…") or configure "identity"',
  // rules
  ruleIdentityNotPinned: () =>
    'several worktrees exist and this one has no user.name/user.email at worktree scope: a plain "git config" elsewhere decides who this commit is by',
  ruleDuplicateBranch: (branch: string, other: string) =>
    `branch "${branch}" is also checked out in ${other}: commits here change the other worktree's branch under it`,
  ruleProtectedBranch: (branch: string) =>
    `"${branch}" is a protected branch: no linked worktree commits on it (protectedBranches)`,

  setupFailed: (command: string, code: number | string) =>
    `setup command failed (exit ${code}): ${command} — the worktree is kept`,
};
