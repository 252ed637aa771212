//! `/proc/sys/net` of the world: `stat` and `fopen` of a path under it are
//! answered from the current namespace's sysctls (what procps `sysctl` does
//! to read and write a key), every other path goes to libc.

use libc::{c_char, c_int, c_void, size_t, ssize_t};

use std::collections::HashMap;
use std::sync::Mutex;

use crate::guard::{c_str, fail, hook, mark, set_errno};
use crate::real;
use crate::shim::{self, Fail};

const ROOT: &str = "/proc/sys/net";

/// The sysctl key of a `/proc/sys/net` path (`net.ipv4.conf.v0.forwarding`),
/// None for any other path.
pub fn key_of(path: &str) -> Option<String> {
    let rest = path.strip_prefix(ROOT)?;
    if !(rest.is_empty() || rest.starts_with('/')) {
        return None;
    }
    let parts: Vec<&str> = std::iter::once("net").chain(rest.split('/').filter(|p| !p.is_empty())).collect();
    Some(parts.join("."))
}

/// What a key names in the world: a value (file), a directory of keys, or nothing.
enum Node {
    File,
    Dir,
    /// A write-only trigger (mode 0200): writes are accepted and change nothing.
    Trigger,
}

/// The route cache flush triggers (`ip route flush cache` writes them);
/// Linux 6.x has no route cache left for them to flush.
const TRIGGERS: [&str; 2] = ["net.ipv4.route.flush", "net.ipv6.route.flush"];

fn lookup(key: &str) -> Result<Node, Fail> {
    if TRIGGERS.contains(&key) {
        return Ok(Node::Trigger);
    }
    shim::with(|s| {
        s.sysctl(|w| {
            use iplab::host::Host;
            if w.sysctl_get(key).is_ok() {
                return Ok(Node::File);
            }
            let prefix = format!("{key}.");
            if w.sysctl_keys().iter().any(|k| k.starts_with(&prefix)) {
                return Ok(Node::Dir);
            }
            Err(iplab::errno::Errno::ENOENT)
        })
    })
}

/// The file mode of a `/proc/sys/net` path (call inside a hook): None for
/// other paths, the errno when the world has no such key.
pub fn stat_mode(path: &str) -> Option<Result<libc::mode_t, Fail>> {
    let key = key_of(path)?;
    Some(lookup(&key).map(|n| match n {
        Node::File => libc::S_IFREG | 0o644,
        Node::Dir => libc::S_IFDIR | 0o555,
        Node::Trigger => libc::S_IFREG | 0o200,
    }))
}

#[unsafe(no_mangle)]
/// realpath(3): a `/proc/sys/net` path that names a key is its own real
/// path (procps `sysctl` checks that a key does not lead elsewhere).
pub unsafe extern "C" fn realpath(path: *const c_char, resolved: *mut c_char) -> *mut c_char {
    let ours = c_str(path).and_then(|p| {
        let key = key_of(p)?;
        if p.contains("/../") || p.contains("/./") || p.contains("//") {
            return None;
        }
        hook(std::ptr::null_mut(), || {
            Some(match lookup(&key) {
                Ok(_) => copy_path(p, resolved),
                Err(Fail(e)) => fail_ptr_c(e),
            })
        })
    });
    ours.unwrap_or_else(|| unsafe { real::realpath(path, resolved) })
}

/// `path` into `resolved` (PATH_MAX bytes), or into a malloc'd copy when null.
fn copy_path(path: &str, resolved: *mut c_char) -> *mut c_char {
    let bytes = path.trim_end_matches('/').as_bytes();
    if bytes.len() + 1 > libc::PATH_MAX as usize {
        return fail_ptr_c(libc::ENAMETOOLONG);
    }
    let out = if resolved.is_null() {
        // SAFETY: a plain allocation the caller frees.
        unsafe { libc::malloc(bytes.len() + 1).cast::<c_char>() }
    } else {
        resolved
    };
    if out.is_null() {
        return fail_ptr_c(libc::ENOMEM);
    }
    // SAFETY: `out` has room for the path and its NUL.
    unsafe {
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), out.cast::<u8>(), bytes.len());
        *out.add(bytes.len()) = 0;
    }
    out
}

fn fail_ptr_c(e: c_int) -> *mut c_char {
    set_errno(e);
    std::ptr::null_mut()
}

/// An open `/proc/sys/net` file: the value read at open, or the key a write sets.
struct SysFile {
    key: String,
    data: Vec<u8>,
    pos: usize,
}

unsafe extern "C" fn cookie_read(cookie: *mut c_void, buf: *mut c_char, size: size_t) -> ssize_t {
    // SAFETY: the cookie is the SysFile this module boxed in fopen.
    let f = unsafe { &mut *cookie.cast::<SysFile>() };
    let rest = f.data.get(f.pos..).unwrap_or_default();
    let n = rest.len().min(size);
    // SAFETY: stdio passed a buffer of `size` bytes.
    unsafe { std::ptr::copy_nonoverlapping(rest.as_ptr(), buf.cast::<u8>(), n) };
    f.pos += n;
    n as ssize_t
}

/// Every write sets the key, as a write(2) to the proc file does.
unsafe extern "C" fn cookie_write(cookie: *mut c_void, buf: *const c_char, size: size_t) -> ssize_t {
    // SAFETY: as in cookie_read.
    let f = unsafe { &mut *cookie.cast::<SysFile>() };
    // SAFETY: stdio passed `size` bytes.
    let bytes = unsafe { std::slice::from_raw_parts(buf.cast::<u8>(), size) };
    let value = String::from_utf8_lossy(bytes).into_owned();
    let key = f.key.clone();
    if TRIGGERS.contains(&key.as_str()) {
        return size as ssize_t;
    }
    let out = hook(-1, || {
        let r = shim::with(|s| {
            s.sysctl(|w| {
                use iplab::host::Host;
                w.sysctl_set(&key, &value)
            })
        });
        Some(match r {
            Ok(()) => size as ssize_t,
            Err(Fail(e)) => fail(e),
        })
    });
    out.unwrap_or_else(|| fail(libc::EBUSY))
}

unsafe extern "C" fn cookie_close(cookie: *mut c_void) -> c_int {
    // SAFETY: boxed in fopen, closed once by stdio.
    drop(unsafe { Box::from_raw(cookie.cast::<SysFile>()) });
    0
}

fn fopen_hook(path: *const c_char, mode: *const c_char) -> Option<*mut libc::FILE> {
    let key = key_of(c_str(path)?)?;
    let m = c_str(mode).unwrap_or("r");
    hook(std::ptr::null_mut(), || {
        let writing = m.starts_with('w') || m.starts_with('a') || m.contains('+');
        let data = match lookup(&key) {
            Ok(Node::File) if writing => Vec::new(),
            Ok(Node::File) => match shim::with(|s| {
                s.sysctl(|w| {
                    use iplab::host::Host;
                    w.sysctl_get(&key)
                })
            }) {
                Ok(v) => format!("{v}\n").into_bytes(),
                Err(Fail(e)) => return Some(fail_ptr(e)),
            },
            Ok(Node::Dir) => return Some(fail_ptr(libc::EISDIR)),
            Ok(Node::Trigger) if writing => Vec::new(),
            Ok(Node::Trigger) => return Some(fail_ptr(libc::EACCES)),
            Err(Fail(e)) => return Some(fail_ptr(if writing && e == libc::ENOENT { libc::EACCES } else { e })),
        };
        let file = Box::into_raw(Box::new(SysFile { key: key.clone(), data, pos: 0 }));
        let io = CookieIo {
            read: Some(cookie_read),
            write: Some(cookie_write),
            seek: None,
            close: Some(cookie_close),
        };
        // SAFETY: a valid cookie, mode string and function table.
        let fp = unsafe { fopencookie(file.cast(), mode, io) };
        if fp.is_null() {
            // SAFETY: fopencookie did not take the cookie.
            drop(unsafe { Box::from_raw(file) });
        }
        Some(fp)
    })
}

/// glibc's `cookie_io_functions_t` (fopencookie(3)).
#[repr(C)]
struct CookieIo {
    read: Option<unsafe extern "C" fn(*mut c_void, *mut c_char, size_t) -> ssize_t>,
    write: Option<unsafe extern "C" fn(*mut c_void, *const c_char, size_t) -> ssize_t>,
    seek: Option<unsafe extern "C" fn(*mut c_void, *mut i64, c_int) -> c_int>,
    close: Option<unsafe extern "C" fn(*mut c_void) -> c_int>,
}

unsafe extern "C" {
    fn fopencookie(cookie: *mut c_void, mode: *const c_char, io: CookieIo) -> *mut libc::FILE;
}

fn fail_ptr(e: c_int) -> *mut libc::FILE {
    set_errno(e);
    std::ptr::null_mut()
}

#[unsafe(no_mangle)]
/// fopen(3).
pub unsafe extern "C" fn fopen(path: *const c_char, mode: *const c_char) -> *mut libc::FILE {
    fopen_hook(path, mode).unwrap_or_else(|| unsafe { real::fopen(path, mode) })
}

#[unsafe(no_mangle)]
/// fopen64(3).
pub unsafe extern "C" fn fopen64(path: *const c_char, mode: *const c_char) -> *mut libc::FILE {
    fopen_hook(path, mode).unwrap_or_else(|| unsafe { real::fopen64(path, mode) })
}

/// Descriptors opened for writing a key: each write(2) sets it.
static WRITERS: Mutex<Option<HashMap<c_int, String>>> = Mutex::new(None);

fn writers<R>(f: impl FnOnce(&mut HashMap<c_int, String>) -> R) -> R {
    let mut g = WRITERS.lock().unwrap_or_else(|e| e.into_inner());
    f(g.get_or_insert_with(HashMap::new))
}

/// `open` of a `/proc/sys/net` path (call inside a hook): a memory file
/// holding the value for reading, or one whose writes set the key. None for
/// other paths.
pub fn open(path: &str, flags: c_int) -> Option<Result<c_int, Fail>> {
    let key = key_of(path)?;
    Some(open_key(&key, flags))
}

fn open_key(key: &str, flags: c_int) -> Result<c_int, Fail> {
    let writing = flags & libc::O_ACCMODE != libc::O_RDONLY;
    let text = match lookup(key) {
        Ok(Node::File) if writing => String::new(),
        Ok(Node::File) => shim::with(|s| {
            s.sysctl(|w| {
                use iplab::host::Host;
                w.sysctl_get(key)
            })
        })? + "\n",
        Ok(Node::Dir) => return Err(Fail(libc::EISDIR)),
        Ok(Node::Trigger) if writing => String::new(),
        Ok(Node::Trigger) => return Err(Fail(libc::EACCES)),
        Err(Fail(e)) => return Err(Fail(if writing && e == libc::ENOENT { libc::EACCES } else { e })),
    };
    let cloexec = if flags & libc::O_CLOEXEC != 0 { libc::MFD_CLOEXEC } else { 0 };
    // SAFETY: a NUL-terminated name.
    let fd = unsafe { libc::memfd_create(c"iplab-sysctl".as_ptr(), cloexec) };
    if fd < 0 {
        return Err(Fail(crate::guard::errno()));
    }
    if !text.is_empty() {
        // SAFETY: our own descriptor and buffer.
        let n = unsafe { libc::pwrite(fd, text.as_ptr().cast(), text.len(), 0) };
        if n < 0 {
            let e = crate::guard::errno();
            // SAFETY: our own descriptor.
            unsafe { real::close(fd) };
            return Err(Fail(e));
        }
    }
    if writing {
        writers(|w| w.insert(fd, key.to_string()));
        mark(fd, true);
    }
    Ok(fd)
}

/// write(2) on a descriptor opened for writing a key: sets it. None for
/// every other descriptor.
pub fn write(fd: c_int, bytes: &[u8]) -> Option<ssize_t> {
    let key = writers(|w| w.get(&fd).cloned())?;
    if TRIGGERS.contains(&key.as_str()) {
        return Some(bytes.len() as ssize_t);
    }
    let value = String::from_utf8_lossy(bytes).into_owned();
    let r = shim::with(|s| {
        s.sysctl(|w| {
            use iplab::host::Host;
            w.sysctl_set(&key, &value)
        })
    });
    Some(match r {
        Ok(()) => bytes.len() as ssize_t,
        Err(Fail(e)) => fail(e),
    })
}

/// Forgets a closed descriptor.
pub fn forget(fd: c_int) {
    writers(|w| w.remove(&fd));
}

#[cfg(test)]
mod tests {
    use super::key_of;

    #[test]
    fn proc_paths_become_keys() {
        assert_eq!(key_of("/proc/sys/net/ipv4/conf/v0/forwarding").as_deref(), Some("net.ipv4.conf.v0.forwarding"));
        assert_eq!(key_of("/proc/sys/net").as_deref(), Some("net"));
        assert_eq!(key_of("/proc/sys/network"), None);
        assert_eq!(key_of("/proc/sys/kernel/hostname"), None);
    }
}
