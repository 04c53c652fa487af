#!/usr/bin/env node
// `npm test` after scripts/ensure-deps.sh: the typecheck, the unit suite, both builds and the e2e
// suite in both browsers. The e2e path (builds, then scripts/e2e.mjs) runs at normal priority and
// shows its lines as they come; the typecheck and the unit suite run beside it at a low priority
// (nice 10), so they take the CPU the e2e's browsers leave idle while tests wait, and give it back
// when the browsers want it. One after the other they took ~100 s before the e2e could start.
// Their whole output is kept in test-results/typecheck.log and test-results/unit.log; their
// closing summaries are shown at the end, after the e2e's.
//
//   VUORO_TEST_SERIAL=1   one step after the other, each with its output as it comes (as before)
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules/.bin', name);
const ANSI = /\x1b\[[0-9;]*m/g;

const STEPS = {
  typecheck: [bin('tsc'), ['--noEmit', '-p', '.']],
  unit: [bin('vitest'), ['run']],
  build: ['npm', ['run', '--silent', 'build']],
  e2e: [process.execPath, [join(root, 'scripts/e2e.mjs')]],
};

/** Runs a step with its output on this terminal; resolves with its exit code. */
function inherit(name) {
  const [command, args] = STEPS[name];
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

/** Runs a step at a low priority with its output in test-results/<name>.log. */
function logged(name) {
  const [command, args] = STEPS[name];
  const path = join(root, `test-results/${name}.log`);
  const log = createWriteStream(path);
  const lines = [];
  return new Promise((done) => {
    const child = spawn('nice', ['-n', '10', command, ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    const onData = (chunk) => {
      const text = chunk.toString('utf8').replace(ANSI, '');
      log.write(text);
      lines.push(...text.split('\n'));
      if (lines.length > 4000) lines.splice(0, lines.length - 4000);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('close', (code, signal) => log.end(() => done({ name, path, code: code ?? (signal ? 1 : 0), lines })));
  });
}

/** What to show of a side step's output: a failed step's last lines, a passed one's summary. */
function closing({ name, code, lines }) {
  const text = lines.filter((line) => line.trim());
  if (code !== 0) return text.slice(-80);
  if (name === 'unit') return text.filter((line) => /^\s*(Test Files|Tests|Duration)\s/.test(line));
  return [];
}

if (process.env.VUORO_TEST_SERIAL === '1') {
  for (const name of ['typecheck', 'unit', 'build', 'e2e']) {
    const code = await inherit(name);
    if (code !== 0) process.exit(code);
  }
  process.exit(0);
}

mkdirSync(join(root, 'test-results'), { recursive: true });
const started = Date.now();
const side = Promise.all([logged('typecheck'), logged('unit')]);
const build = await inherit('build');
const e2e = build === 0 ? await inherit('e2e') : build;
const results = await side;

process.stdout.write('\n');
for (const result of results) {
  process.stdout.write(`── ${result.name}: ${result.code === 0 ? 'passed' : `failed (exit ${result.code})`}, whole output in ${result.path.slice(root.length + 1)}\n`);
  const shown = closing(result);
  if (shown.length) process.stdout.write(`${shown.join('\n')}\n`);
}
if (build !== 0) process.stdout.write(`── build: failed (exit ${build}); the e2e suite did not run\n`);
process.stdout.write(`\nnpm test: ${((Date.now() - started) / 1000).toFixed(0)} s after the dependencies.\n`);
process.exit([build, e2e, ...results.map((r) => r.code)].some((code) => code !== 0) ? 1 : 0);
