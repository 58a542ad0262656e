/**
 * `guard hook <name> [args…]`: what the shims call. Its contract with them: exit 0 lets git go on, exit
 * {@link HOOK_REFUSE} refuses; anything else means guard itself failed, and the shim says so in one line
 * and lets git go on (a new stash entry excepted). What it has to say goes to stdout, which the shims send
 * to git's stderr; only what escapes it (a crash) reaches stderr, which the shims summarise.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  bootstrapWorktree,
  type ConfigError,
  checkCommit,
  loadRepoConfig,
  openRepo,
  recordBackup,
  type StashKind,
  stashVerdict,
  syncProtectedList,
} from '@worktree-guard/core';
import { underAgent } from '../agent';
import { messages } from '../messages';
import { out } from '../render';
import { describeAction } from '../renderBootstrap';

/** The exit code that means "refused": distinct from any code Node or a crash produces. */
export const HOOK_REFUSE = 10;

const t = messages.hook;
const say = (line: string) => process.stdout.write(`${line}\n`);

function logError(gitDir: string | null, error: unknown): string {
  const dir = gitDir ? path.join(gitDir, 'worktree-guard') : os.tmpdir();
  const file = path.join(dir, 'hook-errors.log');
  try {
    mkdirSync(dir, { recursive: true });
    appendFileSync(file, `${new Date().toISOString()} ${(error as Error)?.stack ?? String(error)}\n`);
  } catch {
    return '(could not write a log)';
  }
  return file;
}

function configLine(hook: string, error: ConfigError): string {
  const [first, ...rest] = error.problems;
  return t.configError(
    error.file,
    first?.key ?? '',
    first?.message ?? '',
    rest.length,
    t.configConsequence[hook] ?? '',
  );
}

async function postCheckout(): Promise<number> {
  const repo = await openRepo(process.cwd());
  if (!repo.current) return 0;
  const loaded = await loadRepoConfig(repo);
  await syncProtectedList(repo, loaded);
  if (loaded.error) {
    say(configLine('post-checkout', loaded.error));
    return 0;
  }
  const report = await bootstrapWorktree({
    repo,
    loaded,
    worktree: repo.current.path,
    setupStdio: ['ignore', 1, 1],
  });
  say(out.bold(t.bootstrapped(repo.current.path)));
  for (const a of report.done) say(`  + ${describeAction(a)}`);
  for (const p of report.problems)
    say(`  ${p.severity === 'error' ? '✗' : '!'} ${p.path ? `${p.path}: ` : ''}${p.message}`);
  if (report.problems.some((p) => p.severity === 'error')) say(t.needsPerson);
  return 0;
}

async function preCommit(): Promise<number> {
  const check = await checkCommit(process.cwd());
  if (!check) return 0;
  if (check.configError) say(configLine('pre-commit', check.configError));
  if (check.findings.length) {
    say(out.red(out.bold(t.commitRefused)));
    for (const f of check.findings) say(`  ✗ ${f.message}${f.fix ? `\n    ${t.fixPrefix}${f.fix}` : ''}`);
    return HOOK_REFUSE;
  }
  const stamp = process.env.WORKTREE_GUARD_STAMP;
  if (stamp && !check.configError) {
    mkdirSync(path.join(check.gitDir, 'worktree-guard'), { recursive: true });
    writeFileSync(path.join(check.gitDir, 'worktree-guard', 'pre-commit.ok'), `${stamp}\n`);
  }
  return 0;
}

function alternatives(): void {
  for (const line of t.stashAlternatives) say(`  ${line}`);
  if (!underAgent()) say(`  ${t.escapeHatch}`);
}

/** The protected-branch list is stale: write it again from the configuration (the shim then decides). */
async function syncProtected(): Promise<number> {
  const repo = await openRepo(process.cwd());
  const loaded = await loadRepoConfig(repo);
  if (loaded.error) say(configLine('reference-transaction', loaded.error));
  await syncProtectedList(repo, loaded);
  return 0;
}

/** A program's backup went through (state "committed"): say so and write it down, unless the rule is off. */
async function stashStored(oid: string, by: string, marker: string): Promise<number> {
  await rm(marker, { force: true });
  const v = await stashVerdict(process.cwd(), 'store', process.env.WORKTREE_GUARD_STASH_OVERRIDE);
  if (v.action !== 'safety-net') return 0;
  const log = await recordBackup(v.commonDir, { oid, worktree: process.cwd(), by });
  say(out.yellow(t.safetyNet(oid, by.trim(), v.worktrees, log)));
  return 0;
}

/**
 * `reference-transaction stash <push|unknown> <new oid> [<who>]` · `… stash-stored <oid> <who> <marker>` ·
 * `… sync-protected`
 */
async function referenceTransaction(args: string[]): Promise<number> {
  const [what, kindArg, oid = '', by = ''] = args;
  if (what === 'sync-protected') return syncProtected();
  if (what === 'stash-stored') return stashStored(kindArg ?? '', oid, by);
  if (what !== 'stash') return 0;
  const kind: StashKind = kindArg === 'push' || kindArg === 'store' ? kindArg : 'unknown';
  const override = process.env.WORKTREE_GUARD_STASH_OVERRIDE;
  const v = await stashVerdict(process.cwd(), kind, override);
  if (v.configError) say(configLine('reference-transaction', v.configError));
  switch (v.action) {
    case 'allow':
      return 0;
    case 'safety-net': // the shim lets a program's backup through itself; here only if called by hand
      return 0;
    case 'warn':
      say(out.yellow(t.stashWarned));
      return 0;
    case 'refuse':
      say(out.red(kind === 'unknown' ? t.stashUnknownRefused(oid) : t.stashRefused));
      alternatives();
      return HOOK_REFUSE;
  }
}

export async function runHook(args: string[]): Promise<number> {
  const [name = '', ...rest] = args;
  try {
    if (name === 'post-checkout') return await postCheckout();
    if (name === 'pre-commit') return await preCommit();
    if (name === 'reference-transaction') return await referenceTransaction(rest);
    say(t.unknownHook(name));
    return 0;
  } catch (error) {
    // a new entry pushed by a person is refused whatever went wrong; a program's backup goes through
    const refuse = name === 'reference-transaction' && rest[0] === 'stash' && rest[1] !== 'store';
    const gitDir = await openRepo(process.cwd()).then(
      (r) => r.gitDir,
      () => null,
    );
    const what = (error as Error)?.message ?? String(error);
    say(t.internalError(name, what, logError(gitDir, error), refuse ? t.stashRefusedToBeSafe : t.goesOn));
    if (refuse) alternatives();
    return refuse ? HOOK_REFUSE : 0;
  }
}
