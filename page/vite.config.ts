/**
 * Builds the what-if page (`desksim page`): one classic script (IIFE, so it runs from
 * file://, where module scripts are blocked) with the simulation worker inlined as a blob,
 * and one stylesheet, into dist/page-bundle/. Vega, Vega-Lite and vega-embed are not bundled:
 * `desksim page` copies their own minified builds beside the script (as report.html inlines
 * them), which keeps this build a few seconds long.
 *
 * The page imports desksim's own modules (scenario validation, the model, the metric engine,
 * the chart specs). Those must not reach Node's built-ins, with two exceptions the scenario
 * loader needs only for `extends` (which the page's resolved scenarios never have): `node:fs`
 * and `node:path` resolve to the small browser versions in `shims/`. Any other `node:` import
 * fails the build, so a change that pulls Node code into the page is caught here.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
const shims: Record<string, string> = {
  'node:fs': fileURLToPath(new URL('./shims/fs.ts', import.meta.url)),
  'node:path': fileURLToPath(new URL('./shims/path.ts', import.meta.url)),
};

/** Node built-ins: the two shims, or a build error naming the importer. */
function browserOnly(): Plugin {
  return {
    name: 'desksim-browser-only',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source in shims) return shims[source];
      if (source.startsWith('node:'))
        this.error(
          `${source} imported by ${importer ?? '?'}: the page must import only modules without Node built-ins`,
        );
      return null;
    },
    // src/version.ts reads package.json at run time; the page gets the same version at build time.
    load(id) {
      if (id.replace(/\\/g, '/').endsWith('/src/version.ts'))
        return `export const VERSION = ${JSON.stringify(version)};`;
      return null;
    },
  };
}

/** The page's HTML template (`desksim page` fills in the scenarios) goes beside the script. */
function template(): Plugin {
  return {
    name: 'desksim-page-template',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'index.html',
        source: readFileSync(new URL('./index.html', import.meta.url), 'utf8'),
      });
    },
  };
}

const globals = { vega: 'vega', 'vega-lite': 'vegaLite', 'vega-embed': 'vegaEmbed' };

export default defineConfig({
  root,
  logLevel: 'warn',
  publicDir: false,
  plugins: [browserOnly(), template()],
  worker: { format: 'iife', plugins: () => [browserOnly()] },
  build: {
    outDir: fileURLToPath(new URL('../dist/page-bundle', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    lib: {
      entry: 'main.ts',
      formats: ['iife'],
      name: 'desksimPage',
      fileName: () => 'desksim-page.js',
      cssFileName: 'desksim-page',
    },
    rollupOptions: { external: Object.keys(globals), output: { globals } },
  },
});
