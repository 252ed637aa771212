//! RTM_{NEW,GET}NSID: the ids a namespace gives its peers
//! (net/core/net_namespace.c `rtnl_net_newid`, `rtnl_net_getid`,
//! `rtnl_net_dumpid`, `rtnl_net_fill`).

use super::Ctx;
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::{Net, NsId};
use crate::wire::attr::AttrTable;
use crate::wire::nsid::{NSID_NOT_ASSIGNED as NOT_ASSIGNED, RTGENMSG_LEN, netnsa};
use crate::wire::{MessageBuilder, MessageType, NLM_F_MULTI, NlaWriter};

/// The RTM_NEWNSID message carrying one id (`rtnl_net_fill`).
pub fn fill(nsid: i32, seq: u32, pid: u32, flags: u16) -> Vec<u8> {
    let mut b = MessageBuilder::new(MessageType::NewNsId.raw(), flags, seq, pid);
    b.push(&[0, 0, 0, 0]);
    b.put_i32(netnsa::NSID, nsid);
    b.finish()
}

fn peer_of(net: &Net, attrs: &AttrTable<'_>) -> KResult<NsId> {
    if let Some(fd) = attrs.get(netnsa::FD) {
        return net.ns_by_fd(fd.u32()?).ok_or(KernelError::msg(Errno::EBADF, "Peer netns reference is invalid"));
    }
    if let Some(pid) = attrs.get(netnsa::PID) {
        return net.ns_by_pid(pid.u32()?).ok_or(KernelError::msg(Errno::ESRCH, "Peer netns reference is invalid"));
    }
    Err(KernelError::msg(Errno::EINVAL, "Peer netns reference is missing"))
}

fn parse<'a>(req: &Request<'a>) -> KResult<AttrTable<'a>> {
    Ok(netnsa::SPACE.parse(req.payload.get(RTGENMSG_LEN..).unwrap_or(&[]))?)
}

/// RTM_NEWNSID: assign an id to a peer namespace.
pub fn new_nsid(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let attrs = parse(req)?;
    let nsid = attrs.get(netnsa::NSID).ok_or(KernelError::msg(Errno::EINVAL, "nsid is missing"))?.i32()?;
    let peer = peer_of(ctx.net, &attrs)?;
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENOENT))?;
    if ns.nsids.contains_key(&peer) {
        return Err(KernelError::msg(Errno::EEXIST, "Peer netns already has a nsid assigned"));
    }
    let id = if nsid < 0 { (0..).find(|i| !ns.nsids.values().any(|v| v == i)).unwrap_or(0) } else { nsid };
    if ns.nsids.values().any(|v| *v == id) {
        return Err(KernelError::msg(Errno::EEXIST, "The specified nsid is already used"));
    }
    ns.nsids.insert(peer, id);
    ctx.notices.push((fill(id, req.header.seq, req.port, 0), crate::wire::group::NSID));
    Ok(())
}

/// RTM_GETNSID for one peer: its id as seen from the requester's namespace.
pub fn get_nsid(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let attrs = parse(req)?;
    if attrs.has(netnsa::TARGET_NSID) {
        return Err(KernelError::new(Errno::EOPNOTSUPP));
    }
    let id = if let Some(n) = attrs.get(netnsa::NSID) {
        let want = n.i32()?;
        let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENOENT))?;
        if !ns.nsids.values().any(|v| *v == want) {
            return Err(KernelError::msg(Errno::ENOENT, "Peer netns reference is invalid"));
        }
        want
    } else {
        let peer = peer_of(ctx.net, &attrs)?;
        ctx.net.ns(ctx.ns).and_then(|n| n.nsids.get(&peer).copied()).unwrap_or(NOT_ASSIGNED)
    };
    ctx.replies.push(fill(id, req.header.seq, req.port, 0));
    Ok(())
}

/// RTM_GETNSID dump: every id the requester's namespace has assigned.
pub fn dump_nsid(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let Some(ns) = ctx.net.ns(ctx.ns) else { return Ok(()) };
    let mut ids: Vec<i32> = ns.nsids.values().copied().collect();
    crate::sorting::sort(&mut ids);
    for id in ids {
        ctx.replies.push(fill(id, req.header.seq, req.port, NLM_F_MULTI));
    }
    Ok(())
}
