import { build, type Plugin } from 'vite';
import { noEvalPlugin } from './vite-no-eval.ts';
import { fileURLToPath } from 'node:url';
import { SITES, siteRow, type SiteId } from '../src/sites/hosts.ts';

const NATIVE_API = fileURLToPath(new URL('../src/content/nativeApi.ts', import.meta.url));

// Content scripts are built apart from the rest: one self-contained IIFE per site holding only
// that site's adapter. The manifest declares none of them; the background injects a site's script
// once the page has loaded (src/background/sites.ts). No chunk loader, no web-accessible chunks
// for pages to probe, and a size that can be held to a budget (npm run bench reports it per site).

const CONTENT_DIR = 'content';
export const contentScriptFile = (site: SiteId) => `${CONTENT_DIR}/${site}.js`;
const VIRTUAL = 'virtual:vuoro-content/';

/** One site script per row of src/sites/hosts.ts. */
export const CONTENT_SITES: readonly SiteId[] = SITES.map((row) => row.site);

/** A site's script: its own adapter (every adapter exports `createAdapter`) and its controls, inlined. */
export function entrySource(site: SiteId): string {
  return [
    `import { startContent } from '/src/content/main.ts';`,
    `import { createAdapter } from '/src/sites/${site}.ts';`,
    `void startContent('${site}', createAdapter, ${JSON.stringify(siteRow(site).controls)});`,
  ].join('\n');
}

export function contentScriptsPlugin(outDir: string): Plugin {
  return {
    name: 'vuoro-content-scripts',
    apply: 'build',
    enforce: 'post',
    async closeBundle() {
      for (const site of CONTENT_SITES) {
        await build({
          configFile: false,
          logLevel: 'warn',
          // Content scripts use the native API (see src/content/nativeApi.ts), not the polyfill.
          resolve: { alias: { 'webextension-polyfill': NATIVE_API } },
          plugins: [
            noEvalPlugin(),
            {
              name: 'vuoro-content-entry',
              resolveId: (id) => (id.startsWith(VIRTUAL) ? `\0${id}` : undefined),
              load: (id) => (id.startsWith(`\0${VIRTUAL}`) ? entrySource(id.slice(VIRTUAL.length + 1) as SiteId) : undefined),
            },
          ],
          build: {
            outDir,
            emptyOutDir: false,
            target: 'es2022',
            copyPublicDir: false,
            rollupOptions: {
              input: `${VIRTUAL}${site}`,
              output: { format: 'iife', entryFileNames: contentScriptFile(site) },
            },
          },
        });
      }
    },
  };
}
