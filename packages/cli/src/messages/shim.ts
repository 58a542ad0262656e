/** What the shims print themselves, when guard cannot run (no quotes, $, backslashes: they go into sh). */
export const shim: Record<string, string> = {
  noNode: 'node not found (guard needs Node.js 20 or newer on PATH)',
  noCli: 'the guard CLI is gone from',
  failed: 'guard could not run',
  repair:
    'Repair: reinstall worktree-guard (npm i -g worktree-guard, or npm install where it is a dependency), then run guard install.',
  offBootstrap: 'off (WORKTREE_GUARD=0 or HUSKY=0): new worktree not bootstrapped',
  skippedBootstrap: 'the new worktree was not bootstrapped: run guard bootstrap there once guard works',
  offCommit: 'off (WORKTREE_GUARD=0 or HUSKY=0): commit not checked',
  skippedCommit: 'the commit was not checked and goes on',
  offStash: 'off (WORKTREE_GUARD=0 or HUSKY=0): stash not checked',
  storeLetThrough:
    'a program stored a stash entry as its backup: it was let through, so that nothing is lost',
  stashRefusedToBeSafe: 'the new stash entry is refused to be safe',
  stashRefused:
    'git stash refused — the stash is one stack shared by every worktree, and several exist. Nothing was stashed; your changes are where they were. Instead: git commit -am wip (undo with git reset --soft HEAD~1), or git switch -c <branch>.',
  skippedProtected: 'the protected branches were checked against the list guard wrote last',
  offProtected: 'off (WORKTREE_GUARD=0 or HUSKY=0): protected branch not checked',
  protectedRefused:
    'is a protected branch (protectedBranches): no linked worktree updates it. Commit on a branch of your own (git switch -c <branch>), or update it in the primary checkout,',
};
