#!/usr/bin/env node
// Entry point for `npx cairn`: runs the compiled CLI (built by `npm ci` through `prepare`).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write('cairn: the CLI is not built; run `npm ci` (or `npm run build`) first\n');
  process.exit(1);
}
await import(main.href);
