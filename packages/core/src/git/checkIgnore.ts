/** Which paths git ignores, and by which rule: one `git check-ignore -v` for a whole list. */

import { unquoteCPath } from './cQuote';
import { runGit } from './run';

export interface IgnoreMatch {
  /** `file:line:pattern`, for telling a person which rule to change. */
  rule: string;
  pattern: string;
}

/**
 * Parses `git check-ignore -v` (its -z needs --stdin): `source:line:pattern TAB path` per matched path.
 * The path is C-quoted when odd, so it never holds a raw TAB: the last TAB separates it.
 */
export function parseCheckIgnore(text: string): Map<string, IgnoreMatch> {
  const out = new Map<string, IgnoreMatch>();
  for (const line of text.split('\n')) {
    const tab = line.lastIndexOf('\t');
    if (tab === -1) continue;
    const m = /^(.*?):(\d+):(.*)$/.exec(line.slice(0, tab));
    if (!m) continue;
    out.set(unquoteCPath(line.slice(tab + 1)), { rule: line.slice(0, tab), pattern: m[3] as string });
  }
  return out;
}

/**
 * For each relative path, the rule that ignores it in the worktree at `cwd`, or null if git does not
 * ignore it (tracked, negated or unmatched). A path that does not exist is judged as a file, which is
 * how git will judge a symlink put there.
 */
export async function ignoredPaths(
  cwd: string,
  rels: readonly string[],
): Promise<Map<string, IgnoreMatch | null>> {
  const result = new Map<string, IgnoreMatch | null>(rels.map((r) => [r, null]));
  const CHUNK = 500;
  for (let i = 0; i < rels.length; i += CHUNK) {
    const chunk = rels.slice(i, i + CHUNK);
    const r = await runGit(['check-ignore', '-v', '--', ...chunk], { cwd, ok: [0, 1, 128] });
    if (r.exitCode === 128) continue; // e.g. a path beyond a symbolic link: git ignores nothing there
    for (const [p, match] of parseCheckIgnore(r.stdout)) {
      if (!match.pattern.startsWith('!')) result.set(p, match);
    }
  }
  return result;
}
