//! Shell lines on a fresh world: every line of the input (at most 32) is
//! run as typed at the prompt.
#![no_main]

use iplab::World;
use iplab::output::Output;
use iplab::shell::Shell;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut shell = Shell::new(Box::new(World::new()));
    for line in text.lines().take(32) {
        let mut out = Output::new();
        let _ = shell.run_line(line, &mut out);
        if shell.exited() {
            break;
        }
    }
});
