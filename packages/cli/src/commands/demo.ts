/**
 * `guard demo`: a guided run in a throwaway sandbox. It drives the real `guard` binary and plain git, so
 * what it shows is what a user gets. Nothing outside the sandbox is read or touched: git's global and
 * system configuration are replaced by a file inside it (so a global core.hooksPath is not armed), and so
 * is Claude Code's config dir.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readlinkSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from '../args';
import { messages } from '../messages';
import { CLI_BIN } from '../paths';
import { out } from '../render';

const t = messages.demo;
const say = (text: string) => process.stdout.write(`${text}\n`);
const indent = (text: string) =>
  text
    .split('\n')
    .map((l) => `    ${l}`)
    .join('\n');
const step = (text: string) => say(`\n${out.bold(out.cyan('▸'))} ${out.bold(text)}`);

interface Sandbox {
  dir: string;
  env: NodeJS.ProcessEnv;
  git: (cwd: string, ...args: string[]) => string;
  /** guard's output; doctor exits 1 when it finds an error: that is what the demo shows, not a failure. */
  guard: (cwd: string, args: string[]) => string;
}

function sandbox(): Sandbox {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), 'guard-demo-')));
  // HOME too: git before 2.32 knows no GIT_CONFIG_GLOBAL and reads $HOME/.gitconfig
  const gitconfig = path.join(dir, '.gitconfig');
  writeFileSync(gitconfig, '[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n');
  mkdirSync(path.join(dir, 'claude'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: dir,
    XDG_CONFIG_HOME: path.join(dir, '.config'),
    GIT_CONFIG_GLOBAL: gitconfig,
    GIT_CONFIG_NOSYSTEM: '1',
    CLAUDE_CONFIG_DIR: path.join(dir, 'claude'),
    GIT_TERMINAL_PROMPT: '0',
  };
  for (const k of Object.keys(env))
    if (/^GIT_(DIR|WORK_TREE|INDEX_FILE|COMMON_DIR|CONFIG_PARAMETERS)$/.test(k)) delete env[k];
  const git = (cwd: string, ...args: string[]) => {
    const r = spawnSync('git', args, { cwd, env, encoding: 'utf8' });
    if (r.status !== 0)
      throw new Error(`git ${args.join(' ')} failed (exit ${r.status}): ${r.stderr.trim()}`);
    return r.stdout;
  };
  const guard = (cwd: string, args: string[]) =>
    spawnSync(process.execPath, [CLI_BIN, ...args], { cwd, env, encoding: 'utf8' }).stdout.trimEnd();
  return { dir, env, git, guard };
}

function makeApp(s: Sandbox): string {
  step(t.repo);
  const origin = path.join(s.dir, 'origin.git');
  const app = path.join(s.dir, 'app');
  s.git(s.dir, 'init', '-q', '--bare', origin);
  s.git(s.dir, 'clone', '-q', origin, app);
  s.git(app, 'config', 'user.name', 'Ada Primary');
  s.git(app, 'config', 'user.email', 'ada@example.com');
  s.git(app, 'symbolic-ref', 'HEAD', 'refs/heads/main');
  writeFileSync(path.join(app, '.gitignore'), '.env\n.venv\n');
  writeFileSync(path.join(app, 'README.md'), '# app\n');
  s.git(app, 'add', '.');
  s.git(app, 'commit', '-q', '-m', 'initial');
  s.git(app, 'push', '-q', 'origin', 'main');
  writeFileSync(path.join(app, '.env'), 'API_TOKEN=only-in-the-primary\n');
  mkdirSync(path.join(app, '.venv', 'bin'), { recursive: true });
  writeFileSync(path.join(app, '.venv', 'bin', 'python'), '');
  say(`  ${app}  (origin: ${origin})`);
  return app;
}

function newWorktrees(s: Sandbox, app: string): string[] | number {
  const made: string[] = [];
  for (const branch of ['feat/login', 'fix/typo']) {
    step(`guard new ${branch}`);
    const r = spawnSync(process.execPath, [CLI_BIN, 'new', branch], {
      cwd: app,
      env: s.env,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (r.status !== 0) return r.status ?? 1;
    made.push(path.join(s.dir, `app-${branch.replace('/', '-')}`));
  }
  return made;
}

function plainGit(s: Sandbox, app: string, login: string): string {
  step(t.install);
  const install = spawnSync(process.execPath, [CLI_BIN, 'install'], {
    cwd: app,
    env: s.env,
    encoding: 'utf8',
  });
  if (install.status !== 0) throw new Error(install.stderr || install.stdout);
  say(`  ${install.stdout.split('\n')[0]}`);
  const plain = path.join(s.dir, 'app-chore-deps');
  say(`  $ git worktree add -b chore/deps ${path.basename(plain)}`);
  const added = spawnSync('git', ['worktree', 'add', '-q', '-b', 'chore/deps', plain], {
    cwd: app,
    env: s.env,
    encoding: 'utf8',
  });
  say(`  ${(added.stderr.split('\n').find((l) => l.includes('bootstrapped')) ?? added.stderr).trim()}`);
  writeFileSync(path.join(login, 'README.md'), '# app\nwork in progress\n');
  say(`  $ git stash        (in ${path.basename(login)}, with a change)`);
  const stash = spawnSync('git', ['stash'], { cwd: login, env: s.env, encoding: 'utf8' });
  const refusal = stash.stderr.split('\n').find((l) => l.includes('refused')) ?? '';
  say(`  exit ${stash.status}: ${refusal.replace(/^worktree-guard: /, '').slice(0, 96)}…`);
  say(`  ${t.stillThere(s.git(login, 'status', '--porcelain').trim())}`);
  say(`  $ guard park        ${t.parkWhy}`);
  say(`  ${s.guard(login, ['park']).split('\n')[0]}`);
  say('  $ guard unpark');
  say(`  ${s.guard(login, ['unpark']).trim()}`);
  s.git(login, 'checkout', '--', 'README.md');
  return plain;
}

function tour(s: Sandbox, worktrees: string[]): void {
  step(t.newcomer);
  for (const wt of worktrees) {
    const email = s.git(wt, 'config', '--show-scope', '--get', 'user.email').trim().replace(/\t/, ' ');
    const status = s.git(wt, 'status', '--porcelain').trim();
    say(`  ${out.bold(path.basename(wt))}`);
    say(`    .env  → ${readlinkSync(path.join(wt, '.env'))}`);
    say(`    .venv → ${readlinkSync(path.join(wt, '.venv'))}`);
    say(`    user.email: ${email}   git status: ${status === '' ? out.green('clean') : status}`);
  }
}

function doctorTour(s: Sandbox, app: string, [login, typo, deps]: string[]): void {
  step(t.doctor);
  say(
    `  $ git config user.email agent@example.com     (in ${path.basename(typo ?? '')}: plain, not --worktree)`,
  );
  s.git(typo ?? '', 'config', 'user.email', 'agent@example.com');
  say(`  $ rm ${path.basename(deps ?? '')}/.env`);
  rmSync(path.join(deps ?? '', '.env'));
  say('  $ guard doctor');
  say(indent(s.guard(login ?? '', ['doctor'])));
  say('  $ guard doctor --fix');
  say(indent(s.guard(login ?? '', ['doctor', '--fix']).split('\n\n')[0] ?? ''));
  say(`  $ git config --local --unset user.email      ${t.leakFix}`);
  s.git(app, 'config', '--local', '--unset', 'user.email');
  say(indent(s.guard(login ?? '', ['doctor'])));
}

export async function runDemo(args: string[]): Promise<number> {
  const { values } = parse('demo', args, { keep: { type: 'boolean' } }, 0);
  const s = sandbox();
  try {
    const app = makeApp(s);
    const made = newWorktrees(s, app);
    if (typeof made === 'number') return made;
    const plain = plainGit(s, app, made[0] as string);
    const worktrees = [...made, plain];
    tour(s, worktrees);
    doctorTour(s, app, worktrees);
    say(`\n${t.summary}`);
    return 0;
  } finally {
    if (values.keep) say(`\n${t.kept(s.dir)}`);
    else rmSync(s.dir, { recursive: true, force: true });
  }
}
