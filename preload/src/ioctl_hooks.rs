//! Network ioctls (`SIOC*`, 0x8900..=0x89ff) on any descriptor: none
//! reaches the host. Queries of interfaces are answered from the current
//! namespace of the world; the few settings rtnetlink also has (flags, MTU,
//! name, hardware address, queue length) become RTM_NEWLINK requests to the
//! world; tunnels, bridges and VLANs are refused as by a kernel without
//! their module; every other one is ENOTTY, the kernel's answer for an
//! ioctl no layer handles (`sock_do_ioctl`). Per-socket ones (owner,
//! timestamps) stay the socket's own.

use iplab::stack::Namespace;
use libc::{c_char, c_int, c_ulong};

use crate::guard::{c_str, fail, hook};
use crate::ifnames::{by_name, mask4, put_name, with_ns};
use crate::real;
use crate::shim::{self, Fail};

const SIOCGIFNAME: c_ulong = 0x8910;
const SIOCGIFCONF: c_ulong = 0x8912;
const SIOCGIFFLAGS: c_ulong = 0x8913;
const SIOCSIFFLAGS: c_ulong = 0x8914;
const SIOCGIFADDR: c_ulong = 0x8915;
const SIOCGIFDSTADDR: c_ulong = 0x8917;
const SIOCGIFBRDADDR: c_ulong = 0x8919;
const SIOCGIFNETMASK: c_ulong = 0x891b;
const SIOCGIFMETRIC: c_ulong = 0x891d;
const SIOCGIFMTU: c_ulong = 0x8921;
const SIOCSIFMTU: c_ulong = 0x8922;
const SIOCSIFNAME: c_ulong = 0x8923;
const SIOCSIFHWADDR: c_ulong = 0x8924;
const SIOCGIFHWADDR: c_ulong = 0x8927;
const SIOCGIFINDEX: c_ulong = 0x8933;
const SIOCGIFTXQLEN: c_ulong = 0x8942;
const SIOCSIFTXQLEN: c_ulong = 0x8943;

/// What the shim does with one ioctl request number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Not a network ioctl, or a per-socket one: the descriptor's own.
    Pass,
    /// A query answered from the world.
    Query,
    /// A setting made through rtnetlink in the world.
    Set,
    /// Needs a device (ethtool, MII, bonding, tunnels' SIOCDEVPRIVATE):
    /// ENODEV when the world has no such device, EOPNOTSUPP otherwise.
    Device,
    /// Refused with this errno.
    Refuse(c_int),
}

/// Sorts a request number.
pub fn action(req: c_ulong) -> Action {
    match req {
        // FIOSETOWN..SIOCGSTAMPNS: the socket's owner and timestamps.
        0x8901..=0x8907 => Action::Pass,
        SIOCGIFNAME | SIOCGIFCONF | SIOCGIFFLAGS | SIOCGIFADDR | SIOCGIFDSTADDR | SIOCGIFBRDADDR | SIOCGIFNETMASK | SIOCGIFMETRIC
        | SIOCGIFMTU | SIOCGIFHWADDR | SIOCGIFINDEX | SIOCGIFTXQLEN => Action::Query,
        SIOCSIFFLAGS | SIOCSIFMTU | SIOCSIFNAME | SIOCSIFHWADDR | SIOCSIFTXQLEN => Action::Set,
        // SIOCBRADDBR..SIOCBRDELIF, SIOCGIFVLAN/SIOCSIFVLAN: `br_ioctl_call`
        // and `vlan_ioctl_handler` without the bridge or 8021q module.
        0x89a0..=0x89a3 | 0x8982 | 0x8983 => Action::Refuse(libc::ENOPKG),
        // SIOCETHTOOL, SIOCGMIIPHY..SIOCSMIIREG, SIOCWANDEV, bonding,
        // hardware timestamping, SIOCDEVPRIVATE (ip tunnel's SIOC*TUNNEL).
        0x8946..=0x894a | 0x8990..=0x8999 | 0x89b0 | 0x89b1 | 0x89f0..=0x89ff => Action::Device,
        0x8900..=0x89ff => Action::Refuse(libc::ENOTTY),
        _ => Action::Pass,
    }
}

/// Fills a sockaddr_in at `p`.
unsafe fn put_in(p: *mut u8, addr: u32) {
    // SAFETY: p has room for a sockaddr_in (16 bytes).
    unsafe {
        std::ptr::write_bytes(p, 0, 16);
        std::ptr::copy_nonoverlapping((libc::AF_INET as u16).to_ne_bytes().as_ptr(), p, 2);
        std::ptr::copy_nonoverlapping(addr.to_be_bytes().as_ptr(), p.add(4), 4);
    }
}

/// The IPv4 address labelled `label` (`eth0`, `eth0:1`) of the device it
/// names: (local, prefix length, broadcast, peer) as `devinet_ioctl` finds it.
fn addr4(ns: &Namespace, label: &str) -> Result<(u32, u8, u32, u32), Fail> {
    let dev = label.split(':').next().unwrap_or(label);
    let l = by_name(ns, dev)?;
    let a = l.addrs4.iter().find(|a| a.label == label).ok_or(Fail(libc::EADDRNOTAVAIL))?;
    Ok((a.local, a.prefix_len, a.broadcast, a.address))
}

const IFREQ_LEN: usize = 40;

/// Answers one query on an ifreq.
unsafe fn query(ns: &Namespace, req: c_ulong, ifr: *mut u8) -> Result<(), Fail> {
    const UNION: usize = libc::IF_NAMESIZE;
    // SAFETY: ifr points to a struct ifreq (40 bytes).
    unsafe {
        let data = ifr.add(UNION);
        if req == SIOCGIFNAME {
            let index = std::ptr::read_unaligned(data.cast::<c_int>());
            let l = u32::try_from(index).ok().and_then(|i| ns.link(i)).ok_or(Fail(libc::ENODEV))?;
            put_name(ifr.cast(), libc::IF_NAMESIZE, &l.name);
            return Ok(());
        }
        let name = c_str(ifr.cast::<c_char>()).ok_or(Fail(libc::ENODEV))?;
        let v4 = match req {
            SIOCGIFADDR => Some(addr4(ns, name)?.0),
            SIOCGIFNETMASK => Some(mask4(addr4(ns, name)?.1)),
            SIOCGIFBRDADDR => Some(addr4(ns, name)?.2),
            SIOCGIFDSTADDR => Some(addr4(ns, name)?.3),
            _ => None,
        };
        if let Some(a) = v4 {
            put_in(data, a);
            return Ok(());
        }
        let l = by_name(ns, name)?;
        match req {
            SIOCGIFINDEX => std::ptr::write_unaligned(data.cast::<c_int>(), l.index as c_int),
            SIOCGIFFLAGS => std::ptr::write_unaligned(data.cast::<i16>(), l.netlink_flags() as i16),
            SIOCGIFMETRIC => std::ptr::write_unaligned(data.cast::<c_int>(), 0),
            SIOCGIFMTU => std::ptr::write_unaligned(data.cast::<c_int>(), l.mtu as c_int),
            SIOCGIFTXQLEN => std::ptr::write_unaligned(data.cast::<c_int>(), l.txqlen as c_int),
            SIOCGIFHWADDR => {
                std::ptr::write_bytes(data, 0, 16);
                std::ptr::copy_nonoverlapping(l.link_type().to_ne_bytes().as_ptr(), data, 2);
                let n = l.address.len().min(14);
                std::ptr::copy_nonoverlapping(l.address.as_ptr(), data.add(2), n);
            }
            _ => return Err(Fail(libc::ENOTTY)),
        }
    }
    Ok(())
}

/// SIOCGIFCONF: one ifreq per IPv4 address (`inet_gifconf`); a NULL buffer
/// asks for the length.
unsafe fn ifconf(ns: &Namespace, arg: *mut u8) -> Result<(), Fail> {
    let entries: Vec<(String, u32)> = ns.links.values().flat_map(|l| l.addrs4.iter().map(|a| (a.label.clone(), a.local))).collect();
    // SAFETY: arg points to a struct ifconf { int ifc_len; char *ifc_buf; }.
    unsafe {
        let len = std::ptr::read_unaligned(arg.cast::<c_int>());
        let buf = std::ptr::read_unaligned(arg.add(8).cast::<*mut u8>());
        if buf.is_null() {
            std::ptr::write_unaligned(arg.cast::<c_int>(), (entries.len() * IFREQ_LEN) as c_int);
            return Ok(());
        }
        let room = usize::try_from(len).unwrap_or(0) / IFREQ_LEN;
        let n = entries.len().min(room);
        for (i, (label, local)) in entries.iter().take(n).enumerate() {
            let ifr = buf.add(i * IFREQ_LEN);
            std::ptr::write_bytes(ifr, 0, IFREQ_LEN);
            put_name(ifr.cast(), libc::IF_NAMESIZE, label);
            put_in(ifr.add(libc::IF_NAMESIZE), *local);
        }
        std::ptr::write_unaligned(arg.cast::<c_int>(), (n * IFREQ_LEN) as c_int);
    }
    Ok(())
}

const IFF_CHANGEABLE: u32 = (libc::IFF_UP | libc::IFF_NOARP | libc::IFF_PROMISC | libc::IFF_ALLMULTI | libc::IFF_MULTICAST) as u32;

fn attr(ty: u16, value: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(4 + value.len() + 3);
    v.extend_from_slice(&((4 + value.len()) as u16).to_ne_bytes());
    v.extend_from_slice(&ty.to_ne_bytes());
    v.extend_from_slice(value);
    v.resize((v.len() + 3) & !3, 0);
    v
}

/// The RTM_NEWLINK request an ioctl setting stands for (`dev_ifsioc` makes
/// the same changes rtnetlink's `do_setlink` makes).
unsafe fn setlink_request(ns: &Namespace, req: c_ulong, ifr: *const u8) -> Result<Vec<u8>, Fail> {
    // SAFETY: ifr points to a struct ifreq.
    let (name, data) = unsafe { (c_str(ifr.cast::<c_char>()).ok_or(Fail(libc::ENODEV))?, ifr.add(libc::IF_NAMESIZE)) };
    let l = by_name(ns, name)?;
    let (mut flags, mut change) = (0u32, 0u32);
    // SAFETY: the union of the ifreq has 24 readable bytes.
    let attrs = unsafe {
        match req {
            SIOCSIFFLAGS => {
                flags = u32::from(std::ptr::read_unaligned(data.cast::<u16>()));
                change = IFF_CHANGEABLE;
                Vec::new()
            }
            SIOCSIFMTU => attr(4, &std::ptr::read_unaligned(data.cast::<u32>()).to_ne_bytes()),
            SIOCSIFTXQLEN => attr(13, &std::ptr::read_unaligned(data.cast::<u32>()).to_ne_bytes()),
            SIOCSIFNAME => {
                let new = c_str(data.cast::<c_char>()).ok_or(Fail(libc::EINVAL))?;
                attr(3, &[new.as_bytes(), &[0]].concat())
            }
            SIOCSIFHWADDR => {
                let family = std::ptr::read_unaligned(data.cast::<u16>());
                if family != l.link_type() {
                    return Err(Fail(libc::EINVAL));
                }
                attr(1, std::slice::from_raw_parts(data.add(2), l.address.len().min(14)))
            }
            _ => return Err(Fail(libc::ENOTTY)),
        }
    };
    let mut m = Vec::new();
    let total = 16 + 16 + attrs.len();
    m.extend_from_slice(&(total as u32).to_ne_bytes());
    m.extend_from_slice(&16u16.to_ne_bytes());
    m.extend_from_slice(&((libc::NLM_F_REQUEST | libc::NLM_F_ACK) as u16).to_ne_bytes());
    m.extend_from_slice(&[0; 8]);
    m.extend_from_slice(&[0; 4]);
    m.extend_from_slice(&(l.index as i32).to_ne_bytes());
    m.extend_from_slice(&flags.to_ne_bytes());
    m.extend_from_slice(&change.to_ne_bytes());
    m.extend_from_slice(&attrs);
    Ok(m)
}

/// The errno of the first NLMSG_ERROR among `replies` (0: acknowledged).
fn nl_errno(replies: &[Vec<u8>]) -> c_int {
    for r in replies {
        if r.get(4..6) == Some(&2u16.to_ne_bytes()[..]) {
            let code = r.get(16..20).and_then(|b| b.try_into().ok()).map(i32::from_ne_bytes).unwrap_or(0);
            return code.checked_neg().unwrap_or(libc::EINVAL);
        }
    }
    0
}

/// Makes a setting through a netlink socket of the world.
unsafe fn set(req: c_ulong, ifr: *const u8) -> Result<(), Fail> {
    shim::with(|s| {
        s.locked(|shim, world| {
            let ns = shim.current_ns(world)?;
            let dgram = world.with_net(|n| n.ns(ns).ok_or(Fail(libc::ENODEV)).and_then(|ns| unsafe { setlink_request(ns, req, ifr) }))?;
            let sock = world.socket(ns, shim::creds()).map_err(|e| Fail(e.0))?;
            let replies = sock.send(&dgram);
            drop(sock);
            shim.deliver(None);
            match nl_errno(&replies) {
                0 => Ok(()),
                e => Err(Fail(e)),
            }
        })
    })
}

/// The errno of a device ioctl: ENODEV without the device, else EOPNOTSUPP.
fn device_errno(ns: &Namespace, ifr: *const u8) -> c_int {
    match c_str(ifr.cast::<c_char>()) {
        Some(name) if ns.index_of(name).is_some() => libc::EOPNOTSUPP,
        _ => libc::ENODEV,
    }
}

#[unsafe(no_mangle)]
/// ioctl(2): network ioctls on any descriptor (see the module doc).
pub unsafe extern "C" fn ioctl(fd: c_int, req: c_ulong, arg: usize) -> c_int {
    let act = action(req);
    if act == Action::Pass {
        return unsafe { real::ioctl(fd, req, arg) };
    }
    if let Action::Refuse(e) = act {
        return fail(e);
    }
    if arg == 0 {
        return fail(libc::EFAULT);
    }
    let p = arg as *mut u8;
    let r = match act {
        Action::Set => hook(Err(Fail(libc::EIO)), || Some(unsafe { set(req, p) })),
        Action::Device => with_ns(|ns| Err(Fail(device_errno(ns, p)))),
        _ if req == SIOCGIFCONF => with_ns(|ns| unsafe { ifconf(ns, p) }),
        _ => with_ns(|ns| unsafe { query(ns, req, p) }),
    };
    match r {
        Some(Ok(())) => 0,
        Some(Err(Fail(e))) => fail(e),
        // The shim's own calls make no network ioctls.
        None => fail(libc::ENOTTY),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_are_sorted() {
        assert_eq!(action(libc::FIONREAD), Action::Pass);
        assert_eq!(action(0x8906), Action::Pass);
        assert_eq!(action(SIOCGIFINDEX), Action::Query);
        assert_eq!(action(SIOCSIFMTU), Action::Set);
        assert_eq!(action(0x890b), Action::Refuse(libc::ENOTTY));
        assert_eq!(action(0x89a0), Action::Refuse(libc::ENOPKG));
        assert_eq!(action(0x89f1), Action::Device);
        assert_eq!(action(0x8946), Action::Device);
    }

    #[test]
    fn netlink_errors_become_errnos() {
        let mut err = vec![0u8; 36];
        err[4..6].copy_from_slice(&2u16.to_ne_bytes());
        err[16..20].copy_from_slice(&(-19i32).to_ne_bytes());
        assert_eq!(nl_errno(&[err]), libc::ENODEV);
        assert_eq!(nl_errno(&[]), 0);
    }
}
