//! vrf: `ip link add NAME type vrf table N` (IFLA_VRF_TABLE) and the
//! `vrf_slave` details of its ports (iproute2 ip/iplink_vrf.c).

use crate::programs::ip::args::{Args, Res, matches};
use crate::programs::ip::ctx::Ip;
use crate::programs::ip::names::rttable_a2n;
use crate::programs::ip::nl::{Attrs, Req};
use crate::programs::ip::print::Kind;
use crate::programs::ip::usage;
use crate::wire::link::{vrf, vrf_port};

/// `vrf_parse_opt`.
pub(super) fn parse_opt(ip: &mut Ip, words: &[String], req: &mut Req) -> Res<i32> {
    let mut a = Args::new(words);
    while let Some(w) = a.peek() {
        if matches(w, "table") {
            let v = ip.next_arg(&mut a)?;
            match rttable_a2n(v) {
                Some(t) => req.addattr32(vrf::TABLE, t),
                None => return Err(ip.invarg("invalid table ID\n", v)),
            }
        } else if matches(w, "help") {
            ip.err(usage::TYPE_VRF);
            return Ok(-1);
        } else {
            ip.err(&format!("vrf: unknown option \"{w}\"?\n"));
            ip.err(usage::TYPE_VRF);
            return Ok(-1);
        }
        a.advance();
    }
    Ok(0)
}

/// `vrf_print_opt`: "table N ".
pub(super) fn print_opt(ip: &mut Ip, data: Option<&[u8]>) -> Res<()> {
    let Some(data) = data else { return Ok(()) };
    if let Some(t) = Attrs::parse(data, vrf::MAX).get(vrf::TABLE).and_then(|n| n.u32().ok()) {
        ip.p.print_uint(Kind::Any, Some("table"), "table %u ", u64::from(t));
    }
    Ok(())
}

/// `vrf_slave_print_opt`: the port's VRF table.
pub(super) fn slave_print_opt(ip: &mut Ip, data: Option<&[u8]>) -> Res<()> {
    let Some(data) = data else { return Ok(()) };
    if let Some(t) = Attrs::parse(data, vrf_port::MAX).get(vrf_port::TABLE).and_then(|n| n.u32().ok()) {
        ip.p.print_uint(Kind::Any, Some("table"), "table %u ", u64::from(t));
    }
    Ok(())
}
