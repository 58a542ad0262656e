/**
 * One configuration per repository: the primary checkout's (or, for a bare repository, the repository
 * directory's). That is where the user installed guard; a linked worktree's files come from whatever
 * branch it has checked out, and guard never lets a branch decide what runs — not `setup` commands, not
 * the stash rule, not a `.worktreeguardrc.js`. Files are found by {@link findConfigFile} and loaded with
 * cosmiconfig only when one exists.
 */
import { ConfigError } from '../errors';
import { primaryCheckout, type Repo } from '../git/repo';
import { messages } from '../messages';
import { findConfigFile, MODULE_NAME } from './places';
import type { LoadedConfig } from './types';
import { validateConfig } from './validate';

/** Where the repository's configuration lives. */
export function configDir(repo: Repo): string {
  return primaryCheckout(repo) ?? repo.commonDir;
}

/** The configuration in `dir`: defaults when there is no file; `error` set (and defaults) when it is invalid. */
export async function loadConfigFrom(dir: string): Promise<LoadedConfig> {
  const file = findConfigFile(dir);
  if (!file) return { config: validateConfig(undefined).config, file: null, error: null };
  // Loaded on demand: cosmiconfig costs tens of milliseconds.
  const { cosmiconfig } = require('cosmiconfig') as typeof import('cosmiconfig');
  const explorer = cosmiconfig(MODULE_NAME, { searchStrategy: 'none', cache: false });
  let raw: unknown;
  try {
    const found = await explorer.load(file);
    raw = found?.isEmpty ? undefined : found?.config;
  } catch (error) {
    const problem = { key: '', message: messages.configUnreadable((error as Error).message) };
    return { config: validateConfig(undefined).config, file, error: new ConfigError(file, [problem]) };
  }
  const { config, problems } = validateConfig(raw);
  const error = problems.length ? new ConfigError(file, problems) : null;
  return { config: error ? validateConfig(undefined).config : config, file, error };
}

export function loadRepoConfig(repo: Repo): Promise<LoadedConfig> {
  return loadConfigFrom(configDir(repo));
}

/** For commands that cannot go on without a valid configuration: throws its error (exit 2). */
export function validConfig(loaded: LoadedConfig): LoadedConfig['config'] {
  if (loaded.error) throw loaded.error;
  return loaded.config;
}
