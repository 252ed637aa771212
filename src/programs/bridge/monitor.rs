//! `bridge monitor` (bridge/monitor.c): joins the groups of the chosen
//! objects and prints each notification through `bridge link`'s and
//! `bridge fdb`'s printers, as iproute2 6.1 does.
//!
//! Without objects (or with `all`) it binds every legacy group but TC
//! (`~RTMGRP_TC`), so every link change prints as a `bridge link` line and
//! every AF_BRIDGE neighbour (fdb entry) as a `bridge fdb` line; IPv4/IPv6
//! neighbours are skipped by `print_fdb`. `all` adds the `[LINK]` and
//! `[NEIGH]` prefixes. The stack sends no MDB, bridge-VLAN or VNI
//! notifications, so their printers are not needed, and no fdb (AF_BRIDGE
//! neighbour) notifications yet; timestamps (`-t`) are not printed.
//!
//! As with `ip monitor` ([`crate::ip::monitor`]): run as one command it
//! prints what is queued (nothing) and returns; a long-running consumer
//! keeps a [`Monitor`] and calls [`Monitor::poll`] after changes.

use super::fdb::{Filter, print_fdb};
use super::link::print_linkinfo;
use crate::host::{Host, SockOpt};
use crate::ip::args::{Exit, Res, matches};
use crate::ip::client::Rtnl;
use crate::ip::ctx::{Ip, Opts};
use crate::ip::linkcache::LinkCache;
use crate::ip::nl::Msg;
use crate::ip::print::Printer;
use crate::output::Output;
use crate::wire::{AF_BRIDGE, RTM_DELLINK, RTM_DELNEIGH, RTM_NEWLINK, RTM_NEWNEIGH, group};

/// The usage line of bridge/monitor.c.
pub const USAGE: &str = "Usage: bridge monitor [file | link | fdb | mdb | vlan | vni | all]\n";

/// `RTMGRP_TC`: the one legacy group `bridge monitor` leaves out.
const RTMGRP_TC: u32 = 8;
/// `RTNLGRP_MDB`.
const GROUP_MDB: u32 = 26;
/// `RTNLGRP_BRVLAN`.
const GROUP_BRVLAN: u32 = 33;
/// `RTNLGRP_TUNNEL`.
const GROUP_TUNNEL: u32 = 39;

/// The parsed `bridge monitor` arguments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listen {
    /// The legacy bind mask.
    pub groups: u32,
    /// Also join RTNLGRP_BRVLAN (`vlan`, `all`).
    pub vlan: bool,
    /// Also join RTNLGRP_TUNNEL (`vni`, `all`).
    pub vni: bool,
    /// `all`: print `[LINK]`, `[NEIGH]`.
    pub prefix_banner: bool,
    /// `file FILE`.
    pub file: Option<String>,
}

/// Parses the words after `monitor` (`do_monitor`'s loop). Usage errors
/// print and exit with 255 (`exit(-1)`).
pub fn parse_args(ip: &mut Ip, args: &[String]) -> Res<Listen> {
    let mut l = Listen { groups: !RTMGRP_TC, vlan: false, vni: false, prefix_banner: false, file: None };
    let (mut link, mut fdb, mut mdb) = (false, false, false);
    let mut i = 0;
    while i < args.len() {
        let w = args[i].as_str();
        if matches(w, "file") {
            i += 1;
            let Some(f) = args.get(i) else { return Err(ip.incomplete()) };
            l.file = Some(f.clone());
        } else if matches(w, "link") {
            link = true;
            l.groups = 0;
        } else if matches(w, "fdb") {
            fdb = true;
            l.groups = 0;
        } else if matches(w, "mdb") {
            mdb = true;
            l.groups = 0;
        } else if matches(w, "vlan") {
            l.vlan = true;
            l.groups = 0;
        } else if w == "vni" {
            l.vni = true;
            l.groups = 0;
        } else if w == "all" {
            l.groups = !RTMGRP_TC;
            l.vlan = true;
            l.vni = true;
            l.prefix_banner = true;
        } else if matches(w, "help") {
            ip.err(USAGE);
            return Err(Exit(255));
        } else {
            ip.err(&format!("Argument \"{w}\" is unknown, try \"bridge monitor help\".\n"));
            return Err(Exit(255));
        }
        i += 1;
    }
    if link {
        l.groups |= group::mask(group::LINK);
    }
    if fdb {
        l.groups |= group::mask(group::NEIGH);
    }
    if mdb {
        l.groups |= group::mask(GROUP_MDB);
    }
    Ok(l)
}

/// `accept_msg`: prints one notification (with its `[LINK]`/`[NEIGH]`
/// prefix under `all`, as `print_headers` does once the printer accepts it).
fn accept_msg(ip: &mut Ip, cfg: &Listen, raw: &[u8]) {
    let Some(m) = Msg::parse(raw) else { return };
    let family = m.payload.first().copied().unwrap_or(0);
    match m.hdr.kind {
        RTM_NEWLINK | RTM_DELLINK => {
            ip.ll.remember(raw);
            if cfg.prefix_banner && (family == AF_BRIDGE || family == 0) {
                ip.p.fp("[LINK]");
            }
            print_linkinfo(ip, 0, raw);
        }
        RTM_NEWNEIGH | RTM_DELNEIGH => {
            if cfg.prefix_banner && family == AF_BRIDGE {
                ip.p.fp("[NEIGH]");
            }
            print_fdb(ip, &Filter::default(), raw);
        }
        _ => {}
    }
}

/// Opens the monitor's socket in place of `ip.rth` with the groups of
/// `cfg` and fills the link cache. Errors print; `Err` is the exit status.
fn listen(ip: &mut Ip, cfg: &Listen) -> Res<()> {
    let mut rth = match Rtnl::open(ip.host, false) {
        Ok(r) => r,
        Err(_) => return Err(Exit(1)),
    };
    if rth.set_option(SockOpt::BindGroups(cfg.groups)).is_err() {
        return Err(Exit(1));
    }
    if cfg.vlan && rth.set_option(SockOpt::AddMembership(GROUP_BRVLAN)).is_err() {
        ip.err("Failed to add bridge vlan group to list\n");
        return Err(Exit(1));
    }
    if cfg.vni && rth.set_option(SockOpt::AddMembership(GROUP_TUNNEL)).is_err() {
        ip.err("Failed to add bridge vni group to list\n");
        return Err(Exit(1));
    }
    ip.rth = rth;
    ip.ll_init_map()
}

/// `rtnl_from_file`: prints the netlink messages saved in a file.
fn from_file(ip: &mut Ip, cfg: &Listen, file: &str) -> Res<i32> {
    let bytes = match ip.host.read_file(file) {
        Ok(t) => t.into_bytes(),
        Err(e) => {
            ip.err(&format!("Cannot fopen: {}\n", e.message()));
            return Err(Exit(255));
        }
    };
    let mut at = 0;
    while at < bytes.len() {
        let len = match bytes.get(at..at + 4) {
            Some(h) => u32::from_ne_bytes([h[0], h[1], h[2], h[3]]) as usize,
            None => 0,
        };
        let Some(msg) = bytes.get(at..at.saturating_add(len)).filter(|_| len >= 16) else {
            ip.err("rtnl-from_file: truncated message\n");
            return Ok(-1);
        };
        accept_msg(ip, cfg, msg);
        at = at.saturating_add(crate::wire::align4(len));
    }
    Ok(0)
}

/// `do_monitor`: listens, prints what is queued, and returns.
pub fn do_monitor(ip: &mut Ip, args: &[String]) -> Res<i32> {
    let cfg = parse_args(ip, args)?;
    if let Some(file) = cfg.file.clone() {
        return from_file(ip, &cfg, &file);
    }
    listen(ip, &cfg)?;
    for raw in ip.rth.drain_notifications() {
        accept_msg(ip, &cfg, &raw);
    }
    Ok(0)
}

/// A running `bridge monitor` that outlives one command.
pub struct Monitor {
    opts: Opts,
    rth: Option<Rtnl>,
    ll: LinkCache,
    cfg: Listen,
}

impl std::fmt::Debug for Monitor {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Monitor").field("cfg", &self.cfg).finish()
    }
}

fn printer<'o>(out: &'o mut Output, o: &Opts) -> Printer<'o> {
    let mut p = Printer::new(out);
    p.set_pretty(o.pretty > 0);
    if o.oneline > 0 {
        p.sl = "\\";
    }
    p
}

impl Monitor {
    /// Starts `bridge [OPTIONS] monitor [ARGS]` from the words after
    /// `bridge`. Errors are printed to `out` and their exit status
    /// returned; the `file` form is not a listener and is refused (255).
    pub fn start(host: &mut dyn Host, argv: &[String], out: &mut Output) -> Result<Monitor, i32> {
        let saved = host.current_netns();
        let result = Self::start_here(host, argv, out);
        if host.current_netns() != saved {
            let _ = host.set_current_netns(saved.as_deref());
        }
        result
    }

    fn start_here(host: &mut dyn Host, argv: &[String], out: &mut Output) -> Result<Monitor, i32> {
        let (opts, first) = super::parse_global(host, argv, out)?;
        let Some((obj, args)) = argv[first..].split_first() else { return Err(super::usage(out)) };
        if !matches(obj, "monitor") {
            out.err(&format!("Object \"{obj}\" is not a monitor.\n"));
            return Err(255);
        }
        let rth = Rtnl::open(host, false).map_err(|_| 1)?;
        let p = printer(out, &opts);
        let mut ip = Ip { host, p, o: opts, rth, ll: LinkCache::default() };
        let cfg = parse_args(&mut ip, args).map_err(|Exit(c)| c & 0xff)?;
        if cfg.file.is_some() {
            ip.err(USAGE);
            return Err(255);
        }
        listen(&mut ip, &cfg).map_err(|Exit(c)| c & 0xff)?;
        let Ip { o, rth, ll, .. } = ip;
        Ok(Monitor { opts: o, rth: Some(rth), ll, cfg })
    }

    /// Prints the notifications queued since the last call; returns how
    /// many messages were read.
    pub fn poll(&mut self, host: &mut dyn Host, out: &mut Output) -> usize {
        let Some(mut rth) = self.rth.take() else { return 0 };
        let msgs = rth.drain_notifications();
        let p = printer(out, &self.opts);
        let ll = std::mem::take(&mut self.ll);
        let mut ip = Ip { host, p, o: self.opts.clone(), rth, ll };
        for raw in &msgs {
            accept_msg(&mut ip, &self.cfg, raw);
        }
        let Ip { rth, ll, .. } = ip;
        self.rth = Some(rth);
        self.ll = ll;
        msgs.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::World;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(String::from).collect()
    }

    fn run(w: &mut World, line: &str) {
        let mut sh = crate::shell::Shell::new(Box::new(w.clone()));
        let mut out = Output::new();
        assert_eq!(sh.run_line(line, &mut out), 0, "{line}: {}", out.combined());
    }

    fn poll(m: &mut Monitor, w: &mut World) -> String {
        let mut out = Output::new();
        m.poll(w, &mut out);
        out.combined()
    }

    #[test]
    fn groups_follow_bridge_monitors_arguments() {
        let mut w = World::new();
        let mut out = Output::new();
        let m = Monitor::start(&mut w, &words("monitor"), &mut out).unwrap();
        assert_eq!((m.cfg.groups, m.cfg.prefix_banner), (!RTMGRP_TC, false));
        let m = Monitor::start(&mut w, &words("mon link fdb"), &mut out).unwrap();
        assert_eq!(m.cfg.groups, 0b101);
        let m = Monitor::start(&mut w, &words("monitor all"), &mut out).unwrap();
        assert!(m.cfg.prefix_banner && m.cfg.vlan && m.cfg.vni);
        let mut out = Output::new();
        assert_eq!(Monitor::start(&mut w, &words("monitor frob"), &mut out).err(), Some(255));
        assert_eq!(out.stderr(), "Argument \"frob\" is unknown, try \"bridge monitor help\".\n");
        let mut out = Output::new();
        assert_eq!(Monitor::start(&mut w, &words("monitor help"), &mut out).err(), Some(255));
        assert_eq!(out.stderr(), USAGE);
        let mut out = Output::new();
        assert_eq!(Monitor::start(&mut w, &words("-n nosuch monitor"), &mut out).err(), Some(255));
        assert_eq!(out.stderr(), "Cannot open network namespace \"nosuch\": No such file or directory\n");
    }

    /// The lines `bridge monitor` (plain, `fdb` and `all`) printed on
    /// Linux 6.x with iproute2 6.1 for the same steps: the port's own
    /// permanent fdb entry (fdb_notify) comes between the bridge's and
    /// the port's AF_BRIDGE lines, and goes after the port's RTM_DELLINK.
    /// A bridge's own entry and those added on it, around its creation and
    /// deletion, and a port's static entry when it leaves, as Linux 6.x
    /// printed them.
    #[test]
    fn bridge_lifetime_streams_its_fdb_entries() {
        let mut w = World::new();
        run(&mut w, "ip link add br0 address 02:00:00:00:00:01 type bridge");
        run(&mut w, "ip link add p1 address 02:00:00:00:01:01 type veth peer name e1 address 02:00:00:00:01:02");
        run(&mut w, "ip link set p1 master br0");
        let mut m = Monitor::start(&mut w, &words("monitor"), &mut Output::new()).unwrap();
        run(&mut w, "bridge fdb add 02:00:00:00:00:09 dev p1 master static");
        run(&mut w, "bridge fdb add 02:00:00:00:00:0a dev br0 self local");
        run(&mut w, "ip link set p1 nomaster");
        run(&mut w, "ip link del br0");
        run(&mut w, "ip link add br1 address 02:00:00:00:00:07 type bridge");
        // Read while br1 exists, as a live monitor does: its fdb lines come
        // before its link and name it by asking the kernel.
        let mut text = poll(&mut m, &mut w);
        run(&mut w, "ip link del br1");
        text += &poll(&mut m, &mut w);
        let want = "02:00:00:00:00:09 dev p1 master br0 static\n\
                    02:00:00:00:00:0a dev br0 master br0 permanent\n\
                    4: p1@e1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 \n\
                    4: p1@e1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 \n\
                    Deleted 4: p1@e1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 \n\
                    Deleted 02:00:00:00:00:09 dev p1 master br0 static\n\
                    Deleted 02:00:00:00:01:01 dev p1 master br0 permanent\n\
                    4: p1@e1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 \n\
                    2: br0: <BROADCAST,MULTICAST> mtu 1500 \n\
                    Deleted 02:00:00:00:00:0a dev br0 master br0 permanent\n\
                    Deleted 02:00:00:00:00:01 dev br0 master br0 permanent\n\
                    Deleted 2: br0: <BROADCAST,MULTICAST> mtu 1500 \n\
                    02:00:00:00:00:07 dev br1 master br1 permanent\n\
                    Deleted 02:00:00:00:00:07 dev br1 master br1 permanent\n\
                    02:00:00:00:00:07 dev br1 master br1 permanent\n\
                    5: br1: <BROADCAST,MULTICAST> mtu 1500 \n\
                    Deleted 02:00:00:00:00:07 dev br1 master br1 permanent\n\
                    Deleted 5: br1: <BROADCAST,MULTICAST> mtu 1500 \n";
        assert_eq!(text, want);
    }

    /// `ip monitor neigh` prints the same fdb notifications its own way,
    /// as Linux 6.x did for the same steps.
    #[test]
    fn ip_monitor_prints_fdb_notifications() {
        let mut w = World::new();
        run(&mut w, "ip link add br0 address 02:00:00:00:00:01 type bridge");
        run(&mut w, "ip link add p1 address 02:00:00:00:01:01 type veth peer name e1 address 02:00:00:00:01:02");
        let mut out = Output::new();
        let mut ip = crate::ip::monitor::Monitor::start(&mut w, &words("monitor neigh"), &mut out).unwrap();
        run(&mut w, "ip link set p1 master br0");
        run(&mut w, "bridge fdb add 02:00:00:00:00:09 dev p1 master static");
        run(&mut w, "bridge fdb del 02:00:00:00:00:09 dev p1 master static");
        let mut out = Output::new();
        ip.poll(&mut w, &mut out);
        assert_eq!(
            out.combined(),
            "dev p1 lladdr 02:00:00:00:01:01 PERMANENT \n\
             dev p1 lladdr 02:00:00:00:00:09 NOARP \n\
             Deleted dev p1 lladdr 02:00:00:00:00:09 NOARP \n"
        );
    }

    /// `fdb_flush` on a forwarding port deletes its dynamic entries,
    /// newest first, each announced; static ones stay (Linux 6.x).
    #[test]
    fn port_flush_announces_each_dynamic_entry() {
        let mut w = World::new();
        for line in [
            "ip link add br0 address 02:00:00:00:00:01 type bridge",
            "ip link add p1 address 02:00:00:00:01:01 type veth peer name e1 address 02:00:00:00:01:02",
            "ip link set e1 addrgenmode none",
            "ip link set p1 addrgenmode none",
            "ip link set br0 addrgenmode none",
            "ip link set p1 master br0",
            "ip link add p2 address 02:00:00:00:02:01 type veth peer name e2 address 02:00:00:00:02:02",
            "ip link set p2 master br0",
            "ip link set p1 up",
            "ip link set e1 up",
            "ip link set br0 up",
        ] {
            run(&mut w, line);
        }
        let mut m = Monitor::start(&mut w, &words("monitor fdb"), &mut Output::new()).unwrap();
        // A disabled port takes no dynamic entry (fdb_add_entry: EPERM).
        let mut sh = crate::shell::Shell::new(Box::new(w.clone()));
        let mut out = Output::new();
        assert_eq!(sh.run_line("bridge fdb add 02:00:00:00:00:07 dev p2 master dynamic", &mut out), 255);
        assert_eq!(out.combined(), "RTNETLINK answers: Operation not permitted\n");
        run(&mut w, "bridge fdb add 02:00:00:00:00:09 dev p1 master dynamic");
        run(&mut w, "bridge fdb add 02:00:00:00:00:0a dev p1 master dynamic");
        run(&mut w, "bridge fdb add 02:00:00:00:00:08 dev p1 master static");
        run(&mut w, "ip link set p1 type bridge_slave fdb_flush");
        let want = "02:00:00:00:00:09 dev p1 master br0 \n\
                    02:00:00:00:00:0a dev p1 master br0 \n\
                    02:00:00:00:00:08 dev p1 master br0 static\n\
                    Deleted 02:00:00:00:00:0a dev p1 master br0 \n\
                    Deleted 02:00:00:00:00:09 dev p1 master br0 \n";
        assert_eq!(poll(&mut m, &mut w), want);
    }

    #[test]
    fn port_changes_stream_as_bridge_prints_them() {
        let mut w = World::new();
        run(&mut w, "ip link add br0 address 02:00:00:00:00:01 type bridge");
        run(&mut w, "ip link add p1 address 02:00:00:00:01:01 type veth peer name e1 address 02:00:00:00:01:02");
        let mut m = Monitor::start(&mut w, &words("monitor"), &mut Output::new()).unwrap();
        let mut fdb = Monitor::start(&mut w, &words("monitor fdb"), &mut Output::new()).unwrap();
        let mut all = Monitor::start(&mut w, &words("monitor all"), &mut Output::new()).unwrap();
        assert_eq!(poll(&mut m, &mut w), "");
        run(&mut w, "ip link set p1 master br0");
        let joined = "4: p1@e1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 \n\
                      4: p1@e1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 \n\
                      2: br0: <BROADCAST,MULTICAST> mtu 1500 \n\
                      02:00:00:00:01:01 dev p1 master br0 permanent\n\
                      4: p1@e1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 \n";
        assert_eq!(poll(&mut m, &mut w), joined);
        assert_eq!(poll(&mut fdb, &mut w), "02:00:00:00:01:01 dev p1 master br0 permanent\n");
        let prefixed: String =
            joined.lines().map(|l| if l.contains("mtu") { format!("[LINK]{l}\n") } else { format!("[NEIGH]{l}\n") }).collect();
        assert_eq!(poll(&mut all, &mut w), prefixed);
        // `bridge fdb add`/`del` (fdb_notify), as Linux printed them.
        run(&mut w, "bridge fdb add 02:00:00:00:00:09 dev p1 master static");
        run(&mut w, "bridge fdb del 02:00:00:00:00:09 dev p1 master static");
        let fdb_lines = "02:00:00:00:00:09 dev p1 master br0 static\n\
                         Deleted 02:00:00:00:00:09 dev p1 master br0 static\n";
        assert_eq!(poll(&mut m, &mut w), fdb_lines);
        assert_eq!(poll(&mut fdb, &mut w), fdb_lines);
        let prefixed: String = fdb_lines.lines().map(|l| format!("[NEIGH]{l}\n")).collect();
        assert_eq!(poll(&mut all, &mut w), prefixed);
        run(&mut w, "ip link set p1 nomaster");
        let left = "4: p1@e1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 \n\
                    4: p1@e1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 state disabled priority 32 cost 2 \n\
                    Deleted 4: p1@e1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 master br0 \n\
                    Deleted 02:00:00:00:01:01 dev p1 master br0 permanent\n\
                    4: p1@e1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 \n\
                    2: br0: <BROADCAST,MULTICAST> mtu 1500 \n";
        assert_eq!(poll(&mut m, &mut w), left);
    }

    /// Two hosts (h1, h2) on a bridge in namespace `sw`, with `bridge
    /// monitor fdb` running there.
    fn two_hosts_on_a_bridge() -> (World, Monitor) {
        let mut w = World::new();
        for line in [
            "ip netns add h1",
            "ip netns add h2",
            "ip netns add sw",
            "ip netns exec h1 sysctl -qw net.ipv6.conf.default.disable_ipv6=1",
            "ip netns exec h2 sysctl -qw net.ipv6.conf.default.disable_ipv6=1",
            "ip netns exec sw sysctl -qw net.ipv6.conf.default.disable_ipv6=1",
            "ip -n sw link add br0 address 02:00:00:00:00:01 type bridge",
            "ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name p1 address 02:00:00:00:01:02 netns sw",
            "ip link add e2 address 02:00:00:00:02:01 netns h2 type veth peer name p2 address 02:00:00:00:02:02 netns sw",
            "ip -n sw link set p1 master br0 up",
            "ip -n sw link set p2 master br0 up",
            "ip -n sw link set br0 up",
            "ip -n h1 addr add 10.0.0.1/24 dev e1",
            "ip -n h2 addr add 10.0.0.2/24 dev e2",
            "ip -n h1 link set e1 up",
            "ip -n h2 link set e2 up",
        ] {
            run(&mut w, line);
        }
        let m = Monitor::start(&mut w, &words("-n sw monitor fdb"), &mut Output::new()).unwrap();
        (w, m)
    }

    /// Runs each line on the world; returns what the monitor printed after
    /// each.
    fn steps(w: &mut World, m: &mut Monitor, lines: &[&str]) -> Vec<String> {
        let mut sh = crate::shell::Shell::new(Box::new(w.clone()));
        lines
            .iter()
            .map(|line| {
                sh.run_line(line, &mut Output::new());
                poll(m, w)
            })
            .collect()
    }

    /// What `bridge monitor fdb` printed on Linux 6.x for the same steps.
    /// A port in the learning state learns from the ARP request it drops
    /// (`br_handle_frame_finish` → `br_fdb_update` → `fdb_notify`). (Linux
    /// was also given the state with `bridge link set dev p1 state 2`,
    /// which our `bridge` lacks; both reach `br_set_port_state`.)
    #[test]
    fn a_learning_port_learns_and_announces() {
        let (mut w, mut m) = two_hosts_on_a_bridge();
        let shown = steps(&mut w, &mut m, &["ip -n sw link set p1 type bridge_slave state 2", "ip netns exec h1 ping -c 1 -W 1 10.0.0.2"]);
        assert_eq!(shown, ["", "02:00:00:00:01:01 dev p1 master br0 \n"]);
    }

    /// `bridge fdb add` without a state is permanent; adding it again is
    /// EEXIST and silent; setting a static or permanent entry again
    /// announces it again, a dynamic one not (Linux 6.x, `bridge monitor
    /// fdb`).
    #[test]
    fn fdb_adds_announce_as_linux_does() {
        let (mut w, mut m) = two_hosts_on_a_bridge();
        let shown = steps(
            &mut w,
            &mut m,
            &[
                "bridge -n sw fdb add 02:00:00:00:09:01 dev p2 master",
                "bridge -n sw fdb add 02:00:00:00:09:01 dev p2 master",
                "bridge -n sw fdb replace 02:00:00:00:09:01 dev p2 master",
                "bridge -n sw fdb replace 02:00:00:00:09:01 dev p2 master permanent",
                "bridge -n sw fdb add 02:00:00:00:09:02 dev p2 master static",
                "bridge -n sw fdb replace 02:00:00:00:09:02 dev p2 master static",
                "bridge -n sw fdb add 02:00:00:00:09:03 dev p2 master dynamic",
                "bridge -n sw fdb replace 02:00:00:00:09:03 dev p2 master dynamic",
            ],
        );
        let permanent = "02:00:00:00:09:01 dev p2 master br0 permanent\n";
        let fixed = "02:00:00:00:09:02 dev p2 master br0 static\n";
        let dynamic = "02:00:00:00:09:03 dev p2 master br0 \n";
        assert_eq!(shown, [permanent, "", permanent, permanent, fixed, fixed, dynamic, ""]);
    }

    /// A ping teaches the bridge both stations, each announced once; past
    /// the ageing time, learnt and dynamic entries are deleted as stale in
    /// the order they fell due, newest first among equals (`br_fdb_cleanup`),
    /// as Linux 6.x printed them. (Linux's neighbour probes then taught it
    /// both stations again; our neighbours do not probe in the background.)
    #[test]
    fn learnt_entries_age_out_announced() {
        let (mut w, mut m) = two_hosts_on_a_bridge();
        let shown = steps(
            &mut w,
            &mut m,
            &[
                "bridge -n sw fdb add 02:00:00:00:09:03 dev p2 master dynamic",
                "ip netns exec h1 ping -c 1 10.0.0.2",
                "ip netns exec h1 ping -c 1 10.0.0.2",
                "ip -n sw link set br0 type bridge ageing_time 300",
                "ip netns exec h1 ping -c 4 -q 10.0.0.1",
            ],
        );
        assert_eq!(
            shown,
            [
                "02:00:00:00:09:03 dev p2 master br0 \n",
                "02:00:00:00:01:01 dev p1 master br0 \n02:00:00:00:02:01 dev p2 master br0 \n",
                "",
                "",
                "Deleted 02:00:00:00:09:03 dev p2 master br0 stale\n\
                 Deleted 02:00:00:00:02:01 dev p2 master br0 stale\n\
                 Deleted 02:00:00:00:01:01 dev p1 master br0 stale\n",
            ]
        );
    }

    /// `ip monitor neigh` prints the same learning and ageing its own way,
    /// as Linux 6.x did: REACHABLE when learnt, STALE when aged out.
    #[test]
    fn ip_monitor_prints_learning_and_ageing() {
        let (mut w, _) = two_hosts_on_a_bridge();
        let mut ip = crate::ip::monitor::Monitor::start(&mut w, &words("-n sw monitor neigh"), &mut Output::new()).unwrap();
        let mut sh = crate::shell::Shell::new(Box::new(w.clone()));
        let mut text = String::new();
        for line in [
            "ip netns exec h1 ping -c 1 10.0.0.2",
            "ip -n sw link set br0 type bridge ageing_time 300",
            "ip netns exec h1 ping -c 4 -q 10.0.0.1",
        ] {
            sh.run_line(line, &mut Output::new());
            let mut out = Output::new();
            ip.poll(&mut w, &mut out);
            text += &out.combined();
        }
        assert_eq!(
            text,
            "dev p1 lladdr 02:00:00:00:01:01 REACHABLE \n\
             dev p2 lladdr 02:00:00:00:02:01 REACHABLE \n\
             Deleted dev p2 lladdr 02:00:00:00:02:01 STALE \n\
             Deleted dev p1 lladdr 02:00:00:00:01:01 STALE \n"
        );
    }
}
