//! Per-socket state: namespace, credentials, options, groups, queue.


use crate::errno::Errno;
use crate::host::SockOpt;
use crate::stack::NsId;
use crate::wire::group;

/// The credentials a socket was opened with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Creds {
    /// Whether the opener has CAP_NET_ADMIN (root).
    pub net_admin: bool,
    /// The opener's user id (what `current_uid()` gives the kernel).
    pub uid: u32,
}

impl Creds {
    /// Root.
    pub const ROOT: Creds = Creds { net_admin: true, uid: 0 };
    /// An unprivileged user.
    pub const USER: Creds = Creds { net_admin: false, uid: 65534 };
}

/// One open NETLINK_ROUTE socket.
#[derive(Debug, Clone)]
pub struct SocketState {
    /// The namespace it was created in (and stays bound to).
    pub ns: NsId,
    /// Its credentials.
    pub creds: Creds,
    /// NETLINK_EXT_ACK.
    pub ext_ack: bool,
    /// NETLINK_CAP_ACK.
    pub cap_ack: bool,
    /// NETLINK_GET_STRICT_CHK.
    pub strict_chk: bool,
    /// Joined multicast groups (1-based).
    pub groups: crate::vecmap::VecMap<u32, ()>,
    /// Notifications not yet read, oldest first.
    pub queue: Vec<Vec<u8>>,
}

impl SocketState {
    /// A fresh socket: no options, no groups.
    pub fn new(ns: NsId, creds: Creds) -> Self {
        SocketState {
            ns,
            creds,
            ext_ack: false,
            cap_ack: false,
            strict_chk: false,
            groups: crate::vecmap::VecMap::new(),
            queue: Vec::new(),
        }
    }

    /// Whether the socket listens to a group.
    pub fn in_group(&self, g: u32) -> bool {
        self.groups.contains_key(&g)
    }

    /// Applies a socket option.
    pub fn set_option(&mut self, opt: SockOpt) -> Result<(), Errno> {
        match opt {
            SockOpt::ExtAck(on) => self.ext_ack = on,
            SockOpt::CapAck(on) => self.cap_ack = on,
            SockOpt::StrictCheck(on) => self.strict_chk = on,
            SockOpt::AddMembership(g) => {
                if g == 0 || g > group::MAX {
                    return Err(Errno::EINVAL);
                }
                // Joining a group needs no privilege for NETLINK_ROUTE
                // (NL_CFG_F_NONROOT_RECV).
                self.groups.insert(g, ());
            }
            SockOpt::DropMembership(g) => {
                if g == 0 || g > group::MAX {
                    return Err(Errno::EINVAL);
                }
                self.groups.remove(&g);
            }
            SockOpt::BindGroups(mask) => {
                self.groups.retain(|g, _| *g > 32);
                for g in 1..=32 {
                    if mask & group::mask(g) != 0 {
                        self.groups.insert(g, ());
                    }
                }
            }
        }
        Ok(())
    }
}
