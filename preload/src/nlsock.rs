//! One simulated NETLINK_ROUTE socket as the application sees it: the
//! application holds one end of an AF_UNIX datagram socket pair as "the
//! netlink descriptor"; the shim keeps the other end and writes every reply
//! and notification into it, one netlink message a datagram. So reads,
//! MSG_PEEK/MSG_TRUNC probing and poll/select/epoll readiness are the real
//! kernel's, on the pair.

use std::collections::{BTreeSet, VecDeque};

use iplab::host::SockOpt;
use iplab::stack::NsId;
use libc::c_int;

use crate::real;

/// A simulated netlink socket.
pub struct NlSock {
    /// The iplab socket (None when its namespace is gone).
    pub sock: Option<iplab::Socket>,
    /// The namespace it was opened in.
    pub ns: NsId,
    /// The shim's end of the pair.
    pub peer: c_int,
    /// SOCK_RAW or SOCK_DGRAM.
    pub kind: c_int,
    /// The netlink protocol (one of [`crate::boundary::MODELLED_NETLINK`]).
    pub proto: c_int,
    /// The port id the application sees (getsockname); 0 until bound.
    pub port: u32,
    /// Multicast groups joined (1-based).
    pub groups: BTreeSet<u32>,
    /// NETLINK_EXT_ACK.
    pub ext_ack: bool,
    /// NETLINK_CAP_ACK.
    pub cap_ack: bool,
    /// NETLINK_GET_STRICT_CHK.
    pub strict: bool,
    /// Other SOL_NETLINK flags (PKTINFO, BROADCAST_ERROR, NO_ENOBUFS, LISTEN_ALL_NSID).
    pub flags: BTreeSet<c_int>,
    /// SO_SNDBUF as getsockopt reports it.
    pub sndbuf: c_int,
    /// SO_RCVBUF as getsockopt reports it.
    pub rcvbuf: c_int,
    /// Messages not yet written into the pair (it was full).
    pub pending: VecDeque<Vec<u8>>,
    /// Application descriptors referring to it (dup).
    pub refs: usize,
}

impl NlSock {
    /// A socket on `peer`, not bound yet.
    pub fn new(sock: iplab::Socket, ns: NsId, peer: c_int, kind: c_int, proto: c_int) -> NlSock {
        NlSock {
            sock: Some(sock),
            ns,
            peer,
            kind,
            proto,
            port: 0,
            groups: BTreeSet::new(),
            ext_ack: false,
            cap_ack: false,
            strict: false,
            flags: BTreeSet::new(),
            sndbuf: 212992,
            rcvbuf: 212992,
            pending: VecDeque::new(),
            refs: 1,
        }
    }

    /// The iplab port id (0 without a socket).
    pub fn inner_port(&self) -> u32 {
        self.sock.as_ref().map_or(0, |s| s.port_id())
    }

    /// Binds: the port id the application asked for (0: the iplab one).
    pub fn bind_port(&mut self, port: u32) {
        if port != 0 {
            self.port = port;
        } else if self.port == 0 {
            self.port = self.inner_port();
        }
    }

    /// The group bit mask of groups 1..=32 (getsockname's nl_groups).
    pub fn group_mask(&self) -> u32 {
        self.groups.iter().filter(|g| **g >= 1 && **g <= 32).fold(0, |m, g| m | (1u32 << (g - 1)))
    }

    /// Applies every option to the iplab socket (after it was reopened).
    pub fn reapply(&self) {
        let Some(s) = &self.sock else { return };
        let _ = s.set_option(SockOpt::ExtAck(self.ext_ack));
        let _ = s.set_option(SockOpt::CapAck(self.cap_ack));
        let _ = s.set_option(SockOpt::StrictCheck(self.strict));
        for g in &self.groups {
            let _ = s.set_option(SockOpt::AddMembership(*g));
        }
    }

    /// Writes queued messages into the pair until it is full.
    pub fn flush(&mut self) {
        while let Some(m) = self.pending.front() {
            // SAFETY: a valid buffer; the peer descriptor is ours.
            let n = unsafe { real::send(self.peer, m.as_ptr().cast(), m.len(), libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL) };
            if n < 0 {
                let e = crate::guard::errno();
                if e == libc::EAGAIN || e == libc::EWOULDBLOCK || e == libc::ENOBUFS {
                    return;
                }
                // The application closed its end: nobody will read these.
                self.pending.clear();
                return;
            }
            self.pending.pop_front();
        }
    }
}
