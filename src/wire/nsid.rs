//! The `NETNSA_*` attributes of RTM_{NEW,DEL,GET}NSID
//! (include/uapi/linux/net_namespace.h), after a `struct rtgenmsg`.

/// `struct rtgenmsg` padded to 4.
pub const RTGENMSG_LEN: usize = 4;

/// `NETNSA_NSID_NOT_ASSIGNED`: the id of a namespace that has none.
pub const NSID_NOT_ASSIGNED: i32 = -1;

super::schema::nla_space! {
    /// `NETNSA_*`: a namespace id and what names the namespace (`rtnl_net_policy`).
    pub mod netnsa = "NETNSA_" {
        NONE = 0: S32,
        NSID = 1: S32,
        PID = 2: U32,
        FD = 3: U32,
        TARGET_NSID = 4: S32,
        CURRENT_NSID = 5: S32,
    }
}
