/**
 * Repository-wide facts doctor and list read: the stash, the remote base and the branches that carry
 * local base commits, the last successful fetch, and whether stale starts still sit where they started.
 */
import { maxFetchAgeMs } from '../config/validate';
import { refOids } from '../git/refs';
import { git, runGit } from '../git/run';
import { readStashList } from '../git/stashList';
import { mapLimit } from '../util/mapLimit';
import { staleStart } from '../worktree/baseRecord';
import { lastFetchTime } from '../worktree/lastFetch';
import { baseOf, configOf } from './derive';
import type { RepoFacts, WorktreeFacts } from './types';

const PARALLEL = 6;

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
  const args = ['for-each-ref', '--format=%(refname:strip=2)', ...bottoms.flatMap((b) => ['--contains', b])];
  const carriers = await git([...args, '--', ...branches.map((b) => `refs/heads/${b}`)], { cwd });
  return carriers.split('\n').filter(Boolean);
}

type RepoState = Pick<RepoFacts, 'stash' | 'lastFetch' | 'remoteBase' | 'localBaseCarriers'>;

export async function readRepoState(s: Omit<RepoFacts, keyof RepoState>, cwd: string): Promise<RepoState> {
  const config = configOf(s as RepoFacts);
  const remoteRef = `refs/remotes/${config.remote}/${config.baseBranch}`;
  const localRef = `refs/heads/${config.baseBranch}`;
  const [oids, lastFetch] = await Promise.all([
    refOids(cwd, [remoteRef, localRef, 'refs/stash']),
    lastFetchTime({ commonDir: s.repo.commonDir, cwd, remote: config.remote, baseBranch: config.baseBranch }),
  ]);
  const stash = oids.has('refs/stash') ? await readStashList(cwd) : [];
  const remoteOid = oids.get(remoteRef) ?? null;
  const localOid = oids.get(localRef) ?? null;
  const branches = s.worktrees.flatMap((w) =>
    w.record.branch && w.record.branch !== config.baseBranch ? [w.record.branch] : [],
  );
  const carriers =
    remoteOid && localOid && remoteOid !== localOid
      ? await localBaseCarriers(cwd, localOid, remoteOid, [...new Set(branches)])
      : [];
  if (remoteOid) await markSitsOnStart(s.worktrees, remoteOid, maxFetchAgeMs(config));
  return {
    stash,
    lastFetch,
    remoteBase: remoteOid ? { ref: `${config.remote}/${config.baseBranch}`, commit: remoteOid } : null,
    localBaseCarriers: carriers,
  };
}

/** A stale start matters only while the branch still sits on it (its merge base with the remote base). */
async function markSitsOnStart(worktrees: WorktreeFacts[], remoteOid: string, maxAgeMs: number) {
  const stale = worktrees.filter((w) => {
    const b = baseOf(w);
    return w.present && w.record.head && b && staleStart(b, maxAgeMs);
  });
  await mapLimit(stale, PARALLEL, async (w) => {
    const r = await runGit(['merge-base', 'HEAD', remoteOid], { cwd: w.record.path, ok: [0, 1] });
    w.sitsOnStart = r.stdout.trim() === baseOf(w)?.commit;
  });
}
