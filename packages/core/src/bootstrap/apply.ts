/**
 * Carries out a plan. Every file-system action creates only: `symlink` and `copyFile(…, COPYFILE_EXCL)`
 * fail rather than replace, so a file that appears between planning and applying becomes a conflict.
 */
import type { StdioOptions } from 'node:child_process';
import { constants } from 'node:fs';
import { appendFile, chmod, copyFile, mkdir, readFile, symlink } from 'node:fs/promises';
import path from 'node:path';
import { describeFound, inspect } from '../fs/pathInfo';
import { setConfigValues } from '../git/configFile';
import { repoNeutralEnv } from '../git/run';
import { seedHooksDir } from '../hooks/hookFiles';
import { messages } from '../messages';
import { baseRecordEntries } from '../worktree/baseRecord';
import { enableWorktreeConfig, pinIdentity } from '../worktree/identity';
import { runShell, SETUP_KEY } from './setup';
import type { Action, BootstrapEvent, Problem } from './types';

export interface ApplyOptions {
  onEvent?: (event: BootstrapEvent) => void;
  /** Where setup commands' output goes; default: the parent's stdout and stderr. */
  setupStdio?: StdioOptions;
}

/** The exclude pattern for a directory relative to the top level: anchored, directories only, special characters escaped. */
export function excludeLine(rel: string): string {
  return `/${rel.replace(/[\\*?[\]!#]/g, (c) => `\\${c}`)}/`;
}

async function createOnly(dest: string, wanted: string, make: () => Promise<void>): Promise<Problem | null> {
  try {
    await mkdir(path.dirname(dest), { recursive: true });
    await make();
    return null;
  } catch (error) {
    const found = await inspect(dest);
    const f = found.kind === 'missing' ? (error as Error).message : describeFound(found);
    return {
      kind: 'conflict',
      severity: 'error',
      path: dest,
      message: messages.conflict(f, wanted),
      found: f,
      wanted,
    };
  }
}

async function applyOne(action: Action, opts: ApplyOptions): Promise<Problem | null> {
  switch (action.kind) {
    case 'enable-worktree-config':
      await enableWorktreeConfig(action.commonDir, action.moves);
      return null;
    case 'pin-identity':
      await pinIdentity(action, action.identity);
      return null;
    case 'link':
      return createOnly(action.dest, messages.wantedLink(action.target), () =>
        symlink(action.target, action.dest),
      );
    case 'copy-link':
      return createOnly(action.dest, messages.wantedLink(action.target), () =>
        symlink(action.target, action.dest),
      );
    case 'copy':
      return createOnly(action.dest, messages.wantedCopy(action.source), async () => {
        await copyFile(action.source, action.dest, constants.COPYFILE_EXCL);
        await chmod(action.dest, action.mode);
      });
    case 'create-dir':
      await mkdir(action.path, { recursive: true });
      return null;
    case 'share-dir':
      return createOnly(action.dest, messages.wantedLink(action.target), () =>
        symlink(action.target, action.dest, 'dir'),
      );
    case 'exclude-inside': {
      // git's own per-repository ignore file: appended to, never rewritten; never a tracked file
      const file = path.join(action.commonDir, 'info', 'exclude');
      await mkdir(path.dirname(file), { recursive: true });
      const text = await readFile(file, 'utf8').catch(() => '');
      await appendFile(file, `${text && !text.endsWith('\n') ? '\n' : ''}${excludeLine(action.rel)}\n`);
      return null;
    }
    case 'arm-hooks':
      await seedHooksDir(action.from, action.dir);
      return null;
    case 'record-base':
      await setConfigValues(path.join(action.gitDir, 'config.worktree'), baseRecordEntries(action.base));
      return null;
    case 'setup': {
      const env = repoNeutralEnv();
      for (const command of action.commands) {
        opts.onEvent?.({ type: 'setup-start', command });
        const code = await runShell(command, action.worktree, opts.setupStdio ?? 'inherit', env);
        opts.onEvent?.({ type: 'setup-end', command, exitCode: code });
        if (code !== 0)
          return {
            kind: 'setup-failed',
            severity: 'error',
            path: action.worktree,
            message: messages.setupFailed(command, code),
          };
      }
      await setConfigValues(path.join(action.gitDir, 'config.worktree'), [[SETUP_KEY, action.hash]]);
      return null;
    }
  }
}

/** Applies actions in order; returns those done and the problems met. One failure does not stop the rest. */
export async function applyPlan(
  actions: readonly Action[],
  opts: ApplyOptions = {},
): Promise<{ done: Action[]; problems: Problem[] }> {
  const done: Action[] = [];
  const problems: Problem[] = [];
  for (const action of actions) {
    const problem = await applyOne(action, opts);
    if (problem) problems.push(problem);
    else done.push(action);
  }
  return { done, problems };
}
