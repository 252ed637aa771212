//! Splitting a command line the way bash does for simple commands: blanks
//! separate words; single quotes keep everything; double quotes keep all
//! but `\` before `$ \` " newline`; a backslash outside quotes escapes the
//! next character; `#` at the start of a word begins a comment; `$?` and
//! `$NAME` expand (unset names to nothing); `;`, `&&` and `||` separate
//! commands.

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
}

/// One simple command: its words and how it joins the previous one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Command {
    /// How it is joined to the previous command.
    pub join: Join,
    /// Its words, quotes removed.
    pub words: Vec<String>,
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
}

/// Splits a line into commands. `status` is the value of `$?` (negative:
/// leave a [`STATUS_MARK`] to fill in later); `var` looks up other
/// variables.
pub fn split(line: &str, status: i32, var: &dyn Fn(&str) -> Option<String>) -> Result<Vec<Command>, SplitError> {
    let chars: Vec<char> = line.chars().collect();
    let mut cmds = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut join = Join::Always;
    let mut w = Word::default();
    let mut i = 0;
    let finish_word = |w: &mut Word, words: &mut Vec<String>| {
        if w.started {
            words.push(std::mem::take(&mut w.text));
        }
        w.started = false;
    };
    while let Some(&c) = chars.get(i) {
        match c {
            ' ' | '\t' | '\n' | '\r' => {
                finish_word(&mut w, &mut words);
                i += 1;
            }
            '#' if !w.started => break,
            '\\' => {
                if let Some(&n) = chars.get(i + 1) {
                    if n != '\n' {
                        w.text.push(n);
                    }
                    w.started = true;
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
                i += end + 2;
            }
            '"' => {
                i += 1;
                w.started = true;
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
                        finish_word(&mut w, &mut words);
                    }
                }
                if used == 1 {
                    w.started = true;
                }
                i += used;
            }
            ';' | '&' | '|' => {
                let two = chars.get(i + 1) == Some(&c) && c != ';';
                let op: String = if two { [c, c].iter().collect() } else { c.to_string() };
                if c != ';' && !two {
                    // Pipes and background jobs are not supported: keep
                    // the character as part of a word.
                    w.text.push(c);
                    w.started = true;
                    i += 1;
                    continue;
                }
                finish_word(&mut w, &mut words);
                if words.is_empty() {
                    return Err(SplitError::Syntax(op));
                }
                cmds.push(Command { join, words: std::mem::take(&mut words) });
                join = match op.as_str() {
                    "&&" => Join::And,
                    "||" => Join::Or,
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
    finish_word(&mut w, &mut words);
    if !words.is_empty() {
        cmds.push(Command { join, words });
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
}
