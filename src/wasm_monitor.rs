//! `ip monitor` and `bridge monitor` for hosts that stream:
//! [`WasmWorld::monitor`] starts one over the world (as iproute2's process
//! would, with its own socket) and [`WasmMonitor::poll`] returns what it
//! printed since the last call. The terminal page polls it until Ctrl-C.

use wasm_bindgen::prelude::*;

use crate::World as CoreWorld;
use crate::bridge::monitor::Monitor as BridgeMonitor;
use crate::host::Host;
use crate::ip::monitor::Monitor as IpMonitor;
use crate::output::Output;
use crate::shell::words::split;
use crate::wasm::WasmWorld;

/// Which program a monitor is.
enum Monitor {
    Ip(IpMonitor),
    Bridge(BridgeMonitor),
}

/// A running `ip monitor` or `bridge monitor`: call {@link Monitor.poll}
/// after changes (or on a timer) and {@link Monitor.free} to stop it.
#[wasm_bindgen(js_name = Monitor)]
pub struct WasmMonitor {
    world: CoreWorld,
    monitor: Monitor,
    terminal: bool,
}

#[wasm_bindgen(js_class = Monitor)]
impl WasmMonitor {
    /// What the monitor printed since the last call ("" when nothing
    /// happened), both streams in writing order.
    pub fn poll(&mut self) -> String {
        let mut out = if self.terminal { Output::terminal() } else { Output::new() };
        match &mut self.monitor {
            Monitor::Ip(m) => m.poll(&mut self.world, &mut out),
            Monitor::Bridge(m) => m.poll(&mut self.world, &mut out),
        };
        out.combined()
    }
}

#[wasm_bindgen(js_class = World)]
impl WasmWorld {
    /// Starts `ip [OPTIONS] monitor [OBJECTS]` or `bridge [OPTIONS] monitor
    /// [OBJECTS]` from a command line such as `"ip -c=auto monitor link
    /// address"`, in namespace `netns` (a name; the initial one when left
    /// out). `interactive` colours for a terminal as {@link World.exec}'s
    /// option does. Throws with the program's message when the line is not
    /// a valid monitor.
    pub fn monitor(&self, line: &str, netns: Option<String>, interactive: Option<bool>) -> Result<WasmMonitor, JsError> {
        let words = match split(line, 0, &|_| None) {
            Ok(cmds) if cmds.len() == 1 && cmds[0].redirects.is_empty() => cmds.into_iter().next().map(|c| c.words).unwrap_or_default(),
            _ => return Err(JsError::new("monitor: expected one command, `ip|bridge [OPTIONS] monitor [OBJECTS]`")),
        };
        let Some((program @ ("ip" | "bridge"), argv)) = words.split_first().map(|(c, a)| (c.as_str(), a)) else {
            return Err(JsError::new("monitor: expected `ip|bridge [OPTIONS] monitor [OBJECTS]`"));
        };
        let mut world = self.core().clone();
        if let Some(ns) = &netns {
            world.set_current_netns(Some(ns)).map_err(|_| JsError::new(&format!("monitor: no network namespace named \"{ns}\"")))?;
        }
        let mut out = Output::new();
        let started = if program == "ip" {
            IpMonitor::start(&mut world, argv, &mut out).map(Monitor::Ip)
        } else {
            BridgeMonitor::start(&mut world, argv, &mut out).map(Monitor::Bridge)
        };
        let monitor = started.map_err(|_| JsError::new(out.combined().trim_end()))?;
        Ok(WasmMonitor { world, monitor, terminal: interactive.unwrap_or(false) })
    }
}
