//! The command interpreter of the terminal and the CLI: one line at a time,
//! the way a root bash prompt runs our commands.
//!
//! Lines are split as bash splits them ([`words`]): commands joined by `;`,
//! `&&`, `||` and `|`, with output redirections. The commands are
//! builtins: `ip` (with `ip [OPTIONS] netns exec NS CMD...` and `nsenter`
//! run here, [`enter`]), `bridge`, `ping` and `traceroute` (through the
//! host), `sysctl`, `cat` and `ls` over `/proc/sys/net` and `/run/netns`
//! ([`files`]), the text filters of [`filters`], `echo`, `true`, `false`,
//! `help`, `clear` and `exit`.

pub mod complete;
pub mod enter;
pub mod files;
pub mod filters;
pub mod jobs;
pub mod regex;
pub mod sysctl;
pub mod words;

use crate::host::Host;
use crate::output::{Output, Stream};
use words::{Command, Join, SplitError, Target, fill_status, split};

/// A shell session over a host.
pub struct Shell {
    host: Box<dyn Host>,
    status: i32,
    exited: bool,
    hints: bool,
    jobs: jobs::Table,
    /// Whether a line ends by showing what background jobs printed (off
    /// while a host streams a job's output itself, the page's foreground).
    flush_jobs: bool,
}

/// Who runs a command, which decides how a missing one is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Launcher {
    /// bash itself: `bash: CMD: command not found`, status 127.
    Shell,
    /// `ip netns exec`: `exec of "CMD" failed: ...`, status 1.
    NetnsExec,
    /// `nsenter`: `nsenter: failed to execute CMD: ...`, status 127.
    Nsenter,
}

/// The commands this shell has, as the "command not found" hint lists them.
pub const COMMANDS: &[&str] = &[
    "ip",
    "bridge",
    "ping",
    "traceroute",
    "iptables",
    "iptables-save",
    "ip6tables",
    "ip6tables-save",
    "nft",
    "nc",
    "curl",
    "ss",
    "tcpdump",
    "python3",
    "jobs",
    "kill",
    "wait",
    "sysctl",
    "nsenter",
    "cat",
    "ls",
    "echo",
    "grep",
    "head",
    "tail",
    "wc",
    "sort",
    "cut",
    "awk",
    "column",
    "true",
    "false",
    "clear",
    "help",
    "exit",
];

/// What `help` prints.
const HELP: &str = "\
Commands:
  ip [ OPTIONS ] OBJECT { COMMAND | help }   iproute2 6.1's ip
  ip [ OPTIONS ] netns exec NAME COMMAND...   run a command in a namespace
  nsenter --net=/var/run/netns/NAME COMMAND...  the same, as util-linux does
  bridge [ -n NS ] { fdb | link | vlan | monitor } ...   iproute2 6.1's bridge
  sysctl [-n] [-w] KEY[=VALUE]...             read or write net.* settings
  ping [-c N] [-i S] [-W S] [-s N] [-t N] [-I IF] [-q] DEST   iputils ping
  traceroute [-n] [-I] [-m N] [-q N] [-w S] DEST           traceroute 2.1
  iptables, iptables-save, nft                the packet filter (nf_tables)
  nc [-l] [-u] HOST PORT                      netcat (OpenBSD), over simulated sockets
  COMMAND &, jobs, kill %N, wait              background jobs
  echo [-n] [-e] TEXT...                      print text
  cat FILE..., ls [DIR]...                    /proc/sys/net/... and /var/run/netns
  grep [-EFivcownx] PATTERN, head/tail [-n N], wc [-lwc], sort [-nru] [-k N],
  cut -d C -f LIST, awk '{print $N}', column -t   filters after a |
  true, false                                 exit with status 0 or 1
  clear                                       clear the screen
  help                                        this text
  exit [N]                                    end the session
Words are split as bash does: 'single' and \"double\" quotes, backslashes,
# comments, $? for the last status, ; && || | between commands, and
> >> 2> 2>&1 redirections (echo 1 > /proc/sys/net/ipv4/ip_forward).
";

impl Shell {
    /// A session over `host`, with `$?` at 0.
    pub fn new(host: Box<dyn Host>) -> Shell {
        Shell { host, status: 0, exited: false, hints: false, jobs: jobs::Table::default(), flush_jobs: true }
    }

    /// Whether each line ends with what background jobs printed meanwhile
    /// (the default); a host that streams a job's output turns it off.
    pub fn set_flush_jobs(&mut self, on: bool) {
        self.flush_jobs = on;
    }

    /// Whether "command not found" adds a line naming the commands there
    /// are (for people at a terminal; transcripts keep bash's one line).
    pub fn set_hints(&mut self, on: bool) {
        self.hints = on;
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
        let mut k = 0;
        while k < cmds.len() {
            let len = cmds[k + 1..].iter().take_while(|c| c.join == Join::Pipe).count() + 1;
            let pipeline = &cmds[k..k + len];
            k += len;
            let run = match pipeline[0].join {
                Join::Always | Join::Pipe => true,
                Join::And => self.status == 0,
                Join::Or => self.status != 0,
            };
            if run {
                self.status = self.run_pipeline(pipeline, out);
            }
            if self.exited {
                break;
            }
        }
        if self.flush_jobs {
            jobs::flush(self, out);
        }
        self.status
    }

    /// Runs the commands of one pipeline, each reading what the one before
    /// printed; standard error goes to the terminal as it comes. The
    /// status is the last command's.
    fn run_pipeline(&mut self, stages: &[Command], out: &mut Output) -> i32 {
        let mut input = String::new();
        let mut status = 0;
        for (i, c) in stages.iter().enumerate() {
            let last = i + 1 == stages.len();
            let words: Vec<String> = c.words.iter().map(|w| fill_status(w, self.status)).collect();
            // Where standard output and error go, after the redirections.
            let mut to = [if last { Dest::Term(Stream::Out) } else { Dest::Pipe }, Dest::Term(Stream::Err)];
            let mut failed = false;
            for r in &c.redirects {
                let fd = usize::from(r.fd == 2);
                to[fd] = match &r.target {
                    Target::Fd(n) => to[usize::from(*n == 2)].clone(),
                    Target::File(f) => match files::check_writable(self.host.as_ref(), f) {
                        Ok(()) if f == "/dev/null" => Dest::Null,
                        Ok(()) => Dest::File(f.clone()),
                        Err(e) => {
                            out.err(&format!("bash: {f}: {}\n", e.message()));
                            failed = true;
                            break;
                        }
                    },
                };
            }
            if failed {
                status = 1;
                input.clear();
                continue;
            }
            let mut o = Output { terminal: out.terminal && to[0] == Dest::Term(Stream::Out), ..Output::default() };
            status = if words.is_empty() { 0 } else { jobs::exec(self, &words, &input, &mut o) };
            input.clear();
            let mut files: Vec<(String, String)> = Vec::new();
            for (stream, text) in o.chunks {
                match &to[usize::from(stream == Stream::Err)] {
                    Dest::Term(Stream::Out) => out.out(&text),
                    Dest::Term(Stream::Err) => out.err(&text),
                    Dest::Pipe => input.push_str(&text),
                    Dest::Null => {}
                    Dest::File(f) => match files.iter_mut().find(|(n, _)| n == f) {
                        Some((_, t)) => t.push_str(&text),
                        None => files.push((f.clone(), text)),
                    },
                }
            }
            for (f, text) in files {
                if let Err(e) = files::write(self.host.as_mut(), &f, &text) {
                    let who = if words.first().is_some_and(|w| w == "echo") { "bash: echo" } else { words[0].as_str() };
                    out.err(&format!("{who}: write error: {}\n", e.message()));
                    status = 1;
                }
            }
            if self.exited && stages.len() > 1 {
                // `exit` in a pipeline ends only its own subshell.
                self.exited = false;
            }
        }
        status
    }

    /// Runs one command with `input` as its standard input; `by` says who
    /// starts it (how an unknown command fails).
    fn exec(&mut self, words: &[String], input: &str, out: &mut Output, by: Launcher) -> i32 {
        let Some((cmd, args)) = words.split_first() else { return self.status };
        match cmd.as_str() {
            "ip" => match enter::ip_netns_exec(self, args, input, out) {
                Some(st) => st,
                None => crate::ip::run(self.host.as_mut(), args, out),
            },
            "nsenter" => enter::nsenter(self, args, input, out),
            "sysctl" => sysctl::run(self.host.as_mut(), args, out),
            "bridge" => crate::bridge::run(self.host.as_mut(), args, out),
            "iptables" | "iptables-save" | "ip6tables" | "ip6tables-save" => crate::iptables::run(self.host.as_mut(), cmd, args, out),
            "nft" => crate::nft::run(self.host.as_mut(), args, out),
            "cat" => files::cat(self.host.as_ref(), args, input, out),
            "ls" => files::ls(self.host.as_ref(), args, out),
            "grep" => filters::grep(args, input, out),
            "head" => filters::head_tail(false, args, input, out),
            "tail" => filters::head_tail(true, args, input, out),
            "wc" => filters::wc(args, input, out),
            "sort" => filters::sort(args, input, out),
            "cut" => filters::cut(args, input, out),
            "awk" => filters::awk(args, input, out),
            "column" => filters::column(args, input, out),
            "jobs" | "kill" | "wait" => jobs::builtin(self, cmd, args, out).unwrap_or(0),
            "ping" | "traceroute" | "nc" | "curl" | "ss" | "python3" | "tcpdump" => match jobs::run_program(self, cmd, args, input, out) {
                Some(st) => st,
                None => self.not_found(cmd, by, out),
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
            other => self.not_found(other, by, out),
        }
    }

    /// How a command that is not here fails, by who started it.
    fn not_found(&self, cmd: &str, by: Launcher, out: &mut Output) -> i32 {
        match by {
            Launcher::NetnsExec => {
                out.err(&format!("exec of \"{cmd}\" failed: No such file or directory\n"));
                1
            }
            Launcher::Nsenter => {
                out.err(&format!("nsenter: failed to execute {cmd}: No such file or directory\n"));
                127
            }
            Launcher::Shell => {
                out.err(&format!("bash: {cmd}: command not found\n"));
                if self.hints {
                    out.err(&format!("iplab has: {}. Type help for how to use them.\n", COMMANDS.join(", ")));
                }
                127
            }
        }
    }
}

/// Where one output stream of a command goes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Dest {
    /// The terminal (or the caller's output), as this stream.
    Term(Stream),
    /// The next command of the pipeline.
    Pipe,
    /// `/dev/null`.
    Null,
    /// A file, written when the command is done.
    File(String),
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
    fn pipelines_redirections_and_files() {
        let mut sh = shell();
        assert_eq!(run(&mut sh, "echo 1 > /proc/sys/net/ipv4/ip_forward"), (0, "".into(), "".into()));
        assert_eq!(run(&mut sh, "cat /proc/sys/net/ipv4/ip_forward").1, "1\n");
        run(&mut sh, "ip netns exec red sysctl -qw net.ipv4.ip_forward=0");
        assert_eq!(run(&mut sh, "ip netns exec red cat /proc/sys/net/ipv4/ip_forward").1, "0\n");
        // The redirection is opened by the shell, in the namespace it is in.
        run(&mut sh, "ip netns exec red echo 5 > /proc/sys/net/ipv4/ip_forward");
        assert_eq!(run(&mut sh, "sysctl -n net.ipv4.ip_forward").1, "5\n");
        assert_eq!(run(&mut sh, "ip netns exec red cat /proc/sys/net/ipv4/ip_forward").1, "0\n");
        assert_eq!(
            run(&mut sh, "echo x > /proc/sys/net/ipv4/ip_forward"),
            (1, "".into(), "bash: echo: write error: Invalid argument\n".into())
        );
        assert_eq!(run(&mut sh, "echo x > /etc/hosts").2, "bash: /etc/hosts: Read-only file system\n");
        assert_eq!(run(&mut sh, "echo a b c | wc -w 2>&1"), (0, "3\n".into(), "".into()));
        assert_eq!(run(&mut sh, "frob 2>/dev/null | grep -c x"), (1, "0\n".into(), "".into()));
        assert_eq!(run(&mut sh, "sysctl -a | grep -o 'lo\\.[a-z]*'").1, "lo.forwarding\n");
        assert_eq!(run(&mut sh, "ls /var/run/netns | cat"), (0, "red\n".into(), "".into()));
        assert_eq!(run(&mut sh, "nsenter --net=/run/netns/red sysctl -n net.ipv4.conf.lo.forwarding").1, "0\n");
        assert_eq!(run(&mut sh, "ip -c -4 netns exec red sysctl -n net.ipv4.ip_forward").1, "0\n");
        assert!(sh.host().current_netns().is_none());
    }

    #[test]
    fn hints_name_the_commands() {
        let mut sh = shell();
        assert_eq!(run(&mut sh, "man ip").2, "bash: man: command not found\n");
        sh.set_hints(true);
        let err = run(&mut sh, "man ip").2;
        assert!(err.starts_with("bash: man: command not found\niplab has: ip, bridge,"), "{err}");
        assert!(err.contains("help"));
    }

    #[test]
    fn exit_ends_the_session() {
        let mut sh = shell();
        assert_eq!(run(&mut sh, "exit 3").0, 3);
        assert!(sh.exited());
    }
}
