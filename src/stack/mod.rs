//! The network itself: namespaces holding links, addresses, routing tables,
//! rules, neighbours and sysctls, changed only through operations that follow
//! Linux's side effects and report what changed as [`Event`]s.
//!
//! This layer knows nothing of netlink; `crate::rtnetlink` translates.

pub mod addr;
pub mod addrlabel;
pub mod bridge;
pub mod event;
pub mod fdb;
pub mod fib;
pub mod icmp_limit;
pub mod ipv6;
pub mod l3mdev;
pub mod lifetime;
pub mod limits;
pub mod link;
pub mod lookup;
pub mod multipath;
pub mod namespace;
pub mod neigh;
pub mod netfilter;
pub mod nexthop;
pub mod notifier;
pub mod pmtu;
pub mod route;
pub mod rule;
pub mod segment;
pub mod sock;
pub mod sysctl;
pub mod vlan;
pub mod vlan_qos;
pub mod vxlan;

pub use event::Event;
pub use namespace::Namespace;

/// Identifies a namespace for the whole life of a [`Net`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NsId(pub u32);

/// Descriptors standing for namespaces start here.
const NETNS_FD_BASE: u32 = 0x1000;

/// Every namespace of one simulated machine, and the names `ip netns` gave them.
#[derive(Debug, Clone)]
pub struct Net {
    namespaces: crate::vecmap::VecMap<NsId, Namespace>,
    /// Named namespaces in creation order (`/run/netns`).
    names: Vec<(String, NsId)>,
    next_id: u32,
    /// The virtual clock, in milliseconds since boot (at most
    /// [`Net::MAX_CLOCK_MS`]).
    pub now_ms: u64,
    /// Counter behind the MAC addresses the kernel picks.
    mac_seed: u64,
    /// The echo identifier the last ping took (iputils' is its process
    /// id: every run a new one, so each run is a new conntrack flow).
    echo_ids: u16,
    /// Devices with a carrier event the link watch has not handled yet.
    pub linkwatch_queue: Vec<(NsId, u32)>,
    /// The bridges' learnt and static forwarding entries, newest first.
    pub fdb: Vec<fdb::Entry>,
    /// FDB notifications raised by learning and ageing, waiting for the
    /// next announcement (`fdb::take_notices`).
    pub fdb_notices: Vec<Event>,
    /// The path MTUs learnt from ICMP errors.
    pub pmtu: pmtu::PmtuCache,
    /// Packet capture taps (AF_PACKET's view) and the files captures wrote.
    pub capture: crate::sim::capture::State,
    /// The caps every namespace made from now on gets ([`limits`]).
    pub limits: limits::Limits,
}

impl Default for Net {
    fn default() -> Self {
        Net::new()
    }
}

impl Net {
    /// A machine with one fresh namespace (only `lo`, down), as `unshare --net` gives.
    pub fn new() -> Self {
        let mut net = Net {
            namespaces: crate::vecmap::VecMap::new(),
            names: Vec::new(),
            next_id: 0,
            now_ms: 0,
            mac_seed: 0,
            echo_ids: 0x1d1c,
            linkwatch_queue: Vec::new(),
            fdb: Vec::new(),
            fdb_notices: Vec::new(),
            pmtu: pmtu::PmtuCache::default(),
            capture: Default::default(),
            limits: limits::Limits::default(),
        };
        net.create_namespace();
        net
    }

    /// The namespace every world starts in.
    pub const INITIAL: NsId = NsId(0);

    /// The virtual clock stops here (about 35,000 years): in microseconds,
    /// plus any interval a program may ask for, it still fits in a u64.
    pub const MAX_CLOCK_MS: u64 = 1 << 50;

    /// Moves the virtual clock to `ms` if that is later, up to
    /// [`Net::MAX_CLOCK_MS`].
    pub fn advance_clock_to(&mut self, ms: u64) {
        self.now_ms = self.now_ms.max(ms.min(Self::MAX_CLOCK_MS));
    }

    /// Creates an unnamed fresh namespace.
    pub fn create_namespace(&mut self) -> NsId {
        let id = NsId(self.next_id);
        self.next_id += 1;
        let mut ns = Namespace::new(id);
        ns.limits = self.limits;
        self.namespaces.insert(id, ns);
        id
    }

    /// A namespace by id.
    pub fn ns(&self, id: NsId) -> Option<&Namespace> {
        self.namespaces.get(&id)
    }

    /// A namespace by id, for changing it.
    pub fn ns_mut(&mut self, id: NsId) -> Option<&mut Namespace> {
        self.namespaces.get_mut(&id)
    }

    /// Every namespace, by id.
    pub fn namespaces(&self) -> impl Iterator<Item = &Namespace> {
        self.namespaces.values()
    }

    /// Two namespaces at once, for moving things between them.
    pub fn pair_mut(&mut self, a: NsId, b: NsId) -> Option<(&mut Namespace, &mut Namespace)> {
        if a == b {
            return None;
        }
        let mut it = self.namespaces.iter_mut().filter(|(k, _)| **k == a || **k == b);
        let (k1, v1) = it.next()?;
        let (_, v2) = it.next()?;
        if *k1 == a { Some((v1, v2)) } else { Some((v2, v1)) }
    }

    /// The namespace a name refers to.
    pub fn ns_by_name(&self, name: &str) -> Option<NsId> {
        self.names.iter().find(|(n, _)| n == name).map(|(_, id)| *id)
    }

    /// The name of a namespace, if `ip netns` named it.
    pub fn name_of(&self, id: NsId) -> Option<&str> {
        self.names.iter().find(|(_, i)| *i == id).map(|(n, _)| n.as_str())
    }

    /// Named namespaces, oldest first.
    pub fn names(&self) -> impl Iterator<Item = (&str, NsId)> {
        self.names.iter().map(|(n, id)| (n.as_str(), *id))
    }

    /// Creates a named namespace (`ip netns add`); EEXIST if the name is taken.
    pub fn add_named(&mut self, name: &str) -> Result<NsId, crate::errno::Errno> {
        if self.ns_by_name(name).is_some() {
            return Err(crate::errno::Errno::EEXIST);
        }
        // copy_net_ns → inc_net_namespaces: ENOSPC past the cap.
        if self.namespaces.len() >= self.limits.namespaces {
            return Err(crate::errno::Errno::ENOSPC);
        }
        let id = self.create_namespace();
        self.names.push((name.to_string(), id));
        Ok(id)
    }

    /// The file descriptor that stands for a namespace in IFLA_NET_NS_FD
    /// (what opening `/run/netns/NAME` gives a process).
    pub fn fd_of(&self, id: NsId) -> u32 {
        NETNS_FD_BASE + id.0
    }

    /// The namespace a descriptor from [`Net::fd_of`] stands for.
    pub fn ns_by_fd(&self, fd: u32) -> Option<NsId> {
        let id = NsId(fd.checked_sub(NETNS_FD_BASE)?);
        self.namespaces.contains_key(&id).then_some(id)
    }

    /// The namespace of a process id: every simulated process lives in the
    /// initial namespace.
    pub fn ns_by_pid(&self, pid: u32) -> Option<NsId> {
        (pid >= 1).then_some(Net::INITIAL)
    }

    /// The echo identifier of a new ping run.
    pub fn next_echo_id(&mut self) -> u16 {
        self.echo_ids = self.echo_ids.wrapping_add(1).max(1);
        self.echo_ids
    }

    /// A new seed for a kernel-chosen MAC address.
    pub fn next_mac_seed(&mut self) -> u64 {
        self.mac_seed += 1;
        self.mac_seed
    }

    /// Sets the caps of every namespace, present and future ([`limits`]).
    pub fn set_limits(&mut self, limits: limits::Limits) {
        self.limits = limits;
        for ns in self.namespaces.values_mut() {
            ns.limits = limits;
        }
    }

    /// Registers a link in a namespace under the requested ifindex (0: the
    /// next free one); returns the ifindex.
    pub fn add_link(&mut self, ns: NsId, mut link: link::Link, ifindex: u32) -> Option<u32> {
        let nsr = self.namespaces.get_mut(&ns)?;
        let index = if ifindex != 0 && !nsr.links.contains_key(&ifindex) { ifindex } else { nsr.alloc_ifindex() };
        link.index = index;
        // addrconf_notify(NETDEV_REGISTER): no IPv6 below its minimum MTU;
        // ipv6_add_dev copies conf.default, the address generation mode
        // with it (measured: with default.addr_gen_mode 1 a new veth gets
        // no link-local address).
        link.no_inet6 = link.mtu < ipv6::MIN_MTU;
        if let Some(mode) = nsr.sysctl.get("net.ipv6.conf.default.addr_gen_mode", &[]).and_then(|v| crate::text::int::<u8>(v.trim())) {
            link.addr_gen_mode = mode;
        }
        // netif_carrier_off() at creation leaves an event for the link watch.
        let queued = !link.carrier;
        nsr.sysctl.register_device(&link.name);
        // ipv6_add_dev: a device that forwards from the start joins
        // all-routers right after all-nodes.
        let forwards = nsr.sysctl.is_on(&format!("net.ipv6.conf.{}.forwarding", link.name), &[link.name.as_str()]);
        if !link.no_inet6 && forwards && link.flags & crate::wire::link::iff::MULTICAST != 0 {
            link.mc6_allrouters = Some(false);
        }
        nsr.links.insert(index, link);
        if queued {
            self.linkwatch_queue.push((ns, index));
        }
        Some(index)
    }

    /// Makes sure `ns` has an id for `other` (`peernet2id_alloc`), the
    /// smallest free one.
    pub fn ensure_nsid(&mut self, ns: NsId, other: NsId) -> i32 {
        let Some(nsr) = self.namespaces.get_mut(&ns) else { return -1 };
        if let Some(id) = nsr.nsids.get(&other) {
            return *id;
        }
        let id = (0..).find(|i| !nsr.nsids.values().any(|v| v == i)).unwrap_or(0);
        nsr.nsids.insert(other, id);
        id
    }

    /// Removes a name; the namespace itself goes when nothing holds it, which
    /// here is at once unless it is the initial one. Returns the events of the
    /// links that disappear with it (veth peers in other namespaces included).
    pub fn del_named(&mut self, name: &str) -> Result<Vec<Event>, crate::errno::Errno> {
        let pos = self.names.iter().position(|(n, _)| n == name).ok_or(crate::errno::Errno::ENOENT)?;
        let (_, id) = self.names.remove(pos);
        if id == Net::INITIAL {
            return Ok(Vec::new());
        }
        Ok(self.destroy_namespace(id))
    }

    /// Destroys a namespace: its links are unregistered (veth peers elsewhere
    /// with them) as `cleanup_net` does.
    pub fn destroy_namespace(&mut self, id: NsId) -> Vec<Event> {
        let mut events = Vec::new();
        let indexes: Vec<u32> = match self.ns(id) {
            Some(ns) => ns.links.keys().copied().filter(|&i| i != 1).collect(),
            None => return events,
        };
        for index in indexes {
            if let Ok(mut ev) = link::delete_link(self, id, index) {
                events.append(&mut ev);
            }
        }
        self.namespaces.remove(&id);
        self.linkwatch_queue.retain(|(n, _)| *n != id);
        for ns in self.namespaces.values_mut() {
            ns.nsids.remove(&id);
        }
        events
    }
}
