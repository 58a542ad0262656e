/**
 * The commits a worktree holds that exist nowhere else: for a branch, those neither in the target nor on
 * its upstream; for a detached HEAD, those no branch, remote-tracking branch or tag reaches. And where a
 * branch started, so that a branch with no commit of its own is not taken for a merged one.
 */
import { readReflog } from '../git/reflog';
import { git, runGit } from '../git/run';
import type { CommitFacts, CommitSample, UpstreamFacts } from './types';

const SAMPLE = 5;

/** `git log --format=%H%x00%s <revs>`: how many, and the newest few. */
async function sample(cwd: string, revs: string[]): Promise<CommitSample> {
  const r = await runGit(['log', '--format=%H%x00%s', ...revs, '--'], { cwd, ok: [0, 128] });
  if (r.exitCode !== 0) return { count: 0, sample: [] };
  const lines = r.stdout.split('\n').filter(Boolean);
  return {
    count: lines.length,
    sample: lines.slice(0, SAMPLE).map((l) => {
      const [commit = '', ...subject] = l.split('\0');
      return { commit, subject: subject.join('\0') };
    }),
  };
}

/**
 * The branch's upstream (`branch.<b>.merge`) when its remote-tracking ref exists, else `<remote>/<branch>`
 * when that exists. `remoteNow` (the remote's branches after a fetch) tells a remote-tracking ref whose
 * branch the remote has deleted: it holds no copy of the work any more.
 */
export async function upstreamOf(
  cwd: string,
  branch: string,
  remote: string,
  remoteNow: Map<string, string> | null,
): Promise<UpstreamFacts | null> {
  const out = await git(
    ['for-each-ref', '--format=%(upstream)%00%(upstream:track)', '--', `refs/heads/${branch}`],
    {
      cwd,
    },
  );
  const [set = '', track = ''] = out.split('\n')[0]?.split('\0') ?? [];
  const configured = set.startsWith('refs/remotes/') && track.trim() !== '[gone]';
  let ref = configured ? set : '';
  if (!configured) {
    const fallback = `refs/remotes/${remote}/${branch}`;
    const exists = await runGit(['rev-parse', '--verify', '--quiet', fallback], { cwd, ok: [0, 1] });
    if (exists.exitCode !== 0) return null;
    ref = fallback;
  }
  const name = ref.slice('refs/remotes/'.length);
  const onRemote = name.startsWith(`${remote}/`) ? `refs/heads/${name.slice(remote.length + 1)}` : null;
  const gone = Boolean(remoteNow && onRemote && !remoteNow.has(onRemote));
  return { name, ref, configured, gone };
}

export async function commitFacts(
  cwd: string,
  tip: string,
  opts: { branch: string | null; target: string | null; upstream: UpstreamFacts | null },
): Promise<CommitFacts> {
  if (!opts.branch) {
    const unreachable = await sample(cwd, [tip, '--not', '--branches', '--remotes', '--tags']);
    return { upstream: null, unsafe: { count: 0, sample: [] }, unreachable };
  }
  const not = [opts.target, opts.upstream && !opts.upstream.gone ? opts.upstream.ref : null].filter(
    (r): r is string => Boolean(r),
  );
  const unsafe = await sample(cwd, [tip, ...not.map((r) => `^${r}`)]);
  return { upstream: opts.upstream, unsafe, unreachable: null };
}

/** Where a branch started: its recorded base, or the commit its reflog's only entry created it at. */
export async function startOf(cwd: string, branch: string, recorded: string | null): Promise<string | null> {
  if (recorded) return recorded;
  const entries = await readReflog(cwd, `refs/heads/${branch}`, 2);
  const [only] = entries;
  return entries.length === 1 && only && /^branch: Created from /.test(only.subject) ? only.commit : null;
}
