//! RTM_{NEW,DEL,GET}ROUTE.

use super::reply::Request;
use super::Ctx;
use crate::errno::{Errno, KResult};
use crate::stack::route::Route;
use crate::stack::{Net, NsId};
use crate::wire::MessageType;

/// The message describing an IPv4 route (`fib_dump_info`).
pub fn fill4(_net: &Net, _ns: NsId, _r: &Route<u32>, _kind: MessageType, _seq: u32, _pid: u32, _flags: u16) -> Vec<u8> {
    Vec::new()
}

/// The message describing an IPv6 route (`rt6_fill_node`).
pub fn fill6(_net: &Net, _ns: NsId, _r: &Route<u128>, _kind: MessageType, _seq: u32, _pid: u32, _flags: u16) -> Vec<u8> {
    Vec::new()
}

/// RTM_NEWROUTE.
pub fn new_route(_ctx: &mut Ctx<'_>, _req: &Request<'_>) -> KResult<()> {
    Err(Errno::EOPNOTSUPP.into())
}

/// RTM_DELROUTE.
pub fn del_route(_ctx: &mut Ctx<'_>, _req: &Request<'_>) -> KResult<()> {
    Err(Errno::EOPNOTSUPP.into())
}

/// RTM_GETROUTE for one destination.
pub fn get_route(_ctx: &mut Ctx<'_>, _req: &Request<'_>) -> KResult<()> {
    Err(Errno::EOPNOTSUPP.into())
}

/// RTM_GETROUTE dump.
pub fn dump_routes(_ctx: &mut Ctx<'_>, _req: &Request<'_>) -> KResult<()> {
    Ok(())
}
