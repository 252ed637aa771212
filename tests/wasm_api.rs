//! The JavaScript API inside WebAssembly (wasm-bindgen-test): run under Node
//! by `wasm-bindgen-test-runner`, and in headless Chromium with
//! `WASM_BINDGEN_USE_BROWSER=1` (see scripts/test.sh).
//!
//! Besides the API itself it replays, inside wasm, a sample of the kernel
//! goldens and of the `ip` scenarios recorded from Linux
//! (tests/wasm_sample.json, made by tests/wasm_sample.py).
#![cfg(all(target_arch = "wasm32", feature = "wasm"))]

use iplab::host::SockOpt;
use iplab::output::Output;
use iplab::shell::Shell;
use iplab::wasm::{WasmSocket, WasmWorld};
use iplab::wire::header::HeaderRepr;
use iplab::{Creds, Socket, World};
use js_sys::{Array, JSON, Reflect, Uint8Array};
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

const SAMPLE: &str = include_str!("wasm_sample.json");

fn request(kind: u16, flags: u16, seq: u32, body: &[u8]) -> Vec<u8> {
    let mut m = HeaderRepr { len: (16 + body.len()) as u32, kind, flags, seq, pid: 0 }.to_bytes().to_vec();
    m.extend_from_slice(body);
    m
}

fn getlink_dump(seq: u32) -> Uint8Array {
    Uint8Array::from(request(18, 0x301, seq, &[0u8; 16]).as_slice())
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn messages(arr: &Array) -> Vec<Vec<u8>> {
    arr.iter().map(|m| m.dyn_into::<Uint8Array>().expect("each reply is a Uint8Array").to_vec()).collect()
}

fn error_message(e: JsError) -> String {
    let v: JsValue = e.into();
    assert!(v.is_instance_of::<js_sys::Error>(), "a JS Error");
    get(&v, "message").as_string().unwrap()
}

fn exec(world: &mut WasmWorld, line: &str) -> (String, String, i32) {
    let r = world.exec(JsValue::from_str(line), None).unwrap();
    (get(&r, "stdout").as_string().unwrap(), get(&r, "stderr").as_string().unwrap(), get(&r, "status").as_f64().unwrap() as i32)
}

fn default_socket(world: &WasmWorld) -> WasmSocket {
    world.socket(None).unwrap()
}

#[wasm_bindgen_test]
fn getlink_dump_on_a_fresh_world() {
    let world = WasmWorld::new();
    let sock = default_socket(&world);
    let replies = messages(&sock.send(getlink_dump(4242).into()).unwrap());
    assert_eq!(replies.len(), 2, "lo then NLMSG_DONE");
    let lo = HeaderRepr::parse(&replies[0]).unwrap();
    assert_eq!((lo.kind, lo.seq, lo.pid), (16, 4242, sock.port_id()));
    assert_eq!(lo.flags & 0x2, 0x2, "NLM_F_MULTI");
    assert_eq!(i32::from_ne_bytes(replies[0][20..24].try_into().unwrap()), 1, "ifindex 1");
    assert!(replies[0].windows(3).any(|w| w == b"lo\0"));
    let done = HeaderRepr::parse(&replies[1]).unwrap();
    assert_eq!((done.kind, done.seq, done.pid), (3, 4242, sock.port_id()));
}

#[wasm_bindgen_test]
fn decode_names_what_it_sees() {
    let world = WasmWorld::new();
    let sock = default_socket(&world);
    let replies = sock.send(getlink_dump(7).into()).unwrap();
    let d = world.decode(replies.get(0), None).unwrap();
    let m = Array::from(&get(&d, "messages")).get(0);
    assert_eq!(get(&m, "typeName").as_string().unwrap(), "RTM_NEWLINK");
    assert_eq!(get(&m, "headerName").as_string().unwrap(), "ifinfomsg");
    let attrs = Array::from(&get(&m, "attributes"));
    let name = attrs.iter().find(|a| get(a, "name").as_string().as_deref() == Some("IFLA_IFNAME")).unwrap();
    assert_eq!(get(&name, "value").as_string().unwrap(), "lo");
    let flags = Array::from(&get(&m, "flagNames"));
    assert!(flags.iter().any(|f| f.as_string().as_deref() == Some("NLM_F_MULTI")));
    // The request decodes too, with DUMP named.
    let req = iplab::wasm::decode(getlink_dump(7).into(), None).unwrap();
    let m = Array::from(&get(&req, "messages")).get(0);
    let flags: Vec<String> = Array::from(&get(&m, "flagNames")).iter().filter_map(|f| f.as_string()).collect();
    assert_eq!(flags, ["NLM_F_REQUEST", "NLM_F_DUMP"]);
}

#[wasm_bindgen_test]
fn exec_runs_ip_on_the_same_world_as_the_sockets() {
    let mut world = WasmWorld::new();
    let (out, err, status) = exec(&mut world, "ip link add v0 type veth peer name v1");
    assert_eq!((out.as_str(), err.as_str(), status), ("", "", 0));
    let (json, _, status) = exec(&mut world, "ip -j link");
    assert_eq!(status, 0);
    let links = JSON::parse(&json).expect("ip -j link prints JSON");
    let links = Array::from(&links);
    let names: Vec<String> = links.iter().map(|l| get(&l, "ifname").as_string().unwrap()).collect();
    assert_eq!(names, ["lo", "v1", "v0"]);
    // A socket sees what the shell made.
    let sock = default_socket(&world);
    assert_eq!(sock.send(getlink_dump(1).into()).unwrap().length(), 4);
    // Errors go to stderr with a status, as on Linux.
    let (_, err, status) = exec(&mut world, "ip link add v0 type veth peer name v1");
    assert_eq!(status, 2);
    assert!(err.contains("File exists"), "{err}");
}

#[wasm_bindgen_test]
fn exec_reports_its_netlink_exchanges() {
    let mut world = WasmWorld::new();
    let r = world.exec(JsValue::from_str("ip link add d0 type dummy"), None).unwrap();
    let netlink = Array::from(&get(&r, "netlink"));
    let sent: Vec<HeaderRepr> =
        netlink.iter().map(|x| HeaderRepr::parse(&get(&x, "request").dyn_into::<Uint8Array>().unwrap().to_vec()).unwrap()).collect();
    // iproute2 first probes with an empty RTM_NEWLINK (ENODEV); the last one creates d0.
    let new_link = netlink.iter().zip(&sent).filter(|(_, h)| h.kind == 16).last().expect("an RTM_NEWLINK request");
    let replies = messages(&Array::from(&get(&new_link.0, "replies")));
    assert_eq!(replies.len(), 1, "one reply: the ACK");
    let ack = HeaderRepr::parse(&replies[0]).unwrap();
    assert_eq!((ack.kind, ack.seq), (2, new_link.1.seq));
    assert_eq!(&replies[0][16..20], &[0, 0, 0, 0], "error 0");
    // The next line reports only its own exchanges.
    let r = world.exec(JsValue::from_str("echo hi"), None).unwrap();
    assert_eq!(Array::from(&get(&r, "netlink")).length(), 0);
}

#[wasm_bindgen_test]
fn exec_runs_a_line_in_a_named_namespace() {
    let mut world = WasmWorld::new();
    exec(&mut world, "ip netns add red");
    let opts = JSON::parse(r#"{"netns":"red"}"#).unwrap();
    let r = world.exec(JsValue::from_str("ip link add r0 type dummy"), Some(opts)).unwrap();
    assert_eq!(get(&r, "status").as_f64(), Some(0.0));
    let netlink = Array::from(&get(&r, "netlink"));
    assert!(netlink.iter().all(|x| get(&x, "netns").as_string().as_deref() == Some("red")));
    let (out, _, _) = exec(&mut world, "ip -n red -br link");
    assert!(out.contains("r0"), "{out}");
    let (out, _, _) = exec(&mut world, "ip -br link");
    assert!(!out.contains("r0"), "the session is back in the initial namespace: {out}");
    let opts = JSON::parse(r#"{"netns":"blue"}"#).unwrap();
    let e = world.exec(JsValue::from_str("ip link"), Some(opts)).unwrap_err();
    assert!(error_message(e).contains("blue"));
}

#[wasm_bindgen_test]
fn notifications_reach_group_members() {
    let mut world = WasmWorld::new();
    let opts = JSON::parse(r#"{"groups":["link", 5]}"#).unwrap();
    let sock = world.socket(Some(opts)).unwrap();
    exec(&mut world, "ip link add d0 type dummy");
    let notes = messages(&sock.drain());
    assert!(!notes.is_empty());
    let h = HeaderRepr::parse(&notes[0]).unwrap();
    assert_eq!((h.kind, h.pid), (16, 0));
    assert_eq!(sock.drain().length(), 0, "drain empties the queue");
}

#[wasm_bindgen_test]
fn snapshot_restore_round_trip() {
    let mut world = WasmWorld::new();
    for line in [
        "ip netns add blue",
        "ip link add v0 type veth peer name v1 netns blue",
        "ip addr add 10.0.0.1/24 dev v0",
        "ip link set v0 up",
        "ip addr add 2001:db8::1/64 dev v0",
        "sysctl -w net.ipv4.ip_forward=1",
    ] {
        let (_, err, status) = exec(&mut world, line);
        assert_eq!(status, 0, "{line}: {err}");
    }
    let snap = world.snapshot().unwrap();
    assert_eq!(get(&snap, "version").as_f64(), Some(f64::from(iplab::history::Snapshot::VERSION)));
    // Through JSON, as an application would store it.
    let stored = JSON::stringify(&snap).unwrap();
    let mut again = WasmWorld::restore(JSON::parse(&String::from(stored)).unwrap()).unwrap();
    let snap2 = again.snapshot().unwrap();
    assert_eq!(get(&snap, "text").as_string(), get(&snap2, "text").as_string());
    for line in ["ip -j addr", "ip -j link", "ip netns exec blue ip -j link", "sysctl net.ipv4.ip_forward"] {
        assert_eq!(exec(&mut world, line), exec(&mut again, line), "{line}");
    }
    let t1 = JSON::stringify(&world.topology().unwrap()).unwrap();
    let t2 = JSON::stringify(&again.topology().unwrap()).unwrap();
    assert_eq!(String::from(t1), String::from(t2));
}

#[wasm_bindgen_test]
fn topology_shows_namespaces_peers_and_routes() {
    let mut world = WasmWorld::new();
    exec(&mut world, "ip netns add red");
    exec(&mut world, "ip link add va type veth peer name vb netns red");
    exec(&mut world, "ip addr add 10.1.0.1/24 dev va");
    exec(&mut world, "ip link set va up");
    let t = world.topology().unwrap();
    let nss = Array::from(&get(&t, "namespaces"));
    assert_eq!(nss.length(), 2);
    let root = nss.get(0);
    assert!(get(&root, "name").is_null());
    let a = Array::from(&get(&root, "links")).iter().find(|l| get(l, "name").as_string().as_deref() == Some("va")).unwrap();
    let peer = get(&a, "peer");
    assert_eq!(get(&peer, "name").as_string().unwrap(), "vb");
    assert_eq!(get(&peer, "netnsName").as_string().unwrap(), "red");
    let routes = Array::from(&get(&root, "routes"));
    assert!(routes.iter().any(|r| get(&r, "dst").as_string().as_deref() == Some("10.1.0.0/24")));
}

#[wasm_bindgen_test]
fn bad_input_throws_errors_and_leaves_the_world_usable() {
    let mut world = WasmWorld::new();
    let e = error_message(world.socket(Some(JSON::parse(r#"{"netns":"nope"}"#).unwrap())).err().unwrap());
    assert!(e.contains("nope"), "{e}");
    let e = error_message(world.socket(Some(JsValue::from_str("x"))).err().unwrap());
    assert!(e.contains("options must be an object"), "{e}");
    let e = error_message(world.socket(Some(JSON::parse(r#"{"groups":["nosuch"]}"#).unwrap())).err().unwrap());
    assert!(e.contains("nosuch"), "{e}");
    let e = error_message(world.socket(Some(JSON::parse(r#"{"unprivileged":"yes"}"#).unwrap())).err().unwrap());
    assert!(e.contains("boolean"), "{e}");
    let sock = default_socket(&world);
    let e = error_message(sock.send(JsValue::from_str("hello")).err().unwrap());
    assert!(e.contains("Uint8Array"), "{e}");
    let e = error_message(sock.send(JsValue::from_f64(3.0)).err().unwrap());
    assert!(e.contains("Uint8Array"), "{e}");
    let e = error_message(world.exec(JsValue::from_f64(5.0), None).err().unwrap());
    assert!(e.contains("string"), "{e}");
    let e = error_message(WasmWorld::restore(JsValue::from_str("garbage")).err().unwrap());
    assert!(e.contains("snapshot"), "{e}");
    let e = error_message(WasmWorld::restore(JSON::parse(r#"{"version":99,"text":""}"#).unwrap()).err().unwrap());
    assert!(e.contains("version"), "{e}");
    let e = error_message(world.decode(Uint8Array::from(&[1u8, 2, 3][..]).into(), None).err().unwrap());
    assert!(e.contains("header"), "{e}");
    // Garbage bytes on a socket are the kernel's business: a netlink error
    // reply or silence, never a trap.
    let mut seed = 99u32;
    for n in 0..300usize {
        let mut buf: Vec<u8> = (0..16 + n % 64)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 17;
                seed ^= seed << 5;
                seed as u8
            })
            .collect();
        let len = buf.len() as u32;
        if n % 2 == 0 {
            buf[..4].copy_from_slice(&len.to_ne_bytes());
        }
        let replies = sock.send(Uint8Array::from(buf.as_slice()).into()).unwrap();
        for r in replies.iter() {
            let _ = world.decode(r, None);
        }
    }
    // Still a working world.
    let (_, _, status) = exec(&mut world, "ip link add d1 type dummy");
    assert_eq!(status, 0);
    assert_eq!(default_socket(&world).send(getlink_dump(5).into()).unwrap().length(), 3);
}

// ---- the sample of Linux recordings -------------------------------------

/// The fields that differ between two runs on Linux (see tests/netlink_goldens.rs).
const MASKS: &[(&[u16], &[u16], Option<(usize, usize)>)] = &[
    (&[16, 17], &[7], None),
    (&[16, 17], &[23], None),
    (&[16, 17], &[26, 10, 5], Some((4, 12))),
    (&[16, 17], &[26, 10, 3], None),
    (&[16, 17], &[26, 10, 6], None),
    (&[20, 21], &[6], Some((8, 16))),
    (&[24, 25], &[12], None),
    (&[28, 29], &[3], Some((0, 12))),
];

fn mask_attrs(buf: &mut [u8], path: &[u16], range: Option<(usize, usize)>) {
    let mut pos = 0;
    while pos + 4 <= buf.len() {
        let len = u16::from_ne_bytes([buf[pos], buf[pos + 1]]) as usize;
        let kind = u16::from_ne_bytes([buf[pos + 2], buf[pos + 3]]) & 0x3fff;
        if len < 4 || pos + len > buf.len() {
            return;
        }
        if kind == path[0] {
            let value = &mut buf[pos + 4..pos + len];
            if path.len() == 1 {
                let (a, b) = range.unwrap_or((0, value.len()));
                let (a, b) = (a.min(value.len()), b.min(value.len()));
                value[a..b].fill(0);
            } else {
                mask_attrs(value, &path[1..], range);
            }
        }
        pos += (len + 3) & !3;
    }
}

fn fixed_len(kind: u16) -> usize {
    match kind {
        16..=19 => 16,
        20..=23 => 8,
        24..=27 | 28..=31 | 32..=35 => 12,
        80..=82 | 88..=90 => 4,
        _ => 0,
    }
}

fn normalise(msg: &[u8], pids: &[(u32, u32)]) -> Vec<u8> {
    let mut m = msg.to_vec();
    let Ok(h) = HeaderRepr::parse(&m) else { return m };
    if let Some((_, ours)) = pids.iter().find(|(theirs, _)| *theirs == h.pid && h.pid != 0) {
        m[12..16].copy_from_slice(&ours.to_ne_bytes());
    }
    let start = (16 + ((fixed_len(h.kind) + 3) & !3)).min(m.len());
    let end = (h.len as usize).min(m.len());
    for (kinds, path, range) in MASKS {
        if kinds.contains(&h.kind) {
            mask_attrs(&mut m[start..end], path, *range);
        }
    }
    m
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len() / 2).map(|i| u8::from_str_radix(&s[2 * i..2 * i + 2], 16).unwrap()).collect()
}

fn open_socket(world: &World, spec: &Value) -> Socket {
    let privileged = spec["privileged"].as_bool().unwrap_or(true);
    let sock = world.socket(world.initial_ns(), if privileged { Creds::ROOT } else { Creds::USER }).unwrap();
    let flag = |k: &str| spec[k].as_bool().unwrap_or(false);
    sock.set_option(SockOpt::ExtAck(flag("ext_ack"))).unwrap();
    sock.set_option(SockOpt::CapAck(flag("cap_ack"))).unwrap();
    sock.set_option(SockOpt::StrictCheck(flag("strict_chk"))).unwrap();
    sock.set_option(SockOpt::BindGroups(spec["groups"].as_u64().unwrap_or(0) as u32)).unwrap();
    for g in spec["memberships"].as_array().into_iter().flatten() {
        sock.set_option(SockOpt::AddMembership(g.as_u64().unwrap_or(0) as u32)).unwrap();
    }
    sock
}

#[wasm_bindgen_test]
fn kernel_goldens_sample_replays_in_wasm() {
    let doc: Value = serde_json::from_str(SAMPLE).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let world = World::new();
        let specs = case["sockets"].as_array().cloned().unwrap_or_default();
        let mut sockets: Vec<Option<Socket>> = specs.iter().map(|_| None).collect();
        let mut pids = Vec::new();
        for (i, step) in case["steps"].as_array().unwrap().iter().enumerate() {
            for (k, spec) in specs.iter().enumerate() {
                if sockets[k].is_none() && spec["opened_at_step"].as_u64().unwrap_or(0) as usize <= i {
                    let sock = open_socket(&world, spec);
                    pids.push((spec["port_id"].as_u64().unwrap_or(0) as u32, sock.port_id()));
                    sockets[k] = Some(sock);
                }
            }
            let sock = sockets[step["socket"].as_u64().unwrap_or(0) as usize].as_ref().unwrap();
            let (expected, actual) = match step["request"].as_str() {
                Some(req) => (&step["replies"], sock.send(&unhex(req))),
                None => (&step["drain"], sock.drain()),
            };
            let expected: Vec<Vec<u8>> =
                expected.as_array().unwrap().iter().map(|h| normalise(&unhex(h.as_str().unwrap()), &pids)).collect();
            let actual: Vec<Vec<u8>> = actual.iter().map(|m| normalise(m, &[])).collect();
            assert_eq!(expected, actual, "{name}: step {i}");
        }
    }
}

#[wasm_bindgen_test]
fn ip_scenarios_sample_matches_linux_in_wasm() {
    let doc: Value = serde_json::from_str(SAMPLE).unwrap();
    let scenarios = doc["scenarios"].as_array().unwrap();
    assert!(scenarios.len() >= 10);
    for sc in scenarios {
        let name = sc["name"].as_str().unwrap();
        let mut shell = Shell::new(Box::new(World::new()));
        let mut got = String::new();
        for line in sc["script"].as_str().unwrap().lines() {
            let t = line.trim();
            if t.is_empty() || t.starts_with('#') {
                continue;
            }
            got.push_str(&format!("$ {line}\n"));
            let mut o = Output::new();
            let status = shell.run_line(line, &mut o);
            got.push_str(&o.combined());
            if status != 0 {
                got.push_str(&format!("[exit {status}]\n"));
            }
        }
        assert_eq!(got, sc["expected"].as_str().unwrap(), "scenario {name}");
    }
}
