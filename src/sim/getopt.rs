//! Short-option parsing as glibc's `getopt` does it for ping and
//! traceroute: clustered flags (`-qn`), values attached (`-c3`) or in the
//! next word (`-c 3`), `--` ending the options, operands anywhere.

/// One parsed option: its letter and value (for options that take one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opt {
    /// The option letter.
    pub letter: char,
    /// Its argument.
    pub value: Option<String>,
}

/// What went wrong, as getopt reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GetoptError {
    /// `invalid option -- 'x'`.
    Invalid(char),
    /// `option requires an argument -- 'x'`.
    MissingValue(char),
}

/// Splits `args` into options and operands. `with_value` lists the letters
/// that take an argument, `flags` those that do not.
pub fn getopt(args: &[String], with_value: &str, flags: &str) -> Result<(Vec<Opt>, Vec<String>), GetoptError> {
    let mut opts = Vec::new();
    let mut operands = Vec::new();
    let mut i = 0;
    while let Some(a) = args.get(i) {
        i += 1;
        if a == "--" {
            operands.extend(args[i..].iter().cloned());
            break;
        }
        let Some(cluster) = a.strip_prefix('-').filter(|c| !c.is_empty()) else {
            operands.push(a.clone());
            continue;
        };
        for (pos, c) in cluster.char_indices() {
            if with_value.chars().any(|x| x == c) {
                let rest = cluster.get(pos + c.len_utf8()..).unwrap_or("");
                let value = if !rest.is_empty() {
                    rest.to_string()
                } else {
                    let v = args.get(i).cloned().ok_or(GetoptError::MissingValue(c))?;
                    i += 1;
                    v
                };
                opts.push(Opt { letter: c, value: Some(value) });
                break;
            } else if flags.chars().any(|x| x == c) {
                opts.push(Opt { letter: c, value: None });
            } else {
                return Err(GetoptError::Invalid(c));
            }
        }
    }
    Ok((opts, operands))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn clusters_values_and_operands() {
        let (o, rest) = getopt(&words("-qc3 10.0.0.1 -W 2"), "cW", "q").unwrap();
        assert_eq!(
            o,
            vec![
                Opt { letter: 'q', value: None },
                Opt { letter: 'c', value: Some("3".into()) },
                Opt { letter: 'W', value: Some("2".into()) }
            ]
        );
        assert_eq!(rest, vec!["10.0.0.1".to_string()]);
        assert_eq!(getopt(&words("-x"), "c", "q"), Err(GetoptError::Invalid('x')));
        assert_eq!(getopt(&words("-c"), "c", "q"), Err(GetoptError::MissingValue('c')));
    }
}
