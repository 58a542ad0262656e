/**
 * `stale-base`: the last fetch (newest FETCH_HEAD of all worktrees) is older than maxFetchAge, or a branch
 * started behind the fetched remote base and still sits there. `local-base`: a branch carries commits of the
 * local base branch that the remote does not have.
 */
import { formatAge } from '../config/duration';
import { messages } from '../messages';
import type { RepoFacts } from '../state/types';
import { shellQuote } from '../util/shellQuote';
import { type Finding, finding } from './finding';

export function staleBase(s: RepoFacts): Finding[] {
  const findings: Finding[] = [];
  const { remote, maxFetchAge, maxFetchAgeMs } = s.config;
  const home = s.worktrees.find((w) => w.isPrimary && w.present) ?? s.worktrees.find((w) => w.present);
  if (s.hasRemote && home) {
    const fetchAge = s.lastFetch ? s.now - s.lastFetch.getTime() : null;
    if (fetchAge === null || fetchAge > maxFetchAgeMs)
      findings.push(
        finding(
          'stale-base',
          'warning',
          home.path,
          fetchAge === null
            ? messages.neverFetched(remote)
            : messages.lastFetchOld(remote, formatAge(fetchAge), maxFetchAge),
          `git fetch ${shellQuote(remote)}`,
        ),
      );
  }
  const remoteBase = s.remoteBase?.ref ?? `${remote}/${s.config.baseBranch}`;
  for (const w of s.worktrees) {
    const b = w.base;
    if (!w.present || !b || !w.record.branch || w.sitsOnStart !== true) continue;
    const from = `${b.ref ?? b.commit.slice(0, 10)}${b.ref ? ` @ ${b.commit.slice(0, 10)}` : ''}`;
    const lag = b.fetchedAt && b.startedAt ? Date.parse(b.startedAt) - Date.parse(b.fetchedAt) : 0;
    findings.push(
      finding(
        'stale-base',
        'warning',
        w.path,
        (b.behind ?? 0) > 0
          ? messages.startedBehind(w.record.branch, from, b.behind as number, remoteBase)
          : messages.startedStale(w.record.branch, from, formatAge(lag), w.config.maxFetchAge),
        `git -C ${shellQuote(w.path)} fetch ${shellQuote(remote)} && git -C ${shellQuote(w.path)} rebase ${shellQuote(remoteBase)}`,
        false,
        { base: b },
      ),
    );
  }
  return findings;
}

export function localBase(s: RepoFacts): Finding[] {
  if (!s.remoteBase || !s.localBaseCarriers.length) return [];
  const remoteBase = s.remoteBase.ref;
  const { baseBranch } = s.config;
  return s.worktrees
    .filter((w) => w.present && w.record.branch && s.localBaseCarriers.includes(w.record.branch))
    .map((w) =>
      finding(
        'local-base',
        'error',
        w.path,
        messages.localBase(w.record.branch as string, baseBranch, remoteBase),
        `git -C ${shellQuote(w.path)} rebase --onto ${shellQuote(remoteBase)} ${shellQuote(baseBranch)}`,
      ),
    );
}
