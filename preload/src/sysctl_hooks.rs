//! `/proc/sys/net` of the world: `stat` and `fopen` of a path under it are
//! answered from the current namespace's sysctls (what procps `sysctl` does
//! to read and write a key), every other path goes to libc.

use libc::{c_char, c_int, c_void, size_t, ssize_t};

use crate::guard::{c_str, fail, hook, mark, set_errno};
use crate::real;
use crate::shim::{self, Fail, Shim};

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

/// The entries of a `/proc/sys/net` directory (call inside a hook): the
/// next component of every key under it. None for other paths.
pub fn list_dir(path: &str) -> Option<Result<Vec<String>, Fail>> {
    let key = key_of(path)?;
    Some(match lookup(&key) {
        Ok(Node::Dir) => shim::with(|s| {
            s.sysctl(|w| {
                use iplab::host::Host;
                let prefix = format!("{key}.");
                let mut names: Vec<String> = w
                    .sysctl_keys()
                    .iter()
                    .filter_map(|k| k.strip_prefix(&prefix))
                    .map(|rest| rest.split('.').next().unwrap_or(rest).to_string())
                    .collect();
                names.dedup();
                names.sort();
                names.dedup();
                Ok(names)
            })
        }),
        Ok(_) => Err(Fail(libc::ENOTDIR)),
        Err(f) => Err(f),
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
    if let Some(fp) = crate::fs_hooks::fopen_hook(path, mode) {
        return Some(fp);
    }
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
        let io = CookieIo { read: Some(cookie_read), write: Some(cookie_write), seek: None, close: Some(cookie_close) };
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

/// A descriptor opened for writing a key. Each write(2) through the shim
/// sets the key at once (its errno is the write's, as on Linux); bytes that
/// reach the memory file past the shim (glibc's stdio writes with its own
/// internal calls) set it when the stream is flushed or the last descriptor
/// closes.
pub struct SysWriter {
    /// The sysctl key.
    pub key: String,
    /// The shim's own descriptor of the memory file.
    pub own: c_int,
    /// Bytes of the file already applied.
    pub applied: usize,
    /// Application descriptors referring to it.
    pub refs: usize,
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
        Ok(Node::File) => {
            shim::with(|s| {
                s.sysctl(|w| {
                    use iplab::host::Host;
                    w.sysctl_get(key)
                })
            })? + "\n"
        }
        Ok(Node::Dir) => return Err(Fail(libc::EISDIR)),
        Ok(Node::Trigger) if writing => String::new(),
        Ok(Node::Trigger) => return Err(Fail(libc::EACCES)),
        // proc_sys_lookup: a missing key is ENOENT, O_CREAT or not.
        Err(Fail(e)) => return Err(Fail(e)),
    };
    let fd = crate::files::memfile(text.as_bytes(), flags)?;
    if writing {
        // SAFETY: our own descriptor.
        let own = unsafe { real::fcntl(fd, libc::F_DUPFD_CLOEXEC, 3) };
        if own < 0 {
            let e = crate::guard::errno();
            // SAFETY: our own descriptor.
            unsafe { real::close(fd) };
            return Err(Fail(e));
        }
        shim::with(|s| s.add_writer(fd, SysWriter { key: key.to_string(), own, applied: 0, refs: 1 }));
        mark(fd, true);
    }
    Ok(fd)
}

fn file_size(fd: c_int) -> usize {
    // SAFETY: stat is plain data; our own descriptor.
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    if unsafe { real::fstat(fd, &mut st) } != 0 {
        return 0;
    }
    usize::try_from(st.st_size).unwrap_or(0)
}

impl Shim {
    /// Sets `key` to `bytes` as a write to its proc file does.
    fn set_key(&mut self, key: &str, bytes: &[u8]) -> Result<(), Fail> {
        if TRIGGERS.contains(&key) {
            return Ok(());
        }
        let value = String::from_utf8_lossy(bytes).into_owned();
        self.sysctl(|w| {
            use iplab::host::Host;
            w.sysctl_set(key, &value)
        })
    }

    /// write(2) on a descriptor opened for writing a key: sets it, then
    /// keeps the bytes in the memory file. None for other descriptors.
    pub fn write_key(&mut self, fd: c_int, bytes: &[u8]) -> Option<Result<usize, Fail>> {
        let id = *self.writer_fds.get(&fd)?;
        let key = self.writers.get(&id)?.key.clone();
        Some(self.set_key(&key, bytes).map(|()| {
            // SAFETY: the application's descriptor of our memory file.
            unsafe { real::write(fd, bytes.as_ptr().cast(), bytes.len()) };
            if let Some(w) = self.writers.get_mut(&id) {
                w.applied = file_size(w.own);
            }
            bytes.len()
        }))
    }

    /// Applies what reached the memory file behind `fd` past the shim.
    pub fn settle_writer(&mut self, fd: c_int) -> Result<(), Fail> {
        let Some(id) = self.writer_fds.get(&fd).copied() else { return Ok(()) };
        self.settle(id)
    }

    fn settle(&mut self, id: u64) -> Result<(), Fail> {
        let Some(w) = self.writers.get(&id) else { return Ok(()) };
        let (own, key, from) = (w.own, w.key.clone(), w.applied);
        let bytes = crate::files::tail(own, from);
        if let Some(w) = self.writers.get_mut(&id) {
            w.applied = from + bytes.len();
        }
        if bytes.is_empty() { Ok(()) } else { self.set_key(&key, &bytes) }
    }

    /// Applies every writer's pending bytes (at exit).
    pub fn settle_all(&mut self) {
        let ids: Vec<u64> = self.writers.keys().copied().collect();
        for id in ids {
            let _ = self.settle(id);
        }
    }

    /// One application descriptor of a writer closed: with the last one,
    /// what is pending is applied and the memory file goes.
    pub fn drop_writer_fd(&mut self, fd: c_int) {
        let Some(id) = self.writer_fds.remove(&fd) else { return };
        let last = self.writers.get_mut(&id).is_some_and(|w| {
            w.refs = w.refs.saturating_sub(1);
            w.refs == 0
        });
        if last {
            let _ = self.settle(id);
            if let Some(w) = self.writers.remove(&id) {
                // SAFETY: our own descriptor.
                unsafe { real::close(w.own) };
            }
        }
    }

    /// `new` refers to the writer `old` does (dup).
    pub fn dup_writer_fd(&mut self, old: c_int, new: c_int) {
        let Some(id) = self.writer_fds.get(&old).copied() else { return };
        if let Some(w) = self.writers.get_mut(&id) {
            w.refs += 1;
        }
        self.writer_fds.insert(new, id);
    }
}

/// write(2) on a writer descriptor (call inside a hook); None for others.
pub fn write(fd: c_int, bytes: &[u8]) -> Option<ssize_t> {
    shim::with(|s| s.write_key(fd, bytes)).map(|r| match r {
        Ok(n) => n as ssize_t,
        Err(Fail(e)) => fail(e),
    })
}

/// glibc's `_IO_ERR_SEEN`: the error flag of a stream (`ferror`).
const IO_ERR_SEEN: c_int = 0x20;

/// Applies what a stream on a writer descriptor flushed; marks the stream
/// failed (as a failed write(2) would) when the world refuses the value.
/// None when the stream is not on a writer.
fn settle_stream(fp: *mut libc::FILE) -> Option<c_int> {
    if fp.is_null() {
        return None;
    }
    // SAFETY: a stream of the application.
    let fd = unsafe { libc::fileno(fp) };
    if !crate::guard::is_marked(fd) {
        return None;
    }
    hook(libc::EOF, || {
        if !shim::with(|s| s.writer_fds.contains_key(&fd)) {
            return None;
        }
        // SAFETY: as above.
        let flushed = unsafe { real::fflush(fp) };
        Some(match shim::with(|s| s.settle_writer(fd)) {
            Ok(()) => flushed,
            Err(Fail(e)) => {
                // SAFETY: glibc's FILE starts with its int flags.
                unsafe { *fp.cast::<c_int>() |= IO_ERR_SEEN };
                fail(e)
            }
        })
    })
}

#[unsafe(no_mangle)]
/// fflush(3): a stream on a `/proc/sys/net` writer sets the key.
pub unsafe extern "C" fn fflush(fp: *mut libc::FILE) -> c_int {
    settle_stream(fp).unwrap_or_else(|| unsafe { real::fflush(fp) })
}

#[unsafe(no_mangle)]
/// fclose(3): as fflush, then the descriptor is forgotten.
pub unsafe extern "C" fn fclose(fp: *mut libc::FILE) -> c_int {
    let settled = settle_stream(fp);
    if settled.is_some() {
        // SAFETY: a stream of the application.
        let fd = unsafe { libc::fileno(fp) };
        let _ = hook((), || {
            shim::with(|s| s.forget_fd(fd));
            Some(())
        });
    }
    let closed = unsafe { real::fclose(fp) };
    match settled {
        Some(r) if r != 0 => r,
        _ => closed,
    }
}

/// Applies the writers' pending bytes when the process exits.
extern "C" fn at_exit() {
    let _ = hook((), || {
        shim::with(|s| s.settle_all());
        Some(())
    });
}

#[used]
#[unsafe(link_section = ".fini_array")]
static AT_EXIT: extern "C" fn() = at_exit;

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
