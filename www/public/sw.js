// Offline use of the built page: every file it loads is kept in a cache.
// Hashed assets (assets/*) come from the cache first; the page itself from
// the network first, so a new build is picked up when online.
const CACHE = "iplab-v1";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (e) => e.waitUntil(self.clients.claim()));

self.addEventListener("fetch", (e) => {
  const req = e.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== location.origin) return;
  const hashed = url.pathname.includes("/assets/");
  e.respondWith(hashed ? cacheFirst(req) : networkFirst(req));
});

async function cacheFirst(req) {
  const hit = await caches.match(req);
  return hit ?? fetchAndKeep(req);
}

async function networkFirst(req) {
  try {
    return await fetchAndKeep(req);
  } catch (err) {
    const hit = await caches.match(req, { ignoreSearch: true });
    if (hit) return hit;
    throw err;
  }
}

async function fetchAndKeep(req) {
  const res = await fetch(req);
  if (res.ok) {
    const copy = res.clone();
    caches.open(CACHE).then((c) => c.put(req, copy));
  }
  return res;
}
