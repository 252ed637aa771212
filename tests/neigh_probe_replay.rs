//! A world restored from its snapshot holds what the live one holds after
//! a lookup that is still probing (the timer-driven retries of
//! src/sim/neigh.rs): the same counters, the same entry.

use iplab::World;
use iplab::output::Output;
use iplab::shell::Shell;

fn run(shell: &mut Shell, line: &str) -> String {
    let mut o = Output::new();
    shell.run_line(line, &mut o);
    o.combined()
}

#[test]
fn a_restored_world_has_sent_the_same_probes() {
    let world = World::new();
    let mut live = Shell::new(Box::new(world.clone()));
    let script = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/scenarios/neigh_probe_timer.sh")).expect("scenario");
    for line in script.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        run(&mut live, line);
    }
    let mut restored = Shell::new(Box::new(World::restore(&world.snapshot())));
    for probe in ["ip -n h1 -s link show e1", "ip -n h1 neigh show nud all"] {
        let want = run(&mut live, probe);
        assert!(!probe.contains("-s") || want.contains("84       2"), "{want}");
        assert_eq!(run(&mut restored, probe), want, "{probe}");
    }
}
