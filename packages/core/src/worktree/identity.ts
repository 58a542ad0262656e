/**
 * Per-worktree identity. `.git/config` is shared by every worktree, so an identity set there (or with a
 * plain `git config`) leaks into all of them. Each worktree gets `user.name`/`user.email` at worktree scope,
 * which needs `extensions.worktreeConfig`.
 *
 * Since git 2.36 `worktree add` copies the current worktree's `config.worktree` into the new one, so a
 * worktree made from a linked one starts with that one's pinned identity. Each pin records the git dir
 * it was made for (`worktreeguard.pinnedFor`): a pin recorded for another git dir was inherited.
 */
import path from 'node:path';
import type { IdentityTemplates } from '../config/types';
import { type ConfigView, isTrue, setConfigInFile } from '../git/config';
import { setConfigValues } from '../git/configFile';
import { git } from '../git/run';

export const PINNED_FOR_KEY = 'worktreeguard.pinnedFor';

export interface Identity {
  name: string;
  email: string;
}

export interface IdentityContext {
  name: string;
  email: string;
  branch: string;
  slug: string;
  dir: string;
}

export function renderTemplate(template: string, ctx: IdentityContext): string {
  return template.replace(/\{(name|email|branch|slug|dir)\}/g, (_m, key: keyof IdentityContext) => ctx[key]);
}

/** The identity a worktree should carry: the templates filled in, else the primary's effective identity. */
export function desiredIdentity(
  primary: Partial<Identity>,
  templates: IdentityTemplates | null,
  ctx: Omit<IdentityContext, 'name' | 'email'>,
): Identity | null {
  const base = { ...ctx, name: primary.name ?? '', email: primary.email ?? '' };
  const name = templates?.name ? renderTemplate(templates.name, base) : primary.name;
  const email = templates?.email ? renderTemplate(templates.email, base) : primary.email;
  return name && email ? { name, email } : null;
}

/** How a pin names the git dir it was made for: relative to the common dir ("." for the primary). */
export function pinnedForValue(gitDir: string, commonDir: string): string {
  return path.relative(commonDir, gitDir) || '.';
}

export interface Pin {
  /** The worktree-scoped identity, when both parts are set. */
  identity: Identity | null;
  /** Set, but made for another worktree's git dir and copied here by `git worktree add` (git ≥ 2.36). */
  inherited: boolean;
}

/**
 * The pin in a worktree's configuration. A pin counts only for the worktree it was made for: guard records
 * that (`worktreeguard.pinnedFor`); a pin made by hand has no record and counts where it is.
 */
export function pinOf(view: ConfigView, where: { gitDir: string; commonDir: string }): Pin {
  const name = view.get('user.name', 'worktree');
  const email = view.get('user.email', 'worktree');
  const identity = name && email ? { name, email } : null;
  const madeFor = view.get(PINNED_FOR_KEY, 'worktree');
  const own =
    madeFor === null ||
    madeFor === pinnedForValue(where.gitDir, where.commonDir) ||
    path.resolve(where.commonDir, madeFor) === path.resolve(where.gitDir);
  return { identity, inherited: identity !== null && !own };
}

/** The identity a worktree really commits as from its own pin: none when missing or inherited. */
export function ownPin(view: ConfigView, where: { gitDir: string; commonDir: string }): Identity | null {
  const pin = pinOf(view, where);
  return pin.inherited ? null : pin.identity;
}

export function effectiveIdentity(view: ConfigView): Partial<Identity> {
  return { name: view.get('user.name') ?? undefined, email: view.get('user.email') ?? undefined };
}

/** Values that must move from the common config to the primary's `config.worktree` (git-config(1)). */
export function worktreeConfigMoves(view: ConfigView): { key: string; value: string }[] {
  const moves: { key: string; value: string }[] = [];
  const bare = view.get('core.bare', 'local');
  if (isTrue(bare)) moves.push({ key: 'core.bare', value: 'true' });
  const worktree = view.get('core.worktree', 'local');
  if (worktree !== null) moves.push({ key: 'core.worktree', value: worktree });
  return moves;
}

/**
 * Turns on `extensions.worktreeConfig` so that no worktree changes meaning: moved values are written to
 * the primary's `config.worktree` first, the extension enabled second, the common copies removed last.
 */
export async function enableWorktreeConfig(
  commonDir: string,
  moves: readonly { key: string; value: string }[],
): Promise<void> {
  const common = path.join(commonDir, 'config');
  await setConfigValues(
    path.join(commonDir, 'config.worktree'),
    moves.map((m) => [m.key, m.value]),
  );
  await setConfigInFile(commonDir, common, 'extensions.worktreeConfig', 'true');
  for (const { key } of moves)
    await git(['config', '--file', common, '--unset', '--', key], { cwd: commonDir, retryOnLock: true });
}

/** Pins an identity at worktree scope, recording whom for: one locked write of the worktree's config.worktree. */
export async function pinIdentity(
  where: { gitDir: string; commonDir: string },
  identity: Identity,
): Promise<void> {
  await setConfigValues(path.join(where.gitDir, 'config.worktree'), [
    ['user.name', identity.name],
    ['user.email', identity.email],
    [PINNED_FOR_KEY, pinnedForValue(where.gitDir, where.commonDir)],
  ]);
}
