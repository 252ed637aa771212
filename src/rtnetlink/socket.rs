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

/// The netlink protocol a socket speaks (the third argument of
/// `socket(AF_NETLINK, SOCK_RAW, protocol)`). Each has its own handler:
/// `Kernel::send` dispatches on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Protocol {
    /// NETLINK_ROUTE (0): links, addresses, routes... (`crate::rtnetlink`).
    #[default]
    Route,
    /// NETLINK_NETFILTER (12): nfnetlink and nf_tables (`crate::nfnetlink`).
    Netfilter,
    /// NETLINK_SOCK_DIAG (4): socket dumps for `ss` (no handler yet:
    /// every request is answered EOPNOTSUPP).
    SockDiag,
}

impl Protocol {
    /// The protocol number of `socket(2)`.
    pub fn number(self) -> u32 {
        match self {
            Protocol::Route => 0,
            Protocol::SockDiag => 4,
            Protocol::Netfilter => 12,
        }
    }

    /// The protocol for a number, if there is a handler for it.
    pub fn from_number(n: u32) -> Option<Protocol> {
        Some(match n {
            0 => Protocol::Route,
            4 => Protocol::SockDiag,
            12 => Protocol::Netfilter,
            _ => return None,
        })
    }
}

/// One open netlink socket.
#[derive(Debug, Clone)]
pub struct SocketState {
    /// The namespace it was created in (and stays bound to).
    pub ns: NsId,
    /// Its credentials.
    pub creds: Creds,
    /// The protocol it was opened with.
    pub protocol: Protocol,
    /// The owning process's pid and command name (what nf_tables reports
    /// in NFTA_GEN_PROC_PID and NFTA_GEN_PROC_NAME).
    pub process: (u32, String),
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
    pub fn new(ns: NsId, creds: Creds, protocol: Protocol) -> Self {
        SocketState {
            ns,
            creds,
            protocol,
            process: (1, String::from("iplab")),
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

    /// The highest multicast group of the socket's protocol.
    fn max_group(&self) -> u32 {
        match self.protocol {
            Protocol::Route => group::MAX,
            Protocol::Netfilter => crate::wire::nftables::GROUP_MAX,
            Protocol::SockDiag => 0,
        }
    }

    /// Applies a socket option.
    pub fn set_option(&mut self, opt: SockOpt) -> Result<(), Errno> {
        match opt {
            SockOpt::ExtAck(on) => self.ext_ack = on,
            SockOpt::CapAck(on) => self.cap_ack = on,
            SockOpt::StrictCheck(on) => self.strict_chk = on,
            SockOpt::AddMembership(g) => {
                if g == 0 || g > self.max_group() {
                    return Err(Errno::EINVAL);
                }
                // Joining a group needs no privilege for NETLINK_ROUTE
                // (NL_CFG_F_NONROOT_RECV).
                self.groups.insert(g, ());
            }
            SockOpt::DropMembership(g) => {
                if g == 0 || g > self.max_group() {
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
