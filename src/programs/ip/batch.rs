//! `ip -batch FILE` (ip/ip.c `batch` with lib/utils.c `do_batch`,
//! `getcmdline` and `makeargs`): one command per line on one socket
//! opened without strict checking; "Command failed FILE:LINE" after a
//! command that fails, and the end of the batch unless `-force`. A command
//! that exits (a usage error) ends the whole batch with its status.

use super::args::{Exit, matches};
use super::ctx::Ip;

/// Splits a file into command lines as `getcmdline` does: `#` starts a
/// comment, a backslash before the newline continues the line. Each item
/// is the line number where the command ended and the joined text; a
/// missing continuation ends the list with `Err` (the message to print).
pub fn command_lines(text: &str) -> Vec<Result<(usize, String), &'static str>> {
    fn strip_comment(s: &str) -> &str {
        s.split_once('#').map_or(s, |(before, _)| before)
    }
    let mut out = Vec::new();
    let mut lines = text.split_inclusive('\n');
    let mut lineno = 0;
    while let Some(first) = lines.next() {
        lineno += 1;
        let mut line = strip_comment(first).to_string();
        while let Some(pos) = crate::text::find(&line, "\\\n") {
            let Some(next) = lines.next() else {
                out.push(Err("Missing continuation line\n"));
                return out;
            };
            lineno += 1;
            line.truncate(pos);
            line.push_str(strip_comment(next));
        }
        out.push(Ok((lineno, line)));
    }
    out
}

/// `makeargs`: words split on blanks; a word that starts with a quote runs
/// to the same quote (no escapes). `Err` for an unterminated quote.
pub fn make_args(line: &str) -> Result<Vec<String>, &'static str> {
    const WS: &[char] = &[' ', '\t', '\r', '\n'];
    let mut args = Vec::new();
    let mut rest = line;
    loop {
        rest = rest.trim_start_matches(WS);
        let Some(c) = rest.chars().next() else { break };
        if c == '\'' || c == '"' {
            let body = rest.get(1..).unwrap_or("");
            let Some((word, after)) = body.split_once(c) else { return Err("Unterminated quoted string\n") };
            args.push(word.to_string());
            // The closing quote becomes the word's terminator; what follows
            // it starts the next word (`"lo"x` is two words).
            rest = after;
        } else {
            let (word, after) = rest.split_once(WS).unwrap_or((rest, ""));
            args.push(word.to_string());
            rest = after;
        }
    }
    Ok(args)
}

/// Runs the commands of the batch file `name` (`-` is standard input,
/// which has nothing to read here). Returns the exit status.
pub fn run_batch(ip: &mut Ip, name: &str) -> i32 {
    let text = if name == "-" {
        String::new()
    } else {
        match ip.host.read_file(name) {
            Ok(t) => t,
            Err(e) => {
                ip.err(&format!("Cannot open file \"{name}\" for reading: {}\n", e.message()));
                return 1;
            }
        }
    };
    ip.o.batch = true;
    let orig_family = ip.o.family;
    let mut ret = 0;
    for item in command_lines(&text) {
        let (lineno, line) = match item {
            Ok(v) => v,
            Err(msg) => {
                ip.err(msg);
                break;
            }
        };
        let argv = match make_args(&line) {
            Ok(a) => a,
            Err(msg) => {
                ip.err(msg);
                return 1;
            }
        };
        let Some((obj, tail)) = argv.split_first() else { continue };
        ip.o.family = orig_family;
        let status = match super::OBJECTS.iter().find(|(n, _)| matches(obj, n)) {
            Some((_, f)) => match f(ip, tail) {
                Ok(r) => r.wrapping_neg(),
                Err(Exit(code)) => return code & 0xff,
            },
            None => {
                ip.err(&format!("Object \"{obj}\" is unknown, try \"ip help\".\n"));
                1
            }
        };
        if status != 0 {
            ip.err(&format!("Command failed {name}:{lineno}\n"));
            ret = 1;
            if ip.o.force == 0 {
                break;
            }
        }
    }
    ret
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host::Host;

    #[test]
    fn lines_comments_and_continuations() {
        let got = command_lines("link show # all\n\naddr \\\n show dev lo\nlast");
        let want: Vec<Result<(usize, String), &str>> = vec![
            Ok((1, "link show ".to_string())),
            Ok((2, "\n".to_string())),
            Ok((4, "addr  show dev lo\n".to_string())),
            Ok((5, "last".to_string())),
        ];
        assert_eq!(got, want);
        assert_eq!(command_lines("a \\\n").last(), Some(&Err("Missing continuation line\n")));
    }

    #[test]
    fn words_and_quotes() {
        assert_eq!(make_args("  link  set\tdev lo up\n").unwrap(), ["link", "set", "dev", "lo", "up"]);
        assert_eq!(make_args("link set dev lo alias 'a b' up").unwrap(), ["link", "set", "dev", "lo", "alias", "a b", "up"]);
        assert_eq!(make_args("x \"q").err(), Some("Unterminated quoted string\n"));
        assert_eq!(make_args("link show \"lo\"x").unwrap(), ["link", "show", "lo", "x"]);
        assert!(make_args(" \n").unwrap().is_empty());
    }

    /// A world that also has files (for `-batch`).
    struct WithFiles(crate::World, std::collections::BTreeMap<String, String>);

    impl crate::host::Host for WithFiles {
        fn socket(&mut self, n: Option<&str>) -> Result<Box<dyn crate::host::NetlinkSocket>, crate::errno::Errno> {
            Host::socket(&mut self.0, n)
        }
        fn netns_list(&self) -> Vec<String> {
            self.0.netns_list()
        }
        fn netns_add(&mut self, n: &str) -> Result<(), crate::errno::Errno> {
            self.0.netns_add(n)
        }
        fn netns_del(&mut self, n: &str) -> Result<(), crate::errno::Errno> {
            self.0.netns_del(n)
        }
        fn netns_fd(&mut self, n: &str) -> Result<u32, crate::errno::Errno> {
            self.0.netns_fd(n)
        }
        fn current_netns(&self) -> Option<String> {
            self.0.current_netns()
        }
        fn set_current_netns(&mut self, n: Option<&str>) -> Result<(), crate::errno::Errno> {
            self.0.set_current_netns(n)
        }
        fn sysctl_get(&self, k: &str) -> Result<String, crate::errno::Errno> {
            self.0.sysctl_get(k)
        }
        fn sysctl_set(&mut self, k: &str, v: &str) -> Result<(), crate::errno::Errno> {
            self.0.sysctl_set(k, v)
        }
        fn sysctl_keys(&self) -> Vec<String> {
            self.0.sysctl_keys()
        }
        fn read_file(&self, path: &str) -> Result<String, crate::errno::Errno> {
            self.1.get(path).cloned().ok_or(crate::errno::Errno::ENOENT)
        }
    }

    fn run(h: &mut WithFiles, line: &str) -> (i32, String, String) {
        let mut out = crate::output::Output::new();
        let args: Vec<String> = line.split_whitespace().map(String::from).collect();
        let st = crate::ip::run(h, &args, &mut out);
        (st, out.stdout(), out.stderr())
    }

    #[test]
    fn batch_runs_until_a_failure_unless_forced() {
        let mut files = std::collections::BTreeMap::new();
        files.insert("cmds".to_string(), "netns add a\nnetns add a\nfrob\nnetns add b\n".to_string());
        files.insert("bad".to_string(), "netns add c\nnetns set c xx\nnetns add d\n".to_string());
        let mut h = WithFiles(crate::World::new(), files);
        assert_eq!(
            run(&mut h, "-b /nonexistent"),
            (1, String::new(), "Cannot open file \"/nonexistent\" for reading: No such file or directory\n".into())
        );
        assert_eq!(run(&mut h, "-b -"), (0, String::new(), String::new()));
        let e1 = "Cannot create namespace file \"/run/netns/a\": File exists\nCommand failed cmds:2\n";
        assert_eq!(run(&mut h, "-b cmds"), (1, String::new(), e1.to_string()));
        assert_eq!(h.0.netns_list(), ["a"]);
        crate::host::Host::netns_del(&mut h, "a").ok();
        let e2 = format!("{e1}Object \"frob\" is unknown, try \"ip help\".\nCommand failed cmds:3\n");
        assert_eq!(run(&mut h, "-force -batch cmds"), (1, String::new(), e2));
        assert_eq!(h.0.netns_list(), ["b", "a"]);
        // A command that exits ends the batch with its status.
        let e3 = "Error: argument \"xx\" is wrong: Invalid \"netnsid\" value\n";
        assert_eq!(run(&mut h, "-force -b bad"), (255, String::new(), e3.to_string()));
        assert_eq!(h.0.netns_list(), ["c", "b", "a"]);
    }
}
