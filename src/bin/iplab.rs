//! `iplab [FILE]`: a terminal session on a fresh simulated namespace. Lines
//! come from FILE, or from standard input; output is what a root shell on
//! Linux with iproute2 6.1 prints for them.

use std::io::{BufRead, IsTerminal, Write};


use iplab::output::{Output, Stream};
use iplab::shell::Shell;
use iplab::World;

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

fn run(lines: impl Iterator<Item = String>, prompt: bool) -> i32 {
    let mut shell = Shell::new(Box::new(World::new()));
    let mut status = 0;
    let show_prompt = |shell: &Shell| {
        if prompt {
            print!("{}", shell.prompt());
            let _ = std::io::stdout().flush();
        }
    };
    show_prompt(&shell);
    for line in lines {
        let mut out = Output::new();
        status = shell.run_line(&line, &mut out);
        emit(&out);
        if shell.exited() {
            break;
        }
        show_prompt(&shell);
    }
    status
}

/// A terminal session without line editing, where no native line editor
/// builds (wasm32 targets).
#[cfg(target_arch = "wasm32")]
fn interactive() -> i32 {
    run(std::io::stdin().lock().lines().map_while(Result::ok), true)
}

/// A terminal session with line editing and history (rustyline).
#[cfg(not(target_arch = "wasm32"))]
fn interactive() -> i32 {
    let mut shell = Shell::new(Box::new(World::new()));
    let mut editor = match rustyline::DefaultEditor::new() {
        Ok(e) => e,
        Err(_) => return run(std::io::stdin().lock().lines().map_while(Result::ok), true),
    };
    let mut status = 0;
    loop {
        match editor.readline(&shell.prompt()) {
            Ok(line) => {
                if !line.trim().is_empty() {
                    let _ = editor.add_history_entry(line.as_str());
                }
                let mut out = Output::new();
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
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = match args.first().map(String::as_str) {
        Some("-h") | Some("--help") => {
            println!("usage: iplab [FILE]\n\nRuns commands (ip, ping, sysctl, echo, ...) from FILE or standard input\non a fresh simulated Linux network namespace.");
            0
        }
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => run(text.lines().map(str::to_string).collect::<Vec<_>>().into_iter(), false),
            Err(e) => {
                eprintln!("iplab: {path}: {e}");
                1
            }
        },
        None => {
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                interactive()
            } else {
                run(stdin.lock().lines().map_while(Result::ok), false)
            }
        }
    };
    std::process::exit(status);
}
