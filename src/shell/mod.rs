//! The command interpreter of the terminal and the CLI: one line at a time,
//! the way a root bash prompt runs our commands.
//!
//! Lines are split as bash splits simple commands ([`words`]); the
//! commands are builtins: `ip` (with `ip netns exec NS CMD...` run here),
//! `bridge` (fdb and link), `ping` and `traceroute` (the packet walk of the
//! host), `sysctl`, `echo`, `true`, `false`, `help`, `clear` and `exit`.

pub mod jobs;
pub mod sysctl;
pub mod words;

use crate::host::Host;
use crate::ip::args::matches;
use crate::output::Output;
use words::{fill_status, split, Join, SplitError};

/// A shell session over a host.
pub struct Shell {
    host: Box<dyn Host>,
    status: i32,
    exited: bool,
    jobs: jobs::Table,
}

/// What `help` prints.
const HELP: &str = "\
Commands:
  ip [ OPTIONS ] OBJECT { COMMAND | help }   iproute2 6.1's ip
  ip netns exec NAME COMMAND...               run a command in a namespace
  bridge [ -n NS ] { fdb | link } [ show ... ]   iproute2 6.1's bridge
  sysctl [-n] [-w] KEY[=VALUE]...             read or write net.* settings
  ping [-c N] [-i S] [-W S] [-s N] [-t N] [-I IF] [-q] DEST   iputils ping
  traceroute [-n] [-I] [-m N] [-q N] [-w S] DEST           traceroute 2.1
  echo [-n] [-e] TEXT...                      print text
  true, false                                 exit with status 0 or 1
  clear                                       clear the screen
  help                                        this text
  exit [N]                                    end the session
Words are split as bash does: 'single' and \"double\" quotes, backslashes,
# comments, $? for the last status, and ; && || between commands.
";

impl Shell {
    /// A session over `host`, with `$?` at 0.
    pub fn new(host: Box<dyn Host>) -> Shell {
        Shell { host, status: 0, exited: false, jobs: jobs::Table::default() }
    }

    /// The host the session runs on.
    pub fn host(&mut self) -> &mut dyn Host {
        self.host.as_mut()
    }

    /// The prompt an interactive session shows.
    pub fn prompt(&self) -> String {
        "root@iplab:~# ".to_string()
    }

    /// Whether `exit` has run.
    pub fn exited(&self) -> bool {
        self.exited
    }

    /// The status of the last command (`$?`).
    pub fn last_status(&self) -> i32 {
        self.status
    }

    /// Runs one line and returns its status (also kept for `$?`).
    pub fn run_line(&mut self, line: &str, out: &mut Output) -> i32 {
        if self.exited {
            return self.status;
        }
        let cmds = match split(line, -1, &|_| None) {
            Ok(c) => c,
            Err(SplitError::Unterminated(q)) => {
                out.err(&format!("bash: unexpected EOF while looking for matching `{q}'\n"));
                self.status = 2;
                return 2;
            }
            Err(SplitError::Syntax(tok)) => {
                out.err(&format!("bash: syntax error near unexpected token `{tok}'\n"));
                self.status = 2;
                return 2;
            }
        };
        for c in cmds {
            let run = match c.join {
                Join::Always => true,
                Join::And => self.status == 0,
                Join::Or => self.status != 0,
            };
            if !run {
                continue;
            }
            let words: Vec<String> = c.words.iter().map(|w| fill_status(w, self.status)).collect();
            self.status = match jobs::intercept(self, &words, out) {
                Some(st) => st,
                None => self.exec(&words, out, false),
            };
            if self.exited {
                break;
            }
        }
        jobs::flush(self, out);
        self.status
    }

    /// Runs one command. `in_netns_exec` changes how an unknown command
    /// fails (iproute2's exec message instead of bash's).
    fn exec(&mut self, words: &[String], out: &mut Output, in_netns_exec: bool) -> i32 {
        let Some((cmd, args)) = words.split_first() else { return self.status };
        match cmd.as_str() {
            "ip" => {
                if let Some(st) = self.netns_exec(args, out) {
                    return st;
                }
                crate::ip::run(self.host.as_mut(), args, out)
            }
            "sysctl" => sysctl::run(self.host.as_mut(), args, out),
            "bridge" => crate::bridge::run(self.host.as_mut(), args, out),
            "jobs" | "kill" | "wait" => jobs::builtin(self, cmd, args, out).unwrap_or(0),
            "ping" | "traceroute" | "nc" | "curl" | "ss" | "python3" => match jobs::run_program(self, cmd, args, out) {
                Some(st) => st,
                None if in_netns_exec => {
                    out.err(&format!("exec of \"{cmd}\" failed: No such file or directory\n"));
                    1
                }
                None => {
                    out.err(&format!("bash: {cmd}: command not found\n"));
                    127
                }
            },
            "echo" => echo(args, out),
            "true" | ":" => 0,
            "false" => 1,
            "help" => {
                out.out(HELP);
                0
            }
            "clear" => {
                out.out("\x1b[H\x1b[2J\x1b[3J");
                0
            }
            "exit" => {
                let st = match args.first() {
                    None => self.status,
                    Some(a) => match crate::text::int::<i64>(a) {
                        Some(n) => (n & 0xff) as i32,
                        None => {
                            out.err(&format!("bash: exit: {a}: numeric argument required\n"));
                            2
                        }
                    },
                };
                self.exited = true;
                st
            }
            other if in_netns_exec => {
                out.err(&format!("exec of \"{other}\" failed: No such file or directory\n"));
                1
            }
            other => {
                out.err(&format!("bash: {other}: command not found\n"));
                127
            }
        }
    }

    /// `ip netns exec NAME CMD...`: runs CMD with NAME as the current
    /// namespace, then restores the previous one. None when the words are
    /// not a netns exec.
    fn netns_exec(&mut self, args: &[String], out: &mut Output) -> Option<i32> {
        // `ip -all netns exec CMD...`: CMD in every namespace (on_netns_exec).
        if args.first().is_some_and(|o| o.len() > 1 && matches(o, "-all")) {
            let rest = args.get(1..).unwrap_or_default();
            let obj = rest.first()?;
            let first = crate::ip::OBJECTS.iter().find(|(n, _)| matches(obj, n)).map(|(n, _)| *n);
            if first != Some("netns") || !rest.get(1).is_some_and(|c| matches(c, "exec")) {
                return None;
            }
            let cmd = &rest[2..];
            if cmd.is_empty() {
                out.err("No command specified\n");
                return Some(1);
            }
            let saved = self.host.current_netns();
            for ns in self.host.netns_list() {
                out.out(&format!("\nnetns: {ns}\n"));
                if self.host.set_current_netns(Some(&ns)).is_ok() {
                    self.exec(cmd, out, true);
                }
            }
            let _ = self.host.set_current_netns(saved.as_deref());
            return Some(0);
        }
        let obj = args.first()?;
        // Abbreviations resolve like ip's object table.
        let first = crate::ip::OBJECTS.iter().find(|(n, _)| matches(obj, n)).map(|(n, _)| *n);
        if first != Some("netns") || !args.get(1).is_some_and(|c| matches(c, "exec")) {
            return None;
        }
        let rest = &args[2..];
        let Some(ns) = rest.first() else {
            out.err("No netns name specified\n");
            return Some(1);
        };
        if crate::ip::netns::invalid_name(ns) {
            out.err(&format!("Invalid netns name \"{ns}\"\n"));
            return Some(255);
        }
        if rest.len() < 2 {
            out.err("No command specified\n");
            return Some(1);
        }
        let saved = self.host.current_netns();
        if let Err(e) = self.host.set_current_netns(Some(ns)) {
            out.err(&format!("Cannot open network namespace \"{ns}\": {}\n", e.message()));
            return Some(255);
        }
        let st = self.exec(&rest[1..], out, true);
        let _ = self.host.set_current_netns(saved.as_deref());
        Some(st)
    }
}

/// bash's builtin `echo`: `-n` drops the newline, `-e` interprets
/// backslash escapes, `-E` does not.
fn echo(args: &[String], out: &mut Output) -> i32 {
    let mut newline = true;
    let mut escapes = false;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        let Some(flags) = a.strip_prefix('-') else { break };
        if flags.is_empty() || !flags.chars().all(|c| matches!(c, 'n' | 'e' | 'E')) {
            break;
        }
        for c in flags.chars() {
            match c {
                'n' => newline = false,
                'e' => escapes = true,
                _ => escapes = false,
            }
        }
        i += 1;
    }
    let text = args[i..].join(" ");
    let text = if escapes {
        match unescape(&text) {
            (t, true) => {
                out.out(&t);
                return 0;
            }
            (t, false) => t,
        }
    } else {
        text
    };
    out.out(&text);
    if newline {
        out.out("\n");
    }
    0
}

/// `echo -e` escapes; the flag is true when `\c` ended the output.
fn unescape(s: &str) -> (String, bool) {
    let mut o = String::new();
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        if c != '\\' {
            o.push(c);
            continue;
        }
        match it.next() {
            Some('n') => o.push('\n'),
            Some('t') => o.push('\t'),
            Some('r') => o.push('\r'),
            Some('a') => o.push('\x07'),
            Some('b') => o.push('\x08'),
            Some('f') => o.push('\x0c'),
            Some('v') => o.push('\x0b'),
            Some('e') | Some('E') => o.push('\x1b'),
            Some('\\') => o.push('\\'),
            Some('c') => return (o, true),
            Some('0') => {
                let mut v = 0u32;
                for _ in 0..3 {
                    match it.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            it.next();
                        }
                        None => break,
                    }
                }
                o.push(char::from_u32(v).unwrap_or('\0'));
            }
            Some(other) => {
                o.push('\\');
                o.push(other);
            }
            None => o.push('\\'),
        }
    }
    (o, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::errno::Errno;
    use crate::host::NetlinkSocket;
    use std::collections::BTreeMap;

    /// A host with sysctls and namespaces but no kernel.
    #[derive(Default)]
    struct FakeHost {
        sysctls: BTreeMap<String, String>,
        netns: Vec<String>,
        current: Option<String>,
    }

    impl Host for FakeHost {
        fn socket(&mut self, _: Option<&str>) -> Result<Box<dyn NetlinkSocket>, Errno> {
            Err(Errno::EPROTONOSUPPORT)
        }
        fn netns_list(&self) -> Vec<String> {
            self.netns.clone()
        }
        fn netns_add(&mut self, name: &str) -> Result<(), Errno> {
            self.netns.push(name.to_string());
            Ok(())
        }
        fn netns_del(&mut self, _: &str) -> Result<(), Errno> {
            Ok(())
        }
        fn netns_fd(&mut self, _: &str) -> Result<u32, Errno> {
            Err(Errno::ENOENT)
        }
        fn current_netns(&self) -> Option<String> {
            self.current.clone()
        }
        fn set_current_netns(&mut self, ns: Option<&str>) -> Result<(), Errno> {
            match ns {
                Some(n) if !self.netns.iter().any(|x| x == n) => Err(Errno::ENOENT),
                _ => {
                    self.current = ns.map(str::to_string);
                    Ok(())
                }
            }
        }
        fn sysctl_get(&self, key: &str) -> Result<String, Errno> {
            let k = match &self.current {
                Some(ns) => format!("{ns}:{key}"),
                None => key.to_string(),
            };
            self.sysctls.get(&k).or(self.sysctls.get(key)).cloned().ok_or(Errno::ENOENT)
        }
        fn sysctl_set(&mut self, key: &str, value: &str) -> Result<(), Errno> {
            if crate::text::int::<i64>(value).is_none() {
                return Err(Errno::EINVAL);
            }
            let k = match &self.current {
                Some(ns) => format!("{ns}:{key}"),
                None => key.to_string(),
            };
            self.sysctls.insert(k, value.to_string());
            Ok(())
        }
        fn sysctl_keys(&self) -> Vec<String> {
            self.sysctls.keys().filter(|k| !k.contains(':')).cloned().collect()
        }
    }

    fn shell() -> Shell {
        let mut h = FakeHost::default();
        h.sysctls.insert("net.ipv4.ip_forward".into(), "0".into());
        h.sysctls.insert("net.ipv4.conf.lo.forwarding".into(), "0".into());
        h.netns.push("red".into());
        Shell::new(Box::new(h))
    }

    fn run(sh: &mut Shell, line: &str) -> (i32, String, String) {
        let mut o = Output::new();
        let st = sh.run_line(line, &mut o);
        (st, o.stdout(), o.stderr())
    }

    #[test]
    fn echo_status_and_unknown_commands() {
        let mut sh = shell();
        assert_eq!(run(&mut sh, "echo hello   'big  world'"), (0, "hello big  world\n".into(), "".into()));
        assert_eq!(run(&mut sh, "frob x"), (127, "".into(), "bash: frob: command not found\n".into()));
        assert_eq!(run(&mut sh, "echo $?"), (0, "127\n".into(), "".into()));
        assert_eq!(run(&mut sh, "false; echo $?"), (0, "1\n".into(), "".into()));
        assert_eq!(run(&mut sh, "echo -n a; echo -e 'b\\tc'"), (0, "ab\tc\n".into(), "".into()));
        assert_eq!(run(&mut sh, "# nothing"), (0, "".into(), "".into()));
        assert_eq!(run(&mut sh, "true && echo y || echo n"), (0, "y\n".into(), "".into()));
    }

    #[test]
    fn sysctl_like_procps() {
        let mut sh = shell();
        assert_eq!(run(&mut sh, "sysctl net.ipv4.ip_forward").1, "net.ipv4.ip_forward = 0\n");
        assert_eq!(run(&mut sh, "sysctl -n net.ipv4.ip_forward").1, "0\n");
        assert_eq!(run(&mut sh, "sysctl -w net.ipv4.ip_forward=1").1, "net.ipv4.ip_forward = 1\n");
        assert_eq!(run(&mut sh, "sysctl net/ipv4/ip_forward").1, "net.ipv4.ip_forward = 1\n");
        let (st, _, err) = run(&mut sh, "sysctl net.ipv4.nosuch");
        assert_eq!(st, 1);
        assert_eq!(err, "sysctl: cannot stat /proc/sys/net/ipv4/nosuch: No such file or directory\n");
        let (st, _, err) = run(&mut sh, "sysctl -w net.ipv4.ip_forward=abc");
        assert_eq!((st, err.as_str()), (1, "sysctl: setting key \"net.ipv4.ip_forward\": Invalid argument\n"));
        assert_eq!(run(&mut sh, "sysctl net.ipv4.conf.lo").1, "net.ipv4.conf.lo.forwarding = 0\n");
        assert_eq!(run(&mut sh, "sysctl -a").1.lines().count(), 2);
    }

    #[test]
    fn netns_exec_switches_and_restores() {
        let mut sh = shell();
        run(&mut sh, "ip netns exec red sysctl -w net.ipv4.ip_forward=1");
        assert_eq!(run(&mut sh, "sysctl -n net.ipv4.ip_forward").1, "0\n");
        assert_eq!(run(&mut sh, "ip netns exec red sysctl -n net.ipv4.ip_forward").1, "1\n");
        assert_eq!(run(&mut sh, "ip netns exec red false").0, 1);
        let (st, _, err) = run(&mut sh, "ip netns exec blue true");
        assert_eq!(st, 255);
        assert_eq!(err, "Cannot open network namespace \"blue\": No such file or directory\n");
        let (st, _, err) = run(&mut sh, "ip netns exec red frob");
        assert_eq!((st, err.as_str()), (1, "exec of \"frob\" failed: No such file or directory\n"));
        assert_eq!(run(&mut sh, "ip netns exec").2, "No netns name specified\n");
        assert!(sh.host().current_netns().is_none());
    }

    #[test]
    fn exit_ends_the_session() {
        let mut sh = shell();
        assert_eq!(run(&mut sh, "exit 3").0, 3);
        assert!(sh.exited());
    }
}
