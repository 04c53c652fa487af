#!/usr/bin/env node
// Runs `vuoro signal`, or the summary CLI, building dist/cli/vuoro.mjs first when it is missing or out of date
// (Node cannot run the TypeScript sources directly).
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');

// `vuoro signal`: live sharing's signalling server, plain JavaScript that needs no build.
if (process.argv[2] === 'signal') {
  const { runSignal } = await import(pathToFileURL(join(import.meta.dirname, 'signal.mjs')).href);
  process.exit(await runSignal(process.argv.slice(3)));
}
const bundle = join(root, 'dist', 'cli', 'vuoro.mjs');
const buildScript = join(root, 'scripts', 'build-cli.mjs');

if (existsSync(buildScript)) {
  const { cliIsStale, buildCli } = await import(pathToFileURL(buildScript).href);
  if (await cliIsStale()) {
    try {
      await buildCli({ quiet: true });
    } catch (error) {
      process.stderr.write(`vuoro: could not build the CLI (${error instanceof Error ? error.message : error}). Run npm install first.\n`);
      process.exit(1);
    }
  }
}

const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
