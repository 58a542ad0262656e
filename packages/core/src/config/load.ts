/**
 * Finds and loads the configuration of a worktree with cosmiconfig (module name `worktreeguard`):
 * `.worktreeguardrc[.json|.yaml|.yml|.js|.cjs|.mjs]`, `worktreeguard.config.{js,ts,mjs,cjs}`, or the
 * `"worktreeguard"` key of package.json — in the worktree's top level only.
 */
import { ConfigError } from '../errors';
import { messages } from '../messages';
import type { LoadedConfig } from './types';
import { validateConfig } from './validate';

export const MODULE_NAME = 'worktreeguard';

export async function loadConfig(worktreeRoot: string | null): Promise<LoadedConfig> {
  if (worktreeRoot === null) return { config: validateConfig(undefined).config, file: null };
  // Loaded on demand: cosmiconfig costs tens of milliseconds, which a hook that needs no config never pays.
  const { cosmiconfig } = require('cosmiconfig') as typeof import('cosmiconfig');
  const explorer = cosmiconfig(MODULE_NAME, { searchStrategy: 'none', cache: false });
  let found: { config: unknown; filepath: string; isEmpty?: boolean } | null;
  try {
    found = await explorer.search(worktreeRoot);
  } catch (error) {
    const file = (error as { filepath?: string }).filepath ?? worktreeRoot;
    throw new ConfigError(file, [{ key: '', message: messages.configUnreadable((error as Error).message) }], {
      cause: error,
    });
  }
  if (!found) return { config: validateConfig(undefined).config, file: null };
  const { config, problems } = validateConfig(found.isEmpty ? undefined : found.config);
  if (problems.length) throw new ConfigError(found.filepath, problems);
  return { config, file: found.filepath };
}
