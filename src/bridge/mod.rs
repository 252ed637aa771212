//! `bridge`, iproute2's bridge tool (bridge/bridge.c): global options, then
//! the `fdb` ([`fdb`]) and `link` ([`link`]) objects, over the same netlink
//! client, printer and interface cache as `ip`.

pub mod fdb;
pub mod link;

use crate::host::Host;
use crate::ip::args::{matches, Exit, Res};
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

fn run_inner(host: &mut dyn Host, args: &[String], out: &mut Output) -> i32 {
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
            return usage(out);
        } else if is("-Version") {
            out.out(VERSION);
            return 0;
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
            let Some(ns) = args.get(i) else { return usage(out) };
            if let Err(e) = host.set_current_netns(Some(ns)) {
                out.err(&format!("Cannot open network namespace \"{ns}\": {}\n", e.message()));
                return 255;
            }
        } else if opt == "-color" || opt.starts_with("-color=") || is("-compressvlans") || is("-force") {
        } else if is("-json") {
            o.json += 1;
        } else if is("-pretty") {
            o.pretty += 1;
        } else {
            out.err(&format!("Option \"{word}\" is unknown, try \"bridge help\".\n"));
            return 255;
        }
        i += 1;
    }
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
