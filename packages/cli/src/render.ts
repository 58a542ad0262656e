/** Colour and small formatting helpers. Colour only on a TTY, never with NO_COLOR. */
import { createColors } from 'picocolors';

export function useColor(stream: NodeJS.WriteStream): boolean {
  return (
    Boolean(stream.isTTY) &&
    !('NO_COLOR' in process.env && process.env.NO_COLOR !== '') &&
    process.env.TERM !== 'dumb'
  );
}

export const out = createColors(useColor(process.stdout));
export const err = createColors(useColor(process.stderr));

export function age(iso: string | null, now = Date.now()): string {
  if (!iso) return 'never';
  const s = Math.max(0, Math.round((now - Date.parse(iso)) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 172_800) return `${Math.round(s / 3600)} h ago`;
  return `${Math.round(s / 86_400)} days ago`;
}

/** Quotes a path for pasting into a POSIX shell. */
export function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export function printJson(doc: unknown): void {
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}
