//! Substring search and replacement by plain byte comparison: the few
//! places that look for a string inside another use these instead of
//! `str::find`, `str::replace` and `str::replacen`, whose two-way searcher
//! is a kilobyte and a half of code in the WebAssembly module; the texts
//! searched here are short.

/// Byte offset of the first occurrence of `needle` in `hay` (`str::find`
/// with a string pattern; an empty needle is found at 0).
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    // A match of valid UTF-8 always starts on a character boundary.
    h.windows(n.len()).position(|w| w == n)
}

/// `hay` with the first `count` occurrences of `from` (non-empty) replaced
/// by `to`, like `str::replacen`.
pub fn replacen(hay: &str, from: &str, to: &str, count: usize) -> String {
    let mut out = String::with_capacity(hay.len());
    let mut rest = hay;
    let mut done = 0;
    while done < count {
        let Some(at) = find(rest, from).filter(|_| !from.is_empty()) else { break };
        out.push_str(&rest[..at]);
        out.push_str(to);
        rest = &rest[at + from.len()..];
        done += 1;
    }
    out.push_str(rest);
    out
}

/// `hay` with every occurrence of `from` (non-empty) replaced by `to`, like
/// `str::replace`.
pub fn replace(hay: &str, from: &str, to: &str) -> String {
    replacen(hay, from, to, usize::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_std() {
        for (hay, pat) in [("", "a"), ("abc", "bc"), ("a\\\nb\\\n", "\\\n"), ("%d%d", "%d"), ("vlan macvlan", "macvlan"), ("héllo", "llo"), ("aaa", "aa")] {
            assert_eq!(find(hay, pat), hay.find(pat), "{hay} {pat}");
            assert_eq!(replace(hay, pat, "xy"), hay.replace(pat, "xy"), "{hay} {pat}");
            assert_eq!(replacen(hay, pat, "xy", 1), hay.replacen(pat, "xy", 1), "{hay} {pat}");
        }
        assert_eq!(find("abc", ""), Some(0));
    }
}
