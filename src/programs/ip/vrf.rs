//! VRF names in `ip` (iproute2 ip/iplink_vrf.c `ipvrf_get_table`,
//! `name_is_vrf`) and `ip vrf` (ip/ipvrf.c). `exec`, `identify` and `pids`
//! bind processes through a cgroup with a BPF program that sets each new
//! socket's device (`vrf_switch`, `prog_load`); the world's kernel has no
//! `bpf` system call, so `exec` into a VRF fails as iproute2 does on a
//! kernel without it, `exec default` (no program) runs the command, and no
//! process is ever in a VRF's cgroup.

use super::args::{Exit, Res, matches};
use super::client::Rtnl;
use super::ctx::Ip;
use super::nl::{Attrs, Msg, Req};
use super::print::Kind;
use crate::wire::link::{IfInfoRepr, ifla, info, vrf};

/// The usage text of ip/ipvrf.c.
const USAGE: &str = "Usage:\tip vrf show [NAME] ...\n\tip vrf exec [NAME] cmd ...\n\tip vrf identify [PID]\n\tip vrf pids [NAME]\n";

/// A link's index and, when it is a VRF, its table (0 when the kind is
/// vrf but no table came).
fn vrf_of(attrs: &Attrs<'_>) -> Option<u32> {
    let li = Attrs::nested(attrs.get(ifla::LINKINFO), info::MAX)?;
    if li.str(info::KIND).as_deref() != Some("vrf") {
        return None;
    }
    let table = Attrs::nested(li.get(info::DATA), vrf::MAX).and_then(|d| d.get(vrf::TABLE).and_then(|t| t.u32().ok()));
    Some(table.unwrap_or(0))
}

/// Asks the kernel for the link `name` on a separate socket (errors
/// suppressed); its index and VRF table when it is a VRF.
fn query(ip: &mut Ip, name: &str) -> Result<Option<(u32, u32)>, ()> {
    let mut rth = Rtnl::open(ip.host, false).map_err(|_| ())?;
    let mut req = Req::new(crate::wire::RTM_GETLINK, crate::wire::NLM_F_REQUEST);
    req.push_header(&IfInfoRepr { family: ip.o.family, ..Default::default() }.to_bytes());
    req.addattr_strz(ifla::IFNAME, name);
    let answer = match rth.talk(&mut ip.p, &mut req, true, false) {
        Ok(Some(a)) => a,
        _ => return Err(()),
    };
    let Some(m) = Msg::parse(&answer) else { return Ok(None) };
    let Ok(hdr) = IfInfoRepr::parse(m.payload) else { return Ok(None) };
    let attrs = Attrs::parse(m.payload.get(16..).unwrap_or_default(), ifla::MAX);
    Ok(vrf_of(&attrs).map(|t| (hdr.index as u32, t)))
}

/// `ipvrf_get_table`: the table of the VRF `name`, 0 when it is none; a
/// missing device called "default" is the main table.
pub fn get_table(ip: &mut Ip, name: &str) -> u32 {
    match query(ip, name) {
        Err(()) if name == "default" => crate::wire::route::table::MAIN,
        Err(()) | Ok(None) => 0,
        Ok(Some((_, 0))) => {
            ip.err(&format!("BUG: VRF {name} is missing table id\n"));
            0
        }
        Ok(Some((_, t))) => t,
    }
}

/// `name_is_vrf`: the ifindex of the VRF `name`, 0 when it is none.
pub fn name_is_vrf(ip: &mut Ip, name: &str) -> u32 {
    match query(ip, name) {
        Ok(Some((index, _))) => index,
        _ => 0,
    }
}

/// `do_ipvrf`: `show` (the default, also `list`, `lst`) and `help`.
pub fn do_ipvrf(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some(cmd) = args.first() else { return show(ip, &[]) };
    if matches(cmd, "show") || matches(cmd, "lst") || matches(cmd, "list") {
        return show(ip, &args[1..]);
    }
    if matches(cmd, "exec") {
        return exec(ip, &args[1..]);
    }
    if matches(cmd, "identify") {
        return identify(ip, &args[1..]);
    }
    if matches(cmd, "pids") {
        return pids(ip, &args[1..]);
    }
    if matches(cmd, "help") {
        ip.err(USAGE);
        return Err(Exit(255));
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"ip vrf help\".\n"));
    Err(Exit(255))
}

/// `ipvrf_exec`: `vrf_switch` then the command. Into a VRF the BPF
/// program cannot load (ENOSYS: no `bpf` system call in the world);
/// `default` needs none and runs the command.
fn exec(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some(name) = args.first() else {
        ip.err("No VRF name specified\n");
        return Ok(-1);
    };
    if args.len() < 2 {
        ip.err("No command specified\n");
        return Ok(-1);
    }
    if name != "default" {
        if name_is_vrf(ip, name) == 0 {
            ip.err("Invalid VRF name\n");
            return Err(Exit(255));
        }
        // vrf_configure_cgroup: prog_load fails with errno ENOSYS.
        ip.err("Failed to load BPF prog: 'Function not implemented'\nKernel compiled with CGROUP_BPF enabled?\n");
        return Err(Exit(255));
    }
    let mut o = crate::output::Output::new();
    match ip.host.run_program(&args[1], &args[2..], &mut o) {
        Some(st) => {
            ip.p.fp(&o.stdout());
            ip.err(&o.stderr());
            Err(Exit(st))
        }
        None => {
            // cmd_exec: execvp failed.
            ip.err(&format!("exec of \"{}\" failed: No such file or directory\n", args[1]));
            Err(Exit(1))
        }
    }
}

/// `ipvrf_identify`: the VRF of a process's cgroup. This process is in
/// none (nothing printed); the world has no other processes to look up.
fn identify(ip: &mut Ip, args: &[String]) -> Res<i32> {
    if let Some(extra) = args.get(1) {
        return Err(ip.invarg("Extra arguments specified\n", extra));
    }
    let Some(pid) = args.first() else { return Ok(0) };
    if crate::ip::args::get_u32(pid, 10).is_none() {
        return Err(ip.invarg("Invalid pid\n", pid));
    }
    // vrf_identify: /proc/PID/cgroup cannot be opened.
    ip.err("Failed to lookup vrf association: No such file or directory\n");
    Ok(-1)
}

/// `ipvrf_pids`: the processes in a VRF's cgroup, of which there are none.
fn pids(ip: &mut Ip, args: &[String]) -> Res<i32> {
    if args.len() != 1 {
        ip.err("Invalid arguments\n");
        return Ok(-1);
    }
    if name_is_vrf(ip, &args[0]) == 0 {
        ip.err("Invalid VRF name\n");
        return Ok(-1);
    }
    Ok(0)
}

/// `ipvrf_show`: one VRF's table, or every VRF with its table.
fn show(ip: &mut Ip, args: &[String]) -> Res<i32> {
    if args.len() > 1 {
        ip.err(USAGE);
        return Err(Exit(255));
    }
    if let Some(name) = args.first() {
        let t = get_table(ip, name);
        if t == 0 {
            ip.err("Invalid VRF\n");
            return Ok(1);
        }
        ip.p.fp(&format!("{name} {t}\n"));
        return Ok(0);
    }
    // ip_link_list with a kind filter (ipvrf_filter_req).
    let mut req = Req::new(crate::wire::RTM_GETLINK, 0);
    req.push_header(&IfInfoRepr { family: ip.o.family, ..Default::default() }.to_bytes());
    let li = req.nest(ifla::LINKINFO);
    req.addattr_strz(info::KIND, "vrf");
    req.nest_end(li);
    ip.rth.dump_request(&mut req, 0);
    let (msgs, end) = ip.rth.dump_collect();
    if !end.ok {
        ip.dump_terminated(&end);
        return Ok(1);
    }
    ip.p.new_json_obj(ip.o.json != 0);
    ip.p.print_string(Kind::Fp, None, "%-16s", Some("Name"));
    ip.p.print_string(Kind::Fp, None, "  %5s\n", Some("Table"));
    ip.p.print_string(Kind::Fp, None, "%s\n", Some("-----------------------"));
    let mut n = 0;
    for m in msgs.iter().filter_map(|b| Msg::parse(b)) {
        let attrs = Attrs::parse(m.payload.get(16..).unwrap_or_default(), ifla::MAX);
        let Some(name) = attrs.str(ifla::IFNAME) else { continue };
        let Some(t) = vrf_of(&attrs) else { continue };
        if t == 0 {
            ip.err(&format!("BUG: VRF {name} is missing table id\n"));
            continue;
        }
        ip.p.open_json_object(None);
        ip.p.print_string(Kind::Any, Some("name"), "%-16s", Some(&name));
        ip.p.print_uint(Kind::Any, Some("table"), " %5u", u64::from(t));
        ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
        ip.p.close_json_object();
        n += 1;
    }
    if n == 0 {
        ip.p.print_string(Kind::Fp, None, "%s\n", Some("No VRF has been configured"));
    }
    ip.p.delete_json_obj();
    Ok(0)
}
