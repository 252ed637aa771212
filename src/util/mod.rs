//! Small stand-ins for parts of std and core, kept because the wasm module
//! must stay within its download budget (BENCHMARKS.md says what each saved):
//! [`text`] (IP text, integer parsing and byte-level string search without
//! core's generic parsers and formatters), [`decimal`] (exact ratios instead of
//! floating point), [`sorting`] (one stable sort over indices) and [`vecmap`]
//! (sorted-vector maps instead of B-trees). Each is small and tested against
//! the std behaviour it replaces. The crate root re-exports them.

pub mod decimal;
pub mod sorting;
pub mod text;
pub mod vecmap;
