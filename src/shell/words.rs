//! Splitting a command line the way bash does for simple commands: blanks
//! separate words; single quotes keep everything; double quotes keep all
//! but `\` before `$ \` " newline`; a backslash outside quotes escapes the
//! next character; `#` at the start of a word begins a comment; `$?` and
//! `$NAME` expand (unset names to nothing); `;`, `&&` and `||` separate
//! commands, `|` joins them into a pipeline; `>`, `>>`, `N>`, `N>&M` and
//! `&>` redirect a command's output.

/// Stands for `$?` in words split with a negative status, so that the
/// status can be filled in when each command runs ([`fill_status`]).
pub const STATUS_MARK: char = '\u{E000}';
const STATUS_MARK_TEXT: &str = "\u{E000}";

/// Replaces the `$?` marks of a word with `status`.
pub fn fill_status(word: &str, status: i32) -> String {
    crate::text::replace(word, STATUS_MARK_TEXT, &status.to_string())
}

/// How a command is joined to the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Join {
    /// First command, or after `;`: always runs.
    Always,
    /// After `&&`: runs when the previous one succeeded.
    And,
    /// After `||`: runs when the previous one failed.
    Or,
    /// After `|`: reads the previous command's standard output.
    Pipe,
}

/// Where a redirection sends a descriptor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A file (`> FILE`, `>> FILE`).
    File(String),
    /// Another descriptor (`>&N`).
    Fd(u8),
}

/// One redirection of a command's output, applied left to right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redirect {
    /// The descriptor redirected: 1 or 2.
    pub fd: u8,
    /// Where it goes.
    pub target: Target,
}

/// One simple command: its words and how it joins the previous one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// How it is joined to the previous command.
    pub join: Join,
    /// Its words, quotes removed.
    pub words: Vec<String>,
    /// Its redirections, in the order written.
    pub redirects: Vec<Redirect>,
}

/// Why a line could not be split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// A quote was not closed; the quote character.
    Unterminated(char),
    /// An operator with no command before it.
    Syntax(String),
}

/// A word being built, and whether anything (even "") was quoted into it.
#[derive(Default)]
struct Word {
    text: String,
    started: bool,
    /// Whether a quote or escape went into it (then `2>` is a word and `>`).
    quoted: bool,
}

/// `&>`: standard output and standard error to one file.
const BOTH: u8 = 3;

/// The words and redirections of the command being read.
#[derive(Default)]
struct Pending {
    words: Vec<String>,
    redirects: Vec<Redirect>,
    /// A redirection of this descriptor waits for its file name.
    target_for: Option<u8>,
}

impl Pending {
    fn finish_word(&mut self, w: &mut Word) {
        if w.started {
            let text = std::mem::take(&mut w.text);
            match self.target_for.take() {
                Some(BOTH) => {
                    self.redirects.push(Redirect { fd: 1, target: Target::File(text) });
                    self.redirects.push(Redirect { fd: 2, target: Target::Fd(1) });
                }
                Some(fd) => self.redirects.push(Redirect { fd, target: Target::File(text) }),
                None => self.words.push(text),
            }
        }
        w.started = false;
        w.quoted = false;
    }
}

/// Splits a line into commands. `status` is the value of `$?` (negative:
/// leave a [`STATUS_MARK`] to fill in later); `var` looks up other
/// variables.
pub fn split(line: &str, status: i32, var: &dyn Fn(&str) -> Option<String>) -> Result<Vec<Command>, SplitError> {
    // bash drops NUL bytes from its input: no argument of a program can
    // hold one (execve ends each at its NUL).
    let chars: Vec<char> = line.chars().filter(|&c| c != '\0').collect();
    let mut cmds = Vec::new();
    let mut cur = Pending::default();
    let mut join = Join::Always;
    let mut w = Word::default();
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            ' ' | '\t' | '\n' | '\r' => {
                cur.finish_word(&mut w);
                i += 1;
            }
            '#' if !w.started => break,
            '\\' => {
                if let Some(&n) = chars.get(i + 1) {
                    if n != '\n' {
                        w.text.push(n);
                    }
                    w.started = true;
                    w.quoted = true;
                    i += 2;
                } else {
                    i += 1;
                }
            }
            '\'' => {
                let quoted = chars.get(i + 1..).unwrap_or_default();
                let Some(end) = quoted.iter().position(|&x| x == '\'') else {
                    return Err(SplitError::Unterminated('\''));
                };
                w.text.extend(quoted.get(..end).unwrap_or_default());
                w.started = true;
                w.quoted = true;
                i += end + 2;
            }
            '"' => {
                i += 1;
                w.started = true;
                w.quoted = true;
                loop {
                    let Some(&d) = chars.get(i) else {
                        return Err(SplitError::Unterminated('"'));
                    };
                    match d {
                        '"' => {
                            i += 1;
                            break;
                        }
                        '\\' if matches!(chars.get(i + 1), Some('$' | '`' | '"' | '\\' | '\n')) => {
                            if let Some(&n) = chars.get(i + 1).filter(|&&n| n != '\n') {
                                w.text.push(n);
                            }
                            i += 2;
                        }
                        '$' => {
                            let (text, used) = expand(chars.get(i..).unwrap_or_default(), status, var);
                            w.text.push_str(&text);
                            i += used;
                        }
                        d => {
                            w.text.push(d);
                            i += 1;
                        }
                    }
                }
            }
            '$' => {
                let (text, used) = expand(chars.get(i..).unwrap_or_default(), status, var);
                // Unquoted expansions are split on blanks.
                let mut parts = text.split([' ', '\t', '\n']).peekable();
                if used > 1 && text.is_empty() {
                    i += used;
                    continue;
                }
                while let Some(p) = parts.next() {
                    w.text.push_str(p);
                    if !p.is_empty() {
                        w.started = true;
                    }
                    if parts.peek().is_some() {
                        cur.finish_word(&mut w);
                    }
                }
                if used == 1 {
                    w.started = true;
                }
                i += used;
            }
            '>' => {
                // `N>` when the word so far is a bare digit; `&>` both.
                let fd = match w.text.as_str() {
                    "1" | "2" if w.started && !w.quoted => {
                        let fd = if w.text == "2" { 2 } else { 1 };
                        w = Word::default();
                        fd
                    }
                    _ => {
                        cur.finish_word(&mut w);
                        1
                    }
                };
                if cur.target_for.is_some() {
                    return Err(SplitError::Syntax(">".into()));
                }
                i += 1;
                if chars.get(i) == Some(&'>') {
                    i += 1;
                }
                if chars.get(i) == Some(&'&') {
                    let to = match chars.get(i + 1) {
                        Some('1') => 1,
                        Some('2') => 2,
                        _ => return Err(SplitError::Syntax("&".into())),
                    };
                    cur.redirects.push(Redirect { fd, target: Target::Fd(to) });
                    i += 2;
                } else {
                    cur.target_for = Some(fd);
                }
            }
            '&' if chars.get(i + 1) == Some(&'>') => {
                cur.finish_word(&mut w);
                // `&>FILE`: standard output to FILE, then errors after it.
                let mut j = i + 2;
                if chars.get(j) == Some(&'>') {
                    j += 1;
                }
                cur.target_for = Some(BOTH);
                i = j;
            }
            ';' | '&' | '|' => {
                let two = chars.get(i + 1) == Some(&c) && c != ';';
                let op: String = if two { [c, c].iter().collect() } else { c.to_string() };
                if c == '&' && !two {
                    // Background jobs are not supported: keep the
                    // character as part of a word.
                    w.text.push(c);
                    w.started = true;
                    i += 1;
                    continue;
                }
                cur.finish_word(&mut w);
                if cur.target_for.is_some() {
                    return Err(SplitError::Syntax(op));
                }
                if cur.words.is_empty() && cur.redirects.is_empty() {
                    return Err(SplitError::Syntax(op));
                }
                let done = std::mem::take(&mut cur);
                cmds.push(Command { join, words: done.words, redirects: done.redirects });
                join = match op.as_str() {
                    "&&" => Join::And,
                    "||" => Join::Or,
                    "|" => Join::Pipe,
                    _ => Join::Always,
                };
                i += op.len();
            }
            c => {
                w.text.push(c);
                w.started = true;
                i += 1;
            }
        }
    }
    cur.finish_word(&mut w);
    if cur.target_for.is_some() {
        return Err(SplitError::Syntax("newline".to_string()));
    }
    if !cur.words.is_empty() || !cur.redirects.is_empty() {
        cmds.push(Command { join, words: cur.words, redirects: cur.redirects });
    } else if join != Join::Always {
        return Err(SplitError::Syntax("newline".to_string()));
    }
    Ok(cmds)
}

/// Expands a `$` at the start of `s`; returns the text and the characters
/// used (1 when the `$` stays literal).
fn expand(s: &[char], status: i32, var: &dyn Fn(&str) -> Option<String>) -> (String, usize) {
    match s.get(1) {
        Some('?') if status < 0 => (STATUS_MARK.to_string(), 2),
        Some('?') => (status.to_string(), 2),
        Some('{') => match s.get(2..).unwrap_or_default().iter().position(|&c| c == '}') {
            Some(end) => {
                let name: String = s.get(2..2 + end).unwrap_or_default().iter().collect();
                (var(&name).unwrap_or_default(), end + 3)
            }
            None => ("$".to_string(), 1),
        },
        Some(c) if c.is_ascii_alphabetic() || *c == '_' => {
            let name: String = s.get(1..).unwrap_or_default().iter().take_while(|c| c.is_ascii_alphanumeric() || **c == '_').collect();
            let n = name.chars().count();
            (var(&name).unwrap_or_default(), n + 1)
        }
        _ => ("$".to_string(), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<String> {
        let cmds = split(line, 0, &|_| None).unwrap();
        cmds.into_iter().flat_map(|c| c.words).collect()
    }

    #[test]
    fn quoting() {
        assert_eq!(words("ip link  show"), ["ip", "link", "show"]);
        assert_eq!(words("echo 'a  b' \"c d\" e\\ f"), ["echo", "a  b", "c d", "e f"]);
        assert_eq!(words("echo \"a\\\"b\" 'x\\y'"), ["echo", "a\"b", "x\\y"]);
        assert_eq!(words("echo '' \"\""), ["echo", "", ""]);
        assert_eq!(words("echo a#b # comment"), ["echo", "a#b"]);
        assert_eq!(words("   # only a comment"), Vec::<String>::new());
        assert_eq!(words(""), Vec::<String>::new());
    }

    #[test]
    fn nul_bytes_are_dropped_as_bash_drops_them() {
        // `printf 'echo a\0b \0 c\n' | bash` prints "ab c".
        assert_eq!(words("echo a\0b \0 c '\0'"), ["echo", "ab", "c", ""]);
    }

    #[test]
    fn status_and_variables() {
        let c = split("echo $? \"$?\" $X ${Y}z $", 3, &|n| (n == "Y").then(|| "y".to_string())).unwrap();
        assert_eq!(c[0].words, ["echo", "3", "3", "yz", "$"]);
    }

    #[test]
    fn separators() {
        let c = split("true && echo a; false || echo b", 0, &|_| None).unwrap();
        assert_eq!(c.len(), 4);
        assert_eq!(c[1].join, Join::And);
        assert_eq!(c[2].join, Join::Always);
        assert_eq!(c[3].join, Join::Or);
        assert!(split("echo 'open", 0, &|_| None).is_err());
        assert!(split("; echo", 0, &|_| None).is_err());
    }

    #[test]
    fn pipes_and_redirections() {
        let c = split("ip a | grep -c inet >/dev/null 2>&1; echo 1 > /proc/x 2>/dev/null", 0, &|_| None).unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(c[1].join, Join::Pipe);
        assert_eq!(c[1].words, ["grep", "-c", "inet"]);
        let file = |f: &str| Target::File(f.to_string());
        assert_eq!(c[1].redirects, [Redirect { fd: 1, target: file("/dev/null") }, Redirect { fd: 2, target: Target::Fd(1) }]);
        assert_eq!(c[2].words, ["echo", "1"]);
        assert_eq!(c[2].redirects, [Redirect { fd: 1, target: file("/proc/x") }, Redirect { fd: 2, target: file("/dev/null") }]);
        let c = split("echo '2'>x a2>y &>z", 0, &|_| None).unwrap();
        assert_eq!(c[0].words, ["echo", "2", "a2"]);
        assert_eq!(c[0].redirects.len(), 4);
        assert_eq!(split("echo >", 0, &|_| None), Err(SplitError::Syntax("newline".into())));
        assert_eq!(split("echo > | x", 0, &|_| None), Err(SplitError::Syntax("|".into())));
        assert_eq!(split("| x", 0, &|_| None), Err(SplitError::Syntax("|".into())));
    }
}
