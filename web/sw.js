// The service worker: it keeps the built page in the browser, so that after one visit the page,
// embed.html and every lesson open and train with no network (a classroom with poor Wi-Fi), and
// the page can be installed as an app (manifest.webmanifest).
//
// One build is one cache: scripts/build-web.mjs writes BUILD below, the files of dist/ the pages
// need and a hash of their contents, so the cache is named `nnplay-<hash>` and a new deploy is a
// new service worker (its bytes differ). Install fetches every file into the new cache; activate
// deletes every other nnplay cache and takes over the open pages, which the page notices
// (page/offline-install.js) and offers a reload. Requests are answered from the cache first, the
// HTML included: a page is always one build, never new HTML over old scripts. A new deploy shows
// on the load after the browser has seen the new sw.js, which it checks on every navigation.
// What the cache does not hold (another site, nnplay-offline.html) goes to the network as usual.
//
// Served from web/ unbuilt, BUILD lists no files: nothing is cached and every request goes to the network.
const BUILD = { version: 'unbuilt', files: [] };
const PREFIX = 'nnplay-';
const CACHE = `${PREFIX}${BUILD.version}`;

/** A file of the build by its URL: a directory URL is its index.html, the query and hash do not count. */
function cacheKey(url) {
  const key = new URL(url);
  key.search = '';
  key.hash = '';
  if (key.pathname.endsWith('/')) key.pathname += 'index.html';
  return key.href;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // cache: 'reload': the files as the server has them now, not an older copy from the HTTP cache.
    await cache.addAll(BUILD.files.map((file) => new Request(new URL(file, self.registration.scope), { cache: 'reload' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    return (await cache.match(cacheKey(request.url))) ?? fetch(request);
  })());
});
