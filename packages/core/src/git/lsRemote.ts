/** What a remote has now: `git ls-remote --heads` (one network call). */
import { runGit } from './run';

/** Parses `git ls-remote`: `<oid> TAB <ref>` per line. */
export function parseLsRemote(text: string): Map<string, string> {
  const refs = new Map<string, string>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) refs.set(line.slice(tab + 1), line.slice(0, tab));
  }
  return refs;
}

/** The remote's branches (`refs/heads/…` → oid), or null when it cannot be reached. */
export async function remoteHeads(cwd: string, remote: string): Promise<Map<string, string> | null> {
  const r = await runGit(['ls-remote', '--heads', '--', remote], { cwd, ok: [0, 1, 2, 128] });
  return r.exitCode === 0 ? parseLsRemote(r.stdout) : null;
}
