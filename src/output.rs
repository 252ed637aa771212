//! What a command prints: standard output and standard error, kept in the
//! order they were written so that a terminal shows them interleaved.

/// Which stream a piece of output went to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Standard output.
    Out,
    /// Standard error.
    Err,
}

/// Output of one or more commands, in writing order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Output {
    /// The pieces written, in order.
    pub chunks: Vec<(Stream, String)>,
    /// Whether standard output is a terminal (what `isatty(1)` would say):
    /// `ip -color=auto` colours only then.
    pub terminal: bool,
}

impl Output {
    /// Empty output.
    pub fn new() -> Self {
        Output::default()
    }
    /// Empty output that goes to a terminal.
    pub fn terminal() -> Self {
        Output { terminal: true, ..Output::default() }
    }
    /// Writes to standard output.
    pub fn out(&mut self, s: &str) {
        self.push(Stream::Out, s);
    }
    /// Writes to standard error.
    pub fn err(&mut self, s: &str) {
        self.push(Stream::Err, s);
    }
    fn push(&mut self, stream: Stream, s: &str) {
        if s.is_empty() {
            return;
        }
        match self.chunks.last_mut() {
            Some((last, text)) if *last == stream => text.push_str(s),
            _ => self.chunks.push((stream, s.to_string())),
        }
    }
    /// Everything written to standard output.
    pub fn stdout(&self) -> String {
        self.collect(Stream::Out)
    }
    /// Everything written to standard error.
    pub fn stderr(&self) -> String {
        self.collect(Stream::Err)
    }
    /// Both streams interleaved, as a terminal shows them.
    pub fn combined(&self) -> String {
        self.chunks.iter().map(|(_, s)| s.as_str()).collect()
    }
    fn collect(&self, which: Stream) -> String {
        self.chunks.iter().filter(|(s, _)| *s == which).map(|(_, t)| t.as_str()).collect()
    }
}
