//! iplab: a simulated Linux network stack whose only door is rtnetlink bytes.
//!
//! Layers (see DESIGN.md): [`wire`] is the netlink codec, [`stack`] the network
//! state (namespaces, links, addresses, tables), [`rtnetlink`] the kernel's
//! NETLINK_ROUTE handler between the two, [`ip`] an iproute2-compatible front end
//! that reaches the kernel only through netlink bytes, and [`shell`] the command
//! interpreter of the terminal and the CLI.

pub mod bridge;
pub mod iptables;
pub mod nft;
pub mod errno;
pub mod history;
pub mod host;
pub mod ip;
pub mod output;
pub mod shell;
pub mod wire;
pub mod stack;
pub mod rtnetlink;
pub mod nfnetlink;
pub mod sim;
pub mod nc;
pub mod ss;
pub mod curl;
pub mod httpd;
pub mod tcpdump;
pub mod sockdiag;
pub mod world;
pub mod decode;
pub mod topology;
pub mod sorting;
pub mod decimal;
pub mod vecmap;
pub mod text;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
pub mod wasm;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
pub mod wasm_monitor;
#[cfg(all(feature = "wasm", target_arch = "wasm32"))]
mod js;
#[cfg(all(feature = "component", target_arch = "wasm32"))]
pub mod component;

pub use rtnetlink::{Creds, Protocol};
pub use world::{Socket, World};
