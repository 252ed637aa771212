//! `ip address flush` (ip/ipaddress.c `ipaddr_flush`): rounds of dump,
//! then one datagram of RTM_DELADDR copies of the matching addresses.

use super::super::args::{Exit, Res};
use super::super::ctx::Ip;
use super::super::filter::Filter;
use super::super::flush;
use super::super::nl::Msg;
use super::show::{Seen, print_addrinfo};
use crate::wire::addr::ifa_f;

/// Sends the queued deletions in one datagram (`flush_update` with
/// `rtnl_send_check`); an error other than EADDRNOTAVAIL fails.
fn flush_update(ip: &mut Ip, buf: &mut Vec<u8>) -> Result<(), ()> {
    if buf.is_empty() {
        return Ok(());
    }
    ip.rth.send(buf);
    buf.clear();
    // Peek at the first reply, as MSG_PEEK|MSG_DONTWAIT does.
    if let Some(raw) = ip.rth.recv() {
        if let Some(m) = Msg::parse(&raw) {
            if m.hdr.kind == crate::wire::NLMSG_ERROR {
                let err = crate::wire::get_i32(m.payload, 0).unwrap_or(0);
                if err != 0 && -err != 99 {
                    ip.err(&format!("Failed to send flush request: {}\n", crate::errno::Errno(-err).message()));
                    return Err(());
                }
            }
        }
    }
    Ok(())
}

/// `ipaddr_flush`.
pub fn ipaddr_flush(ip: &mut Ip, f: &mut Filter) -> Res<i32> {
    f.flushing = true;
    let max = ip.o.loops;
    let mut round = 0;
    let mut buf: Vec<u8> = Vec::new();
    while max == 0 || round < max {
        let (msgs, end) = super::addr_dump(ip, f);
        let mut flushed = 0;
        for raw in &msgs {
            if let Seen::Matched = print_addrinfo(ip, f, raw)? {
                if flush::is_full(&buf, raw.len()) && flush_update(ip, &mut buf).is_err() {
                    ip.err("Flush terminated\n");
                    return Err(Exit(1));
                }
                flush::queue(ip, &mut buf, raw, super::RTM_DELADDR);
                flushed += 1;
            }
        }
        if !end.ok {
            ip.err(&end.stderr);
            ip.err("Flush terminated\n");
            return Err(Exit(1));
        }
        ip.err(&end.stderr);
        if flushed == 0 {
            flush_done(ip, round);
            return Ok(0);
        }
        round += 1;
        if flush_update(ip, &mut buf).is_err() {
            return Ok(1);
        }
        if ip.o.stats > 0 {
            ip.p.fp(&format!("\n*** Round {round}, deleting {flushed} addresses ***\n"));
        }
        // Flushing primaries only: one round, or promoted secondaries
        // would go too.
        if f.flags & ifa_f::SECONDARY == 0 && f.flagmask & ifa_f::SECONDARY != 0 {
            flush_done(ip, round);
            return Ok(0);
        }
    }
    ip.err(&format!("*** Flush remains incomplete after {max} rounds. ***\n"));
    Ok(1)
}

fn flush_done(ip: &mut Ip, round: i32) {
    if ip.o.stats > 0 {
        if round == 0 {
            ip.p.fp("Nothing to flush.\n");
        } else {
            let s = if round > 1 { "s" } else { "" };
            ip.p.fp(&format!("*** Flush is complete after {round} round{s} ***\n"));
        }
    }
}
