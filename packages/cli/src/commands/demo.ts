/**
 * `guard demo`: a guided run in a throwaway sandbox. It drives the real `guard` binary and plain git, so
 * what it shows is what a user gets. Claude Code's config dir is pointed into the sandbox, and the sandbox
 * repositories carry their own identity, so nothing outside the sandbox is touched.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from '../args';
import { out } from '../render';

const BIN = path.resolve(__dirname, '../../bin/guard.js');

const say = (text: string) => process.stdout.write(`${text}\n`);
const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
const step = (text: string) => say(`\n${out.bold(out.cyan('▸'))} ${out.bold(text)}`);

function sh(cwd: string, env: NodeJS.ProcessEnv, file: string, args: string[]): string {
  const r = spawnSync(file, args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`${file} ${args.join(' ')} failed (exit ${r.status}): ${r.stderr.trim()}`);
  return r.stdout;
}

export async function runDemo(args: string[]): Promise<number> {
  const { values } = parse('demo', args, { keep: { type: 'boolean' } }, 0);
  const sandbox = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'guard-demo-')));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    CLAUDE_CONFIG_DIR: path.join(sandbox, 'claude'),
    GIT_TERMINAL_PROMPT: '0',
  };
  for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE', 'GIT_COMMON_DIR']) delete env[k];
  const git = (cwd: string, ...a: string[]) => sh(cwd, env, 'git', a);
  // doctor exits 1 when it finds an error: that is what the demo shows, not a failure
  const guardOut = (cwd: string, a: string[]) =>
    spawnSync(process.execPath, [BIN, ...a], { cwd, env, encoding: 'utf8' }).stdout.trimEnd();
  try {
    step('A repository with an origin, an ignored .env and .venv — like yours');
    const origin = path.join(sandbox, 'origin.git');
    const app = path.join(sandbox, 'app');
    git(sandbox, 'init', '-q', '--bare', '--initial-branch=main', origin);
    git(sandbox, 'clone', '-q', origin, app);
    for (const [k, v] of [
      ['user.name', 'Ada Primary'],
      ['user.email', 'ada@example.com'],
      ['commit.gpgsign', 'false'],
    ])
      git(app, 'config', k, v as string);
    git(app, 'symbolic-ref', 'HEAD', 'refs/heads/main');
    writeFileSync(path.join(app, '.gitignore'), '.env\n.venv\n');
    writeFileSync(path.join(app, 'README.md'), '# app\n');
    git(app, 'add', '.');
    git(app, 'commit', '-q', '-m', 'initial');
    git(app, 'push', '-q', 'origin', 'main');
    writeFileSync(path.join(app, '.env'), 'API_TOKEN=only-in-the-primary\n');
    mkdirSync(path.join(app, '.venv', 'bin'), { recursive: true });
    writeFileSync(path.join(app, '.venv', 'bin', 'python'), '');
    say(`  ${app}  (origin: ${origin})`);

    const worktrees: string[] = [];
    for (const branch of ['feat/login', 'fix/typo']) {
      step(`guard new ${branch}`);
      const r = spawnSync(process.execPath, [BIN, 'new', branch], {
        cwd: app,
        env,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      if (r.status !== 0) return r.status ?? 1;
      worktrees.push(path.join(sandbox, `app-${branch.replace('/', '-')}`));
    }

    step('guard install — from now on, plain git keeps the rules');
    const install = spawnSync(process.execPath, [BIN, 'install'], { cwd: app, env, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(install.stderr || install.stdout);
    say(`  ${install.stdout.split('\n')[0]}`);
    const plain = path.join(sandbox, 'app-chore-deps');
    say(`  $ git worktree add -b chore/deps ${path.basename(plain)}`);
    const added = spawnSync('git', ['worktree', 'add', '-q', '-b', 'chore/deps', plain], {
      cwd: app,
      env,
      encoding: 'utf8',
    });
    say(`  ${(added.stderr.split('\n').find((l) => l.includes('bootstrapped')) ?? added.stderr).trim()}`);
    worktrees.push(plain);
    writeFileSync(path.join(worktrees[0] as string, 'README.md'), '# app\nwork in progress\n');
    say(`  $ git stash        (in ${path.basename(worktrees[0] as string)}, with a change)`);
    const stash = spawnSync('git', ['stash'], { cwd: worktrees[0], env, encoding: 'utf8' });
    say(
      `  exit ${stash.status}: ${(stash.stderr.split('\n').find((l) => l.includes('refused')) ?? '').replace(/^worktree-guard: /, '').slice(0, 96)}…`,
    );
    say(`  the change is still there: ${git(worktrees[0] as string, 'status', '--porcelain').trim()}`);
    say('  $ guard park        (the alternative: WIP as a commit on this branch, not in the shared stash)');
    say(`  ${guardOut(worktrees[0] as string, ['park']).split('\n')[0]}`);
    say('  $ guard unpark');
    say(`  ${guardOut(worktrees[0] as string, ['unpark']).trim()}`);
    git(worktrees[0] as string, 'checkout', '--', 'README.md');

    step('What a newcomer sees in each worktree');
    for (const wt of worktrees) {
      const email = git(wt, 'config', '--show-scope', '--get', 'user.email').trim().replace(/\t/, ' ');
      const status = git(wt, 'status', '--porcelain').trim();
      say(`  ${out.bold(path.basename(wt))}`);
      say(`    .env  → ${readlinkSync(path.join(wt, '.env'))}`);
      say(`    .venv → ${readlinkSync(path.join(wt, '.venv'))}`);
      say(`    user.email: ${email}   git status: ${status === '' ? out.green('clean') : status}`);
    }
    step('guard doctor — damage done by hand is found, and what is safe is repaired');
    const [login, typo, deps] = worktrees as [string, string, string];
    say(`  $ git config user.email agent@example.com     (in ${path.basename(typo)}: plain, not --worktree)`);
    git(typo, 'config', 'user.email', 'agent@example.com');
    say(`  $ rm ${path.basename(deps)}/.env`);
    rmSync(path.join(deps, '.env'));
    say('  $ guard doctor');
    say(indent(guardOut(login, ['doctor'])));
    say('  $ guard doctor --fix');
    say(indent(guardOut(login, ['doctor', '--fix']).split('\n\n')[0] as string));
    say('  $ git config --local --unset user.email      (the fix doctor printed for the leak)');
    git(app, 'config', '--local', '--unset', 'user.email');
    say(indent(guardOut(login, ['doctor'])));
    say(`\nFour worktrees, one .env and one .venv; each identity pinned at worktree scope, so a plain
"git config user.email" in one worktree cannot leak into the others; git stash refused while they share it.`);
    return 0;
  } finally {
    if (values.keep) say(`\nsandbox kept: ${sandbox}`);
    else rmSync(sandbox, { recursive: true, force: true });
  }
}
