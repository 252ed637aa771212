//! TCP through the packet walk: 1 MB from `nc` to `nc -l` across three
//! routers, and 10,000 short connections (`nc -z` to `nc -lk`), on the
//! virtual clock. Prints the wall time per data segment and per connection.
//!
//! Run with `cargo bench --bench sockets`.

use std::time::Instant;

use iplab::World;
use iplab::host::Host;
use iplab::output::Output;
use iplab::shell::Shell;

/// h1 - r1 - r2 - r3 - h2, each link a /24, the routers forwarding.
fn chain() -> World {
    let world = World::without_history();
    let mut sh = Shell::new(Box::new(world.clone()));
    let names = ["h1", "r1", "r2", "r3", "h2"];
    let mut lines: Vec<String> = names.iter().map(|n| format!("ip netns add {n}")).collect();
    for i in 0..4 {
        let (a, b) = (names[i], names[i + 1]);
        lines.push(format!("ip link add l{i}a netns {a} type veth peer name l{i}b netns {b}"));
        lines.push(format!("ip -n {a} addr add 10.0.{i}.1/24 dev l{i}a"));
        lines.push(format!("ip -n {b} addr add 10.0.{i}.2/24 dev l{i}b"));
        lines.push(format!("ip -n {a} link set l{i}a up"));
        lines.push(format!("ip -n {b} link set l{i}b up"));
    }
    for (i, r) in ["r1", "r2", "r3"].iter().enumerate() {
        lines.push(format!("ip netns exec {r} sysctl -w net.ipv4.ip_forward=1"));
        lines.push(format!("ip -n {r} route add default via 10.0.{}.2", i + 1));
        if i > 0 {
            lines.push(format!("ip -n {r} route add 10.0.0.0/24 via 10.0.{i}.1"));
        }
    }
    lines.push("ip -n h1 route add default via 10.0.0.2".into());
    lines.push("ip -n h2 route add default via 10.0.3.1".into());
    for l in &lines {
        let mut out = Output::new();
        sh.run_line(l, &mut out);
    }
    world
}

fn main() {
    let mut world = chain();
    let args = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
    world.set_current_netns(Some("h2")).expect("h2");
    world.start_job("nc", &args("-l 8080"), "nc -l 8080").expect("listener");
    world.set_current_netns(Some("h1")).expect("h1");
    let data = vec![b'x'; 1 << 20];
    let mut out = Output::new();
    let t = Instant::now();
    let st = world.run_program_input("nc", &args("-N 10.0.3.2 8080"), &data, &mut out).expect("nc");
    let elapsed = t.elapsed();
    let received = world.job_output().stdout().len();
    assert_eq!((st, received), (0, data.len()), "{}", out.combined());
    let segments = data.len().div_ceil(1448);
    println!(
        "1 MB across three routers: {elapsed:?}, {} µs per data segment ({segments} segments)",
        elapsed.as_micros() as f64 / segments as f64
    );

    let mut world = chain();
    world.set_current_netns(Some("h2")).expect("h2");
    world.start_job("nc", &args("-lk 8080"), "nc -lk 8080").expect("listener");
    world.set_current_netns(Some("h1")).expect("h1");
    let n = 10_000;
    let t = Instant::now();
    for i in 0..n {
        let mut out = Output::new();
        let st = world.run_program("nc", &args("-z 10.0.3.2 8080"), &mut out).expect("nc");
        assert_eq!(st, 0, "connection {i}: {}", out.combined());
        world.job_output();
    }
    let elapsed = t.elapsed();
    println!("{n} short connections: {elapsed:?}, {} µs per connection", elapsed.as_micros() as f64 / n as f64);
}
