//! Snapshot text (what a share link or a saved world holds):
//! `Snapshot::from_text`, then `World::restore`, and the text of the
//! restored world must read back to the same operations.
#![no_main]

use iplab::World;
use iplab::history::Snapshot;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(snapshot) = Snapshot::from_text(text) else { return };
    let world = World::restore(&snapshot);
    let again = Snapshot::from_text(&world.snapshot().to_text());
    assert!(again.is_ok(), "a restored world's snapshot must parse");
});
