//! The libc functions the shim stands in front of, found with
//! `dlsym(RTLD_NEXT)`: everything that is not about a simulated netlink
//! socket or namespace goes straight to them.

use std::sync::atomic::{AtomicUsize, Ordering};

use libc::{c_char, c_int, c_uint, c_ulong, c_void, size_t, sockaddr, socklen_t, ssize_t};

/// What a missing libc function returns (with errno ENOSYS).
pub trait Failure {
    /// The failure value of the return type.
    fn failure() -> Self;
}

impl Failure for c_int {
    fn failure() -> Self {
        -1
    }
}

impl Failure for ssize_t {
    fn failure() -> Self {
        -1
    }
}

impl Failure for c_uint {
    fn failure() -> Self {
        0
    }
}

impl<T> Failure for *mut T {
    fn failure() -> Self {
        std::ptr::null_mut()
    }
}

/// Looks a symbol up in the libraries after this one, once.
fn resolve(cache: &AtomicUsize, name: &'static [u8]) -> usize {
    let mut p = cache.load(Ordering::Relaxed);
    if p == 0 {
        // SAFETY: name is a NUL-terminated literal.
        p = unsafe { libc::dlsym(libc::RTLD_NEXT, name.as_ptr().cast()) } as usize;
        cache.store(p, Ordering::Relaxed);
    }
    p
}

macro_rules! real {
    ($( $name:ident = $sym:literal ( $($a:ident : $t:ty),* ) -> $r:ty ; )*) => { $(
        #[doc = concat!("The next `", $sym, "` (normally libc's).")]
        pub unsafe fn $name($($a: $t),*) -> $r {
            static ADDR: AtomicUsize = AtomicUsize::new(0);
            let p = resolve(&ADDR, concat!($sym, "\0").as_bytes());
            if p == 0 {
                // SAFETY: errno is thread-local and always valid.
                unsafe { *libc::__errno_location() = libc::ENOSYS };
                return <$r as Failure>::failure();
            }
            // SAFETY: the symbol has this C signature (variadic ones are
            // called with their optional argument, as the ABI allows).
            let f: unsafe extern "C" fn($($t),*) -> $r = unsafe { std::mem::transmute(p) };
            unsafe { f($($a),*) }
        }
    )* };
}

real! {
    socket = "socket"(domain: c_int, ty: c_int, proto: c_int) -> c_int;
    socketpair = "socketpair"(domain: c_int, ty: c_int, proto: c_int, sv: *mut c_int) -> c_int;
    bind = "bind"(fd: c_int, addr: *const sockaddr, len: socklen_t) -> c_int;
    connect = "connect"(fd: c_int, addr: *const sockaddr, len: socklen_t) -> c_int;
    getsockname = "getsockname"(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int;
    getpeername = "getpeername"(fd: c_int, addr: *mut sockaddr, len: *mut socklen_t) -> c_int;
    setsockopt = "setsockopt"(fd: c_int, level: c_int, name: c_int, val: *const c_void, len: socklen_t) -> c_int;
    getsockopt = "getsockopt"(fd: c_int, level: c_int, name: c_int, val: *mut c_void, len: *mut socklen_t) -> c_int;
    send = "send"(fd: c_int, buf: *const c_void, n: size_t, flags: c_int) -> ssize_t;
    sendto = "sendto"(fd: c_int, buf: *const c_void, n: size_t, flags: c_int, addr: *const sockaddr, alen: socklen_t) -> ssize_t;
    sendmsg = "sendmsg"(fd: c_int, msg: *const libc::msghdr, flags: c_int) -> ssize_t;
    sendmmsg = "sendmmsg"(fd: c_int, msgs: *mut libc::mmsghdr, n: c_uint, flags: c_int) -> c_int;
    recvmmsg = "recvmmsg"(fd: c_int, msgs: *mut libc::mmsghdr, n: c_uint, flags: c_int, timeout: *mut libc::timespec) -> c_int;
    splice = "splice"(fd_in: c_int, off_in: *mut libc::loff_t, fd_out: c_int, off_out: *mut libc::loff_t, len: size_t, flags: c_uint) -> ssize_t;
    writev = "writev"(fd: c_int, iov: *const libc::iovec, n: c_int) -> ssize_t;
    readv = "readv"(fd: c_int, iov: *const libc::iovec, n: c_int) -> ssize_t;
    recv = "recv"(fd: c_int, buf: *mut c_void, n: size_t, flags: c_int) -> ssize_t;
    recvfrom = "recvfrom"(fd: c_int, buf: *mut c_void, n: size_t, flags: c_int, addr: *mut sockaddr, alen: *mut socklen_t) -> ssize_t;
    recvmsg = "recvmsg"(fd: c_int, msg: *mut libc::msghdr, flags: c_int) -> ssize_t;
    read = "read"(fd: c_int, buf: *mut c_void, n: size_t) -> ssize_t;
    write = "write"(fd: c_int, buf: *const c_void, n: size_t) -> ssize_t;
    close = "close"(fd: c_int) -> c_int;
    dup = "dup"(fd: c_int) -> c_int;
    dup2 = "dup2"(fd: c_int, new: c_int) -> c_int;
    dup3 = "dup3"(fd: c_int, new: c_int, flags: c_int) -> c_int;
    fcntl = "fcntl"(fd: c_int, cmd: c_int, arg: usize) -> c_int;
    fcntl64 = "fcntl64"(fd: c_int, cmd: c_int, arg: usize) -> c_int;
    ioctl = "ioctl"(fd: c_int, req: c_ulong, arg: usize) -> c_int;
    open = "open"(path: *const c_char, flags: c_int, mode: c_uint) -> c_int;
    open64 = "open64"(path: *const c_char, flags: c_int, mode: c_uint) -> c_int;
    openat = "openat"(dir: c_int, path: *const c_char, flags: c_int, mode: c_uint) -> c_int;
    openat64 = "openat64"(dir: c_int, path: *const c_char, flags: c_int, mode: c_uint) -> c_int;
    open_2 = "__open_2"(path: *const c_char, flags: c_int) -> c_int;
    open64_2 = "__open64_2"(path: *const c_char, flags: c_int) -> c_int;
    openat_2 = "__openat_2"(dir: c_int, path: *const c_char, flags: c_int) -> c_int;
    openat64_2 = "__openat64_2"(dir: c_int, path: *const c_char, flags: c_int) -> c_int;
    opendir = "opendir"(path: *const c_char) -> *mut libc::DIR;
    readdir = "readdir"(dir: *mut libc::DIR) -> *mut libc::dirent;
    readdir64 = "readdir64"(dir: *mut libc::DIR) -> *mut libc::dirent64;
    closedir = "closedir"(dir: *mut libc::DIR) -> c_int;
    dirfd = "dirfd"(dir: *mut libc::DIR) -> c_int;
    rewinddir = "rewinddir"(dir: *mut libc::DIR) -> c_int;
    mkdir = "mkdir"(path: *const c_char, mode: libc::mode_t) -> c_int;
    rmdir = "rmdir"(path: *const c_char) -> c_int;
    unlink = "unlink"(path: *const c_char) -> c_int;
    mount = "mount"(src: *const c_char, target: *const c_char, fstype: *const c_char, flags: c_ulong, data: *const c_void) -> c_int;
    umount = "umount"(target: *const c_char) -> c_int;
    umount2 = "umount2"(target: *const c_char, flags: c_int) -> c_int;
    unshare = "unshare"(flags: c_int) -> c_int;
    setns = "setns"(fd: c_int, nstype: c_int) -> c_int;
    if_nametoindex = "if_nametoindex"(name: *const c_char) -> c_uint;
    if_indextoname = "if_indextoname"(index: c_uint, name: *mut c_char) -> *mut c_char;
    if_nameindex = "if_nameindex"() -> *mut libc::if_nameindex;
    if_freenameindex = "if_freenameindex"(p: *mut libc::if_nameindex) -> c_int;
    getifaddrs = "getifaddrs"(ifap: *mut *mut libc::ifaddrs) -> c_int;
    freeifaddrs = "freeifaddrs"(ifa: *mut libc::ifaddrs) -> c_int;
    realpath = "realpath"(path: *const c_char, resolved: *mut c_char) -> *mut c_char;
    stat = "stat"(path: *const c_char, buf: *mut libc::stat) -> c_int;
    stat64 = "stat64"(path: *const c_char, buf: *mut libc::stat) -> c_int;
    lstat = "lstat"(path: *const c_char, buf: *mut libc::stat) -> c_int;
    lstat64 = "lstat64"(path: *const c_char, buf: *mut libc::stat) -> c_int;
    statx = "statx"(dir: c_int, path: *const c_char, flags: c_int, mask: c_uint, buf: *mut libc::statx) -> c_int;
    fstat = "fstat"(fd: c_int, buf: *mut libc::stat) -> c_int;
    fstat64 = "fstat64"(fd: c_int, buf: *mut libc::stat) -> c_int;
    fopen = "fopen"(path: *const c_char, mode: *const c_char) -> *mut libc::FILE;
    fflush = "fflush"(fp: *mut libc::FILE) -> c_int;
    fclose = "fclose"(fp: *mut libc::FILE) -> c_int;
    fopen64 = "fopen64"(path: *const c_char, mode: *const c_char) -> *mut libc::FILE;
}
