/** `guard bootstrap` on real worktrees: links, copies, identity, shared memory, setup — and nothing lost. */
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { claudeProjectKey } from '@worktree-guard/core';
import { git, guard, makeRepo, scopedConfig, write } from '../helpers/repo';

/** A linked worktree made with plain git (no guard), ready to be bootstrapped. */
function plainWorktree(primary: string, name: string, branch = name): string {
  const wt = path.join(path.dirname(primary), name);
  git(primary, 'worktree', 'add', '-q', '-b', branch, wt);
  return wt;
}

function snapshot(wt: string, rels: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rel of rels) {
    const p = path.join(wt, rel);
    if (!existsSync(p) && !lstatSync(p, { throwIfNoEntry: false })) out[rel] = 'missing';
    else if (lstatSync(p).isSymbolicLink()) out[rel] = `link:${readlinkSync(p)}`;
    else if (lstatSync(p).isFile()) out[rel] = `file:${readFileSync(p, 'base64')}:${statSync(p).mode}`;
    else out[rel] = 'dir';
  }
  return out;
}

const memoryOf = (wt: string) =>
  path.join(process.env.CLAUDE_CONFIG_DIR as string, 'projects', claudeProjectKey(wt), 'memory');

describe('guard bootstrap', () => {
  it('is idempotent: the second run changes nothing and says so', () => {
    const fx = makeRepo();
    write(path.join(fx.primary, '.worktreeguardrc.json'), JSON.stringify({ copies: ['local.cfg'] }));
    write(path.join(fx.primary, '.gitignore'), '.env\n.venv\nlocal.cfg\n');
    git(fx.primary, 'add', '.');
    git(fx.primary, 'commit', '-qm', 'config');
    write(path.join(fx.primary, 'local.cfg'), 'port=1\n');
    const wt = plainWorktree(fx.primary, 'wt-idem');
    const first = guard(wt, ['bootstrap']);
    expect(first.code).toBe(0);
    const rels = ['.env', '.venv', 'local.cfg'];
    const before = { files: snapshot(wt, rels) };
    const worktreeConfig = () =>
      readFileSync(
        path.join(git(wt, 'rev-parse', '--path-format=absolute', '--git-dir').trim(), 'config.worktree'),
        'utf8',
      );
    const configBefore = worktreeConfig();

    const second = guard(wt, ['bootstrap']);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/nothing to do: \d+ things already in place/);
    expect(snapshot(wt, rels)).toEqual(before.files);
    expect(worktreeConfig()).toBe(configBefore);
  });

  it('--dry-run prints the plan and changes nothing', () => {
    const fx = makeRepo();
    const wt = plainWorktree(fx.primary, 'wt-dry');
    const configBefore = readFileSync(path.join(fx.primary, '.git', 'config'), 'utf8');
    const r = guard(wt, ['bootstrap', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dry run: nothing changed/);
    expect(r.stdout).toContain(`link .env → ${path.join(fx.primary, '.env')}`);
    expect(r.stdout).toMatch(/enable extensions\.worktreeConfig/);
    expect(snapshot(wt, ['.env', '.venv'])).toEqual({ '.env': 'missing', '.venv': 'missing' });
    expect(readFileSync(path.join(fx.primary, '.git', 'config'), 'utf8')).toBe(configBefore);
    expect(existsSync(memoryOf(fx.primary))).toBe(false);
  });

  it('never overwrites: a conflict names what is there and what was wanted, exit 1, the rest still done', () => {
    const fx = makeRepo();
    const wt = plainWorktree(fx.primary, 'wt-conflict');
    const mine = Buffer.from([0, 1, 2, 255, 10]);
    write(path.join(wt, '.env'), mine);
    chmodSync(path.join(wt, '.env'), 0o600);
    const r = guard(wt, ['bootstrap', '--json']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc.problems).toEqual([
      expect.objectContaining({
        kind: 'conflict',
        path: '.env',
        found: 'a file of 5 bytes',
        wanted: `a link to ${path.join(fx.primary, '.env')}`,
      }),
    ]);
    expect(readFileSync(path.join(wt, '.env')).equals(mine)).toBe(true);
    expect(statSync(path.join(wt, '.env')).mode & 0o777).toBe(0o600);
    expect(readlinkSync(path.join(wt, '.venv'))).toBe(path.join(fx.primary, '.venv'));
    expect(scopedConfig(wt, 'user.email')).toEqual(['worktree', 'ada@example.com']);
  });

  it('does not make a link git would show: a dir-only ignore rule is named with its fix', () => {
    const fx = makeRepo({ gitignore: '.env\n.venv/\n' });
    const wt = plainWorktree(fx.primary, 'wt-dironly');
    const r = guard(wt, ['bootstrap']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      '.venv: a link at .venv would show up in git status: the ignore rule .gitignore:2:.venv/ matches directories only',
    );
    expect(lstatSync(path.join(wt, '.venv'), { throwIfNoEntry: false })).toBeUndefined();
    expect(readlinkSync(path.join(wt, '.env'))).toBe(path.join(fx.primary, '.env'));
    expect(git(wt, 'status', '--porcelain')).toBe('');
  });

  it('skips a primary link that dangles, with a warning', () => {
    const fx = makeRepo({ env: false });
    symlinkSync(path.join(fx.root, 'nowhere'), path.join(fx.primary, '.env'));
    const wt = plainWorktree(fx.primary, 'wt-dangle');
    const r = guard(wt, ['bootstrap']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/the primary's \.env is a link to .*nowhere, which does not exist: not linked/);
    expect(lstatSync(path.join(wt, '.env'), { throwIfNoEntry: false })).toBeUndefined();
  });

  it('does not link a tracked file', () => {
    const fx = makeRepo({ gitignore: '.venv\n' });
    write(path.join(fx.primary, '.env'), 'TRACKED=1\n');
    git(fx.primary, 'add', '.env');
    git(fx.primary, 'commit', '-qm', 'tracked env');
    const wt = plainWorktree(fx.primary, 'wt-tracked');
    expect(guard(wt, ['bootstrap']).code).toBe(0);
    expect(lstatSync(path.join(wt, '.env')).isFile()).toBe(true);
  });

  it('copies "copies" entries and .worktreeinclude matches, modes kept, only what git ignores', () => {
    const fx = makeRepo({ gitignore: '.env\n.venv\nsecrets/\n*.local\n' });
    write(path.join(fx.primary, '.worktreeguardrc.json'), JSON.stringify({ copies: ['secrets'] }));
    write(path.join(fx.primary, '.worktreeinclude'), '*.local\nnot-ignored.txt\n');
    git(fx.primary, 'add', '.');
    git(fx.primary, 'commit', '-qm', 'include');
    write(path.join(fx.primary, 'secrets', 'key.pem'), 'KEY\n');
    chmodSync(path.join(fx.primary, 'secrets', 'key.pem'), 0o600);
    write(path.join(fx.primary, 'secrets', 'nested', 'run.sh'), '#!/bin/sh\n');
    chmodSync(path.join(fx.primary, 'secrets', 'nested', 'run.sh'), 0o755);
    write(path.join(fx.primary, 'app.local'), 'local=1\n');
    write(path.join(fx.primary, 'not-ignored.txt'), 'untracked but not ignored\n');
    const wt = plainWorktree(fx.primary, 'wt-copies');
    const r = guard(wt, ['bootstrap']);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(wt, 'secrets', 'key.pem'), 'utf8')).toBe('KEY\n');
    expect(statSync(path.join(wt, 'secrets', 'key.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(wt, 'secrets', 'nested', 'run.sh')).mode & 0o777).toBe(0o755);
    expect(lstatSync(path.join(wt, 'app.local')).isFile()).toBe(true);
    expect(existsSync(path.join(wt, 'not-ignored.txt'))).toBe(false);
    expect(git(wt, 'status', '--porcelain')).toBe('');
    // a copy that has since diverged is a conflict, and keeps its content
    write(path.join(wt, 'app.local'), 'mine\n');
    const again = guard(wt, ['bootstrap']);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/app\.local: a file of 5 bytes is there; bootstrap wanted a copy of/);
    expect(readFileSync(path.join(wt, 'app.local'), 'utf8')).toBe('mine\n');
  });

  it('re-pins a worktree made from a linked one (git ≥ 2.36 copies config.worktree)', () => {
    const fx = makeRepo();
    write(
      path.join(fx.primary, '.worktreeguardrc.json'),
      JSON.stringify({ identity: { email: 'ada+{slug}@example.com' } }),
    );
    git(fx.primary, 'add', '.');
    git(fx.primary, 'commit', '-qm', 'identity template');
    const a = plainWorktree(fx.primary, 'wt-a', 'feat/a');
    expect(guard(a, ['bootstrap']).code).toBe(0);
    expect(scopedConfig(a, 'user.email')).toEqual(['worktree', 'ada+feat-a@example.com']);
    const b = plainWorktree(a, 'wt-b', 'feat/b'); // made from inside the linked worktree a
    // git ≥ 2.36 copies a's config.worktree into b (inherited); older gits leave b without one
    const found = scopedConfig(b, 'user.email');
    const inherited = found?.[0] === 'worktree' ? found[1] : null;
    expect([null, 'ada+feat-a@example.com']).toContain(inherited);
    const r = guard(b, ['bootstrap']);
    expect(r.code).toBe(0);
    if (inherited) expect(r.stdout).toMatch(/replacing the pin inherited/);
    expect(scopedConfig(b, 'user.email')).toEqual(['worktree', 'ada+feat-b@example.com']);
    expect(scopedConfig(a, 'user.email')).toEqual(['worktree', 'ada+feat-a@example.com']);
    // the primary pins its own identity, not the template
    expect(scopedConfig(fx.primary, 'user.email')).toEqual(['worktree', 'ada@example.com']);
  });

  it('moves core.worktree into the primary config.worktree when enabling the extension', () => {
    const fx = makeRepo();
    git(fx.primary, 'config', 'core.worktree', fx.primary);
    const wt = plainWorktree(fx.primary, 'wt-coreworktree');
    expect(guard(wt, ['bootstrap']).code).toBe(0);
    expect(scopedConfig(fx.primary, 'core.worktree')).toEqual(['worktree', fx.primary]);
    expect(git(fx.primary, 'rev-parse', '--show-toplevel').trim()).toBe(fx.primary);
    expect(git(wt, 'rev-parse', '--show-toplevel').trim()).toBe(wt);
  });

  it('reports an unknown identity instead of inventing one (exit 1)', () => {
    const fx = makeRepo();
    git(fx.primary, 'config', '--unset', 'user.name');
    git(fx.primary, 'config', '--unset', 'user.email');
    const wt = plainWorktree(fx.primary, 'wt-noid');
    const r = guard(wt, ['bootstrap']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/no user\.name\/user\.email to pin/);
  });

  it("links Claude Code's memory to the primary's, creating the primary's if missing (CLAUDE_CONFIG_DIR)", () => {
    const fx = makeRepo();
    const wt = plainWorktree(fx.primary, 'wt-memory');
    expect(existsSync(memoryOf(fx.primary))).toBe(false);
    expect(guard(wt, ['bootstrap']).code).toBe(0);
    expect(lstatSync(memoryOf(fx.primary)).isDirectory()).toBe(true);
    expect(readlinkSync(memoryOf(wt))).toBe(memoryOf(fx.primary));
    // an existing memory dir in the worktree is a conflict, left as it is
    const other = plainWorktree(fx.primary, 'wt-memory2');
    write(path.join(memoryOf(other), 'MEMORY.md'), 'mine\n');
    const r = guard(other, ['bootstrap']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/a directory is there; bootstrap wanted a link to/);
    expect(readFileSync(path.join(memoryOf(other), 'MEMORY.md'), 'utf8')).toBe('mine\n');
  });

  it('runs setup once, streaming its output; a failure keeps the worktree and gives exit 1', () => {
    const fx = makeRepo();
    write(
      path.join(fx.primary, '.worktreeguardrc.json'),
      JSON.stringify({ setup: ['echo set-up-ran; echo ran >> setup.log', 'exit 3'] }),
    );
    write(path.join(fx.primary, '.gitignore'), '.env\n.venv\nsetup.log\n');
    git(fx.primary, 'add', '.');
    git(fx.primary, 'commit', '-qm', 'setup');
    const wt = plainWorktree(fx.primary, 'wt-setup');
    const r = guard(wt, ['bootstrap']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('set-up-ran');
    expect(r.stdout).toMatch(/setup command failed \(exit 3\): exit 3 — the worktree is kept/);
    expect(existsSync(wt)).toBe(true);

    // the repository's configuration is the primary's: a changed list runs again
    write(
      path.join(fx.primary, '.worktreeguardrc.json'),
      JSON.stringify({ setup: ['echo ran >> setup.log'] }),
    );
    expect(guard(wt, ['bootstrap']).code).toBe(0);
    expect(guard(wt, ['bootstrap']).code).toBe(0);
    expect(readFileSync(path.join(wt, 'setup.log'), 'utf8')).toBe('ran\nran\n'); // once for the failed run, once after
  });

  it('in the primary: pins the identity and links nothing', () => {
    const fx = makeRepo();
    const r = guard(fx.primary, ['bootstrap']);
    expect(r.code).toBe(0);
    expect(scopedConfig(fx.primary, 'user.email')).toEqual(['worktree', 'ada@example.com']);
    expect(lstatSync(path.join(fx.primary, '.env')).isFile()).toBe(true);
  });

  it('refuses to run in a bare repository (exit 2)', () => {
    const fx = makeRepo();
    expect(guard(fx.origin, ['bootstrap']).code).toBe(2);
  });

  it('works from a subdirectory and with GIT_DIR exported for another worktree', () => {
    const fx = makeRepo();
    const wt = plainWorktree(fx.primary, 'wt-sub');
    mkdirSync(path.join(wt, 'deep', 'er'), { recursive: true });
    writeFileSync(path.join(wt, 'deep', 'er', 'x'), '');
    const r = guard(path.join(wt, 'deep', 'er'), ['bootstrap'], { GIT_DIR: path.join(fx.primary, '.git') });
    expect(r.code).toBe(0);
    // it acted on the worktree it runs in, not on the one GIT_DIR names
    expect(readlinkSync(path.join(wt, '.env'))).toBe(path.join(fx.primary, '.env'));
    expect(lstatSync(path.join(fx.primary, '.env')).isFile()).toBe(true);
    expect(scopedConfig(wt, 'user.email')).toEqual(['worktree', 'ada@example.com']);
  });
});
