//! Interface names and addresses as libc reports them (if_nametoindex and
//! friends, getifaddrs), answered from the simulated
//! namespace the process is in. glibc asks the real kernel for these
//! through sockets of its own, which the shim cannot see, so they are
//! answered here directly.

use iplab::stack::Namespace;
use iplab::stack::link::Link;
use libc::{c_char, c_int, c_uint};

use crate::guard::{c_str, hook, set_errno};
use crate::real;
use crate::shim::{self, Fail};

/// Runs `f` on the current namespace; None when the shim is busy (the
/// caller passes through).
pub fn with_ns<R>(f: impl FnOnce(&Namespace) -> Result<R, Fail>) -> Option<Result<R, Fail>> {
    hook(Err(Fail(libc::EIO)), || {
        Some(shim::with(|s| {
            let w = s.world()?;
            let id = s.current_ns(&w)?;
            w.with_net(|n| n.ns(id).ok_or(Fail(libc::ENODEV)).and_then(f))
        }))
    })
}

pub fn by_name<'a>(ns: &'a Namespace, name: &str) -> Result<&'a Link, Fail> {
    ns.index_of(name).and_then(|i| ns.link(i)).ok_or(Fail(libc::ENODEV))
}

/// Copies a name into a C buffer of `cap` bytes, NUL-terminated.
pub unsafe fn put_name(dst: *mut c_char, cap: usize, name: &str) {
    let n = name.len().min(cap.saturating_sub(1));
    // SAFETY: dst has cap bytes.
    unsafe {
        std::ptr::copy_nonoverlapping(name.as_ptr().cast::<c_char>(), dst, n);
        *dst.add(n) = 0;
    }
}

#[unsafe(no_mangle)]
/// if_nametoindex(3).
pub unsafe extern "C" fn if_nametoindex(name: *const c_char) -> c_uint {
    let Some(n) = c_str(name) else { return unsafe { real::if_nametoindex(name) } };
    match with_ns(|ns| by_name(ns, n).map(|l| l.index)) {
        Some(Ok(i)) => i,
        Some(Err(Fail(e))) => {
            set_errno(e);
            0
        }
        None => unsafe { real::if_nametoindex(name) },
    }
}

#[unsafe(no_mangle)]
/// if_indextoname(3).
pub unsafe extern "C" fn if_indextoname(index: c_uint, buf: *mut c_char) -> *mut c_char {
    match with_ns(|ns| ns.link(index).map(|l| l.name.clone()).ok_or(Fail(libc::ENXIO))) {
        Some(Ok(name)) if !buf.is_null() => {
            unsafe { put_name(buf, libc::IF_NAMESIZE, &name) };
            buf
        }
        Some(Ok(_)) => std::ptr::null_mut(),
        Some(Err(Fail(e))) => {
            set_errno(e);
            std::ptr::null_mut()
        }
        None => unsafe { real::if_indextoname(index, buf) },
    }
}

#[unsafe(no_mangle)]
/// if_nameindex(3): allocated as glibc does, so its if_freenameindex frees it.
pub unsafe extern "C" fn if_nameindex() -> *mut libc::if_nameindex {
    let links = with_ns(|ns| Ok(ns.links.values().map(|l| (l.index, l.name.clone())).collect::<Vec<_>>()));
    let links = match links {
        Some(Ok(l)) => l,
        Some(Err(Fail(e))) => {
            set_errno(e);
            return std::ptr::null_mut();
        }
        None => return unsafe { real::if_nameindex() },
    };
    // SAFETY: plain allocations, filled before use; the last entry stays zero.
    unsafe {
        let arr = libc::calloc(links.len() + 1, std::mem::size_of::<libc::if_nameindex>()).cast::<libc::if_nameindex>();
        if arr.is_null() {
            set_errno(libc::ENOBUFS);
            return arr;
        }
        for (i, (index, name)) in links.iter().enumerate() {
            let p = libc::calloc(name.len() + 1, 1).cast::<c_char>();
            if !p.is_null() {
                put_name(p, name.len() + 1, name);
            }
            (*arr.add(i)).if_index = *index;
            (*arr.add(i)).if_name = p;
        }
        arr
    }
}

/// The IPv4 netmask of a prefix length.
pub fn mask4(len: u8) -> u32 {
    if len == 0 { 0 } else { u32::MAX << (32 - u32::from(len.min(32))) }
}

/// One getifaddrs entry before it is laid out in C memory.
struct Entry {
    name: String,
    flags: u32,
    family: c_int,
    /// Address, netmask and broadcast/destination, as raw sockaddr bytes.
    addrs: [Option<Vec<u8>>; 3],
    stats: bool,
}

fn sockaddr_in(addr: u32) -> Vec<u8> {
    let mut v = vec![0u8; 16];
    v[0..2].copy_from_slice(&(libc::AF_INET as u16).to_ne_bytes());
    v[4..8].copy_from_slice(&addr.to_be_bytes());
    v
}

fn sockaddr_in6(addr: u128, scope: u32) -> Vec<u8> {
    let mut v = vec![0u8; 28];
    v[0..2].copy_from_slice(&(libc::AF_INET6 as u16).to_ne_bytes());
    v[8..24].copy_from_slice(&addr.to_be_bytes());
    v[24..28].copy_from_slice(&scope.to_ne_bytes());
    v
}

fn sockaddr_ll(l: &Link, hw: &[u8]) -> Vec<u8> {
    let mut v = vec![0u8; 20];
    v[0..2].copy_from_slice(&(libc::AF_PACKET as u16).to_ne_bytes());
    v[4..8].copy_from_slice(&(l.index as i32).to_ne_bytes());
    v[8..10].copy_from_slice(&l.link_type().to_ne_bytes());
    let n = hw.len().min(8);
    v[11] = n as u8;
    v[12..12 + n].copy_from_slice(&hw[..n]);
    v
}

fn entries(ns: &Namespace) -> Vec<Entry> {
    let mut out = Vec::new();
    for l in ns.links.values() {
        let flags = l.netlink_flags();
        out.push(Entry {
            name: l.name.clone(),
            flags,
            family: libc::AF_PACKET,
            addrs: [Some(sockaddr_ll(l, &l.address)), None, Some(sockaddr_ll(l, &l.broadcast))],
            stats: true,
        });
    }
    for l in ns.links.values() {
        for a in &l.addrs4 {
            let other = if a.address != a.local {
                Some(sockaddr_in(a.address))
            } else if a.broadcast != 0 {
                Some(sockaddr_in(a.broadcast))
            } else {
                None
            };
            out.push(Entry {
                name: a.label.clone(),
                flags: l.netlink_flags(),
                family: libc::AF_INET,
                addrs: [Some(sockaddr_in(a.local)), Some(sockaddr_in(mask4(a.prefix_len))), other],
                stats: false,
            });
        }
    }
    for l in ns.links.values() {
        for a in &l.addrs6 {
            let scope = if a.addr >> 118 == 0x3fa { l.index } else { 0 };
            let mask = if a.prefix_len == 0 { 0 } else { u128::MAX << (128 - u32::from(a.prefix_len.min(128))) };
            out.push(Entry {
                name: l.name.clone(),
                flags: l.netlink_flags(),
                family: libc::AF_INET6,
                addrs: [Some(sockaddr_in6(a.addr, scope)), Some(sockaddr_in6(mask, 0)), a.peer.map(|p| sockaddr_in6(p, 0))],
                stats: false,
            });
        }
    }
    out
}

const STATS_LEN: usize = 24 * 4;
const SLOT: usize = 32;

#[unsafe(no_mangle)]
/// getifaddrs(3): one block, as glibc allocates it, so its freeifaddrs frees it.
pub unsafe extern "C" fn getifaddrs(ifap: *mut *mut libc::ifaddrs) -> c_int {
    if ifap.is_null() {
        return unsafe { real::getifaddrs(ifap) };
    }
    let list = match with_ns(|ns| Ok(entries(ns))) {
        Some(Ok(l)) => l,
        Some(Err(Fail(e))) => {
            set_errno(e);
            return -1;
        }
        None => return unsafe { real::getifaddrs(ifap) },
    };
    if list.is_empty() {
        unsafe { *ifap = std::ptr::null_mut() };
        return 0;
    }
    let each = std::mem::size_of::<libc::ifaddrs>() + 3 * SLOT + libc::IF_NAMESIZE + STATS_LEN;
    let each = (each + 15) & !15;
    // SAFETY: one zeroed block with room for every entry; pointers stay inside it.
    unsafe {
        let block = libc::calloc(list.len(), each).cast::<u8>();
        if block.is_null() {
            set_errno(libc::ENOMEM);
            return -1;
        }
        for (i, e) in list.iter().enumerate() {
            let base = block.add(i * each);
            let ifa = base.cast::<libc::ifaddrs>();
            let slots = base.add(std::mem::size_of::<libc::ifaddrs>());
            let name = slots.add(3 * SLOT);
            let stats = name.add(libc::IF_NAMESIZE);
            put_name(name.cast(), libc::IF_NAMESIZE, &e.name);
            let mut ptrs = [std::ptr::null_mut::<libc::sockaddr>(); 3];
            for (k, a) in e.addrs.iter().enumerate() {
                if let Some(bytes) = a {
                    let p = slots.add(k * SLOT);
                    std::ptr::copy_nonoverlapping(bytes.as_ptr(), p, bytes.len().min(SLOT));
                    ptrs[k] = p.cast();
                }
            }
            let _ = e.family;
            (*ifa).ifa_next = if i + 1 < list.len() { block.add((i + 1) * each).cast() } else { std::ptr::null_mut() };
            (*ifa).ifa_name = name.cast();
            (*ifa).ifa_flags = e.flags;
            (*ifa).ifa_addr = ptrs[0];
            (*ifa).ifa_netmask = ptrs[1];
            (*ifa).ifa_ifu = ptrs[2];
            (*ifa).ifa_data = if e.stats { stats.cast() } else { std::ptr::null_mut() };
        }
        *ifap = block.cast();
    }
    0
}
