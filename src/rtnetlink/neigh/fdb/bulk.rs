//! RTM_DELNEIGH with NLM_F_BULK of family AF_BRIDGE, `bridge fdb flush`:
//! `rtnl_fdb_del`'s bulk path (net/core/rtnetlink.c) handing the request
//! to the bridge's `ndo_fdb_del_bulk`, `br_fdb_delete_bulk`
//! (net/bridge/br_fdb.c). Other devices have no bulk delete here.

use super::super::super::Ctx;
use super::super::super::reply::Request;
use super::{bridge_of, entry_notice, is_bridge};
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::fdb::{self, FLUSH_LOCAL, FLUSH_OTHER, FLUSH_STATIC, FLUSH_USER, FlushDesc};
use crate::wire::attr::AttrTable;
use crate::wire::neigh::{NDMSG_LEN, NdMsgRepr, nda, ntf, nud};

/// ARPHRD_ETHER.
const ETHER: u16 = 1;

/// `FDB_FLUSH_ALLOWED_NDM_STATES`.
const ALLOWED_STATES: u16 = nud::PERMANENT | nud::NOARP;
/// `FDB_FLUSH_ALLOWED_NDM_FLAGS`.
const ALLOWED_FLAGS: u8 = ntf::USE | ntf::EXT_LEARNED | ntf::STICKY | ntf::OFFLOADED;

/// `rtnl_fdb_del` with NLM_F_BULK: the master's bulk delete for a bridge
/// port (with NTF_MASTER or no flag), then the device's own for NTF_SELF.
pub(in crate::rtnetlink) fn del_bulk(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let hdr = NdMsgRepr::parse(req.payload).map_err(|_| KernelError::new(Errno::EINVAL))?;
    let attrs = nda::SPACE.parse(req.after(NDMSG_LEN))?;
    if hdr.ifindex == 0 {
        return Err(KernelError::msg(Errno::EINVAL, "invalid ifindex"));
    }
    let nsr = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let dev = nsr.link(hdr.ifindex.max(0) as u32).ok_or(KernelError::msg(Errno::ENODEV, "unknown ifindex"))?;
    if dev.link_type() != ETHER {
        return Err(KernelError::msg(Errno::EINVAL, "FDB delete only supported for Ethernet devices"));
    }
    let (index, master, dev_is_bridge) = (dev.index, bridge_of(nsr, dev), is_bridge(dev));
    let mut flags = hdr.flags;
    let mut res = Err(KernelError::new(Errno::EOPNOTSUPP));
    if let Some(b) = master.filter(|_| flags == 0 || flags & ntf::MASTER != 0) {
        delete_bulk(ctx, &hdr, &attrs, b, Some(index))?;
        flags &= !ntf::MASTER;
        res = Ok(());
    }
    if flags & ntf::SELF != 0 {
        // In case the master's call cleared the error.
        res = if dev_is_bridge { delete_bulk(ctx, &hdr, &attrs, index, None) } else { Err(KernelError::new(Errno::EOPNOTSUPP)) };
    }
    res
}

/// The bridge's messages carry the module's name (`NL_SET_ERR_MSG_MOD`).
fn bridge_err(errno: Errno, text: &'static str) -> KernelError {
    KernelError::msg(errno, text)
}

/// `br_fdb_delete_bulk` on `bridge`, called for `port` (a port device with
/// NTF_MASTER) or for the bridge itself: `br_fdb_del_bulk_policy`, the
/// allowed bits, then `br_fdb_flush`.
fn delete_bulk(ctx: &mut Ctx<'_>, hdr: &NdMsgRepr, attrs: &AttrTable<'_>, bridge: u32, port: Option<u32>) -> KResult<()> {
    let range = || KernelError::msg(Errno::EINVAL, "integer out of range");
    let vlan = attrs.get(nda::VLAN).map(|a| a.u16()).transpose()?;
    if vlan.is_some_and(|v| !(1..=4094).contains(&v)) {
        return Err(range());
    }
    let ifindex = attrs.get(nda::IFINDEX).map(|a| a.u32()).transpose()?.map(|v| v as i32);
    if ifindex.is_some_and(|v| v < 1) {
        return Err(range());
    }
    let state_mask = attrs.get(nda::NDM_STATE_MASK).map(|a| a.u16()).transpose()?;
    let flags_mask = attrs.get(nda::NDM_FLAGS_MASK).map(|a| a.u8()).transpose()?;
    let ndm_flags = hdr.flags & !(ntf::MASTER | ntf::SELF);
    if ndm_flags & !ALLOWED_FLAGS != 0 {
        return Err(bridge_err(Errno::EINVAL, "bridge: Unsupported fdb flush ndm flag bits set"));
    }
    if hdr.state & !ALLOWED_STATES != 0 {
        return Err(bridge_err(Errno::EINVAL, "bridge: Unsupported fdb flush ndm state bits set"));
    }
    let mut desc = FlushDesc { vlan: vlan.unwrap_or(0), ..FlushDesc::default() };
    desc.flags = state_bits(hdr.state) | flag_bits(ndm_flags);
    desc.mask = state_mask.map_or(0, state_bits) | flags_mask.map_or(0, flag_bits);
    if let Some(i) = ifindex {
        desc.port = validate_ifindex(ctx, bridge, i as u32)?;
    } else if let Some(p) = port {
        desc.port = p;
    }
    let now = ctx.net.now_ms;
    for e in fdb::flush(ctx.net, ctx.ns, bridge, desc, now) {
        let n = entry_notice(ctx.net, &e, now, false);
        ctx.notices.push(n);
    }
    Ok(())
}

/// `__ndm_state_to_fdb_flags`.
fn state_bits(state: u16) -> u8 {
    let mut b = 0;
    if state & nud::PERMANENT != 0 {
        b |= FLUSH_LOCAL;
    }
    if state & nud::NOARP != 0 {
        b |= FLUSH_STATIC;
    }
    b
}

/// `__ndm_flags_to_fdb_flags`.
fn flag_bits(flags: u8) -> u8 {
    let mut b = 0;
    if flags & ntf::USE != 0 {
        b |= FLUSH_USER;
    }
    if flags & (ntf::EXT_LEARNED | ntf::OFFLOADED | ntf::STICKY) != 0 {
        b |= FLUSH_OTHER;
    }
    b
}

/// `__fdb_flush_validate_ifindex`: NDA_IFINDEX names `bridge` or one of
/// its ports.
fn validate_ifindex(ctx: &Ctx<'_>, bridge: u32, ifindex: u32) -> KResult<u32> {
    let nsr = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let Some(dev) = nsr.link(ifindex) else {
        return Err(bridge_err(Errno::ENODEV, "bridge: Unknown flush device ifindex"));
    };
    if is_bridge(dev) {
        if dev.index != bridge {
            return Err(bridge_err(Errno::EINVAL, "bridge: Flush bridge device does not match target bridge device"));
        }
    } else {
        match bridge_of(nsr, dev) {
            None => return Err(bridge_err(Errno::EINVAL, "bridge: Flush device is not a bridge or bridge port")),
            Some(b) if b != bridge => {
                return Err(bridge_err(Errno::EINVAL, "bridge: Port belongs to a different bridge device"));
            }
            Some(_) => {}
        }
    }
    Ok(ifindex)
}
