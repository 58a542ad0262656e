/**
 * Claude Code keeps per-project state in `<config dir>/projects/<key>`, where the config dir is
 * `$CLAUDE_CONFIG_DIR` or `~/.claude` and `<key>` is the absolute project path with every character
 * outside [A-Za-z0-9] replaced by `-`. Keys over 200 characters are cut to 200 and suffixed with a hash
 * we cannot recompute, so those are matched by prefix among existing directories.
 */
import os from 'node:os';
import path from 'node:path';

export const CLAUDE_KEY_LIMIT = 200;

export function claudeConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLAUDE_CONFIG_DIR || path.join(env.HOME || os.homedir(), '.claude');
}

/** The key for a project path; `exact` is false when the real key also carries a hash suffix. */
export function claudeProjectKey(projectPath: string): { key: string; exact: boolean } {
  const full = projectPath.replace(/[^A-Za-z0-9]/g, '-');
  if (full.length <= CLAUDE_KEY_LIMIT) return { key: full, exact: true };
  return { key: full.slice(0, CLAUDE_KEY_LIMIT), exact: false };
}
