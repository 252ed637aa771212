/**
 * Instantiates the WebAssembly module: from bytes (`ArrayBuffer`, a typed
 * array, a `WebAssembly.Module`) at once, or from a URL, `Request` or
 * `Response` (fetched). Without an argument, the `.wasm` next to the
 * package's JavaScript. Calling it again does nothing. The `iplab` entry
 * points call it themselves; `iplab/core` leaves it to you.
 */
export function init(urlOrBytes?: string | URL | Request | Response | Promise<Response> | BufferSource | WebAssembly.Module): Promise<void>;

/** Options of the dump builders. Unknown keys throw a `TypeError`. */
export interface DumpOptions {
  /** nlmsg_seq of the request (default 1). */
  seq?: number;
  /** The family byte of the request's header (default AF_UNSPEC: all). */
  family?: number;
}
/** Options of {@link newAddress} and {@link delAddress}. */
export interface AddressOptions {
  /** The link's ifindex. */
  index: number;
  /** An IPv4 or IPv6 address literal, e.g. "10.0.0.1" or "fd00::1". */
  address: string;
  /** The prefix length, e.g. 24. */
  prefixLen: number;
  /** nlmsg_seq (default 1). */
  seq?: number;
}
/** Options of {@link setLinkUp}. */
export interface LinkUpOptions {
  /** The link's ifindex. */
  index: number;
  /** true (default) sets IFF_UP, false clears it. */
  up?: boolean;
  /** nlmsg_seq (default 1). */
  seq?: number;
}
/** An RTM_GETLINK dump request (32 bytes), for `socket.send`. */
export function getLinks(options?: DumpOptions): Uint8Array;
/** An RTM_GETADDR dump request. */
export function getAddresses(options?: DumpOptions): Uint8Array;
/** An RTM_GETROUTE dump request. */
export function getRoutes(options?: DumpOptions): Uint8Array;
/** An RTM_GETNEIGH dump request. */
export function getNeighbours(options?: DumpOptions): Uint8Array;
/** An RTM_NEWADDR request with NLM_F_ACK|NLM_F_CREATE|NLM_F_EXCL, IFA_LOCAL and IFA_ADDRESS. */
export function newAddress(options: AddressOptions): Uint8Array;
/** An RTM_DELADDR request with NLM_F_ACK. */
export function delAddress(options: AddressOptions): Uint8Array;
/** An RTM_NEWLINK request that changes only IFF_UP, with NLM_F_ACK. */
export function setLinkUp(options: LinkUpOptions): Uint8Array;

export const NLMSG_NOOP: 1, NLMSG_ERROR: 2, NLMSG_DONE: 3;
export const NLM_F_REQUEST: 0x1, NLM_F_MULTI: 0x2, NLM_F_ACK: 0x4, NLM_F_ECHO: 0x8, NLM_F_DUMP_INTR: 0x10,
  NLM_F_DUMP_FILTERED: 0x20, NLM_F_ROOT: 0x100, NLM_F_MATCH: 0x200, NLM_F_ATOMIC: 0x400, NLM_F_DUMP: 0x300,
  NLM_F_REPLACE: 0x100, NLM_F_EXCL: 0x200, NLM_F_CREATE: 0x400, NLM_F_APPEND: 0x800, NLM_F_CAPPED: 0x100,
  NLM_F_ACK_TLVS: 0x200;
export const RTM_NEWLINK: 16, RTM_DELLINK: 17, RTM_GETLINK: 18, RTM_SETLINK: 19, RTM_NEWADDR: 20, RTM_DELADDR: 21,
  RTM_GETADDR: 22, RTM_NEWROUTE: 24, RTM_DELROUTE: 25, RTM_GETROUTE: 26, RTM_NEWNEIGH: 28, RTM_DELNEIGH: 29,
  RTM_GETNEIGH: 30, RTM_NEWRULE: 32, RTM_DELRULE: 33, RTM_GETRULE: 34, RTM_NEWNETCONF: 80, RTM_DELNETCONF: 81,
  RTM_GETNETCONF: 82, RTM_NEWNSID: 88, RTM_DELNSID: 89, RTM_GETNSID: 90;
export const IFLA_UNSPEC: 0, IFLA_ADDRESS: 1, IFLA_BROADCAST: 2, IFLA_IFNAME: 3, IFLA_MTU: 4, IFLA_LINK: 5,
  IFLA_QDISC: 6, IFLA_STATS: 7, IFLA_MASTER: 10, IFLA_TXQLEN: 13, IFLA_OPERSTATE: 16, IFLA_LINKMODE: 17,
  IFLA_LINKINFO: 18, IFLA_NET_NS_PID: 19, IFLA_IFALIAS: 20, IFLA_STATS64: 23, IFLA_AF_SPEC: 26, IFLA_GROUP: 27,
  IFLA_NET_NS_FD: 28, IFLA_EXT_MASK: 29, IFLA_PROMISCUITY: 30, IFLA_NUM_TX_QUEUES: 31, IFLA_NUM_RX_QUEUES: 32,
  IFLA_CARRIER: 33, IFLA_CARRIER_CHANGES: 35, IFLA_LINK_NETNSID: 37, IFLA_PROTO_DOWN: 39, IFLA_GSO_MAX_SEGS: 40,
  IFLA_GSO_MAX_SIZE: 41, IFLA_MIN_MTU: 50, IFLA_MAX_MTU: 51;
export const IFLA_INFO_KIND: 1, IFLA_INFO_DATA: 2, IFLA_INFO_SLAVE_KIND: 4, IFLA_INFO_SLAVE_DATA: 5;
export const IFA_ADDRESS: 1, IFA_LOCAL: 2, IFA_LABEL: 3, IFA_BROADCAST: 4, IFA_ANYCAST: 5, IFA_CACHEINFO: 6,
  IFA_FLAGS: 8, IFA_RT_PRIORITY: 9;
export const RTA_DST: 1, RTA_SRC: 2, RTA_IIF: 3, RTA_OIF: 4, RTA_GATEWAY: 5, RTA_PRIORITY: 6, RTA_PREFSRC: 7,
  RTA_METRICS: 8, RTA_MULTIPATH: 9, RTA_TABLE: 15, RTA_PREF: 20;
export const AF_UNSPEC: 0, AF_INET: 2, AF_BRIDGE: 7, AF_INET6: 10, AF_PACKET: 17;
export const IFF_UP: 0x1, IFF_BROADCAST: 0x2, IFF_LOOPBACK: 0x8, IFF_RUNNING: 0x40, IFF_NOARP: 0x80,
  IFF_PROMISC: 0x100, IFF_MULTICAST: 0x1000, IFF_LOWER_UP: 0x10000;
