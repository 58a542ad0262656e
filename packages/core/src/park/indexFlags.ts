/**
 * The per-entry bits of the index that a tree does not hold: skip-worktree (sparse checkout) and
 * assume-unchanged. Setting the index from a tree (`git read-tree`) drops them — in a sparse checkout every
 * out-of-cone file would then read as deleted — so park and unpark put them back.
 */
import { git } from '../git/run';

export interface IndexFlags {
  skipWorktree: string[];
  assumeUnchanged: string[];
}

/** Parses `git ls-files -v -z`: a tag letter, a space, the path; `S` is skip-worktree, lower case assume-unchanged. */
export function parseLsFilesV(text: string): IndexFlags {
  const flags: IndexFlags = { skipWorktree: [], assumeUnchanged: [] };
  for (const entry of text.split('\0')) {
    if (entry.length < 3) continue;
    const tag = entry[0] as string;
    const file = entry.slice(2);
    if (tag.toUpperCase() === 'S') flags.skipWorktree.push(file);
    if (tag !== tag.toUpperCase()) flags.assumeUnchanged.push(file);
  }
  return flags;
}

export async function readIndexFlags(cwd: string): Promise<IndexFlags> {
  return parseLsFilesV(await git(['ls-files', '-v', '-z'], { cwd }));
}

/** Sets the bits again on the entries the index still has (one `update-index` per kind of bit). */
export async function restoreIndexFlags(cwd: string, flags: IndexFlags): Promise<void> {
  const present = new Set((await git(['ls-files', '-z'], { cwd })).split('\0'));
  for (const [option, files] of [
    ['--skip-worktree', flags.skipWorktree],
    ['--assume-unchanged', flags.assumeUnchanged],
  ] as const) {
    const kept = files.filter((f) => present.has(f));
    if (kept.length)
      await git(['update-index', option, '-z', '--stdin'], { cwd, input: `${kept.join('\0')}\0` });
  }
}
