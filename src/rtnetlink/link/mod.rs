//! RTM_{NEW,DEL,GET,SET}LINK (net/core/rtnetlink.c `rtnl_newlink`,
//! `rtnl_setlink`, `rtnl_dellink`, `rtnl_getlink`, `rtnl_dump_ifinfo`) and the
//! message every link is described by (`rtnl_fill_ifinfo`).

use super::Ctx;
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::wire::attr::AttrTable;
use crate::wire::link::{IFINFOMSG_LEN, IfInfoRepr, ifla};

mod dellink;
mod fill;
mod getlink;
mod newlink;
mod setlink;

pub use dellink::del_link;
pub use fill::{IFLA_EVENT_FEATURES, fill, fill_brport, fill_ext, fill_link};
pub use getlink::{dump_links, get_link};
pub use newlink::new_link;
pub use setlink::set_link;

/// Finds the link a request names: by ifi_index when non-zero, else by IFLA_IFNAME.
pub(super) fn find_link(ctx: &Ctx<'_>, hdr: &IfInfoRepr, attrs: &AttrTable<'_>) -> KResult<Option<u32>> {
    let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if hdr.index > 0 {
        return Ok(ns.link(hdr.index as u32).map(|l| l.index));
    }
    // rtnl_dev_get: IFLA_IFNAME, else IFLA_ALT_IFNAME; either finds a
    // device by any of its names.
    if let Some(name) = attrs.get(ifla::IFNAME).or_else(|| attrs.get(ifla::ALT_IFNAME)) {
        let name = name.string()?;
        return Ok(ns.index_of(&name));
    }
    Ok(None)
}

/// `ALTIFNAMSIZ - 1`: the longest alternative name (ifla_policy).
pub(super) const ALTIFNAME_MAX: u16 = 127;

pub(super) fn parse<'a>(req: &Request<'a>) -> KResult<(IfInfoRepr, AttrTable<'a>)> {
    let hdr = IfInfoRepr::parse(req.payload).map_err(|_| KernelError::new(Errno::EINVAL))?;
    let attrs = ifla::SPACE.parse(req.payload.get(IFINFOMSG_LEN..).unwrap_or(&[]))?;
    // ifla_policy: names are NUL-terminated strings of at most 15 bytes.
    if let Some(n) = attrs.get(ifla::IFNAME) {
        let len = n.value.iter().position(|&b| b == 0).unwrap_or(n.value.len());
        if len > 15 {
            return Err(KernelError::too_long(req.attr_offset(IFINFOMSG_LEN, n.offset), 15));
        }
    }
    if let Some(n) = attrs.get(ifla::ALT_IFNAME) {
        if n.value.len() > usize::from(ALTIFNAME_MAX) {
            return Err(KernelError::too_long(req.attr_offset(IFINFOMSG_LEN, n.offset), ALTIFNAME_MAX));
        }
    }
    Ok((hdr, attrs))
}
