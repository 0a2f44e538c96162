"""scratchmath's benchmarks: timing and accuracy against its peers (never part of the tests)."""
