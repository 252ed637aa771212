//! Running a command in another namespace: `ip [OPTIONS] netns exec NS
//! CMD...` (iproute2's `netns_exec`, after ip.c's option loop) and
//! util-linux's `nsenter --net=PATH [--] CMD...`. The shell switches the
//! host's current namespace, runs CMD, and switches back.

use super::{Launcher, Shell, files};
use crate::ip::args::matches;
use crate::output::Output;

/// Runs CMD with `ns` as the current namespace, then restores the one
/// before.
fn run_in(
    sh: &mut Shell,
    ns: Option<&str>,
    cmd: &[String],
    input: &str,
    out: &mut Output,
    by: Launcher,
) -> Result<i32, crate::errno::Errno> {
    let saved = sh.host.current_netns();
    sh.host.set_current_netns(ns)?;
    let st = sh.exec(cmd, input, out, by);
    let _ = sh.host.set_current_netns(saved.as_deref());
    Ok(st)
}

/// `ip [OPTIONS] netns exec NAME CMD...` and `ip [OPTIONS] -all netns exec
/// CMD...`. None when the words are not a netns exec (or ip's options are
/// wrong: then `ip` itself reports them).
pub fn ip_netns_exec(sh: &mut Shell, args: &[String], input: &str, out: &mut Output) -> Option<i32> {
    let mut scratch = Output::new();
    let (g, first) = crate::ip::parse_global(args, &mut scratch).ok()?;
    let rest = args.get(first..)?;
    let obj = rest.first()?;
    let object = crate::ip::OBJECTS.iter().find(|(n, _)| matches(obj, n)).map(|(n, _)| *n);
    if object != Some("netns") || !rest.get(1).is_some_and(|c| matches(c, "exec")) || g.batch.is_some() {
        return None;
    }
    let saved = sh.host.current_netns();
    // `-n NS` switches first, as ip.c's netns_switch does before the object.
    if let Some(ns) = &g.netns {
        if let Err(e) = sh.host.set_current_netns(Some(ns)) {
            out.err(&format!("Cannot open network namespace \"{ns}\": {}\n", e.message()));
            return Some(255);
        }
    }
    let st = exec_after_options(sh, g.opts.all, rest.get(2..).unwrap_or_default(), input, out);
    let _ = sh.host.set_current_netns(saved.as_deref());
    Some(st)
}

/// `netns exec` once the options and the words `netns exec` are read.
fn exec_after_options(sh: &mut Shell, all: bool, rest: &[String], input: &str, out: &mut Output) -> i32 {
    if all {
        // on_netns_exec: CMD in every namespace, each announced.
        if rest.is_empty() {
            out.err("No command specified\n");
            return 1;
        }
        for ns in sh.host.netns_list() {
            out.out(&format!("\nnetns: {ns}\n"));
            let _ = run_in(sh, Some(&ns), rest, input, out, Launcher::NetnsExec);
        }
        return 0;
    }
    let Some(ns) = rest.first() else {
        out.err("No netns name specified\n");
        return 1;
    };
    if crate::ip::netns::invalid_name(ns) {
        out.err(&format!("Invalid netns name \"{ns}\"\n"));
        return 255;
    }
    if rest.len() < 2 {
        out.err("No command specified\n");
        return 1;
    }
    match run_in(sh, Some(ns), &rest[1..], input, out, Launcher::NetnsExec) {
        Ok(st) => st,
        Err(e) => {
            out.err(&format!("Cannot open network namespace \"{ns}\": {}\n", e.message()));
            255
        }
    }
}

const NSENTER_USAGE: &str = "Try 'nsenter --help' for more information.\n";

/// `nsenter --net=PATH | -nPATH [--] CMD...`: PATH is `/var/run/netns/NAME`
/// (or `/run/netns/NAME`, `/proc/1/ns/net` for the first namespace).
pub fn nsenter(sh: &mut Shell, args: &[String], input: &str, out: &mut Output) -> i32 {
    let mut path: Option<&str> = None;
    let mut net_without_file = false;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        if a == "--" {
            i += 1;
            break;
        }
        if let Some(p) = a.strip_prefix("--net=") {
            path = Some(p);
        } else if a == "--net" || a == "-n" {
            // The file is an optional argument: never the next word.
            net_without_file = true;
        } else if let Some(p) = a.strip_prefix("-n") {
            path = Some(p);
        } else if a.starts_with('-') && a.len() > 1 {
            if let Some(long) = a.strip_prefix("--") {
                out.err(&format!("nsenter: unrecognized option '--{long}'\n"));
            } else {
                out.err(&format!("nsenter: invalid option -- '{}'\n", a.chars().nth(1).unwrap_or('-')));
            }
            out.err(NSENTER_USAGE);
            return 1;
        } else {
            break;
        }
        i += 1;
    }
    let cmd = args.get(i..).unwrap_or_default();
    if net_without_file && path.is_none() {
        out.err("nsenter: neither filename nor target pid supplied for ns/net\n");
        return 1;
    }
    let target = match path {
        None => sh.host.current_netns(),
        Some(p) => match files::netns_of(sh.host.as_ref(), p) {
            Ok(ns) => ns,
            Err(e) => {
                out.err(&format!("nsenter: cannot open {p}: {}\n", e.message()));
                return 1;
            }
        },
    };
    if cmd.is_empty() {
        out.err("nsenter: no interactive shell here: give the command to run (nsenter --net=PATH COMMAND...)\n");
        return 1;
    }
    match run_in(sh, target.as_deref(), cmd, input, out, Launcher::Nsenter) {
        Ok(st) => st,
        Err(e) => {
            out.err(&format!("nsenter: reassociate to namespace 'ns/net' failed: {}\n", e.message()));
            1
        }
    }
}
