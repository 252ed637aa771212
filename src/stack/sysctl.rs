//! The `net.*` sysctls a namespace has (net/ipv4/devinet.c devconf,
//! net/ipv6/addrconf.c ipv6_devconf), with Linux's defaults, and the one
//! path every write takes: [`write`] for `sysctl -w`, a write to
//! `/proc/sys` and a snapshot's replay; [`apply`] under it, which netlink's
//! per-device settings (IFLA_INET6_ADDR_GEN_MODE) also go through.

use super::Event;
use super::namespace::Namespace;
use crate::errno::Errno;

/// Writes a sysctl as a write to its `/proc/sys` file does: the value must
/// be an integer (`proc_dointvec`), the key must exist, and the key's
/// handler may refuse the value (EINVAL); then [`apply`]. The one entry
/// for live writes (`sysctl -w`, `echo 1 > /proc/sys/...`) and for a
/// snapshot's replay, so both leave the same state.
pub fn write(ns: &mut Namespace, key: &str, value: &str) -> Result<Vec<Event>, Errno> {
    let value = value.trim();
    if crate::text::int::<i64>(value).is_none() {
        return Err(Errno::EINVAL);
    }
    let devs = device_names(ns);
    let devs: Vec<&str> = devs.iter().map(String::as_str).collect();
    if without_in_device(ns, key) {
        return Err(Errno::ENOENT);
    }
    ns.sysctl.get(key, &devs).ok_or(Errno::ENOENT)?;
    if let Some(("ipv6", scope, "addr_gen_mode")) = split_conf(key) {
        // addrconf_sysctl_addr_gen_mode: a known mode; stable privacy on
        // a device needs a stable secret, which none has here.
        match crate::text::int::<u8>(value) {
            Some(0 | 1 | 3) => {}
            Some(2) if scope == "all" || scope == "default" => {}
            _ => return Err(Errno::EINVAL),
        }
    }
    // proc_fib_multipath_hash_seed is a u32 (proc_douintvec); the
    // policies are 0 to 3 (proc_dointvec_minmax).
    if let Some(("ipv6", scope, "mtu")) = split_conf(key) {
        if mtu_refused(ns, scope, value) {
            return Err(Errno::EINVAL);
        }
    }
    let refused = match key {
        "net.ipv4.fib_multipath_hash_seed" => crate::text::int::<u32>(value).is_none(),
        "net.ipv4.fib_multipath_hash_policy" | "net.ipv6.fib_multipath_hash_policy" => {
            !matches!(crate::text::int::<u8>(value), Some(0..=3))
        }
        _ => false,
    };
    if refused {
        return Err(Errno::EINVAL);
    }
    // vrf_shared_table_handler (0 or 1) and vrf_strict_mode_change.
    if key == "net.vrf.strict_mode" {
        match crate::text::int::<u8>(value) {
            Some(1) if !super::l3mdev::strict_mode(ns) && super::l3mdev::shared_tables(ns) => return Err(Errno::EBUSY),
            Some(0 | 1) => {}
            _ => return Err(Errno::EINVAL),
        }
    }
    apply(ns, key, value).ok_or(Errno::ENOENT)
}

/// Stores a sysctl and applies what storing it does, in one place:
/// the `forwarding` switches copy themselves ([`Sysctls::set`]),
/// IPv6 `forwarding` joins or leaves the subnet-router anycast addresses
/// (`dev_forward_change`), `disable_ipv6` tears IPv6 down or configures it again
/// (`addrconf_disable_ipv6`), and `addr_gen_mode` is the device's own
/// setting (`addrconf_sysctl_addr_gen_mode`, the same one
/// IFLA_INET6_ADDR_GEN_MODE sets). `None` when the key does not exist.
pub fn apply(ns: &mut Namespace, key: &str, value: &str) -> Option<Vec<Event>> {
    let devs = device_names(ns);
    let devs: Vec<&str> = devs.iter().map(String::as_str).collect();
    let forwarding_before = ipv6_forwarding(ns, key);
    // brnf_sysctl_call_tables: the br_netfilter switches keep any value
    // but 0 as 1.
    let on = key.starts_with("net.bridge.bridge-nf-") && crate::text::int::<i64>(value.trim()).is_some_and(|v| v != 0);
    let value = if on { "1" } else { value };
    ns.sysctl.set(key, value, &devs)?;
    if !forwarding_before.is_empty() {
        return Some(forward_change(ns, &forwarding_before));
    }
    Some(match split_conf(key) {
        Some(("ipv6", scope, "disable_ipv6")) => disable_ipv6(ns, scope, value),
        Some(("ipv6", scope, "addr_gen_mode")) => {
            addr_gen_mode(ns, scope, value);
            Vec::new()
        }
        Some(("ipv6", dev, "mtu")) => {
            let mtu = crate::text::int::<u32>(value);
            if let (Some(l), Some(mtu)) = (ns.index_of(dev).and_then(|i| ns.link_mut(i)), mtu) {
                l.mtu6 = mtu;
            }
            Vec::new()
        }
        _ => Vec::new(),
    })
}

/// For a write to an IPv6 `forwarding` key of `all` or a device: the
/// devices it covers, with whether each forwarded before it.
fn ipv6_forwarding(ns: &Namespace, key: &str) -> Vec<(u32, bool)> {
    match split_conf(key) {
        Some(("ipv6", scope, "forwarding")) => devices_of(ns, scope).into_iter().map(|i| (i, super::ipv6::forwarding(ns, i))).collect(),
        _ => Vec::new(),
    }
}

/// `addrconf_fixup_forwarding`: each device whose forwarding switched
/// (zero to non-zero or back) runs `dev_forward_change`, in device order
/// for `all` (`addrconf_forward_change`).
fn forward_change(ns: &mut Namespace, before: &[(u32, bool)]) -> Vec<Event> {
    let mut events = Vec::new();
    for &(index, was) in before {
        if super::ipv6::forwarding(ns, index) != was {
            events.extend(super::ipv6::forward_change(ns, index));
        }
    }
    events
}

/// Reads a sysctl of a namespace as its `/proc/sys` file shows it: a
/// device's `net.ipv6.conf.DEV.mtu` is its IPv6 MTU (`idev->cnf.mtu6`,
/// the device's MTU unless written), the rest as stored.
pub fn read(ns: &Namespace, key: &str) -> Option<String> {
    if without_in_device(ns, key) {
        return None;
    }
    if let Some(("ipv6", dev, "mtu")) = split_conf(key) {
        if let Some(l) = ns.index_of(dev).and_then(|i| ns.link(i)) {
            return Some(l.mtu6.to_string());
        }
    }
    if without_in_device(ns, key) {
        return None;
    }
    let devs = device_names(ns);
    let devs: Vec<&str> = devs.iter().map(String::as_str).collect();
    ns.sysctl.get(key, &devs)
}

/// Whether `key` is a `net.ipv4.conf.DEV` setting of a device without an
/// in_device (lo under 68: `inetdev_destroy` unregisters the directory),
/// or a `net.ipv6.conf.DEV` one of a device without an inet6_dev (under
/// 1280: `addrconf_sysctl_unregister`).
pub fn without_in_device(ns: &Namespace, key: &str) -> bool {
    let link = |dev: &str| ns.index_of(dev).and_then(|i| ns.link(i));
    match split_conf(key) {
        Some(("ipv4", dev, _)) => link(dev).is_some_and(|l| l.no_inet4),
        Some(("ipv6", dev, _)) => link(dev).is_some_and(|l| l.no_inet6),
        _ => false,
    }
}

/// `addrconf_sysctl_mtu`: IPv6's MTU on a device runs from 1280 to the
/// device's MTU; `all` and `default` take 1280 and up (measured).
fn mtu_refused(ns: &Namespace, scope: &str, value: &str) -> bool {
    let Some(v) = crate::text::int::<i64>(value) else { return true };
    let max = match ns.index_of(scope).and_then(|i| ns.link(i)) {
        Some(l) => i64::from(l.mtu),
        None => i64::from(i32::MAX),
    };
    v < i64::from(super::ipv6::MIN_MTU) || v > max
}

/// The names of a namespace's devices (the `conf.DEV` keys it has).
fn device_names(ns: &Namespace) -> Vec<String> {
    ns.links.values().map(|l| l.name.clone()).collect()
}

/// The devices a `conf.SCOPE` key covers: none for `default`, every one
/// for `all`, else the one named.
fn devices_of(ns: &Namespace, scope: &str) -> Vec<u32> {
    match scope {
        "default" => Vec::new(),
        "all" => ns.links.keys().copied().collect(),
        dev => ns.index_of(dev).into_iter().collect(),
    }
}

/// `addrconf_disable_ipv6`: setting `disable_ipv6` tears IPv6 down on the
/// devices it covers, and clearing it configures IPv6 again on those that
/// are up.
fn disable_ipv6(ns: &mut Namespace, scope: &str, value: &str) -> Vec<Event> {
    let mut events = Vec::new();
    for index in devices_of(ns, scope) {
        if scope == "all" {
            if let Some(name) = ns.link(index).map(|l| l.name.clone()) {
                let _ = ns.sysctl.set(&format!("net.ipv6.conf.{name}.disable_ipv6"), value, &[name.as_str()]);
            }
        }
        if value != "0" {
            events.extend(super::ipv6::ifdown(ns, index, false));
        } else if ns.link(index).is_some_and(|l| l.is_up()) {
            events.extend(super::ipv6::netdev_up(ns, index));
        }
    }
    events
}

/// `addrconf_sysctl_addr_gen_mode`: a device's key is its address
/// generation mode; `all` sets `default` and every device.
fn addr_gen_mode(ns: &mut Namespace, scope: &str, value: &str) {
    let Some(mode) = crate::text::int::<u8>(value) else { return };
    if scope == "all" {
        let _ = ns.sysctl.set("net.ipv6.conf.default.addr_gen_mode", value, &[]);
    }
    for index in devices_of(ns, scope) {
        let Some(link) = ns.link_mut(index) else { continue };
        link.addr_gen_mode = mode;
        if scope == "all" {
            let name = link.name.clone();
            let _ = ns.sysctl.set(&format!("net.ipv6.conf.{name}.addr_gen_mode"), value, &[name.as_str()]);
        }
    }
}

/// Sysctl values of one namespace: global keys plus per-device
/// `conf.{all,default,DEV}` tables for IPv4 and IPv6.
#[derive(Debug, Clone, Default)]
pub struct Sysctls {
    values: crate::vecmap::VecMap<String, String>,
}

/// A table of settings and their defaults, sorted by name so that a
/// lookup is a binary search ([`default_in`]).
type Defaults = &'static [(&'static str, &'static str)];

/// IPv4 per-device settings and their defaults.
const IPV4_CONF: Defaults = &[
    ("accept_local", "0"),
    ("accept_redirects", "1"),
    ("accept_source_route", "1"),
    ("arp_accept", "0"),
    ("arp_announce", "0"),
    ("arp_evict_nocarrier", "1"),
    ("arp_filter", "0"),
    ("arp_ignore", "0"),
    ("arp_notify", "0"),
    ("bc_forwarding", "0"),
    ("bootp_relay", "0"),
    ("disable_policy", "0"),
    ("disable_xfrm", "0"),
    ("drop_gratuitous_arp", "0"),
    ("drop_unicast_in_l2_multicast", "0"),
    ("force_igmp_version", "0"),
    ("forwarding", "0"),
    ("igmpv2_unsolicited_report_interval", "10000"),
    ("igmpv3_unsolicited_report_interval", "1000"),
    ("ignore_routes_with_linkdown", "0"),
    ("log_martians", "0"),
    ("mc_forwarding", "0"),
    ("medium_id", "0"),
    ("promote_secondaries", "0"),
    ("proxy_arp", "0"),
    ("proxy_arp_pvlan", "0"),
    ("route_localnet", "0"),
    ("rp_filter", "0"),
    ("secure_redirects", "1"),
    ("send_redirects", "1"),
    ("shared_media", "1"),
    ("src_valid_mark", "0"),
    ("tag", "0"),
];

/// IPv6 per-device settings and their defaults.
const IPV6_CONF: Defaults = &[
    ("accept_dad", "1"),
    ("accept_ra", "1"),
    ("accept_ra_defrtr", "1"),
    ("accept_ra_from_local", "0"),
    ("accept_ra_min_hop_limit", "1"),
    ("accept_ra_min_lft", "0"),
    ("accept_ra_mtu", "1"),
    ("accept_ra_pinfo", "1"),
    ("accept_ra_rt_info_max_plen", "0"),
    ("accept_ra_rt_info_min_plen", "0"),
    ("accept_ra_rtr_pref", "1"),
    ("accept_redirects", "1"),
    ("accept_source_route", "0"),
    ("accept_untracked_na", "0"),
    ("addr_gen_mode", "0"),
    ("autoconf", "1"),
    ("dad_transmits", "1"),
    ("disable_ipv6", "0"),
    ("disable_policy", "0"),
    ("drop_unicast_in_l2_multicast", "0"),
    ("drop_unsolicited_na", "0"),
    ("enhanced_dad", "1"),
    ("force_forwarding", "0"),
    ("force_mld_version", "0"),
    ("force_tllao", "0"),
    ("forwarding", "0"),
    ("hop_limit", "64"),
    ("ignore_routes_with_linkdown", "0"),
    ("ioam6_enabled", "0"),
    ("ioam6_id", "65535"),
    ("ioam6_id_wide", "4294967295"),
    ("keep_addr_on_down", "0"),
    ("max_addresses", "16"),
    ("max_desync_factor", "600"),
    ("mldv1_unsolicited_report_interval", "10000"),
    ("mldv2_unsolicited_report_interval", "1000"),
    ("mtu", "1280"),
    ("ndisc_evict_nocarrier", "1"),
    ("ndisc_notify", "0"),
    ("ndisc_tclass", "0"),
    ("optimistic_dad", "0"),
    ("proxy_ndp", "0"),
    ("ra_defrtr_metric", "1024"),
    ("ra_honor_pio_life", "0"),
    ("ra_honor_pio_pflag", "0"),
    ("regen_max_retry", "3"),
    ("regen_min_advance", "2"),
    ("router_probe_interval", "60"),
    ("router_solicitation_delay", "1"),
    ("router_solicitation_interval", "4"),
    ("router_solicitation_max_interval", "3600"),
    ("router_solicitations", "-1"),
    ("rpl_seg_enabled", "0"),
    ("seg6_enabled", "0"),
    ("suppress_frag_ndisc", "1"),
    ("temp_prefered_lft", "86400"),
    ("temp_valid_lft", "604800"),
    ("use_oif_addrs_only", "0"),
    ("use_optimistic", "0"),
    ("use_tempaddr", "0"),
];

/// Global keys and their defaults.
const GLOBAL: Defaults = &[
    // br_netfilter, built in and per namespace (brnf_init_net_sysctl).
    ("net.bridge.bridge-nf-call-arptables", "1"),
    ("net.bridge.bridge-nf-call-ip6tables", "1"),
    ("net.bridge.bridge-nf-call-iptables", "1"),
    ("net.bridge.bridge-nf-filter-pppoe-tagged", "0"),
    ("net.bridge.bridge-nf-filter-vlan-tagged", "0"),
    ("net.bridge.bridge-nf-pass-vlan-input-dev", "0"),
    ("net.ipv4.fib_multipath_hash_policy", "0"),
    ("net.ipv4.fib_multipath_hash_seed", "0"),
    ("net.ipv4.fib_multipath_use_neigh", "0"),
    ("net.ipv4.icmp_echo_ignore_all", "0"),
    ("net.ipv4.icmp_echo_ignore_broadcasts", "1"),
    ("net.ipv4.icmp_msgs_burst", "50"),
    ("net.ipv4.icmp_msgs_per_sec", "1000"),
    ("net.ipv4.icmp_ratelimit", "1000"),
    ("net.ipv4.icmp_ratemask", "6168"),
    ("net.ipv4.ip_default_ttl", "64"),
    ("net.ipv4.ip_forward", "0"),
    ("net.ipv4.nexthop_compat_mode", "1"),
    ("net.ipv6.fib_multipath_hash_policy", "0"),
    ("net.ipv6.icmp.echo_ignore_all", "0"),
    ("net.ipv6.icmp.echo_ignore_anycast", "0"),
    ("net.ipv6.icmp.echo_ignore_multicast", "0"),
    ("net.ipv6.icmp.error_anycast_as_unicast", "0"),
    ("net.ipv6.icmp.ratelimit", "100"),
    ("net.ipv6.icmp.ratemask", "0-1,3-127"),
    ("net.vrf.strict_mode", "0"),
];

/// The default of `key` in a table.
fn default_in(table: Defaults, key: &str) -> Option<&'static str> {
    table.binary_search_by(|(k, _)| (*k).cmp(key)).ok().map(|i| table[i].1)
}

/// The keys of a table.
fn keys_in(table: Defaults) -> impl Iterator<Item = &'static str> {
    table.iter().map(|(k, _)| *k)
}

impl Sysctls {
    /// The value of a key, if the key exists.
    pub fn get(&self, key: &str, devices: &[&str]) -> Option<String> {
        if let Some(v) = self.values.get(key) {
            return Some(v.clone());
        }
        if let Some(d) = default_in(GLOBAL, key) {
            return Some(d.to_string());
        }
        let (family, dev, name) = split_conf(key)?;
        if dev != "all" && dev != "default" && !devices.contains(&dev) {
            return None;
        }
        let table = if family == "ipv4" { IPV4_CONF } else { IPV6_CONF };
        let mut default = default_in(table, name)?;
        // `all`'s own defaults (devinet.c's ipv4_devconf against
        // ipv4_devconf_dflt; addrconf.c's ipv6_devconf against
        // ipv6_devconf_dflt).
        if dev == "all" && matches!((family, name), ("ipv6", "accept_dad") | ("ipv4", "accept_source_route")) {
            default = "0";
        }
        // Loopback's own defaults (loopback_setup, addrconf's lo handling).
        if dev == "lo" {
            default = match (family, name) {
                ("ipv6", "accept_dad") | ("ipv6", "use_tempaddr") => "-1",
                ("ipv4", "disable_xfrm") | ("ipv4", "disable_policy") => "1",
                _ => default,
            };
        }
        // An IPv4 setting a device never set follows conf.default, also
        // when conf.default changes later (devinet_copy_dflt_conf); IPv6
        // copied conf.default when the device came ([`Sysctls::register_device`]).
        if family == "ipv4" && dev != "all" && dev != "default" && dev != "lo" {
            if let Some(v) = self.values.get(&format!("net.{family}.conf.default.{name}")) {
                return Some(v.clone());
            }
        }
        Some(default.to_string())
    }

    /// Sets a key; `None` when the key does not exist.
    pub fn set(&mut self, key: &str, value: &str, devices: &[&str]) -> Option<()> {
        self.get(key, devices)?;
        self.values.insert(key.to_string(), value.to_string());
        // Writing the global switch copies it to `all`, `default` and every
        // device (`inet_forward_change`, `addrconf_fixup_forwarding`).
        let family = match key {
            "net.ipv4.ip_forward" | "net.ipv4.conf.all.forwarding" => Some("ipv4"),
            "net.ipv6.conf.all.forwarding" => Some("ipv6"),
            _ => None,
        };
        if let Some(family) = family {
            if family == "ipv4" {
                self.values.insert("net.ipv4.ip_forward".into(), value.into());
            }
            for dev in ["all", "default"].iter().chain(devices.iter()) {
                self.values.insert(format!("net.{family}.conf.{dev}.forwarding"), value.into());
            }
        }
        Some(())
    }

    /// A device joins the namespace: IPv6 copies `conf.default` into its
    /// settings as they are now (`ipv6_add_dev`; measured: a later change
    /// of `default.hop_limit` leaves an existing device at 64). Its `mtu`
    /// is the device's own ([`read`]).
    pub fn register_device(&mut self, dev: &str) {
        let prefix = "net.ipv6.conf.default.";
        let copied: Vec<(String, String)> = self
            .values
            .iter()
            .filter_map(|(k, v)| {
                k.strip_prefix(prefix).filter(|name| *name != "mtu").map(|name| (format!("net.ipv6.conf.{dev}.{name}"), v.clone()))
            })
            .collect();
        for (k, v) in copied {
            self.values.insert(k, v);
        }
    }

    /// Drops the settings of a device that went away.
    pub fn forget_device(&mut self, dev: &str) {
        let v4 = format!("net.ipv4.conf.{dev}.");
        let v6 = format!("net.ipv6.conf.{dev}.");
        self.values.retain(|k, _| !k.starts_with(&v4) && !k.starts_with(&v6));
    }

    /// Drops a device's IPv4 settings: a new in_device starts from
    /// `conf.default` (`inetdev_init`).
    pub fn forget_ipv4_device(&mut self, dev: &str) {
        let v4 = format!("net.ipv4.conf.{dev}.");
        self.values.retain(|k, _| !k.starts_with(&v4));
    }

    /// Drops a device's IPv6 settings with its inet6_dev; a new one copies
    /// `conf.default` ([`Sysctls::register_device`]).
    pub fn forget_ipv6_device(&mut self, dev: &str) {
        let v6 = format!("net.ipv6.conf.{dev}.");
        self.values.retain(|k, _| !k.starts_with(&v6));
    }

    /// Moves a renamed device's settings to its new name: they live in
    /// the device (`in_dev->cnf`, `idev->cnf`), and the `conf.NAME`
    /// directories are registered again under the new name
    /// (`inetdev_changename`, `addrconf_notify` on NETDEV_CHANGENAME).
    pub fn rename_device(&mut self, old: &str, new: &str) {
        let mut moved = Vec::new();
        for family in ["ipv4", "ipv6"] {
            let prefix = format!("net.{family}.conf.{old}.");
            for (k, v) in self.values.iter() {
                if let Some(name) = k.strip_prefix(prefix.as_str()) {
                    moved.push((format!("net.{family}.conf.{new}.{name}"), v.clone()));
                }
            }
        }
        self.forget_device(old);
        self.forget_device(new);
        for (k, v) in moved {
            self.values.insert(k, v);
        }
    }

    /// Every key, sorted, for the given device names.
    pub fn keys(&self, devices: &[&str]) -> Vec<String> {
        let mut keys: Vec<String> = keys_in(GLOBAL).map(str::to_string).collect();
        let mut devs = vec!["all", "default"];
        devs.extend_from_slice(devices);
        for &(family, table) in &[("ipv4", IPV4_CONF), ("ipv6", IPV6_CONF)] {
            for d in &devs {
                for name in keys_in(table) {
                    keys.push(format!("net.{family}.conf.{d}.{name}"));
                }
            }
        }
        crate::sorting::sort(&mut keys);
        keys
    }

    /// Whether IPv4 secondaries are promoted on a device.
    pub fn promote_secondaries(&self, dev: &str) -> bool {
        // IN_DEV_ORCONF: the device's own setting or the `all` one.
        let on = |k: String| self.values.get(&k).is_some_and(|v| v.trim() != "0");
        on("net.ipv4.conf.all.promote_secondaries".into()) || on(format!("net.ipv4.conf.{dev}.promote_secondaries"))
    }

    /// Whether IPv4 forwarding is on.
    pub fn ip_forward(&self) -> bool {
        self.is_on("net.ipv4.ip_forward", &[])
    }

    /// Whether an integer switch is on: any value but 0 (proc_dointvec
    /// keeps what was written, and the kernel tests it as a boolean).
    pub fn is_on(&self, key: &str, devices: &[&str]) -> bool {
        self.get(key, devices).and_then(|v| crate::text::int::<i64>(v.trim())).is_some_and(|v| v != 0)
    }
}

fn split_conf(key: &str) -> Option<(&str, &str, &str)> {
    let rest = key.strip_prefix("net.")?;
    let (family, rest) = rest.split_once('.')?;
    if family != "ipv4" && family != "ipv6" {
        return None;
    }
    let rest = rest.strip_prefix("conf.")?;
    let dot = rest.bytes().rposition(|b| b == b'.')?;
    let (dev, name) = (rest.get(..dot)?, rest.get(dot + 1..)?);
    Some((family, dev, name))
}

#[cfg(test)]
mod tests {
    use crate::World;
    use crate::output::Output;
    use crate::shell::Shell;

    /// Runs each line in `shell`; returns what the last printed and its status.
    fn run(shell: &mut Shell, lines: &[&str]) -> (String, i32) {
        let mut last = (String::new(), 0);
        for line in lines {
            let mut o = Output::new();
            let status = shell.run_line(line, &mut o);
            last = (o.combined(), status);
        }
        last
    }

    const VETH: &str = "ip link add d0 type veth peer name d1";

    #[test]
    fn default_tables_are_sorted_for_their_binary_search() {
        for table in [super::GLOBAL, super::IPV4_CONF, super::IPV6_CONF] {
            assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "{table:?}");
        }
        let sysctl = super::Sysctls::default();
        assert_eq!(sysctl.get("net.ipv4.ip_default_ttl", &[]).as_deref(), Some("64"));
        assert_eq!(sysctl.get("net.ipv6.conf.lo.accept_dad", &["lo"]).as_deref(), Some("-1"));
        assert_eq!(sysctl.get("net.ipv4.conf.d0.shared_media", &["d0"]).as_deref(), Some("1"));
        assert_eq!(sysctl.get("net.ipv4.conf.d1.shared_media", &["d0"]), None);
        assert_eq!(sysctl.get("net.ipv6.conf.all.no_such_key", &[]), None);
    }

    #[test]
    fn netlink_and_sysctl_share_addr_gen_mode() {
        // Measured: `ip link set d0 addrgenmode none` makes the sysctl read
        // 1; writing the sysctl changes what `ip -d link` shows; stable
        // privacy without a secret and unknown modes are EINVAL.
        let mut sh = Shell::new(Box::new(World::new()));
        run(&mut sh, &[VETH, "ip link set d0 addrgenmode none"]);
        assert_eq!(run(&mut sh, &["sysctl -n net.ipv6.conf.d0.addr_gen_mode"]).0, "1\n");
        run(&mut sh, &["sysctl -w net.ipv6.conf.d0.addr_gen_mode=3"]);
        assert!(run(&mut sh, &["ip -d link show d0"]).0.contains("addrgenmode random"));
        assert_eq!(run(&mut sh, &["sysctl -w net.ipv6.conf.d0.addr_gen_mode=2"]).1, 1);
        assert_eq!(run(&mut sh, &["sysctl -w net.ipv6.conf.d0.addr_gen_mode=4"]).1, 1);
        run(&mut sh, &["sysctl -w net.ipv6.conf.all.addr_gen_mode=1"]);
        assert_eq!(run(&mut sh, &["sysctl -n net.ipv6.conf.default.addr_gen_mode"]).0, "1\n");
        assert!(run(&mut sh, &["ip -d link show d1"]).0.contains("addrgenmode none"));
    }

    #[test]
    fn replay_leaves_what_the_live_write_left() {
        let live = World::new();
        let mut sh = Shell::new(Box::new(live.clone()));
        run(&mut sh, &[VETH, "ip link set d0 up", "ip link set d1 up", "echo 1 > /proc/sys/net/ipv6/conf/d0/disable_ipv6"]);
        run(&mut sh, &["sysctl -w net.ipv6.conf.d1.addr_gen_mode=1"]);
        let before = run(&mut sh, &["ip -6 addr; sysctl net.ipv6.conf.d0.disable_ipv6; ip -d link show d1"]).0;
        assert!(!before.contains("d0@d1:"), "disable_ipv6 took d0's IPv6 away: {before}");
        let mut restored = Shell::new(Box::new(World::restore(&live.snapshot())));
        let after = run(&mut restored, &["ip -6 addr; sysctl net.ipv6.conf.d0.disable_ipv6; ip -d link show d1"]).0;
        assert_eq!(after, before);
    }
}
