//! Helpers of the file hooks: a path as the kernel would walk it (relative
//! paths resolved against the working directory or a directory descriptor,
//! `.` and `..` removed), and memory files holding made-up contents.

use libc::c_int;

use crate::real;
use crate::shim::Fail;

/// `path` made absolute and normalised lexically (None when the base
/// directory cannot be found). `dir` is AT_FDCWD or a directory descriptor.
pub fn absolute(dir: c_int, path: &str) -> Option<String> {
    let base = if path.starts_with('/') {
        String::new()
    } else if dir == libc::AT_FDCWD {
        std::env::current_dir().ok()?.to_str()?.to_string()
    } else {
        std::fs::read_link(format!("/proc/self/fd/{dir}")).ok()?.to_str()?.to_string()
    };
    let mut parts: Vec<&str> = Vec::new();
    for c in base.split('/').chain(path.split('/')) {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            c => parts.push(c),
        }
    }
    Some(format!("/{}", parts.join("/")))
}

/// Whether a path may name something of the network the shim answers for
/// (cheap test before resolving it).
pub fn may_be_network(path: &str) -> bool {
    !path.starts_with('/') || path.starts_with("/proc/sys/net") || path.starts_with("/sys/") || path.starts_with("/dev/net/")
}

/// A memory file holding `contents`, positioned at its start, with the
/// application's O_CLOEXEC.
pub fn memfile(contents: &[u8], flags: c_int) -> Result<c_int, Fail> {
    let cloexec = if flags & libc::O_CLOEXEC != 0 { libc::MFD_CLOEXEC } else { 0 };
    // SAFETY: a NUL-terminated name.
    let fd = unsafe { libc::memfd_create(c"iplab".as_ptr(), cloexec) };
    if fd < 0 {
        return Err(Fail(crate::guard::errno()));
    }
    if !contents.is_empty() {
        // SAFETY: our own descriptor and buffer.
        let n = unsafe { libc::pwrite(fd, contents.as_ptr().cast(), contents.len(), 0) };
        if n < 0 {
            let e = crate::guard::errno();
            // SAFETY: our own descriptor.
            unsafe { real::close(fd) };
            return Err(Fail(e));
        }
    }
    Ok(fd)
}

/// The bytes of a file from `from` to its end (empty on error).
pub fn tail(fd: c_int, from: usize) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0u8; 4096];
    let Ok(mut at) = libc::off_t::try_from(from) else { return out };
    loop {
        // SAFETY: our own buffer.
        let n = unsafe { libc::pread(fd, buf.as_mut_ptr().cast(), buf.len(), at) };
        let Ok(n) = usize::try_from(n) else { return out };
        if n == 0 || out.len() > 1 << 20 {
            return out;
        }
        out.extend_from_slice(&buf[..n]);
        at += n as libc::off_t;
    }
}

#[cfg(test)]
mod tests {
    use super::absolute;

    #[test]
    fn paths_are_normalised() {
        assert_eq!(absolute(libc::AT_FDCWD, "/proc/sys/net/../net/./ipv4//ip_forward").as_deref(), Some("/proc/sys/net/ipv4/ip_forward"));
        assert_eq!(absolute(libc::AT_FDCWD, "/sys/class/net/lo/../../../../..").as_deref(), Some("/"));
    }
}
