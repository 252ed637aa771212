//! `ip route` (ip/iproute.c): list/show and flush with selectors, add,
//! delete, change, replace, append, prepend, test, get, help.

pub mod filter;
mod get;
pub(crate) mod list;
mod modify;
pub mod show;

use super::args::{Exit, Res, matches};
use super::ctx::Ip;
use crate::wire::{NLM_F_APPEND, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REPLACE};
use crate::wire::{RTM_DELROUTE, RTM_NEWROUTE};

pub use filter::RouteFilter;
pub use show::print_route;

/// The usage text of ip/iproute.c.
pub const USAGE: &str = include_str!("usage.txt");

/// Prints the usage on standard error; status 255.
pub fn usage(ip: &mut Ip) -> Exit {
    ip.err(USAGE);
    Exit(255)
}

/// `do_iproute`.
pub fn do_iproute(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some((cmd, rest)) = args.split_first() else {
        return list::list_or_flush(ip, &[], false);
    };
    let modify = |ip: &mut Ip, c: u16, f: u16| modify::iproute_modify(ip, c, f, rest);
    if matches(cmd, "add") {
        return modify(ip, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL);
    }
    if matches(cmd, "change") || cmd == "chg" {
        return modify(ip, RTM_NEWROUTE, NLM_F_REPLACE);
    }
    if matches(cmd, "replace") {
        return modify(ip, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE);
    }
    if matches(cmd, "prepend") {
        return modify(ip, RTM_NEWROUTE, NLM_F_CREATE);
    }
    if matches(cmd, "append") {
        return modify(ip, RTM_NEWROUTE, NLM_F_CREATE | NLM_F_APPEND);
    }
    if matches(cmd, "test") {
        return modify(ip, RTM_NEWROUTE, NLM_F_EXCL);
    }
    if matches(cmd, "delete") {
        return modify(ip, RTM_DELROUTE, 0);
    }
    if matches(cmd, "list") || matches(cmd, "show") || matches(cmd, "lst") {
        return list::list_or_flush(ip, rest, false);
    }
    if matches(cmd, "get") {
        return get::iproute_get(ip, rest);
    }
    if matches(cmd, "flush") {
        return list::list_or_flush(ip, rest, true);
    }
    if matches(cmd, "save") {
        ip.err("Not sending a binary stream to stdout\n");
        return Ok(-1);
    }
    if matches(cmd, "restore") || matches(cmd, "showdump") {
        ip.err("Can't restore route dump from a terminal\n");
        return Ok(-1);
    }
    if matches(cmd, "help") {
        return Err(usage(ip));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"ip route help\".\n"));
    Err(Exit(255))
}

#[cfg(test)]
mod tests;
