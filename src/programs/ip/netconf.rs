//! `ip netconf` (ip/ipnetconf.c): the per-device forwarding settings the
//! kernel reports with RTM_GETNETCONF, and [`print_netconf`], which
//! `ip monitor` shares.

use super::args::{Exit, Res, matches};
use super::ctx::Ip;
use super::names::family_name;
use super::nl::{Attrs, Msg, Req};
use super::print::{Color, Kind};
use crate::wire::netconf::{IFINDEX_ALL, IFINDEX_DEFAULT, netconfa};
use crate::wire::{NLM_F_REQUEST, NLMSG_ERROR};
use crate::wire::{RTM_DELNETCONF, RTM_GETNETCONF, RTM_NEWNETCONF};

/// The usage text of ip/ipnetconf.c.
pub const USAGE: &str = "Usage: ip netconf show [ dev STRING ]\n";

/// The selection of ip/ipnetconf.c (`filter`): a family and an ifindex,
/// 0 meaning any.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NetconfFilter {
    /// Only this address family.
    pub family: u8,
    /// Only this ifindex.
    pub ifindex: i32,
}

/// What [`print_netconf`] did with a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Printed {
    /// Printed, or skipped by the filter (iproute2 returns 0).
    Ok,
    /// Not a netconf message, or an error/ack (iproute2 returns -1, which
    /// ends `rtnl_listen`).
    Stop,
}

fn usage(ip: &mut Ip) -> Exit {
    ip.err(USAGE);
    Exit(255)
}

/// `print_netconf`: prints one RTM_NEWNETCONF/RTM_DELNETCONF message that
/// passes `f`.
pub fn print_netconf(ip: &mut Ip, f: &NetconfFilter, raw: &[u8]) -> Printed {
    let Some(m) = Msg::parse(raw) else { return Printed::Stop };
    if m.hdr.kind == NLMSG_ERROR {
        return Printed::Stop;
    }
    if m.hdr.kind != RTM_NEWNETCONF && m.hdr.kind != RTM_DELNETCONF {
        ip.err(&format!("Not a netconf message: {:08x} {:08x} {:08x}\n", m.hdr.len, m.hdr.kind, m.hdr.flags));
        return Printed::Stop;
    }
    // `NLMSG_SPACE(sizeof(struct netconfmsg))` is 20.
    let len = i64::from(m.hdr.len) - 20;
    if len < 0 {
        ip.err(&format!("BUG: wrong nlmsg len {len}\n"));
        return Printed::Stop;
    }
    let family = m.payload.first().copied().unwrap_or(0);
    if f.family != 0 && f.family != family {
        return Printed::Ok;
    }
    let tb = Attrs::parse(m.payload.get(4..).unwrap_or(&[]), netconfa::MAX);
    let ifindex = tb.u32(netconfa::IFINDEX).map(|v| v as i32).unwrap_or(0);
    if f.ifindex != 0 && f.ifindex != ifindex {
        return Printed::Ok;
    }

    ip.p.open_json_object(None);
    if m.hdr.kind == RTM_DELNETCONF {
        ip.p.print_bool(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    ip.p.print_string(Kind::Any, Some("family"), "%s ", Some(family_name(family)));
    if tb.has(netconfa::IFINDEX) {
        let dev = match ifindex {
            IFINDEX_ALL => "all".to_string(),
            IFINDEX_DEFAULT => "default".to_string(),
            i => ip.ll_index_to_name(i as u32),
        };
        ip.p.print_color_string(Kind::Any, Color::Ifname, Some("interface"), "%s ", Some(&dev));
    }
    if let Some(v) = tb.u32(netconfa::FORWARDING) {
        ip.p.print_on_off(Kind::Any, Some("forwarding"), "forwarding %s ", v != 0);
    }
    if let Some(rp) = tb.u32(netconfa::RP_FILTER) {
        match ["off", "strict", "loose"].get(rp as usize) {
            Some(name) => ip.p.print_string(Kind::Any, Some("rp_filter"), "rp_filter %s ", Some(name)),
            None => ip.p.print_uint(Kind::Any, Some("rp_filter"), "rp_filter %u ", u64::from(rp)),
        }
    }
    if let Some(v) = tb.u32(netconfa::MC_FORWARDING) {
        ip.p.print_on_off(Kind::Any, Some("mc_forwarding"), "mc_forwarding %s ", v != 0);
    }
    if let Some(v) = tb.u32(netconfa::PROXY_NEIGH) {
        ip.p.print_on_off(Kind::Any, Some("proxy_neigh"), "proxy_neigh %s ", v != 0);
    }
    if let Some(v) = tb.u32(netconfa::IGNORE_ROUTES_WITH_LINKDOWN) {
        ip.p.print_on_off(Kind::Any, Some("ignore_routes_with_linkdown"), "ignore_routes_with_linkdown %s ", v != 0);
    }
    if let Some(v) = tb.u32(netconfa::INPUT) {
        ip.p.print_on_off(Kind::Any, Some("input"), "input %s ", v != 0);
    }
    ip.p.close_json_object();
    ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
    Printed::Ok
}

/// `do_ipnetconf`.
pub fn do_ipnetconf(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some((cmd, rest)) = args.split_first() else {
        return do_show(ip, &[]);
    };
    if matches(cmd, "show") || matches(cmd, "lst") || matches(cmd, "list") {
        return do_show(ip, rest);
    }
    if matches(cmd, "help") {
        return Err(usage(ip));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"ip netconf help\".\n"));
    Err(Exit(255))
}

/// `do_show`: one get when both a device and a family are given, a dump
/// (filtered here) otherwise.
fn do_show(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut f = NetconfFilter { family: ip.o.family, ifindex: 0 };
    let mut i = 0;
    while i < args.len() {
        // Only "dev" means anything; other words are skipped.
        if args[i] == "dev" {
            i += 1;
            let Some(name) = args.get(i) else { return Err(ip.incomplete()) };
            f.ifindex = ip.ll_name_to_index(name) as i32;
            if f.ifindex <= 0 {
                ip.err(&format!("Device \"{name}\" does not exist.\n"));
                return Ok(-1);
            }
        }
        i += 1;
    }
    ip.ll_init_map()?;

    if f.ifindex != 0 && f.family != 0 {
        // The request goes out with sequence 0 (`rtnl_send` of a request
        // that never set one) and `rtnl_listen` prints until the ACK.
        let mut req = Req::new(RTM_GETNETCONF, NLM_F_REQUEST | crate::wire::NLM_F_ACK);
        req.push_header(&[f.family, 0, 0, 0]);
        req.addattr_l(netconfa::IFINDEX, &f.ifindex.to_ne_bytes());
        ip.rth.send(req.bytes());
        while let Some(raw) = ip.rth.recv() {
            if print_netconf(ip, &f, &raw) == Printed::Stop {
                break;
            }
        }
        ip.rth.discard_pending();
        return Ok(0);
    }

    let mut family = f.family;
    loop {
        let mut req = Req::new(RTM_GETNETCONF, 0);
        req.push_header(&[family, 0, 0, 0]);
        ip.rth.dump_request(&mut req, 0);
        let (msgs, end) = ip.rth.dump_collect();
        let json = ip.o.json > 0;
        ip.p.new_json_obj(json);
        let pf = NetconfFilter { family, ifindex: f.ifindex };
        for m in &msgs {
            print_netconf(ip, &pf, m);
        }
        if !end.ok {
            // A kernel without the AF_UNSPEC dump answers EOPNOTSUPP: ask
            // per family instead.
            if family == 0 && end.stderr.is_empty() {
                family = crate::wire::AF_INET;
                continue;
            }
            ip.p.delete_json_obj();
            ip.dump_terminated(&end);
            return Err(Exit(1));
        }
        ip.p.delete_json_obj();
        if ip.o.family == 0 && family == crate::wire::AF_INET {
            ip.o.family = crate::wire::AF_INET6;
            family = crate::wire::AF_INET6;
            continue;
        }
        return Ok(0);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::World;
    use crate::output::Output;

    fn run(world: &World, line: &str) -> (i32, String, String) {
        let mut out = Output::new();
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        let st = crate::ip::run(&mut world.clone(), &args, &mut out);
        (st, out.stdout(), out.stderr())
    }

    /// `ip netconf` in a fresh `unshare --net` namespace on Linux 6.18.
    const FRESH: &str = "\
inet lo forwarding off rp_filter off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
inet all forwarding off rp_filter off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
inet default forwarding off rp_filter off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
inet6 lo forwarding off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
inet6 all forwarding off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
inet6 default forwarding off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off 
";

    #[test]
    fn show_matches_linux_in_a_fresh_namespace() {
        let w = World::new();
        assert_eq!(run(&w, "netconf"), (0, FRESH.to_string(), String::new()));
        assert_eq!(run(&w, "netconf show"), (0, FRESH.to_string(), String::new()));
        let six = "inet6 lo forwarding off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off \n";
        assert_eq!(run(&w, "-6 netconf show dev lo"), (0, six.to_string(), String::new()));
        // With a family and a device it is a get, printed without JSON.
        let four = "inet lo forwarding off rp_filter off mc_forwarding off proxy_neigh off ignore_routes_with_linkdown off \n";
        assert_eq!(run(&w, "-4 -j netconf show dev lo").1, four);
    }

    #[test]
    fn json_and_errors() {
        let w = World::new();
        let (st, out, _) = run(&w, "-j netconf show dev lo");
        assert_eq!(st, 0);
        assert_eq!(
            out,
            "[{\"family\":\"inet\",\"interface\":\"lo\",\"forwarding\":false,\"rp_filter\":\"off\",\
\"mc_forwarding\":false,\"proxy_neigh\":false,\"ignore_routes_with_linkdown\":false},\
{\"family\":\"inet6\",\"interface\":\"lo\",\"forwarding\":false,\"mc_forwarding\":false,\
\"proxy_neigh\":false,\"ignore_routes_with_linkdown\":false}]\n"
        );
        assert_eq!(run(&w, "netconf show dev nosuch"), (1, String::new(), "Device \"nosuch\" does not exist.\n".into()));
        assert_eq!(run(&w, "netconf help"), (255, String::new(), USAGE.to_string()));
        assert_eq!(run(&w, "netconf frob"), (255, String::new(), "Command \"frob\" is unknown, try \"ip netconf help\".\n".into()));
    }

    #[test]
    fn forwarding_follows_the_sysctl() {
        let mut w = World::new();
        crate::host::Host::sysctl_set(&mut w, "net.ipv4.conf.lo.forwarding", "1").ok();
        crate::host::Host::sysctl_set(&mut w, "net.ipv4.conf.all.rp_filter", "2").ok();
        let out = run(&w, "-4 netconf").1;
        assert!(out.starts_with("inet lo forwarding on rp_filter off "), "{out}");
        assert!(out.contains("inet all forwarding off rp_filter loose "), "{out}");
    }
}
