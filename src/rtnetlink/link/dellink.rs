//! RTM_DELLINK (`rtnl_dellink`).

use super::{find_link, parse};
use crate::errno::{Errno, KResult, KernelError};
use crate::rtnetlink::Ctx;
use crate::rtnetlink::reply::Request;
use crate::stack::link::{self as slink};
use crate::wire::link::ifla;

/// RTM_DELLINK: by index or name; a veth takes its peer along; `lo` stays.
pub fn del_link(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    if hdr.index == 0 && !attrs.has(ifla::IFNAME) && !attrs.has(ifla::ALT_IFNAME) {
        let Some(group) = attrs.get(ifla::GROUP) else { return Err(KernelError::new(Errno::EINVAL)) };
        let events = slink::delete_group(ctx.net, ctx.ns, group.u32()?)?;
        ctx.events.extend(events);
        return Ok(());
    }
    let index = find_link(ctx, &hdr, &attrs)?.ok_or(KernelError::new(Errno::ENODEV))?;
    let events = slink::delete_link(ctx.net, ctx.ns, index)?;
    ctx.events.extend(events);
    Ok(())
}
