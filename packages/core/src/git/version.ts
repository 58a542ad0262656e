/** Which git runs here, and whether guard supports it (2.31 or newer). */
import { UsageError } from '../errors';
import { messages } from '../messages';
import { git } from './run';

export const MIN_GIT: readonly [number, number] = [2, 31];

export interface GitVersion {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

/** Parses `git version 2.39.5` (and vendor suffixes such as `2.39.5 (Apple Git-154)`). */
export function parseGitVersion(text: string): GitVersion | null {
  const m = /(\d+)\.(\d+)(?:\.(\d+))?/.exec(text);
  if (!m) return null;
  return { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3] ?? 0), text: text.trim() };
}

export function atLeast(v: GitVersion, major: number, minor: number): boolean {
  return v.major > major || (v.major === major && v.minor >= minor);
}

let cached: Promise<GitVersion> | undefined;

/** The version of the git on PATH, asked once per process. */
export function gitVersion(cwd: string): Promise<GitVersion> {
  cached ??= git(['version'], { cwd }).then((out) => {
    const v = parseGitVersion(out);
    if (!v) throw new UsageError('git-unknown', messages.gitUnknown(out.trim()));
    return v;
  });
  return cached;
}

/** Throws a usage error (exit 2) naming the version when git is older than guard supports. */
export async function assertSupportedGit(cwd: string): Promise<GitVersion> {
  const v = await gitVersion(cwd);
  if (!atLeast(v, MIN_GIT[0], MIN_GIT[1]))
    throw new UsageError('git-too-old', messages.gitTooOld(v.text, MIN_GIT.join('.')));
  return v;
}
