/**
 * The verdict on a shell command an agent is about to run, or a file it is about to edit. Repository
 * facts are read only for the git commands in it, once per directory they run in: the worktrees (two
 * git calls), and only when a rule needs them the configuration, the stash override and the sessions.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadRepoConfig } from '../config/load';
import type { LoadedConfig, StashMode } from '../config/types';
import { isInside } from '../fs/paths';
import { openRepo, type Repo } from '../git/repo';
import { runGit } from '../git/run';
import { workingTrees } from '../git/worktreeList';
import { decide } from '../hooks/stashVerdict';
import { bypassDenials, type Denial, identityWrite, uniqueDenials } from './commandRules';
import { branchTarget, gitWrites, stashAction } from './gitArgs';
import { type GitInvocation, gitInvocation } from './gitInvocation';
import { type SerialRewrite, serialRewrite } from './serialCommands';
import { liveSessions, ownerBefore, refreshBlockMarker } from './sessions';
import { type ParsedLine, parseShellLine } from './shellCommands';

export interface CommandVerdict {
  /** false: the line could not be parsed, and is let through (git's own hooks still apply). */
  parsed: boolean;
  /** Empty: allowed. */
  denials: Denial[];
  /** Allowed, but to be run as this instead (config `serial.commands`). */
  rewrite?: SerialRewrite | null;
}

/** What one directory's repository says, read on first need. */
class Place {
  private loaded?: Promise<LoadedConfig>;
  constructor(readonly repo: Repo) {}
  config(): Promise<LoadedConfig> {
    this.loaded ??= loadRepoConfig(this.repo);
    return this.loaded;
  }
  get worktrees(): number {
    return workingTrees(this.repo.worktrees).length;
  }
}

/** Places already opened for one verdict, by directory: a line's git commands and its serial check share them. */
type Places = Map<string, Promise<Place | null>>;

function placeOnce(places: Places, dir: string): Promise<Place | null> {
  const known = places.get(dir);
  if (known) return known;
  const place = placeAt(dir);
  places.set(dir, place);
  return place;
}

async function placeAt(dir: string): Promise<Place | null> {
  if (!existsSync(dir)) return null;
  return openRepo(dir).then(
    (repo) => new Place(repo),
    () => null, // not a repository: nothing of guard's applies there
  );
}

function isMode(v: string): v is StashMode {
  return v === 'block' || v === 'warn' || v === 'allow';
}

/** `worktreeguard.stash` as git's configuration sets it in `dir` ('' when unset or not a repository). */
function stashOverride(dir: string): Promise<string> {
  return runGit(['config', '--get', 'worktreeguard.stash'], { cwd: dir, ok: [0, 1, 128] }).then(
    (r) => r.stdout.trim(),
    () => '',
  );
}

/** The stash rule in force: `worktreeguard.stash` set in git's configuration wins over the file's `stash`. */
async function stashMode(place: Place, override: Promise<string>): Promise<StashMode> {
  const value = await override;
  return isMode(value) ? value : (await place.config()).config.stash;
}

/** Another worktree that has this branch checked out (for `worktree add`: any worktree). */
function holderOf(repo: Repo, branch: string, how: string): string | null {
  const here = how === 'worktree add' ? null : repo.current?.path;
  const w = repo.worktrees.find((x) => !x.bare && x.branch === branch && x.path !== here);
  return w?.path ?? null;
}

/** `agents.sessions: block`: a live session that came first owns the worktree; others may not write. */
async function sessionDenial(place: Place, session: string | null): Promise<Denial[]> {
  const worktree = place.repo.current;
  if (!worktree) return [];
  const owner = ownerBefore(await liveSessions(place.repo.gitDir), session);
  if (owner && (await place.config()).config.agents.sessions === 'block')
    return [{ rule: 'session', worktree: worktree.path, owner, mode: 'block' }];
  await refreshBlockMarker(place.repo);
  return [];
}

export interface JudgeOptions {
  /**
   * Whether a worktree may have two live sessions under `agents.sessions: block` (guard's script knows
   * from the marker it checks anyway); when false, a plain git write needs no repository facts at all.
   */
  blocking?: boolean;
  /**
   * How to start guard (`[node, cli]`), when the line may match a `serial.commands` pattern (guard's
   * script saw one of their first words): then a matching line is rewritten to run under the lock.
   */
  serialRunner?: readonly string[];
}

/** The line run under the locks `serial.commands` names for it, or null. */
async function rewriteAt(line: ParsedLine, command: string, place: Place | null, runner: readonly string[]) {
  const commands = place && (await place.config()).config.serial.commands;
  return commands && Object.keys(commands).length ? serialRewrite(line, command, commands, runner) : null;
}

async function denialsAt(
  places: Places,
  dir: string,
  invs: GitInvocation[],
  session: string | null,
  opts: JudgeOptions,
) {
  const blocking = opts.blocking !== false && invs.some(gitWrites);
  if (!blocking && !invs.some((i) => stashAction(i) || identityWrite(i) || branchTarget(i))) return [];
  // read side by side with the worktrees, when a stash may need it
  const override = invs.some(stashAction) && existsSync(dir) ? stashOverride(dir) : Promise.resolve('');
  const place = await placeOnce(places, dir);
  if (!place) return [];
  const out: Denial[] = [];
  const several = place.worktrees > 1;
  for (const inv of invs) {
    const action = stashAction(inv);
    if (action && several) {
      const mode = await stashMode(place, override);
      const kind = action === 'store' ? 'unknown' : 'push';
      if (mode === 'block' || decide(kind, place.worktrees, mode) === 'refuse')
        out.push({ rule: 'stash', action, worktrees: place.worktrees });
    }
    const identity = several ? identityWrite(inv) : null;
    if (identity) out.push(identity);
    const target = branchTarget(inv);
    const holder = target && holderOf(place.repo, target.branch, target.how);
    if (target && holder) out.push({ rule: 'branch-elsewhere', ...target, worktree: holder });
  }
  if (blocking) out.push(...(await sessionDenial(place, session)));
  return out;
}

/** The verdict on `command`, run from `cwd` by the session `session`. */
export async function judgeCommand(
  command: string,
  cwd: string,
  session: string | null,
  opts: JudgeOptions = {},
): Promise<CommandVerdict> {
  const line = parseShellLine(command, cwd);
  if (!line) return { parsed: false, denials: [] };
  const invs = line.commands.map(gitInvocation).filter((i): i is GitInvocation => i !== null);
  const denials = bypassDenials(line, invs);
  const byDir = new Map<string, GitInvocation[]>();
  for (const inv of invs) {
    const dir = inv.dir ?? path.resolve(cwd);
    byDir.set(dir, [...(byDir.get(dir) ?? []), inv]);
  }
  const places: Places = new Map();
  for (const [dir, list] of byDir) denials.push(...(await denialsAt(places, dir, list, session, opts)));
  const verdict: CommandVerdict = { parsed: true, denials: uniqueDenials(denials) };
  if (!verdict.denials.length && opts.serialRunner)
    verdict.rewrite = await rewriteAt(
      line,
      command,
      await placeOnce(places, path.resolve(cwd)),
      opts.serialRunner,
    );
  return verdict;
}

/** The nearest directory that exists, from `file` up. */
function existingDir(file: string): string {
  let dir = path.dirname(path.resolve(file));
  while (!existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** The verdict on editing `file` (only `agents.sessions: block` denies an edit). */
export async function judgeEdit(file: string, session: string | null): Promise<CommandVerdict> {
  const place = await placeAt(existingDir(file));
  const top = place?.repo.current?.path;
  if (!place || !top || !isInside(path.resolve(file), top)) return { parsed: true, denials: [] };
  return { parsed: true, denials: await sessionDenial(place, session) };
}
