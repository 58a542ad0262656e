/**
 * A worktree's configuration without a `git config --list` of its own: every worktree reads the same
 * system, global and local (shared) configuration; what differs is its `config.worktree`, read here — when
 * `extensions.worktreeConfig` is on, and when nothing in the configuration includes other files (an
 * `includeIf` can depend on the worktree: then git is asked).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type ConfigEntry, ConfigView, isTrue, readConfig } from '../git/config';
import { parseConfigFile } from '../git/configParse';

function includes(view: ConfigView): boolean {
  return view.entries.some((e) => e.key === 'include.path' || e.key.startsWith('includeif.'));
}

/** The view of the worktree at `worktree` (git dir `gitDir`), built on another worktree's `base` view. */
export async function worktreeView(
  base: ConfigView,
  worktree: string,
  gitDir: string | null,
): Promise<ConfigView> {
  if (!gitDir || includes(base)) return readConfig(worktree);
  const shared = base.entries.filter((e) => e.scope !== 'worktree' && e.scope !== 'command');
  const command = base.entries.filter((e) => e.scope === 'command');
  let own: ConfigEntry[] = [];
  if (isTrue(base.get('extensions.worktreeConfig', 'local'))) {
    const text = await readFile(path.join(gitDir, 'config.worktree'), 'utf8').catch(() => '');
    const parsed = parseConfigFile(text, 'worktree');
    if (parsed === null) return readConfig(worktree);
    own = parsed;
  }
  return new ConfigView([...shared, ...own, ...command]);
}
