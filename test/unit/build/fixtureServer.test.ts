import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFixtureFile } from '../../e2e/harness/server';

// The e2e server's choice between a hand-written fixture and the real board page built for a host.
describe('fixture server: real board pages next to the hand-written fixtures', () => {
  const root = mkdtempSync(join(tmpdir(), 'vuoro-sites-'));
  const sites = join(root, 'sites');
  const real = join(root, 'real');
  const write = (path: string) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, path);
  };
  write(join(sites, 'excalidraw.com/fixture.html'));
  write(join(real, 'excalidraw.com/index.html'));
  write(join(real, 'excalidraw.com/assets/app.js'));
  write(join(sites, 'miro.com/index.html'));

  it('serves the real page at the root and for app paths, its assets, and the fixture where it is named', () => {
    expect(resolveFixtureFile(sites, 'excalidraw.com', '/', real)).toBe(join(real, 'excalidraw.com/index.html'));
    expect(resolveFixtureFile(sites, 'excalidraw.com', '/some/room', real)).toBe(join(real, 'excalidraw.com/index.html'));
    expect(resolveFixtureFile(sites, 'excalidraw.com', '/assets/app.js', real)).toBe(join(real, 'excalidraw.com/assets/app.js'));
    expect(resolveFixtureFile(sites, 'excalidraw.com', '/fixture', real)).toBe(join(sites, 'excalidraw.com/fixture.html'));
  });

  it('404s missing assets, never leaves the host for a path that climbs out, and hosts without a real page keep their fixture', () => {
    expect(resolveFixtureFile(sites, 'excalidraw.com', '/assets/missing.js', real)).toBeUndefined();
    for (const climb of ['/../miro.com/index.html', '/%2e%2e/%2e%2e/sites/miro.com/index.html', '/..%2f..%2freal/excalidraw.com/../../sites/miro.com/index.html'])
      expect(resolveFixtureFile(sites, 'excalidraw.com', climb, real) ?? '').not.toContain('miro.com');
    expect(resolveFixtureFile(sites, 'miro.com', '/app/board/1', real)).toBe(join(sites, 'miro.com/index.html'));
  });
});
