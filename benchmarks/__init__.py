"""Benchmarks of dust_ext against its peers (run with ``make bench``; not part of the test suite)."""
