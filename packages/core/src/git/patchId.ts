/** Parsers for patch-equivalence output: `git cherry` and `git patch-id`. */

/** Parses `git cherry <upstream> <head>`: `+ <oid>` (no equivalent upstream) or `- <oid>` (one there). */
export function parseCherry(text: string): { commit: string; equivalent: boolean }[] {
  const out: { commit: string; equivalent: boolean }[] = [];
  for (const line of text.split('\n')) {
    const m = /^([+-]) ([0-9a-f]+)/.exec(line);
    if (m) out.push({ commit: m[2] as string, equivalent: m[1] === '-' });
  }
  return out;
}

/** Parses `git patch-id`: `<patch-id> <commit-id>` per patch. */
export function parsePatchIds(text: string): { patchId: string; commit: string }[] {
  const out: { patchId: string; commit: string }[] = [];
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]+) ([0-9a-f]+)$/.exec(line);
    if (m) out.push({ patchId: m[1] as string, commit: m[2] as string });
  }
  return out;
}
