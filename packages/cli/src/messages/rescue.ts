/** guard rescue. */
export const rescue = {
  header: (n: number, dry: boolean) =>
    `guard rescue${dry ? ' (dry run: nothing changed)' : ''}: ${n} stash entr${n === 1 ? 'y' : 'ies'}`,
  empty: 'nothing to rescue: the stash is empty',
  item: (ref: string, branch: string, subject: string) => `${ref} → ${branch}  (${subject})`,
  already: 'rescued earlier',
  failed: (ref: string, why: string) => `${ref}: ${why} — kept in the stash`,
  dropped: (n: number) =>
    `dropped ${n} entr${n === 1 ? 'y' : 'ies'} from the stash, each after checking its branch`,
  stashChanged:
    'the stash changed while rescuing, so nothing was dropped: the branches are made; run guard rescue again',
  apply: (where: string | null, branch: string) =>
    `${where ? `git -C ${where} ` : 'git '}cherry-pick --no-commit ${branch}`,
  applyHeader: 'apply one where it belongs (its changes land staged; nothing is committed):',
};
