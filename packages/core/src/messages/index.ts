/**
 * Every user-facing sentence core produces, in one place: this folder, one file per concern. The CLI has
 * its own folder for what it renders.
 */

import { agentsText } from './agentsText';
import { bootstrapText } from './bootstrapText';
import { configuration } from './configuration';
import { findings } from './findings';
import { hooksText } from './hooksText';
import { newWorktree } from './newWorktree';
import { parking } from './parking';
import { removal } from './removal';
import { repository } from './repository';
import { rescueText } from './rescueText';
import { rules } from './rules';

export const messages = {
  ...repository,
  ...configuration,
  ...hooksText,
  ...newWorktree,
  ...bootstrapText,
  ...rules,
  ...findings,
  ...parking,
  ...rescueText,
  ...removal,
  ...agentsText,
};

/** Locks and ports: composed apart from `messages`, so that the hooks' bundle, which never uses them, does not carry them. */
export { serialText } from './serialText';
