/**
 * Is a coding agent running this? Claude Code sets CLAUDECODE=1 for its Bash tool; Codex sets
 * CODEX_THREAD_ID for the shell commands of a thread; Cursor sets CURSOR_AGENT in agent terminals.
 */
export function underAgent(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CLAUDECODE === '1' || Boolean(env.CODEX_THREAD_ID) || Boolean(env.CURSOR_AGENT);
}
