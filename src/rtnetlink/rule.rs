//! RTM_{NEW,DEL,GET}RULE.

use super::reply::Request;
use super::Ctx;
use crate::errno::{Errno, KResult};
use crate::stack::rule::Rule;
use crate::wire::MessageType;

/// The message describing a rule (`fib_nl_fill_rule`).
pub fn fill(_r: &Rule, _kind: MessageType, _seq: u32, _pid: u32, _flags: u16) -> Vec<u8> {
    Vec::new()
}

/// RTM_NEWRULE.
pub fn new_rule(_ctx: &mut Ctx<'_>, _req: &Request<'_>) -> KResult<()> {
    Err(Errno::EOPNOTSUPP.into())
}

/// RTM_DELRULE.
pub fn del_rule(_ctx: &mut Ctx<'_>, _req: &Request<'_>) -> KResult<()> {
    Err(Errno::EOPNOTSUPP.into())
}

/// RTM_GETRULE dump.
pub fn dump_rules(_ctx: &mut Ctx<'_>, _req: &Request<'_>) -> KResult<()> {
    Ok(())
}
