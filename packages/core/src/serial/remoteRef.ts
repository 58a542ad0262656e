/**
 * The remote lock's git side. The lock `<name>` is the ref `refs/worktree-guard/locks/<name>` on the
 * remote; its commit (empty tree) carries the holder as JSON. Every change is one atomic push with a lease:
 * take = `--force-with-lease=<ref>:` (the ref must not exist), renew and release = a lease on the value
 * the holder pushed, break = a lease on the expired holder's value. The server checks the old value under
 * its ref lock, so two pushes can never both win.
 *
 * `--no-verify`: these pushes carry no code, so a pre-push hook (tests, lint) has nothing to check.
 * Reading a holder fetches the one commit without writing FETCH_HEAD, whose time guard reads as the last fetch.
 */
import { RefusedError } from '../errors';
import { git, runGit } from '../git/run';
import { serialText as messages } from '../messages';
import { type Holder, parseHolder } from './holder';

export const LOCK_REF_PREFIX = 'refs/worktree-guard/locks/';

export const lockRef = (name: string): string => `${LOCK_REF_PREFIX}${name}`;

export interface RemoteHolder extends Holder {
  /** The holder's last renewal (ISO): the lease runs `serial.ttl` from here. */
  renewed: string;
}

const IDENTITY = {
  GIT_AUTHOR_NAME: 'worktree-guard',
  GIT_AUTHOR_EMAIL: 'worktree-guard@localhost',
  GIT_COMMITTER_NAME: 'worktree-guard',
  GIT_COMMITTER_EMAIL: 'worktree-guard@localhost',
};

export function lockMessage(name: string, holder: RemoteHolder): string {
  return `worktree-guard lock ${name}\n\n${JSON.stringify(holder, null, 2)}\n`;
}

/** The holder in `git cat-file commit` output, or null when the commit is not a lock's. */
export function parseLockCommit(text: string): RemoteHolder | null {
  const body = text.slice(text.indexOf('\n\n') + 2);
  const json = body.slice(body.indexOf('\n{') + 1);
  try {
    const value = JSON.parse(json) as Record<string, unknown>;
    const holder = parseHolder(value);
    return holder && typeof value.renewed === 'string' ? { ...holder, renewed: value.renewed } : null;
  } catch {
    return null;
  }
}

export async function lockCommit(cwd: string, name: string, holder: RemoteHolder): Promise<string> {
  const tree = (await git(['mktree'], { cwd, input: '' })).trim();
  const args = ['commit-tree', '--no-gpg-sign', tree, '-m', lockMessage(name, holder)];
  return (await git(args, { cwd, env: IDENTITY })).trim();
}

export interface PushLine {
  flag: string;
  summary: string;
}

/** The line of `git push --porcelain` about `ref`: `<flag> TAB <from>:<to> TAB <summary>`. */
export function parsePushPorcelain(stdout: string, ref: string): PushLine | null {
  for (const line of stdout.split('\n')) {
    const [flag, refs, summary] = line.split('\t');
    if (flag !== undefined && refs?.endsWith(`:${ref}`)) return { flag, summary: summary ?? '' };
  }
  return null;
}

export type PushResult = { ok: true } | { ok: false; why: 'lease' | 'refused' | 'failed'; reason: string };

/** Sets `ref` on the remote to `oid` (null deletes it) if it is `expect` there now (`''`: absent). */
export async function pushLease(
  cwd: string,
  remote: string,
  ref: string,
  oid: string | null,
  expect: string,
): Promise<PushResult> {
  const args = ['push', '--porcelain', '--atomic', '--no-verify', `--force-with-lease=${ref}:${expect}`];
  const r = await runGit([...args, remote, `${oid ?? ''}:${ref}`], { cwd, ok: [0, 1, 128] });
  const line = parsePushPorcelain(r.stdout, ref);
  if (r.exitCode === 0 && line && line.flag !== '!') return { ok: true };
  const reason = /\(([^)]*)\)\s*$/.exec(line?.summary ?? '')?.[1] ?? '';
  if (line?.flag === '!' && line.summary.startsWith('[remote rejected]'))
    return { ok: false, why: 'refused', reason: reason || line.summary };
  if (line?.flag === '!') return { ok: false, why: 'lease', reason };
  const lines = r.stderr.trim().split('\n');
  return {
    ok: false,
    why: 'failed',
    reason: lines.find((l) => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? '',
  };
}

export interface RemoteRef {
  ref: string;
  oid: string;
}

/** The lock refs on the remote matching `pattern` (a ref, or `refs/worktree-guard/locks/*`). */
export async function lsRemote(cwd: string, remote: string, pattern: string): Promise<RemoteRef[]> {
  const r = await runGit(['ls-remote', remote, pattern], { cwd, ok: [0, 2, 128] });
  if (r.exitCode === 128)
    throw new RefusedError('remote-unreachable', messages.remoteUnreadable(remote, pattern, r.stderr), {
      cause: r.stderr,
    });
  return r.stdout
    .split('\n')
    .map((l) => l.split('\t'))
    .filter(([oid, ref]) => oid && ref?.startsWith(LOCK_REF_PREFIX))
    .map(([oid, ref]) => ({ oid: oid as string, ref: ref as string }));
}

export async function remoteOid(cwd: string, remote: string, ref: string): Promise<string | null> {
  return (await lsRemote(cwd, remote, ref)).find((r) => r.ref === ref)?.oid ?? null;
}

/** Who holds the lock whose commit is `oid`: fetched when it is not here yet; null when unreadable or gone. */
export async function readRemoteHolders(cwd: string, remote: string, refs: RemoteRef[]) {
  const have = async (oid: string) =>
    (await runGit(['cat-file', '-e', `${oid}^{commit}`], { cwd, ok: [0, 1, 128] })).exitCode === 0;
  const missing: RemoteRef[] = [];
  for (const r of refs) if (!(await have(r.oid))) missing.push(r);
  if (missing.length) {
    const args = ['fetch', '--no-write-fetch-head', '--no-tags', '--no-auto-gc', remote];
    await runGit([...args, ...missing.map((r) => r.ref)], { cwd, ok: [0, 1, 128] });
  }
  const holders = new Map<string, RemoteHolder | null>();
  for (const r of refs) {
    const text = await runGit(['cat-file', 'commit', r.oid], { cwd, ok: [0, 128] });
    holders.set(r.oid, text.exitCode === 0 ? parseLockCommit(text.stdout) : null);
  }
  return holders;
}

export interface RemoteLockView {
  name: string;
  ref: string;
  oid: string;
  holder: RemoteHolder | null;
  /** Not renewed within the ttl (or not a lock guard wrote): --break takes it over. */
  expired: boolean;
}

/** Every lock held on the remote. */
export async function readRemoteLocks(cwd: string, remote: string, ttlMs: number): Promise<RemoteLockView[]> {
  const refs = await lsRemote(cwd, remote, `${LOCK_REF_PREFIX}*`);
  const holders = await readRemoteHolders(cwd, remote, refs);
  return refs.map((r) => {
    const holder = holders.get(r.oid) ?? null;
    const expired = !holder || Date.now() - Date.parse(holder.renewed) > ttlMs;
    return { name: r.ref.slice(LOCK_REF_PREFIX.length), ref: r.ref, oid: r.oid, holder, expired };
  });
}
