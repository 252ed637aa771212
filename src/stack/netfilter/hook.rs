//! The netfilter hooks as the packet walk calls them (`nf_hook_slow`):
//! connection tracking first, then the base chains of the hook by priority
//! with the NAT step at its place (`nf_nat_ipv4_fn`: DNAT at PREROUTING
//! and OUTPUT, SNAT at POSTROUTING and INPUT), counters added as Linux
//! counts them (the IP datagram's length).

use std::net::{IpAddr, Ipv4Addr};

use super::conntrack::{Conn, CtInfo, Dir};
use super::eval::{Nat, Outcome, PacketCtx, run_chain};
use super::nat::Range;
use super::{Expr, Hook};
use crate::sim::packet::{Datagram, Icmp, Payload};
use crate::stack::{Net, NsId};
use crate::wire::nftables::family;

/// What the hook decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Go on (possibly rewritten by NAT).
    Accept,
    /// Drop silently.
    Drop,
    /// Drop and answer: an ICMP destination-unreachable code, or a TCP
    /// reset (None).
    Reject(Option<u8>),
    /// Taken by the hook (not used yet: queueing).
    Stolen,
}

/// The NAT step's priority when no nat chain names one
/// (NF_IP_PRI_NAT_DST, NF_IP_PRI_NAT_SRC).
fn nat_priority(hook: Hook) -> i32 {
    if is_dst_manip(hook) { -100 } else { 100 }
}

fn is_dst_manip(hook: Hook) -> bool {
    matches!(hook, Hook::Prerouting | Hook::Output)
}

/// Runs the hook `hook` of namespace `ns` on a packet that came in on
/// `iif` and leaves by `oif` (0 when not known). NAT may rewrite the
/// packet's addresses and ports in place.
pub fn hook(net: &mut Net, ns: NsId, hook: Hook, p: &mut Datagram, devs: (u32, u32, Option<[u8; 6]>), now_us: u64) -> Verdict {
    let (iif, oif, frame_src) = devs;
    let Some(n) = net.ns_mut(ns) else { return Verdict::Accept };
    let fam = if p.is_v6() { family::IPV6 } else { family::IPV4 };
    let has_chains =
        n.netfilter.tables.iter().any(|t| (t.family == fam || t.family == family::INET) && t.chains.iter().any(|c| c.base.is_some()));
    if !has_chains && n.netfilter.conntrack.conns.is_empty() {
        return Verdict::Accept;
    }
    let name_of = |i: u32| n.link(i).map(|l| l.name.clone()).unwrap_or_default();
    let (iname, oname) = (name_of(iif), name_of(oif));
    // The address masquerade and redirect use: the device's first global
    // address of the packet's family (nf_nat_masquerade_ipv6 and
    // nf_nat_redirect_ipv6 take an IPv6 one that is not tentative); the
    // loopback address for locally made packets.
    let v6 = p.is_v6();
    let dev_addr = |i: u32| -> Option<IpAddr> {
        let l = n.link(i)?;
        if v6 {
            // IFA_F_TENTATIVE is 0x40.
            l.addrs6.iter().find(|a| a.scope == 0 && a.flags & 0x40 == 0).map(|a| IpAddr::V6(a.addr.into()))
        } else {
            l.addrs4.iter().find(|a| a.scope == 0).map(|a| IpAddr::V4(Ipv4Addr::from(a.local)))
        }
    };
    let loopback = if v6 { IpAddr::V6(std::net::Ipv6Addr::LOCALHOST) } else { IpAddr::V4(Ipv4Addr::LOCALHOST) };
    let (masq_addr, redir_addr) = (dev_addr(oif), if hook == Hook::Output { Some(loopback) } else { dev_addr(iif) });
    let addr_types = (super::xt::addr_type(n, p.src), super::xt::addr_type(n, p.dst));
    let src_mac = frame_src.or_else(|| super::xt::neighbour_mac(n, iif, p.src));
    let nf = &mut n.netfilter;
    let tracked = if !conntrack_enabled(nf, fam) {
        None
    } else if matches!(hook, Hook::Prerouting | Hook::Output) {
        nf.conntrack.track(p, now_us)
    } else {
        nf.conntrack.find(p, now_us)
    };
    let (ct, dir) = tracked.map_or((CtInfo::Untracked, Dir::Original), |(_, d, c)| (c, d));
    let conn = tracked.map(|(i, _, _)| i);
    // The base chains of this hook, by priority; of equal priority the
    // last registered first (nf_hook_entries_grow).
    let mut chains: Vec<(i32, usize, usize, bool, u64)> = Vec::new();
    for (ti, t) in nf.tables.iter().enumerate() {
        if t.family != fam && t.family != family::INET {
            continue;
        }
        for (ci, c) in t.chains.iter().enumerate() {
            if let Some(b) = c.base.as_ref().filter(|b| b.hooknum == hook as u32) {
                chains.push((b.priority, ti, ci, b.kind == "nat", b.registered));
            }
        }
    }
    crate::sorting::sort_by_key(&mut chains, |c| (c.0, std::cmp::Reverse(c.4)));
    let nat_registered = nf.tables.iter().any(|t| t.chains.iter().any(|c| c.base.as_ref().is_some_and(|b| b.kind == "nat")));
    let nat_at = chains.iter().find(|c| c.3).map_or(nat_priority(hook), |c| c.0);
    let mut nat_done = !nat_registered;
    let mut order: Vec<Option<(usize, usize)>> = Vec::new();
    for c in chains.iter().filter(|c| !c.3) {
        if !nat_done && c.0 >= nat_at {
            order.push(None);
            nat_done = true;
        }
        order.push(Some((c.1, c.2)));
    }
    if !nat_done {
        order.push(None);
    }
    for step in order {
        // The connection as it stands at this step (the NAT step may have bound it).
        // A chain before conntrack's hook (NF_IP_PRI_CONNTRACK, -200) at
        // PREROUTING or OUTPUT sees the packet with no connection yet.
        let before_ct = matches!(hook, Hook::Prerouting | Hook::Output)
            && step.and_then(|(ti, ci)| nf.tables.get(ti)?.chains.get(ci)?.base.as_ref().map(|b| b.priority)).is_some_and(|p| p < -200);
        let conn_now = conn.filter(|_| !before_ct).and_then(|i| nf.conntrack.conns.get(i)).cloned();
        let ctx = PacketCtx {
            p,
            iif: (iif, &iname),
            oif: (oif, &oname),
            ct: if before_ct && tracked.is_some() { CtInfo::Invalid } else { ct },
            reply: dir == Dir::Reply,
            now_us,
            addr_types,
            src_mac,
            conn: conn_now,
        };
        let Some((ti, ci)) = step else {
            // The NAT step: decide for a new flow, then translate.
            if let Some(i) = conn {
                if ct == CtInfo::New && dir == Dir::Original {
                    let nat_chains: Vec<(usize, usize)> = chains.iter().filter(|c| c.3).map(|c| (c.1, c.2)).collect();
                    let mut decision = None;
                    for (ti, ci) in nat_chains {
                        let mut hits = Vec::new();
                        let out = nf.tables.get(ti).and_then(|t| run_chain(t, ci, &ctx, &mut hits));
                        add_counters(nf, ti, &hits, p.total_len() as u64);
                        match out {
                            Some(Outcome::Nat(d)) => {
                                decision = Some(d);
                                break;
                            }
                            Some(Outcome::Drop | Outcome::Reject(_)) => return Verdict::Drop,
                            _ => {}
                        }
                    }
                    if let Some(c) = nf.conntrack.conns.get_mut(i) {
                        bind(c, hook, decision, masq_addr, redir_addr);
                    }
                }
                if let Some(c) = nf.conntrack.conns.get(i) {
                    translate(c, hook, dir, p);
                }
            }
            continue;
        };
        let mut hits = Vec::new();
        let out = nf.tables.get(ti).and_then(|t| run_chain(t, ci, &ctx, &mut hits));
        let len = p.total_len() as u64;
        add_counters(nf, ti, &hits, len);
        match out {
            Some(Outcome::Accept | Outcome::Nat(_)) => {}
            Some(Outcome::Drop) => return Verdict::Drop,
            Some(Outcome::Reject(code)) => return Verdict::Reject(code),
            None => {
                // The base chain's policy, counted on the chain.
                let Some(base) = nf.tables.get_mut(ti).and_then(|t| t.chains.get_mut(ci)).and_then(|c| c.base.as_mut()) else { continue };
                if let Some((packets, bytes)) = base.counters.as_mut() {
                    *packets += 1;
                    *bytes += len;
                }
                if base.policy == 0 {
                    return Verdict::Drop;
                }
            }
        }
    }
    Verdict::Accept
}

/// Whether connection tracking runs for the family: only while some rule
/// of its tables (or inet's) holds an expression that takes a reference on
/// it (`nf_ct_netns_get`: nft's ct, nat, masq and redir, xt's conntrack
/// and state matches and NAT targets). A nat chain alone does not, and
/// without conntrack `nf_nat_inet_fn` returns before the nat chains run.
fn conntrack_enabled(nf: &super::NfTables, fam: u8) -> bool {
    let needs = |e: &Expr| match e {
        Expr::Ct { .. } | Expr::Nat { .. } | Expr::Masq { .. } | Expr::Redir { .. } => true,
        Expr::Match { name, .. } => matches!(name.as_str(), "conntrack" | "state"),
        Expr::Target { name, .. } => matches!(name.as_str(), "SNAT" | "DNAT" | "MASQUERADE" | "REDIRECT"),
        _ => false,
    };
    nf.tables
        .iter()
        .filter(|t| t.family == fam || t.family == family::INET)
        .any(|t| t.chains.iter().any(|c| c.rules.iter().any(|r| r.exprs.iter().any(needs))))
}

/// Adds a packet to the counter expressions that matched.
fn add_counters(nf: &mut super::NfTables, table: usize, hits: &super::eval::Hits, len: u64) {
    for &(ci, ri, ei, limit) in hits {
        let e =
            nf.tables.get_mut(table).and_then(|t| t.chains.get_mut(ci)).and_then(|c| c.rules.get_mut(ri)).and_then(|r| r.exprs.get_mut(ei));
        match e {
            Some(Expr::Counter { bytes, packets }) => {
                *packets += 1;
                *bytes += len;
            }
            Some(Expr::Limit { bucket, .. }) => *bucket = limit,
            _ => {}
        }
    }
}

/// `nf_nat_setup_info`: a NAT decision becomes the flow's reply tuple.
fn bind(c: &mut Conn, hook: Hook, decision: Option<Nat>, masq: Option<IpAddr>, redir: Option<IpAddr>) {
    let dst_manip = is_dst_manip(hook);
    if dst_manip {
        c.dst_nat_done = true;
    } else {
        c.src_nat_done = true;
    }
    let (range, snat) = match decision {
        Some(Nat::Snat(r)) if !dst_manip => (r, true),
        Some(Nat::Masq(r)) if !dst_manip => (Range { addr: masq.map(|a| (a, a)), ..r }, true),
        Some(Nat::Dnat(r)) if dst_manip => (r, false),
        Some(Nat::Redir(r)) if dst_manip => (Range { addr: redir.map(|a| (a, a)), ..r }, false),
        _ => return,
    };
    // The flow as it leaves now (an earlier manip applied): the reply
    // tuple inverted.
    let (src, dst) = ((c.reply.dst, c.reply.dport), (c.reply.src, c.reply.sport));
    let icmp = c.orig.proto == 1 || c.orig.proto == 58;
    let (addr, port) = super::nat::choose(src, dst, &range, snat, icmp);
    if snat {
        c.reply.dst = addr;
        c.reply.dport = port;
    } else {
        c.reply.src = addr;
        c.reply.sport = port;
    }
}

/// `nf_nat_packet` and `nf_nat_icmp_reply_translation`: rewrites the
/// packet (and what an ICMP error quotes) to the tuple its direction
/// should carry after this hook.
fn translate(c: &Conn, hook: Hook, dir: Dir, p: &mut Datagram) {
    let (snat, dnat) = c.nat_status();
    let dst_manip = is_dst_manip(hook);
    // IPS_SRC_NAT for a source manip in the original direction, swapped
    // in the reply direction.
    let applies = match (dst_manip, dir) {
        (false, Dir::Original) | (true, Dir::Reply) => snat,
        (true, Dir::Original) | (false, Dir::Reply) => dnat,
    };
    if !applies {
        return;
    }
    // What a packet of this direction looks like fully translated.
    let target = if dir == Dir::Original { c.reply.invert() } else { c.orig.invert() };
    let ports = p.ports();
    if dst_manip {
        p.dst = target.dst;
        if let Some((s, _)) = ports {
            p.set_ports((s, target.dport));
        }
    } else {
        p.src = target.src;
        if let Some((_, d)) = ports {
            p.set_ports((target.sport, d));
        }
    }
    // The quoted packet travels the other way: the opposite field.
    if let Payload::Icmp(Icmp::Unreachable { quoted, .. } | Icmp::TimeExceeded { quoted }) = &mut p.payload {
        let inner = target.invert();
        let qports = quoted.ports();
        if dst_manip {
            quoted.src = inner.src;
            if let Some((_, d)) = qports {
                quoted.set_ports((inner.sport, d));
            }
        } else {
            quoted.dst = inner.dst;
            if let Some((s, _)) = qports {
                quoted.set_ports((s, inner.dport));
            }
        }
    }
}
