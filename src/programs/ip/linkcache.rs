//! The interface cache of lib/ll_map.c: index ↔ name, type and flags of
//! the links seen in replies, filled as dumps and lookups pass by.

use super::nl::{Attrs, Msg};
use crate::wire::link::{IfInfoRepr, ifla};
use crate::wire::{RTM_DELLINK, RTM_NEWLINK};

/// What the cache knows about one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkEntry {
    /// The name.
    pub name: String,
    /// ARPHRD_* type.
    pub hwtype: u16,
    /// IFF_* flags.
    pub flags: u32,
    /// Alternative names (IFLA_PROP_LIST).
    pub altnames: Vec<String>,
}

/// Links by index.
#[derive(Debug, Clone, Default)]
pub struct LinkCache {
    by_index: crate::vecmap::VecMap<u32, LinkEntry>,
}

impl LinkCache {
    /// Records a RTM_NEWLINK or forgets a RTM_DELLINK (`ll_remember_index`).
    pub fn remember(&mut self, raw: &[u8]) {
        let Some(m) = Msg::parse(raw) else { return };
        if m.hdr.kind != RTM_NEWLINK && m.hdr.kind != RTM_DELLINK {
            return;
        }
        let Ok(ifi) = IfInfoRepr::parse(m.payload) else { return };
        let index = ifi.index as u32;
        if m.hdr.kind == RTM_DELLINK {
            self.by_index.remove(&index);
            return;
        }
        let tb = Attrs::parse(m.payload.get(16..).unwrap_or(&[]), ifla::GSO_IPV4_MAX_SIZE + 8);
        let mut altnames = Vec::new();
        if let Some(pl) = tb.get(ifla::PROP_LIST) {
            for nla in crate::wire::NlaIter::new(pl.value).flatten() {
                if nla.kind == ifla::ALT_IFNAME {
                    altnames.push(super::nl::nla_str(nla.value));
                }
            }
        }
        match self.by_index.get_mut(&index) {
            Some(e) => {
                e.flags = ifi.flags;
                if let Some(n) = tb.str(ifla::IFNAME) {
                    e.name = n;
                }
                e.altnames = altnames;
            }
            None => {
                let Some(name) = tb.str(ifla::IFNAME) else { return };
                self.by_index.insert(index, LinkEntry { name, hwtype: ifi.link_type, flags: ifi.flags, altnames });
            }
        }
    }

    /// The entry of an index.
    pub fn get(&self, index: u32) -> Option<&LinkEntry> {
        self.by_index.get(&index)
    }

    /// The index of a name or alternative name.
    pub fn by_name(&self, name: &str) -> Option<u32> {
        self.by_index.iter().find(|(_, e)| e.name == name || e.altnames.iter().any(|a| a == name)).map(|(i, _)| *i)
    }

    /// Forgets an index (`ll_drop_by_index`).
    pub fn drop_index(&mut self, index: u32) {
        self.by_index.remove(&index);
    }

    /// Forgets everything (a new namespace, a new command).
    pub fn clear(&mut self) {
        self.by_index.clear();
    }
}

/// `ll_idx_a2n`: "if7" → 7.
pub fn idx_a2n(name: &str) -> u32 {
    name.strip_prefix("if").and_then(|d| crate::text::int(crate::text::split_while(d, char::is_ascii_digit).0)).unwrap_or(0)
}
