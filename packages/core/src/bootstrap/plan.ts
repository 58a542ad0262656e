/**
 * Pure planning: from gathered state to the actions that make a worktree faithful, what is already
 * in place, and what needs a person. No action ever replaces something that is there.
 */
import type { PathInfo } from '../fs/pathInfo';
import { messages } from '../messages';
import type { BootstrapState, LinkState } from './gather';
import type { Plan, Problem } from './types';

export function describeFound(info: PathInfo): string {
  switch (info.kind) {
    case 'file':
      return messages.foundFile(info.size);
    case 'dir':
      return messages.foundDir();
    case 'symlink':
      return messages.foundSymlink(info.target);
    default:
      return messages.foundOther();
  }
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

function pointsAt(info: PathInfo, target: string): boolean {
  return info.kind === 'symlink' && info.target === target;
}

function planLink(link: LinkState, plan: Plan): void {
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
  if (pointsAt(destInfo, source)) {
    plan.satisfied.push({ what: 'link', path: rel });
    return;
  }
  if (destInfo.kind !== 'missing') {
    plan.problems.push(conflict(rel, destInfo, messages.wantedLink(source)));
    return;
  }
  if (sourceInfo.kind === 'symlink' && !sourceInfo.targetExists) {
    plan.problems.push({
      kind: 'dangling-source',
      severity: 'warning',
      path: rel,
      message: messages.danglingSource(rel, sourceInfo.target),
    });
    return;
  }
  if (!link.ignoredHere) {
    const rule = link.ignoredInPrimary.pattern.endsWith('/') ? link.ignoredInPrimary.rule : null;
    plan.problems.push({
      kind: 'link-not-ignored',
      severity: 'error',
      path: rel,
      message: messages.linkNotIgnored(rel, rule),
    });
    return;
  }
  plan.actions.push({ kind: 'link', rel, dest, target: source });
}

export function planBootstrap(state: BootstrapState): Plan {
  const plan: Plan = { actions: [], satisfied: [], problems: [] };

  // identity: the extension first, then a worktree-scoped pin in every worktree that lacks its own
  if (state.extensionOn) plan.satisfied.push({ what: 'worktree-config', path: state.commonDir });
  else plan.actions.push({ kind: 'enable-worktree-config', commonDir: state.commonDir, moves: state.moves });
  for (const { path, gitDir, pin } of state.pins) {
    const inherited = pin.pinned !== null && pin.pinnedFor !== null && pin.pinnedFor !== gitDir;
    if (pin.pinned && !inherited) {
      plan.satisfied.push({ what: 'identity', path });
      continue;
    }
    // The primary pins its own effective identity; another worktree gets the templates or the primary's.
    const identity = gitDir === state.commonDir ? state.primaryIdentity : state.desired;
    if (!identity) {
      plan.problems.push({ kind: 'no-identity', severity: 'error', path, message: messages.noIdentity() });
      continue;
    }
    plan.actions.push({
      kind: 'pin-identity',
      worktree: path,
      gitDir,
      identity,
      reason: inherited ? 'inherited' : 'unpinned',
    });
  }

  for (const link of state.links) planLink(link, plan);

  for (const copy of state.copies) {
    if (
      copy.sourceInfo.kind === 'missing' ||
      copy.sourceInfo.kind === 'dir' ||
      copy.sourceInfo.kind === 'other'
    )
      continue;
    if (!copy.ignoredInPrimary) {
      if (copy.destInfo.kind === 'missing')
        plan.problems.push({
          kind: 'not-ignored',
          severity: 'warning',
          path: copy.rel,
          message: messages.notIgnoredInPrimary(copy.rel),
        });
      continue;
    }
    if (copy.same) plan.satisfied.push({ what: 'copy', path: copy.rel });
    else if (copy.destInfo.kind !== 'missing')
      plan.problems.push(conflict(copy.rel, copy.destInfo, messages.wantedCopy(copy.source)));
    else if (copy.sourceInfo.kind === 'symlink')
      plan.actions.push({
        kind: 'copy-link',
        rel: copy.rel,
        dest: copy.dest,
        target: copy.sourceInfo.target,
      });
    else
      plan.actions.push({
        kind: 'copy',
        rel: copy.rel,
        dest: copy.dest,
        source: copy.source,
        mode: copy.sourceInfo.mode,
      });
  }

  for (const shared of state.sharedDirs) {
    if (shared.unresolvedFor !== null || shared.primaryDir === null || shared.dest === null) {
      plan.problems.push({
        kind: 'key-too-long',
        severity: 'warning',
        path: shared.unresolvedFor,
        message: messages.keyTooLong(shared.unresolvedFor ?? shared.entry),
      });
      continue;
    }
    if (pointsAt(shared.destInfo, shared.primaryDir)) {
      plan.satisfied.push({ what: 'shared-dir', path: shared.dest });
      continue;
    }
    if (shared.destInfo.kind !== 'missing') {
      plan.problems.push(conflict(shared.dest, shared.destInfo, messages.wantedLink(shared.primaryDir)));
      continue;
    }
    if (shared.primaryInfo.kind === 'missing')
      plan.actions.push({ kind: 'create-dir', path: shared.primaryDir });
    else if (
      shared.primaryInfo.kind !== 'dir' &&
      !(shared.primaryInfo.kind === 'symlink' && shared.primaryInfo.targetExists)
    ) {
      plan.problems.push(conflict(shared.primaryDir, shared.primaryInfo, messages.foundDir()));
      continue;
    }
    plan.actions.push({ kind: 'share-dir', dest: shared.dest, target: shared.primaryDir });
  }

  if (state.hooks?.armedHere) plan.satisfied.push({ what: 'hooks', path: state.hooks.dir });
  else if (state.hooks)
    plan.actions.push({ kind: 'arm-hooks', from: state.hooks.from, dir: state.hooks.dir });

  if (state.start && state.target.branch)
    plan.actions.push({
      kind: 'record-base',
      worktree: state.target.path,
      gitDir: state.target.gitDir,
      branch: state.target.branch,
      base: state.start,
    });

  const { setup } = state;
  if (!state.isPrimary && setup.commands.length) {
    if (setup.doneHash === setup.hash) plan.satisfied.push({ what: 'setup', path: state.target.path });
    else
      plan.actions.push({
        kind: 'setup',
        worktree: state.target.path,
        gitDir: state.target.gitDir,
        commands: setup.commands,
        hash: setup.hash,
      });
  }
  return plan;
}
