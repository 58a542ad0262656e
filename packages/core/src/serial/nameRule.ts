/** The lock and port name rule without its sentences (configuration validation needs only yes or no). */
export const NAME_MAX = 64;

/** Letters, digits, `.`, `_`, `-`; at most NAME_MAX; no leading `-`/`.`; a valid git ref component. */
export function validName(name: string): boolean {
  return (
    /^[A-Za-z0-9_][A-Za-z0-9._-]*$/.test(name) &&
    name.length <= NAME_MAX &&
    !name.includes('..') &&
    !name.endsWith('.') &&
    !name.endsWith('.lock')
  );
}
