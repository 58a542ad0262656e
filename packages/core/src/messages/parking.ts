/** Core's sentences: park / unpark. */
export const parking = {
  parkUnborn: () => 'nothing to park on: this branch has no commit yet (make a first commit, then park)',
  parkInProgress: (what: string) =>
    `a ${({ MERGE_HEAD: 'merge', CHERRY_PICK_HEAD: 'cherry-pick', REVERT_HEAD: 'revert' } as Record<string, string>)[what] ?? 'rebase'} is in progress (${what}): finish or abort it before parking, or its state would be lost`,
  parkConflicts: () => 'the index has unmerged paths: resolve the conflicts before parking',
  parkDefaultSubject: (branch: string | null) => `parked work on ${branch ?? 'a detached HEAD'}`,
  parkBody: () =>
    'Parked by guard park: the working tree and the index (second parent). Take it back with guard unpark.',
  parkIndexSubject: (branch: string | null) => `index on ${branch ?? 'a detached HEAD'} (guard park)`,
  unparkNotParked: (head: string) =>
    `HEAD (${head.slice(0, 10)}) is not a park commit: nothing to unpark. (git log -1 shows what it is.)`,
  unparkDirty: () =>
    'there are changes on top of the park commit: unpark puts back the parked working tree and index exactly, so it needs a clean tree — commit these first (git status shows them)',
};
