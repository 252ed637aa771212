//! Link types (`struct link_util`): how `ip link add ... type KIND ARGS`
//! writes IFLA_INFO_DATA, how `-d` prints it back, and `ip link help KIND`.
//! Covered, one file per type: veth, bridge, bridge_slave, macvlan (and
//! macvtap), vlan, vxlan, vrf (and vrf_slave); dummy takes no options.

use super::super::args::Res;
use super::super::ctx::Ip;
use super::super::nl::Req;
use super::super::usage;

mod bridge;
mod bridge_slave;
mod macvlan;
mod veth;
mod vlan;
mod vrf;
mod vxlan;

pub use bridge_slave::parse_on_off;

use bridge::{bridge_parse_opt, bridge_print_opt};
use bridge_slave::{bridge_slave_parse_opt, bridge_slave_print_opt};
use macvlan::{macvlan_parse_opt, macvlan_print_opt};
use veth::veth_parse_opt;
use vlan::{vlan_parse_opt, vlan_print_opt};

/// Parses the words after `type KIND` into the open IFLA_INFO_DATA nest.
/// Returns 0, or non-zero after printing why not.
pub type ParseFn = fn(&mut Ip, &[String], &mut Req) -> Res<i32>;
/// Prints IFLA_INFO_DATA (or SLAVE_DATA) inside the "info_data" object.
pub type PrintFn = fn(&mut Ip, Option<&[u8]>) -> Res<()>;

/// One link type.
pub struct LinkKind {
    /// The IFLA_INFO_KIND string.
    pub id: &'static str,
    /// Option parser, if the type takes options.
    pub parse_opt: Option<ParseFn>,
    /// Detail printer, if the type prints details.
    pub print_opt: Option<PrintFn>,
    /// The text of `ip link help KIND` (standard output).
    pub help: Option<&'static str>,
}

/// The known types.
pub const KINDS: &[LinkKind] = &[
    LinkKind { id: "veth", parse_opt: Some(veth_parse_opt), print_opt: None, help: Some(usage::TYPE_VETH) },
    LinkKind { id: "dummy", parse_opt: None, print_opt: None, help: Some(usage::TYPE_DUMMY) },
    LinkKind { id: "bridge", parse_opt: Some(bridge_parse_opt), print_opt: Some(bridge_print_opt), help: Some(usage::TYPE_BRIDGE) },
    LinkKind {
        id: "bridge_slave",
        parse_opt: Some(bridge_slave_parse_opt),
        print_opt: Some(bridge_slave_print_opt),
        help: Some(usage::TYPE_BRIDGE_SLAVE),
    },
    LinkKind { id: "macvlan", parse_opt: Some(macvlan_parse_opt), print_opt: Some(macvlan_print_opt), help: Some(usage::TYPE_MACVLAN) },
    LinkKind { id: "macvtap", parse_opt: Some(macvlan_parse_opt), print_opt: Some(macvlan_print_opt), help: Some(usage::TYPE_MACVLAN) },
    LinkKind { id: "vlan", parse_opt: Some(vlan_parse_opt), print_opt: Some(vlan_print_opt), help: Some(usage::TYPE_VLAN) },
    LinkKind { id: "vxlan", parse_opt: Some(vxlan::parse_opt), print_opt: Some(vxlan::print_opt), help: Some(usage::TYPE_VXLAN) },
    LinkKind { id: "vrf", parse_opt: Some(vrf::parse_opt), print_opt: Some(vrf::print_opt), help: Some(usage::TYPE_VRF) },
    LinkKind { id: "vrf_slave", parse_opt: None, print_opt: Some(vrf::slave_print_opt), help: None },
];

/// `get_link_kind`.
pub fn find(id: &str) -> Option<&'static LinkKind> {
    KINDS.iter().find(|k| k.id == id)
}

pub(super) fn help_text_for(id: &str) -> String {
    crate::text::replace(find(id).and_then(|k| k.help).unwrap_or(""), "macvlan", if id == "macvtap" { "macvtap" } else { "macvlan" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_findable() {
        for k in KINDS {
            assert!(find(k.id).is_some());
        }
        assert!(find("frob").is_none());
    }
}
