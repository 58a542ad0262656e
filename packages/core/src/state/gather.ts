/**
 * One gather of facts for doctor, list, the commit check and bootstrap. Git processes: `rev-parse` and
 * `worktree list` (in the Repo), then per worktree read in depth one `git config --list`, and one
 * `git check-ignore` where links are judged (or `git status` + `git rev-list --count` for list); a
 * constant few for the repository. Hooks directories, links and shared dirs come from the file system.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { LoadedConfig } from '../config/types';
import { inspect } from '../fs/pathInfo';
import { samePath } from '../fs/paths';
import { readConfig } from '../git/config';
import { isPrimaryRecord, type Repo } from '../git/repo';
import { runGit } from '../git/run';
import { readStatus } from '../git/status';
import { worktreeGitDir } from '../git/worktreeGitDir';
import type { WorktreeRecord } from '../git/worktreeList';
import { readHooksFacts } from '../hooks/hooksFacts';
import { mapLimit } from '../util/mapLimit';
import { configOf, isPrimary, primaryOf } from './derive';
import { readLinks, readPrimarySide, readSharedDirs } from './envFacts';
import { readRepoState } from './repoState';
import type { RepoFacts, WorktreeFacts } from './types';

/**
 * How much to read. `commit`: each worktree's record, and the configuration of those read in depth
 * (what the commit check decides on). `bootstrap`: also hooks, links and shared dirs. `doctor`: also the
 * repository's stash, remote base and fetch. `list`: doctor's, plus dirty counts and ahead/behind.
 */
export type Depth = 'commit' | 'bootstrap' | 'doctor' | 'list';

export interface GatherInput {
  repo: Repo;
  loaded: LoadedConfig;
  depth: Depth;
  /** Read only these worktrees in depth (and the primary, which they are compared with). Default: all. */
  only?: readonly string[];
  env?: NodeJS.ProcessEnv;
  now?: number;
}

/** Git processes run at once: enough to overlap their start-up, few enough for a 2-core machine. */
const PARALLEL = 6;

async function mtime(file: string): Promise<Date | null> {
  return stat(file).then(
    (s) => s.mtime,
    () => null,
  );
}

async function worktreeFacts(
  record: WorktreeRecord,
  input: GatherInput,
  deep: boolean,
): Promise<WorktreeFacts> {
  const present = record.prunable === null && (await inspect(record.path)).kind === 'dir';
  const gitDir = present ? worktreeGitDir(record.path) : null;
  const facts: WorktreeFacts = {
    record,
    present,
    gitDir,
    view: null,
    hooks: null,
    links: [],
    sharedDirs: [],
    lastFetchAttempt: gitDir ? await mtime(path.join(gitDir, 'FETCH_HEAD')) : null,
    sitsOnStart: null,
  };
  if (!present || !deep) return facts;
  facts.view = await readConfig(record.path);
  if (input.depth !== 'commit') {
    const at = { worktree: record.path, bare: false, commonDir: input.repo.commonDir };
    facts.hooks = await readHooksFacts(facts.view, at, (input.env ?? process.env).HOME);
  }
  return facts;
}

async function listExtras(w: WorktreeFacts, remoteBase: string | null): Promise<void> {
  w.status = await readStatus(w.record.path);
  if (!remoteBase || !w.record.head) {
    w.aheadBehind = null;
    return;
  }
  const r = await runGit(['rev-list', '--left-right', '--count', `${remoteBase}...HEAD`, '--'], {
    cwd: w.record.path,
    ok: [0, 128],
  });
  const [behind, ahead] = r.stdout.trim().split(/\s+/).map(Number);
  w.aheadBehind = r.exitCode === 0 ? { ahead: ahead ?? 0, behind: behind ?? 0 } : null;
}

/** Links and shared dirs of each linked worktree read in depth; the primary's side read once. */
async function readEnvironments(s: RepoFacts, env: NodeJS.ProcessEnv): Promise<void> {
  const primary = primaryOf(s);
  if (!primary) return;
  const config = configOf(s);
  const linked = s.worktrees.filter((w) => w.present && w.view && !isPrimary(s, w));
  if (!linked.length) return;
  const side = await readPrimarySide(primary.record.path, config.links);
  await mapLimit(linked, PARALLEL, async (w) => {
    w.links = await readLinks(w.record.path, config.links, side, w.status ?? null);
    w.sharedDirs = await readSharedDirs(config.sharedDirs, w.record.path, primary.record.path, env);
  });
}

export async function gatherFacts(input: GatherInput): Promise<RepoFacts> {
  const { repo } = input;
  const env = input.env ?? process.env;
  const deep = (r: WorktreeRecord) =>
    !input.only || isPrimaryRecord(repo, r) || input.only.some((p) => samePath(p, r.path));
  const records = repo.worktrees.filter((w) => !w.bare);
  const worktrees = await mapLimit(records, PARALLEL, (r) => worktreeFacts(r, input, deep(r)));
  const primaryView = worktrees.find((w) => isPrimaryRecord(repo, w.record))?.view;
  const facts: RepoFacts = {
    repo,
    loaded: input.loaded,
    now: input.now ?? Date.now(),
    worktrees,
    // a bare primary's own configuration is read in the repository directory, as git reads it there
    commonView:
      primaryView ??
      (await readConfig(repo.primary.bare ? repo.commonDir : (repo.topLevel ?? repo.commonDir))),
    stash: [],
    lastFetch: null,
    remoteBase: null,
    localBaseCarriers: [],
  };
  if (input.depth === 'commit') return facts;
  const cwd = repo.topLevel ?? repo.commonDir;
  if (input.depth !== 'bootstrap') Object.assign(facts, await readRepoState(facts, cwd));
  if (input.depth === 'list') {
    const remoteBase = facts.remoteBase?.commit ?? null;
    await mapLimit(
      worktrees.filter((w) => w.present && w.view),
      PARALLEL,
      (w) => listExtras(w, remoteBase),
    );
  }
  await readEnvironments(facts, env);
  return facts;
}
