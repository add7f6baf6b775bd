#!/usr/bin/env node
// Entry point of the `hashtwin` command; the code lives in dist/ (built by `npm run build`).
import { existsSync } from 'node:fs';

const mainUrl = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(mainUrl)) {
  console.error('hashtwin: not built yet — run `npm run build` (or `npm ci`, which builds) first');
  process.exit(1);
}
const { main } = await import(mainUrl.href);
process.exitCode = await main(process.argv.slice(2));
