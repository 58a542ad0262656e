/**
 * Pure planning: from the gathered facts to the actions that make one worktree faithful, what is already
 * in place, and what needs a person. Each concern is a small `planX`; no action replaces anything.
 */
import path from 'node:path';
import { describeFound, type PathInfo } from '../fs/pathInfo';
import { armed } from '../hooks/hooksFacts';
import { messages } from '../messages';
import { configOf, extensionOn, isPrimary, pinFacts, primaryOf } from '../state/derive';
import type {
  BootstrapExtras,
  CopyFacts,
  LinkFacts,
  RepoFacts,
  SharedDirFacts,
  WorktreeFacts,
} from '../state/types';
import { desiredIdentity, effectiveIdentity, type Identity, worktreeConfigMoves } from '../worktree/identity';
import { branchSlug } from '../worktree/slug';
import { SETUP_KEY, setupHash } from './setup';
import type { Plan, Problem } from './types';

export interface PlanInput {
  facts: RepoFacts;
  target: WorktreeFacts;
  extras: BootstrapExtras;
}

function conflict(path: string, found: PathInfo, wanted: string): Problem {
  const f = describeFound(found);
  return {
    kind: 'conflict',
    severity: 'error',
    path,
    message: messages.conflict(f, wanted),
    found: f,
    wanted,
  };
}

const pointsAt = (info: PathInfo, target: string) => info.kind === 'symlink' && info.target === target;

function planIdentity({ facts: s, target }: PlanInput, plan: Plan): void {
  const commonDir = s.repo.commonDir;
  if (extensionOn(s)) plan.satisfied.push({ what: 'worktree-config', path: commonDir });
  else
    plan.actions.push({
      kind: 'enable-worktree-config',
      commonDir,
      moves: worktreeConfigMoves(s.commonView),
    });
  const primary = primaryOf(s);
  // the primary's identity; a bare primary's is its repository's configuration
  const primaryIdentity = effectiveIdentity(primary?.view ?? s.commonView);
  const branch = target.record.branch;
  // The primary pins its own effective identity; another worktree gets the templates or the primary's.
  const wanted = new Map<WorktreeFacts, Identity | null>([
    [
      target,
      isPrimary(s, target)
        ? complete(primaryIdentity)
        : desiredIdentity(primaryIdentity, configOf(s).identity, {
            branch: branch ?? '',
            slug: branchSlug(branch ?? 'detached'),
            dir: path.basename(target.record.path),
          }),
    ],
  ]);
  if (primary && primary !== target) wanted.set(primary, complete(primaryIdentity));
  for (const [w, identity] of wanted) {
    const pin = pinFacts(s, w);
    const where = w.record.path;
    if (pin?.identity && !pin.inherited) {
      plan.satisfied.push({ what: 'identity', path: where });
      continue;
    }
    if (!identity || !w.gitDir) {
      plan.problems.push({
        kind: 'no-identity',
        severity: 'error',
        path: where,
        message: messages.noIdentity(),
      });
      continue;
    }
    const reason = pin?.inherited ? 'inherited' : 'unpinned';
    plan.actions.push({
      kind: 'pin-identity',
      worktree: where,
      gitDir: w.gitDir,
      commonDir,
      identity,
      reason,
    });
  }
}

function complete(id: Partial<Identity>): Identity | null {
  return id.name && id.email ? { name: id.name, email: id.email } : null;
}

function planLink(link: LinkFacts, plan: Plan): void {
  const { rel, source, sourceInfo, dest, destInfo } = link;
  if (sourceInfo.kind === 'missing') return; // nothing in the primary to share
  if (!link.ignoredInPrimary) {
    if (destInfo.kind === 'missing')
      plan.problems.push({
        kind: 'not-ignored',
        severity: 'warning',
        path: rel,
        message: messages.notIgnoredInPrimary(rel),
      });
    return;
  }
  if (pointsAt(destInfo, source)) plan.satisfied.push({ what: 'link', path: rel });
  else if (destInfo.kind !== 'missing')
    plan.problems.push(conflict(rel, destInfo, messages.wantedLink(source)));
  else if (sourceInfo.kind === 'symlink' && !sourceInfo.targetExists)
    plan.problems.push({
      kind: 'dangling-source',
      severity: 'warning',
      path: rel,
      message: messages.danglingSource(rel, sourceInfo.target),
    });
  else if (link.ignoredHere === false) {
    const rule = link.ignoredInPrimary.pattern.endsWith('/') ? link.ignoredInPrimary.rule : null;
    plan.problems.push({
      kind: 'link-not-ignored',
      severity: 'error',
      path: rel,
      message: messages.linkNotIgnored(rel, rule),
    });
  } else plan.actions.push({ kind: 'link', rel, dest, target: source });
}

function planCopy(copy: CopyFacts, plan: Plan): void {
  const { sourceInfo, destInfo, rel } = copy;
  if (sourceInfo.kind !== 'file' && sourceInfo.kind !== 'symlink') return;
  if (!copy.ignoredInPrimary) {
    if (destInfo.kind === 'missing')
      plan.problems.push({
        kind: 'not-ignored',
        severity: 'warning',
        path: rel,
        message: messages.notIgnoredInPrimary(rel),
      });
  } else if (copy.same) plan.satisfied.push({ what: 'copy', path: rel });
  else if (destInfo.kind !== 'missing')
    plan.problems.push(conflict(rel, destInfo, messages.wantedCopy(copy.source)));
  else if (sourceInfo.kind === 'symlink')
    plan.actions.push({ kind: 'copy-link', rel, dest: copy.dest, target: sourceInfo.target });
  else plan.actions.push({ kind: 'copy', rel, dest: copy.dest, source: copy.source, mode: sourceInfo.mode });
}

function planSharedDir(shared: SharedDirFacts, plan: Plan): void {
  const { primaryDir, primaryInfo, dest, destInfo } = shared;
  if (shared.claudeMissing) return; // no Claude Code here: no Claude directories
  if (pointsAt(destInfo, primaryDir)) {
    plan.satisfied.push({ what: 'shared-dir', path: dest });
    return;
  }
  if (destInfo.kind !== 'missing') {
    plan.problems.push(conflict(dest, destInfo, messages.wantedLink(primaryDir)));
    return;
  }
  const usable = primaryInfo.kind === 'dir' || (primaryInfo.kind === 'symlink' && primaryInfo.targetExists);
  if (primaryInfo.kind === 'missing') plan.actions.push({ kind: 'create-dir', path: primaryDir });
  else if (!usable) {
    plan.problems.push(conflict(primaryDir, primaryInfo, messages.foundDir()));
    return;
  }
  plan.actions.push({ kind: 'share-dir', dest, target: primaryDir });
}

/** With a relative core.hooksPath (husky) each worktree has its own hooks directory, empty when new. */
function planHooks({ facts: s, target }: PlanInput, plan: Plan): void {
  const theirs = primaryOf(s)?.hooks;
  const mine = target.hooks;
  if (!theirs || !mine || mine.where.dir === theirs.where.dir) return;
  if (!theirs.shims.some((x) => x.state !== 'missing' && x.state !== 'foreign')) return;
  if (armed(mine)) plan.satisfied.push({ what: 'hooks', path: mine.where.dir });
  else plan.actions.push({ kind: 'arm-hooks', from: theirs.where.dir, dir: mine.where.dir });
}

function planStartAndSetup({ facts: s, target, extras }: PlanInput, plan: Plan): void {
  const branch = target.record.branch;
  const where = { worktree: target.record.path, gitDir: target.gitDir ?? '' };
  if (extras.start && branch)
    plan.actions.push({ kind: 'record-base', ...where, branch, base: extras.start });
  const commands = configOf(s).setup;
  if (isPrimary(s, target) || !commands.length) return;
  const hash = setupHash(commands);
  if (target.view?.get(SETUP_KEY, 'worktree') === hash)
    plan.satisfied.push({ what: 'setup', path: where.worktree });
  else plan.actions.push({ kind: 'setup', ...where, commands, hash });
}

/** A worktree inside the primary checkout is kept out of the primary's `git status` (`.git/info/exclude`). */
function planInside({ facts: s, target }: PlanInput, plan: Plan): void {
  if (!target.inside) return;
  if (target.inside.ignored) plan.satisfied.push({ what: 'excluded', path: target.inside.rel });
  else plan.actions.push({ kind: 'exclude-inside', commonDir: s.repo.commonDir, rel: target.inside.rel });
}

export function planBootstrap(input: PlanInput): Plan {
  const plan: Plan = { actions: [], satisfied: [], problems: [] };
  planIdentity(input, plan);
  if (!isPrimary(input.facts, input.target)) {
    for (const link of input.target.links) planLink(link, plan);
    for (const copy of input.extras.copies) planCopy(copy, plan);
    for (const shared of input.target.sharedDirs) planSharedDir(shared, plan);
    planHooks(input, plan);
    planInside(input, plan);
  }
  planStartAndSetup(input, plan);
  return plan;
}
