/** Small helpers for writing sentences. */
export const list = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');

/** A parser's message in one line: no code frame, no "JSON Error in <file>:" header (the file is named already). */
export function oneLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim());
  const meant = lines.filter((l) => l && !/^(>|\||\d+ *\|)/.test(l) && !/^(JSON|YAML) Error in /.test(l));
  return (meant[0] ?? lines.find(Boolean) ?? text).replace(/\s+/g, ' ').slice(0, 200);
}
