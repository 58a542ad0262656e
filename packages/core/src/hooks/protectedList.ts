/**
 * The protected branches, kept where the reference-transaction shim reads them without starting a
 * process: `<common dir>/worktree-guard/protected-branches` — the directory the configuration was read
 * from, the file (or an empty line), then one branch a line. The shim treats the list as stale when a
 * configuration file is newer than it, and has guard write it again.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { configDir } from '../config/load';
import type { LoadedConfig } from '../config/types';
import type { Repo } from '../git/repo';

export const PROTECTED_FILE = path.join('worktree-guard', 'protected-branches');

/** The branches the file lists (what the shim enforces now). */
export async function readProtectedList(commonDir: string): Promise<string[] | null> {
  const text = await readFile(path.join(commonDir, PROTECTED_FILE), 'utf8').catch(() => null);
  return text === null ? null : text.split('\n').slice(2).filter(Boolean);
}

/**
 * Writes the list for the configuration in force. An invalid configuration keeps the branches listed
 * before (protection does not lapse because a file has a typo), with a fresh time.
 */
export async function syncProtectedList(repo: Repo, loaded: LoadedConfig): Promise<void> {
  const file = path.join(repo.commonDir, PROTECTED_FILE);
  const branches = loaded.error
    ? ((await readProtectedList(repo.commonDir)) ?? [])
    : loaded.config.protectedBranches;
  const text = `${[configDir(repo), loaded.file ?? '', ...branches].join('\n')}\n`;
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}
