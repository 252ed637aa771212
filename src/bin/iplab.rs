//! `iplab [-x] [FILE]`: a terminal session on a fresh simulated namespace.
//! Lines come from FILE, or from standard input; output is what a root
//! shell on Linux with iproute2 6.1 prints for them.

use std::io::{BufRead, IsTerminal, Write};

use iplab::World;
use iplab::output::{Output, Stream};
use iplab::shell::Shell;

#[cfg(not(target_arch = "wasm32"))]
#[path = "iplab/world_file.rs"]
mod world_file;

/// What `iplab --help` prints.
const HELP: &str = "\
usage: iplab [-x] [FILE]
       iplab --world STATE ping|traceroute [ARG...]
       iplab --help | --version

Runs shell lines on a fresh simulated Linux network namespace, printing what
a root bash prompt with iproute2 6.1 prints: ip, bridge, ping, traceroute,
sysctl, nsenter, cat/ls of /proc/sys/net and /var/run/netns, and pipes into
grep, head, tail, wc, sort, cut, awk and column. Lines come from FILE, or
from standard input (interactively: line editing, history, Tab completion).
Type help in a session for the full list.

Options:
  -x          print each line of FILE (or of piped input), after `+ `, to
              standard error before running it, as bash -x does
  --world STATE PROGRAM ARG...
              run ping or traceroute on the world the preload shim keeps in
              the file STATE (its IPLAB_STATE), in the namespace IPLAB_NETNS
              names, and save what it did there
  -h, --help  this text
  --version   the version

Examples:
  iplab                                   an interactive session
  iplab lab.sh                            run a file of commands
  iplab -x lab.sh                         the same, echoing each line
  echo 'ip -br link' | iplab              one command from a pipe
  printf 'ip netns add r\nip -n r link\n' | iplab

The exit status is that of the last line (or of `exit N`).
";

fn emit(out: &Output) {
    let mut stdout = std::io::stdout().lock();
    let mut stderr = std::io::stderr().lock();
    for (stream, text) in &out.chunks {
        // Each piece is flushed in order so the two streams interleave as written.
        let _ = match stream {
            Stream::Out => stdout.write_all(text.as_bytes()).and_then(|_| stdout.flush()),
            Stream::Err => stderr.write_all(text.as_bytes()).and_then(|_| stderr.flush()),
        };
    }
}

/// A command's output, on a terminal when standard output is one (what
/// the programs' `isatty(1)` sees: ss spreads its columns to the screen).
fn output() -> Output {
    if std::io::stdout().is_terminal() { Output::terminal() } else { Output::new() }
}

fn run(lines: impl Iterator<Item = String>, prompt: bool, trace: bool) -> i32 {
    let mut shell = Shell::new(Box::new(World::new()));
    shell.set_hints(prompt);
    let mut status = 0;
    let show_prompt = |shell: &Shell| {
        if prompt {
            print!("{}", shell.prompt());
            let _ = std::io::stdout().flush();
        }
    };
    show_prompt(&shell);
    for line in lines {
        if trace && !line.trim().is_empty() && !line.trim_start().starts_with('#') {
            eprintln!("+ {line}");
        }
        let mut out = output();
        status = shell.run_line(&line, &mut out);
        emit(&out);
        if shell.exited() {
            break;
        }
        show_prompt(&shell);
    }
    status
}

/// Tab completion over the session's world (commands, objects,
/// namespaces, devices), for rustyline.
#[cfg(not(target_arch = "wasm32"))]
mod completion {
    use iplab::World;
    use iplab::host::Host;
    use rustyline::completion::Completer;
    use rustyline::highlight::Highlighter;
    use rustyline::hint::Hinter;
    use rustyline::validate::Validator;
    use rustyline::{Context, Helper};

    /// Completes from what the world holds now.
    pub struct Complete(pub World);

    impl Completer for Complete {
        type Candidate = String;
        fn complete(&self, line: &str, pos: usize, _: &Context<'_>) -> rustyline::Result<(usize, Vec<String>)> {
            let world = self.0.clone();
            let netns = world.netns_list();
            let topo = iplab::topology::topology(&world);
            let devices: Vec<String> =
                topo.namespaces.first().map(|n| n.links.iter().map(|l| l.name.clone()).collect()).unwrap_or_default();
            let (start, words) = iplab::shell::complete::complete(line.get(..pos).unwrap_or(line), &netns, &devices);
            Ok((start, words.into_iter().map(|w| w + " ").collect()))
        }
    }
    impl Hinter for Complete {
        type Hint = String;
    }
    impl Highlighter for Complete {}
    impl Validator for Complete {}
    impl Helper for Complete {}
}

/// A terminal session without line editing, where no native line editor
/// builds (wasm32 targets).
#[cfg(target_arch = "wasm32")]
fn interactive() -> i32 {
    run(std::io::stdin().lock().lines().map_while(Result::ok), true, false)
}

/// A terminal session with line editing and history (rustyline).
#[cfg(not(target_arch = "wasm32"))]
fn interactive() -> i32 {
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    shell.set_hints(true);
    let mut editor = match rustyline::Editor::<completion::Complete, rustyline::history::DefaultHistory>::new() {
        Ok(e) => e,
        Err(_) => return run(std::io::stdin().lock().lines().map_while(Result::ok), true, false),
    };
    editor.set_helper(Some(completion::Complete(world)));
    let mut status = 0;
    loop {
        match editor.readline(&shell.prompt()) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                let mut out = output();
                status = shell.run_line(&line, &mut out);
                emit(&out);
                if shell.exited() {
                    break;
                }
            }
            // Ctrl-C abandons the line, as bash does.
            Err(rustyline::error::ReadlineError::Interrupted) => continue,
            Err(_) => break,
        }
    }
    status
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let trace = args.first().is_some_and(|a| a == "-x");
    if trace {
        args.remove(0);
    }
    let status = match args.first().map(String::as_str) {
        Some("-h") | Some("--help") => {
            print!("{HELP}");
            0
        }
        Some("--version") | Some("-V") => {
            println!("iplab {} (ip and bridge as iproute2 6.1, Linux 6.x netlink)", env!("CARGO_PKG_VERSION"));
            0
        }
        #[cfg(not(target_arch = "wasm32"))]
        Some("--world") => match args.get(1) {
            Some(state) => world_file::run(state, args.get(2..).unwrap_or(&[]), emit),
            None => {
                eprintln!("iplab: --world needs a state file\nTry 'iplab --help' for more information.");
                2
            }
        },
        Some(opt) if opt.starts_with('-') && opt != "-" => {
            eprintln!("iplab: unknown option {opt}\nTry 'iplab --help' for more information.");
            2
        }
        Some(path) if path != "-" => match std::fs::read_to_string(path) {
            Ok(text) => run(text.lines().map(str::to_string).collect::<Vec<_>>().into_iter(), false, trace),
            Err(e) => {
                eprintln!("iplab: {path}: {e}");
                1
            }
        },
        _ => {
            let stdin = std::io::stdin();
            if stdin.is_terminal() && !trace { interactive() } else { run(stdin.lock().lines().map_while(Result::ok), false, trace) }
        }
    };
    std::process::exit(status);
}
