//! Running the rules on a packet (`nft_do_chain` in net/netfilter/
//! nf_tables_core.c): registers, expressions in order, verdicts, jumps
//! with a return stack, the base chain's policy; plus the xtables matches
//! and targets iptables-nft sends through nft_compat.

use std::net::IpAddr;

use super::conntrack::CtInfo;
use super::nat::Range;
use super::{Data, Expr, Table};
use crate::sim::packet::{Datagram, Icmp, Payload};
use crate::wire::nftables::data as v;

/// What a packet looks like to the rules besides its bytes.
pub struct PacketCtx<'a> {
    /// The packet.
    pub p: &'a Datagram,
    /// Input device index and name (0 and "" when none).
    pub iif: (u32, &'a str),
    /// Output device index and name.
    pub oif: (u32, &'a str),
    /// Its connection-tracking state.
    pub ct: CtInfo,
    /// Whether it travels in its flow's reply direction.
    pub reply: bool,
    /// The virtual clock (µs), for limits.
    pub now_us: u64,
    /// XT_ADDRTYPE_* bits of the source and destination addresses (for
    /// xt_addrtype: LOCAL, BROADCAST, MULTICAST or UNICAST).
    pub addr_types: (u16, u16),
    /// The sending neighbour's link-layer address as the input device
    /// knows it (the frame's source for xt_mac), when known.
    pub src_mac: Option<[u8; 6]>,
    /// The packet's connection (its tuples and NAT binding), when tracked.
    pub conn: Option<super::conntrack::Conn>,
}

/// How a chain ended for a packet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// NF_ACCEPT (the next base chain runs).
    Accept,
    /// NF_DROP.
    Drop,
    /// Reject with an ICMP unreachable code, or a TCP reset (None).
    Reject(Option<u8>),
    /// A NAT decision (also accepts).
    Nat(Nat),
}

/// A NAT decision of a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nat {
    /// Source NAT into a range of addresses (and ports).
    Snat(Range),
    /// Destination NAT into a range of addresses (and ports).
    Dnat(Range),
    /// Masquerade (source NAT to the output device's address), ports optional.
    Masq(Range),
    /// Redirect to the machine itself, ports optional.
    Redir(Range),
}

/// Registers: the verdict and 16 bytes × 4 of data (`struct nft_regs`).
struct Regs {
    data: [u8; 80],
}

impl Regs {
    fn get(&self, reg: u32, len: usize) -> &[u8] {
        let at = reg as usize * 4;
        self.data.get(at..at + len).unwrap_or(&[])
    }
    fn set(&mut self, reg: u32, bytes: &[u8]) {
        let at = reg as usize * 4;
        // nft_reg_store: the rest of the last 32-bit register is zeroed.
        let end = at + bytes.len().div_ceil(4) * 4;
        if let Some(slot) = self.data.get_mut(at..end) {
            // A few bytes: a loop, not two calls into libc.
            for (i, d) in slot.iter_mut().enumerate() {
                *d = bytes.get(i).copied().unwrap_or(0);
            }
        }
    }
}

/// `nft_cmp_eval`: the register's bytes against the constant, by `op`.
fn compare(op: u32, have: &[u8], data: &[u8]) -> bool {
    // Byte by byte: the values are a few bytes long, a libc memcmp costs more.
    let ord = have.iter().zip(data.iter()).map(|(a, b)| a.cmp(b)).find(|o| o.is_ne()).unwrap_or(have.len().cmp(&data.len()));
    match op {
        0 => ord.is_eq(),
        1 => ord.is_ne(),
        2 => ord.is_lt(),
        3 => ord.is_le(),
        4 => ord.is_gt(),
        _ => ord.is_ge(),
    }
}

/// A rule's first test when it is a header load compared with a constant
/// (`payload` then `cmp` on its register, as `ip saddr`, `tcp dport` and
/// iptables' `-s`/`-d` begin): kept inside the rule so that a packet that
/// fails it skips the rule without reading its expression list. Running it
/// loads the register as the payload expression would, so later rules see
/// the same registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lead {
    base: u8,
    len: u8,
    op: u8,
    dreg: u8,
    offset: u32,
    data: [u8; 16],
}

impl Lead {
    /// The lead of a rule's expressions, if they start with one.
    pub fn of(exprs: &[Expr]) -> Option<Lead> {
        let [Expr::Payload { dreg, base, offset, len }, Expr::Cmp { sreg, op, data }, ..] = exprs else { return None };
        if sreg != dreg || data.len() != *len as usize || data.len() > 16 || !matches!(base, 1 | 2) {
            return None;
        }
        let mut d = [0u8; 16];
        d[..data.len()].copy_from_slice(data);
        Some(Lead {
            base: *base as u8,
            len: *len as u8,
            op: u8::try_from(*op).ok()?,
            dreg: u8::try_from(*dreg).ok()?,
            offset: *offset,
            data: d,
        })
    }

    /// Whether the packet passes it (loading the register on the way).
    fn passes(&self, net: &[u8], transport: &[u8], regs: &mut Regs) -> bool {
        let src = if self.base == 1 { net } else { transport };
        let (o, l) = (self.offset as usize, usize::from(self.len));
        match o.checked_add(l).and_then(|end| src.get(o..end)) {
            Some(b) => {
                regs.set(u32::from(self.dreg), b);
                compare(u32::from(self.op), b, &self.data[..l])
            }
            None => false,
        }
    }
}

/// The network header's bytes as they would be on the wire.
fn network_header(p: &Datagram) -> Vec<u8> {
    let len = p.total_len() as u16;
    match (p.src, p.dst) {
        (IpAddr::V4(s), IpAddr::V4(d)) => {
            let mut h = vec![0x45, 0];
            h.extend_from_slice(&len.to_be_bytes());
            h.extend_from_slice(&[0, 0, if p.dont_fragment { 0x40 } else { 0 }, 0, p.ttl, p.protocol(), 0, 0]);
            h.extend_from_slice(&s.octets());
            h.extend_from_slice(&d.octets());
            h
        }
        (s, d) => {
            let mut h = vec![0x60, 0, 0, 0];
            h.extend_from_slice(&(len.saturating_sub(40)).to_be_bytes());
            h.extend_from_slice(&[p.protocol(), p.ttl]);
            for a in [s, d] {
                match a {
                    IpAddr::V6(a) => h.extend_from_slice(&a.octets()),
                    IpAddr::V4(a) => h.extend_from_slice(&a.to_ipv6_mapped().octets()),
                }
            }
            h
        }
    }
}

/// The transport header's first bytes (ICMP type, code, checksum, id, seq;
/// UDP ports and length; TCP's fixed header, checksum left 0).
fn transport_header(p: &Datagram) -> Vec<u8> {
    let v6 = p.is_v6();
    let icmp = |t4: u8, t6: u8, code: u8, rest: [u8; 4]| {
        let mut h = vec![if v6 { t6 } else { t4 }, code, 0, 0];
        h.extend_from_slice(&rest);
        h
    };
    match &p.payload {
        Payload::Icmp(Icmp::EchoRequest { id, seq, .. }) => icmp(8, 128, 0, id_seq(*id, *seq)),
        Payload::Icmp(Icmp::EchoReply { id, seq, .. }) => icmp(0, 129, 0, id_seq(*id, *seq)),
        Payload::Icmp(Icmp::Unreachable { code, mtu, .. }) => {
            let [a, b] = mtu.to_be_bytes();
            icmp(3, 1, *code, [0, 0, a, b])
        }
        Payload::Icmp(Icmp::TimeExceeded { .. }) => icmp(11, 3, 0, [0; 4]),
        // ND_ROUTER... flags: R 0x80, S 0x40, O 0x20 (a solicited answer overrides).
        Payload::Icmp(Icmp::Ndisc { advert: false, .. }) => icmp(135, 135, 0, [0; 4]),
        Payload::Icmp(Icmp::Ndisc { advert: true, router, .. }) => icmp(136, 136, 0, [0x60 | if *router { 0x80 } else { 0 }, 0, 0, 0]),
        Payload::Udp { sport, dport, data } => {
            let mut h = Vec::with_capacity(8);
            h.extend_from_slice(&sport.to_be_bytes());
            h.extend_from_slice(&dport.to_be_bytes());
            h.extend_from_slice(&((data.len() + 8) as u16).to_be_bytes());
            h.extend_from_slice(&[0, 0]);
            h
        }
        Payload::Tcp(t) => {
            let mut h = Vec::with_capacity(20);
            h.extend_from_slice(&t.sport.to_be_bytes());
            h.extend_from_slice(&t.dport.to_be_bytes());
            h.extend_from_slice(&t.seq.to_be_bytes());
            h.extend_from_slice(&t.ack.to_be_bytes());
            // Data offset in 32-bit words (at most 60 bytes of header), flags.
            h.push(((t.header_len() / 4) as u8) << 4);
            h.push(t.flags);
            h.extend_from_slice(&t.window.to_be_bytes());
            h.extend_from_slice(&[0, 0, 0, 0]);
            h
        }
    }
}

fn id_seq(id: u16, seq: u16) -> [u8; 4] {
    let ([a, b], [c, d]) = (id.to_be_bytes(), seq.to_be_bytes());
    [a, b, c, d]
}

/// The value of a meta key (`nft_meta_get_eval`), None when it has none.
fn meta(key: u32, c: &PacketCtx<'_>) -> Option<Vec<u8>> {
    let name = |n: &str| {
        let mut b = vec![0u8; 16];
        let n = n.as_bytes();
        b[..n.len().min(16)].copy_from_slice(&n[..n.len().min(16)]);
        b
    };
    Some(match key {
        0 => (c.p.total_len() as u32).to_ne_bytes().to_vec(),
        1 => (if c.p.is_v6() { 0x86ddu16 } else { 0x0800 }).to_be_bytes().to_vec(),
        2 | 3 => 0u32.to_ne_bytes().to_vec(),
        4 if c.iif.0 != 0 => c.iif.0.to_ne_bytes().to_vec(),
        5 if c.oif.0 != 0 => c.oif.0.to_ne_bytes().to_vec(),
        6 if c.iif.0 != 0 => name(c.iif.1),
        7 if c.oif.0 != 0 => name(c.oif.1),
        8 if c.iif.0 != 0 => 1u16.to_ne_bytes().to_vec(),
        9 if c.oif.0 != 0 => 1u16.to_ne_bytes().to_vec(),
        15 => vec![if c.p.is_v6() { 10 } else { 2 }],
        16 => vec![c.p.protocol()],
        _ => return None,
    })
}

/// Where evaluation stands: the chain, the next rule, the return stack.
struct Cursor {
    chain: usize,
    rule: usize,
}

/// The most chains a jump may stack (`NFT_JUMP_STACK_SIZE`).
const JUMP_STACK: usize = 16;

/// State changes a run leaves for the caller to apply (the table is read
/// only while the chain runs): (chain, rule, expression, new limit bucket
/// or None for a counter hit).
pub type Hits = Vec<(usize, usize, usize, Option<(u64, u64)>)>;

/// `nft_limit_eval`: whether the packet is within the limit (before
/// NFT_LIMIT_F_INV), and the bucket after it (tokens in ns, time in µs).
fn limit(e: &Expr, now_us: u64, len: u64) -> Option<(bool, (u64, u64))> {
    let Expr::Limit { rate, unit, burst, ty, bucket, .. } = e else { return None };
    let (max, nsecs) = crate::wire::nf_expr::limit_bucket(*rate, *unit, *burst, *ty)?;
    let cost = if *ty == 0 { nsecs / rate } else { nsecs.saturating_mul(len) / rate };
    let (tokens, last) = bucket.unwrap_or((max, now_us));
    let tokens = tokens.saturating_add(now_us.saturating_sub(last).saturating_mul(1000)).min(max);
    match tokens.checked_sub(cost) {
        Some(left) => Some((true, (left, now_us))),
        None => Some((false, (tokens, now_us))),
    }
}

/// Runs a base chain of `table` on a packet. Counters that matched and
/// limits that ran are recorded in `hits` for the caller to apply.
pub fn run_chain(table: &Table, base: usize, c: &PacketCtx<'_>, hits: &mut Hits) -> Option<Outcome> {
    let mut stack: Vec<Cursor> = Vec::new();
    let mut at = Cursor { chain: base, rule: 0 };
    let mut steps = 0usize;
    let (net, transport) = (network_header(c.p), transport_header(c.p));
    // The registers live across the rules of a run, as in nft_do_chain.
    let mut regs = Regs { data: [0; 80] };
    loop {
        steps += 1;
        if steps > 100_000 {
            return Some(Outcome::Drop);
        }
        let chain = table.chains.get(at.chain)?;
        let Some(rule) = chain.rules.get(at.rule) else {
            // End of a chain: back to the caller, or the base chain's policy.
            match stack.pop() {
                Some(back) => {
                    at = back;
                    continue;
                }
                None => return None,
            }
        };
        if rule.lead.is_some_and(|lead| !lead.passes(&net, &transport, &mut regs)) {
            at.rule += 1;
            continue;
        }
        let mut verdict: Option<(i32, Option<&str>)> = None;
        let mut outcome: Option<Outcome> = None;
        let mut matched = true;
        for (ei, e) in rule.exprs.iter().enumerate() {
            match e {
                Expr::Payload { dreg, base, offset, len } => {
                    let src = match base {
                        1 => &net,
                        2 => &transport,
                        _ => &net[..0],
                    };
                    let (o, l) = (*offset as usize, *len as usize);
                    match src.get(o..o + l) {
                        Some(b) => regs.set(*dreg, b),
                        None => matched = false,
                    }
                }
                Expr::Cmp { sreg, op, data } => matched = compare(*op, regs.get(*sreg, data.len()), data),
                Expr::Range { sreg, op, from, to } => {
                    // nft_range_eval: memcmp against both bounds.
                    let have = regs.get(*sreg, from.len());
                    let outside = have < from.as_slice() || have > to.as_slice();
                    matched = outside == (*op == 1);
                }
                Expr::Meta { key, dreg } => match meta(*key, c) {
                    Some(b) => regs.set(*dreg, &b),
                    None => matched = false,
                },
                Expr::Ct { key, dreg, .. } => match key {
                    0 => regs.set(*dreg, &c.ct.state_bit().to_ne_bytes()),
                    1 if !matches!(c.ct, CtInfo::Untracked | CtInfo::Invalid) => regs.set(*dreg, &[u8::from(c.reply)]),
                    _ => matched = false,
                },
                Expr::Bitwise { sreg, dreg, len, mask, xor } => {
                    let src = regs.get(*sreg, *len as usize).to_vec();
                    let out: Vec<u8> = src.iter().zip(mask).zip(xor).map(|((s, m), x)| (s & m) ^ x).collect();
                    regs.set(*dreg, &out);
                }
                Expr::Immediate { dreg, data } => match data {
                    Data::Value(b) => regs.set(*dreg, b),
                    Data::Verdict { code, chain } => verdict = Some((*code, chain.as_deref())),
                },
                Expr::Counter { .. } => hits.push((at.chain, at.rule, ei, None)),
                Expr::Limit { flags, .. } => {
                    let (within, bucket) = limit(e, c.now_us, u64::from(c.p.total_len() as u32)).unwrap_or((false, (0, c.now_us)));
                    hits.push((at.chain, at.rule, ei, Some(bucket)));
                    matched = within != (flags & 1 != 0);
                }
                // nft_log_eval: the message goes to the kernel log, which the
                // world does not keep; the packet goes on.
                Expr::Log { .. } => {}
                Expr::Reject { ty, code } => {
                    outcome = Some(Outcome::Reject(match ty {
                        1 => None,
                        2 => Some(icmpx(*code)),
                        // NFT_REJECT_ICMP_UNREACH of an IPv6 packet carries an
                        // ICMPv6 code: the walk's codes are ICMP's.
                        _ if c.p.is_v6() => Some(icmpv6_as_icmp(*code)),
                        _ => Some(*code),
                    }))
                }
                // nft_nat_eval: the registers give the range's bounds (the
                // highest defaults to the lowest).
                // nft_nat_inet_eval: an inet table's NAT of the other
                // family does nothing, and the rule goes on.
                Expr::Nat { family, .. } if *family != u32::from(if c.p.is_v6() { 10u8 } else { 2 }) => {}
                Expr::Nat { ty, addr, proto, flags, .. } => {
                    let range = Range {
                        addr: addr.map(|(lo, hi)| (read_addr(&regs, lo, c.p.is_v6()), read_addr(&regs, hi, c.p.is_v6()))),
                        port: proto.map(|(lo, hi)| (reg_port(&regs, lo), reg_port(&regs, hi))),
                        flags: *flags,
                    };
                    outcome = Some(Outcome::Nat(if *ty == 0 { Nat::Snat(range) } else { Nat::Dnat(range) }));
                }
                Expr::Masq { proto, flags } => outcome = Some(Outcome::Nat(Nat::Masq(port_range(&regs, *proto, *flags)))),
                Expr::Redir { proto, flags } => outcome = Some(Outcome::Nat(Nat::Redir(port_range(&regs, *proto, *flags)))),
                // nft_lookup_eval (a map with dreg 0 is a verdict map).
                Expr::Lookup { set, sreg, dreg, flags, .. } => {
                    let found = table.set(set).and_then(|s| s.find(regs.get(*sreg, s.key_len as usize)));
                    match (found.and_then(|e| e.data.as_ref()), dreg) {
                        (Some(Data::Verdict { code, chain }), Some(0)) => verdict = Some((*code, chain.as_deref())),
                        (Some(Data::Value(b)), Some(r)) => regs.set(*r, b),
                        _ => matched = found.is_some() != (*flags & 1 != 0),
                    }
                }
                Expr::Match { name, rev, info } => matched = xt_match(name, *rev, info, c),
                Expr::Target { name, rev, info } => outcome = xt_target(name, *rev, info, c.p.is_v6()),
            }
            if !matched || verdict.is_some() || outcome.is_some() {
                break;
            }
        }
        if let Some(o) = outcome.filter(|_| matched) {
            return Some(o);
        }
        at.rule += 1;
        let Some((code, target)) = verdict.filter(|_| matched) else { continue };
        match code {
            v::ACCEPT => return Some(Outcome::Accept),
            v::DROP => return Some(Outcome::Drop),
            v::JUMP | v::GOTO => {
                let Some(to) = target.and_then(|t| table.chains.iter().position(|ch| ch.name == t)) else { continue };
                if code == v::JUMP {
                    if stack.len() >= JUMP_STACK {
                        return Some(Outcome::Drop);
                    }
                    stack.push(Cursor { chain: at.chain, rule: at.rule });
                }
                at = Cursor { chain: to, rule: 0 };
            }
            v::RETURN => match stack.pop() {
                Some(back) => at = back,
                None => return None,
            },
            _ => {}
        }
    }
}

/// A masquerade's or redirect's range: ports only.
fn port_range(regs: &Regs, proto: Option<(u32, u32)>, flags: u32) -> Range {
    Range { addr: None, port: proto.map(|(lo, hi)| (reg_port(regs, lo), reg_port(regs, hi))), flags }
}

fn reg_port(regs: &Regs, reg: u32) -> u16 {
    let b = regs.get(reg, 2);
    u16::from_be_bytes([b.first().copied().unwrap_or(0), b.get(1).copied().unwrap_or(0)])
}

fn read_addr(regs: &Regs, reg: u32, v6: bool) -> IpAddr {
    if v6 {
        let b: [u8; 16] = regs.get(reg, 16).try_into().unwrap_or([0; 16]);
        IpAddr::from(b)
    } else {
        let b: [u8; 4] = regs.get(reg, 4).try_into().unwrap_or([0; 4]);
        IpAddr::from(b)
    }
}

/// NFT_REJECT_ICMPX_* codes as IPv4 unreachable codes.
fn icmpx(code: u8) -> u8 {
    match code {
        0 => 0,  // no route: net unreachable
        1 => 3,  // port unreachable
        2 => 1,  // host unreachable
        _ => 13, // administratively prohibited
    }
}

/// An ICMPv6 destination-unreachable code as the ICMP code the walk turns
/// back into it (no route, address and port unreachable; the others as
/// administratively prohibited).
fn icmpv6_as_icmp(code: u8) -> u8 {
    match code {
        0 => 0,  // no route: net unreachable
        3 => 1,  // address unreachable: host unreachable
        4 => 3,  // port unreachable
        _ => 13, // administratively prohibited
    }
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2).map_or(0, |s| u16::from_ne_bytes([s[0], s[1]]))
}

fn be16_at(b: &[u8], at: usize) -> u16 {
    b.get(at..at + 2).map_or(0, |s| u16::from_be_bytes([s[0], s[1]]))
}

/// The xtables matches iptables-nft uses (xt_conntrack, xt_state, ipt_icmp,
/// xt_tcpudp, xt_mark), read from their info structures.
fn xt_match(name: &str, rev: u32, info: &[u8], c: &PacketCtx<'_>) -> bool {
    let in_range = |port: u16, lo: u16, hi: u16| lo <= port && port <= hi;
    match name {
        "conntrack" => super::xt::conntrack(info, c),
        "state" => {
            let mask = info.get(..4).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
            mask & c.ct.state_bit() != 0
        }
        "icmp" | "icmp6" => {
            let (ty, lo, hi, inv) = (
                info.first().copied().unwrap_or(0),
                info.get(1).copied().unwrap_or(0),
                info.get(2).copied().unwrap_or(0xff),
                info.get(3).copied().unwrap_or(0),
            );
            let h = transport_header(c.p);
            let (pt, pc) = (h.first().copied().unwrap_or(0), h.get(1).copied().unwrap_or(0));
            // ipt_icmp's type 0xff matches any type; ip6t_icmp has no such case.
            let v4 = name == "icmp";
            let m = c.p.protocol() == if v4 { 1 } else { 58 } && ((v4 && ty == 0xff) || (pt == ty && pc >= lo && pc <= hi));
            m ^ (inv & 1 != 0)
        }
        "tcp" | "udp" => {
            let Some((sport, dport)) = c.p.ports() else { return false };
            let inv = info.get(if name == "tcp" { 11 } else { 8 }).copied().unwrap_or(0);
            let s = in_range(sport, u16_at(info, 0), u16_at(info, 2)) ^ (inv & 1 != 0);
            let d = in_range(dport, u16_at(info, 4), u16_at(info, 6)) ^ (inv & 2 != 0);
            s && d
        }
        "mark" => {
            // Packets carry no mark here (0): (0 & mask) == mark.
            (u32_at(info, 0) == 0) ^ (info.get(8).copied().unwrap_or(0) != 0)
        }
        _ => super::xt::matches(name, rev, info, c),
    }
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4).map_or(0, |s| u32::from_ne_bytes([s[0], s[1], s[2], s[3]]))
}

/// The xtables targets iptables-nft uses; None for those that only watch
/// (LOG, MARK) and let the rule go on.
fn xt_target(name: &str, rev: u32, info: &[u8], v6: bool) -> Option<Outcome> {
    // nf_nat_ipv4_multi_range_compat (revision 0: flags, min_ip, max_ip,
    // min, max) or nf_nat_range(2) (flags, min_addr, max_addr, min_proto,
    // max_proto: 16-byte addresses, an IPv4 one in the first 4).
    let range = |info: &[u8]| -> Range {
        let v4_at = |at: usize| info.get(at..at + 4).map(|b| IpAddr::from([b[0], b[1], b[2], b[3]]));
        // ip6tables' revision 0 targets already take nf_nat_range.
        let (flags, lo, hi, ports) = if rev == 0 && !v6 {
            (u32_at(info, 4), v4_at(8), v4_at(12), 16)
        } else if v6 {
            let at = |o: usize| info.get(o..o + 16).and_then(|b| <[u8; 16]>::try_from(b).ok()).map(IpAddr::from);
            (u32_at(info, 0), at(4), at(20), 36)
        } else {
            (u32_at(info, 0), v4_at(4), v4_at(20), 36)
        };
        Range {
            addr: lo.zip(hi).filter(|_| flags & super::nat::MAP_IPS != 0),
            port: (flags & super::nat::PROTO_SPECIFIED != 0).then(|| (be16_at(info, ports), be16_at(info, ports + 2))),
            flags,
        }
    };
    Some(match name {
        // enum ip6t_reject_with: port unreachable, TCP reset, the others
        // as the walk's destination-unreachable codes map to ICMPv6.
        "REJECT" if v6 => Outcome::Reject(match u32_at(info, 0) {
            4 => Some(3),
            6 => None,
            _ => Some(13),
        }),
        "REJECT" => Outcome::Reject(match u32_at(info, 0) {
            0 => Some(0),
            1 => Some(1),
            2 => Some(2),
            5 => Some(9),
            6 => Some(10),
            7 => None,
            8 => Some(13),
            _ => Some(3),
        }),
        "MASQUERADE" => Outcome::Nat(Nat::Masq(Range { addr: None, ..range(info) })),
        "REDIRECT" => Outcome::Nat(Nat::Redir(Range { addr: None, ..range(info) })),
        "SNAT" => Outcome::Nat(Nat::Snat(range(info))),
        "DNAT" => Outcome::Nat(Nat::Dnat(range(info))),
        "ACCEPT" => Outcome::Accept,
        "DROP" => Outcome::Drop,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stack::netfilter::{BaseChain, Chain, Rule};

    fn table(rules: Vec<Rule>) -> Table {
        let base = BaseChain { hooknum: 2, priority: 0, kind: "filter".into(), policy: 1, counters: None, registered: 1 };
        let chain = Chain { name: "c".into(), handle: 1, base: Some(base), rules, userdata: None };
        Table { family: 2, name: "t".into(), handle: 1, flags: 0, chains: vec![chain], sets: Vec::new(), hgenerator: 1, userdata: None }
    }

    /// Rules whose leads are worked out and the same rules without them
    /// decide every packet alike: the lead only skips what the expressions
    /// would refuse, and loads the registers they would load.
    #[test]
    fn a_lead_decides_as_the_expressions_do() {
        let verdict = |code| Expr::Immediate { dreg: 0, data: Data::Verdict { code, chain: None } };
        let mut exprs = Vec::new();
        for (i, op) in (0..6u32).enumerate() {
            // ip saddr OP 10.0.0.x, tcp/udp dport OP 1000+i, a load past the header.
            exprs.push(vec![
                Expr::Payload { dreg: 4, base: 1, offset: 12, len: 4 },
                Expr::Cmp { sreg: 4, op, data: vec![10, 0, 0, i as u8] },
                verdict(v::DROP),
            ]);
            exprs.push(vec![
                Expr::Payload { dreg: 8, base: 2, offset: 2, len: 2 },
                Expr::Cmp { sreg: 8, op, data: (1000 + i as u16).to_be_bytes().to_vec() },
                verdict(v::ACCEPT),
            ]);
            exprs.push(vec![
                Expr::Payload { dreg: 4, base: 2, offset: 60, len: 4 },
                Expr::Cmp { sreg: 4, op, data: vec![0; 4] },
                verdict(v::DROP),
            ]);
            // A later rule reading the register an earlier lead loaded.
            exprs.push(vec![Expr::Cmp { sreg: 8, op, data: 1003u16.to_be_bytes().to_vec() }, verdict(v::DROP)]);
        }
        let packets: Vec<Datagram> = (0..8u8)
            .map(|k| Datagram {
                src: IpAddr::from([10, 0, 0, k % 4]),
                dst: IpAddr::from([10, 0, 1, 1]),
                ttl: 64,
                dont_fragment: false,
                payload: Payload::Udp { sport: 5, dport: 998 + u16::from(k), data: vec![] },
            })
            .collect();
        for start in 0..exprs.len() {
            let rules = |lead: bool| -> Vec<Rule> {
                exprs[start..]
                    .iter()
                    .enumerate()
                    .map(|(h, e)| {
                        let mut r = Rule::new(h as u64, e.clone(), None);
                        if !lead {
                            r.lead = None;
                        }
                        r
                    })
                    .collect()
            };
            let (with, without) = (table(rules(true)), table(rules(false)));
            if start == 0 {
                assert_eq!(with.chains[0].rules.iter().filter(|r| r.lead.is_some()).count(), 18);
            }
            for p in &packets {
                let ctx = PacketCtx {
                    p,
                    iif: (2, "a"),
                    oif: (3, "b"),
                    ct: CtInfo::New,
                    reply: false,
                    now_us: 0,
                    addr_types: (2, 2),
                    src_mac: None,
                    conn: None,
                };
                let (mut h1, mut h2) = (Vec::new(), Vec::new());
                assert_eq!(run_chain(&with, 0, &ctx, &mut h1), run_chain(&without, 0, &ctx, &mut h2), "rules from {start}, {p:?}");
            }
        }
    }
}
