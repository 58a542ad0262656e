/**
 * Reads everything doctor and list decide on, in bulk. Git processes: a constant few for the repository
 * (worktree list, refs, stash, the primary's ignore rules), then per worktree one `git config --list` and
 * one `git check-ignore` (doctor), or `git status` and `git rev-list --count` instead of check-ignore
 * (list). Hooks directories, FETCH_HEAD ages, links and shared dirs come from the file system.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveSharedDir } from '../bootstrap/gather';
import { loadConfig } from '../config/load';
import type { GuardConfig } from '../config/types';
import { ConfigError } from '../errors';
import { inspect, type PathInfo } from '../fs/pathInfo';
import { ignoredPaths } from '../git/checkIgnore';
import { type ConfigView, isTrue, readConfig } from '../git/config';
import type { Repo } from '../git/repo';
import { git, runGit } from '../git/run';
import { readStashList } from '../git/stashList';
import { readStatus, type StatusCounts } from '../git/status';
import { worktreeGitDir } from '../git/worktreeGitDir';
import type { WorktreeRecord } from '../git/worktreeList';
import { hooksDirFrom } from '../hooks/hooksDirs';
import { SHIM_LIB, SHIM_NAMES, SHIM_VERSION, shimVersionOf } from '../hooks/shims';
import { mapLimit } from '../util/mapLimit';
import { recordedBaseOf, staleStart } from '../worktree/baseRecord';
import { pinStateOf } from '../worktree/identity';
import { lastFetchTime } from '../worktree/lastFetch';
import type { HooksFacts, LinkFacts, RepoFacts, ShimState, WorktreeFacts } from './types';

export interface RepoGatherInput {
  repo: Repo;
  /** The configuration where the command runs: remote, base branch, fetch age. */
  config: GuardConfig;
  /** Also read dirty counts and ahead/behind (for `guard list`). */
  forList?: boolean;
  env?: NodeJS.ProcessEnv;
  now?: number;
}

/** Git processes run at once: enough to overlap their start-up, few enough for a 2-core machine. */
const PARALLEL = 6;

async function exists(p: string): Promise<boolean> {
  return inspect(p).then((i) => i.kind !== 'missing');
}

async function mtime(file: string): Promise<Date | null> {
  return stat(file).then(
    (s) => s.mtime,
    () => null,
  );
}

async function shimState(file: string, lib: boolean): Promise<{ state: ShimState; version: number | null }> {
  const info = await inspect(file);
  if (info.kind === 'missing') return { state: 'missing', version: null };
  const text = info.kind === 'file' ? await readFile(file, 'utf8').catch(() => '') : '';
  const version = shimVersionOf(text);
  if (version === null) return { state: 'foreign', version };
  if (version < SHIM_VERSION) return { state: 'old', version };
  if (!lib && info.kind === 'file' && (info.mode & 0o111) === 0) return { state: 'not-executable', version };
  return { state: 'ok', version };
}

async function hooksFacts(view: ConfigView, worktree: string, repo: Repo, env: NodeJS.ProcessEnv) {
  const where = hooksDirFrom(view, { worktree, bare: false, commonDir: repo.commonDir }, env.HOME);
  const dirExists = await exists(where.dir);
  const shims: HooksFacts['shims'] = [];
  for (const name of [SHIM_LIB, ...SHIM_NAMES]) {
    const file = path.join(where.dir, name);
    shims.push({
      file,
      ...(dirExists ? await shimState(file, name === SHIM_LIB) : { state: 'missing', version: null }),
    });
  }
  return { where, dirExists, shims };
}

async function guardConfigOf(worktree: string, fallback: GuardConfig) {
  try {
    const { config } = await loadConfig(worktree);
    return { config, configError: null };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { config: fallback, configError: error };
  }
}

async function worktreeFacts(
  record: WorktreeRecord,
  repo: Repo,
  fallback: GuardConfig,
  env: NodeJS.ProcessEnv,
): Promise<WorktreeFacts> {
  const isPrimary = record === repo.primary;
  const present = record.prunable === null && (await exists(record.path));
  const gitDir = present ? worktreeGitDir(record.path) : null;
  const facts: WorktreeFacts = {
    record,
    path: record.path,
    isPrimary,
    present,
    gitDir,
    view: null,
    config: fallback,
    configError: null,
    pinned: null,
    hooks: null,
    links: [],
    sharedDirs: [],
    lastFetch: gitDir ? await mtime(path.join(gitDir, 'FETCH_HEAD')) : null,
    base: null,
    sitsOnStart: null,
  };
  if (!present) return facts;
  const view = await readConfig(record.path);
  Object.assign(facts, await guardConfigOf(record.path, fallback));
  facts.view = view;
  facts.pinned = pinStateOf(view).pinned;
  facts.hooks = await hooksFacts(view, record.path, repo, env);
  facts.base = recordedBaseOf(view);
  return facts;
}

/** Is `rel` (or a directory above it) among the untracked paths `git status` printed? */
function shownUntracked(rel: string, untracked: readonly string[]): boolean {
  return untracked.some((u) => u === rel || (u.endsWith('/') && rel.startsWith(u)));
}

async function linkFacts(
  wt: WorktreeFacts,
  primaryPath: string,
  primaryInfo: Map<string, { info: PathInfo; ignored: boolean }>,
  status: StatusCounts | null,
): Promise<LinkFacts[]> {
  const links: LinkFacts[] = [];
  for (const rel of wt.config.links) {
    const src = primaryInfo.get(rel);
    const sourceUsable =
      src !== undefined &&
      src.info.kind !== 'missing' &&
      !(src.info.kind === 'symlink' && !src.info.targetExists);
    const dest = path.join(wt.path, rel);
    links.push({
      rel,
      source: path.join(primaryPath, rel),
      expected: sourceUsable && Boolean(src?.ignored),
      dest,
      destInfo: await inspect(dest),
      ignoredHere: null,
    });
  }
  const judge = links.filter(
    (l) => l.expected && (l.destInfo.kind === 'missing' || l.destInfo.kind === 'symlink'),
  );
  if (status) {
    for (const l of judge)
      if (l.destInfo.kind === 'symlink') l.ignoredHere = !shownUntracked(l.rel, status.untrackedPaths);
  } else if (judge.length) {
    const ignored = await ignoredPaths(
      wt.path,
      judge.map((l) => l.rel),
    );
    for (const l of judge) l.ignoredHere = Boolean(ignored.get(l.rel));
  }
  return links;
}

async function refOids(cwd: string, refs: string[]): Promise<Map<string, string>> {
  const out = await git(['for-each-ref', '--format=%(refname)%00%(objectname)', '--', ...refs], { cwd });
  const map = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [ref, oid] = line.split('\0');
    if (ref && oid) map.set(ref, oid);
  }
  return map;
}

/**
 * Branches that carry commits of local <baseBranch> the remote lacks. Every such commit descends from a
 * "bottom" one (all its parents outside the set), so one `for-each-ref --contains` per bottom answers it.
 */
async function localBaseCarriers(cwd: string, local: string, remote: string, branches: string[]) {
  if (!branches.length) return [];
  const out = await git(['rev-list', '--parents', local, `^${remote}`, '--'], { cwd });
  const unpushed = new Map(
    out
      .split('\n')
      .filter(Boolean)
      .map((l) => [l.split(' ')[0] as string, l.split(' ').slice(1)]),
  );
  const bottoms = [...unpushed]
    .filter(([, parents]) => parents.every((p) => !unpushed.has(p)))
    .map(([c]) => c);
  if (!bottoms.length) return [];
  const args = [
    'for-each-ref',
    '--format=%(refname:strip=2)',
    ...bottoms.flatMap((b) => ['--contains', b]),
    '--',
  ];
  const carriers = (await git([...args, ...branches.map((b) => `refs/heads/${b}`)], { cwd })).split('\n');
  return carriers.filter(Boolean);
}

async function listExtras(wt: WorktreeFacts, remoteBase: string | null): Promise<void> {
  wt.status = await readStatus(wt.path);
  if (!remoteBase || !wt.record.head) {
    wt.aheadBehind = null;
    return;
  }
  const r = await runGit(['rev-list', '--left-right', '--count', `${remoteBase}...HEAD`, '--'], {
    cwd: wt.path,
    ok: [0, 128],
  });
  const [behind, ahead] = r.stdout.trim().split(/\s+/).map(Number);
  wt.aheadBehind = r.exitCode === 0 ? { ahead: ahead ?? 0, behind: behind ?? 0 } : null;
}

export async function gatherRepoFacts(input: RepoGatherInput): Promise<RepoFacts> {
  const { repo, config } = input;
  const env = input.env ?? process.env;
  const records = repo.worktrees.filter((w) => !w.bare);
  const worktrees = await mapLimit(records, PARALLEL, (r) => worktreeFacts(r, repo, config, env));
  const cwd = repo.topLevel ?? repo.commonDir;
  const primary = worktrees.find((w) => w.isPrimary && w.present) ?? null;
  const repoView = primary?.view ?? (await readConfig(repo.commonDir));

  const remoteRef = `refs/remotes/${config.remote}/${config.baseBranch}`;
  const localRef = `refs/heads/${config.baseBranch}`;
  const oids = await refOids(cwd, [remoteRef, localRef, 'refs/stash']);
  const stash = oids.has('refs/stash') ? await readStashList(cwd) : [];
  const remoteOid = oids.get(remoteRef) ?? null;
  const localOid = oids.get(localRef) ?? null;
  const branches = worktrees.flatMap((w) =>
    w.record.branch && w.record.branch !== config.baseBranch ? [w.record.branch] : [],
  );
  const carriers =
    remoteOid && localOid && remoteOid !== localOid
      ? await localBaseCarriers(cwd, localOid, remoteOid, [...new Set(branches)])
      : [];

  const present = worktrees.filter((w) => w.present);
  // a stale start matters only while the branch still sits on it (not rebased since)
  await mapLimit(
    present.filter((w) => remoteOid && w.record.head && w.base && staleStart(w.base, w.config.maxFetchAgeMs)),
    PARALLEL,
    async (w) => {
      const r = await runGit(['merge-base', 'HEAD', remoteOid as string], { cwd: w.path, ok: [0, 1] });
      w.sitsOnStart = r.stdout.trim() === w.base?.commit;
    },
  );

  // links and shared dirs: the primary's side once, then each linked worktree
  if (primary) {
    const rels = [...new Set(present.filter((w) => !w.isPrimary).flatMap((w) => w.config.links))];
    const infos = new Map(
      await Promise.all(rels.map(async (rel) => [rel, await inspect(path.join(primary.path, rel))] as const)),
    );
    const ignored = await ignoredPaths(
      primary.path,
      rels.filter((rel) => infos.get(rel)?.kind !== 'missing'),
    );
    const primaryInfo = new Map(
      rels.map((rel) => [rel, { info: infos.get(rel) as PathInfo, ignored: Boolean(ignored.get(rel)) }]),
    );
    await mapLimit(present, PARALLEL, async (wt) => {
      if (input.forList) await listExtras(wt, remoteOid);
      if (wt.isPrimary) return;
      wt.links = await linkFacts(wt, primary.path, primaryInfo, wt.status ?? null);
      for (const entry of wt.config.sharedDirs) {
        const primaryDir = await resolveSharedDir(entry, primary.path, env);
        const dest = await resolveSharedDir(entry, wt.path, env);
        wt.sharedDirs.push({
          entry,
          primaryDir,
          dest,
          destInfo: dest ? await inspect(dest) : { kind: 'missing' },
        });
      }
    });
  } else if (input.forList) {
    await mapLimit(present, PARALLEL, (wt) => listExtras(wt, remoteOid));
  }

  return {
    repo,
    config,
    now: input.now ?? Date.now(),
    worktrees,
    extensionOn: isTrue(repoView.get('extensions.worktreeConfig', 'local')),
    sharedIdentity: {
      name: repoView.get('user.name', 'local') ?? undefined,
      email: repoView.get('user.email', 'local') ?? undefined,
    },
    stash,
    lastFetch: lastFetchTime(repo.commonDir, config.remote, config.baseBranch),
    hasRemote: repoView.get(`remote.${config.remote}.url`) !== null,
    remoteBase: remoteOid ? { ref: `${config.remote}/${config.baseBranch}`, commit: remoteOid } : null,
    localBaseCarriers: carriers,
    guardInstalled: present.some((w) =>
      w.hooks?.shims.some((s) => s.state !== 'missing' && s.state !== 'foreign'),
    ),
  };
}
