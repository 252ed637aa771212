//! The `net.*` sysctls a namespace has (net/ipv4/devinet.c devconf,
//! net/ipv6/addrconf.c ipv6_devconf), with Linux's defaults.

use crate::text::Names;

/// Sysctl values of one namespace: global keys plus per-device
/// `conf.{all,default,DEV}` tables for IPv4 and IPv6.
#[derive(Debug, Clone, Default)]
pub struct Sysctls {
    values: crate::vecmap::VecMap<String, String>,
}

/// IPv4 per-device settings and their defaults (`key=value`).
pub const IPV4_CONF: Names = Names(
    "accept_local=0 accept_redirects=1 accept_source_route=0 arp_accept=0 arp_announce=0 \
     arp_filter=0 arp_ignore=0 arp_notify=0 disable_policy=0 disable_xfrm=0 forwarding=0 \
     ignore_routes_with_linkdown=0 log_martians=0 mc_forwarding=0 promote_secondaries=0 \
     proxy_arp=0 rp_filter=0 secure_redirects=1 send_redirects=1 shared_media=1",
);

/// IPv6 per-device settings and their defaults (`key=value`).
pub const IPV6_CONF: Names = Names(
    "accept_dad=1 accept_ra=1 accept_redirects=1 addr_gen_mode=0 autoconf=1 \
     dad_transmits=1 disable_ipv6=0 forwarding=0 hop_limit=64 keep_addr_on_down=0 \
     mtu=1280 optimistic_dad=0 proxy_ndp=0 router_solicitations=-1",
);

/// Global keys and their defaults (`key=value`).
pub const GLOBAL: Names = Names(
    "net.ipv4.ip_forward=0 net.ipv4.ip_default_ttl=64 net.ipv4.icmp_echo_ignore_all=0 \
     net.ipv4.icmp_echo_ignore_broadcasts=1 net.ipv4.icmp_ratelimit=1000 \
     net.ipv4.icmp_ratemask=6168 net.ipv4.icmp_msgs_per_sec=1000 \
     net.ipv4.icmp_msgs_burst=50 net.ipv6.icmp.ratelimit=100 \
     net.ipv4.fib_multipath_hash_policy=0 net.ipv6.fib_multipath_hash_policy=0",
);

/// The default of `key` in a `key=value` table.
fn default_in(table: Names, key: &str) -> Option<&'static str> {
    table.iter().find_map(|entry| entry.split_once('=').filter(|(k, _)| *k == key).map(|(_, v)| v))
}

/// The keys of a `key=value` table.
fn keys_in(table: Names) -> impl Iterator<Item = &'static str> {
    table.iter().map(|entry| entry.split_once('=').map_or(entry, |(k, _)| k))
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
        // Loopback's own defaults (loopback_setup, addrconf's lo handling).
        if dev == "lo" {
            default = match (family, name) {
                ("ipv6", "accept_dad") => "-1",
                ("ipv4", "disable_xfrm") | ("ipv4", "disable_policy") => "1",
                _ => default,
            };
        }
        // A device created later starts from conf.default.
        if dev != "all" && dev != "default" && dev != "lo" {
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

    /// Drops the settings of a device that went away.
    pub fn forget_device(&mut self, dev: &str) {
        let v4 = format!("net.ipv4.conf.{dev}.");
        let v6 = format!("net.ipv6.conf.{dev}.");
        self.values.retain(|k, _| !k.starts_with(&v4) && !k.starts_with(&v6));
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
        self.values.get("net.ipv4.ip_forward").is_some_and(|v| v == "1")
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
