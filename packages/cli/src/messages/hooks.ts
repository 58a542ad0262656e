/** guard install / uninstall: the plan, line by line. */
export const hooks = {
  installHeader: (n: number, dry: boolean) =>
    `guard install${dry ? ' (dry run: nothing changed)' : ''}: ${n} hooks director${n === 1 ? 'y' : 'ies'}`,
  uninstallHeader: (dry: boolean) => `guard uninstall${dry ? ' (dry run: nothing changed)' : ''}`,
  createDir: (dir: string) => `create ${dir} (core.hooksPath points there)`,
  seedDir: (dir: string, from: string) =>
    `create ${dir} as a copy of ${from} (it was missing, so git ran no hook in that worktree)`,
  write: (file: string) => `write ${file}`,
  update: (file: string) => `update ${file}`,
  chain: (file: string, chained: string) =>
    `write ${file}; the hook that was there keeps running as ${chained}`,
  remove: (file: string) => `remove ${file}`,
  unchain: (chained: string, file: string) => `restore ${file} from ${chained}`,
  restoreMoved: (chained: string, file: string) =>
    `restore ${file} from ${chained} (where the hook manager that moved guard's shim aside keeps the hook it replaced)`,
  relativeNote: (value: string, scope: string, worktree: string) =>
    `core.hooksPath=${value} (${scope} scope) is relative: ${worktree} uses its own copy`,
  chainedDiffers: (file: string, chained: string) =>
    `${file} is not guard's, and ${chained} already holds a different hook: compare them, keep one, then run guard install again`,
  notAFile: (file: string) => `${file} is not a regular file guard can chain: left as it is`,
  huskyTip:
    'husky rewrites .husky/_ on every install: run "guard install" after it, e.g. "prepare": "husky && guard install"',
};
