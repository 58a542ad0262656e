import { type LoadedConfig, loadRepoConfig, openRepo, type Repo } from '@worktree-guard/core';

export interface Context {
  cwd: string;
  repo: Repo;
  /** The repository's configuration (the primary's), with its error if it is invalid. */
  loaded: LoadedConfig;
}

/** The repository and its configuration, as seen from the current directory. */
export async function loadContext(cwd = process.cwd()): Promise<Context> {
  const repo = await openRepo(cwd);
  return { cwd, repo, loaded: await loadRepoConfig(repo) };
}
