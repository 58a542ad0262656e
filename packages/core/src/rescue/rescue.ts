/**
 * `guard rescue`: every stash entry becomes a branch `rescued/<origin-branch>/<n>` whose tip holds the
 * entry's changes (tracked, and untracked for `-u` entries) as one commit on the commit it was made on.
 * Entries are dropped only after the branches exist and their trees are checked against the stash, and
 * only if the stash is still what it was. No working tree and no index is touched: trees are built in a
 * temporary index file. A rescued commit names its stash commit (trailer `Rescued-Stash:`), so a rescue
 * that stopped half way picks up where it stopped instead of rescuing twice.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { git, runGit } from '../git/run';
import { readStashList, resolveStashBranch, type StashEntry } from '../git/stashList';
import { messages } from '../messages';
import { rescueBranchNames } from './names';

export const RESCUE_TRAILER = 'Rescued-Stash';

export interface RescueItem {
  entry: StashEntry;
  /** The branch the entry was made on, its full name (git 2.31–2.35 wrote only the last part); null if none. */
  originBranch: string | null;
  branch: string;
  /** The branch already existed from an earlier rescue of this very entry. */
  already: boolean;
}

export interface RescueResult {
  items: RescueItem[];
  /** Entries whose branch could not be made or checked: they stay in the stash. */
  failed: { entry: StashEntry; why: string }[];
  /** `stash@{n}` refs dropped (as they were numbered before the drop). */
  dropped: string[];
  /** Set when the stash changed while rescuing: nothing was dropped. */
  stashChanged: boolean;
  dryRun: boolean;
}

interface ExistingBranch {
  name: string;
  commit: string;
  tree: string;
  rescued: string | null;
}

async function existingBranches(cwd: string): Promise<ExistingBranch[]> {
  const out = await git(
    ['for-each-ref', '--format=%(refname:strip=2)%00%(objectname)%00%(tree)%00%(contents)%00', 'refs/heads/'],
    { cwd },
  );
  const fields = out.split('\0');
  const branches: ExistingBranch[] = [];
  for (let i = 0; i + 4 <= fields.length; i += 4) {
    const [name = '', commit = '', tree = '', body = ''] = fields.slice(i, i + 4);
    const m = new RegExp(`^${RESCUE_TRAILER}: ([0-9a-f]+)$`, 'm').exec(body);
    branches.push({ name: name.replace(/^\n/, ''), commit, tree, rescued: m?.[1] ?? null });
  }
  return branches;
}

/** `path NUL mode blob oid` per file of a tree, for comparing what two trees hold. */
async function listTree(cwd: string, tree: string): Promise<Map<string, string>> {
  const out = await git(['ls-tree', '-r', '-z', '--full-tree', tree], { cwd });
  const files = new Map<string, string>();
  for (const rec of out.split('\0')) {
    const tab = rec.indexOf('\t');
    if (tab !== -1) files.set(rec.slice(tab + 1), rec.slice(0, tab));
  }
  return files;
}

function sameFiles(a: Map<string, string>, b: Map<string, string>): boolean {
  return a.size === b.size && [...a].every(([p, v]) => b.get(p) === v);
}

/** What the stash entry holds, file by file: its working tree, plus its untracked files. */
async function stashFiles(cwd: string, e: StashEntry): Promise<Map<string, string>> {
  const files = await listTree(cwd, e.tree);
  if (e.untracked) for (const [p, v] of await listTree(cwd, e.untracked)) files.set(p, v);
  return files;
}

/** The tree of the rescued commit: the entry's own tree, or that tree with its untracked files added. */
async function rescueTree(cwd: string, e: StashEntry, scratch: string): Promise<string> {
  if (!e.untracked) return e.tree;
  const env = { GIT_INDEX_FILE: path.join(scratch, `index-${e.index}`) };
  await git(['read-tree', e.tree], { cwd, env });
  const untracked = await git(['ls-tree', '-r', '-z', '--full-tree', e.untracked], { cwd });
  await git(['update-index', '-z', '--index-info'], { cwd, env, input: untracked });
  return (await git(['write-tree'], { cwd, env })).trim();
}

function rescueMessage(e: StashEntry): string {
  const where =
    e.origin === 'stored'
      ? `with git stash store ("${e.subject}")`
      : e.branch
        ? `on ${e.branch}`
        : 'on a detached HEAD';
  return [
    e.subject,
    '',
    `Rescued from ${e.ref} by guard rescue: the entry was made ${where} at ${e.author.date},`,
    `staged and unstaged changes together${e.untracked ? ', with its untracked files' : ''}.`,
    '',
    `${RESCUE_TRAILER}: ${e.commit}`,
    '',
  ].join('\n');
}

async function commitRescue(cwd: string, e: StashEntry, tree: string): Promise<string> {
  const env = {
    GIT_AUTHOR_NAME: e.author.name,
    GIT_AUTHOR_EMAIL: e.author.email,
    GIT_AUTHOR_DATE: e.author.date,
  };
  return (
    await git(['commit-tree', tree, '-p', e.base, '-F', '-'], { cwd, env, input: rescueMessage(e) })
  ).trim();
}

type Made = Map<number, { commit: string; tree: string }>;

/**
 * 1. One commit per entry. An entry with untracked files gets a tree built in a scratch index, checked file
 * by file against what the stash holds; any other entry's tree is the stash's own tree.
 */
async function makeCommits(
  cwd: string,
  result: RescueResult,
  earlier: Map<string, ExistingBranch>,
): Promise<Made> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'guard-rescue-'));
  const made: Made = new Map();
  try {
    for (const { entry: e } of result.items) {
      try {
        const before = earlier.get(e.commit);
        const tree = before ? before.tree : await rescueTree(cwd, e, scratch);
        if ((before || e.untracked) && !sameFiles(await listTree(cwd, tree), await stashFiles(cwd, e)))
          throw new Error(messages.rescueTreeDiffers(e.ref));
        made.set(e.index, { commit: before ? before.commit : await commitRescue(cwd, e, tree), tree });
      } catch (error) {
        result.failed.push({ entry: e, why: (error as Error).message });
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return made;
}

/** 2. Every new branch in one transaction: `create` refuses a name that appeared meanwhile. */
async function createBranches(cwd: string, result: RescueResult, made: Made): Promise<void> {
  const toCreate = result.items.filter((i) => !i.already && made.has(i.entry.index));
  if (!toCreate.length) return;
  const input = toCreate
    .map((i) => `create refs/heads/${i.branch}\0${made.get(i.entry.index)?.commit}\0`)
    .join('');
  const r = await runGit(['update-ref', '-z', '--stdin', '-m', 'guard rescue'], {
    cwd,
    input,
    ok: [0, 1, 128],
  });
  if (r.exitCode !== 0) {
    for (const i of toCreate) {
      result.failed.push({ entry: i.entry, why: r.stderr.trim() });
      made.delete(i.entry.index);
    }
  }
}

/** 3. Read the branches back: each must point at its commit, and that commit hold the checked tree. */
async function verifiedItems(cwd: string, result: RescueResult, made: Made): Promise<RescueItem[]> {
  const now = new Map((await existingBranches(cwd)).map((b) => [b.name, b]));
  return result.items.filter((i) => {
    const m = made.get(i.entry.index);
    const b = now.get(i.branch);
    const ok = m !== undefined && b !== undefined && b.commit === m.commit && b.tree === m.tree;
    if (m && !ok && !result.failed.some((f) => f.entry === i.entry))
      result.failed.push({ entry: i.entry, why: messages.rescueBranchDiffers(i.branch) });
    return ok;
  });
}

/** The names (and what an earlier rescue already made), one item per entry. */
async function planItems(cwd: string, entries: StashEntry[], result: RescueResult) {
  const branches = await existingBranches(cwd);
  const earlier = new Map(branches.filter((b) => b.rescued).map((b) => [b.rescued as string, b]));
  const names = rescueBranchNames(
    entries.filter((e) => !earlier.has(e.commit)),
    branches.map((b) => b.name),
  );
  for (const entry of entries) {
    const before = earlier.get(entry.commit);
    const originBranch =
      entry.branch &&
      resolveStashBranch(
        entry.branch,
        branches.map((b) => b.name),
      );
    const branch = before?.name ?? (names.get(entry.index) as string);
    result.items.push({ entry, originBranch, branch, already: Boolean(before) });
  }
  return earlier;
}

/** Plans the names, then — unless dry — rescues: commits, branches, a check, and only then the drops. */
export async function rescueStash(cwd: string, opts: { dryRun?: boolean } = {}): Promise<RescueResult> {
  const dryRun = Boolean(opts.dryRun);
  const entries = await readStashList(cwd);
  const result: RescueResult = { items: [], failed: [], dropped: [], stashChanged: false, dryRun };
  if (!entries.length) return result;
  const earlier = await planItems(cwd, entries, result);
  if (dryRun) return result;
  const made = await makeCommits(cwd, result, earlier);
  await createBranches(cwd, result, made);
  const safe = await verifiedItems(cwd, result, made);
  // 4. drop, newest index last so that the numbers below do not move — only if the stash is unchanged
  const again = await readStashList(cwd);
  if (again.length !== entries.length || again.some((e, i) => e.commit !== entries[i]?.commit)) {
    result.stashChanged = true;
    return result;
  }
  for (const item of [...safe].sort((a, b) => b.entry.index - a.entry.index)) {
    await git(['stash', 'drop', '-q', item.entry.ref], { cwd });
    result.dropped.push(item.entry.ref);
  }
  return result;
}
