# tests/record/normalize.sed - the one normalisation filter of the conformance
# transcripts (tests/golden/*.out).
#
# Applied as `sed -E -f tests/record/normalize.sed` to the transcript recorded
# on Linux and to the simulator's transcript before they are compared
# (tests/scenarios.rs, and `tests/record/record-scenarios.sh --check`).
#
# A rule may only rewrite a field that really differs from one run to the next
# on Linux, and must say which field and why, in a comment above it. Keep it
# minimal: everything a rule rewrites is no longer checked.
#
# There are no rules at present. The whole corpus was recorded three times in a
# row with identical results, byte for byte; what would vary (kernel-chosen MAC
# addresses, neighbour hash order, lifetimes counting down, -d/-s values that
# depend on the machine or on background traffic) is kept out of the
# scenarios instead. See tests/record/README.md, "Rules for writing a scenario".
