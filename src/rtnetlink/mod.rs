//! The NETLINK_ROUTE handler: sockets, dispatch by message type (one small
//! function per family and operation, as gVisor's handler and Linux's
//! `rtnetlink_rcv_msg` do), replies, and multicast notifications.

pub mod addr;
mod addrlabel;
mod bridge_af;
mod getroute_check;
mod kind_data;
pub mod link;
mod link_settings;
mod linkprop;
mod lwt;
pub mod neigh;
pub mod netconf;
pub mod netconf_get;
pub mod nexthop;
mod notify;
pub mod nsid;
pub mod reply;
pub mod route;
pub mod rule;
mod socket;
mod upkeep;
mod via;
mod vxlan;

use socket::SocketState;
pub use socket::{Creds, Protocol};

use crate::errno::{Errno, KResult, KernelError};
use crate::host::SockOpt;
use crate::stack::{Event, Net, NsId};
use crate::wire::header::MessageIter;
use crate::wire::{MessageType, NLM_F_ACK, NLM_F_DUMP, NLM_F_ECHO, NLM_F_REQUEST};
use reply::Request;

/// The kernel: the network and the netlink sockets open on it.
#[derive(Debug, Clone)]
pub struct Kernel {
    /// The simulated network.
    pub net: Net,
    sockets: crate::vecmap::VecMap<u32, SocketState>,
    next_port: u32,
    /// Every state-changing operation so far (what a snapshot replays).
    pub history: Vec<crate::history::Op>,
    /// Whether operations are recorded in `history`.
    pub keep_history: bool,
    /// The failed request's bytes as its handler rewrote them (for the echo).
    rewritten: Option<Vec<u8>>,
    /// The last request's event list, emptied: the next request fills it
    /// without allocating (a batch of inserts makes one event each).
    spare_events: Vec<Event>,
}

impl Default for Kernel {
    fn default() -> Self {
        Kernel::new()
    }
}

/// What a handler may touch while answering a request.
pub struct Ctx<'a> {
    /// The network.
    pub net: &'a mut Net,
    /// The namespace of the requesting socket.
    pub ns: NsId,
    /// Changes made, in order; they become notifications.
    pub events: Vec<Event>,
    /// Messages for the requester before the ACK (GET replies).
    pub replies: Vec<Vec<u8>>,
    /// The dump was filtered (NLM_F_DUMP_FILTERED on its parts and DONE).
    pub filtered: bool,
    /// Ready-made notifications (message, group) for changes that are not
    /// stack events.
    pub notices: Vec<(Vec<u8>, u32)>,
    /// The request's `nlmsg_flags` as the handler left them: the ACK echoes
    /// the header the kernel modified (`ip6_route_multipath_add` does).
    pub request_flags: Option<u16>,
    /// The request as the handler rewrote it in place before failing: the
    /// error echoes those bytes (`br_vlan_info` marks a bridge entry).
    pub rewritten: Option<Vec<u8>>,
    /// The last gateway lookup of a new IPv4 route, while still true
    /// (`rtnetlink::upkeep::Carry`).
    pub gateway: Option<crate::stack::fib::nexthop4::GatewayMemo>,
}

type Handler = fn(&mut Ctx<'_>, &Request<'_>) -> KResult<()>;

impl Kernel {
    /// A kernel over a fresh network.
    pub fn new() -> Self {
        Kernel {
            net: Net::new(),
            sockets: crate::vecmap::VecMap::new(),
            next_port: 0,
            history: Vec::new(),
            keep_history: true,
            rewritten: None,
            spare_events: Vec::new(),
        }
    }

    /// Records a state-changing operation, unless this kernel keeps no history.
    pub fn record(&mut self, op: crate::history::Op) {
        if self.keep_history {
            self.history.push(op);
        }
    }

    /// Opens a NETLINK_ROUTE socket in a namespace; returns its port id.
    pub fn open_socket(&mut self, ns: NsId, creds: Creds) -> Result<u32, Errno> {
        self.open_socket_of(ns, creds, Protocol::Route)
    }

    /// Opens a socket of any netlink protocol in a namespace; returns its port id.
    pub fn open_socket_of(&mut self, ns: NsId, creds: Creds, protocol: Protocol) -> Result<u32, Errno> {
        if self.net.ns(ns).is_none() {
            return Err(Errno::ENOENT);
        }
        // A full table answers as a full system file table does
        // (crate::stack::limits::NETLINK_SOCKETS_MAX).
        if self.sockets.len() >= self.net.limits.netlink_sockets {
            return Err(Errno::ENFILE);
        }
        // Port ids look like Linux's autobind: a pid-sized number, unique.
        self.next_port += 1;
        let port = 4000 + self.next_port;
        self.sockets.insert(port, SocketState::new(ns, creds, protocol));
        Ok(port)
    }

    /// Closes a socket.
    pub fn close_socket(&mut self, port: u32) {
        self.sockets.remove(&port);
    }

    /// The namespace a socket lives in.
    pub fn socket_ns(&self, port: u32) -> Option<NsId> {
        self.sockets.get(&port).map(|s| s.ns)
    }

    /// Sets a socket option.
    pub fn set_option(&mut self, port: u32, opt: SockOpt) -> Result<(), Errno> {
        let s = self.sockets.get_mut(&port).ok_or(Errno::EBADF)?;
        s.set_option(opt)
    }

    /// Takes the notifications queued for a socket.
    pub fn drain(&mut self, port: u32) -> Vec<Vec<u8>> {
        self.sockets.get_mut(&port).map(SocketState::take_queue).unwrap_or_default()
    }

    /// Takes a socket's pending error (ENOBUFS after an overrun), which the
    /// next read reports before any queued message.
    pub fn take_error(&mut self, port: u32) -> Option<Errno> {
        self.sockets.get_mut(&port).and_then(SocketState::take_error)
    }

    /// A socket's receive buffer size (`getsockopt(SO_RCVBUF)`).
    pub fn rcvbuf(&self, port: u32) -> Option<u32> {
        self.sockets.get(&port).map(|s| s.rcvbuf)
    }

    /// `sendto` with a destination address (`netlink_sendmsg`): naming a
    /// group or another port needs CAP_NET_ADMIN (NETLINK_ROUTE has no
    /// NL_CFG_F_NONROOT_SEND); the datagram goes to every socket of the
    /// namespace in the lowest group named but the sender
    /// (`netlink_broadcast`), then to its port: the kernel (0) handles
    /// it as a request, another socket queues it.
    pub fn send_to(&mut self, port: u32, datagram: &[u8], dst_port: u32, groups: u32) -> Result<Vec<Vec<u8>>, Errno> {
        let sock = self.sockets.get(&port).ok_or(Errno::EBADF)?;
        let (ns, protocol) = (sock.ns, sock.protocol);
        if (groups != 0 || dst_port != 0) && !sock.creds.net_admin {
            return Err(Errno::EPERM);
        }
        if groups != 0 {
            // ffs(nl_groups)
            let group = groups.trailing_zeros() + 1;
            for (p, s) in self.sockets.iter_mut() {
                if s.protocol == protocol && s.ns == ns && *p != dst_port && *p != port && s.in_group(group) {
                    s.enqueue(datagram.to_vec());
                }
            }
        }
        if dst_port == 0 {
            return Ok(self.send(port, datagram));
        }
        // netlink_unicast to a user socket: ECONNREFUSED when nobody has
        // the port; a full queue drops it (EAGAIN for a nonblocking sender).
        let dst = self.sockets.get_mut(&dst_port).filter(|s| s.ns == ns && s.protocol == protocol).ok_or(Errno::ECONNREFUSED)?;
        if !dst.enqueue(datagram.to_vec()) {
            return Err(Errno::EAGAIN);
        }
        Ok(Vec::new())
    }

    /// Sets the pid and command name of the process owning a socket.
    pub fn set_process(&mut self, port: u32, pid: u32, comm: &str) {
        if let Some(s) = self.sockets.get_mut(&port) {
            s.process = (pid, comm.to_string());
        }
    }

    /// A socket's state (namespace, options, protocol, owner).
    pub(crate) fn socket_state(&self, port: u32) -> Option<&SocketState> {
        self.sockets.get(&port)
    }

    /// Queues a notification for every socket of `protocol` in `ns` that
    /// joined `group`, except `exclude` (the requester that gets its copy
    /// directly).
    pub(crate) fn multicast_to(&mut self, protocol: Protocol, ns: NsId, group: u32, msg: &[u8], exclude: Option<u32>) {
        for (port, s) in self.sockets.iter_mut() {
            if s.protocol == protocol && s.ns == ns && s.in_group(group) && Some(*port) != exclude {
                s.enqueue(msg.to_vec());
            }
        }
    }

    /// Handles one datagram from a socket and returns every reply message,
    /// by the socket's protocol: the one place a new netlink protocol plugs in.
    pub fn send(&mut self, port: u32, datagram: &[u8]) -> Vec<Vec<u8>> {
        match self.sockets.get(&port).map(|s| s.protocol) {
            Some(Protocol::Route) => self.send_route(port, datagram),
            Some(Protocol::Netfilter) => crate::nfnetlink::receive(self, port, datagram),
            Some(Protocol::SockDiag) => crate::sockdiag::receive(self, port, datagram),
            None => Vec::new(),
        }
    }

    /// `netlink_rcv_skb` for NETLINK_ROUTE: requests are answered in order;
    /// a message whose length is impossible ends the datagram silently.
    fn send_route(&mut self, port: u32, datagram: &[u8]) -> Vec<Vec<u8>> {
        // Room for an answer to each request (a batch of ACKs, without
        // regrowing the list).
        let mut out = Vec::with_capacity(MessageIter::new(datagram).count());
        let Some(sock) = self.sockets.get(&port) else { return out };
        let (ns, strict, ext_ack, cap_ack, privileged, uid) =
            (sock.ns, sock.strict_chk, sock.ext_ack, sock.cap_ack, sock.creds.net_admin, sock.creds.uid);
        if self.keep_history && crate::history::may_change_state(datagram) {
            self.record(crate::history::Op::Datagram { ns: ns.0, privileged, bytes: datagram.to_vec() });
        }
        // A dump that produced entries ends with NLMSG_DONE only on the next
        // read, after the rest of the datagram; meanwhile another dump is EBUSY.
        let mut pending_done: Option<Vec<u8>> = None;
        let mut carry = upkeep::Carry::default();
        for msg in MessageIter::new(datagram) {
            let Ok(msg) = msg else { break };
            let mut req = Request::new(&msg, port, strict);
            req.uid = uid;
            let is_dump = msg.header.flags & NLM_F_REQUEST != 0
                && msg.header.kind >= 16
                && msg.header.kind & 3 == 2
                && msg.header.flags & NLM_F_DUMP != 0;
            if is_dump && pending_done.is_some() {
                out.push(reply::ack(&req, Some(&KernelError::new(Errno::EBUSY)), ext_ack, cap_ack));
                continue;
            }
            let before = out.len();
            let result = self.dispatch(ns, privileged, &req, &mut out, &mut carry);
            match result {
                Ok(Outcome::Dumped) => {
                    if out.len() > before + 1 {
                        pending_done = out.pop();
                    }
                }
                Ok(Outcome::DumpFailed(e, filtered)) => out.push(reply::done_error(&req, &e, ext_ack, filtered)),
                Ok(Outcome::Done(flags)) => {
                    if req.has(NLM_F_ACK) {
                        let mut echoed = req;
                        if let Some(f) = flags {
                            echoed.header.flags = f;
                        }
                        out.push(reply::ack(&echoed, None, ext_ack, cap_ack));
                    }
                }
                Err(e) => match self.rewritten.take() {
                    Some(bytes) => {
                        let echoed = Request { bytes: &bytes, payload: bytes.get(crate::wire::header::HEADER_LEN..).unwrap_or(&[]), ..req };
                        out.push(reply::ack(&echoed, Some(&e), ext_ack, cap_ack));
                    }
                    None => out.push(reply::ack(&req, Some(&e), ext_ack, cap_ack)),
                },
            }
        }
        out.extend(pending_done);
        out
    }

    fn dispatch(
        &mut self,
        ns: NsId,
        privileged: bool,
        req: &Request<'_>,
        out: &mut Vec<Vec<u8>>,
        carry: &mut upkeep::Carry,
    ) -> KResult<Outcome> {
        let h = req.header;
        // Only requests are handled; control messages are only acknowledged.
        if h.flags & NLM_F_REQUEST == 0 || h.kind < 16 {
            return Ok(Outcome::Done(None));
        }
        let kind = MessageType::from(h.kind);
        if h.kind > 127 {
            return Err(Errno::EOPNOTSUPP.into());
        }
        // Every rtnetlink message must carry at least its family byte.
        if req.payload.is_empty() {
            return Ok(Outcome::Done(None));
        }
        let family = req.payload[0];
        let is_get = h.kind & 3 == 2;
        if !is_get && !privileged {
            return Err(Errno::EPERM.into());
        }
        let dump = is_get && h.flags & NLM_F_DUMP != 0;
        // rtnl_get_link: addresses and routes have request handlers only in
        // AF_INET and AF_INET6; another family falls back to PF_UNSPEC, which
        // has none (measured: EOPNOTSUPP for 0, 7, 28, 128, 129, 255).
        let addr_or_route = matches!(
            kind,
            MessageType::NewAddr | MessageType::DelAddr | MessageType::NewRoute | MessageType::DelRoute | MessageType::GetRoute
        );
        if !dump && addr_or_route && family != crate::wire::AF_INET && family != crate::wire::AF_INET6 {
            return Err(Errno::EOPNOTSUPP.into());
        }
        let handler = if dump { dump_handler(kind, family) } else { doit_handler(kind, family) };
        let handler = handler.ok_or(KernelError::new(Errno::EOPNOTSUPP))?;
        // The lifetime timers that fell due since the last request run
        // first, and what bridges learnt or aged meanwhile is announced;
        // both, and the settle below, are skipped while they are known to
        // have nothing to do (rtnetlink::upkeep).
        let neutral = upkeep::neutral(req);
        let skip = neutral && carry.quiet_at.is_some_and(|t| t == self.net.now_ms);
        let mut expired = std::mem::take(&mut self.spare_events);
        if !skip {
            expired.extend(crate::stack::fdb::take_notices(&mut self.net));
            expired.extend(crate::stack::lifetime::expire(&mut self.net));
            nexthop::run_upkeep(self);
        }
        let mut ctx = Ctx {
            net: &mut self.net,
            ns,
            events: expired,
            replies: Vec::new(),
            filtered: false,
            notices: Vec::new(),
            request_flags: None,
            rewritten: None,
            gateway: if skip { carry.gateway.take() } else { None },
        };
        let result = handler(&mut ctx, req);
        if !is_get && !skip {
            // The link watch settles what the request left queued, also
            // after a failure: do_setlink keeps what it applied before the
            // step that failed (a peer loses its carrier when a veth went
            // down before a refused protodown, scenario
            // link_protodown_partial).
            ctx.events.extend(settle(ctx.net));
        }
        let Ctx { mut events, replies, filtered, notices, request_flags, rewritten, gateway, .. } = ctx;
        *carry = upkeep::Carry::after(&self.net, neutral, skip, carry.quiet_at, gateway);
        self.rewritten = rewritten.filter(|_| result.is_err());
        // Changes are announced even when the request fails part-way
        // (as do_setlink's do).
        let echo = req.has(NLM_F_ECHO);
        for ev in &events {
            self.deliver(ev, req, echo, out);
        }
        if events.capacity() <= 64 {
            events.clear();
            self.spare_events = events;
        }
        for (msg, group) in notices {
            self.multicast(ns, msg, group, req, echo, out);
        }
        if dump {
            if let Err(e) = result {
                return Ok(Outcome::DumpFailed(e, filtered));
            }
        }
        result?;
        out.extend(replies);
        if dump {
            out.push(reply::done(req, filtered));
            return Ok(Outcome::Dumped);
        }
        Ok(Outcome::Done(request_flags))
    }

    /// Sends an event to every socket of its namespace that joined its
    /// group, and a copy to the requester when it asked for NLM_F_ECHO.
    fn deliver(&mut self, ev: &Event, req: &Request<'_>, echo: bool, out: &mut Vec<Vec<u8>>) {
        let echo = echo && ev.answers_request();
        // Nobody to tell: the messages are not built (a table filled by a
        // program that listens to nothing spends no time on them).
        if !echo && !self.has_listeners(ev.ns()) {
            return;
        }
        for (msg, group) in notify::messages(&self.net, ev, req, echo) {
            self.multicast(ev.ns(), msg, group, req, echo, out);
        }
    }

    /// Whether a NETLINK_ROUTE socket of the namespace joined any group.
    fn has_listeners(&self, ns: NsId) -> bool {
        self.sockets.values().any(|s| s.protocol == Protocol::Route && s.ns == ns && !s.groups.is_empty())
    }

    /// `nlmsg_notify`: a copy to the requester when it asked for an echo,
    /// and the message to every other listener of the group in the namespace.
    fn multicast(&mut self, ns: NsId, msg: Vec<u8>, group: u32, req: &Request<'_>, echo: bool, out: &mut Vec<Vec<u8>>) {
        if echo {
            out.push(msg.clone());
        }
        for (port, s) in self.sockets.iter_mut() {
            if s.protocol == Protocol::Route && s.ns == ns && s.in_group(group) && !(echo && *port == req.port) {
                s.enqueue(msg.clone());
            }
        }
    }

    /// Delivers events that did not come from a request (namespace removal,
    /// timers) with no origin.
    /// What bridges learnt or aged since the last announcement comes first.
    pub fn announce(&mut self, events: &[Event]) {
        let hdr = crate::wire::HeaderRepr::default();
        let req = Request { header: hdr, payload: &[], bytes: &[], port: 0, strict: false, uid: 0 };
        let mut sink = Vec::new();
        for ev in &crate::stack::fdb::take_notices(&mut self.net) {
            self.deliver(ev, &req, false, &mut sink);
        }
        for ev in events {
            self.deliver(ev, &req, false, &mut sink);
        }
    }
}

enum Outcome {
    /// A dump was answered (its parts and NLMSG_DONE are out; no ACK).
    Dumped,
    /// A request was carried out; ACK if asked, echoing the request's
    /// flags as the handler left them.
    Done(Option<u16>),
    /// A dump callback failed: the error ends the dump inside NLMSG_DONE
    /// (with NLM_F_DUMP_FILTERED when the filter had been accepted).
    DumpFailed(KernelError, bool),
}

fn doit_handler(kind: MessageType, family: u8) -> Option<Handler> {
    use MessageType as M;
    Some(match kind {
        // PF_BRIDGE registers its own SETLINK and DELLINK (rtnetlink_init).
        M::SetLink if family == crate::wire::AF_BRIDGE => bridge_af::set_link,
        M::DelLink if family == crate::wire::AF_BRIDGE => bridge_af::del_link,
        M::NewLink => link::new_link,
        M::SetLink => link::set_link,
        M::DelLink => link::del_link,
        M::GetLink => link::get_link,
        M::NewLinkProp => linkprop::new_linkprop,
        M::DelLinkProp => linkprop::del_linkprop,
        M::NewAddr => addr::new_addr,
        M::DelAddr => addr::del_addr,
        M::GetAddr => addr::get_addr,
        M::NewRoute => route::new_route,
        M::DelRoute => route::del_route,
        M::GetRoute => route::get_route,
        M::NewNeigh => neigh::new_neigh,
        M::DelNeigh => neigh::del_neigh,
        M::GetNeigh => neigh::get_neigh,
        M::NewRule => rule::new_rule,
        M::DelRule => rule::del_rule,
        M::NewNsId => nsid::new_nsid,
        M::GetNsId => nsid::get_nsid,
        M::GetNetconf => netconf_get::get_netconf,
        // addrlabel.c registers these for PF_INET6 only.
        M::NewAddrLabel | M::DelAddrLabel if family == crate::wire::AF_INET6 => addrlabel::new_del,
        M::GetAddrLabel if family == crate::wire::AF_INET6 => addrlabel::get,
        // nexthop_init registers these for PF_UNSPEC, which every family
        // falls back to: rtm_new_nexthop, rtm_del_nexthop, rtm_get_nexthop.
        M::NewNexthop => nexthop::new_nexthop,
        M::DelNexthop => nexthop::del_nexthop,
        M::GetNexthop => nexthop::get_nexthop,
        // rtm_get_nexthop_bucket
        M::GetNexthopBucket => nexthop::get_bucket,
        _ => return None,
    })
}

fn dump_handler(kind: MessageType, family: u8) -> Option<Handler> {
    use MessageType as M;
    Some(match kind {
        M::GetLink => link::dump_links,
        M::GetAddr => addr::dump_addrs,
        M::GetRoute => route::dump_routes,
        M::GetNeigh => neigh::dump_neigh,
        M::GetRule => rule::dump_rules,
        M::GetNsId => nsid::dump_nsid,
        M::GetNetconf => netconf_get::dump_netconf,
        M::GetAddrLabel if family == crate::wire::AF_INET6 => addrlabel::dump,
        // rtm_dump_nexthop
        M::GetNexthop => nexthop::dump_nexthop,
        // rtm_dump_nexthop_bucket
        M::GetNexthopBucket => nexthop::dump_bucket,
        _ => return None,
    })
}

/// What the stack finishes on its own once a change is made: the queued
/// link-watch work, then duplicate address detection (the settled state the
/// recordings wait for).
pub fn settle(net: &mut Net) -> Vec<Event> {
    let mut events = crate::stack::link::settle_linkwatch(net);
    events.extend(crate::stack::ipv6::settle_dad(net));
    events
}
