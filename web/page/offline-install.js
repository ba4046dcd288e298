// Registers the service worker (../sw.js) that keeps the built page for use with no network, and
// says when a new deploy has taken over (onUpdate: the page offers a reload). Only a page served
// over http(s) registers it: the single-file build (scripts/build-offline.mjs, opened from file://)
// replaces this module with one that does nothing, and <nn-playground> on a course page never
// calls it (the worker would be the course site's, not nnplay's).
const SCRIPT = new URL('../sw.js', import.meta.url);

/** Registers the service worker; resolves to its registration, or null where there is none. */
export async function installOffline({ onUpdate = () => {} } = {}) {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol) || SCRIPT.origin !== location.origin) return null;
  const container = navigator.serviceWorker;
  // The first install also takes over the page ('controllerchange'): only a later one is an update.
  let controlled = container.controller !== null;
  container.addEventListener('controllerchange', () => {
    if (controlled) onUpdate();
    controlled = true;
  });
  try {
    return await container.register(SCRIPT, { scope: new URL('./', SCRIPT).href });
  } catch {
    return null;  // storage off (a private window's policy, a blocked third-party frame): the page works online as before
  }
}
