/** Colour and small formatting helpers. Colour only on a TTY, never with NO_COLOR. */
import { now as clockNow, formatAge } from '@worktree-guard/core';
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

export function age(iso: string | null, now = clockNow()): string {
  if (!iso) return 'never';
  const text = formatAge(now - Date.parse(iso));
  return text === 'just now' ? text : `${text} ago`;
}

export function printJson(doc: unknown): void {
  process.stdout.write(`${JSON.stringify(doc, null, 2)}\n`);
}
