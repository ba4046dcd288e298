// esbuild, as the builds use it: the engine's worker bundled into one classic script
// (build-web.mjs writes it to dist/worker/engine-worker.js, which the page starts from memory;
// build-offline.mjs inlines it with the engine's bytes), and the page bundled for the single file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const web = path.join(root, 'web');
export const dist = path.join(root, 'dist');
const uplot = path.join(root, 'node_modules', 'uplot', 'dist');
const engineModule = path.join(dist, 'engine', 'nnplay.mjs');

/**
 * esbuild plugin: imports whose specifier ends in a name of `modules` (after a slash) get that
 * generated module instead; uPlot (web/vendor/ in dist/ only) comes from node_modules, and the
 * engine (../engine/nnplay.mjs, in dist/ only) from dist/engine/.
 */
export const replace = (name, modules = {}) => ({
  name,
  setup(b) {
    const tail = (spec) => spec.startsWith('.') && Object.keys(modules).find((k) => spec.endsWith(`/${k}`));
    b.onResolve({ filter: /(^|\/)vendor\/uPlot\.esm\.js$/ }, () => ({ path: path.join(uplot, 'uPlot.esm.js') }));
    b.onResolve({ filter: /.*/ }, (args) => {
      if (tail(args.path) && args.kind !== 'entry-point') return { path: tail(args.path), namespace: name };
      if (args.path === '../engine/nnplay.mjs' && args.importer.startsWith(web)) return { path: engineModule };
      return undefined;
    });
    b.onLoad({ filter: /.*/, namespace: name }, (args) => ({ contents: modules[args.path], resolveDir: web, loader: 'js' }));
  },
});

/** web/`entry` and its imports as one classic script (an IIFE), minified. */
export async function bundle(entry, plugins) {
  const result = await build({
    entryPoints: [path.join(web, entry)], bundle: true, format: 'iife', platform: 'browser', target: 'es2022',
    minify: true, write: false, plugins, external: ['node:*'], logLevel: 'error', legalComments: 'none',
    // The Emscripten glue only uses it to name the .wasm, whose bytes are handed over: nothing is fetched from it.
    define: { 'import.meta.url': '"file:///nnplay-worker/"' },
  });
  return result.outputFiles[0].text;
}
