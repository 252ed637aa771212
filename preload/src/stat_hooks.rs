//! `stat` and `fstat` of what the shim makes up: `/proc/sys/net` keys
//! ([`crate::sysctl_hooks`]), and namespace files, whose device and inode
//! tell namespaces apart as nsfs does (`ip netns identify` compares the
//! inode of `/proc/self/ns/net` with those of `/run/netns/*`). Every other
//! path and descriptor goes to libc.

use libc::{c_char, c_int};

use crate::guard::{c_str, fail, hook, is_marked};
use crate::netns::{self, Path};
use crate::real;
use crate::shim::{self, Fail};
use crate::sysctl_hooks;

/// The device number namespace files report (nsfs has one of its own).
const NSFS_DEV: libc::dev_t = 4;

/// Fills `buf` as a file of `mode` with inode `ino`.
fn fill(buf: *mut libc::stat, mode: libc::mode_t, dev: libc::dev_t, ino: libc::ino_t) -> c_int {
    if buf.is_null() {
        return fail(libc::EFAULT);
    }
    // SAFETY: the caller passed room for a struct stat.
    unsafe {
        std::ptr::write_bytes(buf, 0, 1);
        (*buf).st_mode = mode;
        (*buf).st_nlink = 1;
        (*buf).st_dev = dev;
        (*buf).st_ino = ino;
        (*buf).st_blksize = 1024;
    }
    0
}

/// The inode standing for a namespace.
/// Above 32 bits, where nsfs (whose inode numbers are 32-bit proc inums)
/// never is: a made-up namespace never equals a real one.
fn ns_inode(id: iplab::stack::NsId) -> libc::ino_t {
    (1 << 32) + libc::ino_t::from(id.0)
}

fn path_hook(path: *const c_char, buf: *mut libc::stat) -> Option<c_int> {
    let p = c_str(path)?;
    let sysctl = p.starts_with("/proc/sys/net");
    let named = match netns::classify(p) {
        Path::Named(name) if !name.is_empty() && !name.contains('/') => Some(name),
        _ => None,
    };
    let sys = match crate::sysfs::classify(p) {
        Some(crate::sysfs::SysPath::Elsewhere) | None => None,
        Some(sp) => Some(sp),
    };
    if !sysctl && named.is_none() && sys.is_none() {
        return None;
    }
    hook(-1, || {
        if let Some(sp) = &sys {
            let mode = shim::with(|s| {
                let w = s.world()?;
                let id = s.current_ns(&w)?;
                w.with_net(|n| n.ns(id).ok_or(Fail(libc::ENOENT)).and_then(|ns| crate::sysfs::mode(ns, sp)))
            });
            return Some(match mode {
                Ok(mode) => fill(buf, mode, 0, 0),
                Err(Fail(e)) => fail(e),
            });
        }
        if let Some(r) = sysctl_hooks::stat_mode(p) {
            return Some(match r {
                Ok(mode) => fill(buf, mode, 0, 0),
                Err(Fail(e)) => fail(e),
            });
        }
        // A named namespace the world has; others (the file `ip netns add`
        // creates before it binds) are the real file's business.
        let name = named?;
        let id = shim::with(|s| s.locked(|_, w| Ok(w.netns(name)))).ok().flatten()?;
        Some(fill(buf, libc::S_IFREG | 0o444, NSFS_DEV, ns_inode(id)))
    })
}

fn fd_hook(fd: c_int, buf: *mut libc::stat) -> Option<c_int> {
    if !is_marked(fd) {
        return None;
    }
    hook(-1, || {
        let id = shim::with(|s| s.ns_fds.get(&fd).copied())?;
        Some(fill(buf, libc::S_IFREG | 0o444, NSFS_DEV, ns_inode(id)))
    })
}

#[unsafe(no_mangle)]
/// stat(2).
pub unsafe extern "C" fn stat(path: *const c_char, buf: *mut libc::stat) -> c_int {
    path_hook(path, buf).unwrap_or_else(|| unsafe { real::stat(path, buf) })
}

#[unsafe(no_mangle)]
/// stat64(2) (the same struct on 64-bit Linux).
pub unsafe extern "C" fn stat64(path: *const c_char, buf: *mut libc::stat) -> c_int {
    path_hook(path, buf).unwrap_or_else(|| unsafe { real::stat64(path, buf) })
}

#[unsafe(no_mangle)]
/// lstat(2): the made-up files are no links.
pub unsafe extern "C" fn lstat(path: *const c_char, buf: *mut libc::stat) -> c_int {
    path_hook(path, buf).unwrap_or_else(|| unsafe { real::lstat(path, buf) })
}

#[unsafe(no_mangle)]
/// lstat64(2).
pub unsafe extern "C" fn lstat64(path: *const c_char, buf: *mut libc::stat) -> c_int {
    path_hook(path, buf).unwrap_or_else(|| unsafe { real::lstat64(path, buf) })
}

#[unsafe(no_mangle)]
/// fstat(2).
pub unsafe extern "C" fn fstat(fd: c_int, buf: *mut libc::stat) -> c_int {
    fd_hook(fd, buf).unwrap_or_else(|| unsafe { real::fstat(fd, buf) })
}

#[unsafe(no_mangle)]
/// fstat64(2).
pub unsafe extern "C" fn fstat64(fd: c_int, buf: *mut libc::stat) -> c_int {
    fd_hook(fd, buf).unwrap_or_else(|| unsafe { real::fstat64(fd, buf) })
}

#[unsafe(no_mangle)]
/// statx(2) (what coreutils use): the made-up files as `stat` reports them.
pub unsafe extern "C" fn statx(dir: c_int, path: *const c_char, flags: c_int, mask: libc::c_uint, buf: *mut libc::statx) -> c_int {
    let absolute = c_str(path).is_some_and(|p| p.starts_with('/'));
    if absolute && !buf.is_null() {
        // SAFETY: stat is plain data.
        let mut st: libc::stat = unsafe { std::mem::zeroed() };
        if let Some(r) = path_hook(path, &mut st) {
            if r == 0 {
                // SAFETY: the caller passed room for a struct statx.
                unsafe {
                    std::ptr::write_bytes(buf, 0, 1);
                    (*buf).stx_mask = libc::STATX_BASIC_STATS;
                    (*buf).stx_mode = st.st_mode as u16;
                    (*buf).stx_nlink = 1;
                    (*buf).stx_ino = st.st_ino;
                    (*buf).stx_blksize = 1024;
                    (*buf).stx_dev_major = libc::major(st.st_dev);
                    (*buf).stx_dev_minor = libc::minor(st.st_dev);
                }
            }
            return r;
        }
    }
    unsafe { real::statx(dir, path, flags, mask, buf) }
}
