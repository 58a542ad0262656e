/**
 * The `guard` entry point: picks the command, turns errors into exit codes (0 ok · 1 refused or broken ·
 * 2 usage or configuration). Commands are loaded on demand, so each pays only for what it uses.
 */
import { assertSupportedGit } from '@worktree-guard/core';
import { help } from './help';
import { messages } from './messages';
import { VERSION } from './version';

type Command = (args: string[]) => Promise<number>;

/* biome-ignore format: one command a line reads best */
const commands: Record<string, { help: string; load: () => Command }> = {
  new: { help: help.new, load: () => require('./commands/new').runNew },
  bootstrap: { help: help.bootstrap, load: () => require('./commands/bootstrap').runBootstrap },
  doctor: { help: help.doctor, load: () => require('./commands/doctor').runDoctor },
  list: { help: help.list, load: () => require('./commands/list').runList },
  park: { help: help.park, load: () => require('./commands/park').runPark },
  unpark: { help: help.unpark, load: () => require('./commands/park').runUnpark },
  rescue: { help: help.rescue, load: () => require('./commands/rescue').runRescue },
  remove: { help: help.remove, load: () => require('./commands/remove').runRemove },
  sweep: { help: help.sweep, load: () => require('./commands/sweep').runSweep },
  install: { help: help.install, load: () => require('./commands/install').runInstall },
  uninstall: { help: help.uninstall, load: () => require('./commands/install').runUninstall },
  hook: { help: help.hook, load: () => require('./commands/hook').runHook },
  'agent-hook': { help: help.agentHook, load: () => require('./commands/agentHook').runAgentHook },
  demo: { help: help.demo, load: () => require('./commands/demo').runDemo },
  run: { help: help.run, load: () => require('./commands/run').runRun },
  locks: { help: help.locks, load: () => require('./commands/locks').runLocks },
  port: { help: help.port, load: () => require('./commands/port').runPort },
};

/** `--help` anywhere before a `--` asks for the command's help. */
function wantsHelp(rest: string[]): boolean {
  const end = rest.includes('--') ? rest.indexOf('--') : rest.length;
  return rest.slice(0, end).some((a) => a === '--help' || a === '-h');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(`${help.main}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`${messages.errorPrefix}${messages.unknownCommand(name)}\n`);
    return 2;
  }
  if (wantsHelp(rest)) {
    process.stdout.write(`${command.help}\n`);
    return 0;
  }
  try {
    // the hooks check what they need themselves, on the hot path; every other command first checks git
    if (name !== 'hook' && name !== 'agent-hook') await assertSupportedGit(process.cwd());
    return await command.load()(rest);
  } catch (error) {
    return reportError(error);
  }
}

function reportError(error: unknown): number {
  const e = error as { exitCode?: unknown; message?: string; stack?: string };
  if (e && (e.exitCode === 1 || e.exitCode === 2)) {
    process.stderr.write(`${messages.errorPrefix}${e.message}\n`);
    return e.exitCode;
  }
  process.stderr.write(`${messages.errorPrefix}${messages.internalError(e?.message ?? String(error))}\n`);
  if (process.env.GUARD_DEBUG) process.stderr.write(`${e?.stack ?? ''}\n`);
  return 1;
}
