/**
 * `guard doctor` on real repositories: each rule gets a repo put into exactly that broken state; doctor --json
 * reports that finding with that fix; the fix (pasted through sh, or --fix) repairs it; doctor is clean again.
 */
import { chmodSync, existsSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { claudeProjectKey, type Finding, shellQuote } from '@worktree-guard/core';
import {
  advanceOrigin,
  bareClone,
  git,
  gitWith,
  guard,
  healthyRepo,
  makeRepo,
  pathWithGuard,
  sh,
  write,
} from '../helpers/repo';

function doctor(
  cwd: string,
  ...args: string[]
): { code: number; findings: Finding[]; doc: Record<string, unknown> } {
  const r = guard(cwd, ['doctor', '--json', ...args]);
  if (r.code === 2) throw new Error(r.stderr);
  const doc = JSON.parse(r.stdout);
  return { code: r.code, findings: doc.findings, doc };
}

const ids = (findings: Finding[]) => findings.map((f) => `${f.id} ${f.worktree}`);
const GUARD_PATH = { PATH: pathWithGuard() };

/** Runs the finding's own fix command, as a person would paste it, and expects it to work. */
function paste(cwd: string, f: Finding | undefined): void {
  expect(f?.fix).toBeTruthy();
  const r = sh(cwd, f?.fix as string, GUARD_PATH);
  if (r.code !== 0) throw new Error(`${f?.fix} failed: ${r.stderr}`);
}

const memoryOf = (wt: string) =>
  path.join(process.env.CLAUDE_CONFIG_DIR as string, 'projects', claudeProjectKey(wt), 'memory');

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
    expect(stash?.message).toMatch(/stash@\{0\} was made on "main" just now .*shared by all 2 worktrees/);
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

  it('link-missing: --fix links it again', () => {
    const fx = healthyRepo(['feat/a']);
    const wt = fx.worktrees[0] as string;
    rmSync(path.join(wt, '.env'));
    const { findings } = doctor(fx.primary);
    expect(findings).toEqual([
      expect.objectContaining({
        id: 'link-missing',
        worktree: wt,
        autofix: true,
        data: expect.objectContaining({ path: '.env' }),
      }),
    ]);
    expect(doctor(fx.primary, '--fix').findings).toEqual([]);
    expect(readFileSync(path.join(wt, '.env'), 'utf8')).toBe('SECRET=primary\n');
  });

  it('link-broken: a link whose target is gone; --fix leaves it for a person, the pasted fix repairs it', () => {
    const fx = healthyRepo(['feat/a']);
    const wt = fx.worktrees[0] as string;
    rmSync(path.join(wt, '.env'));
    symlinkSync(path.join(fx.root, 'moved-away', '.env'), path.join(wt, '.env'));
    const { findings } = doctor(fx.primary);
    expect(findings).toEqual([expect.objectContaining({ id: 'link-broken', worktree: wt, autofix: false })]);
    expect(doctor(fx.primary, '--fix').findings).toHaveLength(1); // never deletes
    paste(fx.primary, findings[0]);
    expect(doctor(fx.primary).findings).toEqual([]);
  });

  it('link-not-ignored: a link that "git add -A" would commit', () => {
    const fx = healthyRepo(['feat/a']);
    const wt = fx.worktrees[0] as string;
    write(path.join(wt, '.gitignore'), '.env\n.venv/\n'); // a dir-only rule: the link is not a directory
    expect(git(wt, 'status', '--porcelain')).toBe(' M .gitignore\n?? .venv\n');
    const { code, findings } = doctor(fx.primary);
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'link-not-ignored', worktree: wt, severity: 'error' }),
    ]);
    paste(fx.primary, findings[0]);
    expect(git(wt, 'status', '--porcelain')).toBe(' M .gitignore\n');
    expect(doctor(fx.primary).findings).toEqual([]);
  });

  it("memory-not-shared: a missing link is repaired; a worktree's own memories are left as they are", () => {
    const fx = healthyRepo(['feat/a', 'feat/b']);
    const [a, b] = fx.worktrees as [string, string];
    rmSync(memoryOf(a));
    rmSync(memoryOf(b));
    write(path.join(memoryOf(b), 'notes.md'), 'mine\n');
    const { findings } = doctor(fx.primary);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'memory-not-shared', worktree: a, autofix: true }),
      expect.objectContaining({ id: 'memory-not-shared', worktree: b, autofix: false, fix: null }),
    ]);
    const fixed = doctor(fx.primary, '--fix');
    expect(ids(fixed.findings)).toEqual([`memory-not-shared ${b}`]);
    expect(readFileSync(path.join(memoryOf(b), 'notes.md'), 'utf8')).toBe('mine\n');
  });

  it('hooks-not-installed: guard armed nowhere', () => {
    const fx = makeRepo();
    const r = guard(fx.primary, ['doctor', '--json']);
    expect(JSON.parse(r.stdout).findings).toEqual([
      expect.objectContaining({ id: 'hooks-not-installed', severity: 'warning', fix: 'guard install' }),
    ]);
  });

  it.each([
    [
      'a shim without its exec bit',
      (hooks: string) => chmodSync(path.join(hooks, 'pre-commit'), 0o644),
      /pre-commit is not executable/,
    ],
    [
      'a shim from an older guard',
      (hooks: string) => {
        const f = path.join(hooks, 'reference-transaction');
        writeFileSync(f, readFileSync(f, 'utf8').replace('shim v2', 'shim v1'));
      },
      /reference-transaction is a guard shim v1; this guard writes v2/,
    ],
    [
      'a shim deleted',
      (hooks: string) => rmSync(path.join(hooks, 'post-checkout')),
      /post-checkout missing from/,
    ],
  ])('hooks-disarmed: %s; --fix re-arms', (_name, breakIt, message) => {
    const fx = healthyRepo(['feat/a']);
    breakIt(path.join(fx.primary, '.git', 'hooks'));
    const { findings } = doctor(fx.primary);
    expect(findings.length).toBe(2); // the hooks directory is shared by both worktrees
    expect(findings[0]).toMatchObject({
      id: 'hooks-disarmed',
      severity: 'error',
      fix: 'guard install',
      autofix: true,
    });
    expect(findings[0]?.message).toMatch(message);
    expect(doctor(fx.primary, '--fix').findings).toEqual([]);
  });

  it('hooks-disarmed: a worktree-scoped core.hooksPath override', () => {
    const fx = healthyRepo(['feat/a']);
    const wt = fx.worktrees[0] as string;
    git(wt, 'config', '--worktree', 'core.hooksPath', path.join(fx.root, 'elsewhere'));
    const { findings } = doctor(fx.primary);
    expect(findings).toEqual([expect.objectContaining({ id: 'hooks-disarmed', worktree: wt })]);
    expect(findings[0]?.message).toMatch(/worktree-scoped core\.hooksPath=.*elsewhere overrides/);
    expect(doctor(fx.primary, '--fix').findings).toEqual([]);
    expect(existsSync(path.join(fx.root, 'elsewhere', 'reference-transaction'))).toBe(true);
  });

  it('hooks-disarmed: husky, and a worktree made while guard was off has no .husky/_', () => {
    const fx = makeRepo();
    git(fx.primary, 'config', 'core.hooksPath', '.husky/_');
    write(path.join(fx.primary, '.gitignore'), '.env\n.venv\n.husky/_\n');
    git(fx.primary, 'commit', '-qam', 'husky');
    git(fx.primary, 'push', '-q', 'origin', 'main');
    expect(guard(fx.primary, ['install']).code).toBe(0);
    const wt = path.join(fx.root, 'off');
    expect(gitWith({ WORKTREE_GUARD: '0' }, fx.primary, 'worktree', 'add', '-q', '-b', 'off', wt).code).toBe(
      0,
    );
    expect(guard(wt, ['bootstrap']).code).toBe(0); // links, identity, and a copy of .husky/_
    rmSync(path.join(wt, '.husky', '_'), { recursive: true }); // as a worktree made before guard install has it
    const { findings } = doctor(fx.primary);
    expect(findings).toEqual([expect.objectContaining({ id: 'hooks-disarmed', worktree: wt })]);
    expect(findings[0]?.message).toMatch(
      /core\.hooksPath=\.husky\/_ is relative and .* does not exist in this worktree/,
    );
    expect(doctor(fx.primary, '--fix').findings).toEqual([]);
    expect(existsSync(path.join(wt, '.husky', '_', 'reference-transaction'))).toBe(true);
  });

  it('prunable: a worktree directory deleted by hand', () => {
    const fx = healthyRepo(['feat/a', 'feat/b']);
    rmSync(fx.worktrees[1] as string, { recursive: true, force: true });
    const { findings } = doctor(fx.primary);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'prunable', worktree: fx.worktrees[1], fix: 'git worktree prune' }),
      // what bootstrap made outside it is left too (see doctor.orphans.test.ts)
      expect.objectContaining({ id: 'orphan-link', worktree: fx.worktrees[1], autofix: true }),
    ]);
    paste(fx.primary, findings[0]);
    paste(fx.primary, findings[1]);
    expect(doctor(fx.primary).findings).toEqual([]);
  });

  it('worktree-missing: a locked worktree whose directory is gone is reported, not pruned', () => {
    const fx = healthyRepo(['feat/a', 'feat/b']);
    const gone = fx.worktrees[1] as string;
    git(fx.primary, 'worktree', 'lock', '--reason', 'on the USB disk', gone);
    rmSync(gone, { recursive: true, force: true });
    const { findings } = doctor(fx.primary);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'worktree-missing', worktree: gone, severity: 'warning' }),
    ]);
    expect(findings[0]?.message).toMatch(/locked \(on the USB disk\)/);
    expect(git(fx.primary, 'worktree', 'list')).toContain(gone);
  });

  it('config-invalid: the repository configuration is broken, named with its file and key (exit 1)', () => {
    const fx = healthyRepo(['feat/a']);
    const wt = fx.worktrees[0] as string;
    // a linked worktree's own file is not the repository's configuration: a branch never decides
    write(path.join(wt, '.worktreeguardrc.json'), JSON.stringify({ stash: 'never' }));
    expect(doctor(fx.primary).findings).toEqual([]);
    const file = path.join(fx.primary, '.worktreeguardrc.json');
    write(file, JSON.stringify({ stash: 'sometimes', lnks: [] }));
    const { code, findings } = doctor(fx.primary);
    expect(code).toBe(1);
    expect(findings).toEqual([
      expect.objectContaining({
        id: 'config-invalid',
        worktree: fx.primary,
        severity: 'error',
        data: { file },
      }),
    ]);
    expect(findings[0]?.message).toContain(`${file}: stash: must be one of`);
    expect(findings[0]?.message).toContain(`${file}: lnks: unknown key`);
    // run from the linked worktree too: a finding, not a usage error
    expect(guard(wt, ['doctor']).code).toBe(1);
  });
});

describe('guard doctor — unusual repositories', () => {
  it('stash entries from a detached HEAD and from a branch that no longer exists', () => {
    const fx = healthyRepo(['feat/a']);
    const wt = fx.worktrees[0] as string;
    git(fx.primary, 'branch', 'gone-branch');
    git(fx.primary, 'switch', '-q', 'gone-branch');
    write(path.join(fx.primary, 'README.md'), '# one\n');
    git(fx.primary, '-c', 'worktreeguard.stash=allow', 'stash', '-q');
    git(fx.primary, 'switch', '-q', 'main');
    git(fx.primary, 'branch', '-D', 'gone-branch');
    git(wt, 'switch', '-q', '--detach');
    write(path.join(wt, 'README.md'), '# two\n');
    git(wt, '-c', 'worktreeguard.stash=allow', 'stash', '-q');
    const stash = doctor(fx.primary).findings.filter((f) => f.id === 'live-stash');
    expect(stash.map((f) => f.data?.branch)).toEqual([null, 'gone-branch']);
    expect(stash[0]?.message).toMatch(/made on a detached HEAD/);
    expect(stash[1]?.message).toMatch(/no worktree has that branch now/);
  });

  it('a bare primary with linked worktrees, branch names with slashes and unicode', () => {
    const fx = makeRepo();
    const bare = bareClone(fx, 'bare.git', { tracking: true });
    expect(guard(bare, ['install']).code).toBe(0);
    for (const b of ['feat/ü-1', 'fix/ß']) expect(guard(bare, ['new', b]).code).toBe(0);
    const r = guard(bare, ['doctor', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.worktrees.map((w: { branch: string }) => w.branch)).toEqual(['feat/ü-1', 'fix/ß']);
    expect(doc.findings).toEqual([]);
    // from inside a worktree too, where git itself lists the bare repository as a worktree on main
    // (core.bare moved to its config.worktree is not read there)
    const inside = path.join(fx.root, 'bare-feat-ü-1');
    expect(JSON.parse(guard(inside, ['doctor', '--json']).stdout)).toEqual(doc);
  });
});
