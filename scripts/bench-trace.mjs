// Reads Chrome traces of the bench's page loads (npm run bench with VUORO_BENCH_TASK_TRACE=dir, best
// with VUORO_BENCH_TRACE_LIGHT=1) and prints, per load, the page's main thread from its load event
// on: each trace event's own time (wall and CPU, its children's taken out), largest CPU first.
// Run it on the matched loads and on the unmatched ones (VUORO_BENCH_TRACE_ALL=1) and compare:
//   node scripts/bench-trace.mjs dir/load-wc-*.json; node scripts/bench-trace.mjs dir/load-un-*.json
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node scripts/bench-trace.mjs trace.json…');
  process.exit(2);
}
const own = new Map();
for (const file of files) {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const events = raw.traceEvents ?? raw;
  const threads = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const pid = events.find((e) => e.name === 'ParseHTML' && JSON.stringify(e.args).includes('app.zoom.us'))?.pid;
  const main = [...threads].find(([key, name]) => key.startsWith(`${pid}:`) && name === 'CrRendererMain');
  const load = events.find((e) => e.pid === pid && e.name === 'MarkLoad')?.ts;
  if (!main || load === undefined) {
    console.error(`${file}: no Zoom fixture page with a load event`);
    continue;
  }
  const tid = Number(main[0].split(':')[1]);
  const mine = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && e.ts >= load).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  const children = new Map();
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) {
      const c = children.get(parent) ?? { wall: 0, cpu: 0 };
      c.wall += e.dur;
      c.cpu += e.tdur ?? 0;
      children.set(parent, c);
    }
    stack.push(e);
  }
  for (const e of mine) {
    const c = children.get(e) ?? { wall: 0, cpu: 0 };
    const sum = own.get(e.name) ?? { wall: 0, cpu: 0 };
    sum.wall += e.dur - c.wall;
    sum.cpu += (e.tdur ?? 0) - c.cpu;
    own.set(e.name, sum);
  }
}
const per = (us) => (us / files.length / 1000).toFixed(2).padStart(7);
const total = [...own.values()].reduce((a, b) => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu }), { wall: 0, cpu: 0 });
console.log(`${files.length} loads; per load after the load event: ${per(total.cpu)} ms CPU, ${per(total.wall)} ms wall`);
for (const [name, sum] of [...own].sort((a, b) => b[1].cpu - a[1].cpu).slice(0, 20)) console.log(`${per(sum.cpu)} cpu ${per(sum.wall)} wall  ${name}`);
