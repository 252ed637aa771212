//! Sets as nft 1.0.6 writes and reads them: the anonymous set or verdict
//! map a rule's `{ ... }` becomes (NEWSET + NEWSETELEM in the rule's batch,
//! NFT_SET_INTERVAL with end elements for prefixes and ranges, as
//! segtree.c's `set_to_intervals` does), the set elements of a listing
//! back into `{ 22, 80, 443 }` text, and the named sets of a table.

use crate::iptables::nl::{BatchMsg, Client, attrs, be32};
use crate::util::text;
use crate::wire::NLM_F_DUMP;
use crate::wire::attr::{AttrTable, NlaIter, NlaWriter};
use crate::wire::nf_expr::Data;
use crate::wire::nftables::{data as v, data_attr, list, msg, set as s, set_desc, set_elem as e, set_elem_list as l, set_flags as f};

/// What a set's keys are: the datatype nft names them by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// `inet_service` (13): a port, 2 bytes.
    Port,
    /// `ipv4_addr` (7).
    V4,
    /// `ipv6_addr` (8).
    V6,
    /// `inet_proto` (12): a protocol number, 1 byte in host order.
    Proto,
    /// `ifname` (41): an interface name, 16 bytes padded with zeros.
    Ifname,
    /// `ct_state` (26): a conntrack state bit, 4 bytes in host order.
    CtState,
    /// `icmp_type` (14): an ICMP type, 1 byte.
    IcmpType,
    /// `icmpv6_type` (29): an ICMPv6 type, 1 byte.
    Icmp6Type,
    /// `tcp_flag` (15): a TCP flag bit, 1 byte.
    TcpFlag,
}

impl Key {
    /// The datatype number and key length.
    pub fn kind(self) -> (u32, u32) {
        match self {
            Key::Port => (13, 2),
            Key::V4 => (7, 4),
            Key::V6 => (8, 16),
            Key::Proto => (12, 1),
            Key::Ifname => (41, 16),
            Key::CtState => (26, 4),
            Key::IcmpType => (14, 1),
            Key::Icmp6Type => (29, 1),
            Key::TcpFlag => (15, 1),
        }
    }

    /// The key of a datatype number.
    pub fn of(key_type: u32) -> Option<Key> {
        match key_type {
            13 => Some(Key::Port),
            7 => Some(Key::V4),
            8 => Some(Key::V6),
            12 => Some(Key::Proto),
            41 => Some(Key::Ifname),
            26 => Some(Key::CtState),
            14 => Some(Key::IcmpType),
            29 => Some(Key::Icmp6Type),
            15 => Some(Key::TcpFlag),
            _ => None,
        }
    }

    /// nft's name of the type (`type ipv4_addr`).
    pub fn name(self) -> &'static str {
        match self {
            Key::Port => "inet_service",
            Key::V4 => "ipv4_addr",
            Key::V6 => "ipv6_addr",
            Key::Proto => "inet_proto",
            Key::Ifname => "ifname",
            Key::CtState => "ct_state",
            Key::IcmpType => "icmp_type",
            Key::Icmp6Type => "icmpv6_type",
            Key::TcpFlag => "tcp_flag",
        }
    }

    /// nft's message for a word this type cannot parse (datatype.c
    /// `symbolic_constant_parse`: "Could not parse" and the type's
    /// description), where it has one.
    pub fn parse_error(self, word: &str) -> Option<&'static str> {
        Some(match self {
            // inet_service_type_parse: a number past 65535, or no service of that name.
            Key::Port if word.parse::<u64>().is_ok() => "Service out of range",
            Key::Port => "Could not resolve service: Servname not supported for ai_socktype",
            // ipaddr_type_parse: anything but an address is resolved as a host name.
            Key::V4 | Key::V6 if !word.contains('-') && !word.contains('/') => "Could not resolve hostname: Name or service not known",
            Key::Proto => "Could not resolve protocol name",
            Key::CtState => "Could not parse conntrack state",
            Key::IcmpType => "Could not parse ICMP type",
            Key::Icmp6Type => "Could not parse ICMPv6 type",
            Key::TcpFlag => "Could not parse TCP flag",
            _ => return None,
        })
    }

    /// One value: its first and last key (a port range `1000-2000`, an
    /// address range `a-b`, a prefix `a/len`, or one value).
    pub fn range(self, word: &str) -> Option<(Vec<u8>, Vec<u8>)> {
        let one = |w: &str| -> Option<Vec<u8>> {
            match self {
                Key::Port => w.parse::<u16>().ok().or_else(|| crate::programs::services::port(w, false)).map(|p| p.to_be_bytes().to_vec()),
                Key::V4 => text::parse_ipv4(w).map(|a| a.octets().to_vec()),
                Key::V6 => text::parse_ipv6(w).map(|a| a.octets().to_vec()),
                Key::Proto => super::names::protocol(w).map(|p| vec![p]),
                Key::IcmpType => super::names::number(super::names::ICMP_TYPES, w).map(|t| vec![t]),
                Key::Icmp6Type => super::names::number(super::names::ICMPV6_TYPES, w).map(|t| vec![t]),
                Key::TcpFlag => super::names::tcp_flags(w).map(|b| vec![b]),
                Key::CtState => super::rule::CT_STATES.iter().find(|(n, _)| *n == w).map(|(_, b)| b.to_ne_bytes().to_vec()),
                // A whole name; wildcards (`eth*`) are not taken.
                Key::Ifname => {
                    let name = w.trim_matches('"').as_bytes();
                    (!name.is_empty() && name.len() < 16 && !name.contains(&b'*')).then(|| {
                        let mut k = name.to_vec();
                        k.resize(16, 0);
                        k
                    })
                }
            }
        };
        if let Some((a, len)) = word.split_once('/').filter(|_| matches!(self, Key::V4 | Key::V6)) {
            let lo = one(a)?;
            let len: u32 = len.parse().ok().filter(|l| *l <= lo.len() as u32 * 8)?;
            let mask = |k: usize| (0xff00u16 >> len.saturating_sub(8 * k as u32).min(8)) as u8;
            let first: Vec<u8> = lo.iter().enumerate().map(|(k, b)| b & mask(k)).collect();
            let last: Vec<u8> = lo.iter().enumerate().map(|(k, b)| b | !mask(k)).collect();
            return Some((first, last));
        }
        // A protocol or ICMP type name may hold a dash (`ipv6-icmp`, `echo-request`).
        let named = matches!(self, Key::Proto | Key::Ifname | Key::CtState | Key::IcmpType | Key::Icmp6Type | Key::TcpFlag);
        if let Some(k) = one(word).filter(|_| named) {
            return Some((k.clone(), k));
        }
        match word.split_once('-') {
            Some((a, b)) if self != Key::V6 || !a.is_empty() => {
                let (lo, hi) = (one(a)?, one(b)?);
                (lo <= hi).then_some((lo, hi))
            }
            _ => one(word).map(|k| (k.clone(), k)),
        }
    }

    /// One key as nft prints it.
    pub fn text(self, key: &[u8], numeric: bool) -> String {
        let first = key.first().copied().unwrap_or(0);
        match self {
            // `nft -n`: symbols as numbers, bitmasks in hex.
            Key::Proto | Key::IcmpType | Key::Icmp6Type if numeric => first.to_string(),
            Key::TcpFlag if numeric => format!("{first:#x}"),
            Key::CtState if numeric => format!("{:#x}", key.get(..4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))),
            Key::Port => key.get(..2).map_or(0, |b| u16::from_be_bytes([b[0], b[1]])).to_string(),
            Key::V4 => {
                let mut b = [0u8; 4];
                b.iter_mut().zip(key).for_each(|(x, y)| *x = *y);
                text::ipv4_text(b)
            }
            Key::V6 => {
                let mut b = [0u8; 16];
                b.iter_mut().zip(key).for_each(|(x, y)| *x = *y);
                text::ipv6_text(b)
            }
            Key::Proto => super::names::protocol_name(key.first().copied().unwrap_or(0)),
            Key::IcmpType => super::names::name(super::names::ICMP_TYPES, key.first().copied().unwrap_or(0)),
            Key::Icmp6Type => super::names::name(super::names::ICMPV6_TYPES, key.first().copied().unwrap_or(0)),
            Key::CtState => {
                let v = key.get(..4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
                super::rule::CT_STATES.iter().find(|(_, b)| *b == v).map_or_else(|| format!("{v:#x}"), |(n, _)| (*n).to_string())
            }
            Key::Ifname => format!("\"{}\"", String::from_utf8_lossy(key).trim_end_matches('\0')),
            Key::TcpFlag => super::names::tcp_flags_text(key.first().copied().unwrap_or(0)),
        }
    }
}

/// The key plus one (None past the last key), for an interval's end.
fn next(key: &[u8]) -> Option<Vec<u8>> {
    let mut out = key.to_vec();
    for b in out.iter_mut().rev() {
        let (n, carry) = b.overflowing_add(1);
        *b = n;
        if !carry {
            return Some(out);
        }
    }
    None
}

/// An element as nft sends it: key, NFT_SET_ELEM_* flags, a map's data.
pub type Element = (Vec<u8>, u32, Option<Data>);

/// nft's `typeof` expression kinds (src/expression.c's udata types).
pub const EXPR_PAYLOAD: u32 = 7;
/// A meta key.
pub const EXPR_META: u32 = 9;
/// A conntrack key.
pub const EXPR_CT: u32 = 12;

/// A set a rule brings along (`{ ... }` or `vmap { ... }`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnonSet {
    /// The key's type.
    pub key: Key,
    /// The expression the key comes from, as nft's `typeof` names it:
    /// payload (7), meta (9) or ct (12).
    pub expr: u32,
    /// Where the key comes from: nft's protocol description and template
    /// field (`tcp dport`: 8, 2), or for a meta key (`meta l4proto`:
    /// 16, 0) the meta key, kept in the set's user data.
    pub payload: (u32, u32),
    /// The values: first and last key, and a map's verdict.
    pub values: Vec<(Vec<u8>, Vec<u8>, Option<Data>)>,
}

impl AnonSet {
    fn map(&self) -> bool {
        self.values.iter().any(|x| x.2.is_some())
    }

    fn interval(&self) -> bool {
        self.values.iter().any(|(lo, hi, _)| lo != hi)
    }

    /// The elements nft sends: the keys, or for ranges their starts and
    /// ends (the key past each range, flagged INTERVAL_END), led by an end
    /// at zero when the first range starts above it. None when ranges overlap.
    fn elements(&self) -> Option<Vec<Element>> {
        if !self.interval() {
            let mut out: Vec<Element> = Vec::new();
            for (k, _, d) in &self.values {
                match out.iter().find(|x| x.0 == *k) {
                    // The same key twice is one element; with two verdicts, a conflict.
                    Some(x) if x.2 != *d => return None,
                    Some(_) => {}
                    None => out.push((k.clone(), 0, d.clone())),
                }
            }
            return Some(out);
        }
        // Overlapping and adjacent ranges merge (nft's automerge of an
        // anonymous set); a map's ranges may not overlap.
        let mut sorted = self.values.clone();
        crate::sorting::sort_by(&mut sorted, |a, b| a.0.cmp(&b.0));
        let mut ranges: Vec<(Vec<u8>, Vec<u8>, Option<Data>)> = Vec::new();
        for r in sorted {
            match ranges.last_mut() {
                Some(last) if next(&last.1).is_none_or(|n| r.0 <= n) && last.2.is_none() && r.2.is_none() => {
                    if r.1 > last.1 {
                        last.1 = r.1;
                    }
                }
                Some(last) if r.0 <= last.1 => return None,
                _ => ranges.push(r),
            }
        }
        let mut out = Vec::new();
        if ranges.first().is_some_and(|(lo, _, _)| lo.iter().any(|b| *b != 0)) {
            out.push((vec![0; ranges[0].0.len()], f::ELEM_INTERVAL_END, None));
        }
        for (lo, hi, data) in ranges {
            out.push((lo, 0, data));
            if let Some(end) = next(&hi) {
                out.push((end, f::ELEM_INTERVAL_END, None));
            }
        }
        Some(out)
    }

    /// The set's user data as libnftnl writes it for nft: the key's byte
    /// order, whether elements merge (intervals), and the key's `typeof`
    /// (a payload expression: protocol and field), or a map's data type.
    fn userdata(&self) -> Vec<u8> {
        let u32le = |out: &mut Vec<u8>, t: u8, v: u32| {
            out.extend_from_slice(&[t, 4]);
            out.extend_from_slice(&v.to_le_bytes());
        };
        let mut out = Vec::new();
        // NFTNL_UDATA_SET_KEYBYTEORDER: big endian for a header field
        // (`ip protocol` too), host order for meta and ct keys.
        let payload = self.expr == EXPR_PAYLOAD;
        u32le(&mut out, 0, if payload { 2 } else { 1 });
        if self.map() {
            u32le(&mut out, 1, 0);
            out.extend_from_slice(&[4, 8, 0, 4, 1, 0, 0, 0, 1, 0]);
            u32le(&mut out, 6, 0);
            return out;
        }
        if self.interval() {
            u32le(&mut out, 2, 1);
        }
        // The typeof expression: payload (7) with protocol and field, meta (9)
        // with its key, or ct (12) with its key and direction (none: all ones).
        let mut inner = Vec::new();
        u32le(&mut inner, 0, self.payload.0);
        if self.expr != EXPR_META {
            u32le(&mut inner, 1, self.payload.1);
        }
        let mut typeof_ = Vec::new();
        u32le(&mut typeof_, 0, self.expr);
        typeof_.extend_from_slice(&[1, inner.len() as u8]);
        typeof_.extend_from_slice(&inner);
        out.extend_from_slice(&[3, typeof_.len() as u8]);
        out.extend_from_slice(&typeof_);
        out
    }

    /// The one range a set without data comes down to, if it does (nft
    /// then matches it without a set).
    pub fn single(&self) -> Option<(Vec<u8>, Vec<u8>)> {
        if self.map() {
            return None;
        }
        let elems = self.elements()?;
        let mut starts = elems.iter().enumerate().filter(|(_, e)| e.1 == 0);
        let (at, (lo, _, _)) = starts.next()?;
        if starts.next().is_some() {
            return None;
        }
        let hi = match elems.get(at + 1) {
            Some((end, _, _)) => prev(end),
            None if self.interval() => vec![0xff; lo.len()],
            None => lo.clone(),
        };
        Some((lo.clone(), hi))
    }

    /// The set's name pattern (the kernel numbers it).
    pub fn name(&self) -> &'static str {
        if self.map() { "__map%d" } else { "__set%d" }
    }

    /// NEWSET and NEWSETELEM for the rule's batch; None when ranges overlap.
    pub fn messages(&self, table: &str, id: u32) -> Option<[BatchMsg; 2]> {
        let elems = self.elements()?;
        let (key_type, key_len) = self.key.kind();
        let mut flags = f::ANONYMOUS | f::CONSTANT;
        if self.interval() {
            flags |= f::INTERVAL;
        }
        if self.map() {
            flags |= f::MAP;
        }
        let mut a = Vec::new();
        a.put_str(s::TABLE, table);
        a.put_str(s::NAME, self.name());
        a.put(s::FLAGS, &flags.to_be_bytes());
        a.put(s::KEY_TYPE, &key_type.to_be_bytes());
        a.put(s::KEY_LEN, &key_len.to_be_bytes());
        if self.map() {
            a.put(s::DATA_TYPE, &f::DATA_VERDICT.to_be_bytes());
            a.put(s::DATA_LEN, &0u32.to_be_bytes());
        }
        a.put(s::ID, &id.to_be_bytes());
        let n = a.begin_nest(s::DESC);
        a.put(set_desc::SIZE, &(elems.len() as u32).to_be_bytes());
        a.end_nest(n);
        a.put(s::USERDATA, &self.userdata());
        let mut b = Vec::new();
        b.put_str(l::TABLE, table);
        b.put_str(l::SET, self.name());
        b.put(l::SET_ID, &id.to_be_bytes());
        put_elements(&mut b, &elems);
        let create = crate::wire::NLM_F_CREATE;
        Some([BatchMsg { kind: msg::NEWSET, flags: create, attrs: a }, BatchMsg { kind: msg::NEWSETELEM, flags: create, attrs: b }])
    }
}

/// A set as a listing sees it.
#[derive(Debug, Clone, Default)]
pub struct SetView {
    /// The table's family.
    pub family: u8,
    /// The table.
    pub table: String,
    /// The set's name.
    pub name: String,
    /// NFT_SET_* flags.
    pub flags: u32,
    /// The key's datatype.
    pub key_type: u32,
    /// The handle.
    pub handle: u64,
    /// The elements: key, flags, a map's verdict.
    pub elems: Vec<Element>,
}

/// Every set with its elements (a GETSET dump, then GETSETELEM for each).
pub fn fetch(client: &mut Client) -> Vec<SetView> {
    let msgs = client.request(msg::GETSET, NLM_F_DUMP, 0, &[]).unwrap_or_default();
    let mut out = Vec::new();
    for m in &msgs {
        let Some(a) = attrs(m, s::MAX) else { continue };
        let str_of = |k| a.get(k).and_then(|n| n.string().ok()).unwrap_or_default();
        let mut view = SetView {
            family: m.get(16).copied().unwrap_or(0),
            table: str_of(s::TABLE),
            name: str_of(s::NAME),
            flags: a.get(s::FLAGS).map_or(0, |n| be32(n.value)),
            key_type: a.get(s::KEY_TYPE).map_or(0, |n| be32(n.value)),
            handle: a.get(s::HANDLE).map_or(0, |n| crate::iptables::nl::be64(n.value)),
            elems: Vec::new(),
        };
        let mut req = Vec::new();
        req.put_str(l::TABLE, &view.table);
        req.put_str(l::SET, &view.name);
        for r in client.request(msg::GETSETELEM, NLM_F_DUMP, view.family, &req).unwrap_or_default() {
            let Some(list) = attrs(&r, l::MAX).and_then(|t| t.get(l::ELEMENTS).map(|n| n.value.to_vec())) else { continue };
            for el in NlaIter::new(&list).map_while(Result::ok) {
                let Ok(t) = AttrTable::parse(el.value, e::MAX) else { continue };
                let key = t.get(e::KEY).and_then(|k| AttrTable::parse(k.value, 2).ok()?.get(data_attr::VALUE).map(|x| x.value.to_vec()));
                let data = t.get(e::DATA).and_then(|d| crate::wire::nf_expr::parse_data(Some(d)).ok());
                view.elems.push((key.unwrap_or_default(), t.get(e::FLAGS).map_or(0, |n| be32(n.value)), data));
            }
        }
        // nft sorts the elements by value (list_expr_sort): a key of a
        // host-endian type (ifname, ct_state) compares as a little-endian
        // number, so from its last byte.
        if matches!(Key::of(view.key_type), Some(Key::Ifname | Key::CtState)) {
            crate::sorting::sort_by(&mut view.elems, |a, b| a.0.iter().rev().cmp(b.0.iter().rev()).then((a.1 == 0).cmp(&(b.1 == 0))));
        } else {
            crate::sorting::sort_by(&mut view.elems, |a, b| (&a.0, a.1 == 0).cmp(&(&b.0, b.1 == 0)));
        }
        out.push(view);
    }
    out
}

/// A verdict as nft prints it.
pub fn verdict_text(data: &Data) -> String {
    match data {
        Data::Verdict { code: v::ACCEPT, .. } => "accept".into(),
        Data::Verdict { code: v::DROP, .. } => "drop".into(),
        Data::Verdict { code: v::RETURN, .. } => "return".into(),
        Data::Verdict { code: v::JUMP, chain: Some(c) } => format!("jump {c}"),
        Data::Verdict { code: v::GOTO, chain: Some(c) } => format!("goto {c}"),
        _ => "continue".into(),
    }
}

/// The elements of a set as nft lists them: `22, 80, 443`, ranges
/// `1000-2000`, prefixes `10.0.0.0/8`, map entries `22 : accept`.
pub fn elements_text(set: &SetView, key: Key, numeric: bool) -> String {
    element_texts(set, key, numeric).join(", ")
}

/// A named set's elements as nft lists them, wrapped as its
/// `calculate_delim` (src/expression.c) does: five numbers or protocols
/// a line, two addresses or conntrack states, one of any other type.
pub fn elements_block_text(set: &SetView, key: Key, numeric: bool) -> String {
    let per_line = match key {
        Key::Port | Key::Proto | Key::TcpFlag => 5,
        Key::V4 | Key::CtState => 2,
        Key::V6 | Key::Ifname | Key::IcmpType | Key::Icmp6Type => 1,
    };
    let mut out = String::new();
    for (k, part) in element_texts(set, key, numeric).iter().enumerate() {
        if k > 0 {
            out.push_str(if k % per_line == 0 { ",\n\t\t\t     " } else { ", " });
        }
        out.push_str(part);
    }
    out
}

/// Each element's text: a key, a range or prefix, a map entry.
fn element_texts(set: &SetView, key: Key, numeric: bool) -> Vec<String> {
    let mut parts = Vec::new();
    let elems = &set.elems;
    let mut i = 0;
    while let Some((lo, flags, data)) = elems.get(i) {
        i += 1;
        if flags & f::ELEM_INTERVAL_END != 0 {
            continue;
        }
        let mut value = key.text(lo, numeric);
        if set.flags & f::INTERVAL != 0 {
            // The range ends before the next end element (or at the last key).
            let hi = match elems.get(i) {
                Some((end, fl, _)) if fl & f::ELEM_INTERVAL_END != 0 => prev(end),
                _ => vec![0xff; lo.len()],
            };
            if hi != *lo {
                value = match prefix_len(lo, &hi).filter(|_| matches!(key, Key::V4 | Key::V6)) {
                    Some(len) => format!("{value}/{len}"),
                    None => format!("{value}-{}", key.text(&hi, numeric)),
                };
            }
        }
        if let Some(d) = data {
            value = format!("{value} : {}", verdict_text(d));
        }
        parts.push(value);
    }
    parts
}

/// The key minus one.
fn prev(key: &[u8]) -> Vec<u8> {
    let mut out = key.to_vec();
    for b in out.iter_mut().rev() {
        let (n, borrow) = b.overflowing_sub(1);
        *b = n;
        if !borrow {
            break;
        }
    }
    out
}

/// The prefix length when `lo..=hi` is exactly one prefix.
pub fn prefix_len(lo: &[u8], hi: &[u8]) -> Option<u32> {
    let bits = lo.len() * 8;
    let bit = |k: &[u8], i: usize| k[i / 8] >> (7 - i % 8) & 1;
    let len = (0..bits).find(|&i| bit(lo, i) != bit(hi, i)).unwrap_or(bits);
    let fits = (len..bits).all(|i| bit(lo, i) == 0 && bit(hi, i) == 1);
    fits.then_some(len as u32)
}

/// NFTA_SET_ELEM_LIST_ELEMENTS as nft writes it: each element's flags (when
/// any), its key, and a verdict map's verdict.
pub fn put_elements(b: &mut Vec<u8>, elems: &[Element]) {
    let n = b.begin_nest(l::ELEMENTS);
    for (key, flags, data) in elems {
        let m = b.begin_nest(list::ELEM);
        if *flags != 0 {
            b.put(e::FLAGS, &flags.to_be_bytes());
        }
        let k = b.begin_nest(e::KEY);
        b.put(data_attr::VALUE, key);
        b.end_nest(k);
        if let Some(Data::Verdict { code, chain }) = data {
            let d = b.begin_nest(e::DATA);
            let vn = b.begin_nest(data_attr::VERDICT);
            b.put(v::VERDICT_CODE, &code.to_be_bytes());
            if let Some(c) = chain {
                b.put_str(v::VERDICT_CHAIN, c);
            }
            b.end_nest(vn);
            b.end_nest(d);
        }
        b.end_nest(m);
    }
    b.end_nest(n);
}

#[cfg(test)]
mod tests {
    use super::{AnonSet, Key};

    /// The elements nft 1.0.6 sent for `ip saddr { 10.0.0.0/8, 192.168.0.0/16 }`
    /// and `tcp dport { 1000-2000, 3000 }` (tests/netlink/cases/netfilter_requests.json).
    #[test]
    fn ranges_become_the_boundaries_nft_sends() {
        let v = |k: Key, w: &str| {
            let (lo, hi) = k.range(w).unwrap();
            (lo, hi, None)
        };
        let ip = AnonSet { key: Key::V4, expr: 7, payload: (12, 11), values: vec![v(Key::V4, "10.0.0.0/8"), v(Key::V4, "192.168.0.0/16")] };
        let got = ip.elements().unwrap();
        let want: Vec<(Vec<u8>, u32, _)> = vec![
            (vec![0, 0, 0, 0], 1, None),
            (vec![10, 0, 0, 0], 0, None),
            (vec![11, 0, 0, 0], 1, None),
            (vec![192, 168, 0, 0], 0, None),
            (vec![192, 169, 0, 0], 1, None),
        ];
        assert_eq!(got, want);
        let ports = AnonSet { key: Key::Port, expr: 7, payload: (8, 2), values: vec![v(Key::Port, "1000-2000"), v(Key::Port, "3000")] };
        let keys: Vec<u16> = ports.elements().unwrap().iter().map(|(k, _, _)| u16::from_be_bytes([k[0], k[1]])).collect();
        assert_eq!(keys, [0, 1000, 2001, 3000, 3001]);
        // The user data of the prefix set, byte for byte.
        let ud = "0004020000000204010000000314000407000000010c00040c00000001040b000000";
        assert_eq!(ip.userdata().iter().map(|b| format!("{b:02x}")).collect::<String>(), ud);
        // `{ 10-20, 15-30, 31, 40 }` is listed back as `{ 10-31, 40 }`.
        let merged =
            AnonSet { key: Key::Port, expr: 7, payload: (8, 2), values: ["10-20", "15-30", "31", "40"].map(|w| v(Key::Port, w)).to_vec() };
        let keys: Vec<u16> = merged.elements().unwrap().iter().map(|(k, _, _)| u16::from_be_bytes([k[0], k[1]])).collect();
        assert_eq!(keys, [0, 10, 32, 40, 41]);
    }
}
