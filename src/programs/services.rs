//! Port names as `getservbyport` and `getservbyname` give them from
//! Debian's /etc/services (netbase), for the ports tutorials use: one table
//! for `ss`, `nc -v` and `iptables`, each of which asks for a protocol.

/// Port, its TCP name and its UDP name ("" where the file has none).
const SERVICES: &[(u16, &str, &str)] = &[
    (20, "ftp-data", ""),
    (21, "ftp", ""),
    (22, "ssh", ""),
    (23, "telnet", ""),
    (25, "smtp", ""),
    (53, "domain", "domain"),
    (67, "", "bootps"),
    (68, "", "bootpc"),
    (80, "http", ""),
    (110, "pop3", ""),
    (123, "", "ntp"),
    (143, "imap2", ""),
    (443, "https", "https"),
    (993, "imaps", ""),
    (995, "pop3s", ""),
    (3306, "mysql", ""),
    (5353, "", "mdns"),
    (5432, "postgresql", ""),
    (7000, "bbs", "afs3-fileserver"),
    (8080, "http-alt", ""),
    (8081, "tproxy", ""),
];

fn name_of(&(_, tcp, udp_name): &(u16, &'static str, &'static str), udp: bool) -> &'static str {
    if udp { udp_name } else { tcp }
}

/// The name of a TCP or UDP port (`getservbyport`), if it has one.
pub fn name(port: u16, udp: bool) -> Option<&'static str> {
    SERVICES.iter().find(|s| s.0 == port).map(|s| name_of(s, udp)).filter(|n| !n.is_empty())
}

/// The TCP or UDP port a service name stands for (`getservbyname`).
pub fn port(name: &str, udp: bool) -> Option<u16> {
    SERVICES.iter().find(|s| !name.is_empty() && name_of(s, udp) == name).map(|s| s.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_protocol() {
        assert_eq!(name(22, false), Some("ssh"));
        assert_eq!(name(22, true), None);
        assert_eq!(name(123, true), Some("ntp"));
        assert_eq!(name(7000, true), Some("afs3-fileserver"));
        assert_eq!(port("domain", true), Some(53));
        assert_eq!(port("ntp", false), None);
        assert_eq!(port("", false), None);
    }
}
