//! First end-to-end checks of the socket contract on a fresh world.

use iplab::wire::header::HeaderRepr;
use iplab::wire::{MessageBuilder, NLM_F_ACK, NLM_F_DUMP, NLM_F_MULTI, NLM_F_REQUEST, NLMSG_DONE, NLMSG_ERROR};
use iplab::{Creds, World};

#[test]
fn getlink_dump_on_fresh_world_is_lo_then_done() {
    let world = World::new();
    let sock = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    let mut b = MessageBuilder::new(18, NLM_F_REQUEST | NLM_F_DUMP, 7, 0);
    b.push(&[0u8; 16]);
    let replies = sock.send(&b.finish());
    assert_eq!(replies.len(), 2);
    let h = HeaderRepr::parse(&replies[0]).unwrap();
    assert_eq!((h.kind, h.flags, h.seq, h.pid), (16, NLM_F_MULTI, 7, sock.port_id()));
    let done = HeaderRepr::parse(&replies[1]).unwrap();
    assert_eq!((done.kind, done.len), (NLMSG_DONE, 20));
}

#[test]
fn empty_newlink_probe_gets_enodev() {
    let world = World::new();
    let sock = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    let mut b = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK, 0, 0);
    b.push(&[0u8; 16]);
    let replies = sock.send(&b.finish());
    assert_eq!(replies.len(), 1);
    let h = HeaderRepr::parse(&replies[0]).unwrap();
    assert_eq!(h.kind, NLMSG_ERROR);
    assert_eq!(i32::from_ne_bytes(replies[0][16..20].try_into().unwrap()), -19);
}

fn dump_all(world: &World) -> Vec<Vec<u8>> {
    let sock = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    let mut out = Vec::new();
    for (kind, fixed) in [(18u16, 16usize), (22, 8), (26, 12), (34, 12)] {
        let mut b = MessageBuilder::new(kind, NLM_F_REQUEST | NLM_F_DUMP, 5, 0);
        b.push(&vec![0u8; fixed]);
        for mut m in sock.send(&b.finish()) {
            m[12..16].fill(0); // port ids differ between worlds
            out.push(m);
        }
    }
    out
}

#[test]
fn snapshot_text_round_trip_rebuilds_the_same_state() {
    use iplab::history::Snapshot;
    use iplab::wire::link::{IfInfoRepr, ifla, info};
    use iplab::wire::{NLM_F_CREATE, NLM_F_EXCL, NlaWriter};
    let world = World::new();
    let sock = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    let mut up = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK, 1, 0);
    up.push(&IfInfoRepr { index: 1, flags: 1, change: 1, ..Default::default() }.to_bytes());
    sock.send(&up.finish());
    let mut add = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL, 2, 0);
    add.push(&IfInfoRepr::default().to_bytes());
    add.put_str(ifla::IFNAME, "br0");
    let li = add.begin_nest(ifla::LINKINFO);
    add.put_str(info::KIND, "bridge");
    add.end_nest(li);
    sock.send(&add.finish());
    let before = dump_all(&world);
    assert!(before.len() > 4, "state should hold lo, br0, addresses and routes");
    let text = world.snapshot().to_text();
    let restored = World::restore(&Snapshot::from_text(&text).unwrap());
    assert_eq!(dump_all(&restored), before);
    assert!(Snapshot::from_text("garbage").is_err());
    assert!(Snapshot::from_text("iplab-snapshot 1\nd x 1 zz").is_err());
}

#[test]
fn snapshot_after_ping_restores_neighbours_counters_and_clock() {
    use iplab::history::Snapshot;
    use iplab::output::Output;
    use iplab::shell::Shell;
    let world = World::new();
    let mut shell = Shell::new(Box::new(world.clone()));
    let lines = [
        "ip netns add h1",
        "ip netns add h2",
        "ip link add e1 address 02:00:00:00:01:01 netns h1 type veth peer name e2 address 02:00:00:00:02:01 netns h2",
        "ip -n h1 addr add 10.0.0.1/24 dev e1",
        "ip -n h2 addr add 10.0.0.2/24 dev e2",
        "ip -n h1 link set e1 up",
        "ip -n h2 link set e2 up",
        "ip netns exec h1 ping -c 2 -i 0.2 10.0.0.2",
    ];
    for line in lines {
        let mut o = Output::new();
        assert_eq!(shell.run_line(line, &mut o), 0, "{line}: {}", o.combined());
    }
    let show = |w: &World| {
        let mut sh = Shell::new(Box::new(w.clone()));
        let mut o = Output::new();
        for line in ["ip -n h1 neigh", "ip -n h2 neigh", "ip -n h1 -s link show e1"] {
            sh.run_line(line, &mut o);
        }
        o.combined()
    };
    let before = show(&world);
    assert!(before.contains("10.0.0.2 dev e1 lladdr 02:00:00:00:02:01"), "{before}");
    let text = world.snapshot().to_text();
    let restored = World::restore(&Snapshot::from_text(&text).expect("parses"));
    assert_eq!(restored.snapshot().to_text(), text);
    assert_eq!(show(&restored), before);
}
