// Writes dist/nnplay-offline.html: the whole playground in one HTML file that works opened from
// disk (file://) with no network, for LMS uploads and offline classrooms.
//
// A file:// page can load neither ES modules nor a worker by URL, and cannot fetch the .wasm. So:
// - the worker (web/worker/main.js and what it imports) is bundled by esbuild into one classic script,
//   with the engine's .wasm inlined as base64 and handed to createEngine({ wasmBinary });
// - the page (web/main.js and its imports, uPlot included) is bundled into one classic script in
//   which web/page/worker-source.js is replaced by a module that starts the worker from a Blob URL,
//   and web/page/offline-install.js by one that registers no service worker (none from file://);
// - the styles go inline; a Content-Security-Policy with the scripts' and the style's hashes lets
//   nothing else run and connect-src 'none' lets nothing be fetched.
// Run after build-wasm.sh and build-web.mjs (npm run build does).
import { createHash } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundle, dist, replace, web } from './bundle.mjs';

const engine = path.join(dist, 'engine');
const uplot = path.join(path.dirname(web), 'node_modules', 'uplot', 'dist');
const out = path.join(dist, 'nnplay-offline.html');

const wasm = await readFile(path.join(engine, 'nnplay_engine.wasm'));
const engineModule = path.join(engine, 'nnplay.mjs');
const worker = await bundle('worker/main.js', [replace('nnplay-inline-engine', {
  'engine/nnplay.mjs': `
    import { createEngine as createFromBytes } from ${JSON.stringify(engineModule)};
    export * from ${JSON.stringify(engineModule)};
    const WASM = ${JSON.stringify(wasm.toString('base64'))};
    export function createEngine(options = {}) {
      return createFromBytes({ wasmBinary: Uint8Array.from(atob(WASM), (c) => c.charCodeAt(0)), ...options });
    }`,
})]);

const page = await bundle('main.js', [replace('nnplay-inline-worker', {
  'worker-source.js': `
    const CODE = ${JSON.stringify(worker)};
    // The page's worker source (page/worker-source.js) for a file:// page: the bundled worker, whose
    // engine carries its own bytes, from a Blob made once per source.
    export class WorkerSource {
      #url = null;
      async load() {}
      create() {
        this.#url ??= URL.createObjectURL(new Blob([CODE], { type: 'text/javascript' }));
        const worker = new Worker(this.#url);
        worker.postMessage({ type: 'engine', wasm: null });
        return worker;
      }
    }`,
  // A file:// page can have no service worker: the single file is its own offline copy.
  'offline-install.js': 'export async function installOffline() { return null; }',
})]);

// Inline <script> and <style> end at the first "</script" or "</style": make sure there is none.
const safe = (text, tag) => {
  if (new RegExp(`</${tag}`, 'i').test(text) || /<!--/.test(text)) throw new Error(`build-offline: the inline ${tag} contains </${tag} or <!--`);
  return text;
};
const script = safe(page, 'script');
const style = safe(`${await readFile(path.join(uplot, 'uPlot.min.css'), 'utf8')}\n${await readFile(path.join(web, 'style.css'), 'utf8')}`, 'style');
const sha = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const csp = [`default-src 'none'`, `script-src ${sha(script)} 'wasm-unsafe-eval'`, `worker-src blob:`, `style-src ${sha(style)}`,
  `img-src data:`, `connect-src 'none'`, `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`].join('; ');
const icon = `data:image/svg+xml;base64,${(await readFile(path.join(web, 'favicon.svg'))).toString('base64')}`;

let html = await readFile(path.join(web, 'index.html'), 'utf8');
const swap = (pattern, replacement) => {
  if (!pattern.test(html)) throw new Error(`build-offline: web/index.html has no ${pattern}`);
  html = html.replace(pattern, () => replacement);
};
swap(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
swap(/<link rel="icon"[^>]*>/, `<link rel="icon" href="${icon}" type="image/svg+xml">`);
// The web app manifest and its icons are the served page's (installing it); one file has none.
swap(/\s*<link rel="manifest"[^>]*>\s*<link rel="apple-touch-icon"[^>]*>/, '');
swap(/\s*<link rel="stylesheet"[^>]*>\s*<link rel="stylesheet"[^>]*>/, `\n  <style>${style}</style>`);
swap(/\s*<script type="module" src="main.js"><\/script>/, '');
swap(/<\/body>/, `<script>${script}</script>\n</body>`);
await writeFile(out, html);
const { size } = await stat(out);
console.log(`build-offline: dist/nnplay-offline.html, ${(size / 1024).toFixed(0)} KiB (the engine ${(wasm.length / 1024).toFixed(0)} KiB of it before base64)`);
