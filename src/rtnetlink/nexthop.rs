//! RTM_{NEW,DEL,GET}NEXTHOP (net/ipv4/nexthop.c): `rtm_new_nexthop`,
//! `rtm_del_nexthop`, `rtm_get_nexthop`, `rtm_dump_nexthop`,
//! RTM_GETNEXTHOPBUCKET (`rtm_get_nexthop_bucket`, `rtm_dump_nexthop_bucket`)
//! for resilient groups' buckets, and the RTNLGRP_NEXTHOP notifications
//! (`nexthop_notify`, which carry the request's port, sequence number and
//! flags; `nexthop_bucket_notify` for buckets the delayed upkeep moves).

use super::Ctx;
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::namespace::Namespace;
use crate::stack::nexthop::{self as snh, Body, Gateway, Group, Member, Nexthop, Note, Removal, Single, res};
use crate::wire::attr::AttrTable;
use crate::wire::nexthop::{
    GRP_TYPE_MPATH, GRP_TYPE_RES, GroupEntry, NHMSG_LEN, NhMsg, OP_FLAG_RESP_GRP_RESVD_0, group_bytes, nha, nha_res_bucket, nha_res_group,
    parse_group,
};
use crate::wire::route::rtnh_f;
use crate::wire::{AF_INET, AF_INET6, AF_UNSPEC, MessageBuilder, MessageType, NLM_F_CREATE, NLM_F_MULTI, NLM_F_REPLACE, NlaWriter, group};

fn einval(msg: &'static str) -> KernelError {
    KernelError::msg(Errno::EINVAL, msg)
}

/// `nlmsg_parse` with one of the nexthop policies: the header must be
/// there, and each attribute at least as long as its type.
fn parse<'a>(req: &Request<'a>) -> KResult<(NhMsg, AttrTable<'a>)> {
    let hdr = NhMsg::parse(req.payload).map_err(|_| KernelError::new(Errno::EINVAL))?;
    let attrs = req.after(NHMSG_LEN);
    if nha::SPACE.validate_all(attrs).is_err() {
        return Err(einval("Attribute failed policy validation"));
    }
    Ok((hdr, nha::SPACE.parse(attrs)?))
}

/// The message describing an object (`nh_fill_node`).
pub fn fill(nh: &Nexthop, kind: MessageType, seq: u32, pid: u32, flags: u16, now: u64) -> Vec<u8> {
    let mut b = MessageBuilder::new(kind.raw(), flags, seq, pid);
    let mut hdr = NhMsg { family: AF_UNSPEC, scope: 0, protocol: nh.protocol, resvd: 0, flags: nh.flags };
    let mut attrs: Vec<u8> = Vec::new();
    attrs.put_u32(nha::ID, nh.id);
    match &nh.body {
        Body::Group(g) => {
            if g.fdb {
                attrs.put(nha::FDB, &[]);
            }
            attrs.put_u16(nha::GROUP_TYPE, g.kind);
            let entries: Vec<GroupEntry> =
                g.members.iter().map(|m| GroupEntry { id: m.id, weight: (m.weight.max(1) - 1) as u8, resvd1: 0, resvd2: 0 }).collect();
            attrs.put(nha::GROUP, &group_bytes(&entries));
            if let Some(t) = &g.res {
                // nla_put_nh_group_res
                let at = attrs.begin_nest(nha::RES_GROUP);
                attrs.put_u16(nha_res_group::BUCKETS, t.buckets.len() as u16);
                attrs.put_u32(nha_res_group::IDLE_TIMER, t.idle_timer);
                attrs.put_u32(nha_res_group::UNBALANCED_TIMER, t.unbalanced_timer);
                attrs.put_u64(nha_res_group::UNBALANCED_TIME, t.unbalanced_time(now));
                attrs.end_nest(at);
            }
            // nh_fill_node (Linux 6.11 and later): the response's op flags.
            attrs.put_u32(nha::OP_FLAGS, OP_FLAG_RESP_GRP_RESVD_0);
        }
        Body::Single(s) => {
            hdr.family = s.family;
            if s.blackhole {
                attrs.put(nha::BLACKHOLE, &[]);
            } else {
                if s.fdb {
                    attrs.put(nha::FDB, &[]);
                } else if s.ifindex != 0 {
                    attrs.put_u32(nha::OIF, s.ifindex);
                }
                hdr.scope = s.scope;
                match s.gateway {
                    Some(Gateway::V4(a)) => attrs.put(nha::GATEWAY, &a.to_be_bytes()),
                    Some(Gateway::V6(a)) => attrs.put(nha::GATEWAY, &a.to_be_bytes()),
                    None => {}
                }
            }
        }
    }
    b.push(&hdr.to_bytes());
    b.push_unpadded(&attrs);
    b.finish()
}

/// `nexthop_notify` for a request: RTNLGRP_NEXTHOP with its header.
fn notify(ctx: &mut Ctx<'_>, req: &Request<'_>, nh: &Nexthop, kind: MessageType) {
    let msg = fill(nh, kind, req.header.seq, req.port, req.header.flags, ctx.net.now_ms);
    ctx.notices.push((msg, group::NEXTHOP));
}

/// Sends what a removal did, in order: DEL for each object, NEW for each
/// group that lost a member, and the routes that went (`ip6_del_rt`
/// without the request's header).
fn announce_removal(ctx: &mut Ctx<'_>, req: &Request<'_>, r: Removal) {
    let origin = Request { header: crate::wire::HeaderRepr::default(), port: 0, ..*req };
    for note in r.notes {
        match note {
            Note::Removed(nh) => notify(ctx, req, &nh, MessageType::DelNexthop),
            Note::Shrunk(nh) => notify(ctx, req, &nh, MessageType::NewNexthop),
            Note::Route(ev) => routes_after(ctx, &origin, &[ev]),
        }
    }
}

/// Route notifications that follow a nexthop notification, queued after it.
fn routes_after(ctx: &mut Ctx<'_>, req: &Request<'_>, events: &[crate::stack::Event]) {
    for ev in events {
        let msgs = super::notify::messages(ctx.net, ev, req, false);
        ctx.notices.extend(msgs);
    }
}

/// `nh_check_attr_group`: the group's entries, checked.
fn check_group(ns: &Namespace, attrs: &AttrTable<'_>, raw: &[u8], kind: u16) -> KResult<Group> {
    if raw.is_empty() || raw.len() % crate::wire::nexthop::NEXTHOP_GRP_LEN != 0 {
        return Err(einval("Invalid length for nexthop group attribute"));
    }
    let entries = parse_group(raw);
    for (i, e) in entries.iter().enumerate() {
        if e.resvd1 != 0 || e.resvd2 != 0 {
            return Err(einval("Reserved fields in nexthop_grp must be 0"));
        }
        if e.weight > 254 {
            return Err(einval("Invalid value for weight"));
        }
        if entries[i + 1..].iter().any(|o| o.id == e.id) {
            return Err(einval("Nexthop id can not be used twice in a group"));
        }
    }
    let fdb = attrs.has(nha::FDB);
    let mut family = AF_UNSPEC;
    for e in &entries {
        let nh = ns.nexthops.get(e.id).ok_or_else(|| einval("Invalid nexthop id"))?;
        // valid_group_nh
        let is_fdb = match &nh.body {
            Body::Group(g) => {
                return Err(einval(if g.kind == GRP_TYPE_RES {
                    "Resilient group can not be a nexthop within a group"
                } else {
                    "Hash-threshold group can not be a nexthop within a group"
                }));
            }
            Body::Single(s) => {
                if s.blackhole && entries.len() > 1 {
                    return Err(einval("Blackhole nexthop can not be used in a group with more than 1 path"));
                }
                s.fdb
            }
        };
        if fdb {
            let s = nh.single().ok_or_else(|| einval("FDB nexthop group can only have fdb nexthops"))?;
            if !s.fdb {
                return Err(einval("FDB nexthop group can only have fdb nexthops"));
            }
            if family == AF_UNSPEC {
                family = s.family;
            } else if family != s.family {
                return Err(einval("FDB nexthop group cannot have mixed family nexthops"));
            }
        }
        if !fdb && is_fdb {
            return Err(einval("Non FDB nexthop group cannot have fdb nexthops"));
        }
    }
    for a in nha::GROUP_TYPE + 1..=nha::RES_BUCKET {
        let allowed = a == nha::FDB || (a == nha::RES_GROUP && kind == GRP_TYPE_RES);
        if attrs.has(a) && !allowed {
            return Err(einval("No other attributes can be set in nexthop groups"));
        }
    }
    let members = entries.iter().map(|e| Member { id: e.id, weight: u16::from(e.weight) + 1 }).collect();
    Ok(Group { members, fdb, kind, res: None })
}

/// `rtm_to_nh_config_grp_res` (`rtm_nh_res_policy_new`, `rtm_nh_get_timer`:
/// a clock_t in a u32 always fits the jiffies of a 64-bit kernel).
fn res_config(attrs: &AttrTable<'_>) -> KResult<res::Config> {
    let Some(nest) = attrs.get(nha::RES_GROUP) else { return Ok(res::Config::default()) };
    if nha_res_group::SPACE.validate_all(nest.value).is_err() {
        return Err(einval("Attribute failed policy validation"));
    }
    let tb = nha_res_group::SPACE.parse(nest.value)?;
    let cfg = res::Config {
        buckets: tb.get(nha_res_group::BUCKETS).map(|a| a.u16()).transpose()?,
        idle_timer: tb.get(nha_res_group::IDLE_TIMER).map(|a| a.u32()).transpose()?,
        unbalanced_timer: tb.get(nha_res_group::UNBALANCED_TIMER).map(|a| a.u32()).transpose()?,
    };
    if cfg.buckets == Some(0) {
        return Err(einval("Number of buckets needs to be non-0"));
    }
    Ok(cfg)
}

/// `rtm_to_nh_config` then `nexthop_create`: the object a request asks for.
fn config(ns: &Namespace, hdr: &NhMsg, attrs: &AttrTable<'_>) -> KResult<(Nexthop, res::Config)> {
    if hdr.resvd != 0 || hdr.scope != 0 {
        return Err(einval("Invalid values in ancillary header"));
    }
    // NEXTHOP_VALID_USER_FLAGS
    if hdr.flags & !u32::from(rtnh_f::ONLINK) != 0 {
        return Err(einval("Invalid nexthop flags in ancillary header"));
    }
    match hdr.family {
        AF_INET | AF_INET6 => {}
        AF_UNSPEC if attrs.has(nha::GROUP) => {}
        _ => return Err(einval("Invalid address family")),
    }
    let id = attrs.get(nha::ID).map(|a| a.u32()).transpose()?.unwrap_or(0);
    let fdb = attrs.has(nha::FDB);
    if fdb {
        if attrs.has(nha::OIF) || attrs.has(nha::BLACKHOLE) || attrs.has(nha::ENCAP) || attrs.has(nha::ENCAP_TYPE) {
            return Err(einval("Fdb attribute can not be used with encap, oif or blackhole"));
        }
        if hdr.flags != 0 {
            return Err(einval("Unsupported nexthop flags in ancillary header"));
        }
    }
    let base = |body| Nexthop { id, protocol: hdr.protocol, flags: hdr.flags, body };
    if let Some(g) = attrs.get(nha::GROUP) {
        if hdr.family != AF_UNSPEC {
            return Err(einval("Invalid family for group"));
        }
        let kind = attrs.get(nha::GROUP_TYPE).map(|a| a.u16()).transpose()?.unwrap_or(GRP_TYPE_MPATH);
        if kind > GRP_TYPE_RES {
            return Err(einval("Invalid group type"));
        }
        let mut grp = check_group(ns, attrs, g.value, kind)?;
        if kind == GRP_TYPE_RES {
            let cfg = res_config(attrs)?;
            grp.res = Some(res::Table::new(
                cfg.buckets.unwrap_or(0),
                cfg.idle_timer.unwrap_or(res::DEFAULT_IDLE_TIMER),
                cfg.unbalanced_timer.unwrap_or(res::DEFAULT_UNBALANCED_TIMER),
            ));
            return Ok((base(Body::Group(grp)), cfg));
        }
        return Ok((base(Body::Group(grp)), res::Config::default()));
    }
    let single = |gateway, ifindex, blackhole, scope| Single { family: hdr.family, gateway, ifindex, blackhole, fdb, scope };
    if attrs.has(nha::BLACKHOLE) {
        if attrs.has(nha::GATEWAY) || attrs.has(nha::OIF) || attrs.has(nha::ENCAP) || attrs.has(nha::ENCAP_TYPE) || fdb {
            return Err(einval("Blackhole attribute can not be used with gateway, oif, encap or fdb"));
        }
        // nexthop_create: a blackhole goes through the loopback device,
        // which an IPv4 one's fib_check_nh_nongw wants with an in_device
        // (ENODEV) and up.
        if hdr.family == AF_INET && ns.link(1).is_some_and(|l| l.no_inet4) {
            return Err(Errno::ENODEV.into());
        }
        if !ns.link(1).is_some_and(|l| l.is_up()) {
            return Err(KernelError::msg(Errno::ENETDOWN, "Device for nexthop is not up"));
        }
        return Ok((base(Body::Single(single(None, 1, true, crate::wire::route::scope::LINK))), res::Config::default()));
    }
    if !fdb && !attrs.has(nha::OIF) {
        return Err(einval("Device attribute required for non-blackhole and non-fdb nexthops"));
    }
    let mut ifindex = 0;
    if !fdb {
        ifindex = attrs.get(nha::OIF).map(|a| a.u32()).transpose()?.unwrap_or(0);
        let dev = if ifindex != 0 { ns.link(ifindex) } else { None };
        let dev = dev.ok_or_else(|| einval("Invalid device index"))?;
        if !dev.is_up() {
            return Err(KernelError::msg(Errno::ENETDOWN, "Nexthop device is not up"));
        }
        if !crate::stack::route::carrier_ok(ns, ifindex) {
            return Err(KernelError::msg(Errno::ENETDOWN, "Carrier for nexthop device is down"));
        }
        // nh_create_ipv4 → fib_check_nh_nongw: no in_device (lo under 68).
        if hdr.family == AF_INET && !attrs.has(nha::GATEWAY) && dev.no_inet4 {
            return Err(Errno::ENODEV.into());
        }
    }
    let gateway = match attrs.get(nha::GATEWAY) {
        Some(g) => Some(match hdr.family {
            AF_INET => Gateway::V4(u32::from_be_bytes(g.value.try_into().map_err(|_| einval("Invalid gateway"))?)),
            _ => Gateway::V6(u128::from_be_bytes(g.value.try_into().map_err(|_| einval("Invalid gateway"))?)),
        }),
        None => {
            if hdr.flags & u32::from(rtnh_f::ONLINK) != 0 {
                return Err(einval("ONLINK flag can not be set for nexthop without a gateway"));
            }
            None
        }
    };
    if attrs.has(nha::ENCAP) {
        if !attrs.has(nha::ENCAP_TYPE) {
            return Err(einval("LWT encapsulation type is missing"));
        }
        // lwtunnel_valid_encap_type: no encapsulation is modelled.
        let t = attrs.get(nha::ENCAP_TYPE).map(|a| a.u16()).transpose()?.unwrap_or(0);
        return Err(if t == 0 || t > crate::wire::route::lwtunnel_encap::MAX {
            einval("Unknown lwt encapsulation type")
        } else {
            KernelError::msg(Errno::EOPNOTSUPP, "lwt encapsulation type not supported")
        });
    } else if attrs.has(nha::ENCAP_TYPE) {
        return Err(einval("LWT encapsulation attribute is missing"));
    }
    let mut s = single(gateway, ifindex, false, crate::wire::route::scope::LINK);
    if fdb {
        return Ok((base(Body::Single(s)), res::Config::default()));
    }
    // nh_create_ipv4 / nh_create_ipv6: the route code's next-hop checks.
    let onlink = (hdr.flags as u8) & rtnh_f::ONLINK;
    match (hdr.family, gateway) {
        (AF_INET, gw) => {
            let gw4 = match gw {
                Some(Gateway::V4(a)) => Some(a).filter(|a| *a != 0),
                _ => None,
            };
            let mut nh = crate::stack::route::NextHop { gateway: gw4, ifindex, weight: 1, flags: onlink, scope: 0, realm: 0, via6: None };
            crate::stack::fib::nexthop4::check_nh(ns, crate::wire::route::scope::UNIVERSE, crate::wire::route::table::MAIN, &mut nh)?;
            s.gateway = gw4.map(Gateway::V4);
            s.scope = snh::single_scope(AF_INET, gw4.is_some());
        }
        (_, gw) => {
            let gw6 = match gw {
                Some(Gateway::V6(a)) => Some(a),
                _ => None,
            };
            let mut nh = crate::stack::route::NextHop { gateway: gw6, ifindex, weight: 1, flags: onlink, scope: 0, realm: 0, via6: None };
            crate::stack::fib::nexthop6::init(ns, crate::wire::route::table::MAIN, &mut nh)?;
            s.scope = snh::single_scope(AF_INET6, gw6.is_some());
        }
    }
    Ok((base(Body::Single(s)), res::Config::default()))
}

/// RTM_NEWNEXTHOP (`rtm_new_nexthop`, `nexthop_add`, `insert_nexthop`).
pub fn new_nexthop(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    let now = ctx.net.now_ms;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let (mut nh, res_cfg) = config(ns, &hdr, &attrs)?;
    let replace = req.has(NLM_F_REPLACE);
    if replace && nh.id == 0 {
        return Err(einval("Replace requires nexthop id"));
    }
    if nh.id == 0 {
        nh.id = ns.nexthops.unused_id().ok_or_else(|| einval("No unused id"))?;
    }
    let id = nh.id;
    if ns.nexthops.get(id).is_some() {
        if !replace {
            return Err(Errno::EEXIST.into());
        }
        snh::replace(ns, nh, &res_cfg, now)?;
        let now = ns.nexthops.get(id).cloned();
        // nexthop_replace_notify (net.ipv4.nexthop_compat_mode is 1): the
        // routes through it and its groups are announced again.
        let mut ids = vec![id];
        ids.extend(ns.nexthops.groups_of(id));
        let routes = if snh::compat_mode(ns) { snh::routes_through(ns, &ids) } else { Vec::new() };
        if let Some(now) = now {
            notify(ctx, req, &now, MessageType::NewNexthop);
        }
        routes_after(ctx, req, &routes);
        return Ok(());
    }
    if replace && !req.has(NLM_F_CREATE) {
        return Err(KernelError::msg(Errno::ENOENT, "Replace specified without create and no entry exists"));
    }
    if let Body::Group(g) = &mut nh.body {
        if let Some(t) = &mut g.res {
            // insert_nexthop: a new resilient group needs its size.
            if res_cfg.buckets.is_none() {
                return Err(einval("Number of buckets not specified for nexthop group insertion"));
            }
            t.rebalance(&g.members, now);
            t.upkeep(now);
        }
    }
    if ns.nexthops.map.len() >= snh::NEXTHOPS_MAX {
        return Err(Errno::ENOMEM.into());
    }
    ns.nexthops.put(nh.clone());
    notify(ctx, req, &nh, MessageType::NewNexthop);
    Ok(())
}

/// `nh_valid_get_del_req`: the id a GET or DEL names.
fn get_del_id(req: &Request<'_>) -> KResult<u32> {
    let (hdr, attrs) = parse(req)?;
    if hdr.protocol != 0 || hdr.resvd != 0 || hdr.scope != 0 || hdr.flags != 0 {
        return Err(einval("Invalid values in header"));
    }
    let id = attrs.get(nha::ID).ok_or_else(|| einval("Nexthop id is missing"))?.u32()?;
    if id == 0 {
        return Err(einval("Invalid nexthop id"));
    }
    Ok(id)
}

/// RTM_DELNEXTHOP (`rtm_del_nexthop`, `remove_nexthop`).
pub fn del_nexthop(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let id = get_del_id(req)?;
    let now = ctx.net.now_ms;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if ns.nexthops.get(id).is_none() {
        return Err(Errno::ENOENT.into());
    }
    let mut out = Removal::default();
    snh::remove(ns, id, now, &mut out);
    announce_removal(ctx, req, out);
    Ok(())
}

/// RTM_GETNEXTHOP for one id (`rtm_get_nexthop`).
pub fn get_nexthop(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let id = get_del_id(req)?;
    let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let nh = ns.nexthops.get(id).ok_or(Errno::ENOENT)?;
    ctx.replies.push(fill(nh, MessageType::NewNexthop, req.header.seq, req.port, 0, ctx.net.now_ms));
    Ok(())
}

/// RTM_GETNEXTHOP dump (`rtm_dump_nexthop`, `nh_valid_dump_req`,
/// `nh_dump_filtered`): NHA_OIF, NHA_MASTER and NHA_GROUPS filter; NHA_FDB
/// is accepted and, as in Linux 6.1, filters nothing.
pub fn dump_nexthop(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    let f = DumpFilter::of(&hdr, &attrs)?;
    let now = ctx.net.now_ms;
    let Some(ns) = ctx.net.ns(ctx.ns) else { return Ok(()) };
    let msgs: Vec<Vec<u8>> = ns
        .nexthops
        .map
        .values()
        .filter(|nh| !f.filtered(ns, nh))
        .map(|nh| fill(nh, MessageType::NewNexthop, req.header.seq, req.port, NLM_F_MULTI, now))
        .collect();
    ctx.replies.extend(msgs);
    Ok(())
}

/// `struct nh_dump_filter`.
struct DumpFilter {
    groups: bool,
    dev: u32,
    master: u32,
    family: u8,
}

impl DumpFilter {
    /// `__nh_valid_dump_req`: the filters of a dump request, checked.
    fn of(hdr: &NhMsg, attrs: &AttrTable<'_>) -> KResult<DumpFilter> {
        let dev = attrs.get(nha::OIF).map(|a| a.u32()).transpose()?.unwrap_or(0);
        if dev > i32::MAX as u32 {
            return Err(einval("Invalid device index"));
        }
        let master = attrs.get(nha::MASTER).map(|a| a.u32()).transpose()?.unwrap_or(0);
        if master > i32::MAX as u32 {
            return Err(einval("Invalid master device index"));
        }
        if hdr.protocol != 0 || hdr.resvd != 0 || hdr.scope != 0 || hdr.flags != 0 {
            return Err(einval("Invalid values in header for nexthop dump request"));
        }
        Ok(DumpFilter { groups: attrs.has(nha::GROUPS), dev, master, family: hdr.family })
    }

    /// `nh_dump_filtered`: whether `nh` is left out.
    fn filtered(&self, ns: &Namespace, nh: &Nexthop) -> bool {
        if self.groups && nh.group().is_none() {
            return true;
        }
        if self.dev == 0 && self.master == 0 && self.family == 0 {
            return false;
        }
        let Some(s) = nh.single() else { return true };
        if self.family != 0 && s.family != self.family {
            return true;
        }
        let ifindex = if s.fdb { 0 } else { s.ifindex };
        if self.dev != 0 && ifindex != self.dev {
            return true;
        }
        self.master != 0 && ns.link(ifindex).and_then(|l| l.master) != Some(self.master)
    }
}

/// `nexthop_find_group_resilient`: the resilient group `id` names.
fn find_group_resilient(ns: &Namespace, id: u32) -> KResult<(&Nexthop, &res::Table)> {
    let nh = ns.nexthops.get(id).ok_or(Errno::ENOENT)?;
    let g = nh.group().ok_or_else(|| einval("Not a nexthop group"))?;
    match &g.res {
        Some(t) => Ok((nh, t)),
        None => Err(einval("Nexthop group not of type resilient")),
    }
}

/// `nh_fill_res_bucket`: one bucket of group `nh`.
pub fn fill_bucket(nh: &Nexthop, t: &res::Table, index: u16, seq: u32, pid: u32, flags: u16, now: u64) -> Vec<u8> {
    let mut b = MessageBuilder::new(crate::wire::RTM_NEWNEXTHOPBUCKET, flags, seq, pid);
    let hdr = NhMsg { family: AF_UNSPEC, scope: 0, protocol: nh.protocol, resvd: 0, flags: 0 };
    let mut attrs: Vec<u8> = Vec::new();
    attrs.put_u32(nha::ID, nh.id);
    let at = attrs.begin_nest(nha::RES_BUCKET);
    attrs.put_u16(nha_res_bucket::INDEX, index);
    attrs.put_u32(nha_res_bucket::NH_ID, t.buckets.get(usize::from(index)).map_or(0, |b| b.nh_id));
    attrs.put_u64(nha_res_bucket::IDLE_TIME, t.idle_time(usize::from(index), now));
    attrs.end_nest(at);
    b.push(&hdr.to_bytes());
    b.push_unpadded(&attrs);
    b.finish()
}

/// RTM_GETNEXTHOPBUCKET for one bucket (`rtm_get_nexthop_bucket`,
/// `nh_valid_get_bucket_req`).
pub fn get_bucket(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let id = get_del_id(req)?;
    let (_, attrs) = parse(req)?;
    let bucket = attrs.get(nha::RES_BUCKET).ok_or_else(|| einval("Bucket information is missing"))?;
    if nha_res_bucket::SPACE.validate_all(bucket.value).is_err() {
        return Err(einval("Attribute failed policy validation"));
    }
    let tb = nha_res_bucket::SPACE.parse(bucket.value)?;
    let index = tb.get(nha_res_bucket::INDEX).ok_or_else(|| einval("Bucket index is missing"))?.u16()?;
    let now = ctx.net.now_ms;
    let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let (nh, t) = find_group_resilient(ns, id)?;
    if usize::from(index) >= t.buckets.len() {
        return Err(KernelError::msg(Errno::ENOENT, "Bucket index out of bounds"));
    }
    ctx.replies.push(fill_bucket(nh, t, index, req.header.seq, req.port, 0, now));
    Ok(())
}

/// The buckets of group `nh` that pass the dump's filters, in index order
/// (`rtm_dump_nexthop_bucket_nh`): the member each sends to is filtered as
/// a dump of objects would be, and by NHA_RES_BUCKET_NH_ID.
fn dump_group_buckets(ns: &Namespace, nh: &Nexthop, f: &DumpFilter, member: u32, req: &Request<'_>, now: u64, out: &mut Vec<Vec<u8>>) {
    let Some(t) = nh.group().and_then(|g| g.res.as_ref()) else { return };
    for (i, b) in t.buckets.iter().enumerate() {
        let Some(m) = ns.nexthops.get(b.nh_id) else { continue };
        if f.filtered(ns, m) || (member != 0 && member != b.nh_id) {
            continue;
        }
        out.push(fill_bucket(nh, t, i as u16, req.header.seq, req.port, NLM_F_MULTI, now));
    }
}

/// RTM_GETNEXTHOPBUCKET dump (`rtm_dump_nexthop_bucket`,
/// `nh_valid_dump_bucket_req`): every resilient group's buckets, or one
/// group's (NHA_ID), filtered by NHA_OIF, NHA_MASTER, the family and the
/// member (NHA_RES_BUCKET_NH_ID).
pub fn dump_bucket(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    let id = attrs.get(nha::ID).map(|a| a.u32()).transpose()?;
    if id == Some(0) {
        return Err(einval("Invalid nexthop id"));
    }
    let mut member = 0;
    if let Some(b) = attrs.get(nha::RES_BUCKET) {
        if nha_res_bucket::SPACE.validate_all(b.value).is_err() {
            return Err(einval("Attribute failed policy validation"));
        }
        let tb = nha_res_bucket::SPACE.parse(b.value)?;
        if let Some(a) = tb.get(nha_res_bucket::NH_ID) {
            member = a.u32()?;
            if member == 0 {
                return Err(einval("Invalid nexthop id"));
            }
        }
    }
    let f = DumpFilter::of(&hdr, &attrs)?;
    let now = ctx.net.now_ms;
    let Some(ns) = ctx.net.ns(ctx.ns) else { return Ok(()) };
    let mut out = Vec::new();
    if let Some(id) = id {
        let (nh, _) = find_group_resilient(ns, id)?;
        dump_group_buckets(ns, nh, &f, member, req, now, &mut out);
    } else {
        for nh in ns.nexthops.map.values() {
            dump_group_buckets(ns, nh, &f, member, req, now, &mut out);
        }
    }
    ctx.replies.extend(out);
    Ok(())
}

/// The resilient groups' delayed upkeep (`nh_res_table_upkeep_dw`) that
/// fell due by the world's clock, run at the times it was queued for;
/// each bucket it moves is announced to RTNLGRP_NEXTHOP
/// (`nexthop_bucket_notify`: RTM_NEWNEXTHOPBUCKET, NLM_F_REPLACE, port
/// and sequence number 0).
pub fn run_upkeep(k: &mut super::Kernel) {
    for (ns, msg) in snh::run_upkeep(&mut k.net, fill_bucket) {
        k.multicast_to(super::Protocol::Route, ns, group::NEXTHOP, &msg, None);
    }
}
