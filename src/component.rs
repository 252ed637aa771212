//! The component build (wasm32-wasip2, feature `component`): the WIT world
//! in wit/iplab.wit, exporting the npm package's API (sockets of the three
//! netlink protocols, `exec` with its options, monitors, the topology and
//! the decoder as JSON text, captures, snapshots) for component hosts
//! (wasmtime, jco, Spin). wit/iplab.wit lists what it leaves out.

use std::cell::RefCell;

use crate::bridge::monitor::Monitor as BridgeMonitor;
use crate::history::Snapshot;
use crate::host::{Host, SockOpt};
use crate::ip::monitor::Monitor as IpMonitor;
use crate::output::Output;
use crate::shell::Shell;
use crate::shell::words::split;
use crate::stack::NsId;
use crate::{Creds, Protocol, World};

wit_bindgen::generate!({
    path: "wit",
    world: "iplab",
});

use exports::iplab::netlink::rtnetlink::{
    ExecOptions, ExecResult, Guest, GuestMonitor, GuestSocket, GuestWorld, Monitor as MonitorHandle, Protocol as WitProtocol,
    Socket as SocketHandle, SocketOptions, World as WorldHandle,
};

struct Component;

/// The stack's protocol for the WIT enum.
fn protocol_of(p: WitProtocol) -> Protocol {
    match p {
        WitProtocol::Route => Protocol::Route,
        WitProtocol::Netfilter => Protocol::Netfilter,
        WitProtocol::SockDiag => Protocol::SockDiag,
    }
}

/// The `world` resource.
pub struct ComponentWorld {
    world: World,
    shell: RefCell<Shell>,
}

/// The `socket` resource.
pub struct ComponentSocket {
    sock: crate::Socket,
}

/// The `monitor` resource: `ip monitor` or `bridge monitor` on its own
/// handle of the world.
pub struct ComponentMonitor {
    world: RefCell<World>,
    monitor: RefCell<Monitor>,
}

/// Which program a monitor is.
enum Monitor {
    Ip(IpMonitor),
    Bridge(BridgeMonitor),
}

impl ComponentWorld {
    fn wrap(world: World) -> ComponentWorld {
        let shell = RefCell::new(Shell::new(Box::new(world.clone())));
        ComponentWorld { world, shell }
    }

    /// A namespace by name (none: the initial one).
    fn ns(&self, netns: &Option<String>) -> Result<NsId, String> {
        match netns {
            Some(name) => self.world.netns(name).ok_or_else(|| format!("no network namespace named \"{name}\"")),
            None => Ok(self.world.initial_ns()),
        }
    }

    fn run(&self, line: &str, netns: Option<&str>, interactive: bool) -> Result<ExecResult, String> {
        let mut shell = self.shell.borrow_mut();
        if shell.exited() {
            *shell = Shell::new(Box::new(self.world.clone()));
        }
        if let Some(name) = netns {
            shell.host().set_current_netns(Some(name)).map_err(|_| format!("no network namespace named \"{name}\""))?;
        }
        let mut out = if interactive { Output::terminal() } else { Output::new() };
        shell.set_hints(interactive);
        let status = shell.run_line(line, &mut out);
        if netns.is_some() {
            let _ = shell.host().set_current_netns(None);
        }
        Ok(ExecResult { stdout: out.stdout(), stderr: out.stderr(), combined: out.combined(), status })
    }
}

impl Guest for Component {
    type World = ComponentWorld;
    type Socket = ComponentSocket;
    type Monitor = ComponentMonitor;

    fn decode(datagram: Vec<u8>, protocol: Option<WitProtocol>) -> Result<String, String> {
        let d = match protocol {
            None => crate::decode::decode(&datagram),
            Some(p) => crate::decode::decode_as(&datagram, protocol_of(p)),
        };
        let d = d.map_err(|e| format!("decode: {e}"))?;
        Ok(crate::js::datagram(&d).to_json())
    }
}

impl GuestWorld for ComponentWorld {
    fn new() -> Self {
        ComponentWorld::wrap(World::new())
    }

    fn socket(&self, options: SocketOptions) -> Result<SocketHandle, String> {
        let ns = self.ns(&options.netns)?;
        let protocol = options.protocol.map_or(Protocol::Route, protocol_of);
        // rtnetlink has groups up to RTNLGRP_MAX; the others up to 32.
        let max = if protocol == Protocol::Route { crate::wire::group::MAX } else { 32 };
        for &g in &options.memberships {
            if g == 0 || g > max {
                return Err(format!("{g} is not a group number of this protocol (1..={max})"));
            }
        }
        let creds = if options.unprivileged { Creds::USER } else { Creds::ROOT };
        let sock = self.world.socket_of(ns, creds, protocol).map_err(|e| e.message())?;
        let mut opts = vec![SockOpt::BindGroups(options.groups), SockOpt::ExtAck(options.ext_ack)];
        opts.extend(options.memberships.iter().map(|&g| SockOpt::AddMembership(g)));
        for o in opts {
            sock.set_option(o).map_err(|e| e.message())?;
        }
        Ok(SocketHandle::new(ComponentSocket { sock }))
    }

    fn exec(&self, line: String) -> ExecResult {
        self.run(&line, None, false).unwrap_or_else(|e| ExecResult { stdout: String::new(), combined: e.clone(), stderr: e, status: 1 })
    }

    fn exec_with(&self, line: String, options: ExecOptions) -> Result<ExecResult, String> {
        self.run(&line, options.netns.as_deref(), options.interactive)
    }

    fn monitor(&self, line: String, netns: Option<String>) -> Result<MonitorHandle, String> {
        let words = match split(&line, 0, &|_| None) {
            Ok(cmds) if cmds.len() == 1 && cmds[0].redirects.is_empty() => cmds.into_iter().next().map(|c| c.words).unwrap_or_default(),
            _ => return Err("monitor: expected one command, `ip|bridge [OPTIONS] monitor [OBJECTS]`".into()),
        };
        let Some((program @ ("ip" | "bridge"), argv)) = words.split_first().map(|(c, a)| (c.as_str(), a)) else {
            return Err("monitor: expected `ip|bridge [OPTIONS] monitor [OBJECTS]`".into());
        };
        let mut world = self.world.clone();
        if let Some(ns) = &netns {
            world.set_current_netns(Some(ns)).map_err(|_| format!("monitor: no network namespace named \"{ns}\""))?;
        }
        let mut out = Output::new();
        let started = if program == "ip" {
            IpMonitor::start(&mut world, argv, &mut out).map(Monitor::Ip)
        } else {
            BridgeMonitor::start(&mut world, argv, &mut out).map(Monitor::Bridge)
        };
        let monitor = started.map_err(|_| out.combined().trim_end().to_string())?;
        Ok(MonitorHandle::new(ComponentMonitor { world: RefCell::new(world), monitor: RefCell::new(monitor) }))
    }

    fn topology(&self) -> String {
        crate::js::topology(&crate::topology::topology(&self.world)).to_json()
    }

    fn netns_list(&self) -> Vec<String> {
        self.world.with_net(|n| n.names().map(|(name, _)| name.to_string()).collect::<Vec<_>>()).into_iter().rev().collect()
    }

    fn capture_start(&self, netns: Option<String>, dev: String) -> Result<u32, String> {
        let ns = self.ns(&netns)?;
        self.world.capture_start(ns, &dev).map_err(|e| format!("capture: {dev}: {}", e.message()))
    }

    fn capture(&self, handle: u32) -> Vec<u8> {
        self.world.capture_pcap(handle)
    }

    fn capture_stop(&self, handle: u32) {
        self.world.capture_stop(handle)
    }

    fn snapshot(&self) -> String {
        self.world.snapshot().to_text()
    }

    fn restore(snapshot: String) -> Result<WorldHandle, String> {
        let snap = Snapshot::from_text(&snapshot)?;
        Ok(WorldHandle::new(ComponentWorld::wrap(World::restore(&snap))))
    }
}

impl GuestSocket for ComponentSocket {
    fn send(&self, datagram: Vec<u8>) -> Vec<Vec<u8>> {
        self.sock.send(&datagram)
    }

    fn drain(&self) -> Vec<Vec<u8>> {
        self.sock.drain()
    }

    fn port_id(&self) -> u32 {
        self.sock.port_id()
    }
}

impl GuestMonitor for ComponentMonitor {
    fn poll(&self) -> String {
        let mut world = self.world.borrow_mut();
        let mut out = Output::new();
        match &mut *self.monitor.borrow_mut() {
            Monitor::Ip(m) => m.poll(&mut *world, &mut out),
            Monitor::Bridge(m) => m.poll(&mut *world, &mut out),
        };
        out.combined()
    }
}

export!(Component);
