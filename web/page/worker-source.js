// Where the engine's worker comes from, so that a worker can be started again with no network.
// load() fetches, once, the worker bundled into one script (dist/worker/engine-worker.js, written
// by scripts/build-web.mjs from ../worker/main.js) and the engine's WebAssembly bytes; create()
// then starts a worker from that script in memory (a Blob URL) and hands it the bytes in its first
// message ({ type: 'engine', wasm }, worker/main.js). A restart after the network went away works.
//
// Where that cannot be (no bundle: web/ served unbuilt; or a page whose Content-Security-Policy
// allows no blob: worker: a course page's, for <nn-playground>), the worker is the module
// ../worker/main.js by URL, still handed the bytes when they were loaded: a restart then fetches
// the worker's modules again. The single-file build (scripts/build-offline.mjs) replaces this
// module with one whose worker and engine are inlined.
const BUNDLE = new URL('../worker/engine-worker.js', import.meta.url);
const WASM = new URL('../engine/nnplay_engine.wasm', import.meta.url);

/**
 * Whether the document's own Content-Security-Policy (its meta tags) lets a worker start from a
 * blob: URL: the directive that governs workers is the first of worker-src, child-src, script-src,
 * default-src that is there. A policy sent as a header is not visible here; it makes `new Worker`
 * throw, and create() falls back.
 */
function blobWorkersAllowed(doc) {
  for (const meta of doc.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')) {
    const directives = new Map(meta.content.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name.toLowerCase(), values]));
    const governing = ['worker-src', 'child-src', 'script-src', 'default-src'].find((name) => directives.has(name));
    if (governing && !directives.get(governing).includes('blob:')) return false;
  }
  return true;
}

async function fetched(url, as) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response[as]();
}

export class WorkerSource {
  #url = null;     // the bundled worker's Blob URL, for the page's life
  #wasm = null;    // the engine's bytes

  /** Loads the worker's script and the engine's bytes; resolves either way (create() then falls back). */
  async load() {
    if (!blobWorkersAllowed(document)) return;
    try {
      const [code, wasm] = await Promise.all([fetched(BUNDLE, 'text'), fetched(WASM, 'arrayBuffer')]);
      this.#url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      this.#wasm = wasm;
    } catch {
      // Not built, or offline already: the module worker by URL loads what it needs itself.
    }
  }

  /** A new engine worker, given the engine's bytes. */
  create() {
    let worker = null;
    try {
      if (this.#url) worker = new Worker(this.#url);
    } catch {
      // A Content-Security-Policy without blob: in worker-src (a course page's): the module by URL.
    }
    worker ??= new Worker(new URL('../worker/main.js', import.meta.url), { type: 'module' });
    worker.postMessage({ type: 'engine', wasm: this.#wasm });
    return worker;
  }
}
