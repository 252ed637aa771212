//! `ip netns` (ip/ipnetns.c): named network namespaces and the ids a
//! namespace gives its peers (RTM_NEWNSID/RTM_GETNSID).
//!
//! The names live in the [`Host`](crate::host::Host) (`/run/netns` on
//! Linux, listed newest first as tmpfs lists it); ids come from the kernel
//! through a file descriptor for the name (NETNSA_FD). `ip netns exec` runs
//! commands, so the shell carries it out ([`crate::shell`]); this module
//! handles it only when the shell hands it over, which covers the usage
//! errors. The simulated machine has no processes of its own: `pids`
//! prints nothing and `attach` fails as it does for a missing process.

use super::args::{Exit, Res, get_integer, matches};
use super::client::Rtnl;
use super::ctx::Ip;
use super::nl::{Attrs, Msg, Req};
use super::print::Kind;
use crate::wire::NLM_F_REQUEST;
use crate::wire::nsid::netnsa;
use crate::wire::{RTM_DELNSID, RTM_GETNSID, RTM_NEWNSID};

/// Where iproute2 keeps the names.
pub const NETNS_RUN_DIR: &str = "/run/netns";

/// The usage text of ip/ipnetns.c.
pub const USAGE: &str = "Usage:\tip netns list\n\
\tip netns add NAME\n\
\tip netns attach NAME PID\n\
\tip netns set NAME NETNSID\n\
\tip [-all] netns delete [NAME]\n\
\tip netns identify [PID]\n\
\tip netns pids NAME\n\
\tip [-all] netns exec [NAME] cmd ...\n\
\tip netns monitor\n\
\tip netns list-id [target-nsid POSITIVE-INT] [nsid POSITIVE-INT]\n\
NETNSID := auto | POSITIVE-INT\n";

fn usage(ip: &mut Ip) -> Exit {
    ip.err(USAGE);
    Exit(255)
}

/// `invalid_name`: empty, longer than NAME_MAX, with a '/', "." or "..".
pub fn invalid_name(name: &str) -> bool {
    name.is_empty() || name.len() > 255 || name.as_bytes().contains(&b'/') || name == "." || name == ".."
}

/// The path of a name's file.
fn path_of(name: &str) -> String {
    format!("{NETNS_RUN_DIR}/{name}")
}

/// The names of `/run/netns` in directory order (newest first).
fn names(ip: &Ip) -> Vec<String> {
    ip.host.netns_list()
}

/// `get_netnsid_from_name`: asks the kernel, on the separate socket
/// iproute2 keeps for this (`rtnsh`, without strict checking), which id the
/// current namespace gives the named one. -1 when none is assigned, -2 when
/// the request failed (its error already printed), and the open error's
/// negated errno when there is no such name.
pub fn get_netnsid_from_name(ip: &mut Ip, rtnsh: &mut Rtnl, name: &str) -> i32 {
    let fd = match ip.host.netns_fd(name) {
        Ok(fd) => fd,
        Err(e) => return -e.0,
    };
    let mut req = Req::new(RTM_GETNSID, NLM_F_REQUEST);
    req.push_header(&[0]);
    req.addattr32(netnsa::FD, fd);
    let Ok(Some(answer)) = rtnsh.talk(&mut ip.p, &mut req, true, true) else { return -2 };
    let Some(m) = Msg::parse(&answer) else { return -1 };
    if m.hdr.kind == crate::wire::NLMSG_ERROR || m.payload.len() < 4 {
        return -1;
    }
    Attrs::parse(&m.payload[4..], netnsa::MAX).u32(netnsa::NSID).map(|v| v as i32).unwrap_or(-1)
}

/// The nsid → name cache of ip/ipnetns.c (`netns_map_init` and friends),
/// which `print_nsid` consults and updates.
#[derive(Debug, Default)]
pub struct NsidNames {
    map: crate::vecmap::VecMap<i32, String>,
}

impl NsidNames {
    /// `netns_map_init`: the id of every name that has one (the first name
    /// wins when two name the same namespace).
    pub fn init(ip: &mut Ip, rtnsh: &mut Rtnl) -> NsidNames {
        let mut map = crate::vecmap::VecMap::new();
        for name in names(ip) {
            let id = get_netnsid_from_name(ip, rtnsh, &name);
            if id >= 0 {
                map.entry_or_insert_with(id, || name);
            }
        }
        NsidNames { map }
    }

    /// `netns_get_name`: the first name in directory order whose id is `nsid`.
    fn lookup(ip: &mut Ip, rtnsh: &mut Rtnl, nsid: i32) -> Option<String> {
        if nsid < 0 {
            return None;
        }
        names(ip).into_iter().find(|n| get_netnsid_from_name(ip, rtnsh, n) == nsid)
    }
}

/// `print_nsid`: one RTM_NEWNSID/RTM_DELNSID message. Returns false for a
/// message it cannot use (after printing iproute2's complaint).
pub fn print_nsid(ip: &mut Ip, rtnsh: &mut Rtnl, cache: &mut NsidNames, raw: &[u8]) -> bool {
    let Some(m) = Msg::parse(raw) else { return false };
    if m.hdr.kind != RTM_NEWNSID && m.hdr.kind != RTM_DELNSID {
        return true;
    }
    // `len -= NLMSG_SPACE(sizeof(struct rtgenmsg))`.
    let len = i64::from(m.hdr.len) - 20;
    if len < 0 {
        ip.err(&format!("BUG: wrong nlmsg len {len} in print_nsid\n"));
        return false;
    }
    let tb = Attrs::parse(m.payload.get(4..).unwrap_or(&[]), netnsa::MAX);
    let Some(nsid) = tb.u32(netnsa::NSID).map(|v| v as i32) else {
        ip.err("BUG: NETNSA_NSID is missing print_nsid\n");
        return false;
    };
    ip.p.open_json_object(None);
    if m.hdr.kind == RTM_DELNSID {
        ip.p.print_bool(Kind::Any, Some("deleted"), "Deleted ", true);
    }
    if nsid < 0 {
        ip.p.print_string(Kind::Fp, None, "nsid unassigned ", None);
    } else {
        ip.p.print_int(Kind::Any, Some("nsid"), "nsid %d ", i64::from(nsid));
    }
    let current = tb.u32(netnsa::CURRENT_NSID).map(|v| v as i32);
    if let Some(cur) = current {
        if cur < 0 {
            ip.p.print_string(Kind::Fp, None, "current-nsid unassigned ", None);
        } else {
            ip.p.print_int(Kind::Any, Some("current-nsid"), "current-nsid %d ", i64::from(cur));
        }
    }
    let key = current.unwrap_or(nsid);
    let cached = if key >= 0 { cache.map.remove(&key) } else { None };
    match cached {
        Some(name) => {
            ip.p.print_string(Kind::Any, Some("name"), "(iproute2 netns name: %s)", Some(&name));
        }
        None if m.hdr.kind == RTM_NEWNSID => {
            if let Some(name) = NsidNames::lookup(ip, rtnsh, nsid) {
                ip.p.print_string(Kind::Any, Some("name"), "(iproute2 netns name: %s)", Some(&name));
                cache.map.entry_or_insert_with(nsid, || name);
            }
        }
        None => {}
    }
    ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
    ip.p.close_json_object();
    true
}

/// Opens `rtnsh`, the socket for nsid lookups (`netns_nsid_socket_init`).
/// `get_name_from_nsid`: the name of the namespace the current one knows
/// by `nsid`, for `link-netns NAME` in link listings.
pub fn name_from_nsid(ip: &mut Ip, nsid: i32) -> Option<String> {
    let mut rtnsh = Rtnl::open(ip.host, false).ok()?;
    NsidNames::lookup(ip, &mut rtnsh, nsid)
}

fn open_rtnsh(ip: &mut Ip) -> Res<Rtnl> {
    match Rtnl::open(ip.host, false) {
        Ok(r) => Ok(r),
        Err(_) => {
            ip.err("Cannot open rtnetlink\n");
            Err(Exit(1))
        }
    }
}

/// `do_netns`.
pub fn do_netns(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some((cmd, rest)) = args.split_first() else {
        return netns_list(ip);
    };
    if !ip.o.all {
        if let Some(name) = args.get(1) {
            if invalid_name(name) {
                ip.err(&format!("Invalid netns name \"{name}\"\n"));
                return Err(Exit(255));
            }
        }
    }
    if matches(cmd, "list") || matches(cmd, "show") || matches(cmd, "lst") {
        return netns_list(ip);
    }
    if matches(cmd, "list-id") {
        return netns_list_id(ip, rest);
    }
    if matches(cmd, "help") {
        return Err(usage(ip));
    }
    if matches(cmd, "add") {
        return netns_add(ip, rest);
    }
    if matches(cmd, "set") {
        return netns_set(ip, rest);
    }
    if matches(cmd, "delete") {
        return netns_delete(ip, rest);
    }
    if matches(cmd, "identify") {
        return netns_identify(ip, rest);
    }
    if matches(cmd, "pids") {
        return netns_pids(ip, rest);
    }
    if matches(cmd, "exec") {
        return netns_exec(ip, rest);
    }
    if matches(cmd, "monitor") {
        // iproute2 watches /run/netns with inotify until killed; here the
        // watch ends at once, having seen nothing.
        return Ok(0);
    }
    if matches(cmd, "attach") {
        return netns_attach(ip, rest);
    }
    ip.err(&format!("Command \"{cmd}\" is unknown, try \"ip netns help\".\n"));
    Err(Exit(255))
}

/// `netns_list`: each name, with " (id: N)" when the current namespace
/// has an id for it.
fn netns_list(ip: &mut Ip) -> Res<i32> {
    let mut rtnsh = open_rtnsh(ip)?;
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    for name in names(ip) {
        ip.p.open_json_object(None);
        ip.p.print_string(Kind::Any, Some("name"), "%s", Some(&name));
        let id = get_netnsid_from_name(ip, &mut rtnsh, &name);
        if id >= 0 {
            ip.p.print_int(Kind::Any, Some("id"), " (id: %d)", i64::from(id));
        }
        ip.p.print_string(Kind::Fp, None, "%s", Some("\n"));
        ip.p.close_json_object();
    }
    ip.p.delete_json_obj();
    Ok(0)
}

/// Parses a non-negative id for `list-id` (the odd `argv[1]` of
/// iproute2's message is the word after the value, "(null)" at the end).
fn list_id_value(ip: &mut Ip, args: &[String], i: usize, key: &str) -> Res<i32> {
    let Some(v) = args.get(i) else { return Err(ip.incomplete()) };
    match get_integer(v, 0) {
        None => Err(ip.invarg(&format!("\"{key}\" value is invalid"), v)),
        Some(n) if n < 0 => {
            let next = args.get(i + 1).map(String::as_str).unwrap_or("(null)");
            Err(ip.invarg(&format!("\"{key}\" value should be >= 0"), next))
        }
        Some(n) => Ok(n),
    }
}

/// `netns_list_id`: every id the current namespace has assigned, or one.
fn netns_list_id(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let mut rtnsh = open_rtnsh(ip)?;
    let mut cache = NsidNames::init(ip, &mut rtnsh);
    let mut target = -1;
    let mut nsid = -1;
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        if w == "target-nsid" {
            if target >= 0 {
                return Err(ip.duparg("target-nsid", w));
            }
            i += 1;
            target = list_id_value(ip, args, i, "target-nsid")?;
        } else if w == "nsid" {
            if nsid >= 0 {
                return Err(ip.duparg("nsid", w));
            }
            i += 1;
            nsid = list_id_value(ip, args, i, "nsid")?;
        } else {
            return Err(usage(ip));
        }
        i += 1;
    }

    if nsid >= 0 {
        // `get_netnsid_from_netnsid`, on rtnsh.
        let mut req = Req::new(RTM_GETNSID, NLM_F_REQUEST);
        req.push_header(&[0]);
        req.addattr32(netnsa::NSID, nsid as u32);
        if target >= 0 {
            req.addattr32(netnsa::TARGET_NSID, target as u32);
        }
        let answer = match rtnsh.talk(&mut ip.p, &mut req, true, true) {
            Ok(Some(a)) => a,
            _ => return Ok(-2),
        };
        if Msg::parse(&answer).is_some_and(|m| m.hdr.kind == crate::wire::NLMSG_ERROR) {
            return Ok(0);
        }
        let json = ip.o.json > 0;
        ip.p.new_json_obj(json);
        let ok = print_nsid(ip, &mut rtnsh, &mut cache, &answer);
        ip.p.delete_json_obj();
        return Ok(if ok { 0 } else { -1 });
    }

    let mut req = Req::new(RTM_GETNSID, 0);
    req.push_header(&[0]);
    if target >= 0 {
        req.addattr32(netnsa::TARGET_NSID, target as u32);
    }
    ip.rth.dump_request(&mut req, 0);
    let (msgs, end) = ip.rth.dump_collect();
    let json = ip.o.json > 0;
    ip.p.new_json_obj(json);
    for m in &msgs {
        if !print_nsid(ip, &mut rtnsh, &mut cache, m) {
            break;
        }
    }
    if !end.ok {
        ip.p.delete_json_obj();
        ip.dump_terminated(&end);
        return Err(Exit(1));
    }
    ip.err(&end.stderr);
    ip.p.delete_json_obj();
    Ok(0)
}

/// `netns_add` with `create`: the name's file, then a fresh namespace.
fn netns_add(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some(name) = args.first() else {
        ip.err("No netns name specified\n");
        return Ok(-1);
    };
    if let Err(e) = ip.host.netns_add(name) {
        if e == crate::errno::Errno::ENOSPC {
            // The file was made; unshare(CLONE_NEWNET) failed.
            ip.err(&format!("Failed to create a new network namespace \"{name}\": {}\n", e.message()));
        } else {
            ip.err(&format!("Cannot create namespace file \"{}\": {}\n", path_of(name), e.message()));
        }
        return Ok(-1);
    }
    Ok(0)
}

/// `netns_add` without `create` (`attach NAME PID`): the simulated machine
/// has no process whose namespace could be bound, so after the checks
/// iproute2 makes it fails as Linux does for a missing process.
fn netns_attach(ip: &mut Ip, args: &[String]) -> Res<i32> {
    if args.len() < 2 {
        ip.err("No netns name and PID specified\n");
        return Ok(-1);
    }
    let pid = match get_integer(&args[1], 0) {
        Some(p) if p != 0 => p,
        _ => {
            ip.err(&format!("Invalid PID: {}\n", args[1]));
            return Ok(-1);
        }
    };
    let name = &args[0];
    if names(ip).iter().any(|n| n == name) {
        ip.err(&format!("Cannot create namespace file \"{}\": File exists\n", path_of(name)));
        return Ok(-1);
    }
    ip.err(&format!("Bind /proc/{pid}/ns/net -> {} failed: No such file or directory\n", path_of(name)));
    Ok(-1)
}

/// `on_netns_del`: removes one name.
fn del_one(ip: &mut Ip, name: &str) -> i32 {
    match ip.host.netns_del(name) {
        Ok(()) => 0,
        Err(e) => {
            ip.err(&format!("Cannot remove namespace file \"{}\": {}\n", path_of(name), e.message()));
            -1
        }
    }
}

/// `netns_delete`: one name, or every name with `-all` (stopping at the
/// first failure, yet succeeding, as `netns_foreach` does).
fn netns_delete(ip: &mut Ip, args: &[String]) -> Res<i32> {
    if ip.o.all {
        for name in names(ip) {
            if del_one(ip, &name) != 0 {
                break;
            }
        }
        return Ok(0);
    }
    let Some(name) = args.first() else {
        ip.err("No netns name specified\n");
        return Ok(-1);
    };
    Ok(del_one(ip, name))
}

/// `netns_set`: assigns an id to a named namespace (RTM_NEWNSID on the
/// main socket).
fn netns_set(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some(name) = args.first() else {
        ip.err("No netns name specified\n");
        return Ok(-1);
    };
    let Some(value) = args.get(1) else {
        ip.err("No nsid specified\n");
        return Ok(-1);
    };
    let nsid = if value == "auto" {
        -1
    } else {
        match get_integer(value, 0) {
            None => return Err(ip.invarg("Invalid \"netnsid\" value", value)),
            Some(n) if n < 0 => return Err(ip.invarg("\"netnsid\" value should be >= 0", value)),
            Some(n) => n,
        }
    };
    let fd = match ip.host.netns_fd(name) {
        Ok(fd) => fd,
        Err(e) => {
            ip.err(&format!("Cannot open network namespace \"{name}\": {}\n", e.message()));
            return Ok(-1);
        }
    };
    let mut req = Req::new(RTM_NEWNSID, NLM_F_REQUEST);
    req.push_header(&[0]);
    req.addattr32(netnsa::FD, fd);
    req.addattr32(netnsa::NSID, nsid as u32);
    match ip.rth.talk(&mut ip.p, &mut req, false, true) {
        Ok(_) => Ok(0),
        Err(_) => Ok(-2),
    }
}

/// Whether a word is all digits (`is_pid`; the empty word counts).
fn is_pid(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_digit())
}

/// `netns_identify`: the name of the current namespace (or a process's),
/// or an empty line when it has none.
fn netns_identify(ip: &mut Ip, args: &[String]) -> Res<i32> {
    if args.len() > 1 {
        ip.err("extra arguments specified\n");
        return Ok(-1);
    }
    let name = match args.first() {
        None => ip.host.current_netns(),
        Some(pid) => {
            if !is_pid(pid) {
                ip.err(&format!("Specified string '{pid}' is not a pid\n"));
                return Ok(-1);
            }
            // Every simulated process (pid 1 and up) lives in the initial
            // namespace, which has no name.
            if crate::text::int::<u64>(pid).is_none_or(|p| p == 0) {
                ip.err("Cannot open network namespace: No such file or directory\n");
                return Ok(-1);
            }
            None
        }
    };
    ip.p.fp(&format!("{}\n", name.unwrap_or_default()));
    Ok(0)
}

/// `netns_pids`: the processes in a named namespace (none here).
fn netns_pids(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let Some(name) = args.first() else {
        ip.err("No netns name specified\n");
        return Ok(-1);
    };
    if args.len() > 1 {
        ip.err("extra arguments specified\n");
        return Ok(-1);
    }
    if let Err(e) = ip.host.netns_fd(name) {
        ip.err(&format!("Cannot open network namespace: {}\n", e.message()));
        return Ok(-1);
    }
    Ok(0)
}

/// `netns_exec` when the shell did not run it: the usage errors and the
/// namespace switch; a command cannot be run from here, so it fails as a
/// missing program does.
fn netns_exec(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let all = ip.o.all;
    if args.is_empty() && !all {
        ip.err("No netns name specified\n");
        return Ok(-1);
    }
    if (args.len() < 2 && !all) || (args.is_empty() && all) {
        ip.err("No command specified\n");
        return Ok(-1);
    }
    if all {
        for name in names(ip) {
            ip.p.fp(&format!("\nnetns: {name}\n"));
            ip.err(&format!("exec of \"{}\" failed: No such file or directory\n", args[0]));
        }
        return Ok(0);
    }
    let name = &args[0];
    if let Err(e) = ip.host.netns_fd(name) {
        ip.err(&format!("Cannot open network namespace \"{name}\": {}\n", e.message()));
        return Ok(1);
    }
    ip.err(&format!("exec of \"{}\" failed: No such file or directory\n", args[1]));
    Err(Exit(1))
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

    fn ok(s: &str) -> (i32, String, String) {
        (0, s.to_string(), String::new())
    }

    fn err(st: i32, s: &str) -> (i32, String, String) {
        (st, String::new(), s.to_string())
    }

    // Every expectation below was printed by iproute2 6.1 on Linux 6.18 in
    // `unshare --net --mount` with a tmpfs on /run/netns.

    #[test]
    fn add_list_set_and_list_id() {
        let w = World::new();
        assert_eq!(run(&w, "netns"), ok(""));
        assert_eq!(run(&w, "netns add a"), ok(""));
        assert_eq!(run(&w, "netns add b"), ok(""));
        assert_eq!(run(&w, "netns add a"), err(1, "Cannot create namespace file \"/run/netns/a\": File exists\n"));
        assert_eq!(run(&w, "netns list"), ok("b\na\n"));
        assert_eq!(run(&w, "-j netns"), ok("[{\"name\":\"b\"},{\"name\":\"a\"}]\n"));
        assert_eq!(run(&w, "netns set a 5"), ok(""));
        assert_eq!(run(&w, "netns"), ok("b\na (id: 5)\n"));
        assert_eq!(run(&w, "netns set b auto"), ok(""));
        assert_eq!(run(&w, "netns list-id"), ok("nsid 0 (iproute2 netns name: b)\nnsid 5 (iproute2 netns name: a)\n"));
        assert_eq!(run(&w, "-j netns list-id"), ok("[{\"nsid\":0,\"name\":\"b\"},{\"nsid\":5,\"name\":\"a\"}]\n"));
        assert_eq!(run(&w, "netns list-id nsid 5"), ok("nsid 5 (iproute2 netns name: a)\n"));
        assert_eq!(run(&w, "netns list-id nsid 7"), err(2, "Error: Peer netns reference is invalid.\n"));
        assert_eq!(run(&w, "netns set a 6"), err(2, "Error: Peer netns already has a nsid assigned.\n"));
        assert_eq!(run(&w, "netns set c 1"), err(1, "Cannot open network namespace \"c\": No such file or directory\n"));
        assert_eq!(run(&w, "netns list-id foo"), err(255, USAGE));
    }

    #[test]
    fn argument_errors() {
        let w = World::new();
        run(&w, "netns add a");
        assert_eq!(run(&w, "netns add"), err(1, "No netns name specified\n"));
        assert_eq!(run(&w, "netns add x/y"), err(255, "Invalid netns name \"x/y\"\n"));
        assert_eq!(run(&w, "netns del ."), err(255, "Invalid netns name \".\"\n"));
        assert_eq!(run(&w, "netns set a"), err(1, "No nsid specified\n"));
        assert_eq!(run(&w, "netns set"), err(1, "No netns name specified\n"));
        assert_eq!(run(&w, "netns set a -1"), err(255, "Error: argument \"-1\" is wrong: \"netnsid\" value should be >= 0\n"));
        assert_eq!(run(&w, "netns set a xx"), err(255, "Error: argument \"xx\" is wrong: Invalid \"netnsid\" value\n"));
        assert_eq!(run(&w, "netns list-id nsid -1"), err(255, "Error: argument \"(null)\" is wrong: \"nsid\" value should be >= 0\n"));
        assert_eq!(run(&w, "netns frob"), err(255, "Command \"frob\" is unknown, try \"ip netns help\".\n"));
        assert_eq!(run(&w, "netns help"), err(255, USAGE));
    }

    #[test]
    fn identify_pids_attach_delete() {
        let w = World::new();
        run(&w, "netns add a");
        assert_eq!(run(&w, "netns identify"), ok("\n"));
        assert_eq!(run(&w, "netns identify abc"), err(1, "Specified string 'abc' is not a pid\n"));
        assert_eq!(run(&w, "netns identify 1 2"), err(1, "extra arguments specified\n"));
        assert_eq!(run(&w, "-n a netns identify"), ok("a\n"));
        assert_eq!(run(&w, "netns pids a"), ok(""));
        assert_eq!(run(&w, "netns pids"), err(1, "No netns name specified\n"));
        assert_eq!(run(&w, "netns pids zz"), err(1, "Cannot open network namespace: No such file or directory\n"));
        assert_eq!(run(&w, "netns pids a b"), err(1, "extra arguments specified\n"));
        assert_eq!(run(&w, "netns attach z"), err(1, "No netns name and PID specified\n"));
        assert_eq!(
            run(&w, "netns attach z 999999"),
            err(1, "Bind /proc/999999/ns/net -> /run/netns/z failed: No such file or directory\n")
        );
        assert_eq!(run(&w, "netns attach z abc"), err(1, "Invalid PID: abc\n"));
        assert_eq!(run(&w, "netns attach a 1"), err(1, "Cannot create namespace file \"/run/netns/a\": File exists\n"));
        assert_eq!(run(&w, "netns del zz"), err(1, "Cannot remove namespace file \"/run/netns/zz\": No such file or directory\n"));
        assert_eq!(run(&w, "netns delete"), err(1, "No netns name specified\n"));
        assert_eq!(run(&w, "netns exec"), err(1, "No netns name specified\n"));
        assert_eq!(run(&w, "netns exec a"), err(1, "No command specified\n"));
        assert_eq!(run(&w, "netns exec zz true"), err(255, "Cannot open network namespace \"zz\": No such file or directory\n"));
        run(&w, "netns add b");
        assert_eq!(run(&w, "-all netns del"), ok(""));
        assert_eq!(run(&w, "netns"), ok(""));
    }

    #[test]
    fn print_nsid_of_captured_notifications() {
        // RTM_NEWNSID as Linux 6.18 multicast it after `ip netns set a 5`
        // (captured with an NSID-group listener), and the same as RTM_DELNSID.
        let new = hex("1c00000058000000e72a0b6b0e7e0000000000000800010005000000");
        let del = hex("1c00000059000000e72a0b6b0e7e0000000000000800010005000000");
        let mut host = World::new();
        let mut out = Output::new();
        let mut rtnsh = Rtnl::open(&mut host, false).unwrap();
        let rth = Rtnl::open(&mut host, true).unwrap();
        let p = crate::ip::print::Printer::new(&mut out);
        let o = crate::ip::ctx::Opts::default();
        let mut ip = Ip { host: &mut host, p, o, rth, ll: Default::default() };
        let mut cache = NsidNames::default();
        assert!(print_nsid(&mut ip, &mut rtnsh, &mut cache, &new));
        assert!(print_nsid(&mut ip, &mut rtnsh, &mut cache, &del));
        drop(ip);
        assert_eq!(out.stdout(), "nsid 5 \nDeleted nsid 5 \n");
    }

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).filter_map(|i| s.get(i..i + 2).and_then(|h| crate::text::int_radix(h, 16))).collect()
    }
}
