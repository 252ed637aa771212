//! The public entry point: a [`World`] (one simulated machine) and the
//! netlink [`Socket`]s opened on it. A world is also a [`Host`] for the `ip`
//! front end and the shell.

use std::cell::{Ref, RefCell, RefMut};
use std::rc::Rc;

use crate::errno::Errno;
use crate::history::{Op, Snapshot};
use crate::host::{Host, NetlinkSocket, SockOpt};
use crate::rtnetlink::{Creds, Kernel, Protocol};
use crate::stack::{Net, NsId};

/// The kernel behind a world or socket, for reading. Worlds are never used
/// re-entrantly, so a borrow cannot fail; going through here keeps one
/// panic site for all of them.
fn read(kernel: &RefCell<Kernel>) -> Ref<'_, Kernel> {
    kernel.borrow()
}

/// The kernel behind a world or socket, for changing (see [`read`]).
fn write(kernel: &RefCell<Kernel>) -> RefMut<'_, Kernel> {
    kernel.borrow_mut()
}

/// One simulated machine: namespaces, links, tables, and open sockets.
///
/// Requests go in as netlink bytes and replies come out as netlink bytes,
/// exactly as a program talks to Linux; the shell runs command lines on it.
///
/// ```
/// use iplab::output::Output;
/// use iplab::shell::Shell;
/// use iplab::{Creds, World};
///
/// // A link dump, as `ip link` sends it: RTM_GETLINK (18) with
/// // NLM_F_REQUEST | NLM_F_DUMP, then a 16-byte ifinfomsg.
/// let world = World::new();
/// let sock = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
/// let mut request = Vec::new();
/// request.extend_from_slice(&32u32.to_ne_bytes()); // nlmsg_len
/// request.extend_from_slice(&18u16.to_ne_bytes()); // RTM_GETLINK
/// request.extend_from_slice(&0x301u16.to_ne_bytes()); // NLM_F_REQUEST | NLM_F_DUMP
/// request.extend_from_slice(&1u32.to_ne_bytes()); // nlmsg_seq
/// request.extend_from_slice(&0u32.to_ne_bytes()); // nlmsg_pid
/// request.extend_from_slice(&[0; 16]); // struct ifinfomsg
/// let replies = sock.send(&request);
/// // One RTM_NEWLINK for `lo`, then NLMSG_DONE (3).
/// assert_eq!(replies.len(), 2);
/// assert_eq!(u16::from_ne_bytes([replies[1][4], replies[1][5]]), 3);
///
/// // The same world through the shell, as a terminal would drive it.
/// let mut shell = Shell::new(Box::new(world));
/// let mut out = Output::new();
/// assert_eq!(shell.run_line("ip link add v0 type veth peer name v1", &mut out), 0);
/// let mut out = Output::new();
/// shell.run_line("ip -br link show v0", &mut out);
/// assert!(out.stdout().starts_with("v0@v1"));
/// ```
#[derive(Clone)]
pub struct World {
    kernel: Rc<RefCell<Kernel>>,
    /// The namespace the shell's commands run in.
    current: NsId,
    /// Programs running in the background (`CMD &`).
    jobs: Rc<RefCell<crate::sim::process::Jobs>>,
    /// Captures opened through the API, with the frames read so far.
    captures: Rc<RefCell<Vec<Capture>>>,
}

/// A capture opened through the API: its tap and the frames read so far.
type Capture = (u32, Vec<crate::sim::capture::Frame>);

impl Default for World {
    fn default() -> Self {
        World::new()
    }
}

impl std::fmt::Debug for World {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("World").field("current", &self.current).finish()
    }
}

impl World {
    /// A machine with one fresh namespace, as `unshare --net` gives: only `lo`, down.
    pub fn new() -> Self {
        World { kernel: Rc::new(RefCell::new(Kernel::new())), current: Net::INITIAL, jobs: Rc::default(), captures: Rc::default() }
    }

    /// A world that records no history: its memory is its state alone (a
    /// table of a million routes does not also keep the million requests
    /// that built it), and its snapshots are empty.
    pub fn without_history() -> Self {
        let world = World::new();
        write(&world.kernel).keep_history = false;
        world
    }

    /// The namespace every world starts in.
    pub fn initial_ns(&self) -> NsId {
        Net::INITIAL
    }

    /// The namespace `ip netns add NAME` created.
    pub fn netns(&self, name: &str) -> Option<NsId> {
        read(&self.kernel).net.ns_by_name(name)
    }

    /// Opens a NETLINK_ROUTE socket bound to a namespace.
    pub fn socket(&self, ns: NsId, creds: Creds) -> Result<Socket, Errno> {
        self.socket_of(ns, creds, Protocol::Route)
    }

    /// Opens a socket of the given netlink protocol bound to a namespace.
    pub fn socket_of(&self, ns: NsId, creds: Creds, protocol: Protocol) -> Result<Socket, Errno> {
        let port = write(&self.kernel).open_socket_of(ns, creds, protocol)?;
        Ok(Socket { kernel: Rc::clone(&self.kernel), port })
    }

    /// Sets how much every namespace (and the machine's netlink socket
    /// table) may hold; [`crate::stack::limits`] has the defaults. For an
    /// embedder that wants a smaller machine, and for tests that flood one.
    pub fn set_limits(&self, limits: crate::stack::limits::Limits) {
        write(&self.kernel).net.set_limits(limits);
    }

    /// Runs `f` with read access to the network state.
    pub fn with_net<T>(&self, f: impl FnOnce(&Net) -> T) -> T {
        f(&read(&self.kernel).net)
    }

    /// The operations that built this world's state (see [`Snapshot`]);
    /// empty for a world made by [`World::without_history`].
    pub fn snapshot(&self) -> Snapshot {
        Snapshot { ops: read(&self.kernel).history.clone() }
    }

    /// How many operations the world's history holds.
    pub fn history_len(&self) -> usize {
        read(&self.kernel).history.len()
    }

    /// The operations of the history from the `from`th on (empty when it
    /// is shorter): what a saved copy of the first `from` lacks.
    pub fn history_since(&self, from: usize) -> Vec<Op> {
        read(&self.kernel).history.get(from..).map(<[Op]>::to_vec).unwrap_or_default()
    }

    /// A fresh world rebuilt from a snapshot, identical in state.
    pub fn restore(snapshot: &Snapshot) -> World {
        let world = World::new();
        for op in &snapshot.ops {
            world.replay(op);
        }
        world
    }

    /// Replays operations on this world, in order, as [`World::restore`]
    /// does on a fresh one: how a process that shares a saved world catches
    /// up with what others did to it. Open sockets stay open and receive the
    /// notifications the operations cause.
    pub fn apply(&self, ops: &[Op]) {
        for op in ops {
            self.replay(op);
        }
    }

    fn replay(&self, op: &Op) {
        match op {
            Op::Datagram { ns, privileged, bytes } => {
                let creds = if *privileged { Creds::ROOT } else { Creds::USER };
                if let Ok(sock) = self.socket(NsId(*ns), creds) {
                    sock.send(bytes);
                }
            }
            Op::NfDatagram { ns, privileged, bytes } => {
                let creds = if *privileged { Creds::ROOT } else { Creds::USER };
                if let Ok(sock) = self.socket_of(NsId(*ns), creds, Protocol::Netfilter) {
                    sock.send(bytes);
                }
            }
            Op::NetnsAdd(name) => {
                let mut k = write(&self.kernel);
                let _ = k.net.add_named(name);
                k.record(op.clone());
            }
            Op::NetnsDel(name) => {
                let mut k = write(&self.kernel);
                if let Ok(events) = k.net.del_named(name) {
                    k.announce(&events);
                }
                k.record(op.clone());
            }
            Op::Sysctl { ns, key, value } => {
                let mut k = write(&self.kernel);
                // The same path as the live write, then what it queued settles.
                if let Some(Ok(mut events)) = k.net.ns_mut(NsId(*ns)).map(|n| crate::stack::sysctl::write(n, key, value)) {
                    events.extend(crate::rtnetlink::settle(&mut k.net));
                    k.announce(&events);
                }
                k.record(op.clone());
            }
            Op::Advance(ms) => {
                let mut k = write(&self.kernel);
                let to = k.net.now_ms.saturating_add(*ms).min(crate::stack::Net::MAX_CLOCK_MS);
                // The neighbour timers run as when a program moves the
                // clock (ping); lifetimes, buckets and bridge ageing run
                // at the next request.
                let mut events = Vec::new();
                crate::sim::neigh::run_timers(&mut k.net, to, &mut events);
                k.net.advance_clock_to(to);
                k.announce(&events);
                k.record(op.clone());
            }
            Op::Program { ns, argv } => {
                let mut k = write(&self.kernel);
                if let Some((name, args)) = argv.split_first() {
                    let mut out = crate::output::Output::new();
                    if let Some((_, events)) = crate::sim::run(&mut k.net, NsId(*ns), name, args, &mut out) {
                        k.announce(&events);
                    }
                }
                k.record(op.clone());
            }
            Op::Job { ns, argv } => {
                let mut early = crate::output::Output::new();
                // A job that failed to start holds its place too: Op::JobEnd
                // counts jobs in the order they started.
                let program: Box<dyn crate::sim::process::Program> =
                    match argv.split_first().and_then(|(name, args)| crate::sim::process::spawn(name, args, Some(&[]), &mut early)) {
                        Some(Ok(p)) => p,
                        Some(Err(status)) => Box::new(crate::sim::process::Finished { output: None, status }),
                        None => Box::new(crate::sim::process::Finished { output: None, status: 127 }),
                    };
                let mut k = write(&self.kernel);
                let mut jobs = self.jobs.borrow_mut();
                jobs.start(&mut k.net, NsId(*ns), &argv.join(" "), program);
                // What it printed then was shown then.
                if let Some(job) = jobs.list.last_mut() {
                    job.pending = crate::output::Output::terminal();
                }
                k.record(op.clone());
            }
            Op::JobEnd(n) => {
                let mut k = write(&self.kernel);
                let mut jobs = self.jobs.borrow_mut();
                if let Some(pid) = jobs.list.get(*n as usize).map(|j| j.pid) {
                    jobs.kill(&mut k.net, pid);
                }
                if let Some(job) = jobs.list.get_mut(*n as usize) {
                    job.end_recorded = true;
                    job.pending = crate::output::Output::terminal();
                }
                k.record(op.clone());
            }
        }
    }

    /// Sends one echo request from `ns` to `dst` through the packet walk
    /// and returns the path it took, hop by hop (see [`crate::sim::trace_echo`]).
    pub fn trace_echo(&self, ns: NsId, dst: std::net::IpAddr) -> Result<Vec<crate::sim::walk::Hop>, Errno> {
        let mut k = write(&self.kernel);
        let (result, events) = crate::sim::trace_echo(&mut k.net, ns, dst);
        k.announce(&events);
        result
    }

    /// Starts a capture on `dev` of `ns` ("any": every device); returns
    /// its handle.
    pub fn capture_start(&self, ns: NsId, dev: &str) -> Result<u32, Errno> {
        let mut k = write(&self.kernel);
        let ifindex = if dev == "any" { 0 } else { k.net.ns(ns).ok_or(Errno::ENODEV)?.index_of(dev).ok_or(Errno::ENODEV)? };
        let id = k.net.capture.open(ns, ifindex);
        self.captures.borrow_mut().push((id, Vec::new()));
        Ok(id)
    }

    /// What a capture has seen so far, as a pcap file: its last
    /// [`World::CAPTURE_KEEP`] frames (a ring, as `tcpdump -C`'s files or a
    /// capture buffer keep the newest), so a capture left open on a busy
    /// world stays bounded.
    pub fn capture_pcap(&self, id: u32) -> Vec<u8> {
        let frames = write(&self.kernel).net.capture.read(id);
        let mut caps = self.captures.borrow_mut();
        let Some((_, kept)) = caps.iter_mut().find(|(i, _)| *i == id) else { return crate::tcpdump::pcap::header() };
        kept.extend(frames);
        let excess = kept.len().saturating_sub(World::CAPTURE_KEEP);
        kept.drain(..excess);
        crate::tcpdump::pcap::file(kept)
    }

    /// Most frames an API capture keeps (the oldest go first).
    pub const CAPTURE_KEEP: usize = 20_000;

    /// Ends a capture.
    pub fn capture_stop(&self, id: u32) {
        write(&self.kernel).net.capture.close(id);
        self.captures.borrow_mut().retain(|(i, _)| *i != id);
    }

    /// A file a program wrote (`tcpdump -w FILE`).
    pub fn file(&self, name: &str) -> Option<Vec<u8>> {
        read(&self.kernel).net.capture.files.iter().find(|(n, _)| n == name).map(|(_, b)| b.clone())
    }

    /// A deep copy of this world (sockets are not carried over).
    pub fn fork(&self) -> World {
        let k = read(&self.kernel).clone();
        World { kernel: Rc::new(RefCell::new(k)), current: self.current, jobs: Rc::default(), captures: Rc::default() }
    }
}

/// A NETLINK_ROUTE socket on a [`World`]. Closing happens on drop.
pub struct Socket {
    kernel: Rc<RefCell<Kernel>>,
    port: u32,
}

impl std::fmt::Debug for Socket {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Socket").field("port", &self.port).finish()
    }
}

impl Socket {
    /// Sends one datagram; returns every reply message, in order, each one
    /// nlmsghdr-framed message (ACKs, errors, dump parts and NLMSG_DONE).
    pub fn send(&self, datagram: &[u8]) -> Vec<Vec<u8>> {
        write(&self.kernel).send(self.port, datagram)
    }

    /// Returns the multicast notifications queued for this socket's groups.
    pub fn drain(&self) -> Vec<Vec<u8>> {
        write(&self.kernel).drain(self.port)
    }

    /// The pending socket error, reported once: ENOBUFS after notifications
    /// were dropped because the receive buffer was full (read it before
    /// [`Socket::drain`], as `recvmsg` reports it first).
    pub fn take_error(&self) -> Option<Errno> {
        write(&self.kernel).take_error(self.port)
    }

    /// The receive buffer size `getsockopt(SO_RCVBUF)` reports.
    pub fn rcvbuf(&self) -> u32 {
        read(&self.kernel).rcvbuf(self.port).unwrap_or(0)
    }

    /// `sendto` a netlink address: `dst_port` (0: the kernel) and the
    /// multicast `groups` bit mask of `sockaddr_nl`. Sending to a group or
    /// a user port needs CAP_NET_ADMIN (EPERM).
    pub fn send_to(&self, datagram: &[u8], dst_port: u32, groups: u32) -> Result<Vec<Vec<u8>>, Errno> {
        write(&self.kernel).send_to(self.port, datagram, dst_port, groups)
    }

    /// The port id (what `getsockname` reports, and replies carry).
    pub fn port_id(&self) -> u32 {
        self.port
    }

    /// Sets a socket option.
    pub fn set_option(&self, opt: SockOpt) -> Result<(), Errno> {
        write(&self.kernel).set_option(self.port, opt)
    }

    /// Names the process that owns the socket (its pid and command name,
    /// which nf_tables reports in its generation messages).
    pub fn set_process(&self, pid: u32, comm: &str) {
        write(&self.kernel).set_process(self.port, pid, comm);
    }
}

impl Drop for Socket {
    fn drop(&mut self) {
        if let Ok(mut k) = self.kernel.try_borrow_mut() {
            k.close_socket(self.port);
        }
    }
}

impl NetlinkSocket for Socket {
    fn send(&mut self, datagram: &[u8]) -> Vec<Vec<u8>> {
        Socket::send(self, datagram)
    }
    fn drain(&mut self) -> Vec<Vec<u8>> {
        Socket::drain(self)
    }
    fn port_id(&self) -> u32 {
        self.port
    }
    fn set_option(&mut self, opt: SockOpt) -> Result<(), Errno> {
        Socket::set_option(self, opt)
    }
}

impl World {
    /// Runs a socket program in the foreground beside the jobs.
    fn run_socket_program(&mut self, name: &str, args: &[String], stdin: Option<&[u8]>, out: &mut crate::output::Output) -> Option<i32> {
        let mut program = match crate::sim::process::spawn(name, args, stdin, out)? {
            Ok(p) => p,
            Err(status) => return Some(status),
        };
        let mut k = write(&self.kernel);
        let mut events = Vec::new();
        let status = self.jobs.borrow_mut().run(&mut k.net, self.current, program.as_mut(), out, &mut events);
        k.announce(&events);
        Some(status)
    }

    fn device_names(&self) -> Vec<String> {
        self.with_net(|n| n.ns(self.current).map(|ns| ns.links.values().map(|l| l.name.clone()).collect()).unwrap_or_default())
    }
}

impl Host for World {
    fn socket(&mut self, netns: Option<&str>) -> Result<Box<dyn NetlinkSocket>, Errno> {
        let ns = match netns {
            Some(name) => self.netns(name).ok_or(Errno::ENOENT)?,
            None => self.current,
        };
        Ok(Box::new(World::socket(self, ns, Creds::ROOT)?))
    }

    fn socket_of(&mut self, netns: Option<&str>, protocol: Protocol) -> Result<Box<dyn NetlinkSocket>, Errno> {
        let ns = match netns {
            Some(name) => self.netns(name).ok_or(Errno::ENOENT)?,
            None => self.current,
        };
        Ok(Box::new(World::socket_of(self, ns, Creds::ROOT, protocol)?))
    }

    fn netns_list(&self) -> Vec<String> {
        self.with_net(|n| n.names().map(|(name, _)| name.to_string()).collect::<Vec<_>>()).into_iter().rev().collect()
    }

    fn netns_add(&mut self, name: &str) -> Result<(), Errno> {
        let mut k = write(&self.kernel);
        k.net.add_named(name)?;
        k.record(Op::NetnsAdd(name.to_string()));
        Ok(())
    }

    fn netns_del(&mut self, name: &str) -> Result<(), Errno> {
        let mut k = write(&self.kernel);
        let events = k.net.del_named(name)?;
        k.announce(&events);
        k.record(Op::NetnsDel(name.to_string()));
        Ok(())
    }

    fn netns_fd(&mut self, name: &str) -> Result<u32, Errno> {
        let id = self.netns(name).ok_or(Errno::ENOENT)?;
        Ok(self.with_net(|n| n.fd_of(id)))
    }

    fn current_netns(&self) -> Option<String> {
        self.with_net(|n| n.name_of(self.current).map(str::to_string))
    }

    fn set_current_netns(&mut self, netns: Option<&str>) -> Result<(), Errno> {
        self.current = match netns {
            Some(name) => self.netns(name).ok_or(Errno::ENOENT)?,
            None => Net::INITIAL,
        };
        Ok(())
    }

    fn sysctl_get(&self, key: &str) -> Result<String, Errno> {
        self.with_net(|n| n.ns(self.current).and_then(|ns| crate::stack::sysctl::read(ns, key))).ok_or(Errno::ENOENT)
    }

    fn sysctl_set(&mut self, key: &str, value: &str) -> Result<(), Errno> {
        let mut k = write(&self.kernel);
        let ns = k.net.ns_mut(self.current).ok_or(Errno::ENOENT)?;
        let mut events = crate::stack::sysctl::write(ns, key, value)?;
        events.extend(crate::rtnetlink::settle(&mut k.net));
        k.announce(&events);
        let op = Op::Sysctl { ns: self.current.0, key: key.to_string(), value: value.to_string() };
        k.record(op);
        Ok(())
    }

    fn run_program(&mut self, name: &str, args: &[String], out: &mut crate::output::Output) -> Option<i32> {
        if crate::sim::process::SOCKET_PROGRAMS.contains(&name) {
            return self.run_socket_program(name, args, None, out);
        }
        let mut k = write(&self.kernel);
        let (status, events) = crate::sim::run(&mut k.net, self.current, name, args, out)?;
        k.announce(&events);
        let argv = std::iter::once(name.to_string()).chain(args.iter().cloned()).collect();
        k.record(Op::Program { ns: self.current.0, argv });
        Some(status)
    }

    fn run_program_input(&mut self, name: &str, args: &[String], stdin: &[u8], out: &mut crate::output::Output) -> Option<i32> {
        if crate::sim::process::SOCKET_PROGRAMS.contains(&name) {
            return self.run_socket_program(name, args, Some(stdin), out);
        }
        self.run_program(name, args, out)
    }

    fn start_job(&mut self, name: &str, args: &[String], command: &str) -> Option<u32> {
        let mut early = crate::output::Output::terminal();
        let program: Box<dyn crate::sim::process::Program> = match crate::sim::process::spawn(name, args, Some(&[]), &mut early)? {
            Ok(p) => p,
            Err(status) => Box::new(crate::sim::process::Finished { output: Some(early), status }),
        };
        let mut k = write(&self.kernel);
        let pid = self.jobs.borrow_mut().start(&mut k.net, self.current, command, program);
        let argv = std::iter::once(name.to_string()).chain(args.iter().cloned()).collect();
        k.record(Op::Job { ns: self.current.0, argv });
        Some(pid)
    }

    fn job_output(&mut self) -> crate::output::Output {
        let mut k = write(&self.kernel);
        let mut events = Vec::new();
        let mut jobs = self.jobs.borrow_mut();
        jobs.settle(&mut k.net, &mut events);
        k.announce(&events);
        // Jobs that ended leave the history too (a restored world stops them).
        for (n, job) in jobs.list.iter_mut().enumerate() {
            if job.status.is_some() && !job.end_recorded {
                job.end_recorded = true;
                k.record(Op::JobEnd(n as u32));
            }
        }
        jobs.take_output()
    }

    fn job_status(&self, pid: u32) -> Option<i32> {
        self.jobs.borrow().list.iter().find(|j| j.pid == pid).and_then(|j| j.status)
    }

    fn kill_job(&mut self, pid: u32) -> bool {
        let mut k = write(&self.kernel);
        self.jobs.borrow_mut().kill(&mut k.net, pid)
    }

    fn wait_jobs(&mut self) {
        let mut k = write(&self.kernel);
        let mut events = Vec::new();
        self.jobs.borrow_mut().wait_all(&mut k.net, &mut events);
        k.announce(&events);
    }

    fn sysctl_keys(&self) -> Vec<String> {
        let devs = self.device_names();
        let devs: Vec<&str> = devs.iter().map(String::as_str).collect();
        self.with_net(|n| {
            n.ns(self.current)
                .map(|ns| ns.sysctl.keys(&devs).into_iter().filter(|k| !crate::stack::sysctl::without_in_device(ns, k)).collect())
                .unwrap_or_default()
        })
    }
}
