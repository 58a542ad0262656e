/** `guard doctor` as the e2e tests run it: its JSON document, and a finding's fix pasted through sh. */
import type { Finding } from '@worktree-guard/core';
import { guard, pathWithGuard, sh } from './repo';

export function doctor(
  cwd: string,
  ...args: string[]
): { code: number; findings: Finding[]; doc: Record<string, unknown> } {
  const r = guard(cwd, ['doctor', '--json', ...args]);
  if (r.code === 2) throw new Error(r.stderr);
  const doc = JSON.parse(r.stdout);
  return { code: r.code, findings: doc.findings, doc };
}

export const ids = (findings: Finding[]) => findings.map((f) => `${f.id} ${f.worktree}`);

const GUARD_PATH = { PATH: pathWithGuard() };

/** Runs the finding's own fix command, as a person would paste it, and expects it to work. */
export function paste(cwd: string, f: Finding | undefined): void {
  expect(f?.fix).toBeTruthy();
  const r = sh(cwd, f?.fix as string, GUARD_PATH);
  if (r.code !== 0) throw new Error(`${f?.fix} failed: ${r.stderr}`);
}
