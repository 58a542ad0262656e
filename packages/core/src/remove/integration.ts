/**
 * Is a branch's work in the target (`<remote>/<baseBranch>`)? Decided by content, not only by ancestry,
 * so that squash-merged and rebase-merged branches count, and by the first rule that matches:
 * `ancestor` → `merge-noop` (git ≥ 2.38) → `patch-ids` → `squash-patch-id`. On a git without
 * `merge-tree --write-tree` that rule is reported unavailable and the patch-id rules still run.
 */
import { parseCherry, parsePatchIds } from '../git/patchId';
import { git, runGit } from '../git/run';
import { atLeast, gitVersion } from '../git/version';
import { messages } from '../messages';
import { baseOf, configOf, isPrimary } from '../state/derive';
import type { RepoFacts, WorktreeFacts } from '../state/types';
import { startOf } from './commits';
import type { Integration, IntegrationRule } from './types';

export interface IntegrationInput {
  /** Where to run git (any worktree of the repository, or its git dir). */
  cwd: string;
  tip: string;
  target: { ref: string; name: string } | null;
  /** Where the branch started (its recorded base, or its creation in the reflog), when known. */
  start: string | null;
  /** The branch is the base branch (or a protected one): it is the target, not work to integrate. */
  isBase?: boolean;
  detached?: boolean;
  /** Already known: commits of the tip outside the target (e.g. from `guard list`'s counts). */
  ahead?: number;
  /** Only the rules that cost one git process (`guard list`): the rest are reported as not tried. */
  quick?: boolean;
}

const ZERO = '0'.repeat(40);
/** More changed files than this and the squash rule is not tried (the pathspec would not fit argv). */
const MAX_SQUASH_FILES = 1000;
const QUIET_DIFF = ['-c', 'log.showSignature=false', '-c', 'diff.noprefix=false'];
const PATCH = ['--no-color', '--no-ext-diff', '--no-textconv', '--full-index'];

async function isAncestor(cwd: string, a: string, b: string): Promise<boolean> {
  const r = await runGit(['merge-base', '--is-ancestor', a, b], { cwd, ok: [0, 1, 128] });
  return r.exitCode === 0;
}

const trees = new Map<string, Promise<string>>();

/** A commit's tree, asked once per process (list asks for the same target once per worktree). */
function treeOf(cwd: string, commit: string): Promise<string> {
  let tree = trees.get(commit);
  if (!tree) {
    tree = git(['rev-parse', `${commit}^{tree}`], { cwd }).then((out) => out.trim());
    trees.set(commit, tree);
  }
  return tree;
}

/** Merging the tip into the target would leave the target's tree as it is. */
async function mergeChangesNothing(cwd: string, tip: string, target: string): Promise<boolean> {
  const r = await runGit(['merge-tree', '--write-tree', target, tip], { cwd, ok: [0, 1, 128] });
  if (r.exitCode !== 0) return false; // conflicts, or no merge base
  const tree = r.stdout.split('\n')[0]?.trim();
  return Boolean(tree) && tree === (await treeOf(cwd, target));
}

/** Every commit of its own (merges aside) has an equivalent patch in the target. */
async function everyPatchInTarget(cwd: string, tip: string, target: string): Promise<boolean> {
  const r = await runGit(['cherry', target, tip], { cwd, ok: [0, 1, 128] });
  const commits = r.exitCode === 0 ? parseCherry(r.stdout) : [];
  return commits.length > 0 && commits.every((c) => c.equivalent);
}

/** The commit of the target whose patch equals the branch's whole change since the merge base, or null. */
async function squashCommit(cwd: string, tip: string, target: string): Promise<string | null> {
  const mb = await runGit(['merge-base', target, tip], { cwd, ok: [0, 1] });
  const base = mb.stdout.trim();
  if (mb.exitCode !== 0 || !base) return null;
  const names = await git(['diff', '--name-only', '-z', '--no-renames', base, tip, '--'], { cwd });
  const files = names.split('\0').filter(Boolean);
  if (!files.length || files.length > MAX_SQUASH_FILES) return null;
  const [diff, log] = await Promise.all([
    git([...QUIET_DIFF, 'diff', ...PATCH, base, tip, '--'], { cwd }),
    // only these paths' part of each commit: a squash that also touched other files still matches
    git(
      [
        ...QUIET_DIFF,
        'log',
        '-p',
        ...PATCH,
        '--no-merges',
        '--format=commit %H',
        `${base}..${target}`,
        '--',
      ].concat(files),
      { cwd },
    ),
  ]);
  if (!diff.trim() || !log.trim()) return null;
  const ids = parsePatchIds(
    await git(['patch-id', '--stable'], { cwd, input: `commit ${ZERO}\n${diff}\n${log}` }),
  );
  const mine = ids.find((p) => p.commit === ZERO)?.patchId;
  return (mine && ids.find((p) => p.commit !== ZERO && p.patchId === mine)?.commit) || null;
}

export async function integrationOf(input: IntegrationInput): Promise<Integration> {
  const { cwd, tip, target } = input;
  const result: Integration = {
    state: 'not-integrated',
    rule: null,
    target: target?.name ?? null,
    tried: [],
    unavailable: [],
  };
  const nothing = (): Integration => ({ ...result, state: 'nothing' });
  if (input.isBase || (input.start !== null && input.start === tip)) return nothing();
  if (!target) return result;
  const matched = (rule: IntegrationRule, commit?: string): Integration =>
    input.detached ? nothing() : { ...result, state: 'integrated', rule, ...(commit ? { commit } : {}) };

  result.tried.push('ancestor');
  if (input.ahead === 0 || (input.ahead === undefined && (await isAncestor(cwd, tip, target.ref))))
    return matched('ancestor');
  if (input.detached) return result; // a detached HEAD has no branch to judge by content
  const v = await gitVersion(cwd);
  const modern = atLeast(v, 2, 38);
  if (modern) {
    result.tried.push('merge-noop');
    if (await mergeChangesNothing(cwd, tip, target.ref)) return matched('merge-noop');
  } else result.unavailable.push({ rule: 'merge-noop', why: messages.mergeTreeUnavailable(v.text) });
  const notTried = (rules: IntegrationRule[]) => {
    for (const rule of rules) result.unavailable.push({ rule, why: messages.integrationNotTried() });
    return result;
  };
  if (input.quick && modern) return notTried(['patch-ids', 'squash-patch-id']);
  result.tried.push('patch-ids');
  if (await everyPatchInTarget(cwd, tip, target.ref)) return matched('patch-ids');
  if (input.quick) return notTried(['squash-patch-id']);
  result.tried.push('squash-patch-id');
  const squash = await squashCommit(cwd, tip, target.ref);
  return squash ? matched('squash-patch-id', squash) : result;
}

/**
 * For `guard list`: the same judgement from the facts list gathered (its ahead count saves the ancestry
 * check), with only the one-process rules, so a worktree costs at most one more git process.
 */
export async function worktreeIntegration(s: RepoFacts, w: WorktreeFacts): Promise<Integration | null> {
  const tip = w.record.head;
  if (!tip || !w.present || isPrimary(s, w)) return null;
  const { baseBranch, protectedBranches } = configOf(s);
  const branch = w.record.branch;
  const ahead = w.aheadBehind?.ahead;
  const recorded = baseOf(w)?.commit ?? null;
  const start = branch && ahead === 0 ? await startOf(w.record.path, branch, recorded) : recorded;
  return integrationOf({
    cwd: w.record.path,
    tip,
    target: s.remoteBase && { ref: s.remoteBase.commit, name: s.remoteBase.ref },
    start,
    isBase: branch !== null && (branch === baseBranch || protectedBranches.includes(branch)),
    detached: !branch,
    ahead,
    quick: true,
  });
}
