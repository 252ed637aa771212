//! Job control: `CMD &` starts a background job, `jobs` lists them,
//! `kill %N` stops one, `wait` lets them finish. What jobs print is shown
//! after each command line (the convention of the recorder,
//! tests/record/README.md).

use super::Shell;
use crate::output::Output;

/// A job the shell started.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Its job number (`%N`).
    pub number: u32,
    /// Its process id.
    pub pid: u32,
    /// The command line, without the `&`.
    pub command: String,
}

/// The shell's jobs table and what the next program gets.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Jobs not yet reported finished, by number.
    pub entries: Vec<Entry>,
    /// Set while a `CMD &` line runs: the program starts in the background.
    background: Option<String>,
}

/// Runs a command of a pipeline: a last word `&` makes its program a
/// background job.
pub fn exec(sh: &mut Shell, words: &[String], input: &str, out: &mut Output) -> i32 {
    if words.len() > 1 && words.last().is_some_and(|w| w == "&") {
        let cmd = &words[..words.len() - 1];
        sh.jobs.background = Some(cmd.join(" "));
        let st = sh.exec(cmd, input, out, super::Launcher::Shell);
        sh.jobs.background = None;
        return st;
    }
    sh.exec(words, input, out, super::Launcher::Shell)
}

/// Runs a socket or packet program: in the background for `CMD &`, with
/// the piped input if there is one (none: the terminal).
pub fn run_program(sh: &mut Shell, cmd: &str, args: &[String], input: &str, out: &mut Output) -> Option<i32> {
    if let Some(line) = sh.jobs.background.take() {
        let pid = sh.host.start_job(cmd, args, &line)?;
        sh.jobs.entries.retain(|e| sh.host.job_status(e.pid).is_none());
        let number = sh.jobs.entries.iter().map(|e| e.number).max().unwrap_or(0) + 1;
        sh.jobs.entries.push(Entry { number, pid, command: line });
        out.out(&format!("[{number}] {pid}\n"));
        return Some(0);
    }
    if input.is_empty() { sh.host.run_program(cmd, args, out) } else { sh.host.run_program_input(cmd, args, input.as_bytes(), out) }
}

/// Appends what jobs printed while the line ran.
pub fn flush(sh: &mut Shell, out: &mut Output) {
    let o = sh.host.job_output();
    out.chunks.extend(o.chunks);
}

/// The `jobs`, `kill` and `wait` builtins; None for other commands.
pub fn builtin(sh: &mut Shell, cmd: &str, args: &[String], out: &mut Output) -> Option<i32> {
    match cmd {
        "jobs" => {
            let n = sh.jobs.entries.len();
            for (i, e) in sh.jobs.entries.iter().enumerate() {
                let mark = if i + 1 == n {
                    '+'
                } else if i + 2 == n {
                    '-'
                } else {
                    ' '
                };
                let state = match sh.host.job_status(e.pid) {
                    None => "Running".to_string(),
                    Some(0) => "Done".to_string(),
                    Some(st) => format!("Exit {st}"),
                };
                let amp = if sh.host.job_status(e.pid).is_none() { " &" } else { "" };
                out.out(&format!("[{}]{mark}  {state:<24}{}{amp}\n", e.number, e.command));
            }
            sh.jobs.entries.retain(|e| sh.host.job_status(e.pid).is_none());
            Some(0)
        }
        "kill" => Some(kill(sh, args, out)),
        "wait" => {
            sh.host.wait_jobs();
            let last = sh.jobs.entries.last().and_then(|e| sh.host.job_status(e.pid)).unwrap_or(0);
            sh.jobs.entries.retain(|e| sh.host.job_status(e.pid).is_none());
            Some(last)
        }
        _ => None,
    }
}

/// `kill %N` or `kill PID` (SIGTERM).
fn kill(sh: &mut Shell, args: &[String], out: &mut Output) -> i32 {
    let targets: Vec<&String> = args.iter().filter(|a| !a.starts_with('-') || a.len() == 1).collect();
    if targets.is_empty() {
        out.err("kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n");
        return 2;
    }
    let mut status = 0;
    for t in targets {
        let pid = match t.strip_prefix('%') {
            Some(n) => match sh.jobs.entries.iter().find(|e| e.number.to_string() == n) {
                Some(e) => e.pid,
                None => {
                    out.err(&format!("bash: kill: {t}: no such job\n"));
                    status = 1;
                    continue;
                }
            },
            None => match crate::text::int::<u32>(t) {
                Some(p) => p,
                None => {
                    out.err(&format!("bash: kill: {t}: arguments must be process or job IDs\n"));
                    status = 1;
                    continue;
                }
            },
        };
        if !sh.host.kill_job(pid) {
            out.err(&format!("bash: kill: ({pid}) - No such process\n"));
            status = 1;
            continue;
        }
        if let Some(i) = sh.jobs.entries.iter().position(|e| e.pid == pid) {
            let e = sh.jobs.entries.remove(i);
            let mark = if i == sh.jobs.entries.len() { '+' } else { '-' };
            out.out(&format!("[{}]{mark}  {:<24}{}\n", e.number, "Terminated", e.command));
        }
    }
    status
}

#[cfg(test)]
mod tests {
    use crate::World;
    use crate::output::Output;
    use crate::shell::Shell;

    fn run(sh: &mut Shell, line: &str) -> (i32, String) {
        let mut out = Output::new();
        let st = sh.run_line(line, &mut out);
        (st, out.combined())
    }

    fn shell() -> Shell {
        let mut sh = Shell::new(Box::new(World::new()));
        run(&mut sh, "ip link set lo up");
        sh
    }

    #[test]
    fn a_background_listener_keeps_running_and_prints_what_it_receives() {
        let mut sh = shell();
        let (st, text) = run(&mut sh, "nc -l 127.0.0.1 7777 &");
        assert_eq!(st, 0);
        assert!(text.starts_with("[1] "), "{text}");
        let (_, text) = run(&mut sh, "jobs");
        assert_eq!(text, "[1]+  Running                 nc -l 127.0.0.1 7777 &\n");
        // The client's line, then what the job printed meanwhile.
        let (st, text) = run(&mut sh, "echo hello | nc -N 127.0.0.1 7777");
        assert_eq!((st, text.as_str()), (0, "hello\n"));
        // The listener ended with the connection.
        let (_, text) = run(&mut sh, "jobs");
        assert_eq!(text, "[1]+  Done                    nc -l 127.0.0.1 7777\n");
        let (_, text) = run(&mut sh, "jobs");
        assert_eq!(text, "");
    }

    #[test]
    fn kill_stops_a_job_and_closes_its_sockets() {
        let mut sh = shell();
        run(&mut sh, "nc -lk 127.0.0.1 8080 &");
        run(&mut sh, "nc -u -l 127.0.0.1 5353 &");
        let (_, text) = run(&mut sh, "ss -tuln");
        assert!(text.contains("127.0.0.1:8080") && text.contains("127.0.0.1:5353"), "{text}");
        let (st, text) = run(&mut sh, "kill %1");
        assert_eq!((st, text.as_str()), (0, "[1]-  Terminated              nc -lk 127.0.0.1 8080\n"));
        let (_, text) = run(&mut sh, "ss -tln");
        assert!(!text.contains("8080"), "{text}");
        let (st, text) = run(&mut sh, "kill %1");
        assert_eq!((st, text.as_str()), (1, "bash: kill: %1: no such job\n"));
        let (st, _) = run(&mut sh, "nc -zv 127.0.0.1 8080");
        assert_eq!(st, 1);
    }

    #[test]
    fn wait_lets_the_clock_run_until_jobs_end() {
        let mut sh = shell();
        // A UDP client with -w 3 ends three idle seconds after its input.
        run(&mut sh, "nc -u -l 127.0.0.1 9999 &");
        let (st, _) = run(&mut sh, "echo x | nc -u -w 3 127.0.0.1 9999");
        assert_eq!(st, 0);
        // The listener never ends by itself: wait gives up when nothing can move.
        let (st, text) = run(&mut sh, "wait");
        assert_eq!((st, text.as_str()), (0, ""));
        let (_, text) = run(&mut sh, "jobs");
        assert!(text.contains("Running"), "{text}");
    }
}
