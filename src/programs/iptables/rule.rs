//! An iptables rule: what the command line says, as the nf_tables
//! expressions iptables-nft 1.8.9 turns it into (nft-ipv4.c, nft-shared.c:
//! interfaces, protocol, addresses, tcp/udp ports natively; conntrack, icmp
//! and the targets through xt compat) and back again for listing.

use std::net::{IpAddr, Ipv4Addr};

use super::nat::{self, NatTo};
use crate::wire::nf_expr::{Data, Expr};
use crate::wire::nftables::data as v;

/// What a rule jumps to.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Target {
    /// No -j: only counts.
    #[default]
    None,
    /// ACCEPT.
    Accept,
    /// DROP.
    Drop,
    /// RETURN.
    Return,
    /// A user chain.
    Jump(String),
    /// REJECT --reject-with (enum ipt_reject_with).
    Reject(u32),
    /// MASQUERADE [--to-ports] [flags].
    Masquerade(NatTo),
    /// SNAT --to-source RANGE [flags].
    Snat(NatTo),
    /// DNAT --to-destination RANGE [flags].
    Dnat(NatTo),
    /// REDIRECT [--to-ports] [--random].
    Redirect(NatTo),
    /// LOG: level, XT_LOG_* flags, prefix (struct xt_log_info); the
    /// packet goes on.
    Log(u8, u8, String),
    /// MARK: `struct xt_mark_tginfo2`'s mark and mask; the packet goes on.
    Mark(u32, u32),
}

/// A match of a rule, in the order the command line loaded it
/// (iptables keeps its matches in a list and sends them in that order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mt {
    /// The protocol's own match (tcp/udp ports), natively.
    Ports,
    /// icmp --icmp-type.
    Icmp,
    /// conntrack --ctstate or state --state.
    Ct,
    /// multiport.
    Multiport,
    /// comment.
    Comment,
    /// limit (nft's limit expression).
    Limit,
    /// iprange.
    IpRange,
    /// addrtype.
    AddrType,
    /// mac.
    Mac,
    /// mark (native: meta mark, masked, compared).
    Mark,
    /// pkttype.
    PktType,
    /// length.
    Length,
    /// ttl.
    Ttl,
}

/// `-m multiport`: which ports (XT_MULTIPORT_SOURCE 0, DESTINATION 1,
/// EITHER 2), the ports and ranges, and `!`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Multiport {
    /// XT_MULTIPORT_* flag.
    pub which: u8,
    /// Ports as (low, high); a single port has low == high.
    pub ports: Vec<(u16, u16)>,
    /// `! --dports`.
    pub invert: bool,
}

/// `! -i` (IPT_INV_VIA_IN).
pub const INV_IN: u8 = 0x01;
/// `! -o` (IPT_INV_VIA_OUT).
pub const INV_OUT: u8 = 0x02;
/// `! -s` (IPT_INV_SRCIP).
pub const INV_SRC: u8 = 0x08;
/// `! -d` (IPT_INV_DSTIP).
pub const INV_DST: u8 = 0x10;
/// `! -p` (XT_INV_PROTO).
pub const INV_PROTO: u8 = 0x40;
/// `! --sport` (XT_TCP_INV_SRCPT, kept apart from the IP flags).
pub const INV_SPORT: u8 = 0x80;
/// `! --dport` (XT_TCP_INV_DSTPT).
pub const INV_DPORT: u8 = 0x04;

/// `cmp eq`, or `cmp neq` for an inverted field (how iptables-nft sends `!`).
fn cmp_inv(data: Vec<u8>, inv: bool) -> Expr {
    Expr::Cmp { sreg: 4, op: u32::from(inv), data }
}

/// A rule's matches and target.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Spec {
    /// -i.
    pub iif: Option<String>,
    /// -o.
    pub oif: Option<String>,
    /// -p, as a protocol number.
    pub proto: Option<u8>,
    /// What `!` inverted: the INV_* bits.
    pub inv: u8,
    /// -s ADDR/LEN.
    pub src: Option<(IpAddr, u8)>,
    /// -d ADDR/LEN.
    pub dst: Option<(IpAddr, u8)>,
    /// --sport (a range).
    pub sport: Option<(u16, u16)>,
    /// --dport (a range).
    pub dport: Option<(u16, u16)>,
    /// --tcp-flags MASK COMP (or --syn), and `!`.
    pub tcp_flags: Option<(u8, u8, bool)>,
    /// --icmp-type (or --icmpv6-type): type, lowest and highest code, `!`.
    pub icmp: Option<((u8, u8, u8), bool)>,
    /// --ctstate (or --state) as XT_CONNTRACK_STATE bits.
    pub ctstate: Option<u16>,
    /// The states came from `-m state` (xt_state), not `-m conntrack`.
    pub state_match: bool,
    /// `! --ctstate`.
    pub ct_invert: bool,
    /// The other conntrack options (addresses, protocol, ports, direction).
    pub ct_more: super::ctmatch::CtMore,
    /// -m multiport.
    pub multiport: Option<Multiport>,
    /// -m comment --comment.
    pub comment: Option<String>,
    /// -m limit: `struct xt_rateinfo`'s avg (XT_LIMIT_SCALE units per
    /// packet) and burst.
    pub limit: Option<(u32, u32)>,
    /// -m iprange.
    pub iprange: Option<super::extra::IpRange>,
    /// -m addrtype.
    pub addrtype: Option<super::extra::AddrType>,
    /// -m mac --mac-source, and `!`.
    pub mac: Option<([u8; 6], bool)>,
    /// -m mark --mark VALUE/MASK, and `!`.
    pub mark: Option<(u32, u32, bool)>,
    /// -m pkttype, -m length, -m ttl.
    pub simple: super::simple::Simple,
    /// -f (false) or `! -f` (true): later fragments, or not.
    pub fragment: Option<bool>,
    /// The matches in the order they were loaded.
    pub order: Vec<Mt>,
    /// -j.
    pub target: Target,
    /// The rule is ip6tables' (NFPROTO_IPV6): addresses, protocol names
    /// and reject types are IPv6's.
    pub v6: bool,
}

fn meta(key: u32) -> Expr {
    Expr::Meta { key, dreg: 4 }
}

fn payload(base: u32, offset: u32, len: u32) -> Expr {
    Expr::Payload { dreg: 4, base, offset, len }
}

/// An interface name as iptables matches it: with its NUL, or a prefix
/// when it ends in `+`.
fn ifname(name: &str) -> Vec<u8> {
    match name.strip_suffix('+') {
        Some(prefix) => prefix.as_bytes().to_vec(),
        None => {
            let mut b = name.as_bytes().to_vec();
            b.push(0);
            b
        }
    }
}

/// The header offsets of the source and destination addresses.
fn addr_offsets(v6: bool) -> (u32, u32) {
    if v6 { (8, 24) } else { (12, 16) }
}

fn addr(out: &mut Vec<Expr>, offset: u32, (a, len): (IpAddr, u8), inv: bool) {
    if len == 0 {
        return;
    }
    let bytes = crate::text::ip_octets(a);
    let whole = usize::from(len / 8);
    if len % 8 == 0 {
        out.push(payload(1, offset, whole as u32));
        out.push(cmp_inv(bytes[..whole].to_vec(), inv));
    } else {
        // The bytes the prefix touches, the last one masked.
        let n = whole + 1;
        let mut mask = vec![0xffu8; n];
        mask[whole] = 0xff << (8 - len % 8);
        let value: Vec<u8> = bytes.iter().zip(&mask).map(|(b, m)| b & m).collect();
        out.push(payload(1, offset, n as u32));
        out.push(Expr::Bitwise { sreg: 4, dreg: 4, len: n as u32, mask, xor: vec![0; n] });
        out.push(cmp_inv(value, inv));
    }
}

/// A port or port range as iptables-nft 1.8.9 writes it (measured): one
/// port is `cmp eq` (`neq` with `!`), a range from 0 is `cmp lte` (`gt`
/// with `!`), any other a `range` (`range neq` with `!`).
fn ports(out: &mut Vec<Expr>, offset: u32, (lo, hi): (u16, u16), inv: bool) {
    out.push(payload(2, offset, 2));
    if lo == hi {
        out.push(cmp_inv(lo.to_be_bytes().to_vec(), inv));
    } else if lo == 0 {
        out.push(Expr::Cmp { sreg: 4, op: if inv { 4 } else { 3 }, data: hi.to_be_bytes().to_vec() });
    } else {
        out.push(Expr::Range { sreg: 4, op: u32::from(inv), from: lo.to_be_bytes().to_vec(), to: hi.to_be_bytes().to_vec() });
    }
}

/// `struct xt_conntrack_mtinfo3` with only the state set; `-m state`
/// is the same match with XT_CONNTRACK_STATE_ALIAS (1 << 13) added to
/// match_flags, so listings can tell the two apart (measured: iptables-nft
/// 1.8.9 sends conntrack revision 3 for both).
fn conntrack_info(state: u16, alias: bool, invert: bool) -> Vec<u8> {
    let mut info = vec![0u8; 168];
    let flags: u16 = if alias { 1 | 1 << 13 } else { 1 };
    info[146..148].copy_from_slice(&flags.to_ne_bytes());
    info[148..150].copy_from_slice(&u16::from(invert).to_ne_bytes());
    info[150..152].copy_from_slice(&state.to_ne_bytes());
    info
}

/// `struct nf_nat_range` (40 bytes) or `nf_nat_range2` (48): flags
/// (NF_NAT_RANGE_MAP_IPS 1, NF_NAT_RANGE_PROTO_SPECIFIED 2), the address
/// as both ends of the range, the ports.
fn nat_range(size: usize, n: &NatTo) -> Vec<u8> {
    let mut info = vec![0u8; size];
    info[0..4].copy_from_slice(&n.flags_word().to_ne_bytes());
    if let Some((lo, hi)) = n.addr {
        let (lo, hi) = (crate::text::ip_octets(lo), crate::text::ip_octets(hi));
        info[4..4 + lo.len()].copy_from_slice(&lo);
        info[20..20 + hi.len()].copy_from_slice(&hi);
    }
    if let Some((lo, hi)) = n.ports {
        info[36..38].copy_from_slice(&lo.to_be_bytes());
        info[38..40].copy_from_slice(&hi.to_be_bytes());
    }
    info
}

/// `struct nf_nat_ipv4_multi_range_compat` with one range.
fn nat_compat(n: &NatTo) -> Vec<u8> {
    let mut info = vec![0u8; 24];
    info[0..4].copy_from_slice(&1u32.to_ne_bytes());
    info[4..8].copy_from_slice(&n.flags_word().to_ne_bytes());
    let v4 = |a: IpAddr| match a {
        IpAddr::V4(a) => a.octets(),
        IpAddr::V6(_) => [0; 4],
    };
    if let Some((lo, hi)) = n.addr {
        info[8..12].copy_from_slice(&v4(lo));
        info[12..16].copy_from_slice(&v4(hi));
    }
    if let Some((lo, hi)) = n.ports {
        info[16..18].copy_from_slice(&lo.to_be_bytes());
        info[18..20].copy_from_slice(&hi.to_be_bytes());
    }
    info
}

/// `struct xt_multiport_v1`: flags, count, ports[15], pflags[15], invert.
fn multiport_info(mp: &Multiport) -> Vec<u8> {
    let mut info = vec![0u8; 48];
    info[0] = mp.which;
    let mut k = 0;
    for &(lo, hi) in &mp.ports {
        if k >= 15 {
            break;
        }
        info[2 + 2 * k..4 + 2 * k].copy_from_slice(&lo.to_ne_bytes());
        if lo != hi && k + 1 < 15 {
            info[32 + k] = 1;
            k += 1;
            info[2 + 2 * k..4 + 2 * k].copy_from_slice(&hi.to_ne_bytes());
        }
        k += 1;
    }
    info[1] = k as u8;
    info[47] = u8::from(mp.invert);
    info
}

/// Reads `struct xt_multiport_v1` back.
fn multiport_of(info: &[u8]) -> Option<Multiport> {
    let count = usize::from(*info.get(1)?).min(15);
    let port = |k: usize| info.get(2 + 2 * k..4 + 2 * k).map(|b| u16::from_ne_bytes([b[0], b[1]]));
    let mut ports = Vec::new();
    let mut k = 0;
    while k < count {
        let lo = port(k)?;
        if info.get(32 + k).copied().unwrap_or(0) != 0 && k + 1 < count {
            ports.push((lo, port(k + 1)?));
            k += 2;
        } else {
            ports.push((lo, lo));
            k += 1;
        }
    }
    Some(Multiport { which: *info.first()?, ports, invert: info.get(47).copied().unwrap_or(0) != 0 })
}

/// `XT_LIMIT_SCALE`: xt_rateinfo's avg is in 1/10000 s per packet.
pub const LIMIT_SCALE: u32 = 10_000;

/// The seconds of a day, an hour, a minute and a second, largest first
/// (the units iptables-nft and libxt_limit choose among).
pub const LIMIT_UNITS: [(u32, &str); 4] = [(86_400, "day"), (3_600, "hour"), (60, "min"), (1, "sec")];

/// The largest unit in which `avg` is a whole enough count: the unit
/// index for `add_nft_limit` (nft.c) and libxt_limit's print_rate.
pub fn limit_unit(avg: u32) -> usize {
    let avg = avg.max(1);
    let mut i = 1;
    while i < LIMIT_UNITS.len() {
        let mult = LIMIT_UNITS[i].0 * LIMIT_SCALE;
        if avg > mult || mult / avg < mult % avg {
            break;
        }
        i += 1;
    }
    i - 1
}

/// `add_nft_limit`: `-m limit` as nft's limit expression, packets per
/// the largest unit that keeps the count whole enough.
fn limit_expr(avg: u32, burst: u32) -> Expr {
    let (secs, _) = LIMIT_UNITS[limit_unit(avg)];
    let rate = u64::from(secs * LIMIT_SCALE / avg.max(1));
    Expr::Limit { rate, unit: u64::from(secs), burst, ty: 0, flags: 0, bucket: None }
}

fn verdict(code: i32, chain: Option<String>) -> Expr {
    Expr::Immediate { dreg: 0, data: Data::Verdict { code, chain } }
}

impl Spec {
    /// The matches in the order they were loaded, then any others in
    /// iptables' usual order.
    pub fn matches(&self) -> Vec<Mt> {
        let mut all = self.order.clone();
        for m in [
            Mt::Ports,
            Mt::Icmp,
            Mt::Ct,
            Mt::Multiport,
            Mt::Comment,
            Mt::Limit,
            Mt::IpRange,
            Mt::AddrType,
            Mt::Mac,
            Mt::Mark,
            Mt::PktType,
            Mt::Length,
            Mt::Ttl,
        ] {
            if !all.contains(&m) {
                all.push(m);
            }
        }
        all
    }

    /// Records that a match was loaded (the first time only).
    pub fn load(&mut self, m: Mt) {
        if !self.order.contains(&m) {
            self.order.push(m);
        }
    }

    fn encode_match(&self, m: Mt, out: &mut Vec<Expr>) {
        match m {
            Mt::Ports => {
                // add_nft_tcp: the flags byte (masked, compared), then the ports.
                if let Some((mask, cmp, inv)) = self.tcp_flags {
                    out.push(payload(2, 13, 1));
                    out.push(Expr::Bitwise { sreg: 4, dreg: 4, len: 1, mask: vec![mask], xor: vec![0] });
                    out.push(Expr::Cmp { sreg: 4, op: u32::from(inv), data: vec![cmp] });
                }
                if let Some(s) = self.sport {
                    ports(out, 0, s, self.inv & INV_SPORT != 0);
                }
                if let Some(d) = self.dport {
                    ports(out, 2, d, self.inv & INV_DPORT != 0);
                }
            }
            Mt::Icmp => {
                // struct ipt_icmp / ip6t_icmp: type, code range, invflags.
                if let Some(((t, lo, hi), inv)) = self.icmp {
                    let name = if self.v6 { "icmp6" } else { "icmp" };
                    out.push(Expr::Match { name: name.into(), rev: 0, info: vec![t, lo, hi, u8::from(inv), 0, 0, 0, 0] });
                }
            }
            Mt::Ct => {
                if self.ctstate.is_some() || self.ct_more.flags != 0 {
                    let mut info = match self.ctstate {
                        Some(s) => conntrack_info(s, self.state_match, self.ct_invert),
                        None => vec![0u8; 168],
                    };
                    super::ctmatch::encode(&self.ct_more, &mut info);
                    out.push(Expr::Match { name: "conntrack".into(), rev: 3, info });
                }
            }
            Mt::Multiport => {
                if let Some(mp) = &self.multiport {
                    out.push(Expr::Match { name: "multiport".into(), rev: 1, info: multiport_info(mp) });
                }
            }
            Mt::Limit => {
                if let Some((avg, burst)) = self.limit {
                    out.push(limit_expr(avg, burst));
                }
            }
            Mt::IpRange => {
                if let Some(r) = &self.iprange {
                    out.push(Expr::Match { name: "iprange".into(), rev: 1, info: super::extra::iprange_info(r) });
                }
            }
            Mt::AddrType => {
                if let Some(t) = &self.addrtype {
                    out.push(Expr::Match { name: "addrtype".into(), rev: 1, info: super::extra::addrtype_info(t) });
                }
            }
            Mt::Mac => {
                if let Some((m, inv)) = self.mac {
                    out.push(Expr::Match { name: "mac".into(), rev: 0, info: super::extra::mac_info(m, inv) });
                }
            }
            Mt::PktType | Mt::Length | Mt::Ttl => {
                if let Some((name, info)) = super::simple::encode(&self.simple, m) {
                    out.push(Expr::Match { name: name.into(), rev: 0, info });
                }
            }
            Mt::Mark => {
                // add_nft_mark: the mask only when it is not all ones.
                if let Some((mark, mask, inv)) = self.mark {
                    out.push(meta(3));
                    if mask != u32::MAX {
                        out.push(Expr::Bitwise { sreg: 4, dreg: 4, len: 4, mask: mask.to_ne_bytes().to_vec(), xor: vec![0; 4] });
                    }
                    out.push(cmp_inv(mark.to_ne_bytes().to_vec(), inv));
                }
            }
            Mt::Comment => {
                if let Some(c) = &self.comment {
                    // struct xt_comment_info: char comment[256].
                    let mut info = vec![0u8; 256];
                    let b = c.as_bytes();
                    let n = b.len().min(255);
                    info[..n].copy_from_slice(&b[..n]);
                    out.push(Expr::Match { name: "comment".into(), rev: 0, info });
                }
            }
        }
    }

    /// The expressions iptables-nft sends for this rule.
    pub fn encode(&self) -> Vec<Expr> {
        let mut out = Vec::new();
        if let Some(i) = &self.iif {
            out.push(meta(6));
            out.push(cmp_inv(ifname(i), self.inv & INV_IN != 0));
        }
        if let Some(o) = &self.oif {
            out.push(meta(7));
            out.push(cmp_inv(ifname(o), self.inv & INV_OUT != 0));
        }
        if let Some(p) = self.proto {
            out.push(meta(16));
            out.push(cmp_inv(vec![p], self.inv & INV_PROTO != 0));
        }
        let (src_at, dst_at) = addr_offsets(self.v6);
        if let Some(s) = self.src {
            addr(&mut out, src_at, s, self.inv & INV_SRC != 0);
        }
        if let Some(d) = self.dst {
            addr(&mut out, dst_at, d, self.inv & INV_DST != 0);
        }
        if let Some(inv) = self.fragment {
            // nft_ipv4_add: the fragment offset's 13 bits, non-zero.
            out.push(payload(1, 6, 2));
            out.push(Expr::Bitwise { sreg: 4, dreg: 4, len: 2, mask: vec![0x1f, 0xff], xor: vec![0, 0] });
            out.push(Expr::Cmp { sreg: 4, op: u32::from(!inv), data: vec![0, 0] });
        }
        for m in self.matches() {
            self.encode_match(m, &mut out);
        }
        out.push(Expr::Counter { bytes: 0, packets: 0 });
        let target = |name: &str, rev: u32, info: Vec<u8>| Expr::Target { name: name.into(), rev, info };
        match &self.target {
            Target::None => {}
            Target::Accept => out.push(verdict(v::ACCEPT, None)),
            Target::Drop => out.push(verdict(v::DROP, None)),
            Target::Return => out.push(verdict(v::RETURN, None)),
            Target::Jump(c) => out.push(verdict(v::JUMP, Some(c.clone()))),
            Target::Reject(with) => {
                let mut info = with.to_ne_bytes().to_vec();
                info.extend([0; 4]);
                out.push(target("REJECT", 0, info));
            }
            // ip6tables: MASQUERADE and REDIRECT revision 0 and SNAT revision 1
            // take `struct nf_nat_range` (measured: nft --debug=netlink).
            Target::Masquerade(n) if self.v6 => out.push(target("MASQUERADE", 0, nat_range(40, n))),
            Target::Redirect(n) if self.v6 => out.push(target("REDIRECT", 0, nat_range(40, n))),
            Target::Snat(n) if self.v6 => out.push(target("SNAT", 1, nat_range(40, n))),
            Target::Masquerade(n) => out.push(target("MASQUERADE", 0, nat_compat(n))),
            Target::Redirect(n) => out.push(target("REDIRECT", 0, nat_compat(n))),
            Target::Snat(n) => out.push(target("SNAT", 0, nat_compat(n))),
            Target::Log(level, flags, prefix) => {
                // struct xt_log_info: level, logflags, prefix[30].
                let mut info = vec![0u8; 32];
                info[0] = *level;
                info[1] = *flags;
                let b = prefix.as_bytes();
                let n = b.len().min(29);
                info[2..2 + n].copy_from_slice(&b[..n]);
                out.push(target("LOG", 0, info));
            }
            // struct nf_nat_range2, in both families.
            Target::Dnat(n) => out.push(target("DNAT", 2, nat_range(48, n))),
            Target::Mark(mark, mask) => out.push(target("MARK", 2, super::mark::tginfo(*mark, *mask))),
        }
        out
    }

    /// Reads a rule back from its expressions, with its counters; None
    /// when it holds something iptables did not make.
    pub fn decode(exprs: &[Expr], v6: bool) -> Option<(Spec, (u64, u64))> {
        let mut s = Spec { v6, ..Spec::default() };
        let (src_at, dst_at) = addr_offsets(v6);
        let mut counters = (0, 0);
        let mut i = 0;
        let be16 = |d: &[u8]| d.get(..2).map(|b| u16::from_be_bytes([b[0], b[1]]));
        while let Some(e) = exprs.get(i) {
            i += 1;
            match e {
                Expr::Meta { key: 3, .. } => {
                    // nft_parse_meta: a mark, perhaps masked.
                    let mut mask = u32::MAX;
                    if let Some(Expr::Bitwise { mask: m, .. }) = exprs.get(i) {
                        i += 1;
                        mask = u32::from_ne_bytes(m.get(..4)?.try_into().ok()?);
                    }
                    let Some(Expr::Cmp { data, op: op @ (0 | 1), .. }) = exprs.get(i) else { return None };
                    i += 1;
                    s.mark = Some((u32::from_ne_bytes(data.get(..4)?.try_into().ok()?), mask, *op == 1));
                    s.load(Mt::Mark);
                }
                Expr::Meta { key, .. } => {
                    let Some(Expr::Cmp { data, op: op @ (0 | 1), .. }) = exprs.get(i) else { return None };
                    i += 1;
                    let bit = match key {
                        6 => INV_IN,
                        7 => INV_OUT,
                        _ => INV_PROTO,
                    };
                    if *op == 1 {
                        s.inv |= bit;
                    }
                    let name = |d: &[u8]| match d.split_last() {
                        Some((0, n)) => String::from_utf8_lossy(n).into_owned(),
                        _ => format!("{}+", String::from_utf8_lossy(d)),
                    };
                    match key {
                        6 => s.iif = Some(name(data)),
                        7 => s.oif = Some(name(data)),
                        16 => s.proto = data.first().copied(),
                        _ => return None,
                    }
                }
                Expr::Payload { base: 1, offset: 6, len: 2, .. } if !v6 => {
                    let Some(Expr::Bitwise { .. }) = exprs.get(i) else { return None };
                    let Some(Expr::Cmp { op: op @ (0 | 1), .. }) = exprs.get(i + 1) else { return None };
                    i += 2;
                    s.fragment = Some(*op == 0);
                }
                Expr::Payload { base: 1, offset, len, .. } => {
                    let mut mask_len = (*len * 8) as u8;
                    if let Some(Expr::Bitwise { mask, .. }) = exprs.get(i) {
                        i += 1;
                        mask_len = mask.iter().map(|b| b.count_ones() as u8).sum();
                    }
                    let Some(Expr::Cmp { data, op: op @ (0 | 1), .. }) = exprs.get(i) else { return None };
                    i += 1;
                    if *op == 1 {
                        s.inv |= if *offset == src_at { INV_SRC } else { INV_DST };
                    }
                    let mut b = [0u8; 16];
                    for (k, x) in data.iter().take(16).enumerate() {
                        b[k] = *x;
                    }
                    let ip = if v6 { IpAddr::from(b) } else { IpAddr::from([b[0], b[1], b[2], b[3]]) };
                    let a = (ip, mask_len);
                    match *offset {
                        o if o == src_at => s.src = Some(a),
                        o if o == dst_at => s.dst = Some(a),
                        _ => return None,
                    }
                }
                Expr::Payload { base: 2, offset: 13, len: 1, .. } => {
                    let Some(Expr::Bitwise { mask, .. }) = exprs.get(i) else { return None };
                    let Some(Expr::Cmp { op: op @ (0 | 1), data, .. }) = exprs.get(i + 1) else { return None };
                    i += 2;
                    s.tcp_flags = Some((*mask.first()?, *data.first()?, *op == 1));
                    s.load(Mt::Ports);
                }
                Expr::Payload { base: 2, offset, .. } => {
                    let mut inv = false;
                    let range = match exprs.get(i) {
                        Some(Expr::Range { op: op @ (0 | 1), from, to, .. }) => {
                            inv = *op == 1;
                            (be16(from)?, be16(to)?)
                        }
                        Some(Expr::Cmp { op: op @ (0 | 1), data, .. }) => {
                            inv = *op == 1;
                            (be16(data)?, be16(data)?)
                        }
                        Some(Expr::Cmp { op: 3, data, .. }) => (0, be16(data)?),
                        // `! --dport 0:N` went as `cmp gt N`: it lists as N+1:65535.
                        Some(Expr::Cmp { op: 4, data, .. }) => (be16(data)?.checked_add(1)?, u16::MAX),
                        Some(Expr::Cmp { op: 5, data, .. }) => {
                            let lo = be16(data)?;
                            match exprs.get(i + 1) {
                                Some(Expr::Cmp { op: 3, data, .. }) => {
                                    i += 1;
                                    (lo, be16(data)?)
                                }
                                _ => (lo, u16::MAX),
                            }
                        }
                        _ => return None,
                    };
                    i += 1;
                    s.load(Mt::Ports);
                    match offset {
                        0 => s.sport = Some(range),
                        2 => s.dport = Some(range),
                        _ => return None,
                    }
                    if inv {
                        s.inv |= if *offset == 0 { INV_SPORT } else { INV_DPORT };
                    }
                }
                Expr::Match { name, rev, info } => match (name.as_str(), rev) {
                    ("icmp" | "icmp6", _) => {
                        let b = |k: usize| info.get(k).copied().unwrap_or(0);
                        s.icmp = Some(((b(0), b(1), b(2)), b(3) & 1 != 0));
                        s.load(Mt::Icmp);
                    }
                    ("conntrack", _) => {
                        let has_state = info.get(146).is_some_and(|b| b & 1 != 0);
                        s.ctstate = info.get(150..152).map(|b| u16::from_ne_bytes([b[0], b[1]])).filter(|_| has_state);
                        s.ct_more = super::ctmatch::decode(info);
                        s.state_match = info.get(146..148).is_some_and(|b| u16::from_ne_bytes([b[0], b[1]]) & 1 << 13 != 0);
                        s.ct_invert = info.get(148).is_some_and(|b| b & 1 != 0);
                        s.load(Mt::Ct);
                    }
                    ("state", _) => {
                        s.ctstate = info.get(..2).map(|b| u16::from_ne_bytes([b[0], b[1]]));
                        s.state_match = true;
                        s.load(Mt::Ct);
                    }
                    ("multiport", 1) => {
                        s.multiport = Some(multiport_of(info)?);
                        s.load(Mt::Multiport);
                    }
                    ("iprange", 1) => {
                        s.iprange = Some(super::extra::iprange_of(info, v6)?);
                        s.load(Mt::IpRange);
                    }
                    ("addrtype", 1) => {
                        s.addrtype = Some(super::extra::addrtype_of(info)?);
                        s.load(Mt::AddrType);
                    }
                    ("mac", 0) => {
                        s.mac = Some(super::extra::mac_of(info)?);
                        s.load(Mt::Mac);
                    }
                    ("pkttype" | "length" | "ttl", 0) => {
                        let m = super::simple::decode(&mut s.simple, name, info)?;
                        s.load(m);
                    }
                    ("comment", _) => {
                        let text = info.split(|b| *b == 0).next().unwrap_or(&[]);
                        s.comment = Some(String::from_utf8_lossy(text).into_owned());
                        s.load(Mt::Comment);
                    }
                    _ => return None,
                },
                Expr::Limit { rate, unit, burst, ty: 0, flags: 0, .. } => {
                    // nft_parse_limit: back to xt_rateinfo's avg.
                    let avg = u64::from(LIMIT_SCALE).checked_mul(*unit)?.checked_div(*rate)?;
                    s.limit = Some((u32::try_from(avg).ok()?, *burst));
                    s.load(Mt::Limit);
                }
                Expr::Counter { bytes, packets } => counters = (*packets, *bytes),
                Expr::Immediate { data: Data::Verdict { code, chain }, .. } => {
                    s.target = match (*code, chain) {
                        (v::ACCEPT, _) => Target::Accept,
                        (v::DROP, _) => Target::Drop,
                        (v::RETURN, _) => Target::Return,
                        (v::JUMP, Some(c)) => Target::Jump(c.clone()),
                        _ => return None,
                    }
                }
                Expr::Target { name, info, .. } => {
                    let u32_at = |at: usize| info.get(at..at + 4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
                    let ip_at = |at: usize| -> IpAddr {
                        if v6 {
                            info.get(at..at + 16).and_then(|b| <[u8; 16]>::try_from(b).ok()).map_or(IpAddr::V6(0u128.into()), IpAddr::from)
                        } else {
                            info.get(at..at + 4).map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |b| IpAddr::from([b[0], b[1], b[2], b[3]]))
                        }
                    };
                    // The compat struct (iptables' SNAT, MASQUERADE, REDIRECT):
                    // flags at 4, addresses at 8 and 12, ports at 16; the
                    // nf_nat_range(2) ones: flags at 0, addresses at 4 and 20,
                    // ports at 36.
                    let compat = !v6 && name != "DNAT";
                    let (fl, lo, hi, pl) = if compat { (4, 8, 12, 16) } else { (0, 4, 20, 36) };
                    let flags = u32_at(fl);
                    let port = |at: usize| be16(info.get(at..).unwrap_or(&[])).unwrap_or(0);
                    let nat = NatTo {
                        addr: (flags & nat::MAP_IPS != 0).then(|| (ip_at(lo), ip_at(hi))),
                        ports: (flags & nat::PROTO_SPECIFIED != 0).then(|| (port(pl), port(pl + 2))),
                        flags: flags & (nat::PROTO_RANDOM | nat::PROTO_RANDOM_FULLY | nat::PERSISTENT),
                    };
                    s.target = match name.as_str() {
                        "REJECT" => Target::Reject(u32_at(0)),
                        "LOG" => {
                            let text = info.get(2..32).unwrap_or(&[]).split(|b| *b == 0).next().unwrap_or(&[]);
                            Target::Log(*info.first()?, *info.get(1)?, String::from_utf8_lossy(text).into_owned())
                        }
                        "MASQUERADE" => Target::Masquerade(nat),
                        "REDIRECT" => Target::Redirect(nat),
                        "SNAT" => Target::Snat(nat),
                        "DNAT" => Target::Dnat(nat),
                        "MARK" => {
                            let (mark, mask) = super::mark::tginfo_of(info);
                            Target::Mark(mark, mask)
                        }
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
        Some((s, counters))
    }
}

#[cfg(test)]
#[path = "rule_tests.rs"]
mod tests;
