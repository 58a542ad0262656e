/** The bootstrap report: what was done, what was in place. */
export const bootstrap = {
  bootstrapHeader: (path: string, dry: boolean) =>
    dry ? `bootstrap plan for ${path} (dry run: nothing changed)` : `bootstrap ${path}`,
  nothingToDo: (n: number) => `nothing to do: ${n} thing${n === 1 ? '' : 's'} already in place`,
  alreadyInPlace: (n: number) => `${n} already in place`,
  actionText: {
    enableWorktreeConfig: (moves: string[]) =>
      `enable extensions.worktreeConfig${moves.length ? ` (moving ${moves.join(', ')} to the primary's config.worktree)` : ''}`,
    pinIdentity: (who: string, where: string, inherited: boolean) =>
      `pin ${who} at worktree scope in ${where}${inherited ? ' (replacing the pin inherited from the worktree it was made from)' : ''}`,
    link: (rel: string, target: string) => `link ${rel} → ${target}`,
    copy: (rel: string) => `copy ${rel}`,
    createDir: (p: string) => `create ${p}`,
    shareDir: (dest: string, target: string) => `link ${dest} → ${target}`,
    armHooks: (dir: string, from: string) =>
      `arm hooks: copy ${from} to ${dir} (git runs no hook here without it)`,
    excludeInside: (rel: string) =>
      `keep ${rel} out of the primary's git status (.git/info/exclude): it is a worktree inside the checkout`,
    setup: (commands: string[]) => `run setup: ${commands.join(' && ')}`,
    recordBase: (branch: string, ref: string | null, commit: string) =>
      `record where ${branch} started: ${ref && ref !== commit ? `${ref} @ ` : ''}${commit.slice(0, 10)} (for guard doctor)`,
  },
};
