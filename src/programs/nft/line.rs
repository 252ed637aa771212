//! Several commands on one line, separated by `;` (`nft 'add table ip t;
//! add chain ip t c'`): nft 1.0.6 parses and evaluates every command of
//! the line before it sends anything (`nft_run`: the parser, then
//! `nft_evaluate`, then `nft_netlink`), so an error in any command leaves
//! the ruleset as it was; listings print after the changes of the line.

use super::Tok;

/// The commands of a tokenized line: the words of each one and where its
/// text ends (the `;` after it, or the end of the line). A `;` inside
/// braces (`{ type filter hook input priority 0; }`) belongs to its
/// command; empty commands (`;;`, a trailing `;`) are left out.
pub fn split(toks: &[Tok], line_len: usize) -> Vec<(Vec<Tok>, usize)> {
    let mut out = Vec::new();
    let mut cur: Vec<Tok> = Vec::new();
    let mut depth = 0usize;
    for t in toks {
        match t.text.as_str() {
            "{" => depth += 1,
            "}" => depth = depth.saturating_sub(1),
            ";" if depth == 0 => {
                if !cur.is_empty() {
                    out.push((std::mem::take(&mut cur), t.at));
                }
                continue;
            }
            _ => {}
        }
        cur.push(t.clone());
    }
    if !cur.is_empty() {
        out.push((cur, line_len));
    }
    out
}

/// Whether a line holds more than one command, or only `;`.
pub fn is_multi(toks: &[Tok]) -> bool {
    let mut depth = 0usize;
    toks.iter().any(|t| {
        match t.text.as_str() {
            "{" => depth += 1,
            "}" => depth = depth.saturating_sub(1),
            _ => {}
        }
        depth == 0 && t.text == ";"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(line: &str) -> Vec<Vec<String>> {
        split(&super::super::tokenize(line), line.len()).into_iter().map(|(c, _)| c.into_iter().map(|t| t.text).collect()).collect()
    }

    #[test]
    fn semicolons_split_outside_braces_only() {
        let line = "add table ip t; add chain ip t c { type filter hook input priority 0; } ;; list tables;";
        let cmds = words(line);
        assert_eq!(cmds.len(), 3);
        assert_eq!(cmds[0], ["add", "table", "ip", "t"]);
        assert!(cmds[1].contains(&";".to_string()), "the chain's own `;` stays: {:?}", cmds[1]);
        assert_eq!(cmds[2], ["list", "tables"]);
        assert!(is_multi(&super::super::tokenize("add table ip t;")));
        assert!(!is_multi(&super::super::tokenize("add chain ip t c { type filter hook input priority 0; }")));
    }
}
