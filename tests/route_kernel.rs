//! Route requests replayed against answers recorded from Linux 6.18
//! (tests/route_kernel/golden.json, recorded by tests/route_kernel/record.py
//! from the cases in tests/route_kernel/cases.py): `inet_rtm_getroute` /
//! `inet6_rtm_getroute` answers for output and input lookups, FIB_MATCH,
//! source selection (`inet_select_addr`, `ipv6_dev_get_saddr`), the errnos of
//! blackhole/unreachable/prohibit routes, and `inet_dump_fib` /
//! `inet6_dump_fib` with RTM_F_CLONED. Every reply must match byte for byte
//! after the masks of tests/support/replay.rs.

mod support;

use serde_json::Value;
use support::replay::run_case;

#[test]
fn route_requests_match_linux() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/route_kernel/golden.json");
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut failures = Vec::new();
    for case in doc["cases"].as_array().into_iter().flatten() {
        if let Err(e) = run_case(case) {
            failures.push(e);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}
