//! Replaying recorded kernel exchanges through iplab: the masks for fields
//! that differ between runs of Linux, port-id mapping, sockets opened when
//! the recording opened them, and a readable diff on mismatch. Shared by the
//! golden suites (tests/netlink_goldens.rs, tests/route_kernel.rs).

use iplab::host::SockOpt;
use iplab::wire::header::HeaderRepr;
use iplab::{Creds, Protocol, Socket, World};
use serde_json::Value;

use super::{describe, diff_lines, hex, unhex};

/// A field that legitimately differs between two runs of the same request on
/// Linux, zeroed on both sides before comparing. Each entry says why.
struct Mask {
    /// Message types it applies to.
    kinds: &'static [u16],
    /// Attribute path from the top level (nest types, then the attribute).
    path: &'static [u16],
    /// Byte range inside the attribute value (None: all of it).
    range: Option<(usize, usize)>,
    /// Why it varies.
    _why: &'static str,
}

const MASKS: &[Mask] = &[
    Mask { kinds: &[16, 17], path: &[7], range: None, _why: "IFLA_STATS: counters move with background IPv6 traffic (MLD, RS, DAD)" },
    Mask { kinds: &[16, 17], path: &[23], range: None, _why: "IFLA_STATS64: same counters, 64-bit" },
    Mask {
        kinds: &[16, 17],
        path: &[26, 10, 5],
        range: Some((4, 12)),
        _why: "IFLA_INET6_CACHEINFO: tstamp is boot-relative, reachable_time is random (neigh_rand_reach_time)",
    },
    Mask { kinds: &[16, 17], path: &[26, 10, 3], range: None, _why: "IFLA_INET6_STATS: IPv6 counters move with background traffic" },
    Mask { kinds: &[16, 17], path: &[26, 10, 6], range: None, _why: "IFLA_INET6_ICMP6STATS: ICMPv6 counters move with background traffic" },
    Mask {
        kinds: &[16, 17],
        path: &[18, 2, 19],
        range: None,
        _why: "IFLA_BR_GC_TIMER: time left on a running bridge's garbage-collection timer",
    },
    Mask { kinds: &[20, 21], path: &[6], range: Some((8, 16)), _why: "IFA_CACHEINFO cstamp/tstamp: hundredths of a second since boot" },
    Mask { kinds: &[24, 25], path: &[12], range: None, _why: "RTA_CACHEINFO: lastuse/expires/used are time-based" },
    Mask { kinds: &[28, 29], path: &[3], range: Some((0, 12)), _why: "NDA_CACHEINFO confirmed/used/updated: ticks since events" },
    Mask { kinds: &[116], path: &[13, 2], range: None, _why: "NHA_RES_BUCKET_IDLE_TIME: ticks since the bucket was used or moved" },
    Mask { kinds: &[0xa0f], path: &[2], range: None, _why: "NFTA_GEN_PROC_PID: the pid of the sending process" },
    Mask { kinds: &[0xa09], path: &[19], range: None, _why: "NFTA_SET_TYPE: the set backend's ops address, as text" },
    Mask { kinds: &[0xa0f], path: &[3], range: None, _why: "NFTA_GEN_PROC_NAME: the sending process's name" },
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

/// Applies the masks and rewrites port ids from the recording to ours.
fn normalise(msg: &[u8], pids: &[(u32, u32)]) -> Vec<u8> {
    let mut m = msg.to_vec();
    let Ok(h) = HeaderRepr::parse(&m) else { return m };
    if let Some((_, ours)) = pids.iter().find(|(theirs, _)| *theirs == h.pid && h.pid != 0) {
        m[12..16].copy_from_slice(&ours.to_ne_bytes());
    }
    let fixed = (super::fixed_len(h.kind) + 3) & !3;
    let start = (16 + fixed).min(m.len());
    let end = (h.len as usize).min(m.len());
    for mask in MASKS.iter().filter(|k| k.kinds.contains(&h.kind)) {
        mask_attrs(&mut m[start..end], mask.path, mask.range);
    }
    m
}

fn open_socket(world: &World, spec: &Value) -> Socket {
    let privileged = spec["privileged"].as_bool().unwrap_or(true);
    let protocol = Protocol::from_number(spec["protocol"].as_u64().unwrap_or(0) as u32).unwrap();
    let sock = world.socket_of(world.initial_ns(), if privileged { Creds::ROOT } else { Creds::USER }, protocol).unwrap();
    // The recorder is a Python program: nf_tables names it in NFT_MSG_NEWGEN.
    sock.set_process(1, "python3");
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

/// Runs one recorded case; returns the number of exchanges replayed, or a
/// description of the first mismatch.
pub fn run_case(case: &Value) -> Result<usize, String> {
    let name = case["name"].as_str().unwrap_or("?");
    let world = World::new();
    let specs = case["sockets"].as_array().cloned().unwrap_or_default();
    // Sockets open when the recording opened them (after `opened_at_step` steps).
    let mut sockets: Vec<Option<Socket>> = specs.iter().map(|_| None).collect();
    let mut pids: Vec<(u32, u32)> = Vec::new();
    let mut exchanges = 0;
    for (i, step) in case["steps"].as_array().into_iter().flatten().enumerate() {
        for (k, spec) in specs.iter().enumerate() {
            if sockets[k].is_none() && spec["opened_at_step"].as_u64().unwrap_or(0) as usize <= i {
                let sock = open_socket(&world, spec);
                pids.push((spec["port_id"].as_u64().unwrap_or(0) as u32, sock.port_id()));
                sockets[k] = Some(sock);
            }
        }
        let Some(sock) = sockets.get(step["socket"].as_u64().unwrap_or(0) as usize).and_then(Option::as_ref) else {
            return Err(format!("{name}: step {i} uses a socket that is not open"));
        };
        let (label, expected, actual) = if let Some(req) = step["request"].as_str() {
            exchanges += 1;
            let got = sock.send(&unhex(req));
            ("replies", step["replies"].clone(), got)
        } else {
            ("drain", step["drain"].clone(), sock.drain())
        };
        let expected: Vec<Vec<u8>> = expected.as_array().into_iter().flatten().map(|h| unhex(h.as_str().unwrap_or(""))).collect();
        let exp_n: Vec<Vec<u8>> = expected.iter().map(|m| normalise(m, &pids)).collect();
        let act_n: Vec<Vec<u8>> = actual.iter().map(|m| normalise(m, &[])).collect();
        if exp_n != act_n {
            let lines = |ms: &[Vec<u8>]| -> Vec<String> {
                ms.iter().enumerate().flat_map(|(k, m)| std::iter::once(format!("message {k}")).chain(describe(m))).collect()
            };
            return Err(format!(
                "{name}: step {i} ({label}) differs\n--- expected (kernel) / +++ actual (iplab)\n{}\nrequest: {}",
                diff_lines(&lines(&exp_n), &lines(&act_n)),
                step["request"].as_str().unwrap_or("")
            ));
        }
        // Everything iplab emits must also decode with an independent decoder
        // (the decoder's own limits aside: what the kernel sent byte for byte
        // may fail it too, e.g. an empty IFLA_AF_SPEC in RTM_DELLINK).
        for (m, kernel) in actual.iter().zip(&expected) {
            if decodes_independently(kernel).is_err() {
                continue;
            }
            decodes_independently(m).map_err(|e| format!("{name}: step {i}: reply does not decode: {e}\n{}", hex(m)))?;
        }
    }
    Ok(exchanges)
}

#[cfg(target_os = "linux")]
fn decodes_independently(m: &[u8]) -> Result<(), String> {
    use netlink_packet_core::NetlinkMessage;
    use netlink_packet_route::RouteNetlinkMessage;
    // The crate has no netconf (80-82) or nsid (88-90) messages: those are
    // checked by the byte comparison alone.
    let kind = m.get(4..6).map_or(0, |k| u16::from_ne_bytes([k[0], k[1]]));
    if matches!(kind, 80..=82 | 88..=90) {
        return Ok(());
    }
    NetlinkMessage::<RouteNetlinkMessage>::deserialize(m).map(|_| ()).map_err(|e| e.to_string())
}

#[cfg(not(target_os = "linux"))]
fn decodes_independently(_m: &[u8]) -> Result<(), String> {
    Ok(())
}
