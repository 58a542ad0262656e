/**
 * The one way core runs git: argv arrays (never a shell), an explicit cwd, typed errors.
 *
 * It spawns git directly. simple-git was the first choice, but from 3.36 it refuses to run when the
 * environment holds EDITOR, PAGER, GIT_SSH_COMMAND, GIT_CONFIG_GLOBAL, … and refuses to write
 * `core.hooksPath` unless every `allowUnsafe*` switch is on — right for a server running untrusted input,
 * wrong for a tool running in its user's own shell — and it cannot feed stdin.
 *
 * Hooks run with GIT_DIR, GIT_INDEX_FILE, … exported for *their* worktree. A git command aimed at another
 * worktree would silently act on the wrong one, so every call clears git's local env vars
 * ({@link LOCAL_ENV_VARS}) and lets git discover the repository from `cwd` — unless the caller
 * asks to inherit them (`inheritRepoEnv`, e.g. to read a `git -c` override given to the hooked command).
 */
import { spawn } from 'node:child_process';
import { GitError } from '../errors';

export interface GitOptions {
  cwd: string;
  /** Exit codes that are answers, not failures (e.g. `[0, 1]` for `git config --get`). Default `[0]`. */
  ok?: readonly number[];
  /** Extra environment variables for this call. */
  env?: Readonly<Record<string, string>>;
  /** Keep GIT_DIR & co. from the environment (only for the worktree a hook runs in). */
  inheritRepoEnv?: boolean;
  /** Retry while another process holds a config lock (`could not lock config file`). */
  retryOnLock?: boolean;
  /** Text written to git's stdin (e.g. for `--stdin -z`). */
  input?: string;
}

export interface GitResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Counts processes started, for the benchmark's "git processes per worktree" figure. */
export const gitStats = { calls: 0 };

/**
 * git's repository-local variables (`git rev-parse --local-env-vars`), the union of what git 2.31 to 2.55
 * print: constant, so no process is started to ask.
 */
export const LOCAL_ENV_VARS: readonly string[] = [
  'GIT_ALTERNATE_OBJECT_DIRECTORIES',
  'GIT_CONFIG',
  'GIT_CONFIG_PARAMETERS',
  'GIT_CONFIG_COUNT',
  'GIT_OBJECT_DIRECTORY',
  'GIT_DIR',
  'GIT_WORK_TREE',
  'GIT_IMPLICIT_WORK_TREE',
  'GIT_GRAFT_FILE',
  'GIT_INDEX_FILE',
  'GIT_NO_REPLACE_OBJECTS',
  'GIT_REPLACE_REF_BASE',
  'GIT_PREFIX',
  'GIT_INTERNAL_SUPER_PREFIX',
  'GIT_SHALLOW_FILE',
  'GIT_COMMON_DIR',
];

function spawnGit(
  args: readonly string[],
  cwd: string,
  env: Record<string, string>,
  input?: string,
): Promise<GitResult> {
  gitStats.calls++;
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd,
      env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const errs: Buffer[] = [];
    child.stdout?.on('data', (b: Buffer) => out.push(b));
    child.stderr?.on('data', (b: Buffer) => errs.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(errs).toString('utf8'),
        exitCode: code ?? (signal ? 128 + 15 : -1),
      }),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

function inheritedEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  return env;
}

/** This process's environment without git's repository-local variables: for commands aimed elsewhere. */
export function repoNeutralEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !LOCAL_ENV_VARS.includes(k)) env[k] = v;
  return env;
}

function environmentFor(opts: GitOptions): Record<string, string> {
  const env: Record<string, string> = opts.inheritRepoEnv ? inheritedEnv() : repoNeutralEnv();
  // Never let git stop to ask for anything: hooks and scripts have no one to answer.
  env.GIT_TERMINAL_PROMPT = '0';
  return { ...env, ...opts.env };
}

const LOCK_RETRIES = 20;

/** Runs git and returns what it said; throws GitError unless the exit code is in `ok`. */
export async function runGit(args: readonly string[], opts: GitOptions): Promise<GitResult> {
  const env = environmentFor(opts);
  for (let attempt = 0; ; attempt++) {
    const result = await spawnGit(args, opts.cwd, env, opts.input);
    if ((opts.ok ?? [0]).includes(result.exitCode)) return result;
    if (opts.retryOnLock && attempt < LOCK_RETRIES && /could not lock config file/.test(result.stderr)) {
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 60));
      continue;
    }
    throw new GitError(args, result.exitCode, result.stderr);
  }
}

/** Runs git and returns stdout; throws GitError on any exit code not in `ok`. */
export async function git(args: readonly string[], opts: GitOptions): Promise<string> {
  return (await runGit(args, opts)).stdout;
}
