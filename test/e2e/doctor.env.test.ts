/** `guard doctor` on real repositories (second half): links, memory, hooks, worktrees, configuration, unusual repositories. */

import { chmodSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { doctor, ids, paste } from '../helpers/doctor';
import { memoryOf } from '../helpers/remove';
import { bareClone, git, gitWith, guard, healthyRepo, makeRepo, write } from '../helpers/repo';

describe('guard doctor — each rule, its fix, and clean again (environment, hooks, worktrees)', () => {
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
