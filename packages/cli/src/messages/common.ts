/** Sentences every command uses: usage errors, progress, warnings. */
export const common = {
  badArgs: (command: string, why: string) => `${command}: ${why}\nRun "guard ${command} --help" for usage.`,
  tooManyArgs: (command: string, extra: string[]) =>
    `${command}: unexpected argument${extra.length > 1 ? 's' : ''}: ${extra.join(' ')}\nRun "guard ${command} --help" for usage.`,
  missingArg: (command: string, what: string) =>
    `${command}: missing ${what}\nRun "guard ${command} --help" for usage.`,
  unknownCommand: (name: string) => `unknown command "${name}"\nRun "guard --help" for the list of commands.`,
  errorPrefix: 'guard: ',
  internalError: (message: string) => `internal error: ${message} (set GUARD_DEBUG=1 for the stack)`,

  // progress (stderr)
  fetching: (remote: string) => `fetching ${remote}…`,
  adding: (path: string, branch: string) => `adding worktree ${path} on ${branch}…`,
  setupStart: (command: string) => `setup: ${command}`,
  setupEnd: (command: string, code: number | string) => `setup: ${command} exited ${code}`,
  warning: (text: string) => `warning: ${text}`,
};
