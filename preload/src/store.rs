//! The file a world lives in between processes (`IPLAB_STATE`): read whole;
//! a new file replaces it atomically (temporary file + rename), while a
//! growing history is appended in place (a process killed mid-write leaves a
//! file the next one refuses as damaged, not a half-read world); guarded by
//! `flock` on a lock file next to it. Its modification time is the
//! wall-clock instant the world's clock was last brought up to
//! ([`crate::shim`] follows the wall clock from there).

use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::MetadataExt;
use std::os::unix::io::AsRawFd;
use std::path::PathBuf;

/// Identifies one version of the state file (a rename makes a new inode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version {
    dev: u64,
    ino: u64,
    size: u64,
    mtime_ns: i128,
}

impl Version {
    /// The file's modification time: the wall-clock instant the world's
    /// clock was last brought up to.
    pub fn modified(&self) -> std::time::SystemTime {
        let ns = u64::try_from(self.mtime_ns).unwrap_or(0);
        std::time::UNIX_EPOCH + std::time::Duration::from_nanos(ns)
    }

    fn of(m: &std::fs::Metadata) -> Version {
        Version { dev: m.dev(), ino: m.ino(), size: m.size(), mtime_ns: i128::from(m.mtime()) * 1_000_000_000 + i128::from(m.mtime_nsec()) }
    }
}

/// The state file of a world.
#[derive(Debug)]
pub struct Store {
    path: PathBuf,
    lock_path: PathBuf,
}

/// Holds the exclusive lock until dropped.
pub struct Locked {
    _file: File,
}

impl Store {
    /// The store named by `IPLAB_STATE`, if set.
    pub fn from_env() -> Option<Store> {
        let path = PathBuf::from(std::env::var_os("IPLAB_STATE").filter(|v| !v.is_empty())?);
        let mut lock = path.clone().into_os_string();
        lock.push(".lock");
        Some(Store { path, lock_path: PathBuf::from(lock) })
    }

    /// The state file's path.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// Takes the exclusive lock (blocks while another process holds it).
    pub fn lock(&self) -> std::io::Result<Locked> {
        let file = OpenOptions::new().read(true).write(true).create(true).truncate(false).open(&self.lock_path)?;
        loop {
            // SAFETY: a valid descriptor.
            if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
                return Ok(Locked { _file: file });
            }
            let e = std::io::Error::last_os_error();
            if e.kind() != std::io::ErrorKind::Interrupted {
                return Err(e);
            }
        }
    }

    /// The version on disk now (None: no file yet).
    pub fn version(&self) -> Option<Version> {
        std::fs::metadata(&self.path).ok().map(|m| Version::of(&m))
    }

    /// The text and version on disk (None: no file yet).
    pub fn read(&self) -> std::io::Result<Option<(String, Version)>> {
        let mut f = match File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let v = Version::of(&f.metadata()?);
        let mut text = String::new();
        f.read_to_string(&mut text)?;
        Ok(Some((text, v)))
    }

    /// Replaces the file's bytes from `at` on with `tail`, in place (the
    /// caller holds the lock, which every reader takes), its modification
    /// time set to `clock` when given; returns the new version. Saving a
    /// growing history this way costs what it adds, not the whole file.
    pub fn append(&self, at: u64, tail: &str, clock: Option<std::time::SystemTime>) -> std::io::Result<Version> {
        use std::io::{Seek, SeekFrom};
        let mut f = OpenOptions::new().write(true).open(&self.path)?;
        f.seek(SeekFrom::Start(at))?;
        f.write_all(tail.as_bytes())?;
        f.set_len(at + tail.len() as u64)?;
        if let Some(t) = clock {
            f.set_modified(t)?;
        }
        Ok(Version::of(&f.metadata()?))
    }

    /// Replaces the file with `text` (write a temporary file, then rename),
    /// its modification time set to `clock` when given; returns the new
    /// version.
    pub fn write(&self, text: &str, clock: Option<std::time::SystemTime>) -> std::io::Result<Version> {
        let mut tmp = self.path.clone().into_os_string();
        tmp.push(format!(".tmp.{}", std::process::id()));
        let tmp = PathBuf::from(tmp);
        let mut f = File::create(&tmp)?;
        f.write_all(text.as_bytes())?;
        if let Some(t) = clock {
            f.set_modified(t)?;
        }
        let v = f.metadata()?;
        drop(f);
        std::fs::rename(&tmp, &self.path)?;
        Ok(Version::of(&v))
    }
}
