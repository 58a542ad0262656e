import { type GuardConfig, loadConfig, openRepo, type Repo } from '@worktree-guard/core';

export interface Context {
  cwd: string;
  repo: Repo;
  config: GuardConfig;
  configFile: string | null;
}

/** The repository and its configuration, as seen from the current directory. */
export async function loadContext(cwd = process.cwd()): Promise<Context> {
  const repo = await openRepo(cwd);
  const { config, file } = await loadConfig(repo.topLevel);
  return { cwd, repo, config, configFile: file };
}
