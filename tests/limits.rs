//! Floods: each table a request can grow meets its cap
//! (`iplab::stack::limits`) and answers Linux's errno, and what it holds
//! stops growing. The neighbour cache's numbers were measured on Linux 6.18
//! in a fresh `unshare --net` (`ip -force -batch` with 1100 `neigh add`).

use iplab::stack::limits::Limits;
use iplab::wire::link::{IfInfoRepr, ifla, info, veth_info};
use iplab::wire::neigh::NdMsgRepr;
use iplab::wire::route::RtMsgRepr;
use iplab::wire::{MessageBuilder, NLM_F_ACK, NLM_F_CREATE, NLM_F_EXCL, NLM_F_REQUEST, NLMSG_ERROR, NlaWriter};
use iplab::{Creds, Socket, World};

const NEW: u16 = NLM_F_REQUEST | NLM_F_ACK | NLM_F_CREATE | NLM_F_EXCL;

/// The errno an acknowledgement carries (0 for success).
fn errno(replies: &[Vec<u8>]) -> i32 {
    let ack = replies.iter().find(|r| u16::from_ne_bytes([r[4], r[5]]) == NLMSG_ERROR).expect("an acknowledgement");
    -i32::from_ne_bytes([ack[16], ack[17], ack[18], ack[19]])
}

fn setlink_up(index: i32) -> Vec<u8> {
    let mut b = MessageBuilder::new(16, NLM_F_REQUEST | NLM_F_ACK, 1, 0);
    b.push(&IfInfoRepr { index, flags: 1, change: 1, ..IfInfoRepr::default() }.to_bytes());
    b.finish()
}

fn newlink(name: &str, kind: &str, peer: Option<&str>) -> Vec<u8> {
    let mut b = MessageBuilder::new(16, NEW, 1, 0);
    b.push(&IfInfoRepr::default().to_bytes());
    b.put_str(ifla::IFNAME, name);
    let li = b.begin_nest(ifla::LINKINFO);
    b.put_str(info::KIND, kind);
    if let Some(peer) = peer {
        let d = b.begin_nest(info::DATA);
        let p = b.begin_nest(veth_info::PEER);
        b.push(&IfInfoRepr::default().to_bytes());
        b.put_str(ifla::IFNAME, peer);
        b.end_nest(p);
        b.end_nest(d);
    }
    b.end_nest(li);
    b.finish()
}

fn newaddr(family: u8, index: u32, addr: &[u8], plen: u8) -> Vec<u8> {
    let mut b = MessageBuilder::new(20, NEW, 1, 0);
    b.push(&iplab::wire::addr::IfAddrRepr { family, prefix_len: plen, flags: 0, scope: 0, index }.to_bytes());
    b.put(1, addr);
    b.put(2, addr);
    b.finish()
}

fn newneigh(index: i32, ip: [u8; 4], state: u16) -> Vec<u8> {
    let mut b = MessageBuilder::new(28, NEW, 1, 0);
    b.push(&NdMsgRepr { family: 2, ifindex: index, state, flags: 0, kind: 0 }.to_bytes());
    b.put(1, &ip); // NDA_DST
    if state & 0x20 == 0 {
        b.put(2, &[2, 0, 0, 0, 0, 1]); // NDA_LLADDR
    }
    b.finish()
}

fn newroute(family: u8, dst: &[u8], plen: u8, oif: u32) -> Vec<u8> {
    let mut b = MessageBuilder::new(24, NEW, 1, 0);
    b.push(&RtMsgRepr { family, dst_len: plen, table: 254, protocol: 3, scope: 253, kind: 1, ..RtMsgRepr::default() }.to_bytes());
    b.put(1, dst); // RTA_DST
    b.put(4, &oif.to_ne_bytes()); // RTA_OIF
    b.finish()
}

/// A world whose namespace has `v0` (ifindex 3) up with 10.0.0.1/8.
fn with_device(limits: Option<Limits>) -> (World, Socket) {
    let world = World::new();
    if let Some(l) = limits {
        world.set_limits(l);
    }
    let s = world.socket(world.initial_ns(), Creds::ROOT).unwrap();
    assert_eq!(errno(&s.send(&newlink("v0", "veth", Some("v1")))), 0);
    let v0 = world.with_net(|n| n.ns(world.initial_ns()).unwrap().index_of("v0").unwrap());
    assert_eq!(errno(&s.send(&setlink_up(v0 as i32))), 0);
    assert_eq!(errno(&s.send(&newaddr(2, v0, &[10, 0, 0, 1], 8))), 0);
    (world, s)
}

fn neighbours(world: &World) -> usize {
    world.with_net(|n| n.ns(world.initial_ns()).unwrap().neighbours.len())
}

const NUD_REACHABLE: u16 = 0x02;
const NUD_FAILED: u16 = 0x20;
const NUD_PERMANENT: u16 = 0x80;

#[test]
fn neighbour_flood_stops_at_gc_thresh3_with_enobufs() {
    let (world, s) = with_device(None);
    let v0 = world.with_net(|n| n.ns(world.initial_ns()).unwrap().index_of("v0").unwrap()) as i32;
    let ip = |i: usize| [10, 1, (i / 250) as u8, (i % 250) as u8 + 1];
    // Linux 6.18: REACHABLE entries fresh from a request cannot be
    // collected, so the 1025th is refused with ENOBUFS.
    for i in 0..1024 {
        assert_eq!(errno(&s.send(&newneigh(v0, ip(i), NUD_REACHABLE))), 0, "entry {i}");
    }
    for i in 1024..1100 {
        assert_eq!(errno(&s.send(&newneigh(v0, ip(i), NUD_REACHABLE))), 105, "entry {i}");
    }
    assert_eq!(neighbours(&world), 1024);
    // Permanent entries are outside garbage collection and still go in.
    assert_eq!(errno(&s.send(&newneigh(v0, [10, 2, 0, 1], NUD_PERMANENT))), 0);
    assert_eq!(neighbours(&world), 1025);
}

#[test]
fn forced_gc_drops_failed_entries_down_to_gc_thresh2() {
    let (world, s) = with_device(None);
    let v0 = world.with_net(|n| n.ns(world.initial_ns()).unwrap().index_of("v0").unwrap()) as i32;
    for i in 0..1100usize {
        let ip = [10, 1, (i / 250) as u8, (i % 250) as u8 + 1];
        assert_eq!(errno(&s.send(&newneigh(v0, ip, NUD_FAILED))), 0, "entry {i}");
    }
    // Measured: `ip neigh add ... nud failed` 1100 times leaves 587.
    assert_eq!(neighbours(&world), 587);
}

#[test]
fn permanent_neighbours_meet_their_own_cap() {
    let (world, s) = with_device(Some(Limits { neigh_exempt: 100, ..Limits::default() }));
    let v0 = world.with_net(|n| n.ns(world.initial_ns()).unwrap().index_of("v0").unwrap()) as i32;
    for i in 0..100u8 {
        assert_eq!(errno(&s.send(&newneigh(v0, [10, 3, 0, i], NUD_PERMANENT))), 0);
    }
    assert_eq!(errno(&s.send(&newneigh(v0, [10, 3, 1, 0], NUD_PERMANENT))), 105);
    assert_eq!(neighbours(&world), 100);
}

#[test]
fn route_flood_answers_enobufs_for_ipv4_and_enomem_for_ipv6() {
    let (world, s) = with_device(Some(Limits { routes: 2000, ..Limits::default() }));
    let ns = world.initial_ns();
    let v0 = world.with_net(|n| n.ns(ns).unwrap().index_of("v0").unwrap());
    let (mut ok4, mut refused4) = (0, 0);
    for i in 0..2500u32 {
        match errno(&s.send(&newroute(2, &(0x0b00_0000 + (i << 8)).to_be_bytes(), 24, v0))) {
            0 => ok4 += 1,
            105 => refused4 += 1,
            e => panic!("errno {e}"),
        }
    }
    let count4 = world.with_net(|n| n.ns(ns).unwrap().fib4.route_count());
    assert_eq!(count4, 2000);
    assert!(ok4 > 1900 && refused4 >= 500, "{ok4} added, {refused4} refused");
    let bytes = world.with_net(|n| n.ns(ns).unwrap().fib4.memory_bytes());
    for i in 2500..3000u32 {
        assert_eq!(errno(&s.send(&newroute(2, &(0x0b00_0000 + (i << 8)).to_be_bytes(), 24, v0))), 105);
    }
    assert_eq!(world.with_net(|n| n.ns(ns).unwrap().fib4.memory_bytes()), bytes, "a refused route costs nothing");
    let mut refused6 = 0;
    for i in 0..2500u128 {
        let dst = ((0x2001_0db8u128 << 96) | (i << 64)).to_be_bytes();
        match errno(&s.send(&newroute(10, &dst, 64, v0))) {
            0 => {}
            12 => refused6 += 1,
            e => panic!("errno {e}"),
        }
    }
    assert!(refused6 >= 500, "{refused6} refused");
    assert_eq!(world.with_net(|n| n.ns(ns).unwrap().fib6.route_count()), 2000);
    // Deleting routes makes room again.
    let mut b = MessageBuilder::new(25, NLM_F_REQUEST | NLM_F_ACK, 1, 0);
    b.push(&RtMsgRepr { family: 2, dst_len: 24, table: 254, scope: 253, kind: 1, ..RtMsgRepr::default() }.to_bytes());
    b.put(1, &0x0b00_0000u32.to_be_bytes());
    assert_eq!(errno(&s.send(&b.finish())), 0);
    assert_eq!(errno(&s.send(&newroute(2, &0x0c00_0000u32.to_be_bytes(), 24, v0))), 0);
}

#[test]
fn address_flood_answers_enobufs() {
    let (world, s) = with_device(Some(Limits { addrs: 300, ..Limits::default() }));
    let ns = world.initial_ns();
    let v0 = world.with_net(|n| n.ns(ns).unwrap().index_of("v0").unwrap());
    let held = || world.with_net(|n| n.ns(ns).unwrap().addr_count());
    let start = held();
    for i in 0..(300 - start) as u32 {
        assert_eq!(errno(&s.send(&newaddr(2, v0, &(0x1400_0000 + (i << 8) + 1).to_be_bytes(), 24))), 0, "address {i}");
    }
    assert_eq!(errno(&s.send(&newaddr(2, v0, &[21, 0, 0, 1], 24))), 105);
    let v6 = ((0x2001_0db8u128 << 96) | 1).to_be_bytes();
    assert_eq!(errno(&s.send(&newaddr(10, v0, &v6, 64))), 105);
    assert_eq!(held(), 300);
}

#[test]
fn link_flood_answers_enomem_and_creates_no_half_pair() {
    let (world, s) = with_device(Some(Limits { links: 40, ..Limits::default() }));
    let ns = world.initial_ns();
    let links = || world.with_net(|n| n.ns(ns).unwrap().links.len());
    // lo, v0 and v1 are there.
    let mut made = links();
    while made < 40 {
        assert_eq!(errno(&s.send(&newlink(&format!("d{made}"), "dummy", None))), 0);
        made += 1;
    }
    assert_eq!(errno(&s.send(&newlink("extra", "dummy", None))), 12);
    assert_eq!(links(), 40);
    // With room for one device only, a veth pair is refused whole.
    let mut b = MessageBuilder::new(17, NLM_F_REQUEST | NLM_F_ACK, 1, 0);
    b.push(&IfInfoRepr::default().to_bytes());
    b.put_str(ifla::IFNAME, "d39");
    assert_eq!(errno(&s.send(&b.finish())), 0);
    assert_eq!(errno(&s.send(&newlink("p0", "veth", Some("p1")))), 12);
    assert_eq!(links(), 39);
}

#[test]
fn netlink_socket_flood_answers_enfile() {
    let world = World::new();
    world.set_limits(Limits { netlink_sockets: 50, ..Limits::default() });
    let open: Vec<Socket> = (0..50).map(|_| world.socket(world.initial_ns(), Creds::ROOT).unwrap()).collect();
    assert_eq!(world.socket(world.initial_ns(), Creds::ROOT).err(), Some(iplab::errno::Errno::ENFILE));
    drop(open);
    assert!(world.socket(world.initial_ns(), Creds::ROOT).is_ok(), "closed sockets make room");
}

#[test]
fn namespace_flood_answers_enospc() {
    use iplab::output::Output;
    use iplab::shell::Shell;
    let world = World::new();
    world.set_limits(Limits { namespaces: 10, ..Limits::default() });
    let mut shell = Shell::new(Box::new(world));
    // The first namespace is the one the shell starts in.
    for i in 1..10 {
        let mut o = Output::new();
        assert_eq!(shell.run_line(&format!("ip netns add n{i}"), &mut o), 0, "{}", o.combined());
    }
    let mut o = Output::new();
    assert_ne!(shell.run_line("ip netns add n10", &mut o), 0);
    assert_eq!(o.stderr(), "Failed to create a new network namespace \"n10\": No space left on device\n");
    let mut o = Output::new();
    shell.run_line("ip netns list", &mut o);
    assert_eq!(o.stdout().lines().count(), 9);
}
