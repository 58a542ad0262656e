/**
 * Claude Code keeps per-project state in `<config dir>/projects/<key>`: the config dir is
 * `$CLAUDE_CONFIG_DIR` or `~/.claude`; the key is the absolute project path with every character outside
 * [A-Za-z0-9] replaced by `-`. A key longer than 200 characters is cut to 200 and suffixed with `-` and a
 * hash of the *original* path: `Math.abs(h).toString(36)`, h being the Java-style 32-bit string hash
 * (`h = (h << 5) - h + code | 0`), as in Claude Code's published package (2.1.x). Claude Code itself also
 * accepts an existing directory with the same 200-character prefix and another suffix.
 */
import os from 'node:os';
import path from 'node:path';

export const CLAUDE_KEY_LIMIT = 200;

export function claudeConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.CLAUDE_CONFIG_DIR || path.join(env.HOME || os.homedir(), '.claude');
}

/** The Java-style 32-bit hash Claude Code uses, over UTF-16 code units. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = ((h << 5) - h + s.charCodeAt(i)) | 0;
  return h;
}

/** The project key for an absolute path. */
export function claudeProjectKey(projectPath: string): string {
  const key = projectPath.replace(/[^a-zA-Z0-9]/g, '-');
  if (key.length <= CLAUDE_KEY_LIMIT) return key;
  return `${key.slice(0, CLAUDE_KEY_LIMIT)}-${Math.abs(javaStringHash(projectPath)).toString(36)}`;
}

/** For a long key: the prefix another Claude Code version's directory for the same path starts with. */
export function claudeKeyPrefix(projectPath: string): string | null {
  const key = projectPath.replace(/[^a-zA-Z0-9]/g, '-');
  return key.length > CLAUDE_KEY_LIMIT ? `${key.slice(0, CLAUDE_KEY_LIMIT)}-` : null;
}
