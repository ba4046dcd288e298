// Where the engine's worker comes from: ../worker/main.js, a module worker. The
// single-file offline build (scripts/build-offline.mjs) replaces this module with one that starts
// the bundled worker from a Blob, since a file:// page can load neither modules nor workers by URL.
export function createWorker() {
  return new Worker(new URL('../worker/main.js', import.meta.url), { type: 'module' });
}
