//! Safety rails of every hook: a per-thread flag so that the shim's own libc
//! calls pass straight through, panics caught before they reach C, errno
//! helpers, and a lock-free set of the descriptors the shim owns.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

use libc::c_int;

thread_local! {
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// Runs `f` as the shim (its own libc calls are not intercepted), unless the
/// thread already is inside the shim; then None (the caller passes through).
/// A panic inside becomes `on_panic` with errno EIO.
pub fn hook<R>(on_panic: R, f: impl FnOnce() -> Option<R>) -> Option<R> {
    let entered = BUSY
        .try_with(|b| {
            if b.get() {
                false
            } else {
                b.set(true);
                true
            }
        })
        .unwrap_or(false);
    if !entered {
        return None;
    }
    let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    let _ = BUSY.try_with(|b| b.set(false));
    match out {
        Ok(r) => r,
        Err(_) => {
            set_errno(libc::EIO);
            Some(on_panic)
        }
    }
}

/// Sets errno.
pub fn set_errno(e: c_int) {
    // SAFETY: errno is thread-local and always valid.
    unsafe { *libc::__errno_location() = e };
}

/// Reads errno.
pub fn errno() -> c_int {
    // SAFETY: as above.
    unsafe { *libc::__errno_location() }
}

/// Fails with errno `e`: the -1 every hook returns on error.
pub fn fail<T: From<i8>>(e: c_int) -> T {
    set_errno(e);
    T::from(-1)
}

const WORDS: usize = 1024;

/// Descriptors handed out by the shim (netlink sockets, namespace files):
/// one bit per descriptor below 65536, read without taking a lock.
static MARKED: [AtomicU64; WORDS] = [const { AtomicU64::new(0) }; WORDS];

/// Whether a descriptor may belong to the shim (checked exactly under the lock).
pub fn is_marked(fd: c_int) -> bool {
    let Ok(fd) = usize::try_from(fd) else { return false };
    MARKED.get(fd / 64).is_some_and(|w| w.load(Ordering::Relaxed) & (1 << (fd % 64)) != 0)
}

/// Marks or unmarks a descriptor.
pub fn mark(fd: c_int, on: bool) {
    let Ok(fd) = usize::try_from(fd) else { return };
    if let Some(w) = MARKED.get(fd / 64) {
        if on {
            w.fetch_or(1 << (fd % 64), Ordering::Relaxed);
        } else {
            w.fetch_and(!(1 << (fd % 64)), Ordering::Relaxed);
        }
    }
}

/// A C string argument as UTF-8, if it is one.
pub(crate) fn c_str<'a>(p: *const libc::c_char) -> Option<&'a str> {
    if p.is_null() {
        return None;
    }
    // SAFETY: the caller passed a NUL-terminated string.
    unsafe { std::ffi::CStr::from_ptr(p) }.to_str().ok()
}
