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
//   --with-checks           (`npm test`) the typecheck and the unit suite in the Chromium lane's
//                           place while Firefox ESR's lane starts, Chromium's lane after them; a
//                           failing check stops the run at once
// Each process's whole output is kept in test-results/e2e-<browser>.log; lines are shown as they
// come, and each process's closing summary (failures first) after both have finished.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const withChecks = process.argv.includes('--with-checks');
const args = process.argv.slice(2).filter((a) => a !== '--with-checks');
/** The typecheck, then the unit suite on `workers` workers, as one shell command. */
const checksCommand = (workers) => ['sh', ['-c', `npm run --silent typecheck && exec "$0" run${workers ? ` --maxWorkers=${workers}` : ''}`, vitest]];
const vitest = join(root, 'node_modules/.bin/vitest');
const base = ['run', '--config', 'test/e2e/vitest.config.ts'];

if (args.some((a) => a === '--project' || a.startsWith('--project=')) || process.env.VUORO_E2E_SERIAL === '1') {
  if (withChecks) {
    const [command, commandArgs] = checksCommand();
    const checked = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' }).status;
    if (checked !== 0) process.exit(1);
  }
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

const children = new Set();

/** Signals a child's whole process group (it was spawned detached), and kills what is left after 10 s. */
function stop(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    return; // gone already
  }
  setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // ended in time
    }
  }, 10_000).unref();
}

function runProject(name) {
  return runLogged(name, `test-results/e2e-${name}.log`, vitest, [...base, '--project', name, ...args]);
}

/** Runs a command, its lines shown as they come but its closing summary kept for the end. */
function runLogged(name, logPath, command, commandArgs) {
  return new Promise((done) => {
    const log = createWriteStream(join(root, logPath));
    const child = spawn(command, commandArgs, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      // A process group of its own, so that stopping it stops its workers too (and their browsers:
      // puppeteer closes them when its process is told to end).
      detached: true,
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
    children.add(child);
    child.on('close', (code, signal) => {
      children.delete(child);
      if (rest) summary.push(rest);
      log.end();
      done({ name, log: logPath, code: code ?? (signal ? 1 : 0), summary });
    });
    process.on('SIGINT', () => stop(child, 'SIGINT'));
    process.on('SIGTERM', () => stop(child, 'SIGTERM'));
  });
}

const started = Date.now();
// `npm test`: Firefox ESR's lane is the longer one (by 50–140 s), and the typecheck and the unit
// suite took 50–90 s before both lanes. So Firefox ESR's lane starts at once and the checks take the
// Chromium lane's place first, on one worker (a lane's share of the two cores); Chromium's lane
// starts when they pass. A failing check ends the run there, Firefox ESR's lane stopped, so a broken
// build is not reported only after the e2e. (Beside the e2e at a low priority instead, the unit
// suite was starved: 290 s, a test timing out.)
let checksFailed;
const checks = withChecks ? runLogged('typecheck and unit tests', 'test-results/checks.log', ...checksCommand(1)) : undefined;
const results = await Promise.all([
  checks
    ? checks.then(async (result) => {
        if (result.code === 0) return [result, await runProject('chromium')];
        checksFailed = result;
        for (const child of children) stop(child, 'SIGTERM');
        return [result];
      })
    : runProject('chromium'),
  runProject('firefox'),
]).then((all) => all.flat());
for (const { name, log, code, summary } of results) {
  if (checksFailed && name === 'firefox') {
    process.stdout.write(`\n── firefox: stopped, the checks failed; its output so far in ${log}\n`);
    continue;
  }
  process.stdout.write(`\n── ${name}: ${code === 0 ? 'passed' : `failed (exit ${code})`}, whole output in ${log}\n`);
  process.stdout.write(`${summary.join('\n')}\n`);
}
process.stdout.write(`\n${withChecks ? 'Checks and both browsers' : 'Both browsers'} ${checksFailed ? 'stopped' : 'done'} in ${((Date.now() - started) / 1000).toFixed(0)} s.\n`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
