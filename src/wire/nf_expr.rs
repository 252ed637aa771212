//! The expressions of a rule, as nf_tables keeps them: parsed from
//! `NFTA_LIST_ELEM` attributes by each expression's `init` and written back
//! by its `dump` (net/netfilter/nft_payload.c, nft_cmp.c, nft_meta.c,
//! nft_ct.c, nft_bitwise.c, nft_range.c, nft_immediate.c, nft_counter.c, nft_reject.c,
//! nft_nat.c, nft_masq.c, nft_redir.c, nft_compat.c).

use crate::errno::{Errno, KResult, KernelError};
use crate::wire::attr::{AttrTable, Nla, NlaIter, NlaWriter};
use crate::wire::nftables::{data, expr as a};

/// One expression of a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// Loads `len` bytes at `offset` of a header into a register.
    Payload { dreg: u32, base: u32, offset: u32, len: u32 },
    /// Compares a register with a constant (NFT_CMP_EQ, NEQ, LT, LTE, GT, GTE).
    Cmp { sreg: u32, op: u32, data: Vec<u8> },
    /// Whether a register lies within `from..=to` (`op` NFT_RANGE_EQ) or
    /// outside it (NFT_RANGE_NEQ), compared as big-endian bytes.
    Range { sreg: u32, op: u32, from: Vec<u8>, to: Vec<u8> },
    /// Loads packet metadata (`key`: NFT_META_*) into a register.
    Meta { key: u32, dreg: u32 },
    /// Loads connection-tracking data (`key`: NFT_CT_*) into a register.
    Ct { key: u32, dreg: u32, dir: Option<u8> },
    /// `dreg = (sreg & mask) ^ xor` over `len` bytes.
    Bitwise { sreg: u32, dreg: u32, len: u32, mask: Vec<u8>, xor: Vec<u8> },
    /// Puts a constant or a verdict in a register.
    Immediate { dreg: u32, data: Data },
    /// Counts packets and bytes.
    Counter { bytes: u64, packets: u64 },
    /// Rejects with an ICMP error (`ty` NFT_REJECT_*) or a TCP reset.
    Reject { ty: u32, code: u8 },
    /// SNAT or DNAT to the addresses and ports held in registers.
    Nat { ty: u32, family: u32, addr: Option<(u32, u32)>, proto: Option<(u32, u32)>, flags: u32 },
    /// Masquerade (source NAT to the output device's address).
    Masq { flags: u32, proto: Option<(u32, u32)> },
    /// Redirect to the local machine.
    Redir { flags: u32, proto: Option<(u32, u32)> },
    /// Logs the packet (`nft_log`, syslog type): an optional prefix, the
    /// level (the kernel keeps LOGLEVEL_WARNING when none is sent) and
    /// NF_LOG_* flags.
    Log { prefix: Option<String>, level: Option<u32>, flags: u32 },
    /// A token bucket (`nft_limit`): `rate` per `unit` seconds, `burst`,
    /// `ty` NFT_LIMIT_PKTS or NFT_LIMIT_PKT_BYTES, `flags` NFT_LIMIT_F_INV.
    /// `bucket` is the kernel's state (tokens in ns, when last refilled in
    /// µs of the virtual clock), never sent.
    Limit { rate: u64, unit: u64, burst: u32, ty: u32, flags: u32, bucket: Option<(u64, u64)> },
    /// Whether a register's key is in a set (`nft_lookup`; `flags` 1 is
    /// NFT_LOOKUP_F_INV); of a map, its data goes to `dreg` (0: the
    /// verdict). `set_id` names a set of the same batch (requests only).
    Lookup { set: String, set_id: Option<u32>, sreg: u32, dreg: Option<u32>, flags: u32 },
    /// An xtables match through nft_compat.
    Match { name: String, rev: u32, info: Vec<u8> },
    /// An xtables target through nft_compat.
    Target { name: String, rev: u32, info: Vec<u8> },
}

/// What an immediate expression loads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Data {
    /// A constant.
    Value(Vec<u8>),
    /// A verdict (NF_ACCEPT, NFT_JUMP, ...) and, for jump and goto, a chain.
    Verdict { code: i32, chain: Option<String> },
}

/// The xtables matches this kernel has, with their highest revision
/// (others are ENOENT, as when no module provides them).
pub const XT_MATCHES: &[(&str, u32)] = &[
    ("conntrack", 3),
    ("state", 0),
    ("icmp", 0),
    ("icmp6", 0),
    ("tcp", 0),
    ("udp", 0),
    ("comment", 0),
    ("mark", 1),
    ("limit", 0),
    ("multiport", 1),
    ("iprange", 1),
    ("addrtype", 1),
    ("mac", 0),
    ("pkttype", 0),
    ("length", 0),
    ("ttl", 0),
];
/// The xtables targets this kernel has, with their highest revision.
pub const XT_TARGETS: &[(&str, u32)] =
    &[("REJECT", 0), ("MASQUERADE", 0), ("DNAT", 2), ("SNAT", 2), ("REDIRECT", 0), ("LOG", 0), ("MARK", 2)];

/// `xt_find_revision`: the revision when the match (or target) has it,
/// EPROTONOSUPPORT when only others exist, ENOENT when it does not exist.
pub fn xt_revision(name: &str, rev: u32, target: bool) -> KResult<u32> {
    let known = if target { XT_TARGETS } else { XT_MATCHES };
    match known.iter().find(|(n, _)| *n == name) {
        Some((_, max)) if rev <= *max => Ok(rev),
        Some(_) => Err(Errno::EPROTONOSUPPORT.into()),
        None => Err(Errno::ENOENT.into()),
    }
}

/// The number of 32-bit registers (`NFT_REG32_NUM`).
const REG32_NUM: u32 = 20;

/// `nft_parse_register`: the legacy 128-bit register numbers 1-4 and the
/// 32-bit ones (NFT_REG32_00 = 8 ...) as one 32-bit index.
fn parse_reg(nla: Option<Nla<'_>>) -> KResult<u32> {
    let reg = be32(nla)?;
    match reg {
        0..=4 => Ok(reg * 4),
        8..=23 => Ok(reg - 4),
        _ => Err(Errno::ERANGE.into()),
    }
}

/// A data register (not the verdict register) that has room for `len` bytes.
fn parse_dreg(nla: Option<Nla<'_>>, len: u32) -> KResult<u32> {
    let reg = parse_reg(nla)?;
    let end = len.div_ceil(4).checked_add(reg).ok_or(Errno::ERANGE)?;
    if reg < 4 || end > REG32_NUM || len == 0 {
        return Err(Errno::ERANGE.into());
    }
    Ok(reg)
}

/// `nft_dump_register`: back to the legacy number when aligned.
fn dump_reg(reg: u32) -> u32 {
    if reg % 4 == 0 { reg / 4 } else { reg + 4 }
}

fn be32(nla: Option<Nla<'_>>) -> KResult<u32> {
    let v = nla.ok_or(Errno::EINVAL)?.value;
    let b: [u8; 4] = v.get(..4).and_then(|b| b.try_into().ok()).ok_or(Errno::EINVAL)?;
    Ok(u32::from_be_bytes(b))
}

fn opt_be32(nla: Option<Nla<'_>>) -> KResult<Option<u32>> {
    nla.map(|n| be32(Some(n))).transpose()
}

/// `nft_data_init` for a value: NFTA_DATA_VALUE of 1..=64 bytes.
fn parse_value(nla: Option<Nla<'_>>) -> KResult<Vec<u8>> {
    let t = AttrTable::parse(nla.ok_or(Errno::EINVAL)?.value, 3)?;
    let v = t.get(data::VALUE).ok_or(Errno::EINVAL)?.value;
    if v.is_empty() || v.len() > data::VALUE_MAXLEN {
        return Err(Errno::ERANGE.into());
    }
    Ok(v.to_vec())
}

/// `nft_data_init` for either kind.
pub fn parse_data(nla: Option<Nla<'_>>) -> KResult<Data> {
    let outer = nla.ok_or(Errno::EINVAL)?;
    let t = AttrTable::parse(outer.value, 3)?;
    if let Some(v) = t.get(data::VERDICT) {
        let vt = AttrTable::parse(v.value, 3)?;
        let code = be32(vt.get(data::VERDICT_CODE))? as i32;
        let chain = match code {
            data::JUMP | data::GOTO => Some(vt.get(data::VERDICT_CHAIN).ok_or(Errno::EINVAL)?.string()?),
            data::ACCEPT | data::DROP | data::CONTINUE | data::BREAK | data::RETURN => None,
            _ => return Err(Errno::EINVAL.into()),
        };
        return Ok(Data::Verdict { code, chain });
    }
    parse_value(Some(outer)).map(Data::Value)
}

fn reg_pair(min: Option<Nla<'_>>, max: Option<Nla<'_>>, len: u32) -> KResult<Option<(u32, u32)>> {
    let Some(min) = min else { return Ok(None) };
    let lo = parse_dreg(Some(min), len)?;
    let hi = match max {
        Some(m) => parse_dreg(Some(m), len)?,
        None => lo,
    };
    Ok(Some((lo, hi)))
}

/// nft_limit_init's bucket: its size in ns and the unit in ns; None when
/// they overflow (EOVERFLOW).
pub fn limit_bucket(rate: u64, unit: u64, burst: u32, ty: u32) -> Option<(u64, u64)> {
    let nsecs = unit.checked_mul(1_000_000_000)?;
    let with_burst = rate.checked_add(u64::from(burst))?;
    let max = if ty == 0 { (nsecs / rate).checked_mul(u64::from(burst))? } else { nsecs.checked_mul(with_burst)? / rate };
    Some((max, nsecs))
}

impl Expr {
    /// `nf_tables_expr_parse` + the expression's `init`: one NFTA_LIST_ELEM.
    pub fn parse(elem: &[u8]) -> KResult<Expr> {
        let t = AttrTable::parse(elem, 2)?;
        let name = t.get(crate::wire::nftables::expr_attr::NAME).ok_or(Errno::EINVAL)?.string()?;
        let body = t.get(crate::wire::nftables::expr_attr::DATA).map_or(&[][..], |n| n.value);
        let d = AttrTable::parse(body, 8)?;
        Ok(match name.as_str() {
            "payload" => {
                let len = be32(d.get(a::payload::LEN))?;
                if d.has(a::payload::SREG) {
                    return Err(Errno::EOPNOTSUPP.into());
                }
                let base = be32(d.get(a::payload::BASE))?;
                if base > 3 {
                    return Err(Errno::EOPNOTSUPP.into());
                }
                Expr::Payload { dreg: parse_dreg(d.get(a::payload::DREG), len)?, base, offset: be32(d.get(a::payload::OFFSET))?, len }
            }
            "cmp" => {
                let data = parse_value(d.get(a::cmp::DATA))?;
                let op = be32(d.get(a::cmp::OP))?;
                if op > 5 {
                    return Err(Errno::EINVAL.into());
                }
                Expr::Cmp { sreg: parse_dreg(d.get(a::cmp::SREG), data.len() as u32)?, op, data }
            }
            "range" => {
                // nft_range_init: both bounds as long as each other, op EQ or NEQ.
                let from = parse_value(d.get(a::range::FROM_DATA))?;
                let to = parse_value(d.get(a::range::TO_DATA))?;
                if from.len() != to.len() {
                    return Err(Errno::EINVAL.into());
                }
                let op = be32(d.get(a::range::OP))?;
                if op > 1 {
                    return Err(Errno::EINVAL.into());
                }
                Expr::Range { sreg: parse_dreg(d.get(a::range::SREG), from.len() as u32)?, op, from, to }
            }
            "meta" => {
                let key = be32(d.get(a::meta::KEY))?;
                if d.has(a::meta::SREG) {
                    return Err(Errno::EOPNOTSUPP.into());
                }
                Expr::Meta { key, dreg: parse_dreg(d.get(a::meta::DREG), meta_len(key).ok_or(Errno::EOPNOTSUPP)?)? }
            }
            "ct" => {
                let key = be32(d.get(a::ct::KEY))?;
                let dir = d.get(a::ct::DIRECTION).map(|n| n.u8()).transpose()?;
                Expr::Ct { key, dreg: parse_dreg(d.get(a::ct::DREG), ct_len(key).ok_or(Errno::EOPNOTSUPP)?)?, dir }
            }
            "bitwise" => {
                let len = be32(d.get(a::bitwise::LEN))?;
                if opt_be32(d.get(a::bitwise::OP))?.unwrap_or(0) != 0 {
                    return Err(Errno::EOPNOTSUPP.into());
                }
                let mask = parse_value(d.get(a::bitwise::MASK))?;
                let xor = parse_value(d.get(a::bitwise::XOR))?;
                if mask.len() != len as usize || xor.len() != len as usize {
                    return Err(Errno::EINVAL.into());
                }
                let sreg = parse_dreg(d.get(a::bitwise::SREG), len)?;
                Expr::Bitwise { sreg, dreg: parse_dreg(d.get(a::bitwise::DREG), len)?, len, mask, xor }
            }
            "immediate" => {
                let data = parse_data(d.get(a::immediate::DATA))?;
                let dreg = match &data {
                    Data::Verdict { .. } => {
                        if parse_reg(d.get(a::immediate::DREG))? != 0 {
                            return Err(Errno::EINVAL.into());
                        }
                        0
                    }
                    Data::Value(v) => parse_dreg(d.get(a::immediate::DREG), v.len() as u32)?,
                };
                Expr::Immediate { dreg, data }
            }
            "counter" => Expr::Counter {
                bytes: d.get(a::counter::BYTES).map_or(Ok(0), be64)?,
                packets: d.get(a::counter::PACKETS).map_or(Ok(0), be64)?,
            },
            "reject" => {
                let ty = be32(d.get(a::reject::TYPE))?;
                let code = match ty {
                    1 => 0,
                    0 | 2 => d.get(a::reject::ICMP_CODE).map(|n| n.u8()).transpose()?.unwrap_or(0),
                    _ => return Err(Errno::EINVAL.into()),
                };
                Expr::Reject { ty, code }
            }
            "nat" => {
                let ty = be32(d.get(a::nat::TYPE))?;
                let family = be32(d.get(a::nat::FAMILY))?;
                let alen = if family == 10 { 16 } else { 4 };
                if ty > 1 || (family != 2 && family != 10) {
                    return Err(Errno::EINVAL.into());
                }
                let addr = reg_pair(d.get(a::nat::REG_ADDR_MIN), d.get(a::nat::REG_ADDR_MAX), alen)?;
                let proto = reg_pair(d.get(a::nat::REG_PROTO_MIN), d.get(a::nat::REG_PROTO_MAX), 2)?;
                // NF_NAT_RANGE_MAP_IPS and NF_NAT_RANGE_PROTO_SPECIFIED follow the registers.
                use super::nftables::nat_range::{MAP_IPS, PROTO_SPECIFIED};
                let flags = opt_be32(d.get(a::nat::FLAGS))?.unwrap_or(0)
                    | if addr.is_some() { MAP_IPS } else { 0 }
                    | if proto.is_some() { PROTO_SPECIFIED } else { 0 };
                Expr::Nat { ty, family, addr, proto, flags }
            }
            "masq" => Expr::Masq {
                flags: opt_be32(d.get(a::masq::FLAGS))?.unwrap_or(0),
                proto: reg_pair(d.get(a::masq::REG_PROTO_MIN), d.get(a::masq::REG_PROTO_MAX), 2)?,
            },
            "redir" => {
                let proto = reg_pair(d.get(a::redir::REG_PROTO_MIN), d.get(a::redir::REG_PROTO_MAX), 2)?;
                let specified = super::nftables::nat_range::PROTO_SPECIFIED;
                let flags = opt_be32(d.get(a::redir::FLAGS))?.unwrap_or(0) | if proto.is_some() { specified } else { 0 };
                Expr::Redir { flags, proto }
            }
            "log" => {
                // nft_log_init: a group means nfnetlink_log, which this kernel
                // does not have; levels end at NFT_LOGLEVEL_AUDIT.
                if d.has(a::log::GROUP) {
                    return Err(Errno::EOPNOTSUPP.into());
                }
                let level = opt_be32(d.get(a::log::LEVEL))?.unwrap_or(4);
                if level > 8 {
                    return Err(Errno::ERANGE.into());
                }
                let prefix = d.get(a::log::PREFIX).map(|n| n.string()).transpose()?;
                if prefix.as_ref().is_some_and(|p| p.len() > 127) {
                    return Err(Errno::ERANGE.into());
                }
                Expr::Log { prefix, level: Some(level), flags: opt_be32(d.get(a::log::FLAGS))?.unwrap_or(0) }
            }
            "limit" => {
                // nft_limit_init: a rate and a unit, no overflow; a packet
                // limit's burst defaults to 5.
                let rate = be64(d.get(a::limit::RATE).ok_or(Errno::EINVAL)?)?;
                let unit = be64(d.get(a::limit::UNIT).ok_or(Errno::EINVAL)?)?;
                let ty = opt_be32(d.get(a::limit::TYPE))?.unwrap_or(0);
                let mut burst = opt_be32(d.get(a::limit::BURST))?.unwrap_or(0);
                if ty == 0 && burst == 0 {
                    burst = 5;
                }
                if rate == 0 || ty > 1 {
                    return Err(Errno::EINVAL.into());
                }
                // EOVERFLOW when the bucket does not fit 64 bits.
                limit_bucket(rate, unit, burst, ty).ok_or(Errno(75))?;
                Expr::Limit { rate, unit, burst, ty, flags: opt_be32(d.get(a::limit::FLAGS))?.unwrap_or(0), bucket: None }
            }
            "lookup" => {
                let set = d.get(a::lookup::SET).ok_or(Errno::EINVAL)?.string()?;
                let sreg = parse_dreg(d.get(a::lookup::SREG), 1)?;
                // A map's data register: the verdict register or a data one.
                let dreg = match d.get(a::lookup::DREG) {
                    Some(n) if be32(Some(n))? == 0 => Some(0),
                    Some(n) => Some(parse_dreg(Some(n), 1)?),
                    None => None,
                };
                let flags = opt_be32(d.get(a::lookup::FLAGS))?.unwrap_or(0);
                if flags > 1 || (flags == 1 && dreg.is_some()) {
                    return Err(Errno::EINVAL.into());
                }
                Expr::Lookup { set, set_id: opt_be32(d.get(a::lookup::SET_ID))?, sreg, dreg, flags }
            }
            "match" | "target" => {
                let xname = d.get(a::compat::NAME).ok_or(Errno::EINVAL)?.string()?;
                let rev = be32(d.get(a::compat::REV))?;
                let info = d.get(a::compat::INFO).ok_or(Errno::EINVAL)?.value.to_vec();
                xt_revision(&xname, rev, name == "target")?;
                if name == "match" { Expr::Match { name: xname, rev, info } } else { Expr::Target { name: xname, rev, info } }
            }
            _ => return Err(KernelError::new(Errno::ENOENT)),
        })
    }

    /// The expression's name (`NFTA_EXPR_NAME`).
    pub fn name(&self) -> &'static str {
        match self {
            Expr::Payload { .. } => "payload",
            Expr::Cmp { .. } => "cmp",
            Expr::Range { .. } => "range",
            Expr::Meta { .. } => "meta",
            Expr::Ct { .. } => "ct",
            Expr::Bitwise { .. } => "bitwise",
            Expr::Immediate { .. } => "immediate",
            Expr::Counter { .. } => "counter",
            Expr::Reject { .. } => "reject",
            Expr::Nat { .. } => "nat",
            Expr::Masq { .. } => "masq",
            Expr::Redir { .. } => "redir",
            Expr::Log { .. } => "log",
            Expr::Limit { .. } => "limit",
            Expr::Lookup { .. } => "lookup",
            Expr::Match { .. } => "match",
            Expr::Target { .. } => "target",
        }
    }

    /// The expression's `dump`: NFTA_EXPR_NAME and NFTA_EXPR_DATA, the nests
    /// without NLA_F_NESTED as Linux writes them.
    pub fn dump(&self, out: &mut Vec<u8>) {
        out.put_str(crate::wire::nftables::expr_attr::NAME, self.name());
        let mut d = Vec::new();
        let reg = |d: &mut Vec<u8>, kind: u16, r: u32| d.put(kind, &dump_reg(r).to_be_bytes());
        let u = |d: &mut Vec<u8>, kind: u16, v: u32| d.put(kind, &v.to_be_bytes());
        match self {
            Expr::Payload { dreg, base, offset, len } => {
                reg(&mut d, a::payload::DREG, *dreg);
                u(&mut d, a::payload::BASE, *base);
                u(&mut d, a::payload::OFFSET, *offset);
                u(&mut d, a::payload::LEN, *len);
            }
            Expr::Cmp { sreg, op, data } => {
                reg(&mut d, a::cmp::SREG, *sreg);
                u(&mut d, a::cmp::OP, *op);
                d.put(a::cmp::DATA, &value_nest(data));
            }
            Expr::Range { sreg, op, from, to } => {
                reg(&mut d, a::range::SREG, *sreg);
                u(&mut d, a::range::OP, *op);
                d.put(a::range::FROM_DATA, &value_nest(from));
                d.put(a::range::TO_DATA, &value_nest(to));
            }
            Expr::Meta { key, dreg } => {
                u(&mut d, a::meta::KEY, *key);
                reg(&mut d, a::meta::DREG, *dreg);
            }
            Expr::Ct { key, dreg, dir } => {
                reg(&mut d, a::ct::DREG, *dreg);
                u(&mut d, a::ct::KEY, *key);
                if let Some(dir) = dir {
                    d.put_u8(a::ct::DIRECTION, *dir);
                }
            }
            Expr::Bitwise { sreg, dreg, len, mask, xor } => {
                reg(&mut d, a::bitwise::SREG, *sreg);
                reg(&mut d, a::bitwise::DREG, *dreg);
                u(&mut d, a::bitwise::LEN, *len);
                u(&mut d, a::bitwise::OP, 0);
                d.put(a::bitwise::MASK, &value_nest(mask));
                d.put(a::bitwise::XOR, &value_nest(xor));
            }
            Expr::Immediate { dreg, data: value } => {
                reg(&mut d, a::immediate::DREG, *dreg);
                let inner = match value {
                    Data::Value(v) => value_nest(v),
                    Data::Verdict { code, chain } => {
                        let mut v = Vec::new();
                        v.put(data::VERDICT_CODE, &code.to_be_bytes());
                        if let Some(c) = chain {
                            v.put_str(data::VERDICT_CHAIN, c);
                        }
                        let mut outer = Vec::new();
                        outer.put(data::VERDICT, &v);
                        outer
                    }
                };
                d.put(a::immediate::DATA, &inner);
            }
            Expr::Counter { bytes, packets } => {
                d.put(a::counter::BYTES, &bytes.to_be_bytes());
                d.put(a::counter::PACKETS, &packets.to_be_bytes());
            }
            Expr::Reject { ty, code } => {
                u(&mut d, a::reject::TYPE, *ty);
                if *ty != 1 {
                    d.put_u8(a::reject::ICMP_CODE, *code);
                }
            }
            Expr::Nat { ty, family, addr, proto, flags } => {
                u(&mut d, a::nat::TYPE, *ty);
                u(&mut d, a::nat::FAMILY, *family);
                if let Some((lo, hi)) = addr {
                    reg(&mut d, a::nat::REG_ADDR_MIN, *lo);
                    reg(&mut d, a::nat::REG_ADDR_MAX, *hi);
                }
                if let Some((lo, hi)) = proto {
                    reg(&mut d, a::nat::REG_PROTO_MIN, *lo);
                    reg(&mut d, a::nat::REG_PROTO_MAX, *hi);
                }
                if *flags != 0 {
                    u(&mut d, a::nat::FLAGS, *flags);
                }
            }
            Expr::Masq { flags, proto } => {
                if *flags != 0 {
                    u(&mut d, a::masq::FLAGS, *flags);
                }
                if let Some((lo, hi)) = proto {
                    reg(&mut d, a::masq::REG_PROTO_MIN, *lo);
                    reg(&mut d, a::masq::REG_PROTO_MAX, *hi);
                }
            }
            Expr::Redir { flags, proto } => {
                if let Some((lo, hi)) = proto {
                    reg(&mut d, a::redir::REG_PROTO_MIN, *lo);
                    reg(&mut d, a::redir::REG_PROTO_MAX, *hi);
                }
                if *flags != 0 {
                    u(&mut d, a::redir::FLAGS, *flags);
                }
            }
            Expr::Log { prefix, level, flags } => {
                // nft_log_dump: the prefix, the level always, flags when set.
                if let Some(p) = prefix {
                    d.put_str(a::log::PREFIX, p);
                }
                if let Some(l) = level {
                    u(&mut d, a::log::LEVEL, *l);
                }
                if *flags != 0 {
                    u(&mut d, a::log::FLAGS, *flags);
                }
            }
            Expr::Limit { rate, unit, burst, ty, flags, .. } => {
                d.put(a::limit::RATE, &rate.to_be_bytes());
                d.put(a::limit::UNIT, &unit.to_be_bytes());
                u(&mut d, a::limit::BURST, *burst);
                u(&mut d, a::limit::TYPE, *ty);
                u(&mut d, a::limit::FLAGS, *flags);
            }
            Expr::Lookup { set, set_id, sreg, dreg, flags } => {
                d.put_str(a::lookup::SET, set);
                reg(&mut d, a::lookup::SREG, *sreg);
                if let Some(r) = dreg {
                    reg(&mut d, a::lookup::DREG, *r);
                }
                u(&mut d, a::lookup::FLAGS, *flags);
                if let Some(id) = set_id {
                    u(&mut d, a::lookup::SET_ID, *id);
                }
            }
            Expr::Match { name, rev, info } | Expr::Target { name, rev, info } => {
                d.put_str(a::compat::NAME, name);
                u(&mut d, a::compat::REV, *rev);
                d.put(a::compat::INFO, info);
            }
        }
        out.put(crate::wire::nftables::expr_attr::DATA, &d);
    }
}

fn be64(n: Nla<'_>) -> KResult<u64> {
    let b: [u8; 8] = n.value.get(..8).and_then(|b| b.try_into().ok()).ok_or(Errno::EINVAL)?;
    Ok(u64::from_be_bytes(b))
}

fn value_nest(v: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    out.put(data::VALUE, v);
    out
}

/// The size of a meta key's value (`nft_meta_get_init`), None when unsupported.
pub fn meta_len(key: u32) -> Option<u32> {
    Some(match key {
        0 => 4,      // len
        1 => 2,      // protocol
        2..=5 => 4,  // priority, mark, iif, oif
        6 | 7 => 16, // iifname, oifname
        8 | 9 => 2,  // iiftype, oiftype
        15 => 1,     // nfproto
        16 => 1,     // l4proto
        _ => return None,
    })
}

/// The size of a ct key's value (`nft_ct_get_init`), None when unsupported.
pub fn ct_len(key: u32) -> Option<u32> {
    Some(match key {
        // As nft_ct_get_init: state, status, mark, expiration are u32;
        // direction, l3protocol and protocol one byte.
        0 | 2 | 3 | 5 => 4,
        1 | 7 | 10 => 1,
        _ => return None,
    })
}

/// Parses NFTA_RULE_EXPRESSIONS: every NFTA_LIST_ELEM in order.
pub fn parse_list(list: &[u8]) -> KResult<Vec<Expr>> {
    let mut out = Vec::new();
    for nla in NlaIter::new(list) {
        let nla = nla?;
        if nla.kind != crate::wire::nftables::list::ELEM {
            return Err(Errno::EINVAL.into());
        }
        out.push(Expr::parse(nla.value)?);
    }
    Ok(out)
}

/// Writes NFTA_RULE_EXPRESSIONS' payload.
pub fn dump_list(exprs: &[Expr]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in exprs {
        let mut elem = Vec::new();
        e.dump(&mut elem);
        out.put(crate::wire::nftables::list::ELEM, &elem);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registers_round_trip_like_linux() {
        assert_eq!(dump_reg(4), 1);
        assert_eq!(dump_reg(5), 9); // NFT_REG32_01
        assert_eq!(parse_reg(None).unwrap_err().errno(), Errno::EINVAL);
    }

    #[test]
    fn unknown_expression_is_enoent() {
        let mut e = Vec::new();
        e.put_str(crate::wire::nftables::expr_attr::NAME, "frobnicate");
        assert_eq!(Expr::parse(&e).unwrap_err().errno(), Errno::ENOENT);
    }

    #[test]
    fn range_round_trips_and_checks_its_bounds() {
        let range = Expr::Range { sreg: 4, op: 0, from: vec![0x03, 0xe8], to: vec![0x07, 0xd0] };
        let mut out = Vec::new();
        range.dump(&mut out);
        assert_eq!(Expr::parse(&out).unwrap(), range);
        let uneven = Expr::Range { sreg: 4, op: 0, from: vec![0x03, 0xe8], to: vec![0x07] };
        let mut out = Vec::new();
        uneven.dump(&mut out);
        assert_eq!(Expr::parse(&out).unwrap_err().errno(), Errno::EINVAL);
        let bad_op = Expr::Range { sreg: 4, op: 2, from: vec![1], to: vec![2] };
        let mut out = Vec::new();
        bad_op.dump(&mut out);
        assert_eq!(Expr::parse(&out).unwrap_err().errno(), Errno::EINVAL);
    }

    #[test]
    fn counter_dumps_bytes_then_packets() {
        let mut out = Vec::new();
        Expr::Counter { bytes: 84, packets: 1 }.dump(&mut out);
        let parsed = Expr::parse(&out).unwrap();
        assert_eq!(parsed, Expr::Counter { bytes: 84, packets: 1 });
    }

    #[test]
    fn log_keeps_the_warning_level_and_refuses_past_audit() {
        // nft sends no level for a bare `log`; nft_log_init keeps LOGLEVEL_WARNING.
        let mut out = Vec::new();
        Expr::Log { prefix: Some("x".into()), level: None, flags: 0 }.dump(&mut out);
        assert_eq!(Expr::parse(&out).unwrap(), Expr::Log { prefix: Some("x".into()), level: Some(4), flags: 0 });
        let mut out = Vec::new();
        Expr::Log { prefix: None, level: Some(9), flags: 0 }.dump(&mut out);
        assert_eq!(Expr::parse(&out).unwrap_err().errno(), Errno::ERANGE);
    }

    #[test]
    fn limit_defaults_its_burst_and_refuses_zero_rates_and_overflow() {
        let dumped = |e: Expr| {
            let mut out = Vec::new();
            e.dump(&mut out);
            Expr::parse(&out)
        };
        let limit = |rate, unit, burst| Expr::Limit { rate, unit, burst, ty: 0, flags: 0, bucket: None };
        assert_eq!(dumped(limit(3, 60, 0)).unwrap(), limit(3, 60, 5));
        assert_eq!(dumped(limit(0, 60, 5)).unwrap_err().errno(), Errno::EINVAL);
        assert_eq!(dumped(limit(1, u64::MAX, 5)).unwrap_err().errno(), Errno(75));
    }
}
