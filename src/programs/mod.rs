//! The user side: the programs a learner types, each printing what the real
//! one prints and reaching the kernel only through netlink and socket calls
//! (through [`crate::host::Host`]), never by calling `stack` directly: `ip`
//! and `bridge` (iproute2 6.1), `iptables` and `nft` (iptables 1.8.9,
//! nftables 1.0.6), and the socket programs `nc`, `curl`, `httpd` (`python3
//! -m http.server`), `ss` and `tcpdump`. `ping` and `traceroute` still live
//! with the packet walk in [`crate::sim`]. The crate root re-exports each
//! program module under its own name (`crate::ip`, ...).

pub mod bridge;
pub mod curl;
pub mod httpd;
pub mod ip;
pub mod iptables;
pub mod nc;
pub mod nft;
pub mod services;
pub mod ss;
pub mod tcpdump;
