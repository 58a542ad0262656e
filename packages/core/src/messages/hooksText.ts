/** Core's sentences: hooks. */
export const hooksText = {
  globalHooksPath: (scope: string, file: string, dir: string, doing: string) =>
    `core.hooksPath is set in the ${scope} git configuration (${file}) to ${dir}: that directory serves every repository on this machine, so arming it would turn guard on for all of them. Nothing was changed. To ${doing} there all the same: guard ${doing} --global`,
};
