/** What the hooks say when git runs them (through the shims, on git's stderr). */
export const hook = {
  bootstrapped: (path: string) => `worktree-guard: bootstrapped ${path}`,
  needsPerson:
    'worktree-guard: the worktree was created; what is marked ✗ needs a person (then: guard bootstrap)',
  commitRefused: 'worktree-guard: commit refused',
  fixPrefix: 'fix: ',
  stashRefused:
    'worktree-guard: git stash refused — the stash is one stack shared by every worktree, and several exist: a stash popped in the wrong one corrupts it. Nothing was stashed; your changes are where they were.',
  stashUnknownRefused: (oid: string) =>
    `worktree-guard: a new stash entry was refused — the stash is one stack shared by every worktree, and several exist. If you ran git stash, nothing was stashed and your changes are where they were. If a program was storing a backup, it is commit ${oid}: keep it with git branch stash-backup ${oid}`,
  stashWarned:
    'worktree-guard: warning — the stash is shared by every worktree and several exist: pop this stash in this worktree only.',
  safetyNet: (oid: string, by: string, n: number, log: string) =>
    `worktree-guard: ${by ? `"${by}" ` : ''}stored stash entry ${oid.slice(0, 10)} as a backup; it was let through so that nothing is lost, and written down in ${log}. The stash is shared by all ${n} worktrees: if the entry stays, guard doctor reports it and guard rescue turns it into a branch.`,
  stashAlternatives: [
    'instead:  guard park                         (park the work as a commit on this branch; guard unpark takes it back)',
    '          git commit -am wip                 (the same by hand; undo with git reset --soft HEAD~1)',
    '          guard new scratch/<name>           (a scratch worktree for the other task)',
    '          git switch -c <branch>             (carry the changes to a new branch)',
  ],
  /** Shown to a person at a terminal, never to an agent (it would simply run it). */
  escapeHatch: 'or, once: git -c worktreeguard.stash=allow stash …',
  unknownHook: (name: string) => `worktree-guard: unknown hook "${name}"`,
  configError: (file: string, key: string, message: string, more: number, consequence: string) =>
    `worktree-guard: configuration error in ${file}: ${key ? `${key}: ` : ''}${message}${more ? ` (and ${more} more: guard doctor lists them)` : ''} — ${consequence}`,
  configConsequence: {
    'pre-commit': 'checked with the defaults: identity and one branch per worktree still hold',
    'post-checkout': 'the new worktree was not bootstrapped; fix it, then run guard bootstrap there',
    'reference-transaction': 'the stash rule holds with its default (block)',
  } as Record<string, string>,
  internalError: (hook: string, what: string, log: string, goesOn: string) =>
    `worktree-guard: internal error in the ${hook} hook (${what}; details in ${log}); ${goesOn}`,
  goesOn: 'git goes on',
  stashRefusedToBeSafe: 'the stash is refused to be safe',
};
