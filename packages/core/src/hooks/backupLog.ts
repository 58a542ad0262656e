/**
 * Every stash entry guard lets through as a program's backup is written down (time, commit, worktree,
 * command) in `<common dir>/worktree-guard/stash-backups.log`. The stash is one stack for all worktrees:
 * a tool that finds its entry again by position can drop another worktree's by mistake, and then the
 * commit is only an unreachable object — the log names it, so it can be stored again until git prunes it.
 */
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const BACKUP_LOG = path.join('worktree-guard', 'stash-backups.log');
const KEEP = 1000;

export interface BackupRecord {
  oid: string;
  worktree: string;
  /** The command that stored it, as the process table shows it. */
  by: string;
  at?: Date;
}

export async function recordBackup(commonDir: string, r: BackupRecord): Promise<string> {
  const file = path.join(commonDir, BACKUP_LOG);
  await mkdir(path.dirname(file), { recursive: true });
  const line = [(r.at ?? new Date()).toISOString(), r.oid, r.worktree, r.by.replace(/[\t\n]/g, ' ')].join(
    '\t',
  );
  await appendFile(file, `${line}\n`);
  const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
  if (lines.length > KEEP) await writeFile(file, `${lines.slice(-KEEP).join('\n')}\n`);
  return file;
}
