//! AF_BRIDGE link requests (net/core/rtnetlink.c `rtnl_bridge_getlink`,
//! `rtnl_bridge_setlink`, `rtnl_bridge_dellink`; net/bridge/br_netlink.c
//! `br_getlink`, `br_setlink`, `br_dellink`, `br_afspec`), as on a kernel
//! built without bridge VLAN filtering (CONFIG_BRIDGE_VLAN_FILTERING=n, the
//! recording kernel): a VLAN cannot be added, deleting one does nothing,
//! and link dumps carry no VLAN lists. Port settings in IFLA_PROTINFO
//! (`bridge link set`) go through `br_setport` as slave data does.

use super::Ctx;
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::link::{Link, LinkKind};
use crate::wire::link::{IFINFOMSG_LEN, IfInfoRepr, ifla};
use crate::wire::link::{bridge_af, bridge_flags, bridge_vlan_info, rtext_filter};
use crate::wire::{AF_BRIDGE, MessageBuilder, MessageType, NLM_F_MULTI, NlaWriter};

/// The IFLA_EXT_MASK bits that make `br_getlink` describe the bridge
/// itself too: BRVLAN, BRVLAN_COMPRESSED, MRP, CFM_CONFIG, CFM_STATUS.
pub const RTEXT_FILTER_BRIDGE_SELF: u32 =
    rtext_filter::BRVLAN | rtext_filter::BRVLAN_COMPRESSED | rtext_filter::MRP | rtext_filter::CFM_CONFIG | rtext_filter::CFM_STATUS;

/// `br_fill_ifinfo` for the bridge device itself (no port): its identity,
/// no IFLA_PROTINFO, and no VLAN list without VLAN filtering.
pub fn fill_bridge_self(bridge: &Link, seq: u32, pid: u32) -> Vec<u8> {
    let mut b = MessageBuilder::new(MessageType::NewLink.raw(), NLM_F_MULTI, seq, pid);
    let hdr = IfInfoRepr {
        family: AF_BRIDGE,
        link_type: bridge.link_type(),
        index: bridge.index as i32,
        flags: bridge.netlink_flags(),
        change: 0,
    };
    b.push(&hdr.to_bytes());
    b.put_str(ifla::IFNAME, &bridge.name);
    b.put_u32(ifla::MASTER, bridge.index);
    b.put_u32(ifla::MTU, bridge.mtu);
    b.put_u8(ifla::OPERSTATE, u8::from(bridge.operstate()));
    if !bridge.address.is_empty() {
        b.put(ifla::ADDRESS, &bridge.address);
    }
    b.finish()
}

fn is_bridge(l: &Link) -> bool {
    matches!(l.kind, LinkKind::Bridge(_))
}

/// RTM_SETLINK of family AF_BRIDGE (`rtnl_bridge_setlink`).
pub fn set_link(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    bridge_link(ctx, req, false)
}

/// RTM_DELLINK of family AF_BRIDGE (`rtnl_bridge_dellink`).
pub fn del_link(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    bridge_link(ctx, req, true)
}

/// The request's IFLA_AF_SPEC and IFLA_PROTINFO.
struct BridgeReq<'a> {
    af_spec: Option<&'a [u8]>,
    /// The first IFLA_PROTINFO's value and whether it was NLA_F_NESTED.
    protinfo: Option<(&'a [u8], bool)>,
}

fn bridge_link(ctx: &mut Ctx<'_>, req: &Request<'_>, del: bool) -> KResult<()> {
    let hdr = IfInfoRepr::parse(req.payload).map_err(|_| KernelError::new(Errno::EINVAL))?;
    let index = u32::try_from(hdr.index).unwrap_or(0);
    let nsr = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let dev = nsr.link(index).ok_or(KernelError::msg(Errno::ENODEV, "unknown ifindex"))?;
    let dev_is_bridge = is_bridge(dev);
    let has_bridge_master = dev.master.and_then(|m| nsr.link(m)).is_some_and(is_bridge);
    // nlmsg_find_attr: the first of each.
    let mut r = BridgeReq { af_spec: None, protinfo: None };
    for nla in crate::wire::attr::NlaIter::new(req.after(IFINFOMSG_LEN)) {
        let Ok(nla) = nla else { break };
        match nla.kind {
            ifla::AF_SPEC if r.af_spec.is_none() => r.af_spec = Some(nla.value),
            ifla::PROTINFO if r.protinfo.is_none() => r.protinfo = Some((nla.value, nla.nested)),
            _ => {}
        }
    }
    let mut flags = None;
    for nla in crate::wire::attr::NlaIter::new(r.af_spec.unwrap_or(&[])) {
        let Ok(nla) = nla else { break };
        if nla.kind == bridge_af::FLAGS && flags.is_none() {
            flags = Some(nla.u16().map_err(|_| KernelError::new(Errno::EINVAL))?);
        }
        if nla.kind == bridge_af::MODE && nla.value.len() < 2 {
            return Err(Errno::EINVAL.into());
        }
    }
    let flags = flags.unwrap_or(0);
    if flags == 0 || flags & bridge_flags::MASTER != 0 {
        if !has_bridge_master {
            return Err(Errno::EOPNOTSUPP.into());
        }
        // br_setlink: the port settings, then the AF_SPEC part.
        if !del {
            br_setport(ctx, index, &r)?;
        }
        br_link(&r, true, del)?;
    }
    if flags & bridge_flags::SELF != 0 {
        if !dev_is_bridge {
            return Err(Errno::EOPNOTSUPP.into());
        }
        // rtnl_bridge_notify then finds nothing to say about the bridge itself.
        if let Err(e) = br_link(&r, false, del) {
            // br_vlan_info marked the VLAN a bridge entry in the request
            // before br_vlan_add failed: the echo shows it.
            if !del {
                ctx.rewritten = Some(mark_bridge_entries(req));
            }
            return Err(e);
        }
    }
    Ok(())
}

/// The request with BRIDGE_VLAN_INFO_BRENTRY set in the flags of its first
/// well-formed IFLA_BRIDGE_VLAN_INFO (the one `br_vlan_info` got to).
fn mark_bridge_entries(req: &Request<'_>) -> Vec<u8> {
    let mut bytes = req.bytes.to_vec();
    let attrs_at = crate::wire::header::HEADER_LEN + IFINFOMSG_LEN;
    let Some(spec) = crate::wire::attr::NlaIter::new(req.after(IFINFOMSG_LEN)).flatten().find(|a| a.kind == ifla::AF_SPEC) else {
        return bytes;
    };
    let spec_at = attrs_at + spec.offset + 4;
    if let Some(v) = crate::wire::attr::NlaIter::new(spec.value).flatten().find(|a| a.kind == bridge_af::VLAN_INFO && a.value.len() == 4) {
        let at = spec_at + v.offset + 4;
        let f = crate::wire::get_u16(&bytes, at).unwrap_or(0) | bridge_vlan_info::BRENTRY;
        crate::wire::put_bytes(&mut bytes, at, &f.to_ne_bytes());
    }
    bytes
}

/// `br_setlink` / `br_dellink` on a port (`is_port`) or the bridge.
fn br_link(r: &BridgeReq<'_>, is_port: bool, del: bool) -> KResult<()> {
    if !del && !is_port && r.af_spec.is_none() {
        return Err(Errno::EINVAL.into());
    }
    let Some(spec) = r.af_spec else { return Ok(()) };
    br_afspec(spec, del)
}

/// The IFLA_PROTINFO part of `br_setlink` on a port: a nested one holds
/// IFLA_BRPORT_* settings (`br_setport`, as IFLA_INFO_SLAVE_DATA does);
/// a bare one is the old RSTP binary form, a u8 port state
/// (`br_set_port_state`).
fn br_setport(ctx: &mut Ctx<'_>, index: u32, r: &BridgeReq<'_>) -> KResult<()> {
    let Some((value, nested)) = r.protinfo else { return Ok(()) };
    let events = if nested {
        super::kind_data::bridge_port(ctx.net, ctx.ns, index, value)?
    } else {
        let state = *value.first().ok_or(KernelError::new(Errno::EINVAL))?;
        let mut attr: Vec<u8> = Vec::new();
        attr.put(crate::wire::link::brport::STATE, &[state]);
        super::kind_data::bridge_port(ctx.net, ctx.ns, index, &attr)?
    };
    ctx.events.extend(events);
    Ok(())
}

/// `br_afspec`: VLAN ids must be 1..=4094; adding one needs VLAN
/// filtering (EOPNOTSUPP), deleting one ignores the failure; tunnel, MRP,
/// CFM and MST settings are not built in (EOPNOTSUPP).
fn br_afspec(spec: &[u8], del: bool) -> KResult<()> {
    for nla in crate::wire::attr::NlaIter::new(spec) {
        let nla = nla?;
        match nla.kind {
            bridge_af::VLAN_INFO => {
                if nla.value.len() != 4 {
                    continue;
                }
                let vid = crate::wire::get_u16(nla.value, 2).unwrap_or(0);
                if vid == 0 || vid >= 4095 {
                    return Err(KernelError::msg(Errno::EINVAL, "bridge: Vlan id is invalid"));
                }
                if !del {
                    return Err(Errno::EOPNOTSUPP.into());
                }
            }
            bridge_af::VLAN_TUNNEL_INFO | bridge_af::MRP | bridge_af::CFM | bridge_af::MST => return Err(Errno::EOPNOTSUPP.into()),
            _ => {}
        }
    }
    Ok(())
}
