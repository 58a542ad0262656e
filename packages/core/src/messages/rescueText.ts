/** Core's sentences: rescue. */
export const rescueText = {
  rescueTreeDiffers: (ref: string) => `the tree built for ${ref} does not hold what the stash holds`,
  rescueBranchDiffers: (branch: string) => `refs/heads/${branch} does not hold the rescued commit`,

  setupFailed: (command: string, code: number | string) =>
    `setup command failed (exit ${code}): ${command} — the worktree is kept`,
};
