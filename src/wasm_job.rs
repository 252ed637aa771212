//! A program in the page's foreground that runs until it ends or Ctrl-C
//! (`nc -l 8080`, `tcpdump -i veth0`, `python3 -m http.server`):
//! [`WasmWorld::spawn`] starts it as a job of the world's machine and
//! [`WasmJob::poll`] returns what it printed since the last call. While it
//! runs, [`WasmWorld::exec`] (a second terminal, a lesson's "Run it")
//! leaves what jobs print to `poll` instead of adding it to its own result;
//! the programs step beside whatever those lines run, as background jobs do.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

use crate::World as CoreWorld;
use crate::host::Host;
use crate::shell::words::split;
use crate::wasm::WasmWorld;

/// The pid of the job in the page's foreground, shared by the world and the job.
pub(crate) type Foreground = Rc<Cell<Option<u32>>>;

/// A program running in the foreground: call {@link Job.poll} on a timer,
/// {@link Job.status} to see whether it ended, {@link Job.interrupt} for
/// Ctrl-C, then {@link Job.free}.
#[wasm_bindgen(js_name = Job)]
pub struct WasmJob {
    world: CoreWorld,
    pid: u32,
    foreground: Foreground,
}

#[wasm_bindgen(js_class = Job)]
impl WasmJob {
    /// What it (and any background job) printed since the last call.
    pub fn poll(&mut self) -> String {
        let out = self.world.job_output().combined();
        if self.status().is_some() {
            self.release();
        }
        out
    }

    /// Its exit status once it ended; undefined while it runs.
    pub fn status(&self) -> Option<i32> {
        self.world.job_status(self.pid)
    }

    /// Stops it as Ctrl-C does (its sockets close); returns what was
    /// printed before it stopped.
    pub fn interrupt(&mut self) -> String {
        let before = self.world.job_output().combined();
        self.world.kill_job(self.pid);
        self.release();
        before
    }

    fn release(&self) {
        if self.foreground.get() == Some(self.pid) {
            self.foreground.set(None);
        }
    }
}

impl Drop for WasmJob {
    fn drop(&mut self) {
        self.release();
    }
}

/// The programs `spawn` starts (those that wait on sockets); others run
/// through `exec`.
const FOREGROUND: &[&str] = &["nc", "tcpdump", "python3"];

#[wasm_bindgen(js_class = World)]
impl WasmWorld {
    /// Starts `PROGRAM ARGS...` or `ip netns exec NS PROGRAM ARGS...` (one
    /// simple command: `nc`, `tcpdump` or `python3`) in namespace `netns`
    /// (the initial one when left out) and returns it running; undefined
    /// for any other line (run it with {@link World.exec}). Throws for an
    /// unknown namespace.
    pub fn spawn(&mut self, line: &str, netns: Option<String>) -> Result<Option<WasmJob>, JsError> {
        let words = match split(line, 0, &|_| None) {
            Ok(cmds) if cmds.len() == 1 && cmds[0].redirects.is_empty() => cmds.into_iter().next().map(|c| c.words).unwrap_or_default(),
            _ => return Ok(None),
        };
        let (ns, argv) = match words.as_slice() {
            [ip, netns_word, exec, ns, rest @ ..] if ip == "ip" && netns_word == "netns" && exec == "exec" => (Some(ns.clone()), rest),
            rest => (netns, rest),
        };
        let Some((name, args)) = argv.split_first() else { return Ok(None) };
        if !FOREGROUND.contains(&name.as_str()) || args.last().is_some_and(|a| a == "&") {
            return Ok(None);
        }
        let mut world = self.core().clone();
        if let Some(ns) = &ns {
            world
                .set_current_netns(Some(ns))
                .map_err(|_| JsError::new(&format!("Cannot open network namespace \"{ns}\": No such file or directory")))?;
        }
        let Some(pid) = world.start_job(name, args, line) else { return Ok(None) };
        let _ = world.set_current_netns(None);
        let foreground = self.foreground();
        foreground.set(Some(pid));
        Ok(Some(WasmJob { world, pid, foreground }))
    }
}
