//! RTM_NEWLINKPROP / RTM_DELLINKPROP: a device's alternative names
//! (net/core/rtnetlink.c `rtnl_linkprop`, `rtnl_alt_ifname`; net/core/dev.c
//! `netdev_name_node_alt_create`/`_destroy`), and IFLA_PROP_LIST in the
//! message describing a link (`rtnl_fill_prop_list`).

use super::Ctx;
use super::link::{ALTIFNAME_MAX, find_link, parse};
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::Event;
use crate::stack::link::Link;
use crate::wire::link::{IFINFOMSG_LEN, ifla};
use crate::wire::{MessageBuilder, NlaWriter};

/// `nla_total_size(n)`: an attribute of n payload bytes, padded.
fn nla_total_size(n: usize) -> usize {
    (4 + n + 3) & !3
}

/// `rtnl_prop_list_size`: the bytes IFLA_PROP_LIST takes in a link message.
fn prop_list_size(link: &Link) -> usize {
    if link.altnames.is_empty() {
        return 0;
    }
    link.altnames.iter().map(|n| nla_total_size(n.len() + 1)).sum::<usize>() + nla_total_size(0)
}

/// IFLA_PROP_LIST { IFLA_ALT_IFNAME... } when the link has alternative
/// names (the nest is cancelled when empty).
pub fn put_prop_list(b: &mut MessageBuilder, link: &Link) {
    if link.altnames.is_empty() {
        return;
    }
    let n = b.begin_nest(ifla::PROP_LIST);
    for name in &link.altnames {
        b.put_str(ifla::ALT_IFNAME, name);
    }
    b.end_nest(n);
}

/// RTM_NEWLINKPROP: adds alternative names.
pub fn new_linkprop(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    linkprop(ctx, req, true)
}

/// RTM_DELLINKPROP: removes alternative names.
pub fn del_linkprop(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    linkprop(ctx, req, false)
}

/// `rtnl_linkprop`: each IFLA_ALT_IFNAME of IFLA_PROP_LIST in turn; an
/// error stops the walk but keeps the names already changed (Linux does
/// the same), and a change is announced (`netdev_state_change`, which
/// says nothing while the device is down).
fn linkprop(ctx: &mut Ctx<'_>, req: &Request<'_>, add: bool) -> KResult<()> {
    let (hdr, attrs) = parse(req)?;
    if hdr.index <= 0 && !attrs.has(ifla::IFNAME) && !attrs.has(ifla::ALT_IFNAME) {
        return Err(Errno::EINVAL.into());
    }
    let index = find_link(ctx, &hdr, &attrs)?.ok_or(KernelError::new(Errno::ENODEV))?;
    let Some(list) = attrs.get(ifla::PROP_LIST) else { return Ok(()) };
    let mut changed = false;
    let mut result = Ok(());
    for nla in list.nested_iter() {
        let Ok(nla) = nla else { break };
        if nla.kind != ifla::ALT_IFNAME {
            continue;
        }
        // nla_validate against ifla_policy: a string of at most 127 bytes.
        if nla.value.len() > usize::from(ALTIFNAME_MAX) {
            let at = req.attr_offset(IFINFOMSG_LEN, list.offset + 4 + nla.offset);
            result = Err(KernelError::too_long(at, ALTIFNAME_MAX));
            break;
        }
        let name = nla.string()?;
        let step = if add { alt_create(ctx, index, name) } else { alt_destroy(ctx, index, &name) };
        if let Err(e) = step {
            result = Err(e);
            break;
        }
        changed = true;
    }
    if changed {
        if let Some(l) = ctx.net.ns(ctx.ns).and_then(|n| n.link(index)).filter(|l| l.is_up()) {
            ctx.events.push(Event::NewLink { ns: ctx.ns, link: Box::new(l.clone()), change: 0 });
        }
    }
    result
}

/// `netdev_name_node_alt_create`: a name no device of the namespace has
/// yet, appended to the device's list, while the list stays below 64 KiB.
fn alt_create(ctx: &mut Ctx<'_>, index: u32, name: String) -> KResult<()> {
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if ns.link_by_name(&name).is_some() {
        return Err(Errno::EEXIST.into());
    }
    let link = ns.link_mut(index).ok_or(KernelError::new(Errno::ENODEV))?;
    if prop_list_size(link) + nla_total_size(usize::from(ALTIFNAME_MAX) + 1) >= usize::from(u16::MAX) {
        return Err(KernelError::msg(Errno::EINVAL, "effective property list too long"));
    }
    link.altnames.push(name);
    Ok(())
}

/// `netdev_name_node_alt_destroy`: ENOENT for a name nobody has, EINVAL for
/// the primary name or another device's name.
fn alt_destroy(ctx: &mut Ctx<'_>, index: u32, name: &str) -> KResult<()> {
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    let owner = ns.link_by_name(name).map(|l| l.index).ok_or(KernelError::new(Errno::ENOENT))?;
    let link = ns.link_mut(index).ok_or(KernelError::new(Errno::ENODEV))?;
    let at = link.altnames.iter().position(|a| a == name);
    match (owner == index, at) {
        (true, Some(i)) => {
            link.altnames.remove(i);
            Ok(())
        }
        _ => Err(Errno::EINVAL.into()),
    }
}
