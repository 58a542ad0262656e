/**
 * Writes several values into one git config file (a worktree's `config.worktree`) in a single write,
 * under git's own lock discipline: `<file>.lock` created exclusively, the new text written there, then
 * renamed over the file — so a concurrent `git config` waits or fails as it would against git, and no
 * reader ever sees a torn file. Only `section.name` keys (no subsections): the ones guard writes.
 */
import { chmod, open, readFile, rename, rm, stat } from 'node:fs/promises';

const LOCK_TRIES = 100;

function parseKey(key: string): { section: string; name: string } {
  const dot = key.indexOf('.');
  if (dot <= 0 || key.indexOf('.', dot + 1) !== -1) throw new Error(`not a section.name key: ${key}`);
  return { section: key.slice(0, dot).toLowerCase(), name: key.slice(dot + 1) };
}

/** A value as git config reads it back: quoted when it has to be, with git's escapes. */
export function configValue(value: string): string {
  if (value.includes('\0')) throw new Error('a config value cannot hold NUL');
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t');
  // outside quotes git folds whitespace and reads # ; \ " as syntax: anything but plain words is quoted
  return /^[\w@.+:,/=-]+$/.test(value) ? value : `"${escaped}"`;
}

const SECTION = /^\s*\[\s*([A-Za-z0-9.-]+)\s*(?:"(?:[^"\\]|\\.)*"\s*)?\]/;

/** The text with every `key` line of an un-subsectioned `[section]` removed, and `key = value` set. */
export function setInConfigText(text: string, entries: readonly [string, string][]): string {
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
  for (const [key, value] of entries) {
    const { section, name } = parseKey(key);
    const nameRe = new RegExp(`^\\s*${name.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')}\\s*(=|$)`, 'i');
    let inSection = false;
    let sectionEnd = -1; // the line after the last matching section's last line
    for (let i = 0; i < lines.length; i++) {
      const header = SECTION.exec(lines[i] as string);
      if (header) {
        inSection = (header[1] ?? '').toLowerCase() === section && !/"/.test(header[0]);
        if (inSection) sectionEnd = i + 1;
        continue;
      }
      if (inSection) sectionEnd = i + 1;
      if (!inSection || !nameRe.test(lines[i] as string)) continue;
      // remove the entry and any lines it continues onto (a value ending in an odd run of backslashes)
      let end = i;
      while (/(^|[^\\])(\\\\)*\\$/.test(lines[end] as string) && end + 1 < lines.length) end++;
      lines.splice(i, end - i + 1);
      sectionEnd = i;
      i--;
    }
    const line = `\t${name} = ${configValue(value)}`;
    if (sectionEnd === -1) lines.push(`[${section}]`, line);
    else lines.splice(sectionEnd, 0, line);
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
}

export async function setConfigValues(file: string, entries: readonly [string, string][]): Promise<void> {
  if (!entries.length) return;
  const lock = `${file}.lock`;
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  for (let attempt = 0; !handle; attempt++) {
    try {
      handle = await open(lock, 'wx', 0o644);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= LOCK_TRIES) throw error;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 30));
    }
  }
  try {
    const text = await readFile(file, 'utf8').catch(() => '');
    await handle.writeFile(setInConfigText(text, entries));
    await handle.sync();
    await handle.close();
    await chmod(
      lock,
      await stat(file).then(
        (s) => s.mode & 0o777,
        () => 0o644,
      ),
    );
    await rename(lock, file);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(lock, { force: true });
    throw error;
  }
}
