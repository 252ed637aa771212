//! RTM_GETLINK (`rtnl_getlink`, `rtnl_dump_ifinfo`).

use super::fill::{fill_brport, fill_ext, fill_inet6};
use super::{find_link, parse};
use crate::errno::{Errno, KResult, KernelError};
use crate::rtnetlink::Ctx;
use crate::rtnetlink::reply::Request;
use crate::stack::link::LinkKind;
use crate::wire::attr::AttrTable;
use crate::wire::link::{IFINFOMSG_LEN, IfInfoRepr, ifla, info};
use crate::wire::{MessageType, NLM_F_MULTI};

/// RTM_GETLINK without NLM_F_DUMP: one link by index or name.
pub fn get_link(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    if hdr.index == 0 && !attrs.has(ifla::IFNAME) && !attrs.has(ifla::ALT_IFNAME) {
        return Err(KernelError::msg(Errno::EINVAL, "need ifindex or ifname"));
    }
    let index = find_link(ctx, &hdr, &attrs)?.ok_or(KernelError::new(Errno::ENODEV))?;
    let net = &*ctx.net;
    let link = net.ns(ctx.ns).and_then(|n| n.link(index)).ok_or(KernelError::new(Errno::ENODEV))?;
    let ext = attrs.get(ifla::EXT_MASK).map(|m| m.u32()).transpose()?.unwrap_or(0);
    ctx.replies.push(fill_ext(net, ctx.ns, link, MessageType::NewLink, req.header.seq, req.port, 0, 0, ext));
    Ok(())
}

/// RTM_GETLINK dump: every link, by ifindex (`rtnl_dump_ifinfo`). Accepts the
/// 4-byte rtgenmsg body older tools send.
pub fn dump_links(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let mut master_filter = None;
    let mut kind_filter = None;
    // rtnl_valid_dump_ifinfo_req (strict) or the legacy parse: a body
    // shorter than ifinfomsg is an rtgenmsg.
    let attr_buf = if req.strict {
        let hdr = IfInfoRepr::parse(req.payload).map_err(|_| KernelError::msg(Errno::EINVAL, "Invalid header for link dump"))?;
        if hdr.link_type != 0 || hdr.flags != 0 || hdr.change != 0 || hdr.index != 0 {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid values in header for link dump request"));
        }
        req.after(IFINFOMSG_LEN)
    } else if req.payload.len() < IFINFOMSG_LEN {
        req.payload.get(4..).unwrap_or(&[])
    } else {
        req.after(IFINFOMSG_LEN)
    };
    let mut ext_mask = 0;
    if let Ok(attrs) = ifla::SPACE.parse(attr_buf) {
        if let Some(m) = attrs.get(ifla::EXT_MASK) {
            ext_mask = m.u32().unwrap_or(0);
        }
        if let Some(m) = attrs.get(ifla::MASTER) {
            master_filter = Some(m.u32()?);
        }
        if let Some(li) = attrs.get(ifla::LINKINFO) {
            let inner = AttrTable::parse(li.value, 5)?;
            if let Some(k) = inner.get(info::KIND) {
                kind_filter = Some(k.string()?);
            }
        }
    }
    // Only strict dumps say they were filtered, in each part but not in
    // NLMSG_DONE (rtnl_dump_ifinfo sets no answer_flags).
    let filtered = req.strict && (master_filter.is_some_and(|m| m != 0) || kind_filter.is_some());
    let net = &*ctx.net;
    let Some(ns) = net.ns(ctx.ns) else { return Ok(()) };
    let flags = NLM_F_MULTI | if filtered { crate::wire::NLM_F_DUMP_FILTERED } else { 0 };
    if req.payload.first() == Some(&crate::wire::AF_BRIDGE) {
        // rtnl_bridge_getlink: each bridge port as its bridge describes it,
        // and the bridge itself when VLAN (or MRP/CFM) data is asked for.
        for link in ns.links.values() {
            if matches!(link.kind, LinkKind::Bridge(_)) && ext_mask & super::super::bridge_af::RTEXT_FILTER_BRIDGE_SELF != 0 {
                ctx.replies.push(super::super::bridge_af::fill_bridge_self(link, req.header.seq, req.port));
                continue;
            }
            let Some(bridge) = link.master.and_then(|m| ns.link(m)).filter(|b| matches!(b.kind, LinkKind::Bridge(_))) else { continue };
            let mut m = fill_brport(net, ctx.ns, link, bridge, MessageType::NewLink);
            if m.len() >= 16 {
                crate::wire::put_bytes(&mut m, 6, &NLM_F_MULTI.to_ne_bytes());
                crate::wire::put_bytes(&mut m, 8, &req.header.seq.to_ne_bytes());
                crate::wire::put_bytes(&mut m, 12, &req.port.to_ne_bytes());
            }
            ctx.replies.push(m);
        }
        return Ok(());
    }
    if req.payload.first() == Some(&crate::wire::AF_INET6) {
        // inet6_dump_ifinfo: devices with IPv6 state only.
        for link in ns.links.values().filter(|l| !l.no_inet6) {
            ctx.replies.push(fill_inet6(net, ctx.ns, link, req.header.seq, req.port, NLM_F_MULTI));
        }
        return Ok(());
    }
    for link in ns.links.values() {
        // link_master_filtered: 0 is no filter, -1 asks for no master.
        match master_filter {
            None | Some(0) => {}
            Some(u32::MAX) if link.master.is_some() => continue,
            Some(u32::MAX) => {}
            Some(m) if link.master != Some(m) => continue,
            Some(_) => {}
        }
        if let Some(k) = &kind_filter {
            if link.kind.name() != Some(k.as_str()) {
                continue;
            }
        }
        ctx.replies.push(fill_ext(net, ctx.ns, link, MessageType::NewLink, req.header.seq, req.port, flags, 0, ext_mask));
    }
    Ok(())
}
