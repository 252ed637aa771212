// The hand-written part of the package, beside wasm-bindgen's glue: `init`
// for hosts that load the module themselves, builders for the common
// rtnetlink requests, the constants they use, and a clear error when a
// freed object is used.
import * as glue from "./iplab.js";

/**
 * Instantiates the WebAssembly module: from the bytes (`ArrayBuffer`, a typed
 * array, a `WebAssembly.Module`) at once, or from a URL, `Request` or
 * `Response` (fetched). Without an argument, the `.wasm` next to this file.
 * Calling it again does nothing. The `iplab` and Node entry points call it
 * themselves; `iplab/core` leaves it to you.
 */
export async function init(urlOrBytes) {
  if (urlOrBytes instanceof ArrayBuffer || ArrayBuffer.isView(urlOrBytes) || urlOrBytes instanceof WebAssembly.Module) {
    glue.initSync({ module: urlOrBytes });
    return;
  }
  const source = urlOrBytes ?? new URL("./iplab_bg.wasm", import.meta.url);
  const ok = typeof source === "string" || source instanceof URL
    || (typeof Request !== "undefined" && source instanceof Request)
    || (typeof Response !== "undefined" && source instanceof Response)
    || typeof source?.then === "function";
  if (!ok) throw new TypeError(`init: expected a URL, Request, Response, ArrayBuffer, typed array or WebAssembly.Module, got ${typeName(source)}`);
  await glue.default({ module_or_path: source });
}

function typeName(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? (v.constructor?.name ?? "an object") : typeof v;
}

/** Makes every method and getter of `cls` throw a clear error once freed. */
function guardFreed(cls, name) {
  const proto = cls?.prototype;
  if (!proto || proto.__iplabGuarded) return;
  Object.defineProperty(proto, "__iplabGuarded", { value: true });
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === "constructor" || key === "free" || key.startsWith("__")) continue;
    const d = Object.getOwnPropertyDescriptor(proto, key);
    const check = (self) => {
      if (self.__wbg_ptr === 0) {
        throw new Error(`${name}.${key}: this ${name} was freed (free() was called); create a new one`);
      }
    };
    if (typeof d.value === "function") {
      const f = d.value;
      d.value = function (...args) { check(this); return f.apply(this, args); };
    } else if (d.get) {
      const g = d.get;
      d.get = function () { check(this); return g.call(this); };
    } else continue;
    Object.defineProperty(proto, key, d);
  }
}
guardFreed(glue.World, "World");
guardFreed(glue.Socket, "Socket");
guardFreed(glue.Monitor, "Monitor");

// ---------------------------------------------------------------------------
// Constants (linux/netlink.h, linux/rtnetlink.h, linux/if_link.h,
// linux/if_addr.h, linux/socket.h).
// ---------------------------------------------------------------------------
export const NLMSG_NOOP = 1, NLMSG_ERROR = 2, NLMSG_DONE = 3;
export const NLM_F_REQUEST = 0x1, NLM_F_MULTI = 0x2, NLM_F_ACK = 0x4, NLM_F_ECHO = 0x8,
  NLM_F_DUMP_INTR = 0x10, NLM_F_DUMP_FILTERED = 0x20,
  NLM_F_ROOT = 0x100, NLM_F_MATCH = 0x200, NLM_F_ATOMIC = 0x400, NLM_F_DUMP = 0x300,
  NLM_F_REPLACE = 0x100, NLM_F_EXCL = 0x200, NLM_F_CREATE = 0x400, NLM_F_APPEND = 0x800,
  NLM_F_CAPPED = 0x100, NLM_F_ACK_TLVS = 0x200;
export const RTM_NEWLINK = 16, RTM_DELLINK = 17, RTM_GETLINK = 18, RTM_SETLINK = 19,
  RTM_NEWADDR = 20, RTM_DELADDR = 21, RTM_GETADDR = 22,
  RTM_NEWROUTE = 24, RTM_DELROUTE = 25, RTM_GETROUTE = 26,
  RTM_NEWNEIGH = 28, RTM_DELNEIGH = 29, RTM_GETNEIGH = 30,
  RTM_NEWRULE = 32, RTM_DELRULE = 33, RTM_GETRULE = 34,
  RTM_NEWNETCONF = 80, RTM_DELNETCONF = 81, RTM_GETNETCONF = 82,
  RTM_NEWNSID = 88, RTM_DELNSID = 89, RTM_GETNSID = 90;
export const IFLA_UNSPEC = 0, IFLA_ADDRESS = 1, IFLA_BROADCAST = 2, IFLA_IFNAME = 3, IFLA_MTU = 4,
  IFLA_LINK = 5, IFLA_QDISC = 6, IFLA_STATS = 7, IFLA_MASTER = 10, IFLA_TXQLEN = 13,
  IFLA_OPERSTATE = 16, IFLA_LINKMODE = 17, IFLA_LINKINFO = 18, IFLA_NET_NS_PID = 19, IFLA_IFALIAS = 20,
  IFLA_STATS64 = 23, IFLA_AF_SPEC = 26, IFLA_GROUP = 27, IFLA_NET_NS_FD = 28, IFLA_EXT_MASK = 29,
  IFLA_PROMISCUITY = 30, IFLA_NUM_TX_QUEUES = 31, IFLA_NUM_RX_QUEUES = 32, IFLA_CARRIER = 33,
  IFLA_CARRIER_CHANGES = 35, IFLA_LINK_NETNSID = 37, IFLA_PROTO_DOWN = 39, IFLA_GSO_MAX_SEGS = 40,
  IFLA_GSO_MAX_SIZE = 41, IFLA_MIN_MTU = 50, IFLA_MAX_MTU = 51;
export const IFLA_INFO_KIND = 1, IFLA_INFO_DATA = 2, IFLA_INFO_SLAVE_KIND = 4, IFLA_INFO_SLAVE_DATA = 5;
export const IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_LABEL = 3, IFA_BROADCAST = 4, IFA_ANYCAST = 5,
  IFA_CACHEINFO = 6, IFA_FLAGS = 8, IFA_RT_PRIORITY = 9;
export const RTA_DST = 1, RTA_SRC = 2, RTA_IIF = 3, RTA_OIF = 4, RTA_GATEWAY = 5, RTA_PRIORITY = 6,
  RTA_PREFSRC = 7, RTA_METRICS = 8, RTA_MULTIPATH = 9, RTA_TABLE = 15, RTA_PREF = 20;
export const AF_UNSPEC = 0, AF_INET = 2, AF_BRIDGE = 7, AF_INET6 = 10, AF_PACKET = 17;
export const IFF_UP = 0x1, IFF_BROADCAST = 0x2, IFF_LOOPBACK = 0x8, IFF_RUNNING = 0x40,
  IFF_NOARP = 0x80, IFF_PROMISC = 0x100, IFF_MULTICAST = 0x1000, IFF_LOWER_UP = 0x10000;

// ---------------------------------------------------------------------------
// Request builders.
// ---------------------------------------------------------------------------

/** Refuses options a builder does not know, and checks the required ones. */
function options(what, opts, known, required = []) {
  if (opts === undefined || opts === null) opts = {};
  if (typeof opts !== "object" || Array.isArray(opts)) throw new TypeError(`${what}: options must be an object, got ${typeName(opts)}`);
  for (const k of Object.keys(opts)) {
    if (!known.includes(k)) throw new TypeError(`${what}: unknown option \`${k}\` (known: ${known.join(", ")})`);
  }
  for (const k of required) {
    if (opts[k] === undefined || opts[k] === null) throw new TypeError(`${what}: \`${k}\` is required`);
  }
  const u32 = (k, dflt) => {
    const v = opts[k] ?? dflt;
    if (!Number.isInteger(v) || v < 0 || v > 0xffffffff) throw new TypeError(`${what}: \`${k}\` must be an integer 0..4294967295, got ${String(v)}`);
    return v;
  };
  return { opts, u32 };
}

/** A netlink message: header, family header bytes, then attributes. */
function message(type, flags, seq, body, attrs = []) {
  const pad = (n) => (n + 3) & ~3;
  const attrLen = attrs.reduce((n, [, data]) => n + pad(4 + data.length), 0);
  const len = 16 + pad(body.length) + attrLen;
  const out = new Uint8Array(len);
  const v = new DataView(out.buffer);
  v.setUint32(0, len, true);
  v.setUint16(4, type, true);
  v.setUint16(6, flags, true);
  v.setUint32(8, seq, true);
  v.setUint32(12, 0, true);
  out.set(body, 16);
  let at = 16 + pad(body.length);
  for (const [kind, data] of attrs) {
    v.setUint16(at, 4 + data.length, true);
    v.setUint16(at + 2, kind, true);
    out.set(data, at + 4);
    at += pad(4 + data.length);
  }
  return out;
}

/** An address literal's family and bytes. */
function parseAddress(what, text) {
  if (typeof text !== "string") throw new TypeError(`${what}: \`address\` must be a string, got ${typeName(text)}`);
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (v4) {
    const b = v4.slice(1).map(Number);
    if (b.every((x) => x <= 255)) return { family: AF_INET, bytes: Uint8Array.from(b) };
  } else if (/^[0-9a-fA-F:]+$/.test(text) && text.includes(":")) {
    const [head, tail, more] = text.split("::");
    const groups = (s) => (s ? s.split(":") : []);
    const h = groups(head), t = groups(tail ?? "");
    const fill = tail === undefined ? 0 : 8 - h.length - t.length;
    const all = [...h, ...Array(Math.max(fill, 0)).fill("0"), ...t];
    if (more === undefined && all.length === 8 && (tail === undefined || fill >= 1) && all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) {
      const bytes = new Uint8Array(16);
      all.forEach((g, i) => { const n = parseInt(g, 16); bytes[2 * i] = n >> 8; bytes[2 * i + 1] = n & 0xff; });
      return { family: AF_INET6, bytes };
    }
  }
  throw new TypeError(`${what}: "${text}" is not an IPv4 or IPv6 address`);
}

const dump = (what, type, famLen, opts) => {
  const { u32 } = options(what, opts, ["seq", "family"]);
  const body = new Uint8Array(famLen);
  body[0] = u32("family", AF_UNSPEC);
  return message(type, NLM_F_REQUEST | NLM_F_DUMP, u32("seq", 1), body);
};

/** RTM_GETLINK dump (`ip link show`): one RTM_NEWLINK per link, then NLMSG_DONE. */
export const getLinks = (opts) => dump("getLinks", RTM_GETLINK, 16, opts);
/** RTM_GETADDR dump (`ip address show`); `family` AF_INET or AF_INET6 narrows it. */
export const getAddresses = (opts) => dump("getAddresses", RTM_GETADDR, 8, opts);
/** RTM_GETROUTE dump (`ip route show table all`). */
export const getRoutes = (opts) => dump("getRoutes", RTM_GETROUTE, 12, opts);
/** RTM_GETNEIGH dump (`ip neigh show`). */
export const getNeighbours = (opts) => dump("getNeighbours", RTM_GETNEIGH, 12, opts);

function addressRequest(what, type, flags, opts) {
  const { opts: o, u32 } = options(what, opts, ["index", "address", "prefixLen", "seq"], ["index", "address", "prefixLen"]);
  const { family, bytes } = parseAddress(what, o.address);
  const prefixLen = u32("prefixLen");
  if (prefixLen > bytes.length * 8) throw new TypeError(`${what}: \`prefixLen\` ${prefixLen} is longer than the address`);
  const body = new Uint8Array(8);
  const v = new DataView(body.buffer);
  body[0] = family;
  body[1] = prefixLen;
  v.setUint32(4, u32("index"), true);
  return message(type, flags, u32("seq", 1), body, [[IFA_LOCAL, bytes], [IFA_ADDRESS, bytes]]);
}

/** RTM_NEWADDR (`ip address add ADDRESS/PREFIXLEN dev INDEX`), answered by an ACK or an error. */
export const newAddress = (opts) => addressRequest("newAddress", RTM_NEWADDR, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, opts);
/** RTM_DELADDR (`ip address del ADDRESS/PREFIXLEN dev INDEX`). */
export const delAddress = (opts) => addressRequest("delAddress", RTM_DELADDR, NLM_F_REQUEST | NLM_F_ACK, opts);

/** RTM_NEWLINK that sets a link up or down (`ip link set dev INDEX up|down`). */
export function setLinkUp(opts) {
  const { opts: o, u32 } = options("setLinkUp", opts, ["index", "up", "seq"], ["index"]);
  if (o.up !== undefined && typeof o.up !== "boolean") throw new TypeError(`setLinkUp: \`up\` must be a boolean, got ${typeName(o.up)}`);
  const body = new Uint8Array(16);
  const v = new DataView(body.buffer);
  v.setInt32(4, u32("index"), true);
  v.setUint32(8, o.up === false ? 0 : IFF_UP, true);
  v.setUint32(12, IFF_UP, true);
  return message(RTM_NEWLINK, NLM_F_REQUEST | NLM_F_ACK, u32("seq", 1), body);
}
