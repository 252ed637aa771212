//! iplab: a simulated Linux network stack whose doors are the ones Linux gives
//! programs: netlink bytes (NETLINK_ROUTE, NETLINK_NETFILTER, NETLINK_SOCK_DIAG)
//! and socket calls.
//!
//! Layers (see docs/ARCHITECTURE.md): [`wire`] is the netlink codec, [`stack`] the
//! kernel's state (namespaces, links, addresses, tables, the packet filter,
//! sockets), [`rtnetlink`], [`nfnetlink`] and [`sockdiag`] the netlink handlers
//! between the two, [`sim`] the packet walk, [`programs`] the user side (`ip`,
//! `bridge`, `iptables`, `nft`, `nc`, `curl`, `ss`, `tcpdump`, ...) that reaches
//! the kernel only through those doors, and [`shell`] the command interpreter of
//! the terminal and the CLI. [`util`] holds the small std stand-ins.

pub mod errno;
pub mod history;
pub mod host;
pub mod nfnetlink;
pub mod output;
pub mod programs;
pub mod rtnetlink;
pub mod shell;
pub mod sim;
pub mod sockdiag;
pub mod stack;
pub mod util;
pub mod wire;
pub mod world;
pub use programs::{bridge, curl, httpd, ip, iptables, nc, nft, ss, tcpdump};
pub use util::{decimal, sorting, text, vecmap};
#[cfg(all(feature = "component", target_arch = "wasm32"))]
pub mod component;
pub mod decode;
#[cfg(any(test, all(any(feature = "wasm", feature = "component"), target_arch = "wasm32")))]
#[cfg_attr(test, allow(dead_code))]
mod js;
pub mod topology;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
pub mod wasm;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
pub mod wasm_job;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
pub mod wasm_monitor;

pub use rtnetlink::{Creds, Protocol};
pub use world::{Socket, World};
