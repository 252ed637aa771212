//! `bridge`, iproute2's bridge tool (bridge/bridge.c): global options, then
//! the `fdb` ([`fdb`]), `link` ([`link`]), `vlan` ([`vlan`]) and `monitor`
//! ([`monitor`]) objects, over the same netlink client, printer and
//! interface cache as `ip`.

pub mod fdb;
mod flush;
pub mod link;
pub mod monitor;
pub mod vlan;

use crate::host::Host;
use crate::ip::args::{Exit, Res, matches};
use crate::ip::client::Rtnl;
use crate::ip::ctx::{Ip, Opts};
use crate::ip::print::Printer;
use crate::output::Output;

const USAGE: &str = "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }
       bridge [ -force ] -batch filename
where  OBJECT := { link | fdb | mdb | vlan | monitor }
       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |
                    -o[neline] | -t[imestamp] | -n[etns] name |
                    -c[ompressvlans] -color -p[retty] -j[son] }
";

/// What `bridge -V` prints.
const VERSION: &str = "bridge utility, 6.1.0\n";

fn usage(out: &mut Output) -> i32 {
    out.err(USAGE);
    255
}

/// Runs `bridge ARGS...` in the host's current namespace (or the one `-n`
/// names); returns the exit status.
pub fn run(host: &mut dyn Host, args: &[String], out: &mut Output) -> i32 {
    let saved = host.current_netns();
    let status = run_inner(host, args, out);
    if host.current_netns() != saved {
        let _ = host.set_current_netns(saved.as_deref());
    }
    status
}

/// Parses the options before the object (bridge.c's `main` loop); `-n`
/// switches the host's namespace at once. Returns the options and the index
/// of the object, or the exit status when the line ends here.
fn parse_global(host: &mut dyn Host, args: &[String], out: &mut Output) -> Result<(Opts, usize), i32> {
    let mut o = Opts::default();
    let mut i = 0;
    while i < args.len() {
        let word = args[i].as_str();
        if word == "--" {
            i += 1;
            break;
        }
        if !word.starts_with('-') {
            break;
        }
        let opt = word.strip_prefix('-').map(|w| w.strip_prefix('-').unwrap_or(w)).unwrap_or(word);
        let opt = format!("-{opt}");
        let is = |full: &str| matches(&opt, full);
        if is("-help") {
            return Err(usage(out));
        } else if is("-Version") {
            out.out(VERSION);
            return Err(0);
        } else if is("-stats") || is("-statistics") {
            o.stats += 1;
        } else if is("-details") {
            o.details += 1;
        } else if is("-oneline") {
            o.oneline += 1;
        } else if is("-timestamp") {
            o.timestamp += 1;
        } else if opt == "-4" || opt == "-6" {
        } else if is("-netns") {
            i += 1;
            let Some(ns) = args.get(i) else { return Err(usage(out)) };
            if let Err(e) = host.set_current_netns(Some(ns)) {
                out.err(&format!("Cannot open network namespace \"{ns}\": {}\n", e.message()));
                return Err(255);
            }
        } else if is("-compressvlans") {
            o.compress_vlans += 1;
        } else if opt == "-color" || opt.starts_with("-color=") || is("-force") {
        } else if is("-json") {
            o.json += 1;
        } else if is("-pretty") {
            o.pretty += 1;
        } else {
            out.err(&format!("Option \"{word}\" is unknown, try \"bridge help\".\n"));
            return Err(255);
        }
        i += 1;
    }
    Ok((o, i))
}

fn run_inner(host: &mut dyn Host, args: &[String], out: &mut Output) -> i32 {
    let (o, i) = match parse_global(host, args, out) {
        Ok(v) => v,
        Err(status) => return status,
    };
    let rest = &args[i..];
    let Some((obj, tail)) = rest.split_first() else { return usage(out) };
    let rth = match Rtnl::open(host, true) {
        Ok(r) => r,
        Err(_) => return 1,
    };
    let mut p = Printer::new(out);
    p.set_pretty(o.pretty > 0);
    if o.oneline > 0 {
        p.sl = "\\";
    }
    let mut ip = Ip { host, p, o, rth, ll: Default::default() };
    let result: Res<i32> = if matches(obj, "link") {
        link::do_link(&mut ip, tail)
    } else if matches(obj, "fdb") {
        fdb::do_fdb(&mut ip, tail)
    } else if matches(obj, "vlan") {
        vlan::do_vlan(&mut ip, tail)
    } else if matches(obj, "monitor") {
        monitor::do_monitor(&mut ip, tail)
    } else if matches(obj, "help") {
        Err(Exit(usage(ip.p.out)))
    } else {
        ip.err(&format!("Object \"{obj}\" is unknown, try \"bridge help\".\n"));
        Ok(-1)
    };
    match result {
        Ok(r) => r & 0xff,
        Err(Exit(code)) => code & 0xff,
    }
}

#[cfg(test)]
mod tests {
    use crate::output::Output;
    use crate::shell::Shell;
    use crate::world::World;

    fn run(sh: &mut Shell, line: &str) -> (i32, String, String) {
        let mut out = Output::new();
        let st = sh.run_line(line, &mut out);
        (st, out.stdout(), out.stderr())
    }

    /// Two hosts on a bridge in a third namespace.
    fn switched() -> Shell {
        let mut sh = Shell::new(Box::new(World::new()));
        for line in [
            "ip netns add h1",
            "ip netns add h2",
            "ip netns add sw",
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
            assert_eq!(run(&mut sh, line).0, 0, "{line}");
        }
        sh
    }

    #[test]
    fn a_ping_teaches_the_bridge_both_stations() {
        let mut sh = switched();
        assert_eq!(run(&mut sh, "bridge -n sw fdb show dynamic").1, "");
        assert_eq!(run(&mut sh, "ip netns exec h1 ping -c 1 10.0.0.2").0, 0);
        let (st, out, _) = run(&mut sh, "bridge -n sw fdb show dynamic");
        assert_eq!(st, 0);
        assert_eq!(out, "02:00:00:00:01:01 dev p1 master br0 \n02:00:00:00:02:01 dev p2 master br0 \n");
        let (_, out, _) = run(&mut sh, "bridge -n sw fdb show brport p2 state permanent");
        assert!(out.starts_with("02:00:00:00:02:02 master br0 permanent\n"), "{out}");
    }

    #[test]
    fn static_entries_come_and_go_and_a_port_going_down_forgets_its_stations() {
        let mut sh = switched();
        run(&mut sh, "ip netns exec h1 ping -c 1 10.0.0.2");
        assert_eq!(run(&mut sh, "bridge -n sw fdb add 02:00:00:00:09:09 dev p2 master static").0, 0);
        let (st, _, err) = run(&mut sh, "bridge -n sw fdb add 02:00:00:00:09:09 dev p2 master static");
        assert_eq!((st, err.as_str()), (255, "RTNETLINK answers: File exists\n"));
        run(&mut sh, "ip -n sw link set p2 down");
        let (_, out, _) = run(&mut sh, "bridge -n sw fdb show dynamic");
        assert_eq!(out, "02:00:00:00:01:01 dev p1 master br0 \n02:00:00:00:09:09 dev p2 master br0 static\n");
        assert_eq!(run(&mut sh, "bridge -n sw fdb del 02:00:00:00:09:09 dev p2 master static").0, 0);
        let (st, _, err) = run(&mut sh, "bridge -n sw fdb del 02:00:00:00:09:09 dev p2 master");
        assert_eq!((st, err.as_str()), (255, "RTNETLINK answers: No such file or directory\n"));
        let (_, out, _) = run(&mut sh, "bridge -n sw link show dev p2");
        assert_eq!(out, "4: p2@br0: <BROADCAST,MULTICAST> mtu 1500 master br0 state disabled priority 32 cost 2 \n");
    }

    #[test]
    fn unknown_names_and_options_fail_as_bridge_does() {
        let mut sh = switched();
        assert_eq!(run(&mut sh, "bridge -n sw fdb show br nosuch"), (255, String::new(), "Cannot find bridge device \"nosuch\"\n".into()));
        assert_eq!(run(&mut sh, "bridge -n sw link show dev nosuch").2, "Cannot find device \"nosuch\"\n");
        assert_eq!(run(&mut sh, "bridge -frob link").2, "Option \"-frob\" is unknown, try \"bridge help\".\n");
        assert_eq!(run(&mut sh, "bridge frob").2, "Object \"frob\" is unknown, try \"bridge help\".\n");
    }
}
