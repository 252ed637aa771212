//! The socket calls the shim answers for NETLINK_ROUTE sockets; every other
//! socket goes to libc untouched.

use libc::{c_int, c_void, size_t, sockaddr, socklen_t, ssize_t};

use crate::boundary::{self, Verdict};
use crate::guard::{fail, hook, is_marked};
use crate::real;
use crate::shim::{self, Fail, Shim};

const SOL_NETLINK: c_int = 270;
const NETLINK_ADD_MEMBERSHIP: c_int = 1;
const NETLINK_DROP_MEMBERSHIP: c_int = 2;
const NETLINK_LIST_MEMBERSHIPS: c_int = 9;
const NETLINK_CAP_ACK: c_int = 10;
const NETLINK_EXT_ACK: c_int = 11;
const NETLINK_GET_STRICT_CHK: c_int = 12;
/// The multicast groups of a protocol (`nlk->ngroups`), as the Linux the
/// goldens are recorded on has them (6.18, measured: the first refused
/// ADD_MEMBERSHIP): RTNLGRP_MAX 39 for NETLINK_ROUTE; 32 for the others,
/// the least `netlink_kernel_create` gives.
fn ngroups(proto: c_int) -> u32 {
    if proto == libc::NETLINK_ROUTE { 39 } else { 32 }
}
const SOCKADDR_NL_LEN: socklen_t = 12;

/// Runs `f` when `fd` is a simulated socket; None otherwise.
fn on_sock<R: From<i8>>(fd: c_int, f: impl FnOnce(&mut Shim) -> Result<R, Fail>) -> Option<R> {
    if !is_marked(fd) {
        return None;
    }
    hook(R::from(-1), || {
        shim::with(|s| {
            if !s.fds.contains_key(&fd) {
                return None;
            }
            Some(f(s).unwrap_or_else(|Fail(e)| fail(e)))
        })
    })
}

/// Makes what is queued readable; true when `fd` is a simulated socket.
fn prepare_read(fd: c_int) -> bool {
    on_sock(fd, |s| {
        s.before_read(fd);
        Ok(1i32)
    }) == Some(1)
}

/// After a read asking for `len` bytes: the next part of a dump may go out.
fn finish_read(fd: c_int, len: usize) {
    let _ = on_sock(fd, |s| {
        if let Some(k) = s.sock(fd) {
            k.after_read(len);
        }
        Ok(0i32)
    });
}

/// SCM_CREDENTIALS of a message from the kernel carry pid, uid and gid 0
/// (the pair's would name this very process).
unsafe fn kernel_creds(m: &mut libc::msghdr) {
    // SAFETY: the control buffer the kernel just filled, walked with the
    // CMSG macros.
    unsafe {
        let mut c = libc::CMSG_FIRSTHDR(m);
        while !c.is_null() {
            if (*c).cmsg_level == libc::SOL_SOCKET && (*c).cmsg_type == libc::SCM_CREDENTIALS {
                let zero = libc::ucred { pid: 0, uid: 0, gid: 0 };
                std::ptr::write_unaligned(libc::CMSG_DATA(c).cast::<libc::ucred>(), zero);
            }
            c = libc::CMSG_NXTHDR(m, c);
        }
    }
}

/// The bytes `n` iovecs can hold.
unsafe fn iov_len(iov: *const libc::iovec, n: usize) -> usize {
    if iov.is_null() || n == 0 {
        return 0;
    }
    // SAFETY: n iovecs from the application.
    unsafe { std::slice::from_raw_parts(iov, n) }.iter().fold(0usize, |t, v| t.saturating_add(v.iov_len))
}

/// Writes a sockaddr_nl into an application buffer.
unsafe fn put_addr(addr: *mut sockaddr, len: *mut socklen_t, pid: u32, groups: u32) -> Result<(), Fail> {
    if addr.is_null() || len.is_null() {
        return Err(Fail(libc::EFAULT));
    }
    // SAFETY: sockaddr_nl is plain data.
    let mut nl: libc::sockaddr_nl = unsafe { std::mem::zeroed() };
    nl.nl_family = libc::AF_NETLINK as libc::sa_family_t;
    nl.nl_pid = pid;
    nl.nl_groups = groups;
    // SAFETY: the application gave a buffer of *len bytes.
    unsafe {
        let n = (*len).min(SOCKADDR_NL_LEN) as usize;
        std::ptr::copy_nonoverlapping((&nl as *const libc::sockaddr_nl).cast::<u8>(), addr.cast::<u8>(), n);
        *len = SOCKADDR_NL_LEN;
    }
    Ok(())
}

/// Reads a netlink address argument: (pid, groups).
unsafe fn get_addr(addr: *const sockaddr, len: socklen_t) -> Result<(u32, u32), Fail> {
    if addr.is_null() || len < SOCKADDR_NL_LEN {
        return Err(Fail(libc::EINVAL));
    }
    // SAFETY: at least 12 readable bytes.
    let nl: libc::sockaddr_nl = unsafe { std::ptr::read_unaligned(addr.cast()) };
    if i32::from(nl.nl_family) != libc::AF_NETLINK {
        return Err(Fail(libc::EINVAL));
    }
    Ok((nl.nl_pid, nl.nl_groups))
}

unsafe fn read_int(val: *const c_void, len: socklen_t) -> Result<c_int, Fail> {
    if val.is_null() || (len as usize) < std::mem::size_of::<c_int>() {
        return Err(Fail(libc::EINVAL));
    }
    // SAFETY: at least 4 readable bytes.
    Ok(unsafe { std::ptr::read_unaligned(val.cast::<c_int>()) })
}

unsafe fn write_bytes(val: *mut c_void, len: *mut socklen_t, bytes: &[u8]) -> Result<(), Fail> {
    if val.is_null() || len.is_null() {
        return Err(Fail(libc::EFAULT));
    }
    // SAFETY: the application gave a buffer of *len bytes.
    unsafe {
        let n = (*len as usize).min(bytes.len());
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), val.cast::<u8>(), n);
        *len = n as socklen_t;
    }
    Ok(())
}

/// SOCK_MIN_RCVBUF and SOCK_MIN_SNDBUF on 64-bit Linux (measured).
const SOCK_MIN_RCVBUF: c_int = 2304;
const SOCK_MIN_SNDBUF: c_int = 4608;

/// The size a buffer option sets (`__sock_set_rcvbuf`/`__sock_set_sndbuf`):
/// the request (as unsigned, capped by the sysctl maximum unless forced,
/// and at INT_MAX / 2) doubled, at least the minimum.
fn buffer(val: c_int, max: Option<c_int>, min: c_int) -> c_int {
    let val = match max {
        Some(max) => (val as u32).min(max.max(0) as u32) as c_int,
        None => val.max(0),
    };
    val.min(c_int::MAX / 2).saturating_mul(2).max(min)
}

fn core_max(name: &str) -> c_int {
    std::fs::read_to_string(format!("/proc/sys/net/core/{name}")).ok().and_then(|t| t.trim().parse().ok()).unwrap_or(212992)
}

#[unsafe(no_mangle)]
/// socket(2): modelled netlink protocols are simulated, other netlink
/// protocols and families outside the world refused ([`boundary::socket`]).
pub unsafe extern "C" fn socket(domain: c_int, ty: c_int, proto: c_int) -> c_int {
    match boundary::socket(domain, ty, proto) {
        Verdict::Host => {}
        Verdict::Refuse(e) => return fail(e),
        Verdict::Simulate(proto) => {
            let kind = ty & !(libc::SOCK_CLOEXEC | libc::SOCK_NONBLOCK);
            let r = hook(-1, || Some(shim::with(|s| s.open_socket(kind, proto, ty)).unwrap_or_else(|Fail(e)| fail(e))));
            // Inside the shim's own calls: never a host netlink socket.
            return r.unwrap_or_else(|| fail(libc::EPROTONOSUPPORT));
        }
    }
    unsafe { real::socket(domain, ty, proto) }
}

#[unsafe(no_mangle)]
/// socketpair(2): Unix pairs only ([`boundary::socketpair`]).
pub unsafe extern "C" fn socketpair(domain: c_int, ty: c_int, proto: c_int, sv: *mut c_int) -> c_int {
    match boundary::socketpair(domain) {
        Verdict::Refuse(e) => fail(e),
        _ => unsafe { real::socketpair(domain, ty, proto, sv) },
    }
}

#[unsafe(no_mangle)]
/// bind(2): the port id and the legacy group mask.
pub unsafe extern "C" fn bind(fd: c_int, addr: *const sockaddr, len: socklen_t) -> c_int {
    let r = on_sock(fd, |s| {
        let (pid, groups) = unsafe { get_addr(addr, len) }?;
        let id = *s.fds.get(&fd).ok_or(Fail(libc::EBADF))?;
        let taken = pid != 0 && s.socks.iter().any(|(other, k)| *other != id && k.port == pid);
        let sock = s.sock(fd).ok_or(Fail(libc::EBADF))?;
        if sock.port != 0 && pid != 0 && pid != sock.port {
            return Err(Fail(libc::EINVAL));
        }
        if taken {
            return Err(Fail(libc::EADDRINUSE));
        }
        if pid != 0 {
            sock.port = pid;
        }
        if groups != 0 {
            sock.make_group_map();
        }
        s.autobind(id);
        let sock = s.sock(fd).ok_or(Fail(libc::EBADF))?;
        for g in 1..=32u32 {
            if groups & (1 << (g - 1)) != 0 {
                sock.groups.insert(g);
            } else {
                sock.groups.remove(&g);
            }
        }
        if let Some(k) = &sock.sock {
            let _ = k.set_option(iplab::host::SockOpt::BindGroups(groups));
        }
        if groups != 0 {
            s.watch();
        }
        Ok(0)
    });
    r.unwrap_or_else(|| unsafe { real::bind(fd, addr, len) })
}

#[unsafe(no_mangle)]
/// connect(2): only the kernel (port 0) can be a peer.
pub unsafe extern "C" fn connect(fd: c_int, addr: *const sockaddr, len: socklen_t) -> c_int {
    let r = on_sock(fd, |s| {
        let (pid, _) = unsafe { get_addr(addr, len) }?;
        if pid != 0 {
            return Err(Fail(libc::ECONNREFUSED));
        }
        let id = *s.fds.get(&fd).ok_or(Fail(libc::EBADF))?;
        s.autobind(id);
        Ok(0)
    });
    r.unwrap_or_else(|| unsafe { real::connect(fd, addr, len) })
}

#[unsafe(no_mangle)]
/// getsockname(2): the 12-byte sockaddr_nl with the socket's port id.
pub unsafe extern "C" fn getsockname(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int {
    let r = on_sock(fd, |s| {
        let sock = s.sock(fd).ok_or(Fail(libc::EBADF))?;
        unsafe { put_addr(addr, len, sock.port, sock.group_mask()) }?;
        Ok(0)
    });
    r.unwrap_or_else(|| unsafe { real::getsockname(fd, addr, len) })
}

#[unsafe(no_mangle)]
/// getpeername(2): the kernel, port 0.
pub unsafe extern "C" fn getpeername(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int {
    let r = on_sock(fd, |_| {
        unsafe { put_addr(addr, len, 0, 0) }?;
        Ok(0)
    });
    r.unwrap_or_else(|| unsafe { real::getpeername(fd, addr, len) })
}

#[unsafe(no_mangle)]
/// setsockopt(2): buffer sizes, memberships and the netlink flags.
pub unsafe extern "C" fn setsockopt(fd: c_int, level: c_int, name: c_int, val: *const c_void, len: socklen_t) -> c_int {
    let r = on_sock(fd, |s| {
        let sock = s.sock(fd).ok_or(Fail(libc::EBADF))?;
        match (level, name) {
            (libc::SOL_SOCKET, libc::SO_SNDBUF) => {
                sock.sndbuf = buffer(unsafe { read_int(val, len) }?, Some(core_max("wmem_max")), SOCK_MIN_SNDBUF)
            }
            (libc::SOL_SOCKET, libc::SO_RCVBUF) => {
                sock.rcvbuf = buffer(unsafe { read_int(val, len) }?, Some(core_max("rmem_max")), SOCK_MIN_RCVBUF)
            }
            (libc::SOL_SOCKET, libc::SO_SNDBUFFORCE) => sock.sndbuf = buffer(unsafe { read_int(val, len) }?, None, SOCK_MIN_SNDBUF),
            (libc::SOL_SOCKET, libc::SO_RCVBUFFORCE) => sock.rcvbuf = buffer(unsafe { read_int(val, len) }?, None, SOCK_MIN_RCVBUF),
            (libc::SOL_SOCKET, _) => {
                return Ok(unsafe { real::setsockopt(fd, level, name, val, len) });
            }
            (SOL_NETLINK, NETLINK_ADD_MEMBERSHIP | NETLINK_DROP_MEMBERSHIP) => {
                let g = unsafe { read_int(val, len) }?;
                let g = u32::try_from(g).map_err(|_| Fail(libc::EINVAL))?;
                if g == 0 || g > ngroups(sock.proto) {
                    return Err(Fail(libc::EINVAL));
                }
                sock.make_group_map();
                let add = name == NETLINK_ADD_MEMBERSHIP;
                // The world first: a group it refuses is not joined here either.
                if let Some(k) = &sock.sock {
                    let opt = if add { iplab::host::SockOpt::AddMembership(g) } else { iplab::host::SockOpt::DropMembership(g) };
                    k.set_option(opt).map_err(|e| Fail(e.0))?;
                }
                if add {
                    sock.groups.insert(g);
                } else {
                    sock.groups.remove(&g);
                }
                if add {
                    s.watch();
                }
            }
            (SOL_NETLINK, NETLINK_EXT_ACK | NETLINK_CAP_ACK | NETLINK_GET_STRICT_CHK) => {
                let on = unsafe { read_int(val, len) }? != 0;
                let opt = match name {
                    NETLINK_EXT_ACK => {
                        sock.ext_ack = on;
                        iplab::host::SockOpt::ExtAck(on)
                    }
                    NETLINK_CAP_ACK => {
                        sock.cap_ack = on;
                        iplab::host::SockOpt::CapAck(on)
                    }
                    _ => {
                        sock.strict = on;
                        iplab::host::SockOpt::StrictCheck(on)
                    }
                };
                if let Some(k) = &sock.sock {
                    k.set_option(opt).map_err(|e| Fail(e.0))?;
                }
            }
            (SOL_NETLINK, 3..=8) => {
                if unsafe { read_int(val, len) }? != 0 {
                    sock.flags.insert(name);
                } else {
                    sock.flags.remove(&name);
                }
            }
            (SOL_NETLINK, _) => return Err(Fail(libc::ENOPROTOOPT)),
            _ => return Err(Fail(libc::ENOPROTOOPT)),
        }
        Ok(0)
    });
    r.unwrap_or_else(|| unsafe { real::setsockopt(fd, level, name, val, len) })
}

#[unsafe(no_mangle)]
/// getsockopt(2): what a netlink socket reports.
pub unsafe extern "C" fn getsockopt(fd: c_int, level: c_int, name: c_int, val: *mut c_void, len: *mut socklen_t) -> c_int {
    let r = on_sock(fd, |s| {
        let sock = s.sock(fd).ok_or(Fail(libc::EBADF))?;
        let int = |v: c_int| v.to_ne_bytes().to_vec();
        let bytes = match (level, name) {
            (libc::SOL_SOCKET, libc::SO_TYPE) => int(sock.kind),
            (libc::SOL_SOCKET, libc::SO_DOMAIN) => int(libc::AF_NETLINK),
            (libc::SOL_SOCKET, libc::SO_PROTOCOL) => int(sock.proto),
            (libc::SOL_SOCKET, libc::SO_SNDBUF) => int(sock.sndbuf),
            (libc::SOL_SOCKET, libc::SO_RCVBUF) => int(sock.rcvbuf),
            (libc::SOL_SOCKET, libc::SO_ERROR) => int(0),
            (libc::SOL_SOCKET, _) => return Ok(unsafe { real::getsockopt(fd, level, name, val, len) }),
            (SOL_NETLINK, NETLINK_LIST_MEMBERSHIPS) => {
                // netlink_getsockopt: whole u32 words of the group map while
                // they fit in the caller's length (none for a size probe
                // with a NULL or short buffer), then the map's length.
                if len.is_null() {
                    return Err(Fail(libc::EFAULT));
                }
                let want = unsafe { *len } as i32;
                if want < 0 {
                    return Err(Fail(libc::EINVAL));
                }
                let ngroups = if sock.has_group_map() { ngroups(sock.proto) } else { 0 };
                let mut words = Vec::new();
                let mut pos = 0u32;
                while pos * 8 < ngroups && want - pos as i32 >= 4 {
                    let bits = pos * 8..pos * 8 + 32;
                    let word = sock.groups.iter().filter(|g| bits.contains(&(**g - 1))).fold(0u32, |w, g| w | 1 << ((g - 1) % 32));
                    words.extend_from_slice(&word.to_ne_bytes());
                    pos += 4;
                }
                if !words.is_empty() {
                    if val.is_null() {
                        return Err(Fail(libc::EFAULT));
                    }
                    // SAFETY: the caller's buffer holds `want` bytes.
                    unsafe { std::ptr::copy_nonoverlapping(words.as_ptr(), val.cast::<u8>(), words.len()) };
                }
                unsafe { *len = ngroups.div_ceil(8).next_multiple_of(4) as socklen_t };
                return Ok(0);
            }
            (SOL_NETLINK, NETLINK_EXT_ACK) => int(c_int::from(sock.ext_ack)),
            (SOL_NETLINK, NETLINK_CAP_ACK) => int(c_int::from(sock.cap_ack)),
            (SOL_NETLINK, NETLINK_GET_STRICT_CHK) => int(c_int::from(sock.strict)),
            (SOL_NETLINK, 3..=8) => int(c_int::from(sock.flags.contains(&name))),
            _ => return Err(Fail(libc::ENOPROTOOPT)),
        };
        if !len.is_null() && (unsafe { *len } as usize) < bytes.len() {
            return Err(Fail(libc::EINVAL));
        }
        unsafe { write_bytes(val, len, &bytes) }?;
        Ok(0)
    });
    r.unwrap_or_else(|| unsafe { real::getsockopt(fd, level, name, val, len) })
}

/// Sends one datagram on a simulated socket; None when `fd` is not one.
fn send_bytes(fd: c_int, bytes: impl FnOnce() -> Result<Vec<u8>, Fail>) -> Option<ssize_t> {
    on_sock(fd, |s| {
        let data = bytes()?;
        s.send(fd, data).map(|n| n as ssize_t)
    })
}

unsafe fn slice<'a>(buf: *const c_void, n: size_t) -> Result<&'a [u8], Fail> {
    if n == 0 {
        return Ok(&[]);
    }
    if buf.is_null() {
        return Err(Fail(libc::EFAULT));
    }
    // SAFETY: the application gave n readable bytes.
    Ok(unsafe { std::slice::from_raw_parts(buf.cast::<u8>(), n) })
}

#[unsafe(no_mangle)]
/// send(2).
pub unsafe extern "C" fn send(fd: c_int, buf: *const c_void, n: size_t, flags: c_int) -> ssize_t {
    send_bytes(fd, || Ok(unsafe { slice(buf, n) }?.to_vec())).unwrap_or_else(|| unsafe { real::send(fd, buf, n, flags) })
}

#[unsafe(no_mangle)]
/// write(2) on a netlink socket is a send.
pub unsafe extern "C" fn write(fd: c_int, buf: *const c_void, n: size_t) -> ssize_t {
    if is_marked(fd) {
        let r = hook(-1, || match unsafe { slice(buf, n) } {
            Ok(bytes) => crate::sysctl_hooks::write(fd, bytes),
            Err(Fail(e)) => Some(fail(e)),
        });
        if let Some(r) = r {
            return r;
        }
    }
    send_bytes(fd, || Ok(unsafe { slice(buf, n) }?.to_vec())).unwrap_or_else(|| unsafe { real::write(fd, buf, n) })
}

#[unsafe(no_mangle)]
/// sendto(2): the destination, if given, must be the kernel.
pub unsafe extern "C" fn sendto(fd: c_int, buf: *const c_void, n: size_t, flags: c_int, addr: *const sockaddr, alen: socklen_t) -> ssize_t {
    send_bytes(fd, || {
        if !addr.is_null() {
            let (pid, _) = unsafe { get_addr(addr, alen) }?;
            if pid != 0 {
                return Err(Fail(libc::ECONNREFUSED));
            }
        }
        Ok(unsafe { slice(buf, n) }?.to_vec())
    })
    .unwrap_or_else(|| unsafe { real::sendto(fd, buf, n, flags, addr, alen) })
}

/// The bytes of the iovecs of a msghdr, after checking its destination.
unsafe fn gather_msg(msg: *const libc::msghdr) -> Result<Vec<u8>, Fail> {
    if msg.is_null() {
        return Err(Fail(libc::EFAULT));
    }
    // SAFETY: a valid msghdr from the application.
    let m = unsafe { &*msg };
    if !m.msg_name.is_null() && m.msg_namelen != 0 {
        let (pid, _) = unsafe { get_addr(m.msg_name.cast(), m.msg_namelen) }?;
        if pid != 0 {
            return Err(Fail(libc::ECONNREFUSED));
        }
    }
    unsafe { gather(m.msg_iov, m.msg_iovlen) }
}

/// The bytes of `n` iovecs.
unsafe fn gather(iov: *const libc::iovec, n: usize) -> Result<Vec<u8>, Fail> {
    let mut data = Vec::new();
    if n > 0 {
        if iov.is_null() {
            return Err(Fail(libc::EFAULT));
        }
        // SAFETY: n iovecs.
        let iov = unsafe { std::slice::from_raw_parts(iov, n) };
        for v in iov {
            data.extend_from_slice(unsafe { slice(v.iov_base, v.iov_len) }?);
        }
    }
    Ok(data)
}

#[unsafe(no_mangle)]
/// sendmsg(2): the iovecs gathered into one datagram.
pub unsafe extern "C" fn sendmsg(fd: c_int, msg: *const libc::msghdr, flags: c_int) -> ssize_t {
    send_bytes(fd, || unsafe { gather_msg(msg) }).unwrap_or_else(|| unsafe { real::sendmsg(fd, msg, flags) })
}

#[unsafe(no_mangle)]
/// sendmmsg(2): each message a datagram, as sendmsg.
pub unsafe extern "C" fn sendmmsg(fd: c_int, msgs: *mut libc::mmsghdr, n: libc::c_uint, flags: c_int) -> c_int {
    if !is_marked(fd) {
        return unsafe { real::sendmmsg(fd, msgs, n, flags) };
    }
    let mut sent = 0;
    for i in 0..n as usize {
        // SAFETY: the application passed n mmsghdrs.
        let m = unsafe { &mut *msgs.add(i) };
        match send_bytes(fd, || unsafe { gather_msg(&m.msg_hdr) }) {
            None => return unsafe { real::sendmmsg(fd, msgs, n, flags) },
            Some(r) if r < 0 => return if sent == 0 { -1 } else { sent },
            Some(r) => m.msg_len = r as libc::c_uint,
        }
        sent += 1;
    }
    sent
}

#[unsafe(no_mangle)]
/// splice(2) into a simulated socket: the bytes taken from `fd_in` are one
/// datagram, as `netlink_sendmsg` gets them.
pub unsafe extern "C" fn splice(
    fd_in: c_int,
    off_in: *mut libc::loff_t,
    fd_out: c_int,
    off_out: *mut libc::loff_t,
    len: size_t,
    flags: libc::c_uint,
) -> ssize_t {
    let took = send_bytes(fd_out, || {
        let mut buf = vec![0u8; len.min(1 << 20)];
        let n = if off_in.is_null() {
            unsafe { real::read(fd_in, buf.as_mut_ptr().cast(), buf.len()) }
        } else {
            // SAFETY: the application's offset; advanced as splice does.
            let n = unsafe { libc::pread(fd_in, buf.as_mut_ptr().cast(), buf.len(), *off_in) };
            if n > 0 {
                unsafe { *off_in += n as libc::loff_t };
            }
            n
        };
        let n = usize::try_from(n).map_err(|_| Fail(crate::guard::errno()))?;
        buf.truncate(n);
        Ok(buf)
    });
    took.unwrap_or_else(|| unsafe { real::splice(fd_in, off_in, fd_out, off_out, len, flags) })
}

#[unsafe(no_mangle)]
/// writev(2): a send on a simulated socket, a write on a sysctl writer.
pub unsafe extern "C" fn writev(fd: c_int, iov: *const libc::iovec, n: c_int) -> ssize_t {
    if is_marked(fd) {
        let r = hook(-1, || match unsafe { gather(iov, usize::try_from(n).unwrap_or(0)) } {
            Ok(bytes) => crate::sysctl_hooks::write(fd, &bytes),
            Err(Fail(e)) => Some(fail(e)),
        });
        if let Some(r) = r {
            return r;
        }
    }
    send_bytes(fd, || unsafe { gather(iov, usize::try_from(n).unwrap_or(0)) }).unwrap_or_else(|| unsafe { real::writev(fd, iov, n) })
}

#[unsafe(no_mangle)]
/// recv(2).
pub unsafe extern "C" fn recv(fd: c_int, buf: *mut c_void, n: size_t, flags: c_int) -> ssize_t {
    if !prepare_read(fd) {
        return unsafe { real::recv(fd, buf, n, flags) };
    }
    let got = unsafe { real::recv(fd, buf, n, flags) };
    finish_read(fd, n);
    got
}

#[unsafe(no_mangle)]
/// read(2).
pub unsafe extern "C" fn read(fd: c_int, buf: *mut c_void, n: size_t) -> ssize_t {
    if !is_marked(fd) || !prepare_read(fd) {
        return unsafe { real::read(fd, buf, n) };
    }
    let got = unsafe { real::read(fd, buf, n) };
    finish_read(fd, n);
    got
}

#[unsafe(no_mangle)]
/// readv(2).
pub unsafe extern "C" fn readv(fd: c_int, iov: *const libc::iovec, n: c_int) -> ssize_t {
    if !is_marked(fd) || !prepare_read(fd) {
        return unsafe { real::readv(fd, iov, n) };
    }
    let got = unsafe { real::readv(fd, iov, n) };
    finish_read(fd, unsafe { iov_len(iov, usize::try_from(n).unwrap_or(0)) });
    got
}

#[unsafe(no_mangle)]
/// recvmmsg(2): the sender is the kernel, as for recvmsg.
pub unsafe extern "C" fn recvmmsg(
    fd: c_int,
    msgs: *mut libc::mmsghdr,
    n: libc::c_uint,
    flags: c_int,
    timeout: *mut libc::timespec,
) -> c_int {
    if !prepare_read(fd) || msgs.is_null() {
        return unsafe { real::recvmmsg(fd, msgs, n, flags, timeout) };
    }
    // One message at a time, each through recvmsg's address handling.
    let mut got = 0;
    for i in 0..n as usize {
        // SAFETY: the application passed n mmsghdrs.
        let m = unsafe { &mut *msgs.add(i) };
        let f = if got == 0 { flags & !libc::MSG_WAITFORONE } else { flags | libc::MSG_DONTWAIT };
        let r = unsafe { recvmsg(fd, &mut m.msg_hdr, f) };
        if r < 0 {
            return if got == 0 { -1 } else { got };
        }
        m.msg_len = r as libc::c_uint;
        got += 1;
    }
    got
}

#[unsafe(no_mangle)]
/// recvfrom(2): the sender is the kernel, `{AF_NETLINK, pid 0}`.
pub unsafe extern "C" fn recvfrom(
    fd: c_int,
    buf: *mut c_void,
    n: size_t,
    flags: c_int,
    addr: *mut sockaddr,
    alen: *mut socklen_t,
) -> ssize_t {
    if !prepare_read(fd) {
        return unsafe { real::recvfrom(fd, buf, n, flags, addr, alen) };
    }
    let got = unsafe { real::recvfrom(fd, buf, n, flags, std::ptr::null_mut(), std::ptr::null_mut()) };
    finish_read(fd, n);
    if got >= 0 && !addr.is_null() && !alen.is_null() {
        let _ = unsafe { put_addr(addr, alen, 0, 0) };
    }
    got
}

#[unsafe(no_mangle)]
/// recvmsg(2): the sender is the kernel, `{AF_NETLINK, pid 0}`, length 12.
pub unsafe extern "C" fn recvmsg(fd: c_int, msg: *mut libc::msghdr, flags: c_int) -> ssize_t {
    if msg.is_null() || !prepare_read(fd) {
        return unsafe { real::recvmsg(fd, msg, flags) };
    }
    // SAFETY: a valid msghdr from the application.
    let m = unsafe { &mut *msg };
    let (name, namelen) = (m.msg_name, m.msg_namelen);
    m.msg_name = std::ptr::null_mut();
    m.msg_namelen = 0;
    let got = unsafe { real::recvmsg(fd, msg, flags) };
    let m = unsafe { &mut *msg };
    finish_read(fd, unsafe { iov_len(m.msg_iov, m.msg_iovlen) });
    if got >= 0 {
        unsafe { kernel_creds(m) };
    }
    m.msg_name = name;
    m.msg_namelen = namelen;
    if got >= 0 && !name.is_null() {
        let mut len = namelen;
        let _ = unsafe { put_addr(name.cast(), &mut len, 0, 0) };
        m.msg_namelen = len;
    }
    got
}

#[unsafe(no_mangle)]
/// close(2): the socket goes with its last descriptor.
pub unsafe extern "C" fn close(fd: c_int) -> c_int {
    if is_marked(fd) {
        let _ = hook((), || {
            shim::with(|s| s.forget_fd(fd));
            Some(())
        });
    }
    unsafe { real::close(fd) }
}

/// After a successful dup of `old` to `new`.
fn after_dup(old: c_int, new: c_int) {
    if new >= 0 && is_marked(old) {
        let _ = hook((), || {
            shim::with(|s| s.dup_fd(old, new));
            Some(())
        });
    }
}

/// Before `new` is replaced by dup2/dup3.
fn before_replace(old: c_int, new: c_int) {
    if old == new {
        return;
    }
    let _ = hook((), || {
        shim::with(|s| {
            if s.is_peer(new) {
                s.evict_peer(new);
            }
            if is_marked(new) {
                s.forget_fd(new);
            }
        });
        Some(())
    });
}

#[unsafe(no_mangle)]
/// dup(2).
pub unsafe extern "C" fn dup(fd: c_int) -> c_int {
    let new = unsafe { real::dup(fd) };
    after_dup(fd, new);
    new
}

#[unsafe(no_mangle)]
/// dup2(2).
pub unsafe extern "C" fn dup2(fd: c_int, new: c_int) -> c_int {
    before_replace(fd, new);
    let r = unsafe { real::dup2(fd, new) };
    if fd != new {
        after_dup(fd, r);
    }
    r
}

#[unsafe(no_mangle)]
/// dup3(2).
pub unsafe extern "C" fn dup3(fd: c_int, new: c_int, flags: c_int) -> c_int {
    before_replace(fd, new);
    let r = unsafe { real::dup3(fd, new, flags) };
    after_dup(fd, r);
    r
}

#[unsafe(no_mangle)]
/// fcntl(2): F_DUPFD and F_DUPFD_CLOEXEC duplicate simulated sockets too.
pub unsafe extern "C" fn fcntl(fd: c_int, cmd: c_int, arg: usize) -> c_int {
    let r = unsafe { real::fcntl(fd, cmd, arg) };
    if cmd == libc::F_DUPFD || cmd == libc::F_DUPFD_CLOEXEC {
        after_dup(fd, r);
    }
    r
}

#[unsafe(no_mangle)]
/// fcntl64: as fcntl.
pub unsafe extern "C" fn fcntl64(fd: c_int, cmd: c_int, arg: usize) -> c_int {
    let r = unsafe { real::fcntl64(fd, cmd, arg) };
    if cmd == libc::F_DUPFD || cmd == libc::F_DUPFD_CLOEXEC {
        after_dup(fd, r);
    }
    r
}
