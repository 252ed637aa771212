//! When the world's own work around a request may be skipped: the timers
//! run before each request (`fdb::take_notices`, `lifetime::expire`,
//! `nexthop::run_upkeep`) and the settle after each change
//! (`rtnetlink::settle`). Within one datagram nothing but its requests
//! touches the network, so once that work was seen to have nothing to do,
//! it still has nothing to do before and after each following request that
//! leaves its inputs alone, as long as the clock stands still. Between such
//! requests the last gateway lookup of a new IPv4 route stays true too,
//! until a route that may answer it goes in.

use crate::rtnetlink::reply::Request;
use crate::stack::Net;
use crate::stack::fib::nexthop4::GatewayMemo;
use crate::wire::{AF_INET, MessageType};

/// Whether a request leaves alone everything the timers and the settle
/// read (addresses, devices, bridge FDB, next-hop groups, the link-watch
/// queue, the clock): an IPv4 RTM_NEWROUTE changes the IPv4 FIB only
/// (`inet_rtm_newroute`).
pub(super) fn neutral(req: &Request<'_>) -> bool {
    matches!(MessageType::from(req.header.kind), MessageType::NewRoute) && req.payload.first() == Some(&AF_INET)
}

/// Whether the timers and the settle would change nothing at the clock's
/// time: exactly the conditions under which each of them returns at once
/// (no FDB entry or queued notice, no address lifetime due, no resilient
/// group's upkeep due, an empty link-watch queue, no DAD or router
/// solicitation pending). Read-only.
pub(super) fn quiet(net: &Net) -> bool {
    net.fdb.is_empty()
        && net.fdb_notices.is_empty()
        && net.linkwatch_queue.is_empty()
        && !crate::stack::lifetime::pending(net)
        && !crate::stack::nexthop::upkeep_due(net)
        && !crate::stack::ipv6::dad_pending(net)
}

/// What one request of a datagram passes on to the next.
#[derive(Debug, Default)]
pub(super) struct Carry {
    /// The clock time at which the timers and the settle had nothing to
    /// do, while only [`neutral`] requests followed.
    pub(super) quiet_at: Option<u64>,
    /// The last gateway lookup, kept only across requests that ran
    /// without the timers and the settle (which may change any table).
    pub(super) gateway: Option<GatewayMemo>,
}

impl Carry {
    /// What follows a request (`neutral` or not, its timers and settle
    /// skipped or run, the gateway lookup its handler left).
    pub(super) fn after(net: &Net, neutral: bool, skipped: bool, quiet_at: Option<u64>, gateway: Option<GatewayMemo>) -> Carry {
        if !neutral {
            return Carry::default();
        }
        if skipped {
            return Carry { quiet_at, gateway };
        }
        Carry { quiet_at: quiet(net).then_some(net.now_ms), gateway: None }
    }
}
