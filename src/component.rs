//! The component build (wasm32-wasip2, feature `component`): the WIT world
//! in wit/iplab.wit, exporting the same socket and exec API as the npm
//! package, for component hosts (wasmtime, jco, Spin).

use std::cell::RefCell;

use crate::history::Snapshot;
use crate::host::SockOpt;
use crate::output::Output;
use crate::shell::Shell;
use crate::{Creds, World};

wit_bindgen::generate!({
    path: "wit",
    world: "iplab",
});

use exports::iplab::netlink::rtnetlink::{
    ExecResult, Guest, GuestSocket, GuestWorld, Socket as SocketHandle, SocketOptions, World as WorldHandle,
};

struct Component;

/// The `world` resource.
pub struct ComponentWorld {
    world: World,
    shell: RefCell<Shell>,
}

/// The `socket` resource.
pub struct ComponentSocket {
    sock: crate::Socket,
}

impl ComponentWorld {
    fn wrap(world: World) -> ComponentWorld {
        let shell = RefCell::new(Shell::new(Box::new(world.clone())));
        ComponentWorld { world, shell }
    }
}

impl Guest for Component {
    type World = ComponentWorld;
    type Socket = ComponentSocket;
}

impl GuestWorld for ComponentWorld {
    fn new() -> Self {
        ComponentWorld::wrap(World::new())
    }

    fn socket(&self, options: SocketOptions) -> Result<SocketHandle, String> {
        let ns = match &options.netns {
            Some(name) => self.world.netns(name).ok_or_else(|| format!("no network namespace named \"{name}\""))?,
            None => self.world.initial_ns(),
        };
        for &g in &options.memberships {
            if g == 0 || g > crate::wire::group::MAX {
                return Err(format!("{g} is not an rtnetlink group number (1..={})", crate::wire::group::MAX));
            }
        }
        let creds = if options.unprivileged { Creds::USER } else { Creds::ROOT };
        let sock = self.world.socket(ns, creds).map_err(|e| e.message())?;
        let mut opts = vec![SockOpt::BindGroups(options.groups), SockOpt::ExtAck(options.ext_ack)];
        opts.extend(options.memberships.iter().map(|&g| SockOpt::AddMembership(g)));
        for o in opts {
            sock.set_option(o).map_err(|e| e.message())?;
        }
        Ok(SocketHandle::new(ComponentSocket { sock }))
    }

    fn exec(&self, line: String) -> ExecResult {
        let mut shell = self.shell.borrow_mut();
        if shell.exited() {
            *shell = Shell::new(Box::new(self.world.clone()));
        }
        let mut out = Output::new();
        let status = shell.run_line(&line, &mut out);
        ExecResult { stdout: out.stdout(), stderr: out.stderr(), status }
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

export!(Component);
