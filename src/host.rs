//! What the user half (`ip`, the shell) needs from a system: netlink sockets
//! in a namespace, the named namespaces of `ip netns`, and net.* sysctls.
//!
//! The simulator implements it (see [`crate::World`]); so can a real Linux
//! host, which is how the front end is compared with iproute2 on a live kernel.

use crate::errno::Errno;

/// Per-socket options that change what the kernel replies (SOL_NETLINK).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SockOpt {
    /// NETLINK_EXT_ACK: extended acknowledgements with messages.
    ExtAck(bool),
    /// NETLINK_CAP_ACK: errors echo only the request header.
    CapAck(bool),
    /// NETLINK_GET_STRICT_CHK: strict checking and filtering of dumps.
    StrictCheck(bool),
    /// NETLINK_ADD_MEMBERSHIP: join a multicast group (1-based number).
    AddMembership(u32),
    /// NETLINK_DROP_MEMBERSHIP: leave a multicast group.
    DropMembership(u32),
    /// The legacy group bit mask given to `bind`.
    BindGroups(u32),
    /// SO_RCVBUF (the int as given, read as unsigned as Linux does).
    RcvBuf(u32),
    /// SO_RCVBUFFORCE (needs CAP_NET_ADMIN).
    RcvBufForce(u32),
}

/// A NETLINK_ROUTE socket.
pub trait NetlinkSocket {
    /// Sends one datagram (one or more messages) and returns every reply
    /// message, each exactly one nlmsghdr-framed message, in order.
    fn send(&mut self, datagram: &[u8]) -> Vec<Vec<u8>>;
    /// Returns the multicast notifications queued for this socket's groups.
    fn drain(&mut self) -> Vec<Vec<u8>>;
    /// The socket's port id (what `getsockname` reports).
    fn port_id(&self) -> u32;
    /// Sets a socket option.
    fn set_option(&mut self, opt: SockOpt) -> Result<(), Errno>;
}

/// The system the user half runs on.
pub trait Host {
    /// Opens a NETLINK_ROUTE socket in the named namespace, or in the current
    /// one when `netns` is None. An unknown name is ENOENT.
    fn socket(&mut self, netns: Option<&str>) -> Result<Box<dyn NetlinkSocket>, Errno>;
    /// Opens a netlink socket of another protocol (NETLINK_NETFILTER for
    /// `iptables` and `nft`); hosts without it say EPROTONOSUPPORT.
    fn socket_of(&mut self, netns: Option<&str>, protocol: crate::rtnetlink::Protocol) -> Result<Box<dyn NetlinkSocket>, Errno> {
        match protocol {
            crate::rtnetlink::Protocol::Route => self.socket(netns),
            _ => Err(Errno::EPROTONOSUPPORT),
        }
    }
    /// The named namespaces, as `ip netns list` orders them (newest first).
    fn netns_list(&self) -> Vec<String>;
    /// Creates a named namespace (`ip netns add`).
    fn netns_add(&mut self, name: &str) -> Result<(), Errno>;
    /// Deletes a named namespace (`ip netns del`).
    fn netns_del(&mut self, name: &str) -> Result<(), Errno>;
    /// A file descriptor naming a namespace, for IFLA_NET_NS_FD (what
    /// iproute2 gets by opening `/run/netns/NAME`).
    fn netns_fd(&mut self, name: &str) -> Result<u32, Errno>;
    /// The namespace commands run in now (None: the initial one).
    fn current_netns(&self) -> Option<String>;
    /// Switches the namespace later commands run in (`ip netns exec`).
    fn set_current_netns(&mut self, netns: Option<&str>) -> Result<(), Errno>;
    /// Reads a sysctl such as `net.ipv4.ip_forward` in the current namespace.
    fn sysctl_get(&self, key: &str) -> Result<String, Errno>;
    /// Writes a sysctl in the current namespace.
    fn sysctl_set(&mut self, key: &str, value: &str) -> Result<(), Errno>;
    /// Every sysctl key this host knows, sorted (for `sysctl -a`).
    fn sysctl_keys(&self) -> Vec<String>;
    /// Whether standard output is a terminal (for `-color=auto`).
    fn stdout_is_terminal(&self) -> bool {
        false
    }
    /// Runs a packet program (`ping`, `traceroute`) in the current
    /// namespace; None when the host has no such program.
    fn run_program(&mut self, name: &str, args: &[String], out: &mut crate::output::Output) -> Option<i32> {
        let _ = (name, args, out);
        None
    }
    /// Runs a program with `stdin` as its standard input (what `echo TEXT |`
    /// gives it); hosts without one fall back to [`Host::run_program`].
    fn run_program_input(&mut self, name: &str, args: &[String], stdin: &[u8], out: &mut crate::output::Output) -> Option<i32> {
        let _ = stdin;
        self.run_program(name, args, out)
    }
    /// Starts a program as a background job in the current namespace and
    /// returns its process id; None when the host has no such program.
    fn start_job(&mut self, name: &str, args: &[String], command: &str) -> Option<u32> {
        let _ = (name, args, command);
        None
    }
    /// What background jobs printed since the last call.
    fn job_output(&mut self) -> crate::output::Output {
        crate::output::Output::new()
    }
    /// A job's exit status once it ended (None: still running or unknown).
    fn job_status(&self, pid: u32) -> Option<i32> {
        let _ = pid;
        None
    }
    /// Stops a job (SIGTERM); false when it is not running.
    fn kill_job(&mut self, pid: u32) -> bool {
        let _ = pid;
        false
    }
    /// Lets the clock run until every job has ended or none can move.
    fn wait_jobs(&mut self) {}
    /// Reads a file (for `ip -batch FILE`); hosts without files say ENOENT.
    fn read_file(&self, path: &str) -> Result<String, Errno> {
        let _ = path;
        Err(Errno::ENOENT)
    }
}
