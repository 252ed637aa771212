//! VRF strict mode and `ip vrf exec|identify|pids` with VRFs present. The
//! kernel here has no vrf module (its `ip vrf` errors without one are the
//! recorded scenario `vrf_exec_without_module`), so these tests follow the
//! kernel source, drivers/net/vrf.c, and iproute2 6.1's ip/ipvrf.c,
//! citing the function each line follows.

use iplab::World;
use iplab::output::Output;
use iplab::shell::Shell;

/// Runs one line; its status and everything it printed.
fn run(sh: &mut Shell, line: &str) -> (i32, String) {
    let mut o = Output::new();
    let st = sh.run_line(line, &mut o);
    (st, o.combined())
}

fn ok(sh: &mut Shell, line: &str) {
    assert_eq!(run(sh, line), (0, String::new()), "{line}");
}

#[test]
fn strict_mode_gives_each_table_one_vrf() {
    let mut sh = Shell::new(Box::new(World::new()));
    // vrf_netns_init_sysctl / vrf_map_init: per namespace, off.
    assert_eq!(run(&mut sh, "sysctl net.vrf.strict_mode"), (0, "net.vrf.strict_mode = 0\n".into()));
    ok(&mut sh, "ip link add vrf-x type vrf table 10");
    ok(&mut sh, "ip link add vrf-y type vrf table 10");
    // vrf_strict_mode_change: shared_tables != 0 refuses strict mode.
    assert_eq!(
        run(&mut sh, "sysctl -w net.vrf.strict_mode=1"),
        (1, "sysctl: setting key \"net.vrf.strict_mode\": Device or resource busy\n".into())
    );
    assert_eq!(run(&mut sh, "sysctl net.vrf.strict_mode"), (0, "net.vrf.strict_mode = 0\n".into()));
    // vrf_shared_table_handler: proc_dointvec_minmax, 0 to 1.
    assert_eq!(
        run(&mut sh, "sysctl -w net.vrf.strict_mode=2"),
        (1, "sysctl: setting key \"net.vrf.strict_mode\": Invalid argument\n".into())
    );
    // vrf_map_unregister_dev: the table is no longer shared.
    ok(&mut sh, "ip link del vrf-y");
    assert_eq!(run(&mut sh, "sysctl -w net.vrf.strict_mode=1"), (0, "net.vrf.strict_mode = 1\n".into()));
    // vrf_map_register_dev: "Table is used by another VRF", EBUSY; the
    // device is unregistered again.
    assert_eq!(run(&mut sh, "ip link add vrf-y type vrf table 10"), (2, "Error: Table is used by another VRF.\n".into()));
    assert_eq!(run(&mut sh, "ip link show vrf-y"), (1, "Device \"vrf-y\" does not exist.\n".into()));
    ok(&mut sh, "ip link add vrf-z type vrf table 11");
    // Turning it off always succeeds; then tables may be shared again.
    assert_eq!(run(&mut sh, "sysctl -w net.vrf.strict_mode=0"), (0, "net.vrf.strict_mode = 0\n".into()));
    ok(&mut sh, "ip link add vrf-y type vrf table 10");
}

#[test]
fn strict_mode_is_per_namespace() {
    let mut sh = Shell::new(Box::new(World::new()));
    ok(&mut sh, "ip netns add a");
    assert_eq!(run(&mut sh, "sysctl -w net.vrf.strict_mode=1"), (0, "net.vrf.strict_mode = 1\n".into()));
    assert_eq!(run(&mut sh, "ip netns exec a sysctl net.vrf.strict_mode"), (0, "net.vrf.strict_mode = 0\n".into()));
    ok(&mut sh, "ip -n a link add vrf-x type vrf table 10");
    ok(&mut sh, "ip -n a link add vrf-y type vrf table 10");
    ok(&mut sh, "ip link add vrf-x type vrf table 10");
    assert_eq!(run(&mut sh, "ip link add vrf-y type vrf table 10"), (2, "Error: Table is used by another VRF.\n".into()));
}

#[test]
fn vrf_exec_needs_the_bpf_program_the_world_cannot_load() {
    let mut sh = Shell::new(Box::new(World::new()));
    ok(&mut sh, "ip link add blue type vrf table 10");
    ok(&mut sh, "ip link add v0 type veth peer name v1");
    assert_eq!(run(&mut sh, "ip vrf show"), (0, "Name              Table\n-----------------------\nblue                10\n".into()));
    // vrf_switch: name_is_vrf, then vrf_configure_cgroup's prog_load
    // (BPF_PROG_TYPE_CGROUP_SOCK): the world has no bpf system call.
    assert_eq!(
        run(&mut sh, "ip vrf exec blue ping -c 1 10.0.0.2"),
        (255, "Failed to load BPF prog: 'Function not implemented'\nKernel compiled with CGROUP_BPF enabled?\n".into())
    );
    assert_eq!(run(&mut sh, "ip vrf exec v0 true"), (255, "Invalid VRF name\n".into()));
    // ipvrf_pids: a VRF nobody was moved into lists no process.
    assert_eq!(run(&mut sh, "ip vrf pids blue"), (0, String::new()));
    assert_eq!(run(&mut sh, "ip vrf pids v0"), (1, "Invalid VRF name\n".into()));
    // ipvrf_identify: this process is in no VRF's cgroup.
    assert_eq!(run(&mut sh, "ip vrf identify"), (0, String::new()));
}
