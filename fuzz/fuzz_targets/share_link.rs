//! The share-link decoder's Rust side: the text `World.restore` gets when
//! the page opens a `#w=...` link. www/src/share.js inflates the link and
//! decodes it as `TextDecoder` does (invalid UTF-8 becomes U+FFFD); then
//! `Snapshot::from_text` checks its end line and `World::restore` replays
//! it. A mutated link fails its checksum, so the operations of a version 2
//! text are also sealed again, as the Share button seals a world's, and
//! restored. Whatever restores must seal and read back to the same
//! operations, and so must the restored world's own link.
#![no_main]

use iplab::World;
use iplab::history::Snapshot;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    restore(&text);
    if let Some(sealed) = sealed_again(&text).filter(|s| *s != text) {
        restore(&sealed);
    }
});

/// Restores the link's text if it holds a world, checking both round trips.
fn restore(text: &str) {
    let Ok(snapshot) = Snapshot::from_text(text) else { return };
    assert_eq!(Snapshot::from_text(&snapshot.to_text()).as_ref(), Ok(&snapshot), "a snapshot must read back from its text");
    let world = World::restore(&snapshot);
    let again = world.snapshot();
    assert_eq!(Snapshot::from_text(&again.to_text()), Ok(again), "a restored world's link must read back");
}

/// A version 2 text's operation lines (between the header and the end
/// line) under a new end line.
fn sealed_again(text: &str) -> Option<String> {
    let body = text.strip_prefix("iplab-snapshot 2\n")?;
    let body = match body.trim_end_matches('\n').rsplit_once('\n') {
        Some((ops, last)) if last.starts_with("end ") => ops,
        _ if body.starts_with("end ") => "",
        _ => body,
    };
    Snapshot::from_text(&format!("iplab-snapshot 1\n{body}\n")).ok().map(|s| s.to_text())
}
