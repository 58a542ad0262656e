/**
 * The pure decision: from what removing a worktree would lose to the reasons that refuse it, each with the
 * command that resolves it and the one `--force=<name>` that overrides it (or none: the primary, a worktree
 * with another inside it, and commits only a detached HEAD reaches can never be forced). A person names
 * each loss they accept, so no single flag typed by reflex can lose work.
 */
import path from 'node:path';
import { messages } from '../messages';
import { shellQuote } from '../util/shellQuote';
import { HOLDERS } from './holders';
import type { BranchFate, Decision, Reason, RemovalFacts } from './types';

/** The `--force` names of the reasons remove itself knows (holders add their own). */
export const REASON_FORCES = ['uncommitted', 'untracked', 'local-files', 'unpushed', 'parked'] as const;

/** Every name `--force=<name>` accepts. */
export function forceNames(): string[] {
  return [...REASON_FORCES, ...HOLDERS.flatMap((h) => h.forces)];
}

export interface DecideOptions {
  force: ReadonlySet<string>;
  keepBranch: boolean;
  remote: string;
  /** Where repository-wide commands run (the primary checkout, or a bare repository's git dir). */
  home: string;
  primary: string | null;
}

type Draft = Omit<Reason, 'forced'>;

const q = shellQuote;

function changeReasons(f: RemovalFacts): Draft[] {
  const s = f.status;
  const wt = f.record.path;
  const commit = `cd ${q(wt)} && git add -A && git commit`;
  const out: Draft[] = [];
  if (s && s.staged + s.unstaged + s.conflicted > 0)
    out.push({
      id: 'uncommitted',
      message: messages.removeUncommitted(s.staged, s.unstaged, s.conflicted),
      resolve: commit,
      force: 'uncommitted',
      data: { staged: s.staged, unstaged: s.unstaged, conflicted: s.conflicted },
    });
  if (s && s.untracked > 0)
    out.push({
      id: 'untracked',
      message: messages.removeUntracked(s.untrackedPaths),
      resolve: commit,
      force: 'untracked',
      data: { paths: s.untrackedPaths },
    });
  return out;
}

function localFileReason(f: RemovalFacts, o: DecideOptions): Draft[] {
  const [first] = f.localFiles;
  if (!first) return [];
  const mine = path.join(f.record.path, first.rel);
  const theirs = o.primary ? path.join(o.primary, first.rel) : null;
  const resolve = !theirs
    ? null
    : first.why === 'only-here'
      ? `cp -p -- ${q(mine)} ${q(theirs)}`
      : `diff -- ${q(theirs)} ${q(mine)}`;
  return [
    {
      id: 'local-files',
      message: messages.removeLocalFiles(f.localFiles),
      resolve,
      force: 'local-files',
      data: { files: f.localFiles },
    },
  ];
}

function commitReasons(f: RemovalFacts, o: DecideOptions): Draft[] {
  const c = f.commits;
  const where = f.present ? f.record.path : o.home;
  const branch = f.record.branch;
  const out: Draft[] = [];
  if (c && branch && c.unsafe.count > 0 && f.integration?.state !== 'integrated') {
    const up = c.upstream && !c.upstream.gone ? c.upstream : null;
    out.push({
      id: 'unpushed',
      message: messages.removeUnpushed(c.unsafe, f.integration?.target ?? null, c.upstream),
      resolve:
        up?.configured === true
          ? `git -C ${q(where)} push`
          : `git -C ${q(where)} push -u ${q(o.remote)} ${q(branch)}`,
      force: 'unpushed',
      data: { count: c.unsafe.count, commits: c.unsafe.sample, upstream: c.upstream },
    });
  }
  if (c?.unreachable && c.unreachable.count > 0 && f.record.head)
    out.push({
      id: 'unreachable-commits',
      message: messages.removeUnreachable(c.unreachable),
      resolve: `git -C ${q(o.home)} branch ${q(`keep/${path.basename(f.record.path)}`)} ${f.record.head}`,
      force: null,
      data: { count: c.unreachable.count, commits: c.unreachable.sample },
    });
  if (f.parked)
    out.push({
      id: 'parked',
      message: messages.removeParked(f.parked, branch),
      resolve: f.present ? `cd ${q(f.record.path)} && guard unpark` : null,
      force: 'parked',
      data: { commit: f.parked },
    });
  return out;
}

function reasonsOf(f: RemovalFacts, o: DecideOptions): Draft[] {
  if (f.primary) return [{ id: 'primary', message: messages.removePrimary(), resolve: null, force: null }];
  const nested: Draft[] = f.nested.map((inner) => ({
    id: 'nested-worktree',
    message: messages.removeNested(inner),
    resolve: `guard remove ${q(inner)}`,
    force: null,
    data: { worktree: inner },
  }));
  return [...nested, ...changeReasons(f), ...localFileReason(f, o), ...commitReasons(f, o), ...f.holds];
}

function branchFate(f: RemovalFacts, keepBranch: boolean): BranchFate {
  const name = f.record.branch;
  const commit = f.record.head;
  if (!name || !commit || f.primary) return null;
  if (f.branchProtected) return { action: 'keep', name, why: 'base-or-protected' };
  if (f.branchElsewhere)
    return { action: 'keep', name, why: 'checked-out-elsewhere', where: f.branchElsewhere };
  const state = f.integration?.state;
  // "nothing of its own" deletes only a branch whose commits are all elsewhere too
  const deletable = state === 'integrated' || (state === 'nothing' && f.commits?.unsafe.count === 0);
  if (!deletable) return { action: 'keep', name, why: 'not-integrated' };
  if (keepBranch) return { action: 'keep', name, why: 'asked' };
  return { action: 'delete', name, commit };
}

export function decideRemoval(f: RemovalFacts, o: DecideOptions): Decision {
  const reasons: Reason[] = reasonsOf(f, o).map((r) => ({
    ...r,
    forced: r.force !== null && o.force.has(r.force),
  }));
  const remove = reasons.every((r) => r.forced);
  const forcedIds = new Set(reasons.filter((r) => r.forced).map((r) => r.id));
  const gitForce = forcedIds.has('locked')
    ? 2
    : forcedIds.has('uncommitted') || forcedIds.has('untracked')
      ? 1
      : 0;
  return { reasons, remove, gitForce, branch: branchFate(f, o.keepBranch) };
}

/** What `guard sweep` removes: integrated, nothing to lose without `--force`, and not where guard runs. */
export function sweepable(f: RemovalFacts, d: Decision): boolean {
  return d.remove && d.reasons.length === 0 && f.integration?.state === 'integrated' && !f.holdsCwd;
}
