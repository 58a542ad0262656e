/** Core's sentences: repository. */
export const repository = {
  notARepo: (cwd: string) => `not a git repository: ${cwd}`,
  repoUnreadable: (cwd: string, why: string) => `cannot read the git repository at ${cwd}: ${why}`,
  gitTooOld: (version: string, min: string) =>
    `${version} is too old: worktree-guard needs git ${min} or newer`,
  gitUnknown: (version: string) =>
    `cannot tell which git this is ("${version}"): worktree-guard needs git 2.31 or newer`,
  bareHere: () => 'this is a bare repository: run the command inside a worktree',
  notAWorktree: (p: string) =>
    `${p} is not a worktree of this repository (git worktree list does not show it)`,
};
