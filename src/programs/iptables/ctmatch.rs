//! `-m conntrack` beyond `--ctstate` (libxt_conntrack.c, revision 3):
//! `--ctproto`, `--ctorigsrc`/`--ctorigdst`/`--ctreplsrc`/`--ctrepldst`
//! ADDR[/MASK], the four `--ct...port` ranges, `--ctstatus`, `--ctexpire`
//! and `--ctdir`, each with its
//! `!`, read into and out of `struct xt_conntrack_mtinfo3` and printed as
//! conntrack_dump prints them.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::{Fail, HINT, PROG, usage};

/// XT_CONNTRACK_PROTO.
const PROTO: u16 = 1 << 1;
/// XT_CONNTRACK_ORIGSRC; ORIGDST, REPLSRC and REPLDST follow.
const ADDR0: u16 = 1 << 2;
/// XT_CONNTRACK_STATUS.
const STATUS: u16 = 1 << 6;
/// XT_CONNTRACK_EXPIRES.
const EXPIRES: u16 = 1 << 7;
/// The --ctstatus names and their IPS_* bits (conntrack_ps_status).
const STATUS_NAMES: [(&str, u16); 5] = [("NONE", 0), ("EXPECTED", 1), ("SEEN_REPLY", 2), ("ASSURED", 4), ("CONFIRMED", 8)];
/// XT_CONNTRACK_ORIGSRC_PORT; the other three ports follow.
const PORT0: u16 = 1 << 8;
/// XT_CONNTRACK_DIRECTION (its invert bit means REPLY).
const DIR: u16 = 1 << 12;

/// The address options in their flag order.
const ADDR_OPTS: [&str; 4] = ["ctorigsrc", "ctorigdst", "ctreplsrc", "ctrepldst"];
/// The port options in their flag order.
const PORT_OPTS: [&str; 4] = ["ctorigsrcport", "ctorigdstport", "ctreplsrcport", "ctrepldstport"];

/// The conntrack options other than the state, as the match carries them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CtMore {
    /// match_flags bits of these options.
    pub flags: u16,
    /// invert_flags bits of these options.
    pub invert: u16,
    /// --ctproto.
    pub l4proto: u16,
    /// Address and mask of each address option (16 bytes each; IPv4 in the first 4).
    pub addrs: [([u8; 16], [u8; 16]); 4],
    /// Low and high port of each port option.
    pub ports: [(u16, u16); 4],
    /// --ctstatus: IPS_* bits.
    pub status: u16,
    /// --ctexpire: seconds left, lowest and highest.
    pub expires: (u32, u32),
}

/// Whether `opt` (without its dashes) is one of these options.
pub fn is_option(opt: &str) -> bool {
    ADDR_OPTS.contains(&opt) || PORT_OPTS.contains(&opt) || matches!(opt, "ctproto" | "ctdir" | "ctstatus" | "ctexpire")
}

/// conntrack_ps_expires: MIN[:MAX] seconds, MAX the largest when left out.
fn expires(v: &str) -> Result<(u32, u32), Fail> {
    let bad = |near: &str| {
        Fail(
            format!("{PROG}: conntrack: bad value for option \"--ctexpire\" near \"{near}\", or out of range (0-4294967295).\n\n{HINT}"),
            2,
        )
    };
    let (lo, hi) = v.split_once(':').unwrap_or((v, v));
    let lo_n: u32 = lo.parse().map_err(|_| bad(v))?;
    let hi_n: u32 = if hi.is_empty() { u32::MAX } else { hi.parse().map_err(|_| bad(hi))? };
    Ok((lo_n, hi_n))
}

/// XTTYPE_HOSTMASK: ADDR[/LEN], the address kept unmasked.
fn host_mask(v: &str, v6: bool) -> Result<([u8; 16], [u8; 16]), Fail> {
    let (a, len) = match v.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (v, None),
    };
    let max: u8 = if v6 { 128 } else { 32 };
    let len = match len {
        None => max,
        Some(l) => l.parse::<u8>().ok().filter(|n| *n <= max).ok_or_else(|| usage(&format!("invalid mask `{l}' specified")))?,
    };
    let addr: IpAddr = if v6 {
        IpAddr::V6(crate::text::parse_ipv6(a).ok_or_else(not_found)?)
    } else {
        IpAddr::V4(crate::text::parse_ipv4(a).ok_or_else(not_found)?)
    };
    let mut out = ([0u8; 16], [0u8; 16]);
    for (k, b) in crate::text::ip_octets(addr).into_iter().enumerate() {
        out.0[k] = b;
        let bits = usize::from(len).saturating_sub(8 * k).min(8);
        out.1[k] = if bits == 0 { 0 } else { 0xffu8 << (8 - bits) };
    }
    Ok(out)
}

/// What getaddrinfo says of a name that is no address (the namespace has no resolver).
fn not_found() -> Fail {
    Fail(format!("{PROG}: getaddrinfo: Temporary failure in name resolution\n\n{HINT}"), 2)
}

/// Parses the value of `--OPT` (one of [`is_option`]'s) into `m`.
pub fn parse(m: &mut CtMore, opt: &str, v: &str, invert: bool, v6: bool) -> Result<(), Fail> {
    let bit;
    if let Some(k) = ADDR_OPTS.iter().position(|o| *o == opt) {
        bit = ADDR0 << k;
        m.addrs[k] = host_mask(v, v6)?;
    } else if let Some(k) = PORT_OPTS.iter().position(|o| *o == opt) {
        bit = PORT0 << k;
        m.ports[k] = super::values::port_range(v, None)?;
    } else if opt == "ctstatus" {
        bit = STATUS;
        for name in v.split(',') {
            let found = STATUS_NAMES.iter().find(|(n, _)| n.eq_ignore_ascii_case(name));
            m.status |= found.ok_or_else(|| usage(&format!("Bad ctstatus \"{name}\"")))?.1;
        }
    } else if opt == "ctexpire" {
        bit = EXPIRES;
        m.expires = expires(v)?;
    } else if opt == "ctproto" {
        bit = PROTO;
        m.l4proto = match v {
            "tcp" => 6,
            "udp" => 17,
            "icmp" => 1,
            "ipv6-icmp" | "icmpv6" => 58,
            "all" => 0,
            n => n.parse().ok().filter(|p: &u16| *p <= 255).ok_or_else(|| usage(&format!("unknown protocol \"{n}\" specified")))?,
        };
    } else {
        // --ctdir: no `!`; REPLY is the direction flag's invert bit.
        m.flags |= DIR;
        if v.eq_ignore_ascii_case("ORIGINAL") {
            m.invert &= !DIR;
        } else if v.eq_ignore_ascii_case("REPLY") {
            m.invert |= DIR;
        } else {
            return Err(usage(&format!("conntrack: Bad value for \"--ctdir\" option: \"{v}\"")));
        }
        return Ok(());
    }
    m.flags |= bit;
    if invert {
        m.invert |= bit;
    }
    Ok(())
}

/// Writes the options into a `struct xt_conntrack_mtinfo3` (168 bytes).
pub fn encode(m: &CtMore, info: &mut [u8]) {
    let u16_at = |info: &[u8], at: usize| info.get(at..at + 2).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
    let (flags, invert) = (u16_at(info, 146) | m.flags, u16_at(info, 148) | m.invert);
    let mut put = |at: usize, b: &[u8]| {
        if let Some(s) = info.get_mut(at..at + b.len()) {
            s.copy_from_slice(b);
        }
    };
    for (k, (a, mask)) in m.addrs.iter().enumerate() {
        if m.flags & ADDR0 << k != 0 {
            put(32 * k, a);
            put(32 * k + 16, mask);
        }
    }
    put(136, &m.l4proto.to_ne_bytes());
    if m.flags & STATUS != 0 {
        put(152, &m.status.to_ne_bytes());
    }
    if m.flags & EXPIRES != 0 {
        put(128, &m.expires.0.to_ne_bytes());
        put(132, &m.expires.1.to_ne_bytes());
    }
    for (k, (lo, hi)) in m.ports.iter().enumerate() {
        if m.flags & PORT0 << k != 0 {
            put(138 + 2 * k, &lo.to_ne_bytes());
            put(154 + 2 * k, &hi.to_ne_bytes());
        }
    }
    put(146, &flags.to_ne_bytes());
    put(148, &invert.to_ne_bytes());
}

/// Reads the options from a `struct xt_conntrack_mtinfo3`.
pub fn decode(info: &[u8]) -> CtMore {
    let u16_at = |at: usize| info.get(at..at + 2).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
    let bytes = |at: usize| -> [u8; 16] { info.get(at..at + 16).and_then(|b| b.try_into().ok()).unwrap_or([0; 16]) };
    let u32_at = |at: usize| info.get(at..at + 4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
    let mine = PROTO | (0xf * ADDR0) | (0xf * PORT0) | DIR | STATUS | EXPIRES;
    let mut m = CtMore { flags: u16_at(146) & mine, invert: u16_at(148) & mine, l4proto: u16_at(136), ..CtMore::default() };
    if m.flags & STATUS != 0 {
        m.status = u16_at(152);
    }
    if m.flags & EXPIRES != 0 {
        m.expires = (u32_at(128), u32_at(132));
    }
    for k in 0..4 {
        if m.flags & ADDR0 << k != 0 {
            m.addrs[k] = (bytes(32 * k), bytes(32 * k + 16));
        }
        if m.flags & PORT0 << k != 0 {
            m.ports[k] = (u16_at(138 + 2 * k), u16_at(154 + 2 * k));
        }
    }
    if m.flags & PROTO == 0 {
        m.l4proto = 0;
    }
    m
}

/// conntrack_dump_addr: the address (`anywhere` for a zero one in -L
/// without -n), its mask as a length unless whole.
fn addr_text((a, mask): &([u8; 16], [u8; 16]), v6: bool, numeric: bool) -> String {
    let n = if v6 { 16 } else { 4 };
    let (a, mask) = (a.get(..n).unwrap_or(&[]), mask.get(..n).unwrap_or(&[]));
    if !numeric && a.iter().all(|b| *b == 0) {
        return "anywhere".into();
    }
    let ip = if v6 {
        IpAddr::V6(Ipv6Addr::from(<[u8; 16]>::try_from(a).unwrap_or([0; 16])))
    } else {
        IpAddr::V4(Ipv4Addr::from(<[u8; 4]>::try_from(a).unwrap_or([0; 4])))
    };
    let len: u32 = mask.iter().map(|b| b.count_ones()).sum();
    if len as usize == 8 * n { crate::text::ip_text(ip) } else { format!("{}/{len}", crate::text::ip_text(ip)) }
}

/// conntrack_dump after the state: ` [!] PREFIXctproto N`, the addresses,
/// the ports, ` PREFIXctdir ...`; PREFIX is "" for -L and "--" for -S.
pub fn text(m: &CtMore, prefix: &str, v6: bool, numeric: bool) -> String {
    let mut out = String::new();
    let bang = |bit: u16| if m.invert & bit != 0 { " !" } else { "" };
    if m.flags & PROTO != 0 {
        out.push_str(&format!("{} {prefix}ctproto {}", bang(PROTO), m.l4proto));
    }
    for (k, opt) in ADDR_OPTS.iter().enumerate() {
        if m.flags & ADDR0 << k != 0 {
            out.push_str(&format!("{} {prefix}{opt} {}", bang(ADDR0 << k), addr_text(&m.addrs[k], v6, numeric)));
        }
    }
    for (k, opt) in PORT_OPTS.iter().enumerate() {
        if m.flags & PORT0 << k != 0 {
            let (lo, hi) = m.ports[k];
            let range = if hi == 0 || lo == hi { lo.to_string() } else { format!("{lo}:{hi}") };
            out.push_str(&format!("{} {prefix}{opt} {range}", bang(PORT0 << k)));
        }
    }
    if m.flags & STATUS != 0 {
        // print_status: the set bits in IPS_* order, NONE for none.
        let names: Vec<&str> = STATUS_NAMES.iter().filter(|(_, b)| m.status & b != 0).map(|(n, _)| *n).collect();
        let names = if names.is_empty() { "NONE".to_string() } else { names.join(",") };
        out.push_str(&format!("{} {prefix}ctstatus {names}", bang(STATUS)));
    }
    if m.flags & EXPIRES != 0 {
        let (lo, hi) = m.expires;
        let range = if lo == hi { lo.to_string() } else { format!("{lo}:{hi}") };
        out.push_str(&format!("{} {prefix}ctexpire {range}", bang(EXPIRES)));
    }
    if m.flags & DIR != 0 {
        out.push_str(&format!(" {prefix}ctdir {}", if m.invert & DIR != 0 { "REPLY" } else { "ORIGINAL" }));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_go_through_the_info_structure_and_back() {
        let mut m = CtMore::default();
        assert!(parse(&mut m, "ctorigdst", "10.0.0.1/16", true, false).is_ok());
        assert!(parse(&mut m, "ctproto", "tcp", false, false).is_ok());
        assert!(parse(&mut m, "ctrepldstport", "1:80", false, false).is_ok());
        assert!(parse(&mut m, "ctdir", "reply", false, false).is_ok());
        let mut info = vec![0u8; 168];
        encode(&m, &mut info);
        // The address stays unmasked; the mask is 255.255.0.0.
        assert_eq!(&info[32..36], &[10, 0, 0, 1]);
        assert_eq!(&info[48..52], &[255, 255, 0, 0]);
        assert_eq!(decode(&info), m);
        assert_eq!(text(&m, "--", false, true), " --ctproto 6 ! --ctorigdst 10.0.0.1/16 --ctrepldstport 1:80 --ctdir REPLY");
        assert!(parse(&mut m, "ctdir", "x", false, false).is_err());
    }
}
