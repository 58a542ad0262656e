/** guard doctor's report. */
export const doctor = {
  header: (worktrees: number, errors: number, warnings: number) =>
    `guard doctor: ${worktrees} worktree${worktrees === 1 ? '' : 's'}, ${
      errors + warnings === 0
        ? 'every rule holds'
        : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`
    }`,
  worktree: (path: string, what: string) => `${path} (${what})`,
  primary: 'primary',
  detached: 'detached',
  gone: 'directory gone',
  fix: (command: string) => `fix: ${command}`,
  autofix: '[--fix]',
  autofixFooter: 'guard doctor --fix repairs what is marked [--fix]; the rest needs a person.',
  fixHeader: 'guard doctor --fix',
  fixNothing: 'nothing guard can repair safely',
  fixIn: (path: string) => `in ${path}:`,
  afterFix: 'checked again:',
  orphan: (path: string, removed: boolean, note: string | null) =>
    removed ? `removed the orphaned link ${path}` : `kept ${path}${note ? `: ${note}` : ''}`,
};
