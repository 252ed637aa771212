//! Command-line helpers shared by every object: iproute2's prefix matching,
//! an argument cursor, and the early-exit type that stands in for `exit()`.

/// An exit status that ends the command at once, as iproute2's `exit()`
/// calls deep inside the parsers do. The message has already been printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exit(pub i32);

/// The result of a step that may end the command early.
pub type Res<T> = Result<T, Exit>;

/// Whether `arg` abbreviates `full`: a non-empty prefix of it (iproute2's
/// `matches(arg, full) == 0`).
pub fn matches(arg: &str, full: &str) -> bool {
    !arg.is_empty() && full.starts_with(arg)
}

/// A cursor over the words of a command, like iproute2's `argc`/`argv` pair.
#[derive(Debug, Clone)]
pub struct Args<'a> {
    words: &'a [String],
    pos: usize,
}

impl<'a> Args<'a> {
    /// A cursor at the first of `words`.
    pub fn new(words: &'a [String]) -> Self {
        Args { words, pos: 0 }
    }
    /// The current word, if any is left.
    pub fn peek(&self) -> Option<&'a str> {
        self.words.get(self.pos).map(String::as_str)
    }
    /// The word after the current one, if any.
    pub fn peek_next(&self) -> Option<&'a str> {
        self.words.get(self.pos + 1).map(String::as_str)
    }
    /// Moves past the current word.
    pub fn advance(&mut self) {
        if self.pos < self.words.len() {
            self.pos += 1;
        }
    }
    /// Steps back one word (`PREV_ARG`).
    pub fn back(&mut self) {
        self.pos = self.pos.saturating_sub(1);
    }
    /// How many words are left, the current one included (`argc`).
    pub fn left(&self) -> usize {
        self.words.len() - self.pos
    }
    /// The words left, the current one included.
    pub fn rest(&self) -> &'a [String] {
        &self.words[self.pos..]
    }
    /// The current position (to measure how many words a parser used).
    pub fn pos(&self) -> usize {
        self.pos
    }
    /// Moves to the word after the current one and returns it (`NEXT_ARG`),
    /// or None when the command line ends there.
    pub fn next_arg(&mut self) -> Option<&'a str> {
        if self.pos + 1 >= self.words.len() {
            return None;
        }
        self.pos += 1;
        self.peek()
    }
}

/// Parses a C `strtol`/`strtoul` number in `base` (0: auto-detect `0x` and
/// leading `0`), requiring the whole string to be consumed. Returns the value
/// and whether a minus sign was present.
fn parse_c_number(s: &str, base: u32) -> Option<(bool, u128)> {
    let t = s.trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c']);
    let (neg, t) = crate::text::split_sign(t);
    let (radix, digits) = if base == 0 || base == 16 {
        if let Some(hex) = crate::text::after_0x(t) {
            (16, hex)
        } else if let Some(octal) = t.strip_prefix('0').filter(|r| base == 0 && !r.is_empty()) {
            (8, octal)
        } else if base == 0 {
            (10, t)
        } else {
            (16, t)
        }
    } else {
        (base, t)
    };
    if digits.is_empty() {
        return None;
    }
    let mut v: u128 = 0;
    for c in digits.chars() {
        let d = c.to_digit(radix)?;
        v = v.saturating_mul(u128::from(radix)).saturating_add(u128::from(d));
    }
    Some((neg, v))
}

/// `get_integer`: a C int, whole string, in `base`.
pub fn get_integer(s: &str, base: u32) -> Option<i32> {
    if s.is_empty() {
        return None;
    }
    let (neg, v) = parse_c_number(s, base)?;
    let v = i128::try_from(v).ok()?;
    let v = if neg { -v } else { v };
    i32::try_from(v).ok()
}

/// `get_unsigned`/`get_u32`: an unsigned 32-bit value, whole string. Like
/// `strtoul`, a leading minus wraps the value around.
pub fn get_u32(s: &str, base: u32) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    let (neg, v) = parse_c_number(s, base)?;
    let v = u64::try_from(v).ok()?;
    let v = if neg { v.wrapping_neg() } else { v };
    u32::try_from(v).ok()
}

/// `get_u16`: an unsigned 16-bit value, whole string.
pub fn get_u16(s: &str, base: u32) -> Option<u16> {
    get_u32(s, base).and_then(|v| u16::try_from(v).ok())
}

/// `get_u64`: an unsigned 64-bit value, whole string.
pub fn get_u64(s: &str, base: u32) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    let (neg, v) = parse_c_number(s, base)?;
    let v = u64::try_from(v).ok()?;
    Some(if neg { v.wrapping_neg() } else { v })
}

/// `check_ifname`: what the kernel's `dev_valid_name` accepts.
pub fn check_ifname(name: &str) -> bool {
    name.len() < 16 && check_altifname(name)
}

/// `check_altifname`: non-empty, no `/` and no white space.
pub fn check_altifname(name: &str) -> bool {
    !name.is_empty() && !name.bytes().any(|b| b == b'/' || b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_is_prefix_abbreviation() {
        assert!(matches("a", "address"));
        assert!(matches("addr", "address"));
        assert!(matches("address", "address"));
        assert!(!matches("addresss", "address"));
        assert!(!matches("", "address"));
        assert!(!matches("x", "address"));
    }

    #[test]
    fn c_numbers() {
        assert_eq!(get_integer("1500", 0), Some(1500));
        assert_eq!(get_integer("0x10", 0), Some(16));
        assert_eq!(get_integer("010", 0), Some(8));
        assert_eq!(get_integer("-5", 0), Some(-5));
        assert_eq!(get_integer("abc", 0), None);
        assert_eq!(get_integer("12a", 0), None);
        assert_eq!(get_integer("", 0), None);
        assert_eq!(get_integer("4294967296", 0), None);
        assert_eq!(get_u32("4294967295", 0), Some(u32::MAX));
        assert_eq!(get_u32("4294967296", 0), None);
        assert_eq!(get_u16("65536", 0), None);
    }

    #[test]
    fn cursor_walks_like_argv() {
        let w: Vec<String> = ["dev", "lo", "up"].iter().map(|s| s.to_string()).collect();
        let mut a = Args::new(&w);
        assert_eq!(a.peek(), Some("dev"));
        assert_eq!(a.next_arg(), Some("lo"));
        a.advance();
        assert_eq!(a.peek(), Some("up"));
        assert_eq!(a.next_arg(), None);
        assert_eq!(a.left(), 1);
    }

    #[test]
    fn ifnames() {
        assert!(check_ifname("eth0"));
        assert!(!check_ifname("a/b"));
        assert!(!check_ifname("0123456789abcdef"));
        assert!(check_ifname("0123456789abcde"));
        assert!(!check_ifname(""));
    }
}
