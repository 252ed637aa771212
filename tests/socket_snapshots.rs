//! A world's background jobs are part of its history: a world restored from
//! a snapshot (the shim's shared world, a saved page) has its listeners
//! again, and not the jobs that had ended.

use iplab::World;
use iplab::history::Snapshot;
use iplab::output::Output;
use iplab::shell::Shell;

fn run(sh: &mut Shell, line: &str) -> String {
    let mut out = Output::new();
    sh.run_line(line, &mut out);
    out.combined()
}

const SETUP: &[&str] = &[
    "ip netns add h1",
    "ip netns add h2",
    "ip link add e1 address 02:00:00:00:00:01 netns h1 type veth peer name e2 address 02:00:00:00:00:02 netns h2",
    "ip -n h1 addr add 10.0.0.1/24 dev e1",
    "ip -n h2 addr add 10.0.0.2/24 dev e2",
    "ip -n h1 link set e1 up",
    "ip -n h2 link set e2 up",
];

#[test]
fn a_restored_world_keeps_its_listeners() {
    let world = World::new();
    let mut sh = Shell::new(Box::new(world.clone()));
    for l in SETUP {
        run(&mut sh, l);
    }
    run(&mut sh, "ip netns exec h2 nc -lk 8080 &");
    run(&mut sh, "ip netns exec h2 nc -l 9090 &");
    run(&mut sh, "ip netns exec h2 python3 -m http.server 8000 &");
    run(&mut sh, "kill %2");
    let before = run(&mut sh, "ip netns exec h2 ss -tln");
    assert!(before.contains(":8080") && before.contains(":8000") && !before.contains(":9090"), "{before}");

    // Through the text form, as a file or URL carries it.
    let text = world.snapshot().to_text();
    assert!(text.lines().any(|l| l.starts_with("j ")) && text.lines().any(|l| l == "J 1"), "{text}");
    let snap = Snapshot::from_text(&text).expect("snapshot reads back");
    let restored = World::restore(&snap);
    let mut sh2 = Shell::new(Box::new(restored.clone()));
    assert_eq!(run(&mut sh2, "ip netns exec h2 ss -tln"), before);
    // The listener answers, and its output is the new connection's only.
    assert_eq!(run(&mut sh2, "echo again | ip netns exec h1 nc -N 10.0.0.2 8080"), "again\n");
    let page = run(&mut sh2, "ip netns exec h1 curl -s -o /dev/null -w '%{http_code}\\n' 10.0.0.2:8000");
    assert!(page.starts_with("200\n"), "{page}");
    // Restoring again gives the same world: its history has the same jobs.
    let again = World::restore(&restored.snapshot());
    let mut sh3 = Shell::new(Box::new(again));
    assert_eq!(run(&mut sh3, "ip netns exec h2 ss -tln"), before);
}

/// `ss -s` counts as /proc/net/sockstat does: the namespace's sockets and
/// hashed ones, allocated TCP sockets over the whole machine (the world).
/// Not recorded from Linux: there the allocated count is the host's.
#[test]
fn ss_summary_counts_the_namespace_and_the_machine() {
    let world = World::new();
    let mut sh = Shell::new(Box::new(world));
    for l in SETUP {
        run(&mut sh, l);
    }
    run(&mut sh, "ip netns exec h2 nc -l 8080 &");
    run(&mut sh, "ip netns exec h1 nc 10.0.0.2 8080 &");
    run(&mut sh, "ip netns exec h2 nc -u -l 5353 &");
    let want = "Total: 3\n\
                TCP:   3 (estab 1, closed 1, orphaned 0, timewait 0)\n\
                \n\
                Transport Total     IP        IPv6\n\
                RAW\t  0         0         0        \n\
                UDP\t  1         1         0        \n\
                TCP\t  2         2         0        \n\
                INET\t  3         3         0        \n\
                FRAG\t  0         0         0        \n\
                \n";
    assert_eq!(run(&mut sh, "ip netns exec h2 ss -s"), want);
    // With a table asked for, the table follows.
    let both = run(&mut sh, "ip netns exec h2 ss -s -tn");
    assert!(both.starts_with(want) && both.contains("ESTAB"), "{both}");
}
