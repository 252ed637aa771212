//! The IPv6 address label policy table of a namespace (RFC 6724,
//! net/ipv6/addrlabel.c): prefixes, optionally bound to a device, with the
//! label source address selection gives addresses under them.

use crate::errno::Errno;

/// `IPV6_ADDR_LABEL_DEFAULT`: no label; a request may not set it.
pub const LABEL_DEFAULT: u32 = 0xffff_ffff;

/// One entry (`struct ip6addrlbl_entry`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The prefix, masked to its length.
    pub prefix: u128,
    /// The prefix length, 0..=128.
    pub prefixlen: u8,
    /// The device it is bound to, 0 for any.
    pub ifindex: u32,
    /// The label.
    pub label: u32,
}

/// The table, in lookup order, and its change counter (`ifal_seq`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The entries, longest prefixes first (device-bound before unbound).
    pub entries: Vec<Entry>,
    /// Counts additions (`ip6addrlbl_table.seq`), dumped in `ifal_seq`.
    pub seq: u32,
}

impl Default for Table {
    /// `ip6addrlbl_net_init`: the RFC 6724 defaults (`ip6addrlbl_init_table`),
    /// each added as a request would be.
    fn default() -> Table {
        const DEFAULTS: &[(u128, u8, u32)] = &[
            (0, 0, 1),                                 // ::/0
            (0xfc00 << 112, 7, 5),                     // fc00::/7
            (0xfec0 << 112, 10, 11),                   // fec0::/10
            (0x2002 << 112, 16, 2),                    // 2002::/16
            (0x3ffe << 112, 16, 12),                   // 3ffe::/16
            (0x2001 << 112, 32, 6),                    // 2001::/32
            ((0x2001 << 112) | (0x0010 << 96), 28, 7), // 2001:10::/28
            (0xffff << 32, 96, 4),                     // ::ffff:0:0/96
            (0, 96, 3),                                // ::/96
            (1, 128, 0),                               // ::1/128
        ];
        let mut t = Table { entries: Vec::new(), seq: 0 };
        for &(prefix, prefixlen, label) in DEFAULTS {
            let _ = t.add(Entry { prefix, prefixlen, ifindex: 0, label }, false);
        }
        t
    }
}

/// `ipv6_addr_prefix`: the address masked to `len` bits.
fn mask(addr: u128, len: u8) -> u128 {
    match len {
        0 => 0,
        1..=127 => addr & !(u128::MAX >> len),
        _ => addr,
    }
}

impl Table {
    /// `ip6addrlbl_alloc` then `__ip6addrlbl_add`: the entry goes before
    /// the first one with a shorter prefix, or with the same length and no
    /// device; the same prefix, length and device again is EEXIST unless
    /// `replace`. A v4-mapped prefix longer than 96 bits is EINVAL.
    pub fn add(&mut self, mut e: Entry, replace: bool) -> Result<(), Errno> {
        if e.prefixlen > 128 {
            return Err(Errno::EINVAL);
        }
        let mapped = e.prefix >> 32 == 0xffff;
        if mapped && e.prefixlen > 96 {
            return Err(Errno::EINVAL);
        }
        e.prefix = mask(e.prefix, e.prefixlen);
        let same = |p: &Entry| p.prefixlen == e.prefixlen && p.ifindex == e.ifindex && p.prefix == e.prefix;
        if let Some(p) = self.entries.iter_mut().find(|p| same(p)) {
            if !replace {
                return Err(Errno::EEXIST);
            }
            *p = e;
        } else {
            let at = self
                .entries
                .iter()
                .position(|p| (p.prefixlen == e.prefixlen && p.ifindex == 0) || p.prefixlen < e.prefixlen)
                .unwrap_or(self.entries.len());
            self.entries.insert(at, e);
        }
        self.seq = self.seq.wrapping_add(1);
        Ok(())
    }

    /// `__ip6addrlbl_del`: the entry with this prefix, length and device
    /// (whatever its label), or ESRCH.
    pub fn del(&mut self, prefix: u128, prefixlen: u8, ifindex: u32) -> Result<(), Errno> {
        let prefix = mask(prefix, prefixlen.min(128));
        let at =
            self.entries.iter().position(|p| p.prefixlen == prefixlen && p.ifindex == ifindex && p.prefix == prefix).ok_or(Errno::ESRCH)?;
        self.entries.remove(at);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_come_in_linux_order_and_new_entries_sort_in() {
        let mut t = Table::default();
        let lens: Vec<u8> = t.entries.iter().map(|e| e.prefixlen).collect();
        assert_eq!(lens, [128, 96, 96, 32, 28, 16, 16, 10, 7, 0]);
        assert_eq!(t.seq, 10);
        let dead = 0xdead_u128 << 112;
        t.add(Entry { prefix: dead, prefixlen: 64, ifindex: 1, label: 1 }, false).unwrap();
        t.add(Entry { prefix: dead, prefixlen: 64, ifindex: 0, label: 1 }, false).unwrap();
        t.add(Entry { prefix: 0x1c3 << 112, prefixlen: 64, ifindex: 3, label: 9 }, false).unwrap();
        let order: Vec<(u8, u32)> = t.entries.iter().map(|e| (e.prefixlen, e.ifindex)).collect();
        assert_eq!(&order[3..6], &[(64, 1), (64, 3), (64, 0)]);
        assert_eq!(t.add(Entry { prefix: 0, prefixlen: 0, ifindex: 0, label: 3 }, false), Err(Errno::EEXIST));
        assert_eq!(t.del(dead, 64, 1), Ok(()));
        assert_eq!(t.del(dead, 64, 1), Err(Errno::ESRCH));
        assert_eq!(t.add(Entry { prefix: 0xffff << 32, prefixlen: 100, ifindex: 0, label: 1 }, false), Err(Errno::EINVAL));
    }
}
