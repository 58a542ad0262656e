/**
 * What a waiting run shows on stderr: on a terminal, one live line (a spinner and the time waited,
 * redrawn in place); otherwise a plain line each time there is news, and every minute meanwhile.
 */
import { err } from './render';

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
const PLAIN_EVERY_MS = 60_000;

/** A length of time to the second, for counters: "4s", "2m 05s", "1h 02m". */
export function elapsed(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor(s / 60) % 60).padStart(2, '0')}m`;
}

export interface WaitLine {
  /** The current state: `render(waited)` draws it; `key` changes when there is news (a plain line then). */
  show(key: string, render: (waitedMs: number) => string): void;
  /** A line of its own (a takeover, a warning), above the live line. */
  say(line: string): void;
  /** Stops drawing and clears the live line. */
  done(): void;
  /** How long it has waited so far. */
  waited(): number;
}

export function waitLine(stream: NodeJS.WriteStream = process.stderr): WaitLine {
  const started = Date.now();
  const live = Boolean(stream.isTTY) && process.env.TERM !== 'dumb';
  let render: ((ms: number) => string) | null = null;
  let key = '';
  let shownAt = 0;
  let frame = 0;
  let timer: NodeJS.Timeout | null = null;
  const clear = () => live && render && stream.write('\r\u001b[2K');
  const draw = () => {
    if (!render) return;
    const width = Math.max(20, (stream.columns ?? 100) - 1);
    const text = `${FRAMES[frame++ % FRAMES.length]} ${render(Date.now() - started)}`;
    stream.write(`\r\u001b[2K${err.dim(text.length > width ? `${text.slice(0, width - 1)}…` : text)}`);
  };
  return {
    show(k, r) {
      render = r;
      if (live) {
        if (!timer) {
          timer = setInterval(draw, 100);
          draw();
        }
        return;
      }
      if (k !== key || Date.now() - shownAt >= PLAIN_EVERY_MS) {
        key = k;
        shownAt = Date.now();
        stream.write(`${r(Date.now() - started)}\n`);
      }
    },
    say(line) {
      clear();
      stream.write(`${line}\n`);
      if (live && timer) draw();
    },
    done() {
      if (timer) clearInterval(timer);
      timer = null;
      clear();
      render = null;
    },
    waited: () => Date.now() - started,
  };
}
