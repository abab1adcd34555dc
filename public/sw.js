// gateway-sim service worker: makes the page work offline after the first visit.
// - Navigations: network first (a new deploy is picked up at once), cached page when offline.
// - Same-origin GETs (hashed assets, Monaco, workers, fonts): cache first; they never change under a URL.
// - The page posts the URLs it loaded before this worker took control, so they are cached too.
// - Never touches other origins (the page makes no such requests anyway).
const CACHE = 'gateway-sim-v1';
// Matching ignores Vary: the static host may send `Vary: Origin`, and module scripts are fetched with
// an Origin header that the URLs cached from the page's list lack. Asset URLs carry content hashes.

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) => c.addAll(['./']))
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('gateway-sim-') && k !== CACHE).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

function sameOrigin(url) {
  return new URL(url, self.location.href).origin === self.location.origin;
}

self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'cache-urls' || !Array.isArray(data.urls)) return;
  const urls = data.urls.filter((u) => typeof u === 'string' && sameOrigin(u));
  event.waitUntil(
    caches
      .open(CACHE)
      .then((c) =>
        Promise.all(
          urls.map((u) =>
            c
              .match(u, { ignoreVary: true })
              .then((hit) => (hit ? undefined : c.add(new Request(u, { cache: 'reload' })).catch(() => undefined))),
          ),
        ),
      ),
  );
});

self.addEventListener('fetch', (event) => {
  const req = event.request;
  if (req.method !== 'GET' || !sameOrigin(req.url)) return;
  if (req.mode === 'navigate') {
    event.respondWith(
      fetch(req)
        .then((res) => {
          if (res.ok) {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(new URL('./', self.location.href).href, copy));
          }
          return res;
        })
        .catch(() =>
          caches
            .match(new URL('./', self.location.href).href, { ignoreVary: true })
            .then((hit) => hit || Response.error()),
        ),
    );
    return;
  }
  event.respondWith(
    caches.match(req, { ignoreVary: true }).then(
      (hit) =>
        hit ||
        fetch(req).then((res) => {
          if (res.ok && res.type === 'basic') {
            const copy = res.clone();
            caches.open(CACHE).then((c) => c.put(req, copy));
          }
          return res;
        }),
    ),
  );
});
