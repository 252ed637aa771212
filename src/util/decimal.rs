//! Decimal numbers without floating point: the few non-integer values the
//! commands print (`%g` loss percentages, `-h` statistics, round-trip times)
//! and parse (`ping -i 0.2`, `rtt 1.5s`) are ratios of integers, rendered and
//! read here exactly, the way glibc's `printf` and `strtod` treat them.
//!
//! Keeping `f64` formatting and parsing out of the crate keeps core's float
//! machinery (some 25 KB of code) out of the WebAssembly module.

/// A non-negative ratio `num / den` with an optional minus sign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ratio {
    /// Numerator.
    pub num: u128,
    /// Denominator (0 is read as 1).
    pub den: u64,
    /// Whether the value is negative.
    pub neg: bool,
}

impl Ratio {
    /// `num / den`, non-negative.
    pub fn new(num: u128, den: u64) -> Ratio {
        Ratio { num, den: den.max(1), neg: false }
    }

    /// A whole number.
    pub fn int(v: i128) -> Ratio {
        Ratio { num: v.unsigned_abs(), den: 1, neg: v < 0 }
    }

    fn is_zero(&self) -> bool {
        self.num == 0
    }

    /// The value rounded up to a whole number (for non-negative values).
    pub fn ceil(&self) -> u128 {
        let den = u128::from(self.den.max(1));
        self.num / den + u128::from(self.num % den != 0)
    }

    /// The value with its fraction dropped.
    pub fn trunc(&self) -> u128 {
        self.num / u128::from(self.den.max(1))
    }

    /// The value rounded to the nearest whole number, halves away from zero.
    pub fn round(&self) -> u128 {
        let den = u128::from(self.den.max(1));
        let (q, r) = (self.num / den, self.num % den);
        q + u128::from(r >= den - r)
    }

    /// The value times `k`, saturating the numerator.
    pub fn times(&self, k: u64) -> Ratio {
        Ratio { num: self.num.saturating_mul(u128::from(k)), ..*self }
    }
}

/// The decimal digits of a ratio: the whole part, then as many fraction
/// digits as asked for, by long division.
struct Expansion {
    whole: Vec<u8>,
    rem: u128,
    den: u128,
}

impl Expansion {
    fn of(r: &Ratio) -> Expansion {
        let den = u128::from(r.den.max(1));
        let mut q = r.num / den;
        let mut whole = Vec::new();
        while q > 0 {
            whole.push((q % 10) as u8);
            q /= 10;
        }
        whole.reverse();
        Expansion { whole, rem: r.num % den, den }
    }

    /// The next fraction digit.
    fn next(&mut self) -> u8 {
        let t = self.rem * 10;
        self.rem = t % self.den;
        (t / self.den) as u8
    }
}

/// Rounds `digits` (followed by `next` and, past it, a non-zero tail when
/// `sticky`) to its length, ties to even as glibc does for exact halves.
/// Returns whether the carry ran out of the front (the digits are then all
/// zero and a leading 1 is due).
fn round_digits(digits: &mut [u8], next: u8, sticky: bool) -> bool {
    let odd = digits.last().is_some_and(|d| d % 2 == 1);
    if !(next > 5 || (next == 5 && (sticky || odd))) {
        return false;
    }
    for d in digits.iter_mut().rev() {
        if *d == 9 {
            *d = 0;
        } else {
            *d += 1;
            return false;
        }
    }
    true
}

fn text(digits: &[u8]) -> String {
    digits.iter().map(|d| char::from(b'0' + d)).collect()
}

/// `%.*f` of the value's magnitude.
pub fn fixed(r: &Ratio, precision: usize) -> String {
    let mut e = Expansion::of(r);
    let mut digits = if e.whole.is_empty() { vec![0] } else { std::mem::take(&mut e.whole) };
    for _ in 0..precision {
        digits.push(e.next());
    }
    let next = e.next();
    if round_digits(&mut digits, next, e.rem != 0) {
        digits.insert(0, 1);
    }
    let point = digits.len() - precision;
    let mut s = text(&digits[..point]);
    if precision > 0 {
        s.push('.');
        s.push_str(&text(&digits[point..]));
    }
    s
}

/// The first `count` significant digits of the value's magnitude, rounded,
/// and the decimal exponent of the first (`%e`'s mantissa and exponent).
fn significant(r: &Ratio, count: usize) -> (Vec<u8>, i32) {
    if r.is_zero() {
        return (vec![0; count], 0);
    }
    let mut e = Expansion::of(r);
    let mut exp = e.whole.len() as i32 - 1;
    let mut digits = std::mem::take(&mut e.whole);
    if digits.is_empty() {
        // Skip the fraction's leading zeros.
        loop {
            let d = e.next();
            if d != 0 {
                digits.push(d);
                break;
            }
            exp -= 1;
        }
    }
    while digits.len() < count + 1 {
        digits.push(e.next());
    }
    let sticky = e.rem != 0 || digits[count + 1..].iter().any(|&d| d != 0);
    let next = digits[count];
    digits.truncate(count);
    if round_digits(&mut digits, next, sticky) {
        digits.insert(0, 1);
        digits.truncate(count);
        exp += 1;
    }
    (digits, exp)
}

/// `%.*e` of the value's magnitude (`1.500000e+02`).
pub fn scientific(r: &Ratio, precision: usize) -> String {
    let (digits, exp) = significant(r, precision + 1);
    let mut s = text(&digits[..1]);
    if precision > 0 {
        s.push('.');
        s.push_str(&text(&digits[1..]));
    }
    s.push('e');
    s.push(if exp < 0 { '-' } else { '+' });
    let e = exp.unsigned_abs();
    if e < 10 {
        s.push('0');
    }
    s.push_str(&e.to_string());
    s
}

/// `%.*g` of the value's magnitude (`%#g` keeps trailing zeros).
pub fn general(r: &Ratio, precision: usize, alt: bool) -> String {
    let p = precision.max(1);
    let (_, exp) = significant(r, p);
    let s = if exp < -4 || exp >= p as i32 { scientific(r, p - 1) } else { fixed(r, (p as i32 - 1 - exp) as usize) };
    if alt {
        return s;
    }
    let mant = s.split_once('e').map_or(s.as_str(), |(mant, _)| mant);
    let tail = s.get(mant.len()..).unwrap_or("");
    let mant = if mant.as_bytes().contains(&b'.') { mant.trim_end_matches('0').trim_end_matches('.') } else { mant };
    format!("{mant}{tail}")
}

/// Reads a decimal number as `strtod` would for the forms people type:
/// optional sign, digits with an optional point, an optional exponent
/// (`1`, `0.2`, `.5`, `+3.`, `1e3`, `2.5E-1`). Anything else, or a value too
/// large to hold exactly, is `None`.
pub fn parse(s: &str) -> Option<Ratio> {
    let b = s.as_bytes();
    let mut i = 0;
    let neg = match b.first() {
        Some(b'-') => {
            i += 1;
            true
        }
        Some(b'+') => {
            i += 1;
            false
        }
        _ => false,
    };
    let mut num: u128 = 0;
    let mut scale: i32 = 0;
    let mut seen = false;
    let mut point = false;
    while let Some(&c) = b.get(i) {
        match c {
            b'0'..=b'9' => {
                seen = true;
                num = num.checked_mul(10)?.checked_add(u128::from(c - b'0'))?;
                if point {
                    scale += 1;
                }
            }
            b'.' if !point => point = true,
            _ => break,
        }
        i += 1;
    }
    if !seen {
        return None;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        let rest = s.get(i + 1..)?;
        let digits = rest.strip_prefix(['+', '-']).unwrap_or(rest);
        if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) || digits.len() > 4 {
            return None;
        }
        let e: i32 = crate::text::int(digits)?;
        scale -= if rest.starts_with('-') { -e } else { e };
        i = s.len();
    }
    if i != s.len() {
        return None;
    }
    while scale < 0 {
        num = num.checked_mul(10)?;
        scale += 1;
    }
    // Drop trailing zeros so that the denominator fits.
    while scale > 0 && num % 10 == 0 {
        num /= 10;
        scale -= 1;
    }
    let den = 10u64.checked_pow(u32::try_from(scale).ok()?)?;
    Some(Ratio { num, den, neg })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_rounds_ties_to_even() {
        assert_eq!(fixed(&Ratio::new(1005, 1000), 2), "1.00");
        assert_eq!(fixed(&Ratio::new(1015, 1000), 2), "1.02");
        assert_eq!(fixed(&Ratio::new(1, 2), 0), "0");
        assert_eq!(fixed(&Ratio::new(3, 2), 0), "2");
        assert_eq!(fixed(&Ratio::new(9995, 10), 0), "1000");
        assert_eq!(fixed(&Ratio::new(2, 3), 3), "0.667");
        assert_eq!(fixed(&Ratio::new(0, 1), 2), "0.00");
        assert_eq!(fixed(&Ratio::new(12_345, 1000), 1), "12.3");
    }

    #[test]
    fn scientific_and_general() {
        assert_eq!(scientific(&Ratio::new(150, 1), 6), "1.500000e+02");
        assert_eq!(scientific(&Ratio::new(1, 1000), 2), "1.00e-03");
        assert_eq!(scientific(&Ratio::new(9_999_999, 1), 2), "1.00e+07");
        assert_eq!(general(&Ratio::new(1, 2), 6, false), "0.5");
        assert_eq!(general(&Ratio::new(100_000, 1), 6, false), "100000");
        assert_eq!(general(&Ratio::new(1_000_000, 1), 6, false), "1e+06");
        assert_eq!(general(&Ratio::new(100, 3), 6, false), "33.3333");
        assert_eq!(general(&Ratio::new(200, 3), 6, false), "66.6667");
        assert_eq!(general(&Ratio::new(1, 100_000), 6, false), "1e-05");
        assert_eq!(general(&Ratio::new(1, 10_000), 6, false), "0.0001");
        assert_eq!(general(&Ratio::new(9_999_995, 10), 6, false), "1e+06");
        assert_eq!(general(&Ratio::new(0, 1), 6, false), "0");
        assert_eq!(general(&Ratio::new(5, 2), 6, true), "2.50000");
        assert_eq!(general(&Ratio::new(25, 256), 6, false), "0.0976562");
    }

    #[test]
    fn parsing() {
        assert_eq!(parse("0.2"), Some(Ratio { num: 2, den: 10, neg: false }));
        assert_eq!(parse("1"), Some(Ratio::new(1, 1)));
        assert_eq!(parse(".5"), Some(Ratio::new(5, 10)));
        assert_eq!(parse("3."), Some(Ratio::new(3, 1)));
        assert_eq!(parse("1e3"), Some(Ratio::new(1000, 1)));
        assert_eq!(parse("2.5E-1"), Some(Ratio::new(25, 100)));
        assert_eq!(parse("-1.5").map(|r| r.neg), Some(true));
        assert_eq!(parse("1.50"), Some(Ratio::new(15, 10)));
        assert_eq!(parse(""), None);
        assert_eq!(parse("."), None);
        assert_eq!(parse("1x"), None);
        assert_eq!(parse("nan"), None);
        assert_eq!(parse("1e"), None);
        assert_eq!(Ratio::new(15, 10).ceil(), 2);
        assert_eq!(Ratio::new(15, 10).round(), 2);
        assert_eq!(Ratio::new(14, 10).round(), 1);
        assert_eq!(Ratio::new(15, 10).trunc(), 1);
    }
}
