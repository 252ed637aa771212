//! The few files a learner reads and writes: `/proc/sys/net/...` (the
//! namespace's sysctls, as the current namespace sees them) and
//! `/var/run/netns` (`/run/netns`, one entry per named namespace), with
//! `cat` and `ls` as coreutils 9.1 print them.

use crate::errno::Errno;
use crate::host::Host;
use crate::output::Output;

/// What a path names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A sysctl file, by its dotted key.
    Sysctl(String),
    /// A namespace's file under /run/netns.
    Netns(String),
    /// A directory and its entries, sorted as `ls` in the C locale.
    Dir(Vec<String>),
}

/// The `/`-separated parts of an absolute path, with `.` and `..` resolved
/// and `/var/run` read as `/run` (a symbolic link).
fn parts(path: &str) -> Vec<&str> {
    let mut v: Vec<&str> = Vec::new();
    // A relative path starts in the home directory, /root.
    let base: Vec<&str> = if path.starts_with('/') { Vec::new() } else { vec!["root"] };
    for p in base.into_iter().chain(path.split('/')) {
        match p {
            "" | "." => {}
            ".." => {
                v.pop();
            }
            p => v.push(p),
        }
        if v == ["var", "run"] {
            v = vec!["run"];
        }
    }
    v
}

/// Looks `path` up in the current namespace of `host`.
pub fn lookup(host: &dyn Host, path: &str) -> Result<Node, Errno> {
    let p = parts(path);
    let dir = |names: &[&str]| Ok(Node::Dir(names.iter().map(|s| s.to_string()).collect()));
    match p.as_slice() {
        [] => dir(&["proc", "root", "run", "var"]),
        ["proc"] => dir(&["sys"]),
        ["proc", "sys"] => dir(&["net"]),
        ["root"] => dir(&[]),
        ["run"] => dir(&["netns"]),
        ["var"] => dir(&["run"]),
        ["run", "netns"] => {
            let mut names = host.netns_list();
            names.sort();
            Ok(Node::Dir(names))
        }
        ["run", "netns", name] if host.netns_list().iter().any(|n| n == name) => Ok(Node::Netns(name.to_string())),
        ["proc", "sys", "net", rest @ ..] => {
            let key = std::iter::once("net").chain(rest.iter().copied()).collect::<Vec<_>>().join(".");
            if !rest.is_empty() && host.sysctl_get(&key).is_ok() {
                return Ok(Node::Sysctl(key));
            }
            let prefix = format!("{key}.");
            let mut names: Vec<String> = host
                .sysctl_keys()
                .iter()
                .filter_map(|k| k.strip_prefix(&prefix))
                .map(|k| k.split('.').next().unwrap_or(k).to_string())
                .collect();
            names.sort();
            names.dedup();
            if names.is_empty() { Err(Errno::ENOENT) } else { Ok(Node::Dir(names)) }
        }
        _ => Err(Errno::ENOENT),
    }
}

/// What reading a file gives.
pub fn read(host: &dyn Host, path: &str) -> Result<String, Errno> {
    match lookup(host, path)? {
        Node::Sysctl(key) => host.sysctl_get(&key).map(|v| format!("{v}\n")),
        Node::Netns(_) => Err(Errno::EINVAL),
        Node::Dir(_) => Err(Errno::EISDIR),
    }
}

/// Why opening `path` for writing fails, if it does (bash reports it
/// before running the command).
pub fn check_writable(host: &dyn Host, path: &str) -> Result<(), Errno> {
    if path == "/dev/null" {
        return Ok(());
    }
    match lookup(host, path) {
        Ok(Node::Sysctl(_)) => Ok(()),
        Ok(Node::Dir(_)) => Err(Errno::EISDIR),
        Ok(Node::Netns(_)) => Err(Errno::EPERM),
        // Nothing else is writable: no files are kept.
        Err(_) if parts(path).first() == Some(&"proc") => Err(Errno::ENOENT),
        Err(_) => Err(Errno::EROFS),
    }
}

/// Writes `text` to `path` (checked with [`check_writable`]): a sysctl
/// takes it as `sysctl -w` would.
pub fn write(host: &mut dyn Host, path: &str, text: &str) -> Result<(), Errno> {
    if text.is_empty() {
        return Ok(());
    }
    match lookup(host, path)? {
        Node::Sysctl(key) => host.sysctl_set(&key, text.trim_end_matches('\n').trim()),
        _ => Ok(()),
    }
}

/// `cat [FILE]...`: the files, or standard input without any.
pub fn cat(host: &dyn Host, args: &[String], input: &str, out: &mut Output) -> i32 {
    let mut status = 0;
    let files: Vec<&String> = args.iter().filter(|a| a.as_str() != "--").collect();
    if let Some(opt) = files.iter().find(|a| a.len() > 1 && a.starts_with('-')) {
        let c = opt.chars().nth(1).unwrap_or('-');
        out.err(&format!("cat: invalid option -- '{c}'\nTry 'cat --help' for more information.\n"));
        return 1;
    }
    if files.is_empty() {
        out.out(input);
        return 0;
    }
    for f in files {
        if f == "-" {
            out.out(input);
            continue;
        }
        match read(host, f) {
            Ok(text) => out.out(&text),
            Err(e) => {
                out.err(&format!("cat: {f}: {}\n", e.message()));
                status = 1;
            }
        }
    }
    status
}

/// GNU ls's many-per-line layout for a terminal of `width` columns: the
/// most columns whose widths (longest name, plus two between columns)
/// fit, filled down each column first.
fn columns(names: &[String], width: usize) -> String {
    let n = names.len();
    if n == 0 {
        return String::new();
    }
    let len = |s: &String| s.chars().count();
    let max_cols = (width / 3).max(1).min(n);
    let mut best: (usize, Vec<usize>) = (1, vec![names.iter().map(len).max().unwrap_or(0)]);
    for cols in (2..=max_cols).rev() {
        let rows = n.div_ceil(cols);
        let mut w = vec![0usize; cols];
        for (k, name) in names.iter().enumerate() {
            let col = k / rows;
            let extra = if col + 1 == cols { 0 } else { 2 };
            w[col] = w[col].max(len(name) + extra);
        }
        if w.iter().sum::<usize>() < width {
            best = (cols, w);
            break;
        }
    }
    let (cols, w) = best;
    let rows = n.div_ceil(cols);
    let mut s = String::new();
    for r in 0..rows {
        let mut k = r;
        let mut col = 0;
        let mut pos = 0;
        loop {
            let name = &names[k];
            s.push_str(name);
            k += rows;
            if k >= n {
                break;
            }
            // GNU's indent(): a tab where it reaches the next tab stop (8).
            let (mut from, to) = (pos + len(name), pos + w.get(col).copied().unwrap_or(0));
            while from < to {
                if to / 8 > (from + 1) / 8 {
                    s.push('\t');
                    from += 8 - from % 8;
                } else {
                    s.push(' ');
                    from += 1;
                }
            }
            pos = to;
            col += 1;
        }
        s.push('\n');
    }
    s
}

/// `ls [PATH]...`: names one a line into a pipe, in columns on a terminal.
pub fn ls(host: &dyn Host, args: &[String], out: &mut Output) -> i32 {
    let mut paths: Vec<&str> = Vec::new();
    for a in args {
        if a.len() > 1 && a.starts_with('-') {
            let c = a.chars().nth(1).unwrap_or('-');
            out.err(&format!("ls: invalid option -- '{c}'\nTry 'ls --help' for more information.\n"));
            return 2;
        }
        paths.push(a);
    }
    if paths.is_empty() {
        paths.push(".");
    }
    let mut status = 0;
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for p in &paths {
        match lookup(host, p) {
            Ok(Node::Dir(names)) => dirs.push((p.to_string(), names)),
            Ok(_) => files.push(p.to_string()),
            Err(e) => {
                out.err(&format!("ls: cannot access '{p}': {}\n", e.message()));
                status = 2;
            }
        }
    }
    files.sort();
    dirs.sort();
    let show = |names: &[String], out: &mut Output| {
        if out.terminal {
            out.out(&columns(names, 80));
        } else {
            for n in names {
                out.out(&format!("{n}\n"));
            }
        }
    };
    show(&files, out);
    let headers = paths.len() > 1;
    for (k, (p, names)) in dirs.iter().enumerate() {
        if headers {
            if k > 0 || !files.is_empty() {
                out.out("\n");
            }
            out.out(&format!("{p}:\n"));
        }
        show(names, out);
    }
    status
}

/// The namespace a path given to `nsenter --net=` opens: `Some(name)` for
/// /run/netns/NAME, `None` for the first namespace (`/proc/1/ns/net`), or
/// the current one's (`/proc/self/ns/net`).
pub fn netns_of(host: &dyn Host, path: &str) -> Result<Option<String>, Errno> {
    match parts(path).as_slice() {
        ["proc", "1", "ns", "net"] => Ok(None),
        ["proc", "self" | "thread-self", "ns", "net"] => Ok(host.current_netns()),
        _ => match lookup(host, path)? {
            Node::Netns(name) => Ok(Some(name)),
            _ => Err(Errno::EINVAL),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ls_columns_like_gnu() {
        let names = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(columns(&names(&["blue", "r"]), 80), "blue  r\n");
        assert_eq!(columns(&names(&["a1", "b2", "c3"]), 80), "a1  b2\tc3\n");
        let many: Vec<String> = (0..30).map(|k| format!("namespace{k:02}")).collect();
        let text = columns(&many, 80);
        assert!(text.lines().all(|l| l.len() < 80));
        assert_eq!(text.lines().next(), Some("namespace00  namespace05  namespace10  namespace15  namespace20  namespace25"));
        assert_eq!(parts("/var/run/netns/../netns/r"), ["run", "netns", "r"]);
    }
}
