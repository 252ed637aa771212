//! Tab completion for the CLI's line editor: command names at the start of
//! a command, `ip`'s objects after `ip [OPTIONS]`, namespace names after
//! `netns exec|del|...` and `-n`, device names after `dev`, `master` and
//! the like. (The page completes in JavaScript, www/src/complete.js.)

use super::COMMANDS;

/// The words before which a device name is expected.
const DEVICE_KEYS: &[&str] = &["dev", "master", "link", "peer", "name", "oif", "iif"];

/// Completions of the word that ends `before`: the byte offset where that
/// word starts, and the candidates (sorted, each a whole word).
pub fn complete(before: &str, netns: &[String], devices: &[String]) -> (usize, Vec<String>) {
    let start = before.rfind([' ', '\t', '|', ';', '&']).map_or(0, |k| k + 1);
    let word = &before[start..];
    // The words of the current command, before the one being completed.
    let cmd_start = before[..start].rfind(['|', ';', '&']).map_or(0, |k| k + 1);
    let prev: Vec<&str> = before[cmd_start..start].split_whitespace().collect();
    let pool: Vec<String> = match prev.as_slice() {
        [] => COMMANDS.iter().map(|s| s.to_string()).collect(),
        [.., "netns", "exec" | "del" | "delete" | "set" | "pids" | "identify" | "attach"] | [.., "-n" | "-netns" | "netns"] => {
            if prev.first() == Some(&"ip")
                && prev.len() >= 2
                && prev.last() == Some(&"netns")
                && prev.iter().filter(|w| !w.starts_with('-')).count() == 2
            {
                ["add", "attach", "delete", "exec", "identify", "list", "monitor", "pids", "set"].iter().map(|s| s.to_string()).collect()
            } else {
                netns.to_vec()
            }
        }
        [.., "exec", ns] if netns.iter().any(|n| n == ns) => COMMANDS.iter().map(|s| s.to_string()).collect(),
        [.., key] if DEVICE_KEYS.contains(key) => devices.to_vec(),
        ["ip", opts @ ..] if opts.iter().all(|o| o.starts_with('-')) && opts.last().is_none_or(|o| *o != "-n") => {
            crate::ip::OBJECTS.iter().map(|(n, _)| n.to_string()).collect()
        }
        _ => Vec::new(),
    };
    let mut out: Vec<String> = pool.into_iter().filter(|c| c.starts_with(word)).collect();
    out.sort();
    out.dedup();
    (start, out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_objects_namespaces_devices() {
        let ns = vec!["red".to_string(), "blue".to_string()];
        let devs = vec!["lo".to_string(), "veth0".to_string()];
        assert_eq!(complete("nse", &ns, &devs), (0, vec!["nsenter".to_string()]));
        assert_eq!(complete("ip -br li", &ns, &devs).1, ["link"]);
        assert_eq!(complete("ip netns exec r", &ns, &devs), (14, vec!["red".to_string()]));
        assert_eq!(complete("ip netns e", &ns, &devs).1, ["exec"]);
        assert_eq!(complete("ip netns exec red sy", &ns, &devs).1, ["sysctl"]);
        assert_eq!(complete("ip link set dev v", &ns, &devs).1, ["veth0"]);
        assert_eq!(complete("ip a | gr", &ns, &devs), (7, vec!["grep".to_string()]));
        assert!(complete("echo hel", &ns, &devs).1.is_empty());
    }
}
