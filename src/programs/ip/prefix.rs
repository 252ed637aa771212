//! Network addresses as iproute2 reads and writes them (`inet_prefix`,
//! `get_addr`, `get_prefix`, `format_host`, `inet_addr_match`).

use std::net::Ipv6Addr;

/// The prefix length was given explicitly (`PREFIXLEN_SPECIFIED`).
pub const PREFIXLEN_SPECIFIED: u32 = 1;

/// A parsed address or prefix (`inet_prefix`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Prefix {
    /// AF_INET, AF_INET6, AF_PACKET, or the requested family for
    /// "default"/"any".
    pub family: u8,
    /// Bytes of `data` in use.
    pub bytelen: u8,
    /// Prefix length; -1 for a plain address, -2 for "default"/"any".
    pub bitlen: i32,
    /// `PREFIXLEN_SPECIFIED` and friends.
    pub flags: u32,
    /// The address bytes, network order.
    pub data: [u8; 16],
}

impl Prefix {
    /// The bytes in use.
    pub fn bytes(&self) -> &[u8] {
        &self.data[..usize::from(self.bytelen).min(16)]
    }
}

/// Bits in an address of `family` (`af_bit_len`).
pub fn af_bit_len(family: u8) -> i32 {
    match family {
        10 => 128,
        2 => 32,
        28 => 20,
        _ => 0,
    }
}

/// `get_addr_ipv4`: one to four dot-separated `strtoul` numbers.
pub fn parse_ipv4(s: &str) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut rest = s;
    for (i, slot) in out.iter_mut().enumerate() {
        let (part, next) = match rest.split_once('.') {
            Some((part, next)) => (part, Some(next)),
            None => (rest, None),
        };
        let n = strtoul_prefix(part)?;
        if n > 255 {
            return None;
        }
        *slot = n as u8;
        let Some(next) = next else {
            return Some(out);
        };
        if i == 3 {
            return None;
        }
        rest = next;
    }
    Some(out)
}

/// `strtoul(part, &end, 0)` where the whole part must be digits.
fn strtoul_prefix(part: &str) -> Option<u64> {
    super::args::get_u64(part, 0).filter(|_| !part.starts_with('-') && !part.starts_with('+'))
}

/// `get_addr_1`: an address of `family` (0: any), or "default"/"all"/"any".
pub fn get_addr_1(name: &str, family: u8) -> Option<Prefix> {
    let mut p = Prefix::default();
    if name == "default" {
        if family == 28 {
            return None;
        }
        p.family = family;
        p.bytelen = (af_bit_len(family) / 8) as u8;
        p.bitlen = -2;
        p.flags |= PREFIXLEN_SPECIFIED;
        return Some(p);
    }
    if name == "all" || name == "any" {
        if family == 28 {
            return None;
        }
        p.family = family;
        p.bitlen = -2;
        return Some(p);
    }
    if family == 17 {
        let v = super::names::ll_addr_a2n(name, 16).ok()?;
        p.family = 17;
        p.bytelen = v.len() as u8;
        p.bitlen = (v.len() * 8) as i32;
        crate::wire::put_bytes(&mut p.data, 0, &v);
        return Some(p);
    }
    if name.as_bytes().contains(&b':') {
        p.family = 10;
        if family != 0 && family != 10 {
            return None;
        }
        let a: Ipv6Addr = crate::text::parse_ipv6(name)?;
        p.data = a.octets();
        p.bytelen = 16;
        p.bitlen = -1;
        return Some(p);
    }
    if family == 28 {
        return None;
    }
    p.family = 2;
    if family != 0 && family != 2 {
        return None;
    }
    let a = parse_ipv4(name)?;
    crate::wire::put_bytes(&mut p.data, 0, &a);
    p.bytelen = 4;
    p.bitlen = -1;
    Some(p)
}

/// `get_netmask`: a prefix length, or a dotted netmask.
fn get_netmask(s: &str) -> Option<u32> {
    if let Some(v) = super::args::get_u32(s, 0) {
        return Some(v);
    }
    let a = get_addr_1(s, 2).filter(|a| a.family == 2)?;
    let mask = u32::from_be_bytes([a.data[0], a.data[1], a.data[2], a.data[3]]);
    let host = !mask;
    if host & host.wrapping_add(1) != 0 {
        return None;
    }
    Some(mask.count_ones())
}

/// `get_prefix_1`: an address with an optional "/len" or "/mask".
pub fn get_prefix_1(arg: &str, family: u8) -> Option<Prefix> {
    let (addr, len) = match arg.split_once('/') {
        Some((addr, len)) => (addr, Some(len)),
        None => (arg, None),
    };
    let mut p = get_addr_1(addr, family)?;
    let mut bitlen = af_bit_len(p.family);
    if let Some(l) = len {
        if p.bitlen == -2 {
            return None;
        }
        let plen = get_netmask(l)?;
        if plen as i64 > i64::from(bitlen) {
            return None;
        }
        p.flags |= PREFIXLEN_SPECIFIED;
        bitlen = plen as i32;
    } else if p.bitlen == -2 {
        bitlen = 0;
    }
    p.bitlen = bitlen;
    Some(p)
}

fn family_name_verbose(family: u8) -> &'static str {
    if family == 0 { "any valid" } else { super::names::family_name(family) }
}

/// `get_addr`: Err carries the message iproute2 prints before `exit(1)`.
pub fn get_addr(arg: &str, family: u8) -> Result<Prefix, String> {
    get_addr_1(arg, family).ok_or_else(|| format!("Error: {} address is expected rather than \"{}\".\n", family_name_verbose(family), arg))
}

/// `get_prefix`: Err carries the message iproute2 prints before `exit(1)`.
pub fn get_prefix(arg: &str, family: u8) -> Result<Prefix, String> {
    if family == 17 {
        return Err(format!("Error: \"{arg}\" may be inet prefix, but it is not allowed in this context.\n"));
    }
    get_prefix_1(arg, family).ok_or_else(|| format!("Error: {} prefix is expected rather than \"{}\".\n", family_name_verbose(family), arg))
}

/// `rt_addr_n2a`/`format_host` without name resolution.
pub fn format_host(family: u8, bytes: &[u8]) -> String {
    match family {
        2 if bytes.len() >= 4 => crate::text::ipv4_text([bytes[0], bytes[1], bytes[2], bytes[3]]),
        10 if bytes.len() >= 16 => {
            let mut b = [0u8; 16];
            b.copy_from_slice(&bytes[..16]);
            crate::text::ipv6_text(b)
        }
        17 => super::names::ll_addr_n2a(bytes, 0xffff),
        _ => "???".to_string(),
    }
}

/// The static host table `-r` consults (`gethostbyaddr` over the
/// /etc/hosts of the machine the goldens were recorded on).
const HOSTS: &[(&str, &str)] = &[("127.0.0.1", "localhost")];

/// `format_host`: the address, or its host name with `-r`.
pub fn format_host_r(family: u8, bytes: &[u8], resolve: bool) -> String {
    let text = format_host(family, bytes);
    if resolve {
        if let Some((_, name)) = HOSTS.iter().find(|(a, _)| *a == text) {
            return name.to_string();
        }
    }
    text
}

/// `inet_addr_match`: whether the first `bits` bits of `a` and `b` agree.
pub fn inet_addr_match(a: &[u8], b: &[u8], bits: i32) -> bool {
    let bits = bits.max(0) as usize;
    let full = bits / 8;
    if a.len() < full || b.len() < full || a[..full] != b[..full] {
        return false;
    }
    let rem = bits % 8;
    if rem == 0 {
        return true;
    }
    let mask = 0xffu8 << (8 - rem);
    match (a.get(full), b.get(full)) {
        (Some(x), Some(y)) => (x ^ y) & mask == 0,
        _ => false,
    }
}

/// `inet_addr_match_rta`: true when `m` does not exclude the address
/// `bytes` (an absent filter or a zero-length one matches everything).
pub fn prefix_matches(m: &Prefix, bytes: Option<&[u8]>) -> bool {
    let Some(bytes) = bytes else { return true };
    if m.family == 0 || m.bitlen <= 0 {
        return true;
    }
    let fam = match bytes.len() {
        4 => 2,
        16 => 10,
        _ => return false,
    };
    if fam != m.family {
        return false;
    }
    inet_addr_match(bytes, m.bytes(), m.bitlen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv4_forms() {
        assert_eq!(parse_ipv4("10.1.2.3"), Some([10, 1, 2, 3]));
        assert_eq!(parse_ipv4("10"), Some([10, 0, 0, 0]));
        assert_eq!(parse_ipv4("10.1"), Some([10, 1, 0, 0]));
        assert_eq!(parse_ipv4("0x0a.1.1.1"), Some([10, 1, 1, 1]));
        assert_eq!(parse_ipv4("256.1.1.1"), None);
        assert_eq!(parse_ipv4("1.2.3.4.5"), None);
        assert_eq!(parse_ipv4("1.2.3."), None);
    }

    #[test]
    fn prefixes() {
        let p = get_prefix_1("10.0.0.1/24", 0).unwrap();
        assert_eq!((p.family, p.bitlen, p.bytelen), (2, 24, 4));
        assert_eq!(p.flags & PREFIXLEN_SPECIFIED, PREFIXLEN_SPECIFIED);
        let p = get_prefix_1("10.0.0.1/255.255.0.0", 0).unwrap();
        assert_eq!(p.bitlen, 16);
        let p = get_prefix_1("2001:db8::1", 0).unwrap();
        assert_eq!((p.family, p.bitlen), (10, 128));
        assert!(get_prefix_1("10.0.0.1/33", 0).is_none());
        assert!(get_prefix_1("2001:db8::1", 2).is_none());
        assert_eq!(get_prefix("1.2.3.4/33", 0).unwrap_err(), "Error: any valid prefix is expected rather than \"1.2.3.4/33\".\n");
        let p = get_prefix_1("default", 2).unwrap();
        assert_eq!((p.bitlen, p.bytelen), (0, 4));
    }

    #[test]
    fn matching() {
        let m = get_prefix_1("10.0.0.0/8", 0).unwrap();
        assert!(prefix_matches(&m, Some(&[10, 1, 2, 3])));
        assert!(!prefix_matches(&m, Some(&[11, 1, 2, 3])));
        assert!(!prefix_matches(&m, Some(&[0u8; 16])));
    }

    #[test]
    fn ipv6_text() {
        assert_eq!(format_host(10, &Ipv6Addr::LOCALHOST.octets()), "::1");
        let mapped: Ipv6Addr = "::ffff:1.2.3.4".parse().unwrap();
        assert_eq!(format_host(10, &mapped.octets()), "::ffff:1.2.3.4");
        let ll: Ipv6Addr = "fe80::1".parse().unwrap();
        assert_eq!(format_host(10, &ll.octets()), "fe80::1");
    }
}
