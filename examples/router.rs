//! Two hosts and a router, built with the shell and checked with ping, then
//! the same world asked for its routes in netlink bytes:
//!
//! ```sh
//! cargo run --example router
//! ```

use iplab::output::Output;
use iplab::shell::Shell;
use iplab::{Creds, World};

/// The commands a tutorial types to wire h1 — r — h2.
const SETUP: &[&str] = &[
    "ip netns add h1",
    "ip netns add r",
    "ip netns add h2",
    "ip link add v1 netns h1 type veth peer name r1 netns r",
    "ip link add v2 netns h2 type veth peer name r2 netns r",
    "ip -n h1 addr add 10.0.1.2/24 dev v1",
    "ip -n r addr add 10.0.1.1/24 dev r1",
    "ip -n r addr add 10.0.2.1/24 dev r2",
    "ip -n h2 addr add 10.0.2.2/24 dev v2",
    "ip -n h1 link set v1 up",
    "ip -n r link set r1 up",
    "ip -n r link set r2 up",
    "ip -n h2 link set v2 up",
    "ip -n h1 route add default via 10.0.1.1",
    "ip -n h2 route add default via 10.0.2.1",
    "ip netns exec r sysctl -w net.ipv4.ip_forward=1",
];

fn run(shell: &mut Shell, line: &str) -> i32 {
    let mut out = Output::new();
    let status = shell.run_line(line, &mut out);
    print!("$ {line}\n{}", out.combined());
    status
}

fn main() {
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    for line in SETUP {
        assert_eq!(run(&mut shell, line), 0, "{line} failed");
    }
    run(&mut shell, "ip netns exec h1 ping -c 2 10.0.2.2");

    // The same state through the kernel's door: an RTM_GETROUTE dump
    // (type 26, NLM_F_REQUEST | NLM_F_DUMP) in h1, with an empty rtmsg.
    let h1 = world.netns("h1").expect("h1 exists");
    let sock = world.socket(h1, Creds::ROOT).expect("a socket in h1");
    let mut request = Vec::new();
    request.extend_from_slice(&28u32.to_ne_bytes());
    request.extend_from_slice(&26u16.to_ne_bytes());
    request.extend_from_slice(&0x301u16.to_ne_bytes());
    request.extend_from_slice(&[0; 8]);
    request.extend_from_slice(&[2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]); // AF_INET rtmsg
    for reply in sock.send(&request) {
        let kind = u16::from_ne_bytes([reply[4], reply[5]]);
        println!("reply: type {kind}, {} bytes", reply.len());
    }
}
