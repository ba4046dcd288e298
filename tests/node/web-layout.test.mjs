// web/ laid out by thread (issue 12), checked on the source: the worker's files import only the
// worker's and the shared pure modules, the shared modules import only each other, the page never
// imports the worker's code (it starts the worker by URL), and no module keeps mutable state at
// module level (no top-level `let`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { root } from './helpers.mjs';

const web = path.join(root, 'web');
const sources = async () => (await readdir(web, { recursive: true })).filter((f) => f.endsWith('.js')).sort();

/** The web/ files a module imports (relative imports only; the engine and uPlot are not in web/). */
async function importsOf(file) {
  const text = await readFile(path.join(web, file), 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map((s) => path.normalize(path.join(path.dirname(file), s))).filter((f) => !/^(engine|vendor)\//.test(f));
}

test('each thread imports only its own folder and shared/', async () => {
  const files = await sources();
  assert.ok(files.some((f) => f.startsWith('worker/')) && files.some((f) => f.startsWith('page/')), files.join());
  const wrong = [];
  for (const file of files) {
    const folder = file.includes('/') ? file.split('/')[0] : '';
    const allowed = { worker: ['worker', 'shared'], shared: ['shared'] }[folder];
    for (const target of await importsOf(file)) {
      const to = target.split('/')[0];
      if (allowed && !allowed.includes(to)) wrong.push(`${file} -> ${target}`);
      if (!allowed && to === 'worker') wrong.push(`${file} -> ${target} (the page starts the worker by URL)`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('no module-level let anywhere in web/', async () => {
  const found = [];
  for (const file of await sources()) {
    const lines = (await readFile(path.join(web, file), 'utf8')).split('\n');
    lines.forEach((line, i) => { if (/^(export\s+)?(let|var)\s/.test(line)) found.push(`${file}:${i + 1}: ${line.trim()}`); });
  }
  assert.deepEqual(found, []);
});
