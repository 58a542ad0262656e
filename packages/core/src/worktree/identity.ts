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

export interface PinState {
  /** Worktree-scoped identity, when both parts are set. */
  pinned: Identity | null;
  /** The git dir the pin was recorded for, if guard made it. */
  pinnedFor: string | null;
}

export function pinStateOf(view: ConfigView): PinState {
  const name = view.get('user.name', 'worktree');
  const email = view.get('user.email', 'worktree');
  return { pinned: name && email ? { name, email } : null, pinnedFor: view.get(PINNED_FOR_KEY, 'worktree') };
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
  for (const { key, value } of moves)
    await setConfigInFile(commonDir, path.join(commonDir, 'config.worktree'), key, value);
  await setConfigInFile(commonDir, common, 'extensions.worktreeConfig', 'true');
  for (const { key } of moves)
    await git(['config', '--file', common, '--unset', '--', key], { cwd: commonDir, retryOnLock: true });
}

export async function pinIdentity(worktreePath: string, gitDir: string, identity: Identity): Promise<void> {
  const file = path.join(gitDir, 'config.worktree');
  await setConfigInFile(worktreePath, file, 'user.name', identity.name);
  await setConfigInFile(worktreePath, file, 'user.email', identity.email);
  await setConfigInFile(worktreePath, file, PINNED_FOR_KEY, gitDir);
}
