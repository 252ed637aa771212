//! Sets and maps of a table (`struct nft_set`): keys of a fixed length,
//! looked up by `nft_lookup`. A set with NFT_SET_INTERVAL holds the
//! boundaries of its ranges as nft sends them (nft_set_rbtree): a start
//! element, then an end element (NFT_SET_ELEM_INTERVAL_END) holding the
//! first key past the range; every other set matches keys exactly
//! (nft_set_hash).

use super::Data;
use crate::wire::nftables::set_flags as f;

/// One element: its key, its flags and, in a map, its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Elem {
    /// The key, `key_len` bytes as they sit in a register.
    pub key: Vec<u8>,
    /// NFT_SET_ELEM_* flags (INTERVAL_END).
    pub flags: u32,
    /// A map's data (a verdict in a verdict map).
    pub data: Option<Data>,
}

/// A set or map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Set {
    /// The name (`__set0` for an anonymous set).
    pub name: String,
    /// The handle, from the table's generator.
    pub handle: u64,
    /// NFT_SET_* flags.
    pub flags: u32,
    /// The key's datatype (nft's numbering: 7 ipv4_addr, 13 inet_service, ...).
    pub key_type: u32,
    /// The key's length in bytes.
    pub key_len: u32,
    /// A map's data type (NFT_DATA_VERDICT for a verdict map) and length.
    pub data: Option<(u32, u32)>,
    /// NFTA_SET_DESC_SIZE, when given.
    pub size: Option<u32>,
    /// NFTA_SET_USERDATA as given.
    pub userdata: Option<Vec<u8>>,
    /// The elements: in an interval set sorted by key (an end before a
    /// start at the same key), otherwise in the order they came.
    pub elems: Vec<Elem>,
}

impl Set {
    /// Whether the set holds ranges.
    pub fn interval(&self) -> bool {
        self.flags & f::INTERVAL != 0
    }

    /// Adds an element (`nft_add_set_elem`): EEXIST when the same key
    /// (and kind of boundary) is there already.
    pub fn insert(&mut self, e: Elem) -> Result<(), crate::errno::Errno> {
        if !self.interval() {
            // A hash keeps the order elements came in.
            if self.elems.iter().any(|x| x.key == e.key) {
                return Err(crate::errno::Errno::EEXIST);
            }
            self.elems.push(e);
            return Ok(());
        }
        let start = |x: &Elem| x.flags & f::ELEM_INTERVAL_END == 0;
        let at = self.elems.partition_point(|x| (x.key.as_slice(), start(x)) < (e.key.as_slice(), start(&e)));
        if self.elems.get(at).is_some_and(|x| x.key == e.key && start(x) == start(&e)) {
            return Err(crate::errno::Errno::EEXIST);
        }
        self.elems.insert(at, e);
        Ok(())
    }

    /// Removes the element with this key and flags; false when absent.
    pub fn remove(&mut self, key: &[u8], flags: u32) -> bool {
        let before = self.elems.len();
        self.elems.retain(|x| !(x.key == key && x.flags & f::ELEM_INTERVAL_END == flags & f::ELEM_INTERVAL_END));
        self.elems.len() != before
    }

    /// The element a key falls on: the exact key, or in an interval set
    /// the range whose start is the last boundary at or below the key.
    pub fn find(&self, key: &[u8]) -> Option<&Elem> {
        if !self.interval() {
            return self.elems.iter().find(|x| x.key == key);
        }
        // The last boundary <= key; at an equal key, the start comes after the end.
        let at = self.elems.partition_point(|x| x.key.as_slice() <= key);
        let e = self.elems.get(at.checked_sub(1)?)?;
        (e.flags & f::ELEM_INTERVAL_END == 0).then_some(e)
    }
}

#[cfg(test)]
mod tests {
    use super::{Elem, Set};

    fn set(flags: u32) -> Set {
        Set { name: "s".into(), handle: 1, flags, key_type: 7, key_len: 4, data: None, size: None, userdata: None, elems: Vec::new() }
    }

    #[test]
    fn an_interval_set_matches_inside_its_ranges_only() {
        // { 10.0.0.0/8, 192.168.0.0/16 } as nft 1.0.6 sends it.
        let mut s = set(7);
        for (key, flags) in [([0, 0, 0, 0], 1), ([10, 0, 0, 0], 0), ([11, 0, 0, 0], 1), ([192, 168, 0, 0], 0), ([192, 169, 0, 0], 1)] {
            s.insert(Elem { key: key.to_vec(), flags, data: None }).unwrap();
        }
        assert!(s.find(&[10, 1, 2, 3]).is_some());
        assert!(s.find(&[10, 255, 255, 255]).is_some());
        assert!(s.find(&[11, 0, 0, 0]).is_none());
        assert!(s.find(&[9, 0, 0, 0]).is_none());
        assert!(s.find(&[192, 168, 7, 1]).is_some());
        assert!(s.find(&[192, 169, 0, 0]).is_none());
        assert!(s.find(&[255, 0, 0, 0]).is_none());
    }

    #[test]
    fn a_plain_set_matches_exact_keys_and_refuses_duplicates() {
        let mut s = set(3);
        s.insert(Elem { key: vec![0, 22, 0, 0], flags: 0, data: None }).unwrap();
        assert!(s.insert(Elem { key: vec![0, 22, 0, 0], flags: 0, data: None }).is_err());
        assert!(s.find(&[0, 22, 0, 0]).is_some());
        assert!(s.find(&[0, 23, 0, 0]).is_none());
    }
}
