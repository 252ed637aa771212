//! Policy routing rules (net/core/fib_rules.c, net/ipv4/fib_rules.c).

use crate::wire::route::table;
use crate::wire::rule::fr_act;

/// A policy rule.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rule {
    /// AF_INET or AF_INET6.
    pub family: u8,
    /// Priority (preference).
    pub priority: u32,
    /// FR_ACT_* action.
    pub action: u8,
    /// Table for FR_ACT_TO_TBL.
    pub table: u32,
    /// Source prefix (network order bytes) and its length.
    pub src: Vec<u8>,
    /// Source prefix length.
    pub src_len: u8,
    /// Destination prefix (network order bytes).
    pub dst: Vec<u8>,
    /// Destination prefix length.
    pub dst_len: u8,
    /// TOS / dsfield.
    pub tos: u8,
    /// FIB_RULE_* flags (INVERT for `not`).
    pub flags: u32,
    /// Incoming interface name.
    pub iifname: Option<String>,
    /// Outgoing interface name.
    pub oifname: Option<String>,
    /// Firewall mark and mask.
    pub fwmark: Option<u32>,
    /// Firewall mark mask.
    pub fwmask: Option<u32>,
    /// Goto target priority.
    pub goto_target: Option<u32>,
    /// Suppress routes with a prefix length at most this.
    pub suppress_prefixlen: Option<u32>,
    /// Suppress routes through this interface group.
    pub suppress_ifgroup: Option<u32>,
    /// UID range.
    pub uid_range: Option<(u32, u32)>,
    /// FRA_PROTOCOL.
    pub protocol: u8,
    /// IP protocol.
    pub ip_proto: Option<u8>,
    /// Source port range.
    pub sport: Option<(u16, u16)>,
    /// Destination port range.
    pub dport: Option<(u16, u16)>,
    /// Realms (FRA_FLOW).
    pub flow: Option<u32>,
    /// l3mdev rule.
    pub l3mdev: bool,
    /// Tunnel id to match (FRA_TUN_ID, big-endian as sent).
    pub tun_id: Option<[u8; 8]>,
}

/// The rules of a fresh namespace (`fib_default_rules_init`,
/// `fib6_rules_net_init`): 0 local, 32766 main, 32767 default (IPv4 only).
pub fn default_rules(family: u8) -> Vec<Rule> {
    let mk = |priority, t| Rule {
        family,
        priority,
        action: fr_act::TO_TBL,
        table: t,
        protocol: crate::wire::route::rtprot::KERNEL,
        ..Rule::default()
    };
    let mut v = vec![mk(0, table::LOCAL), mk(32766, table::MAIN)];
    if family == crate::wire::AF_INET {
        v.push(mk(32767, table::DEFAULT));
    }
    v
}

/// What a route lookup is for: the keys rules match on (`struct flowi`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Flow {
    /// AF_INET or AF_INET6.
    pub family: u8,
    /// Destination address (network order bytes).
    pub dst: Vec<u8>,
    /// Source address (network order bytes), empty when unspecified.
    pub src: Vec<u8>,
    /// Incoming interface name (input lookups), None for output.
    pub iif: Option<String>,
    /// Outgoing interface name, if bound.
    pub oif: Option<String>,
    /// Firewall mark.
    pub mark: u32,
    /// User id.
    pub uid: u32,
    /// TOS / DS field.
    pub tos: u8,
    /// IP protocol (for ipproto/port rules), 0 when unknown.
    pub ip_proto: u8,
    /// Source port, 0 when unknown.
    pub sport: u16,
    /// Destination port, 0 when unknown.
    pub dport: u16,
    /// The table of the VRF the flow's output or input device is or
    /// belongs to (`flowi_l3mdev`, set by `l3mdev_update_flow`).
    pub l3mdev_table: Option<u32>,
}
