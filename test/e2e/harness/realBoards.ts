// The real Excalidraw and tldraw pages (test/fixtures/real/<board>/), built with vite into
// .cache/real-boards/<host>/ when the build is missing or older than its sources, so a fresh clone's
// `npm test` (and `npm run demo`) bootstraps them. The fixture server serves them at the real hosts.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './server';

export const REAL_BOARDS_DIR = join(REPO_ROOT, '.cache/real-boards');
const SOURCES = join(REPO_ROOT, 'test/fixtures/real');
const BOARDS = [
  { name: 'excalidraw', host: 'excalidraw.com' },
  { name: 'tldraw', host: 'www.tldraw.com' },
] as const;

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((entry) => newest(join(path, entry))));
}

/** Builds each real board page that is missing or stale; returns the hosts it built. */
export function ensureRealBoards(log: (line: string) => void = console.log): string[] {
  const built: string[] = [];
  const shared = Math.max(newest(join(SOURCES, 'config.mjs')), newest(join(REPO_ROOT, 'package-lock.json')));
  for (const board of BOARDS) {
    const out = join(REAL_BOARDS_DIR, board.host);
    const index = join(out, 'index.html');
    const sources = Math.max(shared, newest(join(SOURCES, board.name)));
    if (existsSync(index) && statSync(index).mtimeMs >= sources) continue;
    log(`Building the real ${board.name} page for the e2e suite (${out})…`);
    const run = spawnSync(join(REPO_ROOT, 'node_modules/.bin/vite'), ['build', '--config', join(SOURCES, board.name, 'vite.config.mjs')], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`Building the real ${board.name} page failed:\n${run.stderr}`);
    if (board.name === 'excalidraw') {
      // Excalidraw loads its fonts from EXCALIDRAW_ASSET_PATH (the page's own origin): link, not copy, its 14 MB.
      symlinkSync(join(REPO_ROOT, 'node_modules/@excalidraw/excalidraw/dist/prod/fonts'), join(out, 'fonts'));
    }
    built.push(board.host);
  }
  return built;
}
