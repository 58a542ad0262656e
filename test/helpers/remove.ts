/** For guard remove / sweep / orphan tests: commits, another clone of origin, Claude memory paths. */
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { claudeProjectKey } from '@worktree-guard/core';
import { type Fixture, git, guard, type RunResult, write } from './repo';

/** Writes the files and commits them; returns the new HEAD. */
export function commit(wt: string, files: Record<string, string>, message: string): string {
  for (const [rel, content] of Object.entries(files)) write(path.join(wt, rel), content);
  git(wt, 'add', '--', ...Object.keys(files));
  git(wt, 'commit', '-qm', message);
  return git(wt, 'rev-parse', 'HEAD').trim();
}

let clones = 0;

/** Does something in another clone of origin (as a colleague or a forge would), then pushes its main. */
export function onOrigin(fx: Fixture, work: (clone: string) => void): string {
  const clone = path.join(fx.root, `colleague-${++clones}`);
  git(fx.root, 'clone', '-q', fx.origin, clone);
  git(clone, 'config', 'user.name', 'Colleague');
  git(clone, 'config', 'user.email', 'colleague@example.com');
  work(clone);
  git(clone, 'push', '-q', 'origin', 'HEAD:main');
  return git(clone, 'rev-parse', 'HEAD').trim();
}

export const claudeDir = () => process.env.CLAUDE_CONFIG_DIR as string;

export const memoryOf = (wt: string) => path.join(claudeDir(), 'projects', claudeProjectKey(wt), 'memory');

/** Whether something (even a dangling link) is at a path. */
export function there(p: string): boolean {
  try {
    lstatSync(p);
    return true;
  } catch {
    return false;
  }
}

/** Every entry under a directory: files by content, links by target, directories by name. */
export function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      const rel = path.relative(dir, p);
      if (e.isSymbolicLink()) out[rel] = `link:${readlinkSync(p)}`;
      else if (e.isDirectory()) {
        out[rel] = 'dir';
        walk(p);
      } else out[rel] = `file:${readFileSync(p, 'utf8')}`;
    }
  };
  walk(dir);
  return out;
}

export interface RemoveDoc {
  dryRun: boolean;
  fetch: { remote: string; fetched: boolean; skipped: string | null };
  target: string | null;
  worktrees: {
    path: string;
    branch: string | null;
    action: string;
    integration: {
      state: string;
      rule: string | null;
      tried: string[];
      unavailable: { rule: string }[];
    } | null;
    reasons: { id: string; force: string | null; forced: boolean; resolve: string | null; message: string }[];
    branchAction: { name: string; action: string; why: string | null } | null;
    leftovers: { kind: string; path: string; action: string }[];
    gitError: string | null;
  }[];
  moveTo: string | null;
  exitCode: number;
}

/** `guard remove --json …`: the exit code and the document (a usage error has none). */
export function removeJson(cwd: string, args: string[]): { r: RunResult; doc: RemoveDoc } {
  const r = guard(cwd, ['remove', '--json', ...args]);
  if (r.code === 2) throw new Error(r.stderr);
  return { r, doc: JSON.parse(r.stdout) };
}

/** The git version on PATH as [major, minor]. */
export function gitMinor(cwd: string): [number, number] {
  const m = /(\d+)\.(\d+)/.exec(git(cwd, 'version')) ?? [];
  return [Number(m[1]), Number(m[2])];
}

export const hasMergeTree = (cwd: string) => {
  const [major, minor] = gitMinor(cwd);
  return major > 2 || (major === 2 && minor >= 38);
};
