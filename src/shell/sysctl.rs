//! `sysctl` as procps-ng 4.0 prints it, over [`Host`]'s net.* sysctls.

use crate::host::Host;
use crate::output::Output;

const USAGE: &str = "
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
";

#[derive(Default)]
struct Opts {
    all: bool,
    binary: bool,
    ignore: bool,
    names: bool,
    values: bool,
    quiet: bool,
    write: bool,
    dry_run: bool,
}

/// The key with `/` separators turned into dots, as procps shows it.
fn normalize(key: &str) -> String {
    crate::text::replace(key.trim().trim_matches('/'), "/", ".")
}

fn path_of(key: &str) -> String {
    format!("/proc/sys/{}", crate::text::replace(key, ".", "/"))
}

fn show(host: &dyn Host, o: &Opts, key: &str, value: &str, out: &mut Output) {
    if o.names {
        out.out(&format!("{key}\n"));
    } else if o.values {
        out.out(value);
        if !o.binary {
            out.out("\n");
        }
    } else {
        out.out(&format!("{key} = {value}\n"));
    }
    let _ = host;
}

/// Reads one key, or every key under it when it names a directory.
fn read(host: &dyn Host, o: &Opts, key: &str, out: &mut Output) -> i32 {
    match host.sysctl_get(key) {
        Ok(v) => {
            show(host, o, key, &v, out);
            0
        }
        Err(e) => {
            let prefix = format!("{key}.");
            let under: Vec<String> = host.sysctl_keys().into_iter().filter(|k| k.starts_with(&prefix)).collect();
            if !under.is_empty() {
                for k in under {
                    if let Ok(v) = host.sysctl_get(&k) {
                        show(host, o, &k, &v, out);
                    }
                }
                return 0;
            }
            if o.ignore && e.0 == 2 {
                return 0;
            }
            out.err(&format!("sysctl: cannot stat {}: {}\n", path_of(key), e.message()));
            1
        }
    }
}

/// Writes `key=value`.
fn write(host: &mut dyn Host, o: &Opts, arg: &str, out: &mut Output) -> i32 {
    let Some((k, v)) = arg.split_once('=') else {
        out.err("sysctl: command line(0): invalid syntax, continuing...\n");
        return 1;
    };
    let key = normalize(k);
    let value = v.trim();
    if let Err(e) = host.sysctl_get(&key) {
        if o.ignore && e.0 == 2 {
            return 0;
        }
        out.err(&format!("sysctl: cannot stat {}: {}\n", path_of(&key), e.message()));
        return 1;
    }
    if !o.dry_run {
        if let Err(e) = host.sysctl_set(&key, value) {
            out.err(&format!("sysctl: setting key \"{key}\": {}\n", e.message()));
            return 1;
        }
    }
    if !o.quiet {
        show(host, o, &key, value, out);
    }
    0
}

/// Runs `sysctl` with `args` (without the program name).
pub fn run(host: &mut dyn Host, args: &[String], out: &mut Output) -> i32 {
    let mut o = Opts::default();
    let mut vars: Vec<&str> = Vec::new();
    for a in args {
        if let Some(long) = a.strip_prefix("--") {
            match long {
                "all" => o.all = true,
                "binary" => o.binary = true,
                "ignore" => o.ignore = true,
                "names" => o.names = true,
                "values" => o.values = true,
                "quiet" => o.quiet = true,
                "write" => o.write = true,
                "dry-run" => o.dry_run = true,
                "deprecated" => {}
                "help" => {
                    out.out(USAGE);
                    return 0;
                }
                "version" => {
                    out.out("sysctl from procps-ng 4.0.2\n");
                    return 0;
                }
                _ => {
                    out.err(&format!("sysctl: unrecognized option '{a}'\n"));
                    out.err(USAGE);
                    return 1;
                }
            }
        } else if a.len() > 1 && a.starts_with('-') {
            for c in a.chars().skip(1) {
                match c {
                    'a' | 'A' | 'X' => o.all = true,
                    'b' => o.binary = true,
                    'e' => o.ignore = true,
                    'N' => o.names = true,
                    'n' => o.values = true,
                    'q' => o.quiet = true,
                    'w' => o.write = true,
                    'o' | 'x' => {}
                    'h' | 'd' => {
                        out.out(USAGE);
                        return 0;
                    }
                    'V' => {
                        out.out("sysctl from procps-ng 4.0.2\n");
                        return 0;
                    }
                    other => {
                        out.err(&format!("sysctl: invalid option -- '{other}'\n"));
                        out.err(USAGE);
                        return 1;
                    }
                }
            }
        } else {
            vars.push(a);
        }
    }
    if o.all {
        for k in host.sysctl_keys() {
            if let Ok(v) = host.sysctl_get(&k) {
                show(host, &o, &k, &v, out);
            }
        }
        return 0;
    }
    if vars.is_empty() {
        if args.is_empty() {
            out.err(USAGE);
        } else {
            out.err("sysctl: no variables specified\nTry `sysctl --help' for more information.\n");
        }
        return 1;
    }
    let mut status = 0;
    for v in vars {
        let r = if o.write || v.as_bytes().contains(&b'=') { write(host, &o, v, out) } else { read(host, &o, &normalize(v), out) };
        if r != 0 {
            status = r;
        }
    }
    status
}
