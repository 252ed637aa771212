//! What a program under the shim may reach: the one place that says which
//! sockets are simulated, which stay the host's, and which are refused, and
//! with which errno (each the one Linux gives when the feature is absent).
//! preload/README.md lists the same, for people.

use iplab::Protocol;
use libc::c_int;

/// Netlink protocols the world models, with the world's name for each.
/// Extend this list when the world learns a new protocol: every protocol
/// not listed is refused at `socket()`. NETLINK_SOCK_DIAG answers `ss`
/// (inet_diag) from the world's TCP and UDP sockets.
pub const MODELLED_NETLINK: &[(c_int, Protocol)] = &[
    (libc::NETLINK_ROUTE, Protocol::Route),
    (libc::NETLINK_NETFILTER, Protocol::Netfilter),
    (libc::NETLINK_SOCK_DIAG, Protocol::SockDiag),
];

/// The world's protocol for a modelled netlink protocol number.
pub fn world_protocol(proto: c_int) -> Option<Protocol> {
    MODELLED_NETLINK.iter().find(|(n, _)| *n == proto).map(|(_, p)| *p)
}

/// Address families whose sockets stay the host's: Unix sockets, and inet
/// sockets until the world models them (they cannot change the host's
/// network configuration except through ioctls, which the shim answers).
pub const HOST_FAMILIES: &[c_int] = &[libc::AF_UNIX, libc::AF_INET, libc::AF_INET6];

/// What becomes of a `socket()` call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// A simulated netlink socket of this protocol.
    Simulate(c_int),
    /// The host's socket (libc).
    Host,
    /// Refused with this errno; nothing is opened.
    Refuse(c_int),
}

/// Decides a `socket(domain, ty, proto)` call.
///
/// * AF_NETLINK: SOCK_RAW and SOCK_DGRAM only (`netlink_create`:
///   ESOCKTNOSUPPORT), protocols 0..32 (`MAX_LINKS`: EPROTONOSUPPORT above),
///   and of those only the modelled ones; any other is EPROTONOSUPPORT, as
///   Linux answers for a protocol whose module is not there.
/// * [`HOST_FAMILIES`]: the host's.
/// * Every other family (AF_PACKET, AF_KEY, ...): EAFNOSUPPORT, as a kernel
///   built without it (`__sock_create`).
pub fn socket(domain: c_int, ty: c_int, proto: c_int) -> Verdict {
    if domain == libc::AF_NETLINK {
        let kind = ty & !(libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK);
        if kind != libc::SOCK_RAW && kind != libc::SOCK_DGRAM {
            return Verdict::Refuse(libc::ESOCKTNOSUPPORT);
        }
        return if world_protocol(proto).is_some() { Verdict::Simulate(proto) } else { Verdict::Refuse(libc::EPROTONOSUPPORT) };
    }
    if HOST_FAMILIES.contains(&domain) { Verdict::Host } else { Verdict::Refuse(libc::EAFNOSUPPORT) }
}

/// Decides a `socketpair(domain, ...)` call: only Unix pairs exist on Linux
/// among the families a program may use (netlink and inet pairs are
/// EOPNOTSUPP); other families are refused as by [`socket`].
pub fn socketpair(domain: c_int) -> Verdict {
    match domain {
        libc::AF_UNIX => Verdict::Host,
        libc::AF_NETLINK | libc::AF_INET | libc::AF_INET6 => Verdict::Refuse(libc::EOPNOTSUPP),
        _ => Verdict::Refuse(libc::EAFNOSUPPORT),
    }
}

/// Character devices that configure the host's network: `/dev/net/tun`
/// (`ip tuntap`, TUNSETIFF). Opening one is ENODEV, as when the tun module
/// is absent (`misc_open`).
pub fn refused_device(path: &str) -> Option<c_int> {
    (path == "/dev/net/tun").then_some(libc::ENODEV)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_modelled_netlink_protocols_are_simulated() {
        assert_eq!(socket(libc::AF_NETLINK, libc::SOCK_RAW | libc::SOCK_CLOEXEC, 0), Verdict::Simulate(0));
        assert_eq!(socket(libc::AF_NETLINK, libc::SOCK_DGRAM, libc::NETLINK_NETFILTER), Verdict::Simulate(libc::NETLINK_NETFILTER));
        assert_eq!(socket(libc::AF_NETLINK, libc::SOCK_RAW, libc::NETLINK_XFRM), Verdict::Refuse(libc::EPROTONOSUPPORT));
        assert_eq!(socket(libc::AF_NETLINK, libc::SOCK_RAW, libc::NETLINK_SOCK_DIAG), Verdict::Simulate(libc::NETLINK_SOCK_DIAG));
        assert_eq!(socket(libc::AF_NETLINK, libc::SOCK_RAW, 32), Verdict::Refuse(libc::EPROTONOSUPPORT));
        assert_eq!(socket(libc::AF_NETLINK, libc::SOCK_STREAM, 0), Verdict::Refuse(libc::ESOCKTNOSUPPORT));
    }

    #[test]
    fn inet_and_unix_stay_the_hosts_and_other_families_are_refused() {
        assert_eq!(socket(libc::AF_INET, libc::SOCK_DGRAM, 0), Verdict::Host);
        assert_eq!(socket(libc::AF_INET6, libc::SOCK_STREAM, 0), Verdict::Host);
        assert_eq!(socket(libc::AF_UNIX, libc::SOCK_STREAM, 0), Verdict::Host);
        assert_eq!(socket(libc::AF_PACKET, libc::SOCK_RAW, 0), Verdict::Refuse(libc::EAFNOSUPPORT));
        assert_eq!(socket(libc::AF_KEY, libc::SOCK_RAW, 2), Verdict::Refuse(libc::EAFNOSUPPORT));
        assert_eq!(socketpair(libc::AF_NETLINK), Verdict::Refuse(libc::EOPNOTSUPP));
        assert_eq!(socketpair(libc::AF_UNIX), Verdict::Host);
    }
}
