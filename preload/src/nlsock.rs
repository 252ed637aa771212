//! One simulated NETLINK_ROUTE socket as the application sees it: the
//! application holds one end of an AF_UNIX datagram socket pair as "the
//! netlink descriptor"; the shim keeps the other end and writes every reply
//! and notification into it. So reads, MSG_PEEK/MSG_TRUNC probing and
//! poll/select/epoll readiness are the real kernel's, on the pair.
//!
//! Datagrams are cut as Linux cuts them: an ACK, error or notification is
//! a datagram of its own; a dump (NLM_F_MULTI messages up to NLMSG_DONE)
//! comes as many whole messages a datagram as fit in the size
//! `netlink_dump` allocates (NLMSG_GOODSIZE, or the largest buffer the
//! reader has passed to recvmsg, at most SKB_WITH_OVERHEAD(32768)), and the
//! next part is made only when the reader has read what is queued (as
//! `netlink_recvmsg` calls `netlink_dump`).

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
    /// The largest buffer a read has passed (`max_recvmsg_len`), capped.
    pub max_recv: usize,
    group_map: bool,
}

/// `sizeof(struct skb_shared_info)` aligned, on 64-bit Linux 6.x: what
/// SKB_WITH_OVERHEAD takes off an allocation.
const SKB_OVERHEAD: usize = 320;
/// The largest dump datagram: SKB_WITH_OVERHEAD(32768).
pub const DUMP_MAX: usize = 32768 - SKB_OVERHEAD;
const NLM_F_MULTI: u16 = 2;
const NLMSG_ERROR: u16 = 2;
const NLMSG_DONE: u16 = 3;

/// NLMSG_GOODSIZE: SKB_WITH_OVERHEAD(min(PAGE_SIZE, 8192)), 3776 bytes
/// with 4 KiB pages.
pub fn goodsize() -> usize {
    // SAFETY: no arguments.
    let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(4096);
    page.min(8192) - SKB_OVERHEAD
}

fn msg_type(m: &[u8]) -> u16 {
    m.get(4..6).map_or(0, |b| u16::from_ne_bytes([b[0], b[1]]))
}

fn is_multi(m: &[u8]) -> bool {
    m.get(6..8).is_some_and(|b| u16::from_ne_bytes([b[0], b[1]]) & NLM_F_MULTI != 0)
}

/// How many messages from the front of `queue` go into the next datagram
/// when dump parts hold at most `limit` bytes: a lone message unless it is
/// part of a dump; else whole dump messages while they fit (at least one).
/// The dump's NLMSG_DONE (or its error) goes alone: `netlink_dump` puts it
/// in a fresh skb after the callback had filled the last one.
pub fn next_datagram(queue: &VecDeque<Vec<u8>>, limit: usize) -> usize {
    let Some(first) = queue.front() else { return 0 };
    let ends = |m: &[u8]| matches!(msg_type(m), NLMSG_DONE | NLMSG_ERROR);
    if !is_multi(first) || ends(first) {
        return 1;
    }
    let (mut n, mut size) = (0, 0);
    for m in queue {
        if !is_multi(m) || ends(m) || (n > 0 && size + m.len() > limit) {
            break;
        }
        n += 1;
        size += m.len();
    }
    n
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
            max_recv: 0,
            group_map: false,
        }
    }

    /// The iplab port id (0 without a socket).
    pub fn inner_port(&self) -> u32 {
        self.sock.as_ref().map_or(0, |s| s.port_id())
    }

    /// Whether the group bit map exists (`netlink_realloc_groups` ran: a
    /// bind with groups or a membership change), so LIST_MEMBERSHIPS
    /// reports its length.
    pub fn has_group_map(&self) -> bool {
        self.group_map
    }

    /// Marks that the group bit map exists.
    pub fn make_group_map(&mut self) {
        self.group_map = true;
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

    /// A read of `len` bytes was asked for (`netlink_recvmsg` keeps the
    /// largest, capped); then the next part of a dump may go out.
    pub fn after_read(&mut self, len: usize) {
        self.max_recv = self.max_recv.max(len).min(DUMP_MAX);
        self.flush();
    }

    /// Bytes written into the pair and not read yet.
    fn unread(&self) -> usize {
        let mut n: c_int = 0;
        // SAFETY: our own descriptor and an int for the answer.
        let r = unsafe { real::ioctl(self.peer, libc::TIOCOUTQ, (&mut n as *mut c_int) as usize) };
        if r == 0 { usize::try_from(n).unwrap_or(0) } else { 0 }
    }

    /// Writes queued messages into the pair, as datagrams cut the way
    /// Linux cuts them (see the module doc), until it is full or a dump
    /// part waits for the reader.
    pub fn flush(&mut self) {
        loop {
            let Some(front) = self.pending.front() else { return };
            if is_multi(front) && self.unread() > 0 {
                return;
            }
            let n = next_datagram(&self.pending, goodsize().max(self.max_recv));
            let datagram: Vec<u8> = self.pending.iter().take(n).flatten().copied().collect();
            // SAFETY: a valid buffer; the peer descriptor is ours.
            let sent = unsafe { real::send(self.peer, datagram.as_ptr().cast(), datagram.len(), libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL) };
            if sent < 0 {
                let e = crate::guard::errno();
                if e == libc::EAGAIN || e == libc::EWOULDBLOCK || e == libc::ENOBUFS {
                    return;
                }
                // The application closed its end: nobody will read these.
                self.pending.clear();
                return;
            }
            self.pending.drain(..n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(ty: u16, flags: u16, len: usize) -> Vec<u8> {
        let mut m = vec![0u8; len];
        m[0..4].copy_from_slice(&(len as u32).to_ne_bytes());
        m[4..6].copy_from_slice(&ty.to_ne_bytes());
        m[6..8].copy_from_slice(&flags.to_ne_bytes());
        m
    }

    #[test]
    fn dumps_pack_whole_messages_up_to_the_limit() {
        let mut q: VecDeque<Vec<u8>> = (0..100).map(|_| msg(16, NLM_F_MULTI, 1000)).collect();
        q.push_back(msg(NLMSG_DONE, NLM_F_MULTI, 20));
        q.push_back(msg(16, 0, 100));
        assert_eq!(next_datagram(&q, 3776), 3);
        assert_eq!(next_datagram(&q, DUMP_MAX), 32);
        q.drain(..96);
        // The rest of the dump; its DONE alone; then the notification alone.
        assert_eq!(next_datagram(&q, DUMP_MAX), 4);
        q.drain(..4);
        assert_eq!(next_datagram(&q, DUMP_MAX), 1);
        q.drain(..1);
        assert_eq!(next_datagram(&q, DUMP_MAX), 1);
    }

    #[test]
    fn acks_and_notifications_go_alone_and_big_messages_still_go() {
        let q: VecDeque<Vec<u8>> = [msg(NLMSG_ERROR, 0, 36), msg(NLMSG_ERROR, 0, 36)].into_iter().collect();
        assert_eq!(next_datagram(&q, 3776), 1);
        let q: VecDeque<Vec<u8>> = [msg(16, NLM_F_MULTI, 5000), msg(16, NLM_F_MULTI, 10)].into_iter().collect();
        assert_eq!(next_datagram(&q, 3776), 1);
    }
}
