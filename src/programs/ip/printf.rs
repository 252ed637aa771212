//! A small C `printf`: iproute2's output formats ("%-16s ", "mtu %u ",
//! "%#llx", "%4i.%.2i") are kept as written and rendered here, so text
//! output follows the same formats as the original.

use crate::decimal::{self, Ratio};

/// One argument of a format.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// A string (`%s`).
    Str(&'a str),
    /// An unsigned integer (`%u`, `%x`, `%lu`, ...).
    U(u64),
    /// A signed integer (`%d`, `%i`).
    I(i64),
    /// A non-integer number (`%f`, `%g`, `%e`), exact.
    F(Ratio),
}

#[derive(Default)]
struct Spec {
    left: bool,
    zero: bool,
    alt: bool,
    plus: bool,
    space: bool,
    width: usize,
    precision: Option<usize>,
    /// Bits of the integer type from the length modifier (8, 16, 32, 64).
    bits: u32,
}

/// Renders `fmt` with `args` the way glibc's `printf` does for the
/// conversions iproute2 uses: `d i u x X o c s f g e %` with flags `-0#+ `,
/// widths and precisions (also `*`), and `hh h l ll z j` modifiers.
pub fn format(fmt: &str, args: &[Arg]) -> String {
    let mut out = String::new();
    let mut args = args.iter();
    let b = fmt.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let rest = fmt.get(i..).unwrap_or("");
        let Some((text, _)) = rest.split_once('%') else {
            out.push_str(rest);
            break;
        };
        out.push_str(text);
        i += text.len() + 1;
        if i >= b.len() {
            out.push('%');
            break;
        }
        let mut spec = Spec { bits: 32, ..Spec::default() };
        while i < b.len() {
            match b[i] {
                b'-' => spec.left = true,
                b'0' => spec.zero = true,
                b'#' => spec.alt = true,
                b'+' => spec.plus = true,
                b' ' => spec.space = true,
                _ => break,
            }
            i += 1;
        }
        if i < b.len() && b[i] == b'*' {
            let w = match args.next() {
                Some(Arg::I(v)) => *v,
                Some(Arg::U(v)) => *v as i64,
                _ => 0,
            };
            if w < 0 {
                spec.left = true;
            }
            spec.width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while i < b.len() && b[i].is_ascii_digit() {
                spec.width = spec.width * 10 + usize::from(b[i] - b'0');
                i += 1;
            }
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            let mut p = 0usize;
            if i < b.len() && b[i] == b'*' {
                p = match args.next() {
                    Some(Arg::I(v)) => (*v).max(0) as usize,
                    Some(Arg::U(v)) => *v as usize,
                    _ => 0,
                };
                i += 1;
            } else {
                while i < b.len() && b[i].is_ascii_digit() {
                    p = p * 10 + usize::from(b[i] - b'0');
                    i += 1;
                }
            }
            spec.precision = Some(p);
        }
        while i < b.len() {
            match b[i] {
                b'h' => spec.bits = if spec.bits == 16 { 8 } else { 16 },
                b'l' | b'z' | b'j' | b'q' | b'L' | b't' => spec.bits = 64,
                _ => break,
            }
            i += 1;
        }
        let Some(&conv) = b.get(i) else { break };
        i += 1;
        match conv {
            b'%' => out.push('%'),
            b's' => {
                let s = match args.next() {
                    Some(Arg::Str(s)) => s.to_string(),
                    Some(Arg::U(v)) => v.to_string(),
                    Some(Arg::I(v)) => v.to_string(),
                    Some(Arg::F(v)) => format!("{}{}", if v.neg { "-" } else { "" }, decimal::general(v, 17, false)),
                    None => "(null)".to_string(),
                };
                let s = match spec.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                pad(&mut out, &s, &spec, false);
            }
            b'c' => {
                let c = match args.next() {
                    Some(Arg::U(v)) => char::from(*v as u8),
                    Some(Arg::I(v)) => char::from(*v as u8),
                    Some(Arg::Str(s)) => s.chars().next().unwrap_or('\0'),
                    _ => '\0',
                };
                pad(&mut out, &c.to_string(), &spec, false);
            }
            b'd' | b'i' => {
                let v = match args.next() {
                    Some(Arg::I(v)) => *v,
                    Some(Arg::U(v)) => *v as i64,
                    _ => 0,
                };
                let v = truncate_signed(v, spec.bits);
                let mut digits = v.unsigned_abs().to_string();
                apply_precision(&mut digits, &spec);
                let sign = if v < 0 {
                    "-"
                } else if spec.plus {
                    "+"
                } else if spec.space {
                    " "
                } else {
                    ""
                };
                pad_number(&mut out, sign, &digits, &spec);
            }
            b'u' | b'x' | b'X' | b'o' => {
                let v = match args.next() {
                    Some(Arg::U(v)) => *v,
                    Some(Arg::I(v)) => *v as u64,
                    _ => 0,
                };
                let v = truncate_unsigned(v, spec.bits);
                let mut digits = match conv {
                    b'u' => v.to_string(),
                    b'x' => format!("{v:x}"),
                    b'X' => format!("{v:X}"),
                    _ => format!("{v:o}"),
                };
                apply_precision(&mut digits, &spec);
                let prefix = if spec.alt && v != 0 {
                    match conv {
                        b'x' => "0x",
                        b'X' => "0X",
                        b'o' if !digits.starts_with('0') => "0",
                        _ => "",
                    }
                } else {
                    ""
                };
                pad_number(&mut out, prefix, &digits, &spec);
            }
            b'f' | b'F' | b'g' | b'G' | b'e' | b'E' => {
                let v = match args.next() {
                    Some(Arg::F(v)) => *v,
                    Some(Arg::U(v)) => Ratio::new(u128::from(*v), 1),
                    Some(Arg::I(v)) => Ratio::int(i128::from(*v)),
                    _ => Ratio::new(0, 1),
                };
                let p = spec.precision.unwrap_or(6);
                let body = match conv {
                    b'f' | b'F' => decimal::fixed(&v, p),
                    b'e' | b'E' => decimal::scientific(&v, p),
                    _ => decimal::general(&v, p, spec.alt),
                };
                let sign = if v.neg && v.num != 0 {
                    "-"
                } else if spec.plus {
                    "+"
                } else {
                    ""
                };
                let spec2 = Spec { precision: None, ..spec };
                pad_number(&mut out, sign, &body, &spec2);
            }
            other => {
                out.push('%');
                out.push(char::from(other));
            }
        }
    }
    out
}

fn truncate_signed(v: i64, bits: u32) -> i64 {
    match bits {
        8 => i64::from(v as i8),
        16 => i64::from(v as i16),
        32 => i64::from(v as i32),
        _ => v,
    }
}

fn truncate_unsigned(v: u64, bits: u32) -> u64 {
    match bits {
        8 => u64::from(v as u8),
        16 => u64::from(v as u16),
        32 => u64::from(v as u32),
        _ => v,
    }
}

fn apply_precision(digits: &mut String, spec: &Spec) {
    if let Some(p) = spec.precision {
        if p == 0 && digits == "0" {
            digits.clear();
        }
        while digits.len() < p {
            digits.insert(0, '0');
        }
    }
}

fn pad(out: &mut String, s: &str, spec: &Spec, _num: bool) {
    let n = s.chars().count();
    if spec.left {
        out.push_str(s);
        out.extend(std::iter::repeat_n(' ', spec.width.saturating_sub(n)));
    } else {
        out.extend(std::iter::repeat_n(' ', spec.width.saturating_sub(n)));
        out.push_str(s);
    }
}

fn pad_number(out: &mut String, prefix: &str, digits: &str, spec: &Spec) {
    let n = prefix.len() + digits.len();
    let fill = spec.width.saturating_sub(n);
    if spec.left {
        out.push_str(prefix);
        out.push_str(digits);
        out.extend(std::iter::repeat_n(' ', fill));
    } else if spec.zero && spec.precision.is_none() {
        out.push_str(prefix);
        out.extend(std::iter::repeat_n('0', fill));
        out.push_str(digits);
    } else {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(prefix);
        out.push_str(digits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_and_widths() {
        assert_eq!(format("%s: ", &[Arg::Str("lo")]), "lo: ");
        assert_eq!(format("%-16s ", &[Arg::Str("lo")]), "lo               ");
        assert_eq!(format("%-14s ", &[Arg::Str("UNKNOWN")]), "UNKNOWN        ");
        assert_eq!(format("%5s|", &[Arg::Str("ab")]), "   ab|");
        assert_eq!(format(" peer ", &[]), " peer ");
        assert_eq!(format("100%%", &[]), "100%");
    }

    #[test]
    fn integers() {
        assert_eq!(format("mtu %u ", &[Arg::U(1500)]), "mtu 1500 ");
        assert_eq!(format("%d: ", &[Arg::I(-3)]), "-3: ");
        assert_eq!(format("%02x", &[Arg::U(5)]), "05");
        assert_eq!(format("%#llx", &[Arg::U(0x8000)]), "0x8000");
        assert_eq!(format("%#llx", &[Arg::U(0)]), "0");
        assert_eq!(format("%.2x", &[Arg::U(0xa)]), "0a");
        assert_eq!(format("%4i.%.2i ", &[Arg::I(3), Arg::I(7)]), "   3.07 ");
        assert_eq!(format("%hhu", &[Arg::U(300)]), "44");
        assert_eq!(format("%x", &[Arg::U(0x10000)]), "10000");
        assert_eq!(format("%*s|", &[Arg::I(4), Arg::Str("a")]), "   a|");
        assert_eq!(format("%*s|", &[Arg::I(0), Arg::Str("")]), "|");
    }

    #[test]
    fn floats() {
        assert_eq!(format("%g", &[Arg::F(Ratio::new(1, 2))]), "0.5");
        assert_eq!(format("%g", &[Arg::U(100000)]), "100000");
        assert_eq!(format("%g", &[Arg::U(1000000)]), "1e+06");
        assert_eq!(format("%.2f", &[Arg::F(Ratio::new(1005, 1000))]), "1.00");
        assert_eq!(format("%.0f", &[Arg::U(8)]), "8");
        assert_eq!(format("%6.1f|", &[Arg::I(-3)]), "  -3.0|");
        assert_eq!(format("%e", &[Arg::F(Ratio::new(3, 2))]), "1.500000e+00");
    }
}
