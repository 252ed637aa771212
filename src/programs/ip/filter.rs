//! The selection of `ip link show` / `ip address show|flush` (ip_common.h
//! `struct link_filter`).

use super::prefix::Prefix;

/// What to show or flush.
#[derive(Debug, Clone)]
pub struct Filter {
    /// Only this link (0: all).
    pub ifindex: i32,
    /// Address family (AF_PACKET: links only).
    pub family: u8,
    /// Only links that are up.
    pub up: bool,
    /// Address label pattern (fnmatch).
    pub label: Option<String>,
    /// Device group (-1: any).
    pub group: i64,
    /// Master index (0: any, -1: none).
    pub master: i64,
    /// Link kind.
    pub kind: Option<String>,
    /// Slave kind.
    pub slave_kind: Option<String>,
    /// Address scope and which scope bits matter.
    pub scope: u8,
    /// Scope mask.
    pub scopemask: u8,
    /// Address flags and which flag bits matter.
    pub flags: u32,
    /// Flag mask.
    pub flagmask: u32,
    /// Address prefix (`to`).
    pub pfx: Prefix,
    /// `-oneline`.
    pub oneline: bool,
    /// Print the queue length.
    pub showqueue: bool,
    /// Flushing: addresses are deleted instead of printed.
    pub flushing: bool,
}

impl Filter {
    /// `ipaddr_reset_filter`.
    pub fn new(oneline: bool, ifindex: i32) -> Filter {
        Filter {
            ifindex,
            family: 0,
            up: false,
            label: None,
            group: -1,
            master: 0,
            kind: None,
            slave_kind: None,
            scope: 0,
            scopemask: 0,
            flags: 0,
            flagmask: 0,
            pfx: Prefix::default(),
            oneline,
            showqueue: false,
            flushing: false,
        }
    }
}

/// `fnmatch(pattern, s, 0)` with `*`, `?`, `[...]` and backslash escapes.
pub fn fnmatch(pattern: &str, s: &str) -> bool {
    /// `v` past its first `n` characters.
    fn after(v: &[char], n: usize) -> &[char] {
        v.get(n..).unwrap_or_default()
    }
    fn m(p: &[char], s: &[char]) -> bool {
        match p.first() {
            None => s.is_empty(),
            Some('*') => (0..=s.len()).any(|i| m(after(p, 1), after(s, i))),
            Some('?') => !s.is_empty() && m(after(p, 1), after(s, 1)),
            Some('[') => {
                let Some(c) = s.first() else { return false };
                let mut i = 1;
                let neg = matches!(p.get(1), Some('!') | Some('^'));
                if neg {
                    i += 1;
                }
                let mut hit = false;
                let mut first = true;
                while i < p.len() && (first || p[i] != ']') {
                    first = false;
                    if i + 2 < p.len() && p[i + 1] == '-' && p[i + 2] != ']' {
                        if p[i] <= *c && *c <= p[i + 2] {
                            hit = true;
                        }
                        i += 3;
                    } else {
                        if p[i] == *c {
                            hit = true;
                        }
                        i += 1;
                    }
                }
                if i >= p.len() {
                    // No closing bracket: '[' is an ordinary character.
                    return *c == '[' && m(after(p, 1), after(s, 1));
                }
                hit != neg && m(after(p, i + 1), after(s, 1))
            }
            Some('\\') if p.len() > 1 => s.first() == p.get(1) && m(after(p, 2), after(s, 1)),
            Some(c) => s.first() == Some(c) && m(after(p, 1), after(s, 1)),
        }
    }
    let p: Vec<char> = pattern.chars().collect();
    let s: Vec<char> = s.chars().collect();
    m(&p, &s)
}

#[cfg(test)]
mod tests {
    use super::fnmatch;

    #[test]
    fn globbing() {
        assert!(fnmatch("eth0*", "eth0:1"));
        assert!(fnmatch("lo", "lo"));
        assert!(!fnmatch("lo", "lo:1"));
        assert!(fnmatch("v?", "v0"));
        assert!(fnmatch("v[0-2]", "v1"));
        assert!(!fnmatch("v[!0-2]", "v1"));
    }
}
