// Writes the playground page into dist/: web/ as is, folders included (plain ES modules, no
// bundler), uPlot's files under dist/vendor/, and the engine's worker bundled into one script,
// dist/worker/engine-worker.js, which the page loads once and starts from memory, so that a
// restarted worker needs no network (page/worker-source.js). The engine (dist/engine/) comes from
// scripts/build-wasm.sh; the single-file offline page from scripts/build-offline.mjs.
// Only dist/ is written; files from an earlier web build that web/ no longer has are removed.
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

const previous = await readFile(manifestPath, 'utf8').then(JSON.parse, () => []);
for (const stale of previous.filter((f) => !files.includes(f))) await rm(path.join(dist, stale), { force: true });
await writeFile(manifestPath, `${JSON.stringify(files, null, 1)}\n`);
console.log(`build-web: ${files.length} files into dist/ (open it with npm start)`);
