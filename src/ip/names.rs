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
    if id == 0 && !numeric {
        "default".to_string()
    } else {
        (id as i32).to_string()
    }
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
        (0, "netrom"), (1, "ether"), (2, "eether"), (3, "ax25"), (4, "pronet"),
        (5, "chaos"), (6, "ieee802"), (7, "arcnet"), (8, "atalk"), (15, "dlci"),
        (19, "atm"), (23, "metricom"), (24, "ieee1394"), (32, "infiniband"),
        (256, "slip"), (257, "cslip"), (258, "slip6"), (259, "cslip6"),
        (260, "rsrvd"), (264, "adapt"), (270, "rose"), (271, "x25"), (272, "hwx25"),
        (280, "can"), (512, "ppp"), (513, "hdlc"), (516, "lapb"), (517, "ddcmp"),
        (518, "rawhdlc"), (768, "ipip"), (769, "tunnel6"), (770, "frad"),
        (771, "skip"), (772, "loopback"), (773, "ltalk"), (774, "fddi"),
        (775, "bif"), (776, "sit"), (777, "ip/ddp"), (778, "gre"), (779, "pimreg"),
        (780, "hippi"), (781, "ash"), (782, "econet"), (783, "irda"), (784, "fcpp"),
        (785, "fcal"), (786, "fcpl"), (787, "fcfb0"), (788, "fcfb1"), (789, "fcfb2"),
        (790, "fcfb3"), (791, "fcfb4"), (792, "fcfb5"), (793, "fcfb6"),
        (794, "fcfb7"), (795, "fcfb8"), (796, "fcfb9"), (797, "fcfb10"),
        (798, "fcfb11"), (799, "fcfb12"), (800, "tr"), (801, "ieee802.11"),
        (802, "ieee802.11/prism"), (803, "ieee802.11/radiotap"),
        (804, "ieee802.15.4"), (805, "ieee802.15.4/monitor"), (820, "phonet"),
        (821, "phonet_pipe"), (822, "caif"), (823, "gre6"), (824, "netlink"),
        (825, "6lowpan"), (0xfffe, "none"), (0xffff, "void"),
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
    const TUNNEL: u16 = 768;
    const TUNNEL6: u16 = 769;
    const SIT: u16 = 776;
    const IPGRE: u16 = 778;
    const IP6GRE: u16 = 823;
    if addr.len() == 4 && matches!(hwtype, TUNNEL | SIT | IPGRE) {
        return std::net::Ipv4Addr::new(addr[0], addr[1], addr[2], addr[3]).to_string();
    }
    if addr.len() == 16 && matches!(hwtype, TUNNEL6 | IP6GRE) {
        let mut b = [0u8; 16];
        b.copy_from_slice(addr);
        return std::net::Ipv6Addr::from(b).to_string();
    }
    if addr.is_empty() {
        // snprintf("%02x", addr[0]) on an empty attribute reads a stray
        // byte; print what an all-zero buffer gives.
        return "00".to_string();
    }
    addr.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":")
}

/// `ll_addr_a2n`: parses "aa:bb:.." (each part `%x`, at most `max` bytes)
/// or a dotted IPv4 address. Err carries the message iproute2 prints.
pub fn ll_addr_a2n(arg: &str, max: usize) -> Result<Vec<u8>, String> {
    let invalid = || format!("\"{arg}\" is invalid lladdr.\n");
    if arg.contains('.') {
        return match super::addr::parse_ipv4(arg) {
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
        let (part, next) = match rest.find(':') {
            Some(i) => (&rest[..i], Some(&rest[i + 1..])),
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
    let t = s.trim_start();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let t = if (t.starts_with("0x") || t.starts_with("0X"))
        && t[2..].chars().next().is_some_and(|c| c.is_ascii_hexdigit())
    {
        &t[2..]
    } else {
        t
    };
    let digits: String = t.chars().take_while(|c| c.is_ascii_hexdigit()).collect();
    if digits.is_empty() {
        return None;
    }
    let v = i64::from_str_radix(&digits, 16).unwrap_or(i64::MAX);
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
