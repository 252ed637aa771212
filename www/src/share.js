// A world in a URL: the snapshot text, deflated (CompressionStream) and
// base64url-encoded into the hash as `#w=...`.

async function pipe(bytes, stream) {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes) {
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  const s = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/** The URL hash (`#w=...`) that restores the snapshot `text`. */
export async function encodeWorld(text) {
  const packed = await pipe(new TextEncoder().encode(text), new CompressionStream("deflate-raw"));
  return `#w=${toBase64Url(packed)}`;
}

/** The snapshot text in a hash made by {@link encodeWorld}, or null. */
export async function decodeWorld(hash) {
  const m = /^#w=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return null;
  const bytes = await pipe(fromBase64Url(m[1]), new DecompressionStream("deflate-raw"));
  return new TextDecoder().decode(bytes);
}
