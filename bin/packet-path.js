#!/usr/bin/env node
// Runs the compiled CLI (npm install / npm ci build dist/ through the `prepare` script).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'dist', 'src', 'cli.js');
if (!existsSync(cli)) {
  process.stderr.write('packet-path: not built yet; run `npm install` (or `npm run build`) in the package folder\n');
  process.exit(2);
}
require(cli)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`packet-path: ${e && e.message ? e.message : e}\n`);
      process.exitCode = 2;
    },
  );
