//! Shell lines on a fresh world: every line of the input (at most 32) is
//! run as typed at the prompt. Then the world's snapshot (what a share
//! link holds) must read back from its text to the same operations.
#![no_main]

use iplab::World;
use iplab::history::Snapshot;
use iplab::output::Output;
use iplab::shell::Shell;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    for line in text.lines().take(32) {
        let mut out = Output::new();
        let _ = shell.run_line(line, &mut out);
        if shell.exited() {
            break;
        }
    }
    let snapshot = world.snapshot();
    assert_eq!(Snapshot::from_text(&snapshot.to_text()), Ok(snapshot), "a world's snapshot must read back");
});
