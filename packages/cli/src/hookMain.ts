/** The entry the shims run (`guard hook …`): the hook command alone, so a hook loads only what it needs. */
import { runHook } from './commands/hook';

export function main(argv: string[]): Promise<number> {
  return runHook(argv.slice(1));
}
