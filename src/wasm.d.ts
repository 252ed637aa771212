// The TypeScript types of the plain objects the JavaScript API (src/wasm.rs)
// takes and returns; wasm-bindgen adds this text to the package's .d.ts.
/** Options of {@link World.socket}. Every field is optional. */
export interface SocketOptions {
  /** The netlink protocol: `"route"` (NETLINK_ROUTE, the default),
   * `"netfilter"` (NETLINK_NETFILTER: nfnetlink and nf_tables, as `nft` and
   * `iptables` use it) or `"sock_diag"` (NETLINK_SOCK_DIAG); the protocol
   * numbers 0, 12 and 4 are accepted too. */
  protocol?: "route" | "netfilter" | "sock_diag" | number;
  /** The namespace: a name given by `ip netns add`, or a namespace id from
   * {@link World.topology}. Default: the initial namespace. */
  netns?: string | number;
  /** Multicast groups to join: a legacy `bind()` bit mask (number), or a list
   * of group numbers (`1` is RTNLGRP_LINK) or names (`"link"`,
   * `"ipv4-ifaddr"`, `"RTNLGRP_IPV4_ROUTE"`...); other protocols take group
   * numbers (`7` is NFNLGRP_NFTABLES). */
  groups?: number | Array<number | string>;
  /** Open the socket without CAP_NET_ADMIN: changes fail with EPERM. */
  unprivileged?: boolean;
  /** NETLINK_EXT_ACK: errors carry the kernel's message. Default false. */
  extAck?: boolean;
  /** NETLINK_CAP_ACK: errors echo only the request header. Default false. */
  capAck?: boolean;
  /** NETLINK_GET_STRICT_CHK: strict checking of dump requests. Default false. */
  strictCheck?: boolean;
}

/** What {@link World.exec} returns. */
export interface ExecResult {
  /** Everything the line wrote to standard output. */
  stdout: string;
  /** Everything the line wrote to standard error. */
  stderr: string;
  /** Both streams interleaved in writing order, as a terminal shows them. */
  combined: string;
  /** The exit status (`$?`): 0 for success. */
  status: number;
  /** The netlink datagrams the line sent and their replies, in order. */
  netlink: NetlinkExchange[];
}

/** Options of {@link World.exec}. Every field is optional; an unknown
 * field is an error. */
export interface ExecOptions {
  /** Run the line in this named namespace, as `ip netns exec NS bash` would
   * (the session returns to the initial namespace afterwards). */
  netns?: string;
  /** A person at a terminal: standard output is a terminal (so `ip
   * -c=auto` colours) and "command not found" adds a line naming the
   * commands there are. Default false. */
  interactive?: boolean;
}

/** One datagram the shell's `ip` sent during the last {@link World.exec},
 * with the reply messages the kernel answered it with. */
export interface NetlinkExchange {
  /** The socket's netlink protocol: `"route"` (`ip`, `bridge`) or
   * `"netfilter"` (`nft`, `iptables`); give it to {@link decode}. */
  protocol: "route" | "netfilter";
  /** The namespace the socket was opened in; null for the initial one. */
  netns: string | null;
  /** The socket's port id. */
  portId: number;
  /** The datagram sent (one or more messages). */
  request: Uint8Array;
  /** Every reply message, each one nlmsghdr-framed message, in order. */
  replies: Uint8Array[];
}

/** A snapshot: the operations that built a world, as text. */
export interface WorldSnapshot {
  /** Format version (currently 2; 1 is still read). */
  version: number;
  /** One operation a line, starting with `iplab-snapshot 2` and ending with a
   * line `end OPS BYTES CRC32` (a cut or altered text is refused). */
  text: string;
}

/** A decoded value: a number, a string (text, address, hex) or null. */
export type DecodedValue = number | string | null;

/** A field of a fixed structure. */
export interface DecodedField {
  /** The C field name, e.g. `ifi_flags`. */
  name: string;
  /** Its value. */
  value: DecodedValue;
  /** A readable form (`UP|LOWER_UP`, `main`...), when there is one. */
  text?: string;
}

/** One attribute of a message. */
export interface DecodedAttribute {
  /** The attribute type number (without NLA_F_* bits). */
  type: number;
  /** Its name, e.g. `IFLA_IFNAME`. */
  name: string;
  /** `nla_len`. */
  len: number;
  /** Offset of the attribute within its message. */
  offset: number;
  /** NLA_F_NESTED was set. */
  nested: boolean;
  /** NLA_F_NET_BYTEORDER was set. */
  netByteorder: boolean;
  /** How the payload was read: u8, u16, u32, s32, u64, be16, be32, string,
   * ipv4, ipv6, mac, flag, struct, nested or binary. */
  format: string;
  /** The decoded value (null for nests and flags). */
  value: DecodedValue;
  /** A readable form, when there is one. */
  text?: string;
  /** Fields of a struct payload. */
  fields?: DecodedField[];
  /** Nested attributes. */
  attributes?: DecodedAttribute[];
  /** The whole attribute in hex. */
  hex: string;
  /** What did not fit, if anything. */
  problem?: string;
}

/** The content of an NLMSG_ERROR message. */
export interface DecodedError {
  /** The negative errno, or 0 for an acknowledgement. */
  error: number;
  /** The errno's name, e.g. `EEXIST`; empty for an ACK. */
  errnoName: string;
  /** strerror's text. */
  message: string;
  /** The extended-ack message, if any. */
  extack?: string;
  /** The offset of the offending attribute in the request, if given. */
  offset?: number;
  /** The echoed request. */
  request?: DecodedMessage;
}

/** One decoded netlink message. */
export interface DecodedMessage {
  /** `nlmsg_len`. */
  len: number;
  /** `nlmsg_type`. */
  type: number;
  /** e.g. `RTM_NEWLINK`, `NLMSG_DONE`. */
  typeName: string;
  /** `nlmsg_flags`. */
  flags: number;
  /** e.g. `["NLM_F_REQUEST", "NLM_F_DUMP"]`. */
  flagNames: string[];
  /** `nlmsg_seq`. */
  seq: number;
  /** `nlmsg_pid`. */
  pid: number;
  /** The family header's C name (`ifinfomsg`, `rtmsg`...). */
  headerName?: string;
  /** The family header's fields. */
  header: DecodedField[];
  /** The attributes. */
  attributes: DecodedAttribute[];
  /** For NLMSG_ERROR: the error or ACK. */
  error?: DecodedError;
  /** The whole message in hex. */
  hex: string;
  /** What did not fit, if anything. */
  problem?: string;
}

/** What {@link World.decode} returns. */
export interface Decoded {
  /** The messages of the datagram, in order. */
  messages: DecodedMessage[];
  /** Trouble after the last message, if any. */
  problem?: string;
}

/** A veth's other end. */
export interface PeerView {
  /** The peer's namespace id. */
  netns: number;
  /** That namespace's name; null for the initial namespace. */
  netnsName: string | null;
  /** The peer's ifindex in its namespace. */
  index: number;
  /** The peer's name. */
  name: string;
}

/** An address on a link. */
export interface AddressView {
  /** `inet` or `inet6`. */
  family: "inet" | "inet6";
  /** The address, e.g. `10.0.0.1` or `fe80::1`. */
  address: string;
  /** The prefix length. */
  prefixLen: number;
  /** `global`, `link`, `host`, `site` or a number. */
  scope: string;
  /** The peer of a point-to-point address. */
  peer: string | null;
  /** The IPv4 label (e.g. `eth0:1`). */
  label: string | null;
}

/** One next hop of a route. */
export interface NextHopView {
  /** The gateway, if any. */
  gateway: string | null;
  /** The output device's ifindex (0 for none). */
  devIndex: number;
  /** The output device's name. */
  dev: string | null;
  /** The weight (1 unless multipath). */
  weight: number;
}

/** A route, as `ip route show table all` lists it. */
export interface RouteView {
  /** `inet` or `inet6`. */
  family: "inet" | "inet6";
  /** The table id (254 main, 255 local). */
  table: number;
  /** `default` or `PREFIX/LEN` (a host route without `/LEN`). */
  dst: string;
  /** `unicast`, `local`, `broadcast`, `blackhole`, `unreachable`... */
  type: string;
  /** `kernel`, `boot`, `static`... or a number. */
  protocol: string;
  /** `global`, `link`, `host`... */
  scope: string;
  /** The metric. */
  metric: number;
  /** The preferred source address. */
  prefsrc: string | null;
  /** The next hops (several for a multipath route, none for a blackhole). */
  nexthops: NextHopView[];
  /** The next-hop object the route goes through (`nhid`), whose next hops `nexthops` shows. */
  nhid: number | null;
}

/** A neighbour (ARP or NDP) entry. */
export interface NeighbourView {
  /** The protocol address. */
  address: string;
  /** The device's ifindex. */
  devIndex: number;
  /** The device's name. */
  dev: string | null;
  /** The link-layer address, if known. */
  lladdr: string | null;
  /** NUD state names, e.g. `PERMANENT` or `REACHABLE`. */
  state: string;
}

/** A link (network device). */
export interface LinkView {
  /** The ifindex. */
  index: number;
  /** The name. */
  name: string;
  /** `loopback`, `veth`, `bridge`, `macvlan`, `dummy` or `vlan`. */
  kind: string;
  /** Administratively up (IFF_UP). */
  up: boolean;
  /** The operational state as `ip link` shows it: UP, DOWN, UNKNOWN, LOWERLAYERDOWN... */
  state: string;
  /** Whether the carrier is on (IFF_LOWER_UP). */
  carrier: boolean;
  /** The MTU. */
  mtu: number;
  /** The hardware address, `aa:bb:cc:dd:ee:ff`. */
  address: string;
  /** The master (bridge) ifindex, if enslaved. */
  master: number | null;
  /** The master's name. */
  masterName: string | null;
  /** The lower device of a macvlan or vlan. */
  lower: number | null;
  /** The other end of a veth. */
  peer: PeerView | null;
  /** Addresses: IPv4 first, then IPv6. */
  addresses: AddressView[];
}

/** A network namespace. */
export interface NamespaceView {
  /** Its id in the world (0 is the initial namespace). */
  id: number;
  /** The name `ip netns add` gave it; null for the initial namespace. */
  name: string | null;
  /** Its links, by ifindex. */
  links: LinkView[];
  /** Its routes, IPv4 then IPv6, each table in dump order. */
  routes: RouteView[];
  /** Its neighbour entries. */
  neighbours: NeighbourView[];
}

/** What {@link World.topology} returns: every namespace, the initial one first. */
export interface Topology {
  /** The namespaces. */
  namespaces: NamespaceView[];
}
