#!/usr/bin/env node
// The guard binary. Written for any Node, so that an old one is told so in one line instead of failing
// on syntax; a half-installed package says what is missing instead of printing a stack trace.

var path = require('node:path');
var major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  process.stderr.write(
    `guard: Node.js ${process.version} is too old: worktree-guard needs Node.js 20 or newer\n`,
  );
  process.exit(2);
}
var bundles = { hook: 'hook.js', 'agent-hook': 'agent.js' };
var entry = path.join(__dirname, '..', 'dist', bundles[process.argv[2]] || 'guard.js');
var cli;
try {
  cli = require(entry);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).indexOf(entry) !== -1) {
    process.stderr.write(
      'guard: worktree-guard is not installed completely: ' +
        entry +
        ' is missing — reinstall it ' +
        '(npm i -g worktree-guard, or npm install where it is a dependency)\n',
    );
    process.exit(2);
  }
  throw error;
}
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
