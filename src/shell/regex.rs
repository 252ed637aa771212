//! POSIX regular expressions as GNU grep reads them in the C locale: basic
//! (BRE, `\(` `\)` `\{` `\}` `\+` `\?` `\|`) and extended (ERE) syntax,
//! bracket expressions with `[:class:]`, anchors, `\<` `\>` `\b` `\w` `\s`.
//! Matching is leftmost-longest, as POSIX asks (`grep -o` prints that),
//! by simulating the compiled program on a set of states (no backtracking,
//! so no pattern takes more than length × program steps a position).

/// One instruction of the compiled program.
#[derive(Debug, Clone)]
enum Inst {
    /// One byte from the set (256 bits).
    Byte([u64; 4]),
    /// Continue at both targets.
    Split(usize, usize),
    /// Continue at the target.
    Jump(usize),
    /// Start of the line.
    Bol,
    /// End of the line.
    Eol,
    /// `\<` (true) or `\>` (false).
    WordEdge(bool),
    /// `\b` (true) or `\B` (false).
    Boundary(bool),
    /// A match ends here.
    Match,
}

/// A parsed expression.
#[derive(Debug, Clone)]
enum Node {
    Set([u64; 4]),
    Bol,
    Eol,
    WordEdge(bool),
    Boundary(bool),
    Cat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat(Box<Node>, u32, Option<u32>),
}

/// A compiled expression.
#[derive(Debug, Clone)]
pub struct Regex {
    prog: Vec<Inst>,
}

/// Why a pattern was refused, in grep's words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegexError(pub &'static str);

/// The most instructions a pattern may compile to (counted repetition
/// copies its operand).
const MAX_PROG: usize = 20_000;

fn set_add(s: &mut [u64; 4], b: u8) {
    s[usize::from(b >> 6)] |= 1u64 << (b & 63);
}

fn set_has(s: &[u64; 4], b: u8) -> bool {
    s[usize::from(b >> 6)] & (1u64 << (b & 63)) != 0
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn single(b: u8, icase: bool) -> Node {
    let mut s = [0u64; 4];
    set_add(&mut s, b);
    if icase {
        set_add(&mut s, b.to_ascii_lowercase());
        set_add(&mut s, b.to_ascii_uppercase());
    }
    Node::Set(s)
}

fn class(pred: fn(u8) -> bool, negate: bool) -> Node {
    let mut s = [0u64; 4];
    for b in 0..=255u8 {
        if pred(b) != negate {
            set_add(&mut s, b);
        }
    }
    Node::Set(s)
}

/// The `[:name:]` classes of the C locale.
fn named_class(name: &str) -> Option<fn(u8) -> bool> {
    Some(match name {
        "alpha" => |b: u8| b.is_ascii_alphabetic(),
        "digit" => |b: u8| b.is_ascii_digit(),
        "alnum" => |b: u8| b.is_ascii_alphanumeric(),
        "upper" => |b: u8| b.is_ascii_uppercase(),
        "lower" => |b: u8| b.is_ascii_lowercase(),
        "space" => |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c),
        "blank" => |b: u8| b == b' ' || b == b'\t',
        "punct" => |b: u8| b.is_ascii_punctuation(),
        "xdigit" => |b: u8| b.is_ascii_hexdigit(),
        "cntrl" => |b: u8| b.is_ascii_control(),
        "print" => |b: u8| (0x20..0x7f).contains(&b),
        "graph" => |b: u8| b.is_ascii_graphic(),
        _ => return None,
    })
}

struct Parser<'a> {
    p: &'a [u8],
    i: usize,
    extended: bool,
    icase: bool,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.p.get(self.i).copied()
    }

    fn peek2(&self) -> Option<u8> {
        self.p.get(self.i + 1).copied()
    }

    /// Whether an alternation bar starts here.
    fn at_bar(&self) -> bool {
        if self.extended { self.peek() == Some(b'|') } else { self.peek() == Some(b'\\') && self.peek2() == Some(b'|') }
    }

    /// Whether a closing group starts here.
    fn at_close(&self) -> bool {
        if self.extended { self.peek() == Some(b')') } else { self.peek() == Some(b'\\') && self.peek2() == Some(b')') }
    }

    fn alternation(&mut self, depth: u32) -> Result<Node, RegexError> {
        let mut alts = vec![self.concat(depth)?];
        while self.at_bar() {
            self.i += if self.extended { 1 } else { 2 };
            alts.push(self.concat(depth)?);
        }
        Ok(if alts.len() == 1 { alts.remove(0) } else { Node::Alt(alts) })
    }

    fn concat(&mut self, depth: u32) -> Result<Node, RegexError> {
        let mut items: Vec<Node> = Vec::new();
        let start = self.i;
        while self.i < self.p.len() && !self.at_bar() && !(depth > 0 && self.at_close()) {
            let at_start = self.i == start;
            let atom = self.atom(depth, at_start)?;
            let atom = self.postfix(atom)?;
            items.push(atom);
        }
        Ok(Node::Cat(items))
    }

    fn postfix(&mut self, mut atom: Node) -> Result<Node, RegexError> {
        loop {
            let (min, max, used) = match (self.peek(), self.peek2()) {
                (Some(b'*'), _) => (0, None, 1),
                (Some(b'+'), _) if self.extended => (1, None, 1),
                (Some(b'?'), _) if self.extended => (0, Some(1), 1),
                (Some(b'\\'), Some(b'+')) if !self.extended => (1, None, 2),
                (Some(b'\\'), Some(b'?')) if !self.extended => (0, Some(1), 2),
                (Some(b'{'), _) if self.extended => {
                    self.i += 1;
                    let (min, max) = self.interval()?;
                    atom = Node::Repeat(Box::new(atom), min, max);
                    continue;
                }
                (Some(b'\\'), Some(b'{')) if !self.extended => {
                    self.i += 2;
                    let (min, max) = self.interval()?;
                    atom = Node::Repeat(Box::new(atom), min, max);
                    continue;
                }
                _ => return Ok(atom),
            };
            self.i += used;
            atom = Node::Repeat(Box::new(atom), min, max);
        }
    }

    /// `m}`, `m,}`, `m,n}` (with `\}` in BRE).
    fn interval(&mut self) -> Result<(u32, Option<u32>), RegexError> {
        let num = |s: &mut Self| -> Option<u32> {
            let st = s.i;
            while s.peek().is_some_and(|b| b.is_ascii_digit()) {
                s.i += 1;
            }
            std::str::from_utf8(s.p.get(st..s.i)?).ok()?.parse().ok()
        };
        let min = num(self).unwrap_or(0);
        let max = if self.peek() == Some(b',') {
            self.i += 1;
            num(self)
        } else {
            Some(min)
        };
        if !self.extended {
            if self.peek() != Some(b'\\') {
                return Err(RegexError("Unmatched \\{"));
            }
            self.i += 1;
        }
        if self.peek() != Some(b'}') {
            return Err(RegexError("Invalid content of \\{\\}"));
        }
        self.i += 1;
        if max.is_some_and(|m| m < min) || min > 255 || max.is_some_and(|m| m > 255) {
            return Err(RegexError("Invalid content of \\{\\}"));
        }
        Ok((min, max))
    }

    fn atom(&mut self, depth: u32, at_start: bool) -> Result<Node, RegexError> {
        let Some(c) = self.peek() else { return Ok(Node::Cat(Vec::new())) };
        self.i += 1;
        Ok(match c {
            b'^' if self.extended || at_start => Node::Bol,
            b'$' if self.extended || self.i == self.p.len() || self.at_bar() || (depth > 0 && self.at_close()) => Node::Eol,
            b'.' => class(|b| b != b'\n', false),
            b'[' => self.bracket()?,
            b'*' if at_start => single(b'*', false),
            b'(' if self.extended => self.group(depth)?,
            b')' if self.extended && depth == 0 => single(b')', false),
            b'\\' => {
                let Some(e) = self.peek() else { return Err(RegexError("Trailing backslash")) };
                self.i += 1;
                match e {
                    b'(' if !self.extended => self.group(depth)?,
                    b'w' => class(is_word, false),
                    b'W' => class(is_word, true),
                    b's' => class(|b| b.is_ascii_whitespace(), false),
                    b'S' => class(|b| b.is_ascii_whitespace(), true),
                    b'<' => Node::WordEdge(true),
                    b'>' => Node::WordEdge(false),
                    b'b' => Node::Boundary(true),
                    b'B' => Node::Boundary(false),
                    b'1'..=b'9' => return Err(RegexError("Back-references are not supported")),
                    other => single(other, self.icase),
                }
            }
            other => single(other, self.icase),
        })
    }

    fn group(&mut self, depth: u32) -> Result<Node, RegexError> {
        if depth > 50 {
            return Err(RegexError("Regular expression too big"));
        }
        let inner = self.alternation(depth + 1)?;
        if !self.at_close() {
            return Err(RegexError("Unmatched ( or \\("));
        }
        self.i += if self.extended { 1 } else { 2 };
        Ok(inner)
    }

    /// `[...]` after the `[`.
    fn bracket(&mut self) -> Result<Node, RegexError> {
        let mut s = [0u64; 4];
        let negate = self.peek() == Some(b'^');
        if negate {
            self.i += 1;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else { return Err(RegexError("Unmatched [, [^, [:, [., or [=")) };
            if c == b']' && !first {
                self.i += 1;
                break;
            }
            first = false;
            if c == b'[' && self.peek2() == Some(b':') {
                let rest = self.p.get(self.i + 2..).unwrap_or_default();
                let Some(end) = rest.windows(2).position(|w| w == b":]") else {
                    return Err(RegexError("Unmatched [, [^, [:, [., or [="));
                };
                let name = std::str::from_utf8(rest.get(..end).unwrap_or_default()).unwrap_or("");
                let Some(pred) = named_class(name) else { return Err(RegexError("Invalid character class name")) };
                for b in 0..=255u8 {
                    if pred(b) || (self.icase && (pred(b.to_ascii_lowercase()) || pred(b.to_ascii_uppercase()))) {
                        set_add(&mut s, b);
                    }
                }
                self.i += end + 4;
                continue;
            }
            self.i += 1;
            let hi = if self.peek() == Some(b'-') && self.peek2().is_some_and(|b| b != b']') {
                let h = self.peek2().unwrap_or(c);
                self.i += 2;
                if h < c {
                    return Err(RegexError("Invalid range end"));
                }
                h
            } else {
                c
            };
            for b in c..=hi {
                set_add(&mut s, b);
                if self.icase {
                    set_add(&mut s, b.to_ascii_lowercase());
                    set_add(&mut s, b.to_ascii_uppercase());
                }
            }
        }
        if negate {
            for w in s.iter_mut() {
                *w = !*w;
            }
            s[0] &= !(1u64 << b'\n');
        }
        Ok(Node::Set(s))
    }
}

fn compile(node: &Node, prog: &mut Vec<Inst>) -> Result<(), RegexError> {
    if prog.len() > MAX_PROG {
        return Err(RegexError("Regular expression too big"));
    }
    match node {
        Node::Set(s) => prog.push(Inst::Byte(*s)),
        Node::Bol => prog.push(Inst::Bol),
        Node::Eol => prog.push(Inst::Eol),
        Node::WordEdge(b) => prog.push(Inst::WordEdge(*b)),
        Node::Boundary(b) => prog.push(Inst::Boundary(*b)),
        Node::Cat(items) => {
            for n in items {
                compile(n, prog)?;
            }
        }
        Node::Alt(alts) => {
            let mut jumps = Vec::new();
            for (k, a) in alts.iter().enumerate() {
                if k + 1 < alts.len() {
                    let split = prog.len();
                    prog.push(Inst::Split(split + 1, 0));
                    compile(a, prog)?;
                    jumps.push(prog.len());
                    prog.push(Inst::Jump(0));
                    let next = prog.len();
                    prog[split] = Inst::Split(split + 1, next);
                } else {
                    compile(a, prog)?;
                }
            }
            let end = prog.len();
            for j in jumps {
                prog[j] = Inst::Jump(end);
            }
        }
        Node::Repeat(inner, min, max) => {
            for _ in 0..*min {
                compile(inner, prog)?;
            }
            match max {
                None => {
                    let split = prog.len();
                    prog.push(Inst::Split(split + 1, 0));
                    compile(inner, prog)?;
                    prog.push(Inst::Jump(split));
                    let end = prog.len();
                    prog[split] = Inst::Split(split + 1, end);
                }
                Some(max) => {
                    let mut splits = Vec::new();
                    for _ in *min..*max {
                        splits.push(prog.len());
                        prog.push(Inst::Split(0, 0));
                        compile(inner, prog)?;
                    }
                    let end = prog.len();
                    for s in splits {
                        prog[s] = Inst::Split(s + 1, end);
                    }
                }
            }
        }
    }
    Ok(())
}

impl Regex {
    /// Compiles `pattern` as grep would: `extended` for `-E`, `icase` for
    /// `-i`.
    pub fn new(pattern: &str, extended: bool, icase: bool) -> Result<Regex, RegexError> {
        let mut p = Parser { p: pattern.as_bytes(), i: 0, extended, icase };
        let node = p.alternation(0)?;
        if p.i < p.p.len() {
            return Err(RegexError("Unmatched ) or \\)"));
        }
        let mut prog = Vec::new();
        compile(&node, &mut prog)?;
        prog.push(Inst::Match);
        Ok(Regex { prog })
    }

    /// A regex that matches `text` literally (`grep -F`).
    pub fn literal(text: &str, icase: bool) -> Regex {
        let mut prog: Vec<Inst> = Vec::new();
        for b in text.bytes() {
            if let Node::Set(s) = single(b, icase) {
                prog.push(Inst::Byte(s));
            }
        }
        prog.push(Inst::Match);
        Regex { prog }
    }

    /// Adds `pc` and what it reaches without reading a byte to `set`, in
    /// priority order (an explicit stack: long chains of splits must not
    /// recurse), each state once.
    fn add(&self, set: &mut Vec<usize>, seen: &mut [bool], pc: usize, line: &[u8], at: usize) {
        let before = at.checked_sub(1).and_then(|i| line.get(i)).copied().is_some_and(is_word);
        let after = line.get(at).copied().is_some_and(is_word);
        let mut stack = vec![pc];
        while let Some(pc) = stack.pop() {
            match seen.get_mut(pc) {
                Some(s) if !*s => *s = true,
                _ => continue,
            }
            let next = match self.prog[pc] {
                Inst::Split(a, b) => {
                    stack.push(b);
                    stack.push(a);
                    continue;
                }
                Inst::Jump(t) => t,
                Inst::Bol if at == 0 => pc + 1,
                Inst::Eol if at == line.len() => pc + 1,
                Inst::WordEdge(true) if !before && after => pc + 1,
                Inst::WordEdge(false) if before && !after => pc + 1,
                Inst::Boundary(b) if (before != after) == b => pc + 1,
                Inst::Byte(_) | Inst::Match => {
                    set.push(pc);
                    continue;
                }
                _ => continue,
            };
            stack.push(next);
        }
    }

    /// Every end of a match that starts at `start` in `line`, ascending.
    pub fn ends_from(&self, line: &[u8], start: usize) -> Vec<usize> {
        let n = self.prog.len();
        let mut ends = Vec::new();
        let mut cur = Vec::new();
        let mut seen = vec![false; n];
        self.add(&mut cur, &mut seen, 0, line, start);
        let mut at = start;
        loop {
            if cur.iter().any(|&pc| matches!(self.prog[pc], Inst::Match)) {
                ends.push(at);
            }
            let Some(&b) = line.get(at) else { break };
            let mut next = Vec::new();
            let mut seen = vec![false; n];
            for &pc in &cur {
                if let Inst::Byte(s) = &self.prog[pc] {
                    if set_has(s, b) {
                        self.add(&mut next, &mut seen, pc + 1, line, at + 1);
                    }
                }
            }
            if next.is_empty() {
                break;
            }
            cur = next;
            at += 1;
        }
        ends
    }

    /// The leftmost-longest match in `line` at or after `from`, in one pass:
    /// each state remembers where its match started, and of two reaching
    /// the same state the earlier start wins.
    pub fn find_at(&self, line: &[u8], from: usize) -> Option<(usize, usize)> {
        let n = self.prog.len();
        let mut threads: Vec<(usize, usize)> = Vec::new(); // (pc, start)
        let mut best: Option<(usize, usize)> = None;
        let mut at = from;
        while at <= line.len() {
            let mut seen = vec![false; n];
            for &(pc, _) in &threads {
                seen[pc] = true;
            }
            if best.is_none() {
                let mut fresh = Vec::new();
                self.add(&mut fresh, &mut seen, 0, line, at);
                threads.extend(fresh.into_iter().map(|pc| (pc, at)));
            }
            for &(pc, start) in &threads {
                if matches!(self.prog[pc], Inst::Match) && best.is_none_or(|(bs, be)| start < bs || (start == bs && at > be)) {
                    best = Some((start, at));
                }
            }
            if let Some((bs, _)) = best {
                threads.retain(|&(_, s)| s <= bs);
            }
            let Some(&b) = line.get(at) else { break };
            let mut next = Vec::new();
            let mut seen = vec![false; n];
            for &(pc, start) in &threads {
                if let Inst::Byte(s) = &self.prog[pc] {
                    if set_has(s, b) {
                        let mut reached = Vec::new();
                        self.add(&mut reached, &mut seen, pc + 1, line, at + 1);
                        next.extend(reached.into_iter().map(|pc| (pc, start)));
                    }
                }
            }
            threads = next;
            at += 1;
            if threads.is_empty() && best.is_some() {
                break;
            }
        }
        best
    }

    /// Whether `line` holds a match.
    pub fn is_match(&self, line: &[u8]) -> bool {
        self.find_at(line, 0).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(p: &str, ere: bool, s: &str) -> Option<(usize, usize)> {
        Regex::new(p, ere, false).unwrap().find_at(s.as_bytes(), 0)
    }

    #[test]
    fn basic_and_extended_syntax() {
        assert_eq!(find("a+", false, "xa+a"), Some((1, 3)));
        assert_eq!(find("a\\+", false, "xaaa"), Some((1, 4)));
        assert_eq!(find("a+", true, "xaaa"), Some((1, 4)));
        assert_eq!(find("v0|v1", true, "x v1"), Some((2, 4)));
        assert_eq!(find("v0\\|v1", false, "x v1"), Some((2, 4)));
        assert_eq!(find("(ab){2}", true, "abab"), Some((0, 4)));
        assert_eq!(find("\\(ab\\)\\{2\\}", false, "xabab"), Some((1, 5)));
        assert_eq!(find("^inet", false, "  inet"), None);
        assert_eq!(find("mtu [0-9]*", false, "a mtu 1500 q"), Some((2, 10)));
        assert_eq!(find("[[:digit:]]+$", true, "eth10"), Some((3, 5)));
        assert_eq!(find("*a", false, "x*a"), Some((1, 3)));
        assert_eq!(find("\\<lo\\>", false, "slow lo"), Some((5, 7)));
        assert_eq!(find("[^a-z]", false, "abc1"), Some((3, 4)));
    }

    #[test]
    fn leftmost_longest() {
        assert_eq!(find("a|ab", true, "xab"), Some((1, 3)));
        assert_eq!(find("(a|ab)(c|bcd)", true, "abcd"), Some((0, 4)));
        assert!(Regex::new("MTU", false, true).unwrap().is_match(b"mtu 1500"));
    }

    #[test]
    fn one_pass_agrees_with_every_start() {
        for (p, ere) in [("a|ab", true), ("(a|ab)(c|bcd)", true), ("x*", false), ("\\<v[0-9]", false), ("[0-9]+$", true), ("b*a", true)] {
            let re = Regex::new(p, ere, false).unwrap();
            for text in ["abcd xab", "v0 v12", "", "aab", "bbba", "x1 22"] {
                let slow = (0..=text.len()).find_map(|s| re.ends_from(text.as_bytes(), s).last().map(|&e| (s, e)));
                assert_eq!(re.find_at(text.as_bytes(), 0), slow, "{p} on {text:?}");
            }
        }
    }

    #[test]
    fn long_inputs_and_chains_stay_cheap() {
        let re = Regex::new("(a*)*b", true, false).unwrap();
        assert_eq!(re.find_at("a".repeat(20_000).as_bytes(), 0), None);
        let re = Regex::new("(a?){200}x", true, false).unwrap();
        assert!(re.is_match(&[b"a".repeat(100), b"x".to_vec()].concat()));
    }

    #[test]
    fn errors_and_limits() {
        assert!(Regex::new("a(b", true, false).is_err());
        assert!(Regex::new("[abc", false, false).is_err());
        assert!(Regex::new("a{3,1}", true, false).is_err());
        assert!(Regex::new("((((a{255}){255}){255}){255})", true, false).is_err());
    }
}
