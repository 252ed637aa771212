//! RTM_{NEW,DEL,GET}NEIGH.

use super::reply::Request;
use super::Ctx;
use crate::errno::{Errno, KResult};
use crate::stack::neigh::Neighbour;
use crate::wire::MessageType;

/// The message describing a neighbour entry (`neigh_fill_info`).
pub fn fill(_n: &Neighbour, _kind: MessageType, _seq: u32, _pid: u32, _flags: u16, _now_ms: u64) -> Vec<u8> {
    Vec::new()
}

/// RTM_NEWNEIGH.
pub fn new_neigh(_ctx: &mut Ctx<'_>, _req: &Request<'_>) -> KResult<()> {
    Err(Errno::EOPNOTSUPP.into())
}

/// RTM_DELNEIGH.
pub fn del_neigh(_ctx: &mut Ctx<'_>, _req: &Request<'_>) -> KResult<()> {
    Err(Errno::EOPNOTSUPP.into())
}

/// RTM_GETNEIGH for one entry.
pub fn get_neigh(_ctx: &mut Ctx<'_>, _req: &Request<'_>) -> KResult<()> {
    Err(Errno::EOPNOTSUPP.into())
}

/// RTM_GETNEIGH dump.
pub fn dump_neigh(_ctx: &mut Ctx<'_>, _req: &Request<'_>) -> KResult<()> {
    Ok(())
}
