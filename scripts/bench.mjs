// npm run bench: builds the extension if dist is missing, bundles the bench (TypeScript, using the
// e2e harness and src/summary) and the site adapters for in-page injection, then runs it.
// Prints one table and writes test/bench/RESULTS.md. `--strict` exits 1 when a budget is over.
// VUORO_BENCH_ONLY=overhead runs only the sizes and the page-load rows, VUORO_BENCH_ONLY=panel only
// the sizes and the panel-start rows, VUORO_BENCH_ONLY=bounds only the hostile/heavy rows
// (test/bench/bounds.ts: VUORO_BENCH_SOAK_MS, default 5 minutes of flood; VUORO_BENCH_CAPTURES,
// default 100,000); VUORO_BENCH_ROUNDS sets the page-load rounds (default 100),
// VUORO_BENCH_PANEL_OPENS the panel's later opens per browser (default 20), VUORO_BENCH_FRESH its first
// opens on fresh profiles (default 5). VUORO_BENCH_ONLY=erase only the erase times (both browsers).
// VUORO_BENCH_ONLY=durability
// runs only the sizes and the kill trials; VUORO_BENCH_TRIALS sets their number per browser (default 20).
// VUORO_BENCH_ONLY=import only the big import's rows, VUORO_BENCH_ONLY=workshop only the big
// workshop's (test/bench/bounds.ts);
// VUORO_BENCH_ONLY=sync runs only the sizes and live sharing's rows (test/bench/sync.ts);
// VUORO_BENCH_ONLY=export only the sizes and the export times (Node, no browser).
// VUORO_BENCH_ONLY=task only the page's main-thread row (VUORO_BENCH_TASK_ROUNDS rounds, default 20);
// VUORO_BENCH_ONLY=steady only the main-thread cost per minute once running (quiet and lively; also
// in the full run and in VUORO_BENCH_ONLY=overhead; VUORO_BENCH_STEADY_ROUNDS, default 3;
// VUORO_BENCH_STEADY_PROFILE=dir saves a CPU profile of each matched window);
// VUORO_BENCH_ONLY=ab compares that row for dist/chrome and another build (VUORO_BENCH_AB_DIST, a
// copy of an earlier dist/chrome), loads interleaved in one run. VUORO_BENCH_TASK_PROFILE=dir and
// VUORO_BENCH_TASK_TRACE=dir save a CPU profile / a Chrome trace of each matched load of that row
// (VUORO_NO_MINIFY=1 npm run build:chrome first, for readable names); VUORO_BENCH_TRACE_LIGHT=1 traces
// tasks and timeline events only, VUORO_BENCH_TRACE_ALL=1 the unmatched pages too, and
// `node scripts/bench-trace.mjs dir/load-wc-*.json` sums the page's main thread after load by event.
import { execFileSync, execSync, fork } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = join(import.meta.dirname, '..');
// Three levels deep: the harness finds the repo root as ../../.. from its own (bundled) file.
const out = join(root, '.cache/bench/run');

if (!existsSync(join(root, 'dist/chrome/manifest.json'))) {
  console.error('bench: dist/chrome missing, building…');
  execSync('npm run build', { cwd: root, stdio: 'inherit' });
}

const quiet = { configFile: false, logLevel: 'warn', root };
await build({
  ...quiet,
  build: {
    ssr: true,
    outDir: out,
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: {
      input: { bench: 'test/bench/bench.ts', server: 'test/bench/server.entry.ts' },
      // Chunks beside the entries: the harness finds the repo root relative to its own file.
      output: { format: 'es', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
    },
  },
});
await build({
  ...quiet,
  build: {
    outDir: join(out, 'adapters'),
    emptyOutDir: true,
    target: 'es2022',
    copyPublicDir: false,
    rollupOptions: { input: 'test/bench/adapters.entry.ts', output: { format: 'iife', entryFileNames: 'adapters.js' } },
  },
});

// The control browser's extension: installed the same way, does nothing.
const empty = join(root, '.cache/bench/empty-extension');
mkdirSync(empty, { recursive: true });
writeFileSync(join(empty, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0' }));

let browserVersion = 'Chromium';
try {
  browserVersion = execFileSync(process.env.VUORO_CHROMIUM ?? '/usr/bin/chromium', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
} catch {}

// The fixture server runs in a process of its own (see test/bench/server.entry.ts).
const server = fork(join(out, 'server.mjs'), { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const serverInfo = await new Promise((done, fail) => {
  let buffered = '';
  server.stdout.on('data', (chunk) => {
    buffered += chunk;
    if (buffered.includes('\n')) done(JSON.parse(buffered.split('\n')[0]));
  });
  server.once('exit', (code) => fail(new Error(`bench: the fixture server exited (${code})`)));
});

const { runBench } = await import(pathToFileURL(join(out, 'bench.mjs')).href);
const rows = await runBench({
  server: serverInfo,
  adapterBundle: readFileSync(join(out, 'adapters/adapters.js'), 'utf8'),
  emptyExtensionDir: empty,
  browserVersion,
});
server.kill();
if (process.argv.includes('--strict') && rows.some((r) => r.pass === false)) process.exit(1);
