/**
 * The real Claude Code client (the npm package, a dev dependency), as far as it runs without an account:
 * `claude -p --worktree <name>` creates its worktree with plain git (guard's post-checkout bootstraps it)
 * and runs its SessionStart and SessionEnd hooks before it needs a login. Nothing here reaches Anthropic:
 * there is no login in the test's Claude config dir, and the API address is a closed local port.
 * (A tool call needs a model, so PreToolUse is tested with the documented JSON in agents.hooks.test.ts.)
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/hooks';
import { git, guard, makeRepo, scopedConfig } from '../helpers/repo';

const CLAUDE = path.join(ROOT, 'node_modules', '.bin', 'claude');

function offlineEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ANTHROPIC_BASE_URL: 'http://127.0.0.1:9',
    DISABLE_TELEMETRY: '1',
    DISABLE_ERROR_REPORTING: '1',
    DISABLE_AUTOUPDATER: '1',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
  };
  for (const k of ['ANTHROPIC_API_KEY', 'ANTHROPIC_AUTH_TOKEN', 'CLAUDE_CODE_OAUTH_TOKEN', 'CLAUDECODE'])
    delete env[k];
  for (const k of Object.keys(env)) if (/^CLAUDE_CODE_USE_/.test(k)) delete env[k];
  return env;
}

/** Every line of every transcript Claude Code wrote under its config dir. */
function transcriptLines(): Record<string, unknown>[] {
  const projects = path.join(process.env.CLAUDE_CONFIG_DIR as string, 'projects');
  return readdirSync(projects, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(path.join(projects, f), 'utf8').split('\n').filter(Boolean))
    .map((l) => JSON.parse(l));
}

describe('the real Claude Code client', () => {
  it('claude --worktree: guard bootstraps the worktree, and its session context reaches Claude Code', () => {
    const fx = makeRepo({ name: 'claude real' });
    expect(guard(fx.primary, ['install', '--agents', 'claude']).code).toBe(0);
    const version = spawnSync(CLAUDE, ['--version'], { encoding: 'utf8', env: offlineEnv() });
    expect(version.stdout).toMatch(/\(Claude Code\)/);

    spawnSync(CLAUDE, ['-p', '--worktree', 'task-1', 'hello'], {
      cwd: fx.primary,
      encoding: 'utf8',
      env: offlineEnv(),
      input: '',
      timeout: 120_000,
    });

    const wt = path.join(fx.primary, '.claude', 'worktrees', 'task-1');
    expect(git(fx.primary, 'worktree', 'list', '--porcelain')).toContain(
      `worktree ${wt}\nHEAD ${git(fx.primary, 'rev-parse', 'HEAD').trim()}\nbranch refs/heads/worktree-task-1\n`,
    );
    // post-checkout bootstrapped it: identity pinned here, personal settings linked to the primary's
    expect(scopedConfig(wt, 'user.email')).toEqual(['worktree', 'ada@example.com']);
    const settings = path.join(wt, '.claude', 'settings.local.json');
    expect(lstatSync(settings).isSymbolicLink()).toBe(true);
    expect(realpathSync(settings)).toBe(path.join(fx.primary, '.claude', 'settings.local.json'));

    // Claude Code ran guard's SessionStart hook there and took its answer as context for the model
    const context = transcriptLines().flatMap((l) => {
      const a = l.attachment as { type?: string; content?: string[] } | undefined;
      return a?.type === 'hook_additional_context' ? (a.content ?? []) : [];
    });
    expect(context).toEqual([expect.stringContaining(`worktree-guard: this repository has 2 worktrees`)]);
    expect(context[0]).toContain(`You are in ${wt}, on branch worktree-task-1.`);
    expect(context[0]).toContain(`${fx.primary} (main)`);
    // the session was registered in that worktree, and its SessionEnd took it out again
    const sessions = path.join(fx.primary, '.git', 'worktrees', 'task-1', 'worktree-guard', 'agent-sessions');
    expect(readdirSync(sessions)).toEqual([]);
  }, 180_000);
});
