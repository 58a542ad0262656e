import path from 'node:path';
import { bootstrapExitCode, type NewWorktreeResult, newWorktree, shellQuote } from '@worktree-guard/core';
import { parse } from '../args';
import { loadContext } from '../context';
import { help } from '../help';
import { messages } from '../messages';
import { age, err, out, printJson } from '../render';
import { problemLines } from '../renderBootstrap';

function list(items: string[]): string {
  return items.length ? items.join(', ') : messages.none;
}

export function renderBanner(r: NewWorktreeResult): string {
  const b = r.bootstrap;
  const ok = bootstrapExitCode(b) === 0;
  const L = messages.labels;
  const row = (label: string, value: string) => `  ${out.dim(label.padEnd(9))}${value}`;
  const linked = b.done.flatMap((a) => (a.kind === 'link' ? [a.rel] : []));
  const alreadyLinked = b.satisfied.filter((s) => s.what === 'link').map((s) => s.path);
  const copied = b.done.flatMap((a) => (a.kind === 'copy' || a.kind === 'copy-link' ? [a.rel] : []));
  const memory = b.done.flatMap((a) => (a.kind === 'share-dir' ? [a.target] : []));
  const how =
    r.mode === 'new' && r.base
      ? messages.howNew(r.base.ref, r.base.commit)
      : r.mode === 'tracking'
        ? messages.howTracking(`${r.fetch.remote}/${r.branch}`)
        : messages.howAttached;
  const fetchLine = r.fetch.fetched
    ? messages.fetchedFresh(r.fetch.remote, age(r.fetch.lastFetch))
    : r.fetch.lastFetch
      ? messages.fetchedSkipped(r.fetch.remote, age(r.fetch.lastFetch))
      : messages.fetchedNone;
  const lines = [
    ok ? out.green(`✔ ${messages.ready(r.path)}`) : out.yellow(`! ${messages.notQuiteReady(r.path)}`),
    row(L.branch, messages.bannerBranch(r.branch, how)),
    row(L.fetch, fetchLine),
    row(L.linked, list([...linked, ...alreadyLinked])),
  ];
  if (copied.length) lines.push(row(L.copied, list(copied)));
  if (memory.length) lines.push(row(L.memory, list(memory)));
  lines.push(
    row(
      L.identity,
      r.identity ? messages.identityPinned(r.identity.name, r.identity.email) : messages.identityMissing,
    ),
  );
  for (const [i, rule] of messages.rules.entries()) lines.push(row(i === 0 ? L.rules : '', rule));
  lines.push(...problemLines(b));
  lines.push(row(L.next, messages.next(shellQuote(r.path))));
  return lines.join('\n');
}

export async function runNew(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    'new',
    args,
    { 'no-fetch': { type: 'boolean' }, json: { type: 'boolean' } },
    3,
  );
  const [branch, dir, base] = positionals;
  if (!branch) {
    process.stderr.write(`${messages.missingArg('new', '<branch>')}\n\n${help.new}\n`);
    return 2;
  }
  const ctx = await loadContext();
  const json = Boolean(values.json);
  const result = await newWorktree({
    repo: ctx.repo,
    cwd: ctx.cwd,
    loaded: ctx.loaded,
    branch,
    dir: dir === undefined ? undefined : path.resolve(ctx.cwd, dir),
    base,
    fetch: !values['no-fetch'],
    setupStdio: json ? ['ignore', 2, 2] : 'inherit',
    onEvent: (e) => {
      if (e.type === 'fetch-start') process.stderr.write(`${err.dim(messages.fetching(e.remote))}\n`);
      if (e.type === 'setup-start') process.stderr.write(`${err.dim(messages.setupStart(e.command))}\n`);
    },
  });
  for (const w of result.warnings) process.stderr.write(`${err.yellow(messages.warning(w))}\n`);
  const code = bootstrapExitCode(result.bootstrap);
  if (json) printJson({ ...result, exitCode: code });
  else process.stdout.write(`${renderBanner(result)}\n`);
  return code;
}
