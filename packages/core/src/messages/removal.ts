/** Core's sentences: guard remove, guard sweep, and what guard leaves outside a worktree. */
import type { CommitSample, Integration, Leftover, LocalFile, UpstreamFacts } from '../remove/types';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const some = (items: readonly string[], max = 5) =>
  items.slice(0, max).join(', ') + (items.length > max ? `, … (${items.length - max} more)` : '');
const commits = (s: CommitSample) =>
  `${plural(s.count, 'commit')} (${s.sample
    .slice(0, 3)
    .map((c) => `${c.commit.slice(0, 10)} "${c.subject}"`)
    .join(', ')}${s.count > 3 ? ', …' : ''})`;

export const removal = {
  removeNoneHere: () =>
    'not inside a worktree: name the worktree to remove — guard remove <worktree-path|branch>',
  removeUnknownTarget: (arg: string) =>
    `"${arg}" is neither a worktree's directory nor a branch checked out in one (git worktree list shows them)`,
  removeBare: (p: string) => `${p} is the bare repository itself, not a worktree`,
  removeBadForce: (name: string, known: readonly string[]) =>
    `--force=${name}: no such reason. --force names each loss you accept: ${known.join(', ')} (e.g. --force=untracked,local-files)`,
  removeFetchFailed: (remote: string, why: string) =>
    `git fetch ${remote} failed: ${why}\nWithout it, what is integrated or pushed would be judged on old facts. Fix the remote, or pass --no-fetch.`,
  removePrimary: () =>
    'this is the primary checkout: guard never removes it (every worktree shares its git directory)',
  removeNested: (inner: string) =>
    `the worktree ${inner} is inside this one: removing this directory would take it along — remove that one first`,
  removeUncommitted: (staged: number, unstaged: number, conflicted: number) =>
    `not committed: ${[
      staged ? `${plural(staged, 'file')} staged` : '',
      unstaged ? `${plural(unstaged, 'file')} changed` : '',
      conflicted ? `${plural(conflicted, 'file')} in conflict` : '',
    ]
      .filter(Boolean)
      .join(', ')}`,
  removeUntracked: (paths: readonly string[]) =>
    `${plural(paths.length, 'untracked path')} git does not ignore: ${some(paths)}`,
  removeLocalFiles: (files: readonly LocalFile[]) =>
    `files of this worktree's own that git ignores, so removal would delete them: ${some(
      files.map(
        (f) =>
          `${f.rel} (${f.why === 'differs' ? "differs from the primary's" : f.why === 'only-here' ? 'the primary has none' : 'a file, not the link to the primary'})`,
      ),
    )}`,
  removeUnpushed: (s: CommitSample, target: string | null, upstream: UpstreamFacts | null) =>
    `${commits(s)} neither in ${target ?? 'a base branch (none found)'} nor ${
      !upstream
        ? 'pushed (no upstream)'
        : upstream.gone
          ? `pushed: ${upstream.name} is gone from the remote`
          : `on ${upstream.name}`
    }`,
  removeUnreachable: (s: CommitSample) =>
    `${commits(s)} on this detached HEAD that no branch, remote branch or tag holds: removing the worktree would lose them`,
  removeParked: (commit: string, branch: string | null) =>
    `HEAD is a park commit (${commit.slice(0, 10)}): parked work in progress on ${branch ?? 'a detached HEAD'}`,
  removeLocked: (reason: string) =>
    `the worktree is locked (git worktree lock${reason ? `: ${reason}` : ''}) — Claude Code locks the worktree of an agent while it works`,
  removeSerialRun: (lock: string, pid: number, command: string, holds: boolean) =>
    `a run of guard run --serial started here ${holds ? 'holds' : 'waits for'} lock "${lock}" (pid ${pid}: ${command}) — its command works in this worktree; let it end, or stop it (kill ${pid})`,
  removeAgentSession: (agent: string, id: string, pid: number | null, since: string) =>
    `a live ${agent} session works here (session ${id}${pid ? `, pid ${pid}` : ''}, since ${since.slice(0, 16).replace('T', ' ')} UTC) — end that session first`,
  removeBranchMoved: (name: string, why: string) =>
    `branch ${name} was kept: it moved since it was checked (${why})`,
  leftoverChanged: (p: string) => `${p} changed since it was found: left as it is`,
  integrationNotTried: () =>
    'not tried by guard list, to keep it at one git process a worktree (guard remove --dry-run tries every rule)',
  mergeTreeUnavailable: (version: string) =>
    `${version} has no merge-tree --write-tree (git 2.38): judged by ancestry and patch ids only`,
  integrationRule: (i: Integration) => {
    const t = i.target ?? 'the base';
    switch (i.rule) {
      case 'ancestor':
        return `its tip is in ${t} (merged or fast-forwarded)`;
      case 'merge-noop':
        return `merging it into ${t} would change nothing (squash- or rebase-merged)`;
      case 'patch-ids':
        return `every commit of its own has an equivalent in ${t} (rebased or cherry-picked)`;
      case 'squash-patch-id':
        return `its whole change is ${i.commit ? `commit ${i.commit.slice(0, 10)}` : 'one commit'} of ${t} (squash-merged)`;
      default:
        return i.state === 'nothing' ? 'it has no commit of its own' : `not integrated into ${t}`;
    }
  },
  orphanLeftover: (l: Leftover) =>
    l.why === 'points-nowhere'
      ? `${l.path} is a link guard made for a worktree, to ${l.target}, which does not exist: the checkout it shared with is gone`
      : l.worktree
        ? `${l.path} is a link guard made for the worktree ${l.worktree}, whose directory is gone`
        : `${l.path} is a link guard made for a worktree that git no longer lists (a plain git worktree remove leaves it behind)`,
};
