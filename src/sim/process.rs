//! Programs that keep running on the virtual clock: a foreground program
//! and background jobs (`CMD &`), each a state machine stepped in turn
//! until the foreground one ends; when none can move, the clock jumps to
//! the next wakeup (a program's deadline or a TCP timer).

use super::socket::{Sys, run_timers};
use crate::output::Output;
use crate::stack::{Event, Net, NsId};

/// What one step of a program did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Something happened; step again.
    Busy,
    /// Waiting for input, or until the given time (µs).
    Idle(Option<u64>),
    /// Finished with this exit status.
    Done(i32),
}

/// A running program.
pub trait Program {
    /// Advances the program at `sys.now_us`, writing to `out`.
    fn step(&mut self, sys: &mut Sys, out: &mut Output) -> Step;
    /// Stops it (Ctrl-C, `kill`): closes its sockets.
    fn stop(&mut self, sys: &mut Sys);
}

/// A background job.
pub struct Job {
    /// Its process id.
    pub pid: u32,
    /// The command line it runs.
    pub command: String,
    /// Its namespace.
    pub ns: NsId,
    /// The program.
    pub program: Box<dyn Program>,
    /// What it printed and nobody has shown yet.
    pub pending: Output,
    /// Its exit status once it ended.
    pub status: Option<i32>,
    /// Whether the world's history has its end (`Op::JobEnd`).
    pub end_recorded: bool,
}

/// The background jobs of a machine.
#[derive(Default)]
pub struct Jobs {
    /// Jobs, oldest first (finished ones until reaped).
    pub list: Vec<Job>,
    next_pid: u32,
}

/// Programs that run on sockets ([`spawn`] knows them).
pub const SOCKET_PROGRAMS: &[&str] = &["nc", "ss", "curl", "python3", "tcpdump"];

/// Makes the program `name` (None: no such program). Err: it failed
/// before running (usage errors, printed to `out`), with its status.
/// `stdin` None: standard input is the terminal.
pub fn spawn(name: &str, args: &[String], stdin: Option<&[u8]>, out: &mut Output) -> Option<Result<Box<dyn Program>, i32>> {
    match name {
        "nc" => Some(crate::nc::spawn(args, stdin, out)),
        "ss" => Some(crate::ss::spawn(args, out)),
        "curl" => Some(crate::curl::spawn(args, out)),
        "python3" => Some(crate::httpd::spawn(args, out)),
        "tcpdump" => Some(crate::tcpdump::spawn(args, out)),
        _ => None,
    }
}

/// A program that ended before it started: shows what it printed.
pub struct Finished {
    /// What it printed (shown at its first step).
    pub output: Option<Output>,
    /// Its exit status.
    pub status: i32,
}

impl Program for Finished {
    fn step(&mut self, _sys: &mut Sys, out: &mut Output) -> Step {
        if let Some(o) = self.output.take() {
            out.chunks.extend(o.chunks);
        }
        Step::Done(self.status)
    }
    fn stop(&mut self, _sys: &mut Sys) {}
}

/// How far the clock may jump waiting for a foreground program that has
/// nothing left to wait for (where a user would press Ctrl-C), µs.
pub const IDLE_LIMIT_US: u64 = 300_000_000;
/// How far the clock may run after a command for timers already due
/// soon, µs (the recorder's pause after each command).
pub const SETTLE_US: u64 = 300_000;
/// Most steps one command runs (a bound on any loop between programs).
const MAX_ROUNDS: u32 = 100_000;

impl Jobs {
    /// Starts a background job and steps it once (a listener binds now).
    pub fn start(&mut self, net: &mut Net, ns: NsId, command: &str, program: Box<dyn Program>) -> u32 {
        self.next_pid = self.next_pid.max(1000) + 1;
        let pid = self.next_pid;
        self.list.push(Job {
            pid,
            command: command.to_string(),
            ns,
            program,
            pending: Output::terminal(),
            status: None,
            end_recorded: false,
        });
        let mut events = Vec::new();
        self.step_all(net, net.now_ms * 1000, &mut events);
        pid
    }

    /// Steps every running job once; whether any was busy.
    fn step_all(&mut self, net: &mut Net, now_us: u64, events: &mut Vec<Event>) -> (bool, Option<u64>) {
        let mut busy = false;
        let mut wake: Option<u64> = None;
        for job in self.list.iter_mut().filter(|j| j.status.is_none()) {
            let mut sys = Sys { net, ns: job.ns, now_us, events: Vec::new(), pid: job.pid };
            match job.program.step(&mut sys, &mut job.pending) {
                Step::Busy => busy = true,
                Step::Idle(t) => wake = min_opt(wake, t),
                Step::Done(st) => {
                    job.status = Some(st);
                    busy = true;
                }
            }
            events.append(&mut sys.events);
        }
        (busy, wake)
    }

    /// Runs a foreground program in `ns` with the jobs beside it until it
    /// ends; returns its status (130 when it was left waiting forever).
    pub fn run(&mut self, net: &mut Net, ns: NsId, program: &mut dyn Program, out: &mut Output, events: &mut Vec<Event>) -> i32 {
        let mut now = net.now_ms * 1000;
        let start = now;
        // A foreground program is a process too (its sockets show in ss -p).
        self.next_pid = self.next_pid.max(1000) + 1;
        let pid = self.next_pid;
        for _ in 0..MAX_ROUNDS {
            let mut sys = Sys { net, ns, now_us: now, events: Vec::new(), pid };
            let step = program.step(&mut sys, out);
            events.append(&mut sys.events);
            let mut wake = match step {
                Step::Done(st) => {
                    net.now_ms = net.now_ms.max(now / 1000);
                    return st;
                }
                Step::Busy => continue,
                Step::Idle(t) => t,
            };
            let (busy, w) = self.step_all(net, now, events);
            if busy {
                continue;
            }
            wake = min_opt(wake, w);
            wake = min_opt(wake, net.namespaces().filter_map(|n| n.socks.next_timer()).min());
            match wake {
                Some(t) if t > now && t <= start + IDLE_LIMIT_US => now = t,
                Some(t) if t <= now => now += 1,
                _ => break,
            }
            net.now_ms = net.now_ms.max(now / 1000);
            super::neigh::run_timers(net, now / 1000, events);
            run_timers(net, now, events);
        }
        let mut sys = Sys { net, ns, now_us: now, events: Vec::new(), pid };
        program.stop(&mut sys);
        events.append(&mut sys.events);
        130
    }

    /// Lets the clock run until every job has ended, or none can move and
    /// no timer is due within [`IDLE_LIMIT_US`] (`wait`).
    pub fn wait_all(&mut self, net: &mut Net, events: &mut Vec<Event>) {
        let mut now = net.now_ms * 1000;
        let start = now;
        for _ in 0..MAX_ROUNDS {
            if self.list.iter().all(|j| j.status.is_some()) {
                break;
            }
            let (busy, wake) = self.step_all(net, now, events);
            if busy {
                continue;
            }
            let wake = min_opt(wake, net.namespaces().filter_map(|n| n.socks.next_timer()).min());
            match wake {
                Some(t) if t > now && t <= start + IDLE_LIMIT_US => now = t,
                _ => break,
            }
            net.now_ms = net.now_ms.max(now / 1000);
            super::neigh::run_timers(net, now / 1000, events);
            run_timers(net, now, events);
        }
    }

    /// Steps the jobs until none has anything to do (what they make of a
    /// command that just ran), letting the clock run to the job and socket
    /// timers due within [`SETTLE_US`] (a delayed ACK, a quick reply): the
    /// recorder pauses that long after every command.
    pub fn settle(&mut self, net: &mut Net, events: &mut Vec<Event>) {
        let mut now = net.now_ms * 1000;
        let limit = now + SETTLE_US;
        for _ in 0..MAX_ROUNDS {
            let (busy, wake) = self.step_all(net, now, events);
            if busy {
                continue;
            }
            let wake = min_opt(wake, net.namespaces().filter_map(|n| n.socks.next_timer()).min());
            match wake {
                Some(t) if t > now && t <= limit => now = t,
                _ => break,
            }
            net.now_ms = net.now_ms.max(now / 1000);
            super::neigh::run_timers(net, now / 1000, events);
            run_timers(net, now, events);
        }
    }

    /// Output the jobs printed since the last call, in job order.
    pub fn take_output(&mut self) -> Output {
        let mut all = Output::new();
        for job in &mut self.list {
            for (stream, text) in std::mem::take(&mut job.pending.chunks) {
                match stream {
                    crate::output::Stream::Out => all.out(&text),
                    crate::output::Stream::Err => all.err(&text),
                }
            }
        }
        all
    }

    /// Stops a job (`kill`); false when there is no such running job.
    pub fn kill(&mut self, net: &mut Net, pid: u32) -> bool {
        let now = net.now_ms * 1000;
        let Some(job) = self.list.iter_mut().find(|j| j.pid == pid && j.status.is_none()) else { return false };
        let mut sys = Sys { net, ns: job.ns, now_us: now, events: Vec::new(), pid: job.pid };
        job.program.stop(&mut sys);
        job.status = Some(143);
        true
    }
}

fn min_opt(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.min(y)),
        (x, None) => x,
        (None, y) => y,
    }
}
