import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTENT_SITES, entrySource } from '../../../scripts/vite-content-scripts';
import { ADAPTER_MODULES } from '../../../src/sites';
import { SITE_HOSTS, SITES, SUPPORTED_MATCHES, siteForUrl } from '../../../src/sites/hosts';

// A site is one row in src/sites/hosts.ts and one adapter file: this keeps the row, the adapter
// module, the build's content-script entry and the fixture pages in step (as refined-github's
// build/features.test.ts does for its features).

const root = new URL('../../../', import.meta.url);
const FIXTURES = new URL('test/fixtures/sites/', root);

describe('the site registry', () => {
  it('has one adapter module per row, exporting createAdapter, whose adapter names the same site and kind', () => {
    expect(Object.keys(ADAPTER_MODULES).sort()).toEqual(SITES.map((row) => row.site).sort());
    for (const row of SITES) {
      const file = new URL(`src/sites/${row.site}.ts`, root);
      expect(existsSync(file), file.pathname).toBe(true);
      expect(readFileSync(file, 'utf8'), row.site).toMatch(/export (\{[^}]*as createAdapter \}|const createAdapter)/);
      const adapter = ADAPTER_MODULES[row.site].createAdapter();
      expect([adapter.id, adapter.kind], row.site).toEqual([row.site, row.kind]);
    }
  });

  it('builds one site script per row, from that site’s own adapter and controls', () => {
    expect([...CONTENT_SITES].sort()).toEqual(SITES.map((row) => row.site).sort());
    for (const row of SITES) {
      const source = entrySource(row.site);
      expect(source).toContain(`from '/src/sites/${row.site}.ts'`);
      expect(source).toContain(JSON.stringify(row.controls));
    }
  });

  it('has fixture pages for every row, and no fixture host without a row', () => {
    const hosts = readdirSync(FIXTURES).filter((name) => !name.startsWith('.') && !name.startsWith('_'));
    for (const row of SITES) expect(hosts, row.site).toContain(row.fixture);
    for (const host of hosts) expect(SITES.map((row) => row.fixture), host).toContain(host);
  });

  it('serves each supported site’s fixture from a host its own match patterns cover', () => {
    for (const row of SITE_HOSTS) {
      const hosts = row.matches.map((pattern) => /^https:\/\/([^/]+)\//.exec(pattern)![1]!);
      const covered = hosts.some((host) => host === row.fixture || (host.startsWith('*.') && row.fixture.endsWith(host.slice(1))));
      expect(covered, `${row.site}: ${row.fixture} not in ${hosts.join(', ')}`).toBe(true);
    }
    expect(SUPPORTED_MATCHES).toEqual(SITE_HOSTS.flatMap((row) => row.matches));
    expect(siteForUrl(new URL('https://unlisted.example/'))).toBeUndefined();
  });
});
