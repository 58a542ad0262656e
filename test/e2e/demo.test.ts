/** `guard demo` end to end: the real binary, a real sandbox, removed afterwards unless --keep. */
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { guard, tempDir } from '../helpers/repo';

describe('guard demo', () => {
  it('narrates two worktrees with links, pinned identities and a clean status, then removes the sandbox', () => {
    const r = guard(tempDir('demo cwd'), ['demo']);
    expect(r.stderr).not.toMatch(/guard:/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/guard new feat\/login/);
    expect(r.stdout).toMatch(/guard new fix\/typo/);
    expect(r.stdout).toMatch(/worktree-guard: bootstrapped .*app-chore-deps/);
    expect(r.stdout).toMatch(/exit 128: git stash refused/);
    expect(r.stdout).toMatch(/the change is still there: M README\.md/);
    expect(r.stdout).toMatch(/parked 1 file as [0-9a-f]{10} on feat\/login; the tree is clean/);
    expect(r.stdout).toMatch(/unparked [0-9a-f]{10} on feat\/login/);
    expect(r.stdout).toMatch(
      /! identity-leak: user\.email set in the shared \.git\/config \(agent@example\.com\)/,
    );
    expect(r.stdout).toMatch(/! link-missing: \.env is missing/);
    expect(r.stdout).toMatch(/\+ link \.env → .*\/app\/\.env/);
    expect(r.stdout).toMatch(/guard doctor: 4 worktrees, every rule holds/);
    expect(r.stdout.match(/git status: clean/g)).toHaveLength(3);
    expect(r.stdout.match(/user\.email: worktree ada@example\.com/g)).toHaveLength(3);
    expect(r.stdout.match(/\.env {2}→ .*\/app\/\.env/g)).toHaveLength(3);
    const sandbox = /(\/\S*guard-demo-\w+)\/app /.exec(r.stdout)?.[1];
    expect(sandbox).toBeDefined();
    expect(existsSync(sandbox as string)).toBe(false);
  });

  it('touches nothing outside its sandbox: a global core.hooksPath is not armed, no Claude directory is made', () => {
    const machineHooks = tempDir('machine hooks');
    // the user's global configuration, where every git reads it (GIT_CONFIG_GLOBAL only from 2.32)
    const home = tempDir('home');
    const globalConfig = path.join(home, '.gitconfig');
    writeFileSync(globalConfig, `[core]\n\thooksPath = ${machineHooks}\n`);
    const claude = path.join(home, 'claude');
    const r = guard(tempDir('demo cwd'), ['demo'], {
      HOME: home,
      GIT_CONFIG_GLOBAL: globalConfig,
      CLAUDE_CONFIG_DIR: claude,
    });
    expect(r.code).toBe(0);
    expect(readdirSync(machineHooks)).toEqual([]);
    expect(existsSync(claude)).toBe(false);
  });

  it('--keep keeps the sandbox and prints its path', () => {
    const r = guard(tempDir('demo cwd'), ['demo', '--keep']);
    expect(r.code).toBe(0);
    const kept = /sandbox kept: (.*)$/m.exec(r.stdout)?.[1] as string;
    expect(existsSync(path.join(kept, 'app-feat-login', '.env'))).toBe(true);
    rmSync(kept, { recursive: true, force: true });
  });
});
