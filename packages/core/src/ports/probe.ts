/**
 * Is a port free on this machine? get-port tries to listen on it on every local address (the default
 * host, 0.0.0.0 and each interface's), so a port any process listens on, anywhere here, is taken.
 */

/** The first of `candidates` (in order) that is not excluded and free here; null when none is. */
export async function firstFreePort(
  candidates: Iterable<number>,
  exclude: ReadonlySet<number>,
): Promise<number | null> {
  const { default: getPort } = await import('get-port');
  const list = [...candidates];
  const allowed = new Set(list);
  // get-port falls back to a random port when none of the list is free: that one is not ours to lease
  const port = await getPort({ port: list, exclude: [...exclude] });
  return allowed.has(port) && !exclude.has(port) ? port : null;
}
