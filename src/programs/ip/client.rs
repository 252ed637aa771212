//! The netlink client of lib/libnetlink.c: a socket with a sequence
//! counter, request/acknowledge exchanges (`rtnl_talk`) that print kernel
//! errors as iproute2 does, and dump collection (`rtnl_dump_filter`).

use super::nl::{Msg, Req};
use super::print::Printer;
use crate::errno::Errno;
use crate::host::{Host, NetlinkSocket, SockOpt};
use crate::wire::errmsg::ErrorRepr;
use crate::wire::{NLM_F_ACK, NLM_F_DUMP, NLM_F_DUMP_INTR, NLM_F_REQUEST, NLMSG_DONE, NLMSG_ERROR};

/// An open NETLINK_ROUTE socket (`struct rtnl_handle`).
pub struct Rtnl {
    sock: Box<dyn NetlinkSocket>,
    /// The last sequence number used (`rth->seq`).
    pub seq: u32,
    dump: u32,
    pid: u32,
    /// Replies not yet read: `queue[head..]`, oldest first.
    queue: Vec<Vec<u8>>,
    head: usize,
}

/// How a dump ended.
#[derive(Debug, Clone, Default)]
pub struct DumpEnd {
    /// Whether NLMSG_DONE arrived without an error.
    pub ok: bool,
    /// What iproute2 prints on standard error for this ending, if anything.
    pub stderr: String,
}

impl Rtnl {
    /// Opens a socket in the host's current namespace with extended acks
    /// on (`rtnl_open`); `strict` also sets NETLINK_GET_STRICT_CHK
    /// (`rtnl_set_strict_dump`).
    pub fn open(host: &mut dyn Host, strict: bool) -> Result<Rtnl, Errno> {
        let mut sock = host.socket(None)?;
        // Older kernels may refuse these; iproute2 ignores the failures.
        let _ = sock.set_option(SockOpt::ExtAck(true));
        if strict {
            let _ = sock.set_option(SockOpt::StrictCheck(true));
        }
        let pid = sock.port_id();
        Ok(Rtnl { sock, seq: 0, dump: 0, pid, queue: Vec::new(), head: 0 })
    }

    /// The socket's port id.
    pub fn port_id(&self) -> u32 {
        self.pid
    }

    /// Sends bytes as they are (`rtnl_send`); replies are queued.
    pub fn send(&mut self, bytes: &[u8]) {
        let replies = self.sock.send(bytes);
        self.queue.extend(replies);
    }

    /// The next queued reply, if any.
    pub fn recv(&mut self) -> Option<Vec<u8>> {
        let next = self.queue.get_mut(self.head).map(std::mem::take);
        self.head += 1;
        if self.head >= self.queue.len() {
            self.queue.clear();
            self.head = 0;
        }
        next
    }

    /// Drops whatever replies are still queued.
    pub fn discard_pending(&mut self) {
        self.queue.clear();
        self.head = 0;
    }

    /// Multicast notifications waiting on the socket.
    pub fn drain_notifications(&mut self) -> Vec<Vec<u8>> {
        self.sock.drain()
    }

    /// Sets a socket option.
    pub fn set_option(&mut self, opt: SockOpt) -> Result<(), Errno> {
        self.sock.set_option(opt)
    }

    /// Sends a dump request: flags become `NLM_F_DUMP|NLM_F_REQUEST`, the
    /// sequence number is the next one. `pad_to` sends the request inside a
    /// zero-filled buffer of that size, as iproute2's fixed request structs
    /// do (its `nlmsg_len` stays the real length).
    pub fn dump_request(&mut self, req: &mut Req, pad_to: usize) {
        req.set_flags(NLM_F_DUMP | NLM_F_REQUEST);
        self.seq = self.seq.wrapping_add(1);
        self.dump = self.seq;
        req.set_seq(self.seq);
        let mut bytes = req.bytes().to_vec();
        if bytes.len() < pad_to {
            bytes.resize(pad_to, 0);
        }
        self.send(&bytes);
    }

    /// Collects the replies of the last dump request up to NLMSG_DONE or an
    /// error (`rtnl_dump_filter_l` without the callback). Messages for other
    /// ports or sequence numbers are skipped.
    pub fn dump_collect(&mut self) -> (Vec<Vec<u8>>, DumpEnd) {
        let mut msgs = Vec::new();
        let mut intr = false;
        while let Some(raw) = self.recv() {
            let Some(m) = Msg::parse(&raw) else { continue };
            if m.hdr.pid != self.pid || m.hdr.seq != self.dump {
                continue;
            }
            if m.hdr.flags & NLM_F_DUMP_INTR != 0 {
                intr = true;
            }
            if m.hdr.kind == NLMSG_DONE {
                let mut end = done_status(&m);
                if end.ok && intr {
                    end.stderr.push_str("Dump was interrupted and may be inconsistent.\n");
                }
                return (msgs, end);
            }
            if m.hdr.kind == NLMSG_ERROR {
                let mut end = DumpEnd::default();
                match ErrorRepr::parse(m.payload, m.hdr.flags) {
                    Ok(e) => {
                        end.stderr = format!("RTNETLINK answers: {}\n", Errno(-e.error).message());
                    }
                    Err(_) => end.stderr = "ERROR truncated\n".to_string(),
                }
                return (msgs, end);
            }
            msgs.push(raw);
        }
        (msgs, DumpEnd { ok: false, stderr: "EOF on netlink\n".to_string() })
    }

    /// Sends a request and waits for its answer (`rtnl_talk`). With
    /// `want_answer` the first reply is returned; otherwise NLM_F_ACK is
    /// added and success is an acknowledgement. Errors are printed as
    /// iproute2 prints them unless `show_err` is false; the error is the
    /// positive errno.
    pub fn talk(&mut self, p: &mut Printer, req: &mut Req, want_answer: bool, show_err: bool) -> Result<Option<Vec<u8>>, i32> {
        self.seq = self.seq.wrapping_add(1);
        let seq = self.seq;
        req.set_seq(seq);
        if !want_answer {
            req.set_flags(req.flags() | NLM_F_ACK);
        }
        let bytes = req.bytes().to_vec();
        self.send(&bytes);
        while let Some(raw) = self.recv() {
            let Some(m) = Msg::parse(&raw) else { continue };
            if m.hdr.pid != self.pid || m.hdr.seq != seq {
                continue;
            }
            if m.hdr.kind == NLMSG_ERROR {
                let Ok(e) = ErrorRepr::parse(m.payload, m.hdr.flags) else {
                    p.err("ERROR truncated\n");
                    return Err(libc_eproto());
                };
                if e.error == 0 {
                    print_ext_ack(p, &e);
                    return Ok(want_answer.then_some(raw));
                }
                if show_err && !print_ext_ack(p, &e) {
                    p.err(&format!("RTNETLINK answers: {}\n", Errno(-e.error).message()));
                }
                return Err(-e.error);
            }
            if want_answer {
                return Ok(Some(raw));
            }
            p.err("Unexpected reply!!!\n");
        }
        p.err("EOF on netlink\n");
        Err(61)
    }
}

fn libc_eproto() -> i32 {
    71
}

/// Prints an extended-ack message (`nl_dump_ext_ack`): "Error: MSG." for
/// errors, "Warning: MSG." for acknowledgements. Returns whether the error
/// was reported this way.
pub fn print_ext_ack(p: &mut Printer, e: &ErrorRepr) -> bool {
    match e.message.as_deref() {
        Some(msg) if !msg.is_empty() => {
            p.err(&ext_ack_text(e.error != 0, msg));
            e.error != 0
        }
        _ => false,
    }
}

fn ext_ack_text(is_err: bool, msg: &str) -> String {
    let dot = if msg.ends_with('.') { "" } else { "." };
    format!("{}: {}{}\n", if is_err { "Error" } else { "Warning" }, msg, dot)
}

/// What an NLMSG_DONE message means (`rtnl_dump_done`).
fn done_status(m: &Msg) -> DumpEnd {
    let Some(len) = crate::wire::get_i32(m.payload, 0) else {
        return DumpEnd { ok: false, stderr: "DONE truncated\n".to_string() };
    };
    if len >= 0 {
        return DumpEnd { ok: true, stderr: String::new() };
    }
    // Extended-ack attributes follow the int (`nl_dump_ext_ack_done`).
    let tlvs = m.payload.get(4..).unwrap_or(&[]);
    for nla in crate::wire::NlaIter::new(tlvs).flatten() {
        if nla.kind == crate::wire::NLMSGERR_ATTR_MSG {
            let msg = super::nl::nla_str(nla.value);
            if !msg.is_empty() {
                return DumpEnd { ok: false, stderr: ext_ack_text(true, &msg) };
            }
        }
    }
    let errno = -len;
    let stderr = match errno {
        2 | 95 => String::new(),
        90 => "Error: Buffer too small for object.\n".to_string(),
        e => format!("RTNETLINK answers: {}\n", Errno(e).message()),
    };
    DumpEnd { ok: false, stderr }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ext_ack_adds_a_period_once() {
        assert_eq!(ext_ack_text(true, "Unknown device type"), "Error: Unknown device type.\n");
        assert_eq!(ext_ack_text(true, "Done."), "Error: Done.\n");
        assert_eq!(ext_ack_text(false, "careful"), "Warning: careful.\n");
    }
}
