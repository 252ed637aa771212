//! xtables matches beyond the ones iptables-nft turns native, evaluated on
//! the packet as their kernel modules read their info structures.

use crate::sim::packet::Datagram;

/// `struct xt_multiport_v1` (net/netfilter/xt_multiport.c, revision 1):
/// flags, count, ports[15] (host order), pflags[15], invert.
fn multiport(info: &[u8], ports: Option<(u16, u16)>) -> bool {
    let Some((sport, dport)) = ports else { return false };
    let (flags, count) = (info.first().copied().unwrap_or(0), usize::from(info.get(1).copied().unwrap_or(0)).min(15));
    let invert = info.get(47).copied().unwrap_or(0) != 0;
    let port = |k: usize| info.get(2 + 2 * k..4 + 2 * k).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]));
    let wanted = |p: u16| match flags {
        0 => p == sport,
        1 => p == dport,
        _ => p == sport || p == dport,
    };
    let mut k = 0;
    while k < count {
        let lo = port(k);
        // pflags[k] marks the start of a range ending at ports[k + 1].
        if info.get(32 + k).copied().unwrap_or(0) != 0 && k + 1 < count {
            let hi = port(k + 1);
            let hit = match flags {
                0 => (lo..=hi).contains(&sport),
                1 => (lo..=hi).contains(&dport),
                _ => (lo..=hi).contains(&sport) || (lo..=hi).contains(&dport),
            };
            if hit {
                return !invert;
            }
            k += 2;
        } else {
            if wanted(lo) {
                return !invert;
            }
            k += 1;
        }
    }
    invert
}

/// Whether the packet passes the xtables match `name` with `info`; matches
/// this kernel does not evaluate (comment, and the rest) pass.
pub fn matches(name: &str, rev: u32, info: &[u8], p: &Datagram) -> bool {
    match (name, rev) {
        ("multiport", 1) => multiport(info, p.ports()),
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::multiport;

    fn info(flags: u8, ports: &[(u16, u16)], invert: bool) -> Vec<u8> {
        let mut b = vec![0u8; 48];
        b[0] = flags;
        let mut k = 0;
        for &(lo, hi) in ports {
            b[2 + 2 * k..4 + 2 * k].copy_from_slice(&lo.to_ne_bytes());
            if lo != hi {
                b[32 + k] = 1;
                k += 1;
                b[2 + 2 * k..4 + 2 * k].copy_from_slice(&hi.to_ne_bytes());
            }
            k += 1;
        }
        b[1] = k as u8;
        b[47] = u8::from(invert);
        b
    }

    #[test]
    fn ports_and_ranges() {
        let i = info(1, &[(80, 80), (443, 443), (1000, 2000)], false);
        assert!(multiport(&i, Some((5000, 443))));
        assert!(multiport(&i, Some((5000, 1500))));
        assert!(!multiport(&i, Some((80, 22))));
        assert!(!multiport(&i, None));
        assert!(multiport(&info(0, &[(53, 53)], false), Some((53, 1))));
        assert!(multiport(&info(2, &[(53, 53)], false), Some((1, 53))));
        assert!(!multiport(&info(1, &[(80, 80)], true), Some((1, 80))));
        assert!(multiport(&info(1, &[(80, 80)], true), Some((1, 81))));
    }
}
