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

/// `__sock_set_rcvbuf`: the value doubled (for the kernel's bookkeeping),
/// kept within an int and at least SOCK_MIN_RCVBUF.
fn set_rcvbuf(v: u32) -> u32 {
    v.min(i32::MAX as u32 / 2).saturating_mul(2).max(SOCK_MIN_RCVBUF)
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
    /// `sk_rcvbuf`: how much the queue may hold, in bytes of truesize.
    pub rcvbuf: u32,
    /// `sk_rmem_alloc`: the truesize of what is queued.
    pub rmem_alloc: u64,
    /// NETLINK_S_CONGESTED: a notification was dropped and the queue has
    /// not been emptied since; every further one is dropped too.
    pub congested: bool,
    /// `sk_err`: ENOBUFS after an overrun, reported by the next read.
    pub error: Option<Errno>,
}

/// `SOCK_MIN_RCVBUF` as measured on Linux 6.18 (x86_64).
pub const SOCK_MIN_RCVBUF: u32 = 2304;
/// `net.core.rmem_max` and `rmem_default`: the kernel's default.
pub const RMEM_MAX: u32 = 212_992;

/// The receive-buffer charge of one queued message (`skb->truesize`): the
/// data area a notification is built in, rounded up as kmalloc does, plus
/// the `sk_buff` and `skb_shared_info` around it. An approximation of
/// Linux's sizes; what is exact is that the queue stops taking messages
/// once the charge passes `rcvbuf`.
pub fn truesize(len: usize) -> u64 {
    (len as u64).max(256).next_power_of_two() + 576
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
            rcvbuf: RMEM_MAX,
            rmem_alloc: 0,
            congested: false,
            error: None,
        }
    }

    /// Whether the socket listens to a group.
    pub fn in_group(&self, g: u32) -> bool {
        self.groups.contains_key(&g)
    }

    /// Queues a notification (`netlink_broadcast_deliver`): taken while the
    /// queue's charge is within `rcvbuf` and no overrun is pending; else
    /// dropped, and the first drop leaves ENOBUFS for the reader
    /// (`netlink_overrun`). Returns whether it was queued.
    pub fn enqueue(&mut self, msg: Vec<u8>) -> bool {
        if self.congested || self.rmem_alloc > u64::from(self.rcvbuf) {
            if !self.congested {
                self.error = Some(Errno::ENOBUFS);
                self.congested = true;
            }
            return false;
        }
        self.rmem_alloc += truesize(msg.len());
        self.queue.push(msg);
        true
    }

    /// Takes everything queued; an empty queue ends the congestion
    /// (`netlink_rcv_wake`).
    pub fn take_queue(&mut self) -> Vec<Vec<u8>> {
        self.rmem_alloc = 0;
        self.congested = false;
        std::mem::take(&mut self.queue)
    }

    /// Takes the pending socket error (`sock_error`), reported once.
    pub fn take_error(&mut self) -> Option<Errno> {
        self.error.take()
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
            // sock_setsockopt SO_RCVBUF: at most rmem_max, doubled, at
            // least SOCK_MIN_RCVBUF (a negative int reads as huge).
            SockOpt::RcvBuf(v) => self.rcvbuf = set_rcvbuf(v.min(RMEM_MAX)),
            // SO_RCVBUFFORCE: no rmem_max limit, but CAP_NET_ADMIN.
            SockOpt::RcvBufForce(v) => {
                if !self.creds.net_admin {
                    return Err(Errno::EPERM);
                }
                self.rcvbuf = set_rcvbuf(v.min(i32::MAX as u32));
            }
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
