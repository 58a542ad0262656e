import { type InstallInput, loadShimTemplates } from '@worktree-guard/core';
import { messages } from './messages';
import { CLI_BIN, HOOK_TEMPLATES_DIR } from './paths';

/** What arming the shims needs from the CLI: their templates, and this CLI's path to record in them. */
export async function installOptions(): Promise<Omit<InstallInput, 'repo'>> {
  return {
    templates: await loadShimTemplates(HOOK_TEMPLATES_DIR),
    cliPath: CLI_BIN,
    messages: messages.hooks,
  };
}
