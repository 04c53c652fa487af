#!/usr/bin/env node
// The e2e suite (`npm run test:e2e`): the Chromium and the Firefox ESR project side by side, each in
// its own vitest process with its own fixture server, each running its files one at a time. Side by
// side, the two keep both cores busy (one browser alone keeps the machine 55–80 % busy; README,
// Tests, has the measurements and the lane times of the latest runs). Own servers, because several
// files read the fixture proxy's request log (the privacy tests) and one browser's requests must
// not show up in the other's.
//
// Usage: npm run test:e2e [-- <vitest args>]
//   -- --project chromium   one browser only (one vitest process, its output as is)
//   VUORO_E2E_SERIAL=1      one project after the other, as before (a loaded machine)
// Each process's whole output is kept in test-results/e2e-<browser>.log; lines are shown as they
// come, and each process's closing summary (failures first) after both have finished.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const vitest = join(root, 'node_modules/.bin/vitest');
const base = ['run', '--config', 'test/e2e/vitest.config.ts'];

if (args.some((a) => a === '--project' || a.startsWith('--project=')) || process.env.VUORO_E2E_SERIAL === '1') {
  const run = spawnSync(vitest, [...base, ...args], { cwd: root, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

// What both processes would otherwise make at the same moment on a fresh clone: the real board
// pages (a vite build each) and the fixture hosts' certificates.
const load = async (path) => (await runnerImport(join(root, path), { root, configFile: false })).module;
(await load('test/e2e/harness/realBoards.ts')).ensureRealBoards();
const server = await load('test/e2e/harness/server.ts');
server.ensureCertificates(server.fixtureHosts());

mkdirSync(join(root, 'test-results'), { recursive: true });
// Vitest's closing block: its failure sections (a rule of ⎯) and the Test Files / Tests lines.
const SUMMARY = /^\s*⎯{3,}|^\s*Test Files\s/;
const ANSI = /\x1b\[[0-9;]*m/g;

function runProject(name) {
  return new Promise((done) => {
    const log = createWriteStream(join(root, `test-results/e2e-${name}.log`));
    const child = spawn(vitest, [...base, '--project', name, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Colours on a terminal, none in CI logs; the log file gets none either way.
      env: { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }) },
    });
    const summary = [];
    let inSummary = false;
    let rest = '';
    const onData = (chunk) => {
      log.write(chunk.toString('utf8').replace(ANSI, ''));
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (!inSummary && SUMMARY.test(line.replace(ANSI, ''))) inSummary = true;
        if (inSummary) summary.push(line);
        else if (line.trim()) process.stdout.write(`${line}\n`);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code, signal) => {
      if (rest) summary.push(rest);
      log.end();
      done({ name, code: code ?? (signal ? 1 : 0), summary });
    });
    process.on('SIGINT', () => child.kill('SIGINT'));
    process.on('SIGTERM', () => child.kill('SIGTERM'));
  });
}

const started = Date.now();
const results = await Promise.all(['chromium', 'firefox'].map(runProject));
for (const { name, code, summary } of results) {
  process.stdout.write(`\n── ${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`}, whole output in test-results/e2e-${name}.log\n`);
  process.stdout.write(`${summary.join('\n')}\n`);
}
process.stdout.write(`\nBoth browsers done in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
