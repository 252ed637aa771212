//! `LD_PRELOAD=libiplab_preload.so ip …`: the real, unmodified iproute2 (or
//! any other rtnetlink client) runs against an iplab world instead of the
//! kernel.
//!
//! * NETLINK_ROUTE sockets are simulated ([`sock_hooks`]); other netlink
//!   protocols and socket families the world does not model are refused
//!   ([`boundary`]), network ioctls answered or refused ([`ioctl_hooks`]),
//!   `/sys/class/net` answered ([`sysfs`]); nothing reaches the host's
//!   network configuration (preload/README.md lists what is modelled and
//!   what is refused). Unix and inet sockets and other files go to libc.
//! * The world lives in the file `IPLAB_STATE` names (a replay log, see
//!   `iplab::history`); each process catches up with it before every
//!   request and saves it back, under a lock, so separate commands behave
//!   like one kernel ([`shim`], [`store`]). Without `IPLAB_STATE` the world
//!   lives as long as the process.
//! * `IPLAB_NETNS` names the namespace the process starts in; `ip netns`
//!   and `ip -n` work on the world's named namespaces ([`netns`]).
//! * `sysctl` reads and writes the current namespace's keys: `stat` and
//!   `fopen` under `/proc/sys/net` are answered from the world
//!   ([`sysctl_hooks`], [`stat_hooks`]).
//! * Notifications reach listening sockets of every process: a listener's
//!   process replays what others appended to the state file.

// Every `extern "C"` hook is the libc function of the same name, with its
// contract for pointers and descriptors (its man page); none adds to it.
#![allow(clippy::missing_safety_doc)]

// A panic inside a hook is caught ([`guard::hook`], `catch_unwind` around
// every world call in [`shim`]) and becomes EIO for the caller instead of
// killing the host program (`ip`) half-way through its request. That needs
// a profile that unwinds: the workspace's `dev` and `release` do; the
// `wasm` profile aborts and is never used for the shim.
#[cfg(panic = "abort")]
compile_error!("the preload shim catches panics at its C boundary: build it with panic = \"unwind\" (the dev or release profile)");

pub mod boundary;
pub mod files;
pub mod fs_hooks;
pub mod guard;
pub mod ifnames;
pub mod ioctl_hooks;
pub mod netns;
pub mod nlsock;
pub mod real;
pub mod rewrite;
pub mod shim;
pub mod sock_hooks;
pub mod stat_hooks;
pub mod store;
pub mod sysctl_hooks;
pub mod sysfs;
