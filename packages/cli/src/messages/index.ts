/**
 * Every sentence the CLI prints, in one place: this folder, one file per concern. Core's sentences live in
 * core's messages.ts; the --help texts in help.ts.
 */
import { agents } from './agents';
import { bootstrap } from './bootstrap';
import { common } from './common';
import { demo } from './demo';
import { doctor } from './doctor';
import { hook } from './hook';
import { hooks } from './hooks';
import { list } from './list';
import { newBanner } from './newBanner';
import { park } from './park';
import { remove } from './remove';
import { rescue } from './rescue';
import { shim } from './shim';

export const messages = {
  ...common,
  ...bootstrap,
  ...newBanner,
  hooks,
  doctor,
  list,
  park,
  rescue,
  hook,
  shim,
  demo,
  remove,
  agents,
};

/** run, locks, port: composed apart from `messages`, so that the hooks' bundle, which never uses them, does not carry them. */
export { serial } from './serial';
