//! `ip xfrm` (ip/ipxfrm.c): the IPsec objects. The simulated stack keeps
//! no security associations or policies, so their lists are empty; the
//! usage texts are iproute2's.

use super::args::matches;
use super::{Exit, Ip, Res};

const USAGE: &str = "Usage: ip xfrm XFRM-OBJECT { COMMAND | help }\nwhere  XFRM-OBJECT := state | policy | monitor\n";
const MONITOR_USAGE: &str = "Usage: ip xfrm monitor [ nokeys ] [ all-nsid ] [ all | OBJECTS | help ]\nOBJECTS := { acquire | expire | SA | aevent | policy | report }\n";

/// Whether a verb lists (`list`, `show`, `ls`, `get`, `count` need
/// no state).
fn lists(verb: Option<&String>) -> bool {
    verb.is_none_or(|v| ["list", "show", "lst", "ls"].iter().any(|full| matches(v, full)))
}

/// `do_xfrm`.
pub fn do_xfrm(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some(obj) = args.first() else {
        ip.err(USAGE);
        return Err(Exit(255));
    };
    let verb = args.get(1);
    if matches(obj, "state") || matches(obj, "sa") || matches(obj, "policy") {
        if lists(verb) {
            return Ok(0);
        }
        ip.err("This object is not available in this ip.\n");
        return Ok(-1);
    }
    if matches(obj, "monitor") && verb.is_some_and(|v| matches(v, "help")) {
        ip.err(MONITOR_USAGE);
        return Err(Exit(255));
    }
    ip.err(USAGE);
    Err(Exit(255))
}
