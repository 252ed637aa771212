//! RTM_{NEW,DEL,GET}ADDRLABEL for PF_INET6: the address label policy
//! (net/ipv6/addrlabel.c `ip6addrlbl_newdel`, `ip6addrlbl_get`,
//! `ip6addrlbl_dump`, `ip6addrlbl_fill`). No notifications: the kernel
//! sends none for labels.

use super::Ctx;
use super::reply::Request;
use crate::errno::{Errno, KResult, KernelError};
use crate::stack::addrlabel::{Entry, LABEL_DEFAULT};
use crate::wire::{AF_INET6, MessageBuilder, MessageType, NLM_F_MULTI, NLM_F_REPLACE, NlaWriter};

/// `struct ifaddrlblmsg`: family, reserved, prefix length, flags, index, seq.
const IFALMSG_LEN: usize = 12;
/// IFAL_ADDRESS: the prefix.
const IFAL_ADDRESS: u16 = 1;
/// IFAL_LABEL: the label (u32).
const IFAL_LABEL: u16 = 2;

/// The header fields and the two attributes of a request.
struct Parsed {
    family: u8,
    prefixlen: u8,
    index: u32,
    address: Option<u128>,
    label: Option<u32>,
}

/// `nlmsg_parse_deprecated` with `ifal_policy`: IFAL_ADDRESS at least an
/// IPv6 address long, IFAL_LABEL a u32.
fn parse(req: &Request<'_>) -> KResult<Parsed> {
    let p = req.payload;
    if p.len() < IFALMSG_LEN {
        return Err(Errno::EINVAL.into());
    }
    let index = crate::wire::get_u32(p, 4).unwrap_or(0);
    let mut out = Parsed { family: p[0], prefixlen: p[2], index, address: None, label: None };
    for a in crate::wire::attr::parse_all(req.after(IFALMSG_LEN))? {
        match a.kind {
            IFAL_ADDRESS => {
                let policy = || KernelError::msg(Errno::EINVAL, "Attribute failed policy validation");
                let bytes: [u8; 16] = a.value.get(..16).and_then(|b| b.try_into().ok()).ok_or_else(policy)?;
                out.address = Some(u128::from_be_bytes(bytes));
            }
            IFAL_LABEL if a.value.len() < 4 => return Err(KernelError::msg(Errno::EINVAL, "Attribute failed policy validation")),
            IFAL_LABEL => out.label = Some(a.u32()?),
            _ => {}
        }
    }
    Ok(out)
}

/// The RTM_NEWADDRLABEL message of one entry (`ip6addrlbl_fill`).
fn fill(e: &Entry, table_seq: u32, seq: u32, pid: u32, flags: u16) -> Vec<u8> {
    let mut b = MessageBuilder::new(MessageType::NewAddrLabel.raw(), flags, seq, pid);
    let mut hdr = [0u8; IFALMSG_LEN];
    hdr[0] = AF_INET6;
    hdr[2] = e.prefixlen;
    hdr[4..8].copy_from_slice(&e.ifindex.to_ne_bytes());
    hdr[8..12].copy_from_slice(&table_seq.to_ne_bytes());
    b.push(&hdr);
    b.put(IFAL_ADDRESS, &e.prefix.to_be_bytes());
    b.put_u32(IFAL_LABEL, e.label);
    b.finish()
}

/// RTM_NEWADDRLABEL and RTM_DELADDRLABEL (`ip6addrlbl_newdel`).
pub fn new_del(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let p = parse(req)?;
    if p.family != AF_INET6 || p.prefixlen > 128 {
        return Err(Errno::EINVAL.into());
    }
    let prefix = p.address.ok_or(Errno::EINVAL)?;
    let label = p.label.ok_or(Errno::EINVAL)?;
    if label == LABEL_DEFAULT {
        return Err(Errno::EINVAL.into());
    }
    let ns = ctx.net.ns_mut(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if req.header.kind == MessageType::NewAddrLabel.raw() {
        if p.index != 0 && ns.link(p.index).is_none() {
            return Err(Errno::EINVAL.into());
        }
        let replace = req.header.flags & NLM_F_REPLACE != 0;
        ns.addrlabels.add(Entry { prefix, prefixlen: p.prefixlen, ifindex: p.index, label }, replace)?;
    } else {
        ns.addrlabels.del(prefix, p.prefixlen, p.index)?;
    }
    Ok(())
}

/// RTM_GETADDRLABEL for one address (`ip6addrlbl_get`): the label entry
/// that applies to it (`__ipv6_addr_label`), as a /128 question.
pub fn get(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    let p = parse(req)?;
    if p.family != AF_INET6 || p.prefixlen != 128 {
        return Err(Errno::EINVAL.into());
    }
    let ns = ctx.net.ns(ctx.ns).ok_or(KernelError::new(Errno::ENODEV))?;
    if p.index != 0 && ns.link(p.index).is_none() {
        return Err(Errno::EINVAL.into());
    }
    let addr = p.address.ok_or(Errno::EINVAL)?;
    let covers = |e: &Entry| e.prefixlen == 0 || (addr ^ e.prefix) >> (128 - u32::from(e.prefixlen.min(128))) == 0;
    let t = &ns.addrlabels;
    let e = t.entries.iter().find(|e| (e.ifindex == 0 || e.ifindex == p.index) && covers(e)).ok_or(Errno::ESRCH)?;
    ctx.replies.push(fill(e, t.seq, req.header.seq, req.port, 0));
    Ok(())
}

/// RTM_GETADDRLABEL dump (`ip6addrlbl_dump`, `ip6addrlbl_valid_dump_req`).
pub fn dump(ctx: &mut Ctx<'_>, req: &Request<'_>) -> KResult<()> {
    if req.strict {
        let p = req.payload;
        if p.len() < IFALMSG_LEN {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid header for address label dump request"));
        }
        if p[1..IFALMSG_LEN].iter().any(|b| *b != 0) {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid values in header for address label dump request"));
        }
        if !req.after(IFALMSG_LEN).is_empty() {
            return Err(KernelError::msg(Errno::EINVAL, "Invalid data after header for address label dump request"));
        }
    }
    let Some(ns) = ctx.net.ns(ctx.ns) else { return Ok(()) };
    let t = &ns.addrlabels;
    for e in &t.entries {
        ctx.replies.push(fill(e, t.seq, req.header.seq, req.port, NLM_F_MULTI));
    }
    Ok(())
}
