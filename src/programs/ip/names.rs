//! Names for numbers, as iproute2's lib/rt_names.c, ll_types.c, ll_addr.c
//! and ll_proto.c give them with the stock /etc/iproute2 files: scopes,
//! device groups, hardware types, address families, link-layer addresses.

use super::args::get_u32;

/// `rtnl_rtscope_n2a`.
pub fn scope_n2a(id: u8, numeric: bool) -> String {
    if numeric {
        return id.to_string();
    }
    match id {
        0 => "global",
        200 => "site",
        253 => "link",
        254 => "host",
        255 => "nowhere",
        _ => return id.to_string(),
    }
    .to_string()
}

/// `rtnl_rtscope_a2n`: a scope name or number (0..=255).
pub fn scope_a2n(s: &str) -> Option<u8> {
    match s {
        "global" => Some(0),
        "site" => Some(200),
        "link" => Some(253),
        "host" => Some(254),
        "nowhere" => Some(255),
        _ => get_u32(s, 0).and_then(|v| u8::try_from(v).ok()),
    }
}

/// `rtnl_group_n2a`.
pub fn group_n2a(id: u32, numeric: bool) -> String {
    if id == 0 && !numeric { "default".to_string() } else { (id as i32).to_string() }
}

/// `rtnl_group_a2n`: "default" or a non-negative number.
pub fn group_a2n(s: &str) -> Option<u32> {
    if s == "default" {
        return Some(0);
    }
    let v = super::args::get_u64(s, 0)?;
    // strtol into an int: negative values are refused.
    let v = i64::try_from(v).ok()?;
    if s.trim_start().starts_with('-') {
        return None;
    }
    u32::try_from(v as i32).ok()
}

/// `family_name`.
pub fn family_name(family: u8) -> &'static str {
    match family {
        2 => "inet",
        10 => "inet6",
        17 => "link",
        28 => "mpls",
        7 => "bridge",
        _ => "???",
    }
}

/// `read_family`: AF_UNSPEC (0) for unknown names.
pub fn read_family(name: &str) -> u8 {
    match name {
        "inet" => 2,
        "inet6" => 10,
        "link" => 17,
        "mpls" => 28,
        "bridge" => 7,
        _ => 0,
    }
}

/// `ll_type_n2a`: the ARPHRD_* name of a hardware type.
pub fn ll_type_n2a(t: u16, numeric: bool) -> String {
    const NAMES: &[(u16, &str)] = &[
        (0, "netrom"),
        (1, "ether"),
        (2, "eether"),
        (3, "ax25"),
        (4, "pronet"),
        (5, "chaos"),
        (6, "ieee802"),
        (7, "arcnet"),
        (8, "atalk"),
        (15, "dlci"),
        (19, "atm"),
        (23, "metricom"),
        (24, "ieee1394"),
        (32, "infiniband"),
        (256, "slip"),
        (257, "cslip"),
        (258, "slip6"),
        (259, "cslip6"),
        (260, "rsrvd"),
        (264, "adapt"),
        (270, "rose"),
        (271, "x25"),
        (272, "hwx25"),
        (280, "can"),
        (512, "ppp"),
        (513, "hdlc"),
        (516, "lapb"),
        (517, "ddcmp"),
        (518, "rawhdlc"),
        (768, "ipip"),
        (769, "tunnel6"),
        (770, "frad"),
        (771, "skip"),
        (772, "loopback"),
        (773, "ltalk"),
        (774, "fddi"),
        (775, "bif"),
        (776, "sit"),
        (777, "ip/ddp"),
        (778, "gre"),
        (779, "pimreg"),
        (780, "hippi"),
        (781, "ash"),
        (782, "econet"),
        (783, "irda"),
        (784, "fcpp"),
        (785, "fcal"),
        (786, "fcpl"),
        (787, "fcfb0"),
        (788, "fcfb1"),
        (789, "fcfb2"),
        (790, "fcfb3"),
        (791, "fcfb4"),
        (792, "fcfb5"),
        (793, "fcfb6"),
        (794, "fcfb7"),
        (795, "fcfb8"),
        (796, "fcfb9"),
        (797, "fcfb10"),
        (798, "fcfb11"),
        (799, "fcfb12"),
        (800, "tr"),
        (801, "ieee802.11"),
        (802, "ieee802.11/prism"),
        (803, "ieee802.11/radiotap"),
        (804, "ieee802.15.4"),
        (805, "ieee802.15.4/monitor"),
        (820, "phonet"),
        (821, "phonet_pipe"),
        (822, "caif"),
        (823, "gre6"),
        (824, "netlink"),
        (825, "6lowpan"),
        (0xfffe, "none"),
        (0xffff, "void"),
    ];
    if !numeric {
        if let Some((_, n)) = NAMES.iter().find(|(v, _)| *v == t) {
            return n.to_string();
        }
    }
    format!("[{t}]")
}

/// `ll_addr_n2a`: a hardware address as colon-separated hex, or as an IP
/// address for tunnel types.
pub fn ll_addr_n2a(addr: &[u8], hwtype: u16) -> String {
    use crate::wire::link::arphrd::{IP6GRE, IPGRE, SIT, TUNNEL, TUNNEL6};
    if addr.len() == 4 && matches!(hwtype, TUNNEL | SIT | IPGRE) {
        return crate::text::ipv4_text([addr[0], addr[1], addr[2], addr[3]]);
    }
    if addr.len() == 16 && matches!(hwtype, TUNNEL6 | IP6GRE) {
        let mut b = [0u8; 16];
        b.copy_from_slice(addr);
        return crate::text::ipv6_text(b);
    }
    if addr.is_empty() {
        // snprintf("%02x", addr[0]) on an empty attribute reads a stray
        // byte; print what an all-zero buffer gives.
        return "00".to_string();
    }
    crate::text::colon_hex(addr)
}

/// `ll_addr_a2n`: parses "aa:bb:.." (each part `%x`, at most `max` bytes)
/// or a dotted IPv4 address. Err carries the message iproute2 prints.
pub fn ll_addr_a2n(arg: &str, max: usize) -> Result<Vec<u8>, String> {
    let invalid = || format!("\"{arg}\" is invalid lladdr.\n");
    if arg.as_bytes().contains(&b'.') {
        return match super::prefix::parse_ipv4(arg) {
            Some(a) if max >= 4 => Ok(a.to_vec()),
            Some(_) => Err(String::new()),
            None => Err(invalid()),
        };
    }
    let mut out = Vec::new();
    let mut rest = arg;
    loop {
        if out.len() >= max {
            break;
        }
        let (part, next) = match rest.split_once(':') {
            Some((part, next)) => (part, Some(next)),
            None => (rest, None),
        };
        let v = scan_hex(part).ok_or_else(|| {
            // iproute2 prints the remaining string from this part on, with
            // the separators it has cut so far turned into NULs: only the
            // current part shows.
            format!("\"{part}\" is invalid lladdr.\n")
        })?;
        if v > 255 {
            return Err(format!("\"{part}\" is invalid lladdr.\n"));
        }
        out.push(v as u8);
        match next {
            Some(n) => rest = n,
            None => break,
        }
    }
    Ok(out)
}

/// `sscanf("%x")`: leading white space, optional sign and 0x, hex digits;
/// trailing garbage ignored.
fn scan_hex(s: &str) -> Option<i64> {
    let (neg, t) = crate::text::split_sign(s.trim_start());
    let t = crate::text::after_0x(t).unwrap_or(t);
    let (digits, _) = crate::text::split_while(t, char::is_ascii_hexdigit);
    if digits.is_empty() {
        return None;
    }
    let v = crate::text::int_radix::<i64>(digits, 16).unwrap_or(i64::MAX);
    // %x stores into an int: large values wrap.
    let v = v as u32 as i32 as i64;
    Some(if neg { -v } else { v })
}

/// `ll_proto_n2a` for the protocols that appear in link details; `id` is
/// in network byte order as the kernel sends it.
pub fn ll_proto_n2a(id_be: u16, numeric: bool) -> String {
    let id = u16::from_be(id_be);
    if !numeric {
        let name = match id {
            0x0800 => Some("ip"),
            0x0806 => Some("arp"),
            0x86dd => Some("ipv6"),
            0x8100 => Some("802.1Q"),
            0x88a8 => Some("802.1ad"),
            0x8847 => Some("mpls_uc"),
            0x8848 => Some("mpls_mc"),
            0x0003 => Some("all"),
            _ => None,
        };
        if let Some(n) = name {
            return n.to_string();
        }
    }
    format!("0x{id:x}")
}

/// `ll_proto_a2n`: a protocol name (case-insensitive) or number; the result
/// is in network byte order.
pub fn ll_proto_a2n(s: &str) -> Option<u16> {
    let id = match s.to_ascii_lowercase().as_str() {
        "ip" => 0x0800,
        "arp" => 0x0806,
        "ipv6" => 0x86dd,
        "802.1q" => 0x8100,
        "802.1ad" => 0x88a8,
        "mpls_uc" => 0x8847,
        "mpls_mc" => 0x8848,
        "all" => 0x0003,
        _ => super::args::get_u16(s, 0)?,
    };
    Some(u16::to_be(id))
}

/// The route protocol names of iproute2's built-in table and the stock
/// /etc/iproute2/rt_protos (`rtnl_rtprot_tab`).
const RTPROT_NAMES: &[(u8, &str)] = &[
    (0, "unspec"),
    (1, "redirect"),
    (2, "kernel"),
    (3, "boot"),
    (4, "static"),
    (8, "gated"),
    (9, "ra"),
    (10, "mrt"),
    (11, "zebra"),
    (12, "bird"),
    (13, "dnrouted"),
    (14, "xorp"),
    (15, "ntk"),
    (16, "dhcp"),
    (18, "keepalived"),
    (42, "babel"),
    (99, "openr"),
    (186, "bgp"),
    (187, "isis"),
    (188, "ospf"),
    (189, "rip"),
    (192, "eigrp"),
];

/// `strtoul(arg, &end, base)` over the whole string, at most `max`
/// (the numeric fallback of the `rtnl_*_a2n` functions).
fn strtoul_max(arg: &str, base: u32, max: u64) -> Option<u64> {
    super::args::get_u64(arg, base).filter(|v| *v <= max)
}

/// `rtnl_rtprot_n2a`.
pub fn rtprot_n2a(id: u8, numeric: bool) -> String {
    if !numeric {
        if let Some((_, n)) = RTPROT_NAMES.iter().find(|(v, _)| *v == id) {
            return n.to_string();
        }
    }
    id.to_string()
}

/// `rtnl_rtprot_a2n`: a protocol name or a number up to 255.
pub fn rtprot_a2n(arg: &str) -> Option<u8> {
    if let Some((v, _)) = RTPROT_NAMES.iter().find(|(_, n)| *n == arg) {
        return Some(*v);
    }
    strtoul_max(arg, 0, 255).map(|v| v as u8)
}

/// `rtnl_rttable_n2a`: "local", "main", "default", "unspec", or the number.
pub fn rttable_n2a(id: u32, numeric: bool) -> String {
    let name = match id {
        0 => "unspec",
        253 => "default",
        254 => "main",
        255 => "local",
        _ => "",
    };
    if numeric || name.is_empty() { id.to_string() } else { name.to_string() }
}

/// `rtnl_rttable_a2n`: a table name or a 32-bit number.
pub fn rttable_a2n(arg: &str) -> Option<u32> {
    match arg {
        "unspec" => Some(0),
        "default" => Some(253),
        "main" => Some(254),
        "local" => Some(255),
        _ => strtoul_max(arg, 0, u64::from(u32::MAX)).map(|v| v as u32),
    }
}

/// The stock /etc/iproute2/rt_dsfield names.
const DSFIELD_NAMES: &[(u8, &str)] = &[
    (0x00, "default"),
    (0x28, "AF11"),
    (0x30, "AF12"),
    (0x38, "AF13"),
    (0x48, "AF21"),
    (0x50, "AF22"),
    (0x58, "AF23"),
    (0x68, "AF31"),
    (0x70, "AF32"),
    (0x78, "AF33"),
    (0x88, "AF41"),
    (0x90, "AF42"),
    (0x98, "AF43"),
    (0x20, "CS1"),
    (0x40, "CS2"),
    (0x60, "CS3"),
    (0x80, "CS4"),
    (0xa0, "CS5"),
    (0xc0, "CS6"),
    (0xe0, "CS7"),
    (0xb8, "EF"),
];

/// `rtnl_dsfield_n2a`: a DS field name, or "0x%02x".
pub fn dsfield_n2a(id: u8, numeric: bool) -> String {
    if !numeric {
        if let Some((_, n)) = DSFIELD_NAMES.iter().find(|(v, _)| *v == id) {
            return n.to_string();
        }
    }
    format!("0x{id:02x}")
}

/// `rtnl_dsfield_a2n`: a DS field name or a hexadecimal number up to 0xff.
pub fn dsfield_a2n(arg: &str) -> Option<u8> {
    if let Some((v, _)) = DSFIELD_NAMES.iter().find(|(_, n)| *n == arg) {
        return Some(*v);
    }
    strtoul_max(arg, 16, 255).map(|v| v as u8)
}

/// `rtnl_rtrealm_n2a` with the stock rt_realms (0 is "cosmos").
pub fn realm_n2a(id: u32, numeric: bool) -> String {
    if id == 0 && !numeric {
        return "cosmos".to_string();
    }
    (id as i32).to_string()
}

/// `rtnl_rtrealm_a2n`.
pub fn realm_a2n(arg: &str) -> Option<u32> {
    if arg == "cosmos" {
        return Some(0);
    }
    strtoul_max(arg, 0, 255).map(|v| v as u32)
}

/// `get_rt_realms_or_raw`: "[FROM/]TO" realms, or a raw 32-bit number.
pub fn rt_realms_or_raw(arg: &str) -> Option<u32> {
    let parsed = match arg.split_once('/') {
        Some((from, to)) => realm_a2n(from).and_then(|from| {
            let to = if to.is_empty() { Some(0) } else { realm_a2n(to) };
            to.map(|t| (from << 16) | t)
        }),
        None if arg.is_empty() => Some(0),
        None => realm_a2n(arg),
    };
    parsed.or_else(|| get_u32(arg, 0))
}

/// `rtnl_rtntype_n2a`: the name of a route type (RTN_*).
pub fn rtntype_n2a(id: u8, numeric: bool) -> String {
    if numeric {
        return id.to_string();
    }
    match id {
        0 => "none",
        1 => "unicast",
        2 => "local",
        3 => "broadcast",
        4 => "anycast",
        5 => "multicast",
        6 => "blackhole",
        7 => "unreachable",
        8 => "prohibit",
        9 => "throw",
        10 => "nat",
        11 => "xresolve",
        _ => return id.to_string(),
    }
    .to_string()
}

/// `rtnl_rtntype_a2n`: a route type name (some abbreviable) or a number.
pub fn rtntype_a2n(arg: &str) -> Option<u8> {
    use super::args::matches;
    let v = if arg == "local" {
        2
    } else if arg == "nat" {
        10
    } else if matches(arg, "broadcast") || arg == "brd" {
        3
    } else if matches(arg, "anycast") {
        4
    } else if matches(arg, "multicast") {
        5
    } else if matches(arg, "prohibit") {
        8
    } else if matches(arg, "unreachable") {
        7
    } else if matches(arg, "blackhole") {
        6
    } else if matches(arg, "xresolve") {
        11
    } else if matches(arg, "unicast") {
        1
    } else if arg == "throw" {
        9
    } else {
        return strtoul_max(arg, 0, 255).map(|v| v as u8);
    };
    Some(v)
}

/// /etc/protocols as glibc reads it: number, official name, alias.
const PROTOCOLS: &[(u8, &str, &str)] = &[
    (0, "ip", "IP"),
    (1, "icmp", "ICMP"),
    (2, "igmp", "IGMP"),
    (3, "ggp", "GGP"),
    (4, "ipencap", "IP-ENCAP"),
    (5, "st", "ST"),
    (6, "tcp", "TCP"),
    (8, "egp", "EGP"),
    (9, "igp", "IGP"),
    (12, "pup", "PUP"),
    (17, "udp", "UDP"),
    (20, "hmp", "HMP"),
    (22, "xns-idp", "XNS-IDP"),
    (27, "rdp", "RDP"),
    (29, "iso-tp4", "ISO-TP4"),
    (33, "dccp", "DCCP"),
    (36, "xtp", "XTP"),
    (37, "ddp", "DDP"),
    (38, "idpr-cmtp", "IDPR-CMTP"),
    (41, "ipv6", "IPv6"),
    (43, "ipv6-route", "IPv6-Route"),
    (44, "ipv6-frag", "IPv6-Frag"),
    (45, "idrp", "IDRP"),
    (46, "rsvp", "RSVP"),
    (47, "gre", "GRE"),
    (50, "esp", "IPSEC-ESP"),
    (51, "ah", "IPSEC-AH"),
    (57, "skip", "SKIP"),
    (58, "ipv6-icmp", "IPv6-ICMP"),
    (59, "ipv6-nonxt", "IPv6-NoNxt"),
    (60, "ipv6-opts", "IPv6-Opts"),
    (73, "rspf", "RSPF"),
    (81, "vmtp", "VMTP"),
    (88, "eigrp", "EIGRP"),
    (89, "ospf", "OSPFIGP"),
    (93, "ax.25", "AX.25"),
    (94, "ipip", "IPIP"),
    (97, "etherip", "ETHERIP"),
    (98, "encap", "ENCAP"),
    (103, "pim", "PIM"),
    (108, "ipcomp", "IPCOMP"),
    (112, "vrrp", "VRRP"),
    (115, "l2tp", "L2TP"),
    (124, "isis", "ISIS"),
    (132, "sctp", "SCTP"),
    (133, "fc", "FC"),
    (135, "mobility-header", "Mobility-Header"),
    (136, "udplite", "UDPLite"),
    (137, "mpls-in-ip", "MPLS-in-IP"),
    (138, "manet", "manet"),
    (139, "hip", "HIP"),
    (140, "shim6", "Shim6"),
    (141, "wesp", "WESP"),
    (142, "rohc", "ROHC"),
    (143, "ethernet", "Ethernet"),
];

/// `inet_proto_n2a`: an IP protocol name, or "ipproto-N".
pub fn inet_proto_n2a(proto: u8, numeric: bool) -> String {
    if !numeric {
        if let Some((_, n, _)) = PROTOCOLS.iter().find(|(v, _, _)| *v == proto) {
            return n.to_string();
        }
    }
    format!("ipproto-{proto}")
}

/// `inet_proto_a2n`: a decimal number up to 255 or a protocol name/alias.
pub fn inet_proto_a2n(arg: &str) -> Option<u8> {
    if let Some(v) = get_u32(arg, 10).and_then(|v| u8::try_from(v).ok()) {
        return Some(v);
    }
    PROTOCOLS.iter().find(|(_, n, a)| *n == arg || *a == arg).map(|(v, _, _)| *v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lladdr_round_trip() {
        assert_eq!(ll_addr_a2n("02:00:00:00:00:01", 32), Ok(vec![2, 0, 0, 0, 0, 1]));
        assert_eq!(ll_addr_n2a(&[2, 0, 0, 0, 0, 1], 1), "02:00:00:00:00:01");
        assert_eq!(ll_addr_a2n("1:2", 32), Ok(vec![1, 2]));
        assert!(ll_addr_a2n("zz:00", 32).is_err());
        assert!(ll_addr_a2n("100", 32).is_err());
        assert_eq!(ll_addr_a2n("10.0.0.1", 32), Ok(vec![10, 0, 0, 1]));
        assert_eq!(ll_addr_n2a(&[10, 0, 0, 1], 768), "10.0.0.1");
    }

    #[test]
    fn scopes_groups_types() {
        assert_eq!(scope_n2a(253, false), "link");
        assert_eq!(scope_n2a(253, true), "253");
        assert_eq!(scope_n2a(17, false), "17");
        assert_eq!(scope_a2n("host"), Some(254));
        assert_eq!(scope_a2n("300"), None);
        assert_eq!(group_n2a(0, false), "default");
        assert_eq!(group_a2n("default"), Some(0));
        assert_eq!(group_a2n("7"), Some(7));
        assert_eq!(group_a2n("-1"), None);
        assert_eq!(ll_type_n2a(772, false), "loopback");
        assert_eq!(ll_type_n2a(9999, false), "[9999]");
        assert_eq!(ll_proto_n2a(0x8100u16.to_be(), false), "802.1Q");
    }
}
