//! The flush buffer of `ip route|neigh|address flush`: copies of the dumped
//! objects, turned into delete requests, queued and sent together when the
//! buffer fills and at the end of each round (iproute2's `flush_update`).

use super::args::{Exit, Res};
use super::ctx::Ip;
use super::nl::Msg;

/// iproute2's flush buffer (`4096 - 512` bytes).
const FLUSH_BUF: usize = 4096 - 512;

/// Whether a message of `len` bytes no longer fits after the queued ones.
pub fn is_full(buf: &[u8], len: usize) -> bool {
    crate::wire::align4(buf.len()) + len > FLUSH_BUF
}

/// Queues a copy of the dumped message `raw` as a `kind` request
/// (NLM_F_REQUEST, the socket's next sequence number).
pub fn queue(ip: &mut Ip, buf: &mut Vec<u8>, raw: &[u8], kind: u16) {
    buf.resize(crate::wire::align4(buf.len()), 0);
    let at = buf.len();
    buf.extend_from_slice(raw);
    ip.rth.seq = ip.rth.seq.wrapping_add(1);
    let seq = ip.rth.seq;
    crate::wire::put_bytes(buf, at + 4, &kind.to_ne_bytes());
    crate::wire::put_bytes(buf, at + 6, &crate::wire::NLM_F_REQUEST.to_ne_bytes());
    crate::wire::put_bytes(buf, at + 8, &seq.to_ne_bytes());
}

/// Sends the queued deletions and reads every answer (`rtnl_send_check`):
/// the first error fails the flush, with iproute2's message.
pub fn send_checked(ip: &mut Ip, buf: &mut Vec<u8>) -> Res<()> {
    if buf.is_empty() {
        return Ok(());
    }
    ip.rth.send(buf);
    buf.clear();
    let mut failed = None;
    while let Some(raw) = ip.rth.recv() {
        let Some(m) = Msg::parse(&raw) else { continue };
        if m.hdr.kind == crate::wire::NLMSG_ERROR {
            let err = crate::wire::get_i32(m.payload, 0).unwrap_or(0);
            if err != 0 && failed.is_none() {
                failed = Some(-err);
            }
        }
    }
    match failed {
        Some(e) => {
            ip.err(&format!("Failed to send flush request: {}\n", crate::errno::Errno(e).message()));
            Err(Exit(1))
        }
        None => Ok(()),
    }
}
