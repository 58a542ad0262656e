/** Core's sentences: rules. */
export const rules = {
  ruleIdentityNotPinned: () =>
    'several worktrees exist and this one has no user.name/user.email at worktree scope: a plain "git config" elsewhere decides who this commit is by',
  ruleIdentityInherited: (id: { name: string; email: string }) =>
    `several worktrees exist and this one's worktree-scoped identity (${id.name} <${id.email}>) was pinned for the worktree it was made from and copied here by git worktree add: commits here would be made as that worktree`,
  ruleDuplicateBranch: (branch: string, other: string) =>
    `branch "${branch}" is also checked out in ${other}: commits here change the other worktree's branch under it`,
  ruleProtectedBranch: (branch: string) =>
    `"${branch}" is a protected branch: no linked worktree commits on it (protectedBranches)`,
};
