// Writes the playground page into dist/: web/ as is, folders included (plain ES modules, no
// bundler), uPlot's files under dist/vendor/, and the engine's worker bundled into one script,
// dist/worker/engine-worker.js, which the page loads once and starts from memory, so that a
// restarted worker needs no network (page/worker-source.js). The engine (dist/engine/) comes from
// scripts/build-wasm.sh; the single-file offline page from scripts/build-offline.mjs.
// dist/sw.js, the service worker, gets the list of files it keeps for use with no network (every
// file written here and the engine's) and a hash of their contents, which names its cache.
// Only dist/ is written; files from an earlier web build that web/ no longer has are removed.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle, replace } from './bundle.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const web = path.join(root, 'web');
const dist = path.join(root, 'dist');
const uplot = path.join(root, 'node_modules', 'uplot', 'dist');
const manifestPath = path.join(dist, '.web-files.json');  // what the last web build wrote

const exists = (p) => stat(p).then(() => true, () => false);

for (const f of ['nnplay.mjs', 'nnplay_engine.mjs', 'nnplay_engine.wasm']) {
  if (!(await exists(path.join(dist, 'engine', f)))) {
    console.error(`build-web: dist/engine/${f} is missing: run bash scripts/build-wasm.sh first`);
    process.exit(1);
  }
}

const files = [];
await mkdir(path.join(dist, 'vendor'), { recursive: true });
for (const entry of await readdir(web, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const name = path.relative(web, path.join(entry.parentPath ?? entry.path, entry.name));
  await mkdir(path.dirname(path.join(dist, name)), { recursive: true });
  await copyFile(path.join(web, name), path.join(dist, name));
  files.push(name);
}
for (const name of ['uPlot.esm.js', 'uPlot.min.css']) {
  await copyFile(path.join(uplot, name), path.join(dist, 'vendor', name));
  files.push(path.join('vendor', name));
}

await writeFile(path.join(dist, 'worker', 'engine-worker.js'), await bundle('worker/main.js', [replace('nnplay-worker')]));
files.push(path.join('worker', 'engine-worker.js'));

await writeServiceWorker(files);

const previous = await readFile(manifestPath, 'utf8').then(JSON.parse, () => []);
for (const stale of previous.filter((f) => !files.includes(f))) await rm(path.join(dist, stale), { force: true });
await writeFile(manifestPath, `${JSON.stringify(files, null, 1)}\n`);
console.log(`build-web: ${files.length} files into dist/ (open it with npm start)`);

/**
 * dist/sw.js from web/sw.js with its BUILD line filled in: the files the pages need (URLs relative
 * to dist/, the service worker itself left out) and the first 16 hex digits of a SHA-256 over
 * their names and contents, so any change to any of them is a new cache and a new service worker.
 */
async function writeServiceWorker(written) {
  const engine = ['nnplay.mjs', 'nnplay_engine.mjs', 'nnplay_engine.wasm'].map((f) => path.join('engine', f));
  const cached = [...written.filter((f) => f !== 'sw.js'), ...engine].map((f) => f.split(path.sep).join('/')).sort();
  const hash = createHash('sha256');
  for (const file of cached) hash.update(`${file}\0`).update(await readFile(path.join(dist, file))).update('\0');
  const build = { version: hash.digest('hex').slice(0, 16), files: cached };
  const source = await readFile(path.join(web, 'sw.js'), 'utf8');
  const line = /^const BUILD = .*;$/m;
  if (!line.test(source)) throw new Error('build-web: web/sw.js has no "const BUILD = ...;" line to fill in');
  await writeFile(path.join(dist, 'sw.js'), source.replace(line, () => `const BUILD = ${JSON.stringify(build)};`));
}
