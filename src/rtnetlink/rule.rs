//! RTM_{NEW,DEL,GET}RULE (net/core/fib_rules.c `fib_nl_newrule`,
//! `fib_nl_delrule`, `fib_nl_dumprule`, `fib_nl_fill_rule`; the family parts
//! from net/ipv4/fib_rules.c and net/ipv6/fib6_rules.c).

use super::Ctx;
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::Event;
use crate::stack::rule::Rule;
use crate::wire::attr::AttrTable;
use crate::wire::route::table;
use crate::wire::rule::{FIB_RULE_HDR_LEN, RuleHdrRepr, fr_act, fra};
use crate::wire::{
    AF_INET, AF_INET6, AF_UNSPEC, MessageBuilder, MessageType, NLM_F_EXCL, NLM_F_MULTI, NlaWriter, RTNL_FAMILY_IP6MR, RTNL_FAMILY_IPMR,
};

fn put_range(b: &mut MessageBuilder, kind: u16, r: (u32, u32)) {
    let mut v = [0u8; 8];
    crate::wire::put_bytes(&mut v, 0, &r.0.to_ne_bytes());
    crate::wire::put_bytes(&mut v, 4, &r.1.to_ne_bytes());
    b.put(kind, &v);
}

fn put_port_range(b: &mut MessageBuilder, kind: u16, r: (u16, u16)) {
    let mut v = [0u8; 4];
    crate::wire::put_bytes(&mut v, 0, &r.0.to_ne_bytes());
    crate::wire::put_bytes(&mut v, 2, &r.1.to_ne_bytes());
    b.put(kind, &v);
}

/// The message describing a rule (`fib_nl_fill_rule` + the family fill).
pub fn fill(r: &Rule, kind: MessageType, seq: u32, pid: u32, flags: u16) -> Vec<u8> {
    let mut b = MessageBuilder::new(kind.raw(), flags, seq, pid);
    let hdr_flags = r.flags;
    let hdr = RuleHdrRepr {
        family: r.family,
        dst_len: r.dst_len,
        src_len: r.src_len,
        tos: r.tos,
        table: if r.table < 256 { r.table as u8 } else { table::COMPAT as u8 },
        action: r.action,
        flags: hdr_flags,
    };
    b.push(&hdr.to_bytes());
    b.put_u32(fra::TABLE, r.table);
    b.put_u32(fra::SUPPRESS_PREFIXLEN, r.suppress_prefixlen.unwrap_or(u32::MAX));
    b.put_u8(fra::PROTOCOL, r.protocol);
    if let Some(n) = &r.iifname {
        b.put_str(fra::IIFNAME, n);
    }
    if let Some(n) = &r.oifname {
        b.put_str(fra::OIFNAME, n);
    }
    if r.priority != 0 {
        b.put_u32(fra::PRIORITY, r.priority);
    }
    if let Some(m) = r.fwmark.filter(|m| *m != 0) {
        b.put_u32(fra::FWMARK, m);
    }
    if r.fwmark.is_some_and(|m| m != 0) || r.fwmask.is_some_and(|m| m != 0) {
        b.put_u32(fra::FWMASK, r.fwmask.unwrap_or(u32::MAX));
    }
    if let Some(t) = r.goto_target {
        b.put_u32(fra::GOTO, t);
    }
    if let Some(t) = r.tun_id {
        b.put(fra::TUN_ID, &t);
    }
    if r.l3mdev {
        b.put_u8(fra::L3MDEV, 1);
    }
    if let Some(u) = r.uid_range {
        put_range(&mut b, fra::UID_RANGE, u);
    }
    if let Some(p) = r.sport {
        put_port_range(&mut b, fra::SPORT_RANGE, p);
    }
    if let Some(p) = r.dport {
        put_port_range(&mut b, fra::DPORT_RANGE, p);
    }
    // A single port is also reported as a full mask (FRA_SPORT/DPORT_MASK).
    if r.sport.is_some_and(|(a, b)| a == b) {
        b.put_u16(fra::SPORT_MASK, 0xffff);
    }
    if r.dport.is_some_and(|(a, b)| a == b) {
        b.put_u16(fra::DPORT_MASK, 0xffff);
    }
    if let Some(p) = r.ip_proto.filter(|p| *p != 0) {
        b.put_u8(fra::IP_PROTO, p);
    }
    if let Some(g) = r.suppress_ifgroup {
        b.put_u32(fra::SUPPRESS_IFGROUP, g);
    }
    if r.dst_len > 0 {
        b.put(fra::DST, &r.dst);
    }
    if r.src_len > 0 {
        b.put(fra::SRC, &r.src);
    }
    if let Some(f) = r.flow {
        b.put_u32(fra::FLOW, f);
    }
    b.finish()
}

fn rules_of(ns: &mut crate::stack::Namespace, family: u8) -> Option<&mut Vec<Rule>> {
    match family {
        AF_INET => Some(&mut ns.rules4),
        AF_INET6 => Some(&mut ns.rules6),
        _ => None,
    }
}

fn range32(a: crate::wire::Nla<'_>) -> KResult<(u32, u32)> {
    let v = a.value;
    if v.len() < 8 {
        return Err(KernelError::msg(Errno::EINVAL, "Invalid uid range"));
    }
    Ok((u32::from_ne_bytes([v[0], v[1], v[2], v[3]]), u32::from_ne_bytes([v[4], v[5], v[6], v[7]])))
}

fn range16(a: crate::wire::Nla<'_>, what: &'static str) -> KResult<(u16, u16)> {
    let v = a.value;
    if v.len() < 4 {
        return Err(KernelError::msg(Errno::EINVAL, what));
    }
    let r = (u16::from_ne_bytes([v[0], v[1]]), u16::from_ne_bytes([v[2], v[3]]));
    if r.0 == 0 || r.1 < r.0 {
        return Err(KernelError::msg(Errno::EINVAL, what));
    }
    Ok(r)
}

/// Reads a NEWRULE/DELRULE into a rule (`fib_nl2rule`); `explicit` says which
/// optional fields were given (for matching deletes).
fn parse_rule<'a>(req: &Request<'a>) -> KResult<(Rule, RuleHdrRepr, AttrTable<'a>)> {
    let hdr = RuleHdrRepr::parse(req.payload).map_err(|_| KernelError::msg(Errno::EINVAL, "Invalid msg length"))?;
    let attrs = fra::SPACE.parse(req.payload.get(FIB_RULE_HDR_LEN..).unwrap_or(&[]))?;
    let alen = if hdr.family == AF_INET { 4 } else { 16 };
    let max_len = (alen * 8) as u8;
    let mut r = Rule {
        family: hdr.family,
        action: hdr.action,
        tos: hdr.tos,
        flags: hdr.flags & crate::wire::rule::fib_rule::INVERT,
        ..Rule::default()
    };
    r.src_len = hdr.src_len;
    r.dst_len = hdr.dst_len;
    for (len, kind, slot) in [(hdr.src_len, fra::SRC, 0), (hdr.dst_len, fra::DST, 1)] {
        if len == 0 {
            continue;
        }
        // fib_nl2rule: the attribute, the length and the size in one check.
        let msg = if slot == 0 { "Invalid source address" } else { "Invalid dst address" };
        let a = attrs.get(kind).ok_or(KernelError::msg(Errno::EINVAL, msg))?;
        if a.value.len() != alen || len > max_len {
            return Err(KernelError::msg(Errno::EINVAL, msg));
        }
        if slot == 0 {
            r.src = a.value.to_vec();
        } else {
            r.dst = a.value.to_vec();
        }
    }
    r.priority = attrs.get(fra::PRIORITY).map(|a| a.u32()).transpose()?.unwrap_or(0);
    r.iifname = attrs.get(fra::IIFNAME).map(|a| a.string()).transpose()?;
    r.oifname = attrs.get(fra::OIFNAME).map(|a| a.string()).transpose()?;
    r.fwmark = attrs.get(fra::FWMARK).map(|a| a.u32()).transpose()?;
    r.fwmask = attrs.get(fra::FWMASK).map(|a| a.u32()).transpose()?;
    if r.fwmark.is_some_and(|m| m != 0) && r.fwmask.is_none() {
        r.fwmask = Some(u32::MAX);
    }
    r.table = match attrs.get(fra::TABLE) {
        Some(t) => t.u32()?,
        None => u32::from(hdr.table),
    };
    r.suppress_prefixlen = attrs.get(fra::SUPPRESS_PREFIXLEN).map(|a| a.u32()).transpose()?.filter(|v| *v != u32::MAX);
    r.suppress_ifgroup = attrs.get(fra::SUPPRESS_IFGROUP).map(|a| a.u32()).transpose()?.filter(|v| *v != u32::MAX);
    r.goto_target = attrs.get(fra::GOTO).map(|a| a.u32()).transpose()?;
    r.l3mdev = attrs.get(fra::L3MDEV).map(|a| a.u8()).transpose()?.is_some_and(|v| v != 0);
    r.uid_range = attrs.get(fra::UID_RANGE).map(range32).transpose()?;
    r.protocol = attrs.get(fra::PROTOCOL).map(|a| a.u8()).transpose()?.unwrap_or(0);
    r.ip_proto = attrs.get(fra::IP_PROTO).map(|a| a.u8()).transpose()?;
    r.sport = attrs.get(fra::SPORT_RANGE).map(|a| range16(a, "Invalid sport range")).transpose()?;
    r.dport = attrs.get(fra::DPORT_RANGE).map(|a| range16(a, "Invalid dport range")).transpose()?;
    r.flow = attrs.get(fra::FLOW).map(|a| a.u32()).transpose()?;
    r.tun_id = match attrs.get(fra::TUN_ID) {
        Some(a) => Some(a.value.try_into().map_err(|_| KernelError::new(Errno::EINVAL))?),
        None => None,
    }
    .filter(|t| *t != [0; 8]);
    if r.action == fr_act::GOTO && r.goto_target.is_none() {
        return Err(KernelError::msg(Errno::EINVAL, "Missing goto target for action goto"));
    }
    Ok((r, hdr, attrs))
}

/// `fib_default_rule_pref`: one below the second rule's preference.
fn default_pref(rules: &[Rule]) -> u32 {
    rules.get(1).map_or(0, |s| s.priority.saturating_sub(1))
}

/// `fib_nl2rule`: no jumping backwards (against the rule's preference, the
/// default one when none was given; deletions are checked too).
fn check_goto(r: &Rule) -> KResult<()> {
    if r.action == fr_act::GOTO && r.goto_target.is_some_and(|t| t <= r.priority) {
        return Err(KernelError::msg(Errno::EINVAL, "Backward goto not supported"));
    }
    Ok(())
}

/// Whether two rules count as the same (`rule_exists`): everything but the
/// protocol, the flags (`not`) and a goto's target.
fn same_rule(a: &Rule, b: &Rule) -> bool {
    let mut x = a.clone();
    x.protocol = b.protocol;
    x.flags = b.flags;
    x.goto_target = b.goto_target;
    x == *b
}

/// The DS field of a new rule (`fib4_rule_configure`, `fib6_rule_configure`):
/// no ECN bits, and for IPv4 only the TOS bits (IPTOS_TOS_MASK 0x1e).
/// Deletes are not checked.
fn check_dsfield(r: &Rule) -> KResult<()> {
    if r.tos & !crate::stack::lookup::DSCP_MASK != 0 {
        return Err(KernelError::msg(Errno::EINVAL, "Invalid dsfield (tos): ECN bits must be 0"));
    }
    if r.family == AF_INET && r.tos & !0x1e != 0 {
        return Err(KernelError::msg(Errno::EINVAL, "Invalid tos"));
    }
    Ok(())
}

/// RTM_NEWRULE.
pub fn new_rule(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (mut r, _, attrs) = parse_rule(req)?;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENOENT))?;
    let id = ns.id;
    let rules = rules_of(ns, r.family).ok_or(KernelError::msg(Errno::EAFNOSUPPORT, "Rule family not supported"))?;
    if !attrs.has(fra::PRIORITY) {
        r.priority = default_pref(rules);
    }
    check_goto(&r)?;
    check_dsfield(&r)?;
    // A rule naming a device that does not exist is detached until it appears.
    if r.action == fr_act::TO_TBL && r.table == 0 && !r.l3mdev {
        if r.family == AF_INET6 {
            // fib6_rule_configure
            return Err(KernelError::msg(Errno::EINVAL, "Invalid table"));
        }
        // fib4_rule_configure: the rule gets a new empty table
        // (fib_empty_table: the first unused id).
        let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENOENT))?;
        let id = (1..=u32::MAX).find(|&t| !ns.fib4.has_table(t)).ok_or(KernelError::new(Errno::ENOBUFS))?;
        ns.fib4.create_table(id);
        r.table = id;
    }
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENOENT))?;
    let rules = rules_of(ns, r.family).ok_or(KernelError::new(Errno::EAFNOSUPPORT))?;
    if req.has(NLM_F_EXCL) && rules.iter().any(|x| same_rule(x, &r)) {
        return Err(Errno::EEXIST.into());
    }
    let at = rules.iter().position(|x| x.priority > r.priority).unwrap_or(rules.len());
    rules.insert(at, r.clone());
    // fib4_rule_configure: local and main are split for good.
    ns.rules4_custom |= r.family == AF_INET;
    if ns.rules4_custom {
        ns.fib4.set_custom_rules();
    }
    ctx.events.push(Event::Rule { ns: id, new: true, rule: r });
    Ok(())
}

/// A rule as the kernel reports it: FIB_RULE_IIF/OIF_DETACHED while no
/// device has the name it matches (attach_rules/detach_rules follow device
/// registration, renames and removal).
pub fn as_reported(ns: &crate::stack::Namespace, r: &Rule) -> Rule {
    use crate::wire::rule::fib_rule::{IIF_DETACHED, OIF_DETACHED};
    let mut r = r.clone();
    r.flags &= !(IIF_DETACHED | OIF_DETACHED);
    let missing = |n: &Option<String>| n.as_ref().is_some_and(|n| ns.index_of(n).is_none());
    if missing(&r.iifname) {
        r.flags |= IIF_DETACHED;
    }
    if missing(&r.oifname) {
        r.flags |= OIF_DETACHED;
    }
    r
}

/// RTM_DELRULE: the first rule matching every selector given (`rule_find`).
pub fn del_rule(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (mut want, hdr, attrs) = parse_rule(req)?;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENOENT))?;
    let id = ns.id;
    let rules = rules_of(ns, want.family).ok_or(KernelError::msg(Errno::EAFNOSUPPORT, "Rule family not supported"))?;
    if !attrs.has(fra::PRIORITY) {
        want.priority = default_pref(rules);
    }
    check_goto(&want)?;
    let pos = rules.iter().position(|x| {
        (hdr.action == 0 || x.action == want.action)
            && (!attrs.has(fra::PRIORITY) || x.priority == want.priority)
            && (want.table == 0 || x.table == want.table)
            && (want.src_len == 0 || (x.src_len == want.src_len && x.src == want.src))
            && (want.dst_len == 0 || (x.dst_len == want.dst_len && x.dst == want.dst))
            && (want.tos == 0 || x.tos == want.tos)
            && (want.iifname.is_none() || x.iifname == want.iifname)
            && (want.oifname.is_none() || x.oifname == want.oifname)
            && (want.fwmark.is_none() || x.fwmark == want.fwmark)
            && (want.uid_range.is_none() || x.uid_range == want.uid_range)
            && (want.ip_proto.is_none() || x.ip_proto == want.ip_proto)
            && (want.sport.is_none() || x.sport == want.sport)
            && (want.dport.is_none() || x.dport == want.dport)
            && (!attrs.has(fra::PROTOCOL) || x.protocol == want.protocol)
    });
    let pos = pos.ok_or(KernelError::new(Errno::ENOENT))?;
    let removed = rules.remove(pos);
    // fib4_rule_delete splits local and main too.
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENOENT))?;
    ns.rules4_custom |= removed.family == AF_INET;
    if ns.rules4_custom {
        ns.fib4.set_custom_rules();
    }
    ctx.events.push(Event::Rule { ns: id, new: false, rule: removed });
    Ok(())
}

/// RTM_GETRULE dump: IPv4 rules then IPv6 ones for AF_UNSPEC.
pub fn dump_rules(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let family = req.payload.first().copied().unwrap_or(AF_UNSPEC);
    if req.strict {
        let hdr =
            RuleHdrRepr::parse(req.payload).map_err(|_| KernelError::msg(Errno::EINVAL, "Invalid header for fib rule dump request"))?;
        if hdr.dst_len != 0 || hdr.src_len != 0 || hdr.tos != 0 || hdr.table != 0 || hdr.action != 0 || hdr.flags != 0 {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid values in header for fib rule dump request"));
        }
        if req.payload.len() > FIB_RULE_HDR_LEN {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid attributes in fib rule dump request"));
        }
    }
    if !matches!(family, AF_UNSPEC | AF_INET | AF_INET6) {
        return Err(KernelError::msg(Errno::EAFNOSUPPORT, "Rule family not supported"));
    }
    let Some(ns) = ctx.net.ns(ctx.ns) else { return Ok(()) };
    // Families in the order their rule sets were registered: IPv4, the
    // multicast routing ones (each with its default rule), IPv6.
    let mr = |fam: u8, t: u32| Rule {
        family: fam,
        priority: 32767,
        action: fr_act::TO_TBL,
        table: t,
        protocol: crate::wire::route::rtprot::KERNEL,
        ..Rule::default()
    };
    let mut sets: Vec<Vec<Rule>> = Vec::new();
    if family == AF_UNSPEC || family == AF_INET {
        sets.push(ns.rules4.clone());
    }
    if family == AF_UNSPEC {
        sets.push(vec![mr(RTNL_FAMILY_IPMR, table::DEFAULT)]);
        sets.push(vec![mr(RTNL_FAMILY_IP6MR, table::MAIN)]);
    }
    if family == AF_UNSPEC || family == AF_INET6 {
        sets.push(ns.rules6.clone());
    }
    for set in &sets {
        for r in set {
            let mut r = as_reported(ns, r);
            // A goto whose target preference has no rule is unresolved.
            if r.action == fr_act::GOTO && !r.goto_target.is_some_and(|t| set.iter().any(|x| x.priority == t)) {
                r.flags |= crate::wire::rule::fib_rule::UNRESOLVED;
            }
            ctx.replies.push(fill(&r, MessageType::NewRule, req.header.seq, req.port, NLM_F_MULTI));
        }
    }
    Ok(())
}
