//! `struct netconfmsg` and the `NETCONFA_*` attributes of
//! RTM_{NEW,DEL,GET}NETCONF (include/uapi/linux/netconf.h).

/// `struct netconfmsg` (one byte, the family) padded to 4.
pub const NETCONFMSG_LEN: usize = 4;

/// `NETCONFA_IFINDEX_ALL`: the `all` settings.
pub const IFINDEX_ALL: i32 = -1;
/// `NETCONFA_IFINDEX_DEFAULT`: the `default` settings.
pub const IFINDEX_DEFAULT: i32 = -2;

super::schema::nla_space! {
    /// `NETCONFA_*`: a device's (or `all`/`default`) forwarding settings,
    /// s32 each (`devconf_ipv4_policy`, `devconf_ipv6_policy`).
    pub mod netconfa = "NETCONFA_" {
        UNSPEC = 0: S32,
        IFINDEX = 1: S32,
        FORWARDING = 2: S32,
        RP_FILTER = 3: S32,
        MC_FORWARDING = 4: S32,
        PROXY_NEIGH = 5: S32,
        IGNORE_ROUTES_WITH_LINKDOWN = 6: S32,
        INPUT = 7: S32,
        BC_FORWARDING = 8: S32,
    }
}
