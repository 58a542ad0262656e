/** guard park / unpark. */
export const park = {
  parked: (short: string, branch: string | null, files: number) =>
    `parked ${files} file${files === 1 ? '' : 's'} as ${short} on ${branch ?? 'a detached HEAD'}; the tree is clean`,
  nothing: 'nothing to park: no staged, unstaged or untracked changes',
  back: 'take it back with: guard unpark',
  unparked: (short: string, branch: string | null) =>
    `unparked ${short} on ${branch ?? 'a detached HEAD'}: your changes are back, staged as they were`,
};
