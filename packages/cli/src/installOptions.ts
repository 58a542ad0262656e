import { type InstallOptions, loadShimTemplates } from '@worktree-guard/core';
import { messages } from './messages';
import { CLI_BIN, HOOK_TEMPLATES_DIR } from './paths';
import { VERSION } from './version';

/** What arming the shims needs from the CLI: the templates, and what they record — version, Node, CLI. */
export async function installOptions(allowGlobal = false): Promise<InstallOptions> {
  return {
    templates: await loadShimTemplates(HOOK_TEMPLATES_DIR),
    vars: { version: VERSION, node: process.execPath, cli: CLI_BIN, messages: messages.shim },
    allowGlobal,
  };
}
