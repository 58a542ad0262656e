/**
 * The `guard` entry point: picks the command, turns errors into exit codes (0 ok · 1 refused or broken ·
 * 2 usage or configuration). Commands are loaded on demand, so each pays only for what it uses.
 */
import { help, messages, VERSION } from './messages';

type Command = (args: string[]) => Promise<number>;

const commands: Record<string, { help: string; load: () => Command }> = {
  new: { help: help.new, load: () => (require('./commands/new') as typeof import('./commands/new')).runNew },
  bootstrap: {
    help: help.bootstrap,
    load: () => (require('./commands/bootstrap') as typeof import('./commands/bootstrap')).runBootstrap,
  },
  doctor: {
    help: help.doctor,
    load: () => (require('./commands/doctor') as typeof import('./commands/doctor')).runDoctor,
  },
  list: {
    help: help.list,
    load: () => (require('./commands/list') as typeof import('./commands/list')).runList,
  },
  park: {
    help: help.park,
    load: () => (require('./commands/park') as typeof import('./commands/park')).runPark,
  },
  unpark: {
    help: help.unpark,
    load: () => (require('./commands/park') as typeof import('./commands/park')).runUnpark,
  },
  rescue: {
    help: help.rescue,
    load: () => (require('./commands/rescue') as typeof import('./commands/rescue')).runRescue,
  },
  install: {
    help: help.install,
    load: () => (require('./commands/install') as typeof import('./commands/install')).runInstall,
  },
  uninstall: {
    help: help.uninstall,
    load: () => (require('./commands/install') as typeof import('./commands/install')).runUninstall,
  },
  hook: {
    help: help.hook,
    load: () => (require('./commands/hook') as typeof import('./commands/hook')).runHook,
  },
  demo: {
    help: help.demo,
    load: () => (require('./commands/demo') as typeof import('./commands/demo')).runDemo,
  },
};

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
  if (rest.includes('--help') || rest.includes('-h')) {
    const dashdash = rest.indexOf('--');
    const helpAt = Math.max(rest.indexOf('--help'), rest.indexOf('-h'));
    if (dashdash === -1 || helpAt < dashdash) {
      process.stdout.write(`${command.help}\n`);
      return 0;
    }
  }
  try {
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
