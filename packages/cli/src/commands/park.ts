/** `guard park [-m msg]` and `guard unpark`: WIP as a commit on this branch instead of the shared stash. */
import { coreMessages, openRepo, park, UsageError, unpark } from '@worktree-guard/core';
import { parse } from '../args';
import { messages } from '../messages';
import { out, printJson } from '../render';

async function here() {
  const repo = await openRepo(process.cwd());
  if (!repo.topLevel) throw new UsageError('bare', coreMessages.bareHere());
  return { worktree: repo.topLevel, gitDir: repo.gitDir };
}

export async function runPark(args: string[]): Promise<number> {
  const { values } = parse(
    'park',
    args,
    { message: { type: 'string', short: 'm' }, json: { type: 'boolean' } },
    0,
  );
  const r = await park(await here(), values.message as string | undefined);
  if (values.json) printJson(r);
  else if (!r.parked) process.stdout.write(`${messages.park.nothing}\n`);
  else
    process.stdout.write(
      `${out.green(messages.park.parked((r.commit as string).slice(0, 10), r.branch, r.files))}\n${out.dim(messages.park.back)}\n`,
    );
  return 0;
}

export async function runUnpark(args: string[]): Promise<number> {
  const { values } = parse('unpark', args, { json: { type: 'boolean' } }, 0);
  const r = await unpark(await here());
  if (values.json) printJson(r);
  else process.stdout.write(`${out.green(messages.park.unparked(r.commit.slice(0, 10), r.branch))}\n`);
  return 0;
}
