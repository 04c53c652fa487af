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

/**
 * V8's compile hint: a site script is compiled whole when injected. Nearly all of it runs within the
 * first second (the panel frame, then the adapter's first scan), and lazily each function was parsed
 * twice (once skimmed at injection, then in full at its first call, spread over the page's tasks).
 * A/B on the Zoom fixture (npm run bench, VUORO_BENCH_ONLY=ab, 40 rounds, twice): the page's main
 * thread after load −13 ms of task time and −5 ms of CPU. Added after minifying, which drops comments.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

function compileHintPlugin(): Plugin {
  return {
    name: 'vuoro-compile-hint',
    generateBundle(_, bundle) {
      for (const chunk of Object.values(bundle)) if (chunk.type === 'chunk') chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
    },
  };
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
            compileHintPlugin(),
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
            // VUORO_NO_MINIFY=1: readable site scripts, for reading a CPU profile of one (npm run bench).
            minify: !process.env.VUORO_NO_MINIFY,
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
