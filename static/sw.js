// The standalone pages' service worker: a page opened once opens again without a network. Each
// build writes its version and the calculator page's files below (scripts/postbuild.py); a new build
// is a new worker, which keeps the new files in a cache of its own version and drops the older
// caches (boot.js then says 已更新). Every request goes to the network first, so an online visitor
// always gets the files as served; the cache answers only when the network cannot (offline, a lost
// connection). The widget on a host's site never registers it: only boot.js does, on our own pages.
const VERSION = '__VERSION__';
const FILES = __FILES__;
const CACHE = `subsidy-calc-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('subsidy-calc-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// The page asks which version is kept (boot.js says 已更新 when it differs from the one it saw).
// A new worker left waiting (Chromium keeps one installed during a reload) is told to take over.
self.addEventListener('message', (event) => {
  if (event.data === 'version' && event.source) event.source.postMessage({ subsidyCalcVersion: VERSION });
  if (event.data === 'skip') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(request)
      .then((response) => {
        if (response.ok && response.type === 'basic') {
          // Into this version's cache, while it is there: an older worker finishing a request
          // after a newer one has taken over must not bring its dropped cache back.
          const copy = response.clone();
          caches.has(CACHE)
            .then((kept) => kept && caches.open(CACHE).then((cache) => cache.put(request, copy)))
            .catch(() => {});
        }
        return response;
      })
      .catch(() => caches.open(CACHE)
        .then((cache) => cache.match(request, { ignoreSearch: true }))
        .then((hit) => hit || Promise.reject(new Error('offline and not kept')))),
  );
});
