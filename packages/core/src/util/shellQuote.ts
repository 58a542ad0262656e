/** Quotes a word for pasting into a POSIX shell: fix commands name paths and branches exactly. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
