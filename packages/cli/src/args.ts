/** Argument parsing with node:util's parseArgs (no dependency to load on the hook path). */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '@worktree-guard/core';
import { messages } from './messages';

type Options = NonNullable<ParseArgsConfig['options']>;

export interface Parsed {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parse(command: string, args: string[], options: Options, maxPositionals: number): Parsed {
  let parsed: Parsed;
  try {
    const r = parseArgs({
      args,
      options: { help: { type: 'boolean', short: 'h' }, ...options },
      allowPositionals: true,
      strict: true,
    });
    parsed = { values: r.values as Parsed['values'], positionals: r.positionals };
  } catch (error) {
    throw new UsageError('usage', messages.badArgs(command, (error as Error).message));
  }
  if (parsed.positionals.length > maxPositionals) {
    throw new UsageError('usage', messages.tooManyArgs(command, parsed.positionals.slice(maxPositionals)));
  }
  return parsed;
}
