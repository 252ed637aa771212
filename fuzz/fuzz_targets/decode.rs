//! `iplab::decode::decode` on any bytes: a readable view or an error,
//! never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = iplab::decode::decode(data);
});
