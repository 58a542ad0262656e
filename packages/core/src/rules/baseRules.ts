/**
 * `stale-base`: the last successful fetch of the remote is older than maxFetchAge, or a branch started
 * behind the fetched remote base (or from an old fetch) and still sits there. `local-base`: a branch
 * carries commits of the local base branch that the remote does not have.
 */
import { formatAge } from '../config/duration';
import { maxFetchAgeMs } from '../config/validate';
import { messages } from '../messages';
import { baseOf, configOf, hasRemote, primaryOf } from '../state/derive';
import type { RepoFacts } from '../state/types';
import { shellQuote } from '../util/shellQuote';
import { type Finding, finding } from './finding';

function staleFetch(s: RepoFacts): Finding[] {
  const { remote, maxFetchAge } = configOf(s);
  const home = primaryOf(s) ?? s.worktrees.find((w) => w.present);
  if (!hasRemote(s) || !home) return [];
  const age = s.lastFetch ? s.now - s.lastFetch.getTime() : null;
  if (age !== null && age <= maxFetchAgeMs(configOf(s))) return [];
  return [
    finding({
      id: 'stale-base',
      severity: 'warning',
      worktree: home.record.path,
      message:
        age === null
          ? messages.neverFetched(remote)
          : messages.lastFetchOld(remote, formatAge(age), maxFetchAge),
      fix: `git fetch ${shellQuote(remote)}`,
    }),
  ];
}

function staleStarts(s: RepoFacts): Finding[] {
  const { remote, baseBranch } = configOf(s);
  const remoteBase = s.remoteBase?.ref ?? `${remote}/${baseBranch}`;
  return s.worktrees.flatMap((w) => {
    const b = baseOf(w);
    const branch = w.record.branch;
    if (!w.present || !b || !branch || w.sitsOnStart !== true) return [];
    const from = `${b.ref ?? b.commit.slice(0, 10)}${b.ref ? ` @ ${b.commit.slice(0, 10)}` : ''}`;
    const lag = b.fetchedAt && b.startedAt ? Date.parse(b.startedAt) - Date.parse(b.fetchedAt) : 0;
    const wt = shellQuote(w.record.path);
    return [
      finding({
        id: 'stale-base',
        severity: 'warning',
        worktree: w.record.path,
        message:
          (b.behind ?? 0) > 0
            ? messages.startedBehind(branch, from, b.behind as number, remoteBase)
            : messages.startedStale(branch, from, formatAge(lag), configOf(s).maxFetchAge),
        fix: `git -C ${wt} fetch ${shellQuote(remote)} && git -C ${wt} rebase ${shellQuote(remoteBase)}`,
        data: { base: b },
      }),
    ];
  });
}

export function staleBase(s: RepoFacts): Finding[] {
  return [...staleFetch(s), ...staleStarts(s)];
}

export function localBase(s: RepoFacts): Finding[] {
  if (!s.remoteBase || !s.localBaseCarriers.length) return [];
  const remoteBase = s.remoteBase.ref;
  const { baseBranch } = configOf(s);
  return s.worktrees.flatMap((w) => {
    const branch = w.record.branch;
    if (!w.present || !branch || !s.localBaseCarriers.includes(branch)) return [];
    return [
      finding({
        id: 'local-base',
        severity: 'error',
        worktree: w.record.path,
        message: messages.localBase(branch, baseBranch, remoteBase),
        fix: `git -C ${shellQuote(w.record.path)} rebase --onto ${shellQuote(remoteBase)} ${shellQuote(baseBranch)}`,
      }),
    ];
  });
}
