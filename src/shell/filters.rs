//! The text filters tutorials pipe `ip` into, printing what GNU coreutils
//! 9.1, grep 3.8, mawk and util-linux 2.38's `column` print in the C
//! locale: `grep`, `head`, `tail`, `wc`, `sort`, `cut`, `awk '{print $N}'`
//! and `column -t`. Each reads its standard input (a pipeline's text).

use super::regex::Regex;
use crate::output::Output;

/// The lines of `input`, without their newlines (a last line without one
/// counts too).
fn lines(input: &str) -> Vec<&str> {
    let body = input.strip_suffix('\n').unwrap_or(input);
    if input.is_empty() { Vec::new() } else { body.split('\n').collect() }
}

/// GNU's message for a bad option, and its status.
fn bad_option(out: &mut Output, prog: &str, opt: &str, usage: &str) -> i32 {
    if let Some(long) = opt.strip_prefix("--") {
        out.err(&format!("{prog}: unrecognized option '--{long}'\n"));
    } else {
        let c = opt.trim_start_matches('-').chars().next().unwrap_or('-');
        out.err(&format!("{prog}: invalid option -- '{c}'\n"));
    }
    out.err(usage);
    out.err(&format!("Try '{prog} --help' for more information.\n"));
    if prog == "grep" || prog == "ls" { 2 } else { 1 }
}

/// Files are not readable here: filters read their standard input only.
fn no_file(out: &mut Output, prog: &str, file: &str) -> i32 {
    out.err(&format!("{prog}: {file}: No such file or directory\n"));
    if prog == "grep" { 2 } else { 1 }
}

/// `grep [-EFGivcoqnwx] [-e] PATTERN`.
pub fn grep(args: &[String], input: &str, out: &mut Output) -> i32 {
    const USAGE: &str = "Usage: grep [OPTION]... PATTERNS [FILE]...\n";
    let (mut ere, mut fixed, mut invert, mut icase, mut count, mut only, mut quiet, mut number, mut word, mut whole) =
        (false, false, false, false, false, false, false, false, false, false);
    let mut pattern: Option<String> = None;
    let mut files: Vec<&str> = Vec::new();
    let mut i = 0;
    while let Some(a) = args.get(i) {
        i += 1;
        if a == "-e" {
            let Some(p) = args.get(i) else {
                out.err("grep: option requires an argument -- 'e'\n");
                out.err(USAGE);
                out.err("Try 'grep --help' for more information.\n");
                return 2;
            };
            pattern = Some(p.clone());
            i += 1;
            continue;
        }
        match a.strip_prefix('-') {
            Some(flags) if !flags.is_empty() && !flags.starts_with('-') => {
                for c in flags.chars() {
                    match c {
                        'E' => (ere, fixed) = (true, false),
                        'F' => (fixed, ere) = (true, false),
                        'G' => (ere, fixed) = (false, false),
                        'v' => invert = true,
                        'i' | 'y' => icase = true,
                        'c' => count = true,
                        'o' => only = true,
                        'q' => quiet = true,
                        'n' => number = true,
                        'w' => word = true,
                        'x' => whole = true,
                        _ => return bad_option(out, "grep", &format!("-{c}"), USAGE),
                    }
                }
            }
            Some(flags) if flags.starts_with('-') && flags.len() > 1 => return bad_option(out, "grep", a, USAGE),
            _ if pattern.is_none() => pattern = Some(a.clone()),
            _ => files.push(a),
        }
    }
    let Some(pattern) = pattern else {
        out.err(USAGE);
        out.err("Try 'grep --help' for more information.\n");
        return 2;
    };
    if let Some(f) = files.first() {
        return no_file(out, "grep", f);
    }
    // A newline in the pattern separates patterns (any may match).
    let mut res = Vec::new();
    for p in pattern.split('\n') {
        let re = if fixed { Ok(Regex::literal(p, icase)) } else { Regex::new(p, ere, icase) };
        match re {
            Ok(r) => res.push(r),
            Err(e) => {
                out.err(&format!("grep: {}\n", e.0));
                return 2;
            }
        }
    }
    // The matches grep would print with -o, after -w and -x.
    let matches = |line: &[u8]| -> Vec<(usize, usize)> {
        let mut found = Vec::new();
        let mut at = 0;
        while at <= line.len() {
            let mut best: Option<(usize, usize)> = None;
            for re in &res {
                if !word && !whole {
                    if let Some((s, e)) = re.find_at(line, at) {
                        if best.is_none_or(|(bs, be)| s < bs || (s == bs && e > be)) {
                            best = Some((s, e));
                        }
                    }
                    continue;
                }
                for s in at..=line.len() {
                    if best.is_some_and(|(bs, _)| s > bs) {
                        break;
                    }
                    let ends = re.ends_from(line, s);
                    let ok = ends.iter().rev().find(|&&e| {
                        let before = s.checked_sub(1).and_then(|k| line.get(k)).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
                        let after = line.get(e).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_');
                        (!whole || (s == 0 && e == line.len())) && (!word || (!before && !after))
                    });
                    if let Some(&e) = ok {
                        if best.is_none_or(|(bs, be)| s < bs || (s == bs && e > be)) {
                            best = Some((s, e));
                        }
                        break;
                    }
                }
            }
            let Some((s, e)) = best else { break };
            found.push((s, e));
            at = if e > s { e } else { e + 1 };
        }
        found
    };
    let mut selected = 0usize;
    let mut printed = String::new();
    for (n, line) in lines(input).iter().enumerate() {
        let m = matches(line.as_bytes());
        if m.is_empty() != invert {
            continue;
        }
        selected += 1;
        if quiet || count {
            continue;
        }
        let prefix = if number { format!("{}:", n + 1) } else { String::new() };
        if only {
            if !invert {
                for (s, e) in m.into_iter().filter(|(s, e)| e > s) {
                    printed.push_str(&prefix);
                    printed.push_str(&String::from_utf8_lossy(line.as_bytes().get(s..e).unwrap_or_default()));
                    printed.push('\n');
                }
            }
        } else {
            printed.push_str(&prefix);
            printed.push_str(line);
            printed.push('\n');
        }
        if quiet {
            break;
        }
    }
    if count {
        printed = format!("{selected}\n");
    }
    if !quiet {
        out.out(&printed);
    }
    if selected > 0 { 0 } else { 1 }
}

/// A count given to head or tail: `N` or with a sign; None when not a
/// number.
fn count_arg(s: &str) -> Option<(char, usize)> {
    let (sign, digits) = match s.chars().next() {
        Some(c @ ('+' | '-')) => (c, s.get(1..)?),
        _ => (' ', s),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((sign, digits.parse().unwrap_or(usize::MAX)))
}

/// `head [-n N|-N]` and `tail [-n [+]N|-N]`.
pub fn head_tail(tail: bool, args: &[String], input: &str, out: &mut Output) -> i32 {
    let prog = if tail { "tail" } else { "head" };
    let usage = if tail { "Usage: tail [OPTION]... [FILE]...\n" } else { "Usage: head [OPTION]... [FILE]...\n" };
    let mut n: (char, usize) = (' ', 10);
    let mut i = 0;
    while let Some(a) = args.get(i) {
        i += 1;
        let value = if a == "-n" || a == "--lines" {
            let Some(v) = args.get(i) else {
                out.err(&format!("{prog}: option requires an argument -- 'n'\n"));
                out.err(&format!("Try '{prog} --help' for more information.\n"));
                return 1;
            };
            i += 1;
            v.as_str()
        } else if let Some(v) = a.strip_prefix("-n").or(a.strip_prefix("--lines=")) {
            v
        } else if a.len() > 1 && a.starts_with('-') && a[1..].bytes().all(|b| b.is_ascii_digit()) {
            &a[1..]
        } else if a.starts_with('-') && a.len() > 1 {
            return bad_option(out, prog, a, usage);
        } else {
            return no_file(out, prog, a);
        };
        match count_arg(value) {
            Some(c) => n = c,
            None => {
                out.err(&format!("{prog}: invalid number of lines: \u{2018}{value}\u{2019}\n"));
                return 1;
            }
        }
    }
    let all = lines(input);
    let len = all.len();
    let (from, to) = match (tail, n.0) {
        (false, '-') => (0, len.saturating_sub(n.1)),
        (false, _) => (0, n.1.min(len)),
        (true, '+') => (n.1.saturating_sub(1).min(len), len),
        (true, _) => (len.saturating_sub(n.1), len),
    };
    for l in all.get(from..to).unwrap_or_default() {
        out.out(l);
        out.out("\n");
    }
    0
}

/// `wc [-lwc]`.
pub fn wc(args: &[String], input: &str, out: &mut Output) -> i32 {
    let (mut l, mut w, mut c) = (false, false, false);
    for a in args {
        match a.strip_prefix('-') {
            Some(flags) if !flags.is_empty() => {
                for f in flags.chars() {
                    match f {
                        'l' => l = true,
                        'w' => w = true,
                        'c' => c = true,
                        _ => return bad_option(out, "wc", &format!("-{f}"), "Usage: wc [OPTION]... [FILE]...\n"),
                    }
                }
            }
            _ => return no_file(out, "wc", a),
        }
    }
    if !(l || w || c) {
        (l, w, c) = (true, true, true);
    }
    let counts = [(l, input.bytes().filter(|&b| b == b'\n').count()), (w, input.split_ascii_whitespace().count()), (c, input.len())];
    let shown: Vec<usize> = counts.iter().filter(|(on, _)| *on).map(|(_, n)| *n).collect();
    // One count prints bare; several share GNU's width for standard input.
    let text: Vec<String> =
        if shown.len() == 1 { shown.iter().map(|n| n.to_string()).collect() } else { shown.iter().map(|n| format!("{n:>7}")).collect() };
    out.out(&text.join(" "));
    out.out("\n");
    0
}

/// A sort key: the text from field `start` to the end of field `end`
/// (1-based, blank-separated with the blanks before a field part of it,
/// or split at `sep`).
fn key_of(line: &str, key: Option<(usize, Option<usize>)>, sep: Option<char>) -> &str {
    let Some((start, end)) = key else { return line };
    // Byte offsets where each field begins and ends.
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    match sep {
        Some(c) => {
            let mut s = 0;
            for (k, ch) in line.char_indices() {
                if ch == c {
                    bounds.push((s, k));
                    s = k + ch.len_utf8();
                }
            }
            bounds.push((s, line.len()));
        }
        None => {
            let b = line.as_bytes();
            let mut k = 0;
            while k < b.len() {
                let s = k;
                while k < b.len() && (b[k] == b' ' || b[k] == b'\t') {
                    k += 1;
                }
                while k < b.len() && b[k] != b' ' && b[k] != b'\t' {
                    k += 1;
                }
                bounds.push((s, k));
            }
        }
    }
    let from = bounds.get(start.saturating_sub(1)).map_or(line.len(), |b| b.0);
    let to = match end {
        Some(e) => bounds.get(e.saturating_sub(1)).map_or(line.len(), |b| b.1),
        None => line.len(),
    };
    line.get(from..to.max(from)).unwrap_or("")
}

/// The number at the start of a key as `sort -n` reads it.
fn numeric(key: &str) -> f64 {
    let t = key.trim_start_matches([' ', '\t']);
    let end = t
        .char_indices()
        .take_while(|&(k, c)| c.is_ascii_digit() || c == '.' || (k == 0 && c == '-'))
        .map(|(k, c)| k + c.len_utf8())
        .last()
        .unwrap_or(0);
    t.get(..end).and_then(|n| n.parse().ok()).unwrap_or(0.0)
}

/// `sort [-nrub] [-t C] [-k N[,M]]`.
pub fn sort(args: &[String], input: &str, out: &mut Output) -> i32 {
    const USAGE: &str = "Usage: sort [OPTION]... [FILE]...\n  or:  sort [OPTION]... --files0-from=F\n";
    let (mut num, mut rev, mut uniq, mut blanks) = (false, false, false, false);
    let mut key: Option<(usize, Option<usize>)> = None;
    let mut sep: Option<char> = None;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        i += 1;
        let opt = match a.strip_prefix('-') {
            Some(f) if !f.is_empty() => f,
            _ => return no_file(out, "sort", a),
        };
        for (k, c) in opt.char_indices() {
            match c {
                'n' => num = true,
                'r' => rev = true,
                'u' => uniq = true,
                'b' => blanks = true,
                'k' | 't' => {
                    let rest = &opt[k + 1..];
                    let value = if rest.is_empty() {
                        let Some(v) = args.get(i) else {
                            out.err(&format!("sort: option requires an argument -- '{c}'\n"));
                            out.err("Try 'sort --help' for more information.\n");
                            return 2;
                        };
                        i += 1;
                        v.as_str()
                    } else {
                        rest
                    };
                    if c == 't' {
                        let mut vc = value.chars();
                        match (vc.next(), vc.next()) {
                            (Some(s), None) => sep = Some(s),
                            _ => {
                                out.err(&format!("sort: multi-character tab \u{2018}{value}\u{2019}\n"));
                                return 2;
                            }
                        }
                    } else {
                        let field = |s: &str| {
                            s.split('.').next().and_then(|n| n.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<usize>().ok())
                        };
                        let (a, b) = match value.split_once(',') {
                            Some((a, b)) => (field(a), Some(field(b))),
                            None => (field(value), None),
                        };
                        match (a, b) {
                            (Some(a), None) if a > 0 => key = Some((a, None)),
                            (Some(a), Some(Some(b))) if a > 0 => key = Some((a, Some(b))),
                            _ => {
                                out.err(&format!(
                                    "sort: invalid number at field start: invalid count at start of \u{2018}{value}\u{2019}\n"
                                ));
                                return 2;
                            }
                        }
                    }
                    break;
                }
                _ => return bad_option(out, "sort", &format!("-{c}"), USAGE),
            }
        }
    }
    let mut all = lines(input);
    let cmp_keys = |a: &str, b: &str| -> std::cmp::Ordering {
        let (ka, kb) = (key_of(a, key, sep), key_of(b, key, sep));
        if num {
            numeric(ka).partial_cmp(&numeric(kb)).unwrap_or(std::cmp::Ordering::Equal)
        } else if blanks {
            ka.trim_start_matches([' ', '\t']).as_bytes().cmp(kb.trim_start_matches([' ', '\t']).as_bytes())
        } else {
            ka.as_bytes().cmp(kb.as_bytes())
        }
    };
    all.sort_by(|a, b| {
        let o = cmp_keys(a, b);
        // The last-resort comparison of whole lines (not with -u).
        let o = if o.is_eq() && !uniq { a.as_bytes().cmp(b.as_bytes()) } else { o };
        if rev { o.reverse() } else { o }
    });
    if uniq {
        all.dedup_by(|a, b| cmp_keys(a, b).is_eq());
    }
    for l in all {
        out.out(l);
        out.out("\n");
    }
    0
}

/// A cut list (`2`, `1,3`, `2-`, `-3`) as ranges of 1-based positions.
fn cut_list(s: &str) -> Option<Vec<(usize, usize)>> {
    let mut v = Vec::new();
    for part in s.split(',') {
        let r = match part.split_once('-') {
            Some((a, b)) => {
                let a = if a.is_empty() { 1 } else { a.parse().ok()? };
                let b = if b.is_empty() { usize::MAX } else { b.parse().ok()? };
                (a, b)
            }
            None => {
                let n = part.parse().ok()?;
                (n, n)
            }
        };
        if r.0 == 0 || r.1 < r.0 {
            return None;
        }
        v.push(r);
    }
    Some(v)
}

/// `cut -d C -f LIST [-s]` and `cut -c LIST`.
pub fn cut(args: &[String], input: &str, out: &mut Output) -> i32 {
    let mut delim = '\t';
    let mut fields: Option<Vec<(usize, usize)>> = None;
    let mut chars: Option<Vec<(usize, usize)>> = None;
    let mut only_delimited = false;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        i += 1;
        let Some(opt) = a.strip_prefix('-').filter(|o| !o.is_empty()) else { return no_file(out, "cut", a) };
        let c = opt.chars().next().unwrap_or('-');
        if c == 's' && opt.len() == 1 {
            only_delimited = true;
            continue;
        }
        if !matches!(c, 'd' | 'f' | 'c' | 'b') {
            return bad_option(out, "cut", a, "Usage: cut OPTION... [FILE]...\n");
        }
        let value = if opt.len() > 1 {
            opt[c.len_utf8()..].to_string()
        } else {
            let Some(v) = args.get(i) else {
                out.err(&format!("cut: option requires an argument -- '{c}'\n"));
                out.err("Try 'cut --help' for more information.\n");
                return 1;
            };
            i += 1;
            v.clone()
        };
        if c == 'd' {
            let mut vc = value.chars();
            match (vc.next(), vc.next()) {
                (Some(d), None) => delim = d,
                _ => {
                    out.err("cut: the delimiter must be a single character\n");
                    out.err("Try 'cut --help' for more information.\n");
                    return 1;
                }
            }
            continue;
        }
        let Some(list) = cut_list(&value) else {
            out.err("cut: invalid field value\u{2018}\u{2019}\n");
            out.err("Try 'cut --help' for more information.\n");
            return 1;
        };
        if c == 'f' {
            fields = Some(list);
        } else {
            chars = Some(list);
        }
    }
    let within = |list: &[(usize, usize)], n: usize| list.iter().any(|&(a, b)| n >= a && n <= b);
    for line in lines(input) {
        if let Some(list) = &fields {
            if !line.contains(delim) {
                if !only_delimited {
                    out.out(line);
                    out.out("\n");
                }
                continue;
            }
            let picked: Vec<&str> = line.split(delim).enumerate().filter(|(k, _)| within(list, k + 1)).map(|(_, f)| f).collect();
            out.out(&picked.join(&delim.to_string()));
        } else if let Some(list) = &chars {
            let picked: Vec<u8> = line.bytes().enumerate().filter(|(k, _)| within(list, k + 1)).map(|(_, b)| b).collect();
            out.out(&String::from_utf8_lossy(&picked));
        } else {
            out.err("cut: you must specify a list of bytes, characters, or fields\n");
            out.err("Try 'cut --help' for more information.\n");
            return 1;
        }
        out.out("\n");
    }
    0
}

/// One thing `print` prints.
enum Item {
    Field(usize),
    LastField,
    Nr,
    Nf,
}

/// The programs `awk` runs here: `[/ERE/] { print [ITEM[, ITEM]...] }`
/// with items `$N`, `$NF`, `NR`, `NF`.
fn awk_program(p: &str) -> Option<(Option<Regex>, Vec<Vec<Item>>)> {
    let mut t = p.trim();
    let mut filter = None;
    if let Some(rest) = t.strip_prefix('/') {
        let end = rest.find('/')?;
        filter = Some(Regex::new(&rest[..end], true, false).ok()?);
        t = rest[end + 1..].trim_start();
    }
    let body = t.strip_prefix('{')?.strip_suffix('}')?.trim().trim_end_matches(';').trim();
    let args = body.strip_prefix("print")?;
    if !args.is_empty() && !args.starts_with([' ', '\t']) {
        return None;
    }
    let mut groups = Vec::new();
    for group in args.split(',').map(str::trim).filter(|g| !g.is_empty()) {
        let mut items = Vec::new();
        for w in group.split_whitespace() {
            items.push(match w {
                "$NF" => Item::LastField,
                "NR" => Item::Nr,
                "NF" => Item::Nf,
                _ => Item::Field(w.strip_prefix('$')?.parse().ok()?),
            });
        }
        groups.push(items);
    }
    if args.trim().is_empty() {
        groups.push(vec![Item::Field(0)]);
    }
    Some((filter, groups))
}

/// `awk [-F C] 'PROGRAM'` for field printing (see [`awk_program`]).
pub fn awk(args: &[String], input: &str, out: &mut Output) -> i32 {
    let mut sep: Option<String> = None;
    let mut program: Option<&str> = None;
    let mut i = 0;
    while let Some(a) = args.get(i) {
        i += 1;
        if let Some(f) = a.strip_prefix("-F") {
            let value = if f.is_empty() {
                let Some(v) = args.get(i) else {
                    out.err("awk: option requires an argument -- F\n");
                    return 2;
                };
                i += 1;
                v.as_str()
            } else {
                f
            };
            sep = Some(value.to_string());
        } else if program.is_none() {
            program = Some(a);
        } else {
            out.err(&format!("awk: cannot open {a} (No such file or directory)\n"));
            return 2;
        }
    }
    let Some(program) = program else {
        out.err("usage: awk [-F value] [-v var=value] [--] 'program text' [file ...]\n");
        return 2;
    };
    let Some((filter, groups)) = awk_program(program) else {
        out.err(&format!("awk: iplab's awk runs only '[/REGEX/] {{print $N, ...}}', not: {program}\n"));
        return 2;
    };
    for (n, line) in lines(input).iter().enumerate() {
        if filter.as_ref().is_some_and(|re| !re.is_match(line.as_bytes())) {
            continue;
        }
        let fields: Vec<&str> = match sep.as_deref() {
            None | Some(" ") => line.split([' ', '\t']).filter(|f| !f.is_empty()).collect(),
            Some(s) => line.split(s).collect(),
        };
        let text: Vec<String> = groups
            .iter()
            .map(|g| {
                g.iter()
                    .map(|item| match item {
                        Item::Field(0) => line.to_string(),
                        Item::Field(k) => fields.get(k - 1).copied().unwrap_or("").to_string(),
                        Item::LastField => fields.last().copied().unwrap_or(line).to_string(),
                        Item::Nr => (n + 1).to_string(),
                        Item::Nf => fields.len().to_string(),
                    })
                    .collect::<String>()
            })
            .collect();
        out.out(&text.join(" "));
        out.out("\n");
    }
    0
}

/// `column -t`: blank-separated cells aligned in columns two spaces apart;
/// a short row's missing cells are empty, the last column is not padded.
pub fn column(args: &[String], input: &str, out: &mut Output) -> i32 {
    let mut table = false;
    for a in args {
        match a.as_str() {
            "-t" | "--table" => table = true,
            o if o.starts_with('-') => return bad_option(out, "column", o, "Usage:\n column [options] [<file>...]\n"),
            f => {
                out.err(&format!("column: cannot open {f}: No such file or directory\n"));
                return 1;
            }
        }
    }
    if !table {
        out.out(input);
        return 0;
    }
    let rows: Vec<Vec<&str>> = lines(input)
        .into_iter()
        .map(|l| l.split([' ', '\t']).filter(|c| !c.is_empty()).collect::<Vec<_>>())
        .filter(|r| !r.is_empty())
        .collect();
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; ncols];
    for r in &rows {
        for (k, c) in r.iter().enumerate() {
            widths[k] = widths[k].max(c.chars().count());
        }
    }
    for r in &rows {
        let mut line = String::new();
        for (k, w) in widths.iter().enumerate() {
            let cell = r.get(k).copied().unwrap_or("");
            line.push_str(cell);
            if k + 1 < ncols {
                line.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        out.out(&line);
        out.out("\n");
    }
    0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(f: fn(&[String], &str, &mut Output) -> i32, args: &[&str], input: &str) -> (i32, String, String) {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        let mut o = Output::new();
        let st = f(&args, input, &mut o);
        (st, o.stdout(), o.stderr())
    }

    const TEXT: &str = "b 2 x\na 10 y\nc 1\n";

    #[test]
    fn grep_options() {
        assert_eq!(run(grep, &["-c", "a"], TEXT).1, "1\n");
        assert_eq!(run(grep, &["-v", "a"], TEXT).1, "b 2 x\nc 1\n");
        assert_eq!(run(grep, &["-oE", "[0-9]+"], TEXT).1, "2\n10\n1\n");
        assert_eq!(run(grep, &["-n", "-i", "Y"], TEXT).1, "2:a 10 y\n");
        assert_eq!(run(grep, &["-w", "1"], TEXT).1, "c 1\n");
        assert_eq!(run(grep, &["zzz"], TEXT).0, 1);
        assert_eq!(run(grep, &[], TEXT).0, 2);
        assert_eq!(
            run(grep, &["-Z", "a"], TEXT).2,
            "grep: invalid option -- 'Z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n"
        );
    }

    #[test]
    fn head_tail_wc() {
        assert_eq!(run(|a, i, o| head_tail(false, a, i, o), &["-1"], TEXT).1, "b 2 x\n");
        assert_eq!(run(|a, i, o| head_tail(false, a, i, o), &["-n", "-1"], TEXT).1, "b 2 x\na 10 y\n");
        assert_eq!(run(|a, i, o| head_tail(true, a, i, o), &["-n", "+2"], TEXT).1, "a 10 y\nc 1\n");
        assert_eq!(run(|a, i, o| head_tail(true, a, i, o), &["-1"], TEXT).1, "c 1\n");
        assert_eq!(run(wc, &["-l"], TEXT).1, "3\n");
        assert_eq!(run(wc, &[], TEXT).1, "      3       8      17\n");
    }

    #[test]
    fn sort_cut_awk_column() {
        assert_eq!(run(sort, &[], TEXT).1, "a 10 y\nb 2 x\nc 1\n");
        assert_eq!(run(sort, &["-n", "-k", "2"], TEXT).1, "c 1\nb 2 x\na 10 y\n");
        assert_eq!(run(sort, &["-rk2"], TEXT).1, "b 2 x\na 10 y\nc 1\n");
        assert_eq!(run(sort, &["-u"], "b\na\nb\n").1, "a\nb\n");
        assert_eq!(run(cut, &["-d", " ", "-f2-"], TEXT).1, "2 x\n10 y\n1\n");
        assert_eq!(run(cut, &["-c1,3"], TEXT).1, "b2\na1\nc1\n");
        assert_eq!(run(awk, &["{print $3, $1}"], TEXT).1, "x b\ny a\n c\n");
        assert_eq!(run(awk, &["/^[ab]/ {print $NF}"], TEXT).1, "x\ny\n");
        assert_eq!(run(awk, &["-F:", "{print $2}"], "a:b\n").1, "b\n");
        assert_eq!(run(awk, &["{system(\"x\")}"], TEXT).0, 2);
        assert_eq!(run(column, &["-t"], TEXT).1, "b  2   x\na  10  y\nc  1   \n");
    }
}
