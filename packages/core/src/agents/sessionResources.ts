/**
 * What a coding-agent session gets of the shared resources: its worktree's port leases (config
 * `ports.session` leased at its start, and any it already holds), and — for guard's agent script — the
 * words that tell it a shell command may match a `serial.commands` pattern and must reach guard.
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GuardConfig } from '../config/types';
import type { Repo } from '../git/repo';
import { leasePorts, leaseWorktree, readRegistry } from '../ports/leases';
import type { PortLease } from '../ports/registry';

/** Beside the agent script in the common git dir: one word per line, read by the script in sh. */
export const SERIAL_WORDS = 'worktree-guard/agent-serial-words';

/** The literal text a pattern starts with, up to its first wildcard (all of it when it has none). */
export function patternWord(pattern: string): string {
  const literal = pattern.trim().split(/[*?]/)[0] ?? '';
  return literal.trim().split(/\s+/)[0] ?? '';
}

/**
 * Writes (or removes) the serial words file, guard's own. A pattern that starts with a wildcard gives an
 * empty word, which the script reads as "every command".
 */
export function syncSerialWords(commonDir: string, config: GuardConfig): void {
  const file = path.join(commonDir, SERIAL_WORDS);
  const words = [...new Set(Object.values(config.serial.commands).flat().map(patternWord))];
  if (!words.length) rmSync(file, { force: true });
  else writeFileSync(file, `${words.join('\n')}\n`);
}

/** `guard uninstall --agents`: the script is gone, and so is what only it read. */
export function clearSerialWords(commonDir: string): void {
  rmSync(path.join(commonDir, SERIAL_WORDS), { force: true });
}

/** The worktree's leases for the session: `ports.session` leased (probed free when new), and the rest it holds. */
export async function sessionPorts(repo: Repo, config: GuardConfig): Promise<PortLease[]> {
  const leased: PortLease[] = config.ports.session.length
    ? await leasePorts(repo, config.ports.session, config.ports.range)
    : [];
  const worktree = leaseWorktree(repo);
  const held = (await readRegistry(repo.commonDir)).leases.filter(
    (l) => l.worktree === worktree && !leased.some((x) => x.name === l.name),
  );
  return [...leased, ...held].map(({ name, worktree: w, port, since }) => ({
    name,
    worktree: w,
    port,
    since,
  }));
}
