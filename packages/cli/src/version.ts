/** guard's version: package.json is the one source (shims record it too). */
export const VERSION: string = (require('../package.json') as { version: string }).version;
