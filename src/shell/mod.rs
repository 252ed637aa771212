//! The command interpreter of the terminal and the CLI: one line at a time,
//! the way a root bash prompt runs our commands.
