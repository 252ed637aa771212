//! One network namespace: its links (with their addresses), routing tables,
//! rules, neighbours and sysctls.

use super::NsId;
use super::fib::Fib;
use super::link::Link;
use super::neigh::Neighbour;
use super::rule::Rule;
use super::sysctl::Sysctls;

/// A network namespace.
#[derive(Debug, Clone)]
pub struct Namespace {
    /// Its id within the machine.
    pub id: NsId,
    /// Links by ifindex.
    pub links: crate::vecmap::VecMap<u32, Link>,
    /// The next ifindex to hand out (`dev_new_index`).
    pub next_ifindex: u32,
    /// IPv4 routing tables.
    pub fib4: Fib<u32>,
    /// IPv6 routing tables.
    pub fib6: Fib<u128>,
    /// IPv4 policy rules, in priority order.
    pub rules4: Vec<Rule>,
    /// IPv6 policy rules, in priority order.
    pub rules6: Vec<Rule>,
    /// Whether an IPv4 rule was ever added or deleted here
    /// (`fib_has_custom_rules`): until then the local and main tables are
    /// one trie and lookups skip the rules.
    pub rules4_custom: bool,
    /// Whether a VRF already added the l3mdev rules here (`add_fib_rules`
    /// of `struct netns_vrf` cleared by the first `vrf_newlink`).
    pub vrf_rules_added: bool,
    /// Neighbour entries (ARP and NDP), in insertion order.
    pub neighbours: Vec<Neighbour>,
    /// `net.*` sysctls of this namespace.
    pub sysctl: Sysctls,
    /// Ids this namespace has assigned to other namespaces (RTM_NEWNSID).
    pub nsids: crate::vecmap::VecMap<NsId, i32>,
    /// Ever-growing counter that makes IPv6 address stamps differ.
    pub generation: u32,
    /// The packet filter (nf_tables) of this namespace.
    pub netfilter: super::netfilter::NfTables,
    /// Transport sockets (UDP, TCP).
    pub socks: super::sock::Table,
    /// The IPv6 address label policy (`ip addrlabel`).
    pub addrlabels: super::addrlabel::Table,
    /// Next-hop objects (`ip nexthop`).
    pub nexthops: super::nexthop::Table,
    /// How much this namespace may hold ([`super::limits`]).
    pub limits: super::limits::Limits,
    /// The ICMP error rate limit's buckets by peer (`net->ipv4.peers`,
    /// `net->ipv6.peers`).
    pub icmp_peers: super::icmp_limit::Peers,
}

impl Namespace {
    /// A fresh namespace: only `lo`, down, and the default rules.
    pub fn new(id: NsId) -> Self {
        let mut ns = Namespace {
            id,
            links: crate::vecmap::VecMap::new(),
            next_ifindex: 1,
            fib4: Fib::new(),
            fib6: Fib::new(),
            rules4: super::rule::default_rules(crate::wire::AF_INET),
            rules6: super::rule::default_rules(crate::wire::AF_INET6),
            rules4_custom: false,
            vrf_rules_added: false,
            neighbours: Vec::new(),
            sysctl: Sysctls::default(),
            nsids: crate::vecmap::VecMap::new(),
            generation: 0,
            netfilter: Default::default(),
            socks: super::sock::Table::default(),
            addrlabels: super::addrlabel::Table::default(),
            nexthops: super::nexthop::Table::default(),
            limits: super::limits::Limits::default(),
            icmp_peers: super::icmp_limit::Peers::default(),
        };
        let lo = Link::loopback();
        ns.next_ifindex = 2;
        ns.links.insert(1, lo);
        ns
    }

    /// A link by ifindex.
    pub fn link(&self, index: u32) -> Option<&Link> {
        self.links.get(&index)
    }

    /// A link by ifindex, for changing it.
    pub fn link_mut(&mut self, index: u32) -> Option<&mut Link> {
        self.links.get_mut(&index)
    }

    /// A link by any of its names, primary or alternative
    /// (`__dev_get_by_name` → `netdev_name_node_lookup`).
    pub fn link_by_name(&self, name: &str) -> Option<&Link> {
        self.links.values().find(|l| l.name == name || l.altnames.iter().any(|a| a == name))
    }

    /// The ifindex of the link with this name.
    pub fn index_of(&self, name: &str) -> Option<u32> {
        self.link_by_name(name).map(|l| l.index)
    }

    /// Hands out the next free ifindex.
    pub fn alloc_ifindex(&mut self) -> u32 {
        while self.links.contains_key(&self.next_ifindex) || self.next_ifindex == 0 {
            self.next_ifindex = self.next_ifindex.wrapping_add(1);
        }
        let i = self.next_ifindex;
        self.next_ifindex = self.next_ifindex.wrapping_add(1);
        i
    }

    /// Addresses (IPv4 and IPv6) on this namespace's devices.
    pub fn addr_count(&self) -> usize {
        self.links.values().map(|l| l.addrs4.len() + l.addrs6.len()).sum()
    }

    /// Whether a link is up and has carrier (`netif_running && netif_carrier_ok`).
    pub fn link_ready(&self, index: u32) -> bool {
        self.link(index).is_some_and(|l| l.is_up() && l.carrier)
    }
}
