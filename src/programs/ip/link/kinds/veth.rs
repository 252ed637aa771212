//! veth: `ip link add ... type veth peer NAME ...` (VETH_INFO_PEER).

use crate::programs::ip::args::Res;
use crate::programs::ip::ctx::Ip;
use crate::programs::ip::nl::Req;
use crate::programs::ip::usage;

pub(super) fn veth_parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
    if words.first().map(String::as_str) != Some("peer") {
        // veth's usage goes to standard output whatever the stream asked.
        ip.p.fp(usage::TYPE_VETH);
        return Ok(-1);
    }
    // The peer's ifinfomsg sits at the start of VETH_INFO_PEER; the peer's
    // words are parsed into the same request with the main header saved.
    let saved: Vec<u8> = req.body()[..16].to_vec();
    let zero_from = |b: &mut [u8]| b[4..16].fill(0);
    zero_from(&mut req.body_mut()[..16]);
    let nest = req.nest(crate::wire::link::veth_info::PEER);
    let peer_at = req.len();
    req.push_raw(&[0u8; 16]);
    let rest = &words[1..];
    let (consumed, ty) = super::super::iplink_parse(ip, rest, req)?;
    if consumed < 0 {
        return Ok(consumed);
    }
    if ty.is_some() {
        // iproute2 names the word at the peer's count from "peer".
        let bad = words.get(consumed as usize).cloned().unwrap_or_default();
        return Err(ip.duparg("type", &bad));
    }
    // Move index, flags and change from the main header into the peer's.
    let main = req.body()[..16].to_vec();
    req.write_at(peer_at + 4, &main[4..16]);
    crate::wire::put_bytes(req.body_mut(), 4, &saved[4..16]);
    req.nest_end(nest);
    Ok(0)
}
