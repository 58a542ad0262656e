/** Core's sentences: guard new. */
export const newWorktree = {
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
};
