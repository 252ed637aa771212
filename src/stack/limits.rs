//! How much one namespace (or the whole machine) may hold, so that a flood
//! of requests is answered with Linux's errno instead of growing memory
//! without bound.
//!
//! Linux bounds some of these itself (the neighbour table's `gc_thresh3`,
//! a process's open files); for the others the kernel's only limit is
//! memory, and an allocation that fails answers with the errno the
//! allocating function returns. Those caps are this machine's choice,
//! large enough for anything a lesson or benchmark builds.

/// `gc_thresh3` (net/core/neighbour.c, 1024 by default for ARP and
/// NDP): most entries one family's neighbour cache holds that are subject
/// to garbage collection (all but permanent and externally learnt ones).
/// When it is reached, forced garbage collection (`neigh_forced_gc`) drops
/// failed, NOARP and stale-for-5-s entries; if none go, `neigh_alloc`
/// fails and RTM_NEWNEIGH answers ENOBUFS (measured on Linux 6.18: the
/// 1024th REACHABLE entry added in a fresh namespace is refused with "No
/// buffer space available", while permanent entries keep being accepted).
pub const NEIGH_GC_THRESH3: usize = 1024;

/// Most entries exempt from garbage collection (permanent, externally
/// learnt, and proxy entries) one family's neighbour cache holds. Linux
/// has no such limit (only memory); past it RTM_NEWNEIGH answers ENOBUFS,
/// what `neigh_alloc` failing gives.
pub const NEIGH_EXEMPT_MAX: usize = 16_384;

/// Most routes one family's tables hold in one namespace. Linux's IPv4 FIB
/// has no limit and IPv6's `net.ipv6.route.max_size` bounds only cached
/// routes, not the FIB; here a full FIB refuses a new route as a failed
/// allocation does: ENOBUFS for IPv4 (`fib_table_insert` failing to
/// allocate its `fib_alias`), ENOMEM for IPv6 (`fib6_info_alloc`). Two
/// million: twice the million routes the benchmarks insert.
pub const ROUTES_MAX: usize = 1 << 21;

/// Most addresses (IPv4 and IPv6 together) one namespace's devices hold.
/// Linux has no limit; a failed allocation answers ENOBUFS
/// (`inet_alloc_ifa` in `rtm_to_ifaddr`, `ipv6_add_addr`).
pub const ADDRS_MAX: usize = 65_536;

/// Most devices one namespace holds. Linux's limit is memory (and the
/// ifindex space); a failed `alloc_netdev` answers ENOMEM, which a full
/// namespace answers here too.
pub const LINKS_MAX: usize = 8_192;

/// Most netlink sockets open at once on the machine. Linux's limit is a
/// process's open files (EMFILE) and the system's (`fs.file-max`,
/// ENFILE); the sockets here belong to the machine as a whole, so a full
/// table answers ENFILE, as the transport sockets' table does
/// ([`super::sock::MAX_SOCKETS`]).
pub const NETLINK_SOCKETS_MAX: usize = 65_536;

/// Most network namespaces on the machine. Linux's limit is the
/// `user.max_net_namespaces` sysctl (sized from memory: 96367 on the
/// machine measured); past it `unshare(CLONE_NEWNET)` fails with ENOSPC
/// (`inc_net_namespaces` in `copy_net_ns`), which `ip netns add` reports as
/// "Failed to create a new network namespace".
pub const NAMESPACES_MAX: usize = 4_096;

/// The caps in force on one machine: the constants above unless an
/// embedder (or a test) chooses smaller ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// [`NEIGH_GC_THRESH3`].
    pub neigh_gc_thresh3: usize,
    /// [`NEIGH_EXEMPT_MAX`].
    pub neigh_exempt: usize,
    /// [`ROUTES_MAX`].
    pub routes: usize,
    /// [`ADDRS_MAX`].
    pub addrs: usize,
    /// [`LINKS_MAX`].
    pub links: usize,
    /// [`NETLINK_SOCKETS_MAX`].
    pub netlink_sockets: usize,
    /// [`NAMESPACES_MAX`].
    pub namespaces: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            neigh_gc_thresh3: NEIGH_GC_THRESH3,
            neigh_exempt: NEIGH_EXEMPT_MAX,
            routes: ROUTES_MAX,
            addrs: ADDRS_MAX,
            links: LINKS_MAX,
            netlink_sockets: NETLINK_SOCKETS_MAX,
            namespaces: NAMESPACES_MAX,
        }
    }
}
