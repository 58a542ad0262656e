/**
 * `guard doctor` on real repositories: each rule gets a repo put into exactly that broken state; doctor --json
 * reports that finding with that fix; the fix (pasted through sh, or --fix) repairs it; doctor is clean again.
 */
import { existsSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { shellQuote } from '@worktree-guard/core';
import { doctor, ids, paste } from '../helpers/doctor';
import { advanceOrigin, git, gitWith, guard, healthyRepo, makeRepo, write } from '../helpers/repo';

describe('guard doctor — a healthy repository', () => {
  it('reports no finding at all for three worktrees made by guard, and prints one JSON document', () => {
    const fx = healthyRepo();
    const r = guard(fx.primary, ['doctor', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(Object.keys(doc).sort()).toEqual(['findings', 'worktrees']);
    expect(doc.findings).toEqual([]);
    expect(doc.worktrees.map((w: { path: string }) => w.path)).toEqual([fx.primary, ...fx.worktrees]);
    expect(doc.worktrees[1]).toMatchObject({
      branch: 'feat/a',
      primary: false,
      identity: { name: 'Ada Lovelace', email: 'ada@example.com' },
      hooks: { armed: true },
      links: { ok: 2, expected: 2 },
      base: { ref: 'origin/main', behind: 0 },
    });
    const text = guard(fx.worktrees[0] as string, ['doctor']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/3 worktrees, every rule holds/);
  });
});

describe('guard doctor — each rule, its fix, and clean again', () => {
  it('live-stash: an entry made before the second worktree came, with its branch, worktree and age', () => {
    const fx = makeRepo();
    write(path.join(fx.primary, 'README.md'), '# wip\n');
    git(fx.primary, 'stash', '-q');
    expect(guard(fx.primary, ['install']).code).toBe(0);
    expect(guard(fx.primary, ['new', 'later']).code).toBe(0);
    const { code, findings } = doctor(fx.primary);
    expect(code).toBe(1);
    const stash = findings.find((f) => f.id === 'live-stash');
    expect(stash).toMatchObject({
      severity: 'error',
      worktree: fx.primary,
      fix: 'guard rescue',
      autofix: false,
      data: { stash: 'stash@{0}', branch: 'main', originWorktree: fx.primary },
    });
    expect(stash?.message).toMatch(
      /stash@\{0\} was made on "main" (just now|\d+ min ago) .*shared by all 2 worktrees/,
    );
    // with the clock fixed three hours on, the age reads so
    const made = Number(git(fx.primary, 'log', '-1', '--format=%ct', 'refs/stash').trim());
    const later = guard(fx.primary, ['doctor', '--json'], {
      WORKTREE_GUARD_NOW: new Date((made + 3 * 3600) * 1000).toISOString(),
    });
    expect(JSON.parse(later.stdout).findings[0].message).toMatch(/was made on "main" 3 h ago/);
    // --fix never drops a stash
    const fixed = doctor(fx.primary, '--fix');
    expect(ids(fixed.findings)).toContain(`live-stash ${fx.primary}`);
    expect(git(fx.primary, 'stash', 'list')).toMatch(/stash@\{0\}/);
    paste(fx.primary, stash);
    expect(doctor(fx.primary).findings).toEqual([]);
  });

  it('identity-not-pinned: a worktree that lost its pin; --fix re-pins it', () => {
    const fx = healthyRepo();
    const wt = fx.worktrees[0] as string;
    git(wt, 'config', '--worktree', '--unset', 'user.email');
    const { code, findings } = doctor(fx.primary);
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'identity-not-pinned', worktree: wt, severity: 'error', autofix: true }),
    ]);
    const fixed = doctor(fx.primary, '--fix');
    expect(fixed.code).toBe(0);
    expect(fixed.findings).toEqual([]);
    expect(fixed.doc.before).toEqual(findings);
    expect(git(wt, 'config', '--show-scope', '--get', 'user.email')).toBe('worktree\tada@example.com\n');
  });

  it('identity-not-pinned: extensions.worktreeConfig turned off, in every worktree; --fix turns it back on', () => {
    const fx = healthyRepo();
    git(fx.primary, 'config', '--unset', 'extensions.worktreeConfig');
    const { findings } = doctor(fx.primary);
    expect(ids(findings)).toEqual([fx.primary, ...fx.worktrees].map((w) => `identity-not-pinned ${w}`));
    expect(findings[0]?.message).toMatch(/extensions\.worktreeConfig is off/);
    expect(doctor(fx.primary, '--fix').findings).toEqual([]);
  });

  it('identity-leak: a plain "git config user.email" typed in a worktree lands in the shared config', () => {
    const fx = healthyRepo();
    git(fx.worktrees[1] as string, 'config', 'user.email', 'agent-b@example.com');
    const { code, findings } = doctor(fx.primary);
    expect(code).toBe(0); // a warning
    expect(findings).toEqual([
      expect.objectContaining({
        id: 'identity-leak',
        severity: 'warning',
        worktree: fx.primary,
        fix: 'git config --local --unset user.email',
      }),
    ]);
    expect(findings[0]?.message).toMatch(/agent-b@example\.com.*differs from the primary's pinned/);
    paste(fx.primary, findings[0]);
    expect(doctor(fx.primary).findings).toEqual([]);
  });

  it('duplicate-branch: a branch checked out twice with --force', () => {
    const fx = healthyRepo(['feat/a']);
    const dup = path.join(fx.root, 'dup');
    git(fx.primary, 'worktree', 'add', '-q', '--force', dup, 'feat/a');
    const { findings } = doctor(fx.primary);
    // each worktree holding it is told, and each fix works on its own
    const dups = findings.filter((x) => x.id === 'duplicate-branch');
    expect(dups.map((x) => x.worktree)).toEqual([fx.worktrees[0], dup]);
    const f = dups[1];
    expect(f).toMatchObject({ severity: 'error', fix: `git -C ${shellQuote(dup)} switch -c feat/a-2` });
    expect(f?.message).toContain(`also checked out in ${fx.worktrees[0]}`);
    paste(fx.primary, f);
    expect(doctor(fx.primary).findings).toEqual([]);
  });

  it('detached-head: a worktree on no branch', () => {
    const fx = healthyRepo(['feat/a']);
    const det = path.join(fx.root, 'det');
    git(fx.primary, 'worktree', 'add', '-q', '--detach', det);
    const { findings } = doctor(fx.primary);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'detached-head', worktree: det, severity: 'warning' }),
    ]);
    paste(fx.primary, findings[0]);
    expect(git(det, 'branch', '--show-current').trim()).toBe('wip/det');
    expect(doctor(fx.primary).findings).toEqual([]);
  });

  it('stale-base: the last fetch is older than maxFetchAge', () => {
    const fx = healthyRepo(['feat/a']);
    const old = new Date(Date.now() - 3 * 86_400_000);
    // the last news of origin/main: a fetch three days ago (its reflog entry, and every FETCH_HEAD)
    advanceOrigin(fx);
    // git >= 2.48 creates origin/HEAD on fetch (remote.<name>.followRemoteHEAD), logged at the real time
    // whatever GIT_COMMITTER_DATE says: the fixture's own fetch logged it just now, a true contact with
    // origin. Drop it and keep the next fetch from making it, so that the fetch "three days ago" is the
    // last news on every git (older gits ignore the key)
    git(fx.primary, 'remote', 'set-head', 'origin', '--delete');
    git(fx.primary, 'config', 'remote.origin.followRemoteHEAD', 'never');
    const then = { GIT_COMMITTER_DATE: `@${Math.round(old.getTime() / 1000)} +0000` };
    expect(gitWith(then, fx.primary, 'fetch', '-q', 'origin').code).toBe(0);
    const common = path.join(fx.primary, '.git');
    for (const f of [
      path.join(common, 'FETCH_HEAD'),
      path.join(common, 'worktrees', 'app-feat-a', 'FETCH_HEAD'),
    ])
      if (existsSync(f)) utimesSync(f, old, old);
    const { code, findings } = doctor(fx.primary);
    expect(code).toBe(0);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'stale-base', worktree: fx.primary, fix: 'git fetch origin' }),
    ]);
    expect(findings[0]?.message).toMatch(/last fetch of origin was 3 days ago \(maxFetchAge 24h\)/);
    paste(fx.primary, findings[0]);
    expect(doctor(fx.primary).findings).toEqual([]);
  });

  it('stale-base: a branch that started behind the fetched origin/main, until it is rebased', () => {
    const fx = healthyRepo(['feat/a']);
    advanceOrigin(fx);
    git(fx.primary, 'fetch', '-q', 'origin'); // origin/main is ahead of the local main
    const late = path.join(fx.root, 'late');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'late', late); // from the stale local main
    expect(git(late, 'config', '--worktree', 'worktreeguard.baseBehind').trim()).toBe('1');
    const { findings } = doctor(fx.primary);
    const f = findings.find((x) => x.id === 'stale-base');
    expect(f).toMatchObject({ worktree: late, severity: 'warning' });
    expect(f?.message).toMatch(/"late" started from HEAD @ [0-9a-f]{10}, 1 commit behind origin\/main/);
    paste(fx.primary, f);
    expect(doctor(fx.primary).findings).toEqual([]);
  });

  it('local-base: a branch that carries unpushed commits of the local main', () => {
    const fx = healthyRepo(['feat/a']);
    write(path.join(fx.primary, 'local.txt'), 'not pushed\n');
    git(fx.primary, 'add', 'local.txt');
    git(fx.primary, 'commit', '-qm', 'local only');
    const carrier = path.join(fx.root, 'carrier');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'carrier', carrier);
    const { code, findings } = doctor(fx.primary);
    expect(code).toBe(1);
    const f = findings.find((x) => x.id === 'local-base');
    expect(f).toMatchObject({
      worktree: carrier,
      severity: 'error',
      fix: `git -C ${shellQuote(carrier)} rebase --onto origin/main main`,
    });
    expect(ids(findings).filter((i) => i.startsWith('local-base'))).toHaveLength(1); // not feat/a, not main
    paste(fx.primary, f);
    expect(existsSync(path.join(carrier, 'local.txt'))).toBe(false);
    expect(doctor(fx.primary).findings).toEqual([]);
  });
});
