/** guard remove and guard sweep. */
export const remove = {
  forceNeedsName: (known: readonly string[]) =>
    `--force needs the reason it overrides, as --force=<reason> (repeat it, or separate with commas): ${known.join(', ')}.\nRun guard remove first without it: it names each reason and what resolves it.`,
  fetchSkippedNoRemote: (remote: string, target: string | null) =>
    `no remote "${remote}": nothing fetched; integrated means in ${target ?? 'nothing (no base branch found)'}`,
  fetchSkipped: (remote: string) =>
    `not fetched (--no-fetch): judged on what was fetched from ${remote} last`,
  refused: (where: string) => `not removed: ${where}`,
  removed: (where: string) => `removed ${where}`,
  wouldRemove: (where: string) => `would remove ${where}`,
  failed: (where: string) => `git refused to remove ${where}; nothing else was touched`,
  where: (path: string, branch: string | null) =>
    branch ? `${path} (${branch})` : `${path} (detached HEAD)`,
  resolve: (command: string) => `resolve: ${command}`,
  acceptLoss: (name: string) => `or remove anyway, accepting this: --force=${name}`,
  cannotForce: 'cannot be forced',
  forced: (id: string, message: string) => `forced: ${id}: ${message}`,
  integration: (sentence: string) => `integrated: ${sentence}`,
  notIntegrated: (target: string | null) =>
    target ? `not integrated into ${target}` : 'not integrated (no base branch to compare with)',
  gitRemove: (force: number, dry: boolean) =>
    `${dry ? 'would run' : 'ran'}: git worktree remove${' --force'.repeat(force)}`,
  branchDeleted: (name: string, commit: string, dry: boolean) =>
    `branch ${name} ${dry ? 'would be deleted' : 'deleted'} (was ${commit.slice(0, 10)})`,
  branchKept: (name: string, why: string, where?: string) =>
    `branch ${name} kept: ${
      why === 'asked'
        ? '--keep-branch'
        : why === 'not-integrated'
          ? 'not integrated, so its commits stay on it'
          : why === 'checked-out-elsewhere'
            ? `checked out in ${where}`
            : 'it is the base branch or a protected one'
    }`,
  branchNote: (note: string) => note,
  leftover: (path: string, action: string) =>
    `${action === 'removed' ? 'removed' : action === 'would-remove' ? 'would remove' : 'kept'} link ${path}`,
  moveTo: (dir: string) => `you are in the removed worktree: guard ran from ${dir}. Move out: cd ${dir}`,
  wouldFreePort: (name: string, port: number) => `would give back port ${port} ("${name}", guard port)`,
  moveToDry: (dir: string) =>
    `you are in this worktree: guard would run from ${dir}, and you would then: cd ${dir}`,
  removingHere: (path: string, dir: string) =>
    `you are inside ${path}: guard runs the removal from ${dir}; your shell stays in a directory that will be gone`,

  // sweep
  sweepNothing: (target: string | null) =>
    `nothing to sweep: no worktree is integrated into ${target ?? 'a base branch'} with nothing to lose`,
  sweepHeader: (n: number, target: string | null, dry: boolean) =>
    `guard sweep${dry ? ' (dry run)' : ''}: ${n} worktree${n === 1 ? '' : 's'} integrated into ${target ?? 'the base'}, nothing to lose:`,
  sweepItem: (where: string, why: string) => `${where} — ${why}`,
  sweepKeptHeader: 'integrated, but kept (guard remove <path> says what it would lose):',
  sweepKeptItem: (where: string, ids: string[]) => `${where}: ${ids.join(', ')}`,
  sweepHere: 'you are in it: run guard sweep from elsewhere, or guard remove it',
  sweepConfirm: (n: number) => `Remove ${n === 1 ? 'this worktree' : `these ${n} worktrees`}? [y/N] `,
  sweepDeclined: 'nothing removed',
  sweepNeedsYes: 'nothing removed: not a terminal, so no one to confirm — pass --yes to remove them',
};
