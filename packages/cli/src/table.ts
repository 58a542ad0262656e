/** A plain text table: a bold header, columns padded to their widest cell, the last one left ragged. */
import { out } from './render';

export function table(columns: readonly string[], rows: string[][]): string {
  const widths = columns.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [out.bold(line(columns)), ...rows.map(line)].join('\n');
}
