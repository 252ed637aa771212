"""Links: RTM_NEWLINK / RTM_DELLINK / RTM_GETLINK / RTM_SETLINK."""

from . import case
from .common import *  # noqa: F401,F403

# a monitor that sees link events only
LINK_GROUPS = group_mask(RTNLGRP_LINK)


def kind_body(name, kind, data=b"", extra=b""):
    """`ip link add NAME type KIND [...]`."""
    info = a_str(IFLA_INFO_KIND, kind) + (nest(IFLA_INFO_DATA, data) if data else b"")
    return ifinfomsg() + a_str(IFLA_IFNAME, name) + extra + nest(IFLA_LINKINFO, info)


def change(s, sk, index, attrs, kind=RTM_NEWLINK, flags=REQ_ACK):
    """`ip link set dev X ...`: ifinfomsg by index + attributes."""
    return s.ask(sk, kind, flags, ifinfomsg(index=index) + attrs)


@case("link/dump-rtgenmsg",
      """GETLINK dump with the 4-byte rtgenmsg body glibc's getifaddrs sends
      (AF_PACKET): a fresh namespace has only lo, down, with full statistics.""")
def _(s):
    sk = s.socket(ext_ack=False)
    s.ask(sk, RTM_GETLINK, DUMP, rtgenmsg(17))


@case("link/dump-ifinfomsg",
      """GETLINK dump with a full ifinfomsg and IFLA_EXT_MASK (VF | SKIP_STATS), as
      `ip link show` sends it: no IFLA_STATS/STATS64.""")
def _(s):
    sk = s.socket(strict_chk=True)
    dump_links(s, sk)
    s.ask(sk, RTM_GETLINK, DUMP, ifinfomsg())


@case("link/get-lo-by-index",
      """GETLINK for ifi_index 1, without and with SKIP_STATS.""")
def _(s):
    sk = s.socket()
    get_link(s, sk, LO)
    s.ask(sk, RTM_GETLINK, REQ, ifinfomsg(index=LO))


@case("link/get-lo-by-name",
      """GETLINK with ifi_index 0 and IFLA_IFNAME "lo", as iproute2 resolves names.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_GETLINK, REQ, ifinfomsg() + LINK_MASK + a_str(IFLA_IFNAME, "lo"))


@case("link/get-missing",
      """GETLINK for a missing index and a missing name: ENODEV, no extack text.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_GETLINK, REQ, ifinfomsg(index=7) + LINK_MASK)
    s.ask(sk, RTM_GETLINK, REQ, ifinfomsg() + LINK_MASK + a_str(IFLA_IFNAME, "nosuch"))


@case("link/get-name-and-index-disagree",
      """GETLINK with ifi_index 1 and IFLA_IFNAME "nosuch": the index wins.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_GETLINK, REQ, ifinfomsg(index=LO) + LINK_MASK + a_str(IFLA_IFNAME, "nosuch"))


@case("link/newlink-probe",
      """The empty RTM_NEWLINK (seq 0) `ip link add` sends first to detect netlink
      support: ENODEV (no device named, no kind).""")
def _(s):
    sk = s.socket(strict_chk=True)
    s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(), seq=0)


@case("link/veth-create",
      """NEWLINK type veth with its peer (both MAC addresses set): the peer is
      registered first (vb = 2, va = 3).  Monitor on LINK and NETCONF groups.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=group_mask(RTNLGRP_LINK, RTNLGRP_IPV4_NETCONF, RTNLGRP_IPV6_NETCONF))
    add_veth(s, sk)
    s.drain(mon)
    dump_links(s, sk)


@case("link/veth-peer-defaults",
      """A veth created without a peer section: Linux names the peer veth0; the
      peer's MAC is random, so only the main end is looked at (by name).""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, ifinfomsg() + a_mac(IFLA_ADDRESS, MAC_VA) + a_str(IFLA_IFNAME, "va")
          + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "veth")))
    s.ask(sk, RTM_GETLINK, REQ, ifinfomsg() + LINK_MASK + a_str(IFLA_IFNAME, "va"))


@case("link/bridge-create",
      """NEWLINK type bridge with an address; GETLINK shows IFLA_LINKINFO with the
      bridge's IFLA_INFO_DATA.""")
def _(s):
    s.settle_time = BRIDGE_SETTLE
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_bridge(s, sk, mac=MAC_BR)
    s.drain(mon)
    get_link(s, sk, 2)


@case("link/macvlan-on-veth",
      """NEWLINK type macvlan (mode bridge) on top of veth va: IFLA_LINK names the
      lower device.""")
def _(s):
    sk = s.socket()
    add_veth(s, sk)
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL,
          kind_body("mv0", "macvlan", a_u32(IFLA_MACVLAN_MODE, MACVLAN_MODE_BRIDGE),
                    extra=a_mac(IFLA_ADDRESS, MAC_MV) + a_u32(IFLA_LINK, VA)))
    get_link(s, sk, 4)


@case("link/macvlan-errors",
      """macvlan without IFLA_LINK (EINVAL) and on a missing lower device (ENODEV).""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, kind_body("mv0", "macvlan"))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, kind_body("mv0", "macvlan", extra=a_u32(IFLA_LINK, 9)))


@case("link/unknown-kinds",
      """Kinds this kernel does not have: a made-up one, and dummy, vlan and bond,
      which are not built in here: EOPNOTSUPP "Unknown device type".""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, kind_body("x0", "foo"))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, kind_body("d0", "dummy"))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, kind_body("lo.5", "vlan", a_u16(1, 5), extra=a_u32(IFLA_LINK, LO)))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, kind_body("bond0", "bond"))


@case("link/create-existing-name",
      """Creating a device whose name exists: EEXIST with NLM_F_EXCL (no extack);
      without EXCL a veth request for an existing veth is EOPNOTSUPP, while a
      request without a kind for lo is a plain change (MTU) and succeeds.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, kind_body("lo", "bridge"))
    add_veth(s, sk)
    add_veth(s, sk)
    s.ask(sk, RTM_NEWLINK, REQ_ACK | NLM_F_CREATE, veth_body("va", MAC_VA, "vc", MAC_VC))
    s.ask(sk, RTM_NEWLINK, REQ_ACK | NLM_F_CREATE, ifinfomsg() + a_str(IFLA_IFNAME, "lo") + a_u32(IFLA_MTU, 1500))
    dump_links(s, sk)


@case("link/create-without-name",
      """A bridge created without IFLA_IFNAME gets the kernel's template name
      bridge0; a second one bridge1.""")
def _(s):
    s.settle_time = BRIDGE_SETTLE
    sk = s.socket()
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, ifinfomsg() + a_mac(IFLA_ADDRESS, MAC_BR)
          + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "bridge")))
    s.ask(sk, RTM_NEWLINK, CREATE_EXCL, ifinfomsg() + a_mac(IFLA_ADDRESS, "02:00:00:00:00:b1")
          + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "bridge")))
    s.ask(sk, RTM_GETLINK, REQ, ifinfomsg() + LINK_MASK + a_str(IFLA_IFNAME, "bridge1"))


@case("link/lo-up-down",
      """lo up: 127.0.0.1/8 and ::1/128 appear with their routes; lo down again.
      Monitor on LINK, IPv4/IPv6 address and route groups.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=group_mask(RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR, RTNLGRP_IPV6_IFADDR,
                                     RTNLGRP_IPV4_ROUTE, RTNLGRP_IPV6_ROUTE))
    set_up(s, sk, LO)
    s.drain(mon)
    get_link(s, sk, LO)
    dump_addrs(s, sk)
    dump_routes(s, sk, AF_INET, 0)
    dump_routes(s, sk, AF_INET6, 0)
    set_up(s, sk, LO, False)
    s.drain(mon)
    dump_addrs(s, sk)
    dump_routes(s, sk, AF_INET6, 0)


@case("link/veth-one-end-up",
      """va up while vb is down: IFF_UP without IFF_LOWER_UP, operstate
      LOWERLAYERDOWN, no IPv6 link-local address.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_veth(s, sk)
    s.drain(mon)
    set_up(s, sk, VA)
    s.drain(mon)
    dump_links(s, sk)
    dump_addrs(s, sk, AF_INET6)


@case("link/veth-both-ends-up",
      """Then vb up too: carrier on both ends, operstate UP, IPv6 link-local
      addresses from the MACs after DAD; the link dump shows the settled state.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_veth(s, sk)
    set_up(s, sk, VA)
    s.drain(mon)
    set_up(s, sk, VB)
    s.drain(mon)
    dump_links(s, sk)
    dump_addrs(s, sk, AF_INET6)
    dump_routes(s, sk, AF_INET6, 0)


@case("link/veth-down-one-end",
      """Both ends up, then vb down: va loses its carrier (operstate
      LOWERLAYERDOWN) and its IPv6 routes but keeps the link-local address.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    veth_pair_up(s, sk, addr=False)
    s.drain(mon)
    set_up(s, sk, VB, False)
    s.drain(mon)
    dump_links(s, sk)
    dump_addrs(s, sk, AF_INET6)
    dump_routes(s, sk, AF_INET6, 0)


@case("link/addrgenmode-none",
      """`ip link set dev X addrgenmode none` on both ends of a veth pair before they
      come up: IFLA_AF_SPEC/AF_INET6/IFLA_INET6_ADDR_GEN_MODE, and no link-local
      address afterwards.""")
def _(s):
    sk = s.socket()
    add_veth(s, sk)
    change(s, sk, VA, no_ipv6_ll())
    change(s, sk, VB, no_ipv6_ll())
    set_up(s, sk, VA)
    set_up(s, sk, VB)
    get_link(s, sk, VA)
    dump_addrs(s, sk, AF_INET6)


@case("link/create-with-af-spec",
      """IFLA_AF_SPEC (inet6 addrgenmode) inside a create request fails with
      EAFNOSUPPORT and no extack text; no device is left behind.""")
def _(s):
    sk = s.socket()
    add_veth(s, sk, extra=no_ipv6_ll())
    dump_links(s, sk)


@case("link/mtu",
      """MTU changes on a veth: 1400 works; 67 is below the minimum (68) and 65536
      above the maximum (65535): EINVAL with extack text.  Also via RTM_SETLINK.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_veth(s, sk)
    s.drain(mon)
    change(s, sk, VA, a_u32(IFLA_MTU, 1400))
    change(s, sk, VA, a_u32(IFLA_MTU, 67))
    change(s, sk, VA, a_u32(IFLA_MTU, 65536))
    change(s, sk, VB, a_u32(IFLA_MTU, 9000), kind=RTM_SETLINK)
    s.drain(mon)
    dump_links(s, sk)


@case("link/mtu-lo",
      """lo has no MTU limits here: 1280 and 65537 are both accepted.""")
def _(s):
    sk = s.socket()
    change(s, sk, LO, a_u32(IFLA_MTU, 1280))
    change(s, sk, LO, a_u32(IFLA_MTU, 65537))
    get_link(s, sk, LO)


@case("link/rename",
      """IFLA_IFNAME by index renames; a link that is up can be renamed; the name of
      another link gives EEXIST; an empty name is accepted and changes nothing; a
      16-character name fails policy validation (ERANGE).""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_veth(s, sk)
    s.drain(mon)
    change(s, sk, VA, a_str(IFLA_IFNAME, "left"))
    set_up(s, sk, VA)
    change(s, sk, VA, a_str(IFLA_IFNAME, "left2"))
    change(s, sk, VA, a_str(IFLA_IFNAME, "vb"))
    change(s, sk, VA, a_str(IFLA_IFNAME, ""))
    change(s, sk, VA, a_str(IFLA_IFNAME, "0123456789abcdef"))
    s.drain(mon)
    dump_links(s, sk)


@case("link/set-by-name",
      """NEWLINK with ifi_index 0 finds the device by IFLA_IFNAME (lo up by name);
      a missing name is ENODEV.""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(flags=IFF_UP, change=IFF_UP) + a_str(IFLA_IFNAME, "lo"))
    s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(flags=IFF_UP, change=IFF_UP) + a_str(IFLA_IFNAME, "nosuch"))
    get_link(s, sk, LO)


@case("link/address-and-broadcast",
      """IFLA_ADDRESS and IFLA_BROADCAST changes on a veth; an address shorter than
      6 bytes is EINVAL; a multicast MAC is EADDRNOTAVAIL.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_veth(s, sk)
    s.drain(mon)
    change(s, sk, VA, a_mac(IFLA_ADDRESS, "02:00:00:00:01:0a"))
    change(s, sk, VA, a_mac(IFLA_BROADCAST, "ff:ff:ff:ff:ff:fe"))
    change(s, sk, VA, a_mac(IFLA_ADDRESS, "02:00:00"))
    change(s, sk, VA, a_mac(IFLA_ADDRESS, "01:00:5e:00:00:01"))
    s.drain(mon)
    get_link(s, sk, VA)


@case("link/txqlen-alias-group",
      """IFLA_TXQLEN, IFLA_IFALIAS (set, then cleared with an empty alias) and
      IFLA_GROUP on a veth.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_veth(s, sk)
    s.drain(mon)
    change(s, sk, VA, a_u32(IFLA_TXQLEN, 500))
    change(s, sk, VA, a_str(IFLA_IFALIAS, "uplink to the lab"))
    get_link(s, sk, VA)
    change(s, sk, VA, a_u32(IFLA_GROUP, 7))
    change(s, sk, VA, attr(IFLA_IFALIAS, b""))
    s.drain(mon)
    get_link(s, sk, VA)


@case("link/flags",
      """ifi_change selects which flags change: promisc and noarp on, then IFF_UP
      with ifi_change 0 (meaning all flags: ifi_flags replace them).""")
def _(s):
    sk = s.socket()
    add_veth(s, sk)
    s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(index=VA, flags=IFF_PROMISC | IFF_NOARP,
                                              change=IFF_PROMISC | IFF_NOARP))
    get_link(s, sk, VA)
    s.ask(sk, RTM_NEWLINK, REQ_ACK, ifinfomsg(index=VA, flags=IFF_UP | IFF_MULTICAST | IFF_BROADCAST))
    get_link(s, sk, VA)


@case("link/master-nomaster",
      """veth va into bridge br0 (IFLA_MASTER), then out again (IFLA_MASTER 0); a
      missing master is EINVAL; lo cannot be a bridge port.""")
def _(s):
    s.settle_time = BRIDGE_SETTLE
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_veth(s, sk)
    add_bridge(s, sk)
    s.drain(mon)
    set_master(s, sk, VA, BR)
    s.drain(mon)
    get_link(s, sk, VA)
    set_master(s, sk, VA, 0)
    s.drain(mon)
    get_link(s, sk, VA)
    set_master(s, sk, VA, 9)
    set_master(s, sk, LO, BR)


@case("link/bridge-port-up",
      """A bridge with an up port (no IPv6 link-local addresses, to keep background
      traffic out): va in br0, all up; the bridge gets carrier from its port.""")
def _(s):
    s.settle_time = BRIDGE_SETTLE
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_veth(s, sk)
    add_bridge(s, sk)
    for index in (VA, VB, BR):
        change(s, sk, index, no_ipv6_ll())
    s.drain(mon)
    set_master(s, sk, VA, BR)
    set_up(s, sk, BR)
    set_up(s, sk, VB)
    set_up(s, sk, VA)
    s.drain(mon)
    get_link(s, sk, BR)


@case("link/dellink-by-index",
      """DELLINK va by index removes vb too (a veth pair dies together); the monitor
      sees both RTM_DELLINKs.""")
def _(s):
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_veth(s, sk)
    s.drain(mon)
    s.ask(sk, RTM_DELLINK, REQ_ACK, ifinfomsg(index=VA))
    s.drain(mon)
    dump_links(s, sk)


@case("link/dellink-by-name",
      """DELLINK by IFLA_IFNAME with ifi_index 0; deleting the peer end (vb) also
      removes va.""")
def _(s):
    sk = s.socket()
    add_veth(s, sk)
    s.ask(sk, RTM_DELLINK, REQ_ACK, ifinfomsg() + a_str(IFLA_IFNAME, "vb"))
    dump_links(s, sk)


@case("link/dellink-errors",
      """DELLINK of lo (no rtnl_link_ops: EOPNOTSUPP), of a missing index and name
      (ENODEV), and with neither index nor name (EINVAL).""")
def _(s):
    sk = s.socket()
    s.ask(sk, RTM_DELLINK, REQ_ACK, ifinfomsg(index=LO))
    s.ask(sk, RTM_DELLINK, REQ_ACK, ifinfomsg(index=9))
    s.ask(sk, RTM_DELLINK, REQ_ACK, ifinfomsg() + a_str(IFLA_IFNAME, "nosuch"))
    s.ask(sk, RTM_DELLINK, REQ_ACK, ifinfomsg())


@case("link/delete-bridge-with-port",
      """Deleting a bridge releases its port: va's NEWLINK without IFLA_MASTER, then
      the bridge's DELLINK.""")
def _(s):
    s.settle_time = BRIDGE_SETTLE
    sk = s.socket()
    mon = s.socket(groups=LINK_GROUPS)
    add_veth(s, sk)
    add_bridge(s, sk)
    set_master(s, sk, VA, BR)
    s.drain(mon)
    s.ask(sk, RTM_DELLINK, REQ_ACK, ifinfomsg(index=BR))
    s.drain(mon)
    get_link(s, sk, VA)


@case("link/dump-filtered-by-master-and-kind",
      """Strict GETLINK dumps filtered by IFLA_MASTER and by IFLA_LINKINFO kind
      (NLM_F_DUMP_FILTERED).""")
def _(s):
    s.settle_time = BRIDGE_SETTLE
    sk = s.socket(strict_chk=True)
    add_veth(s, sk)
    add_bridge(s, sk)
    set_master(s, sk, VA, BR)
    s.ask(sk, RTM_GETLINK, DUMP, ifinfomsg() + LINK_MASK + a_u32(IFLA_MASTER, BR))
    s.ask(sk, RTM_GETLINK, DUMP, ifinfomsg() + LINK_MASK + nest(IFLA_LINKINFO, a_str(IFLA_INFO_KIND, "veth")))
