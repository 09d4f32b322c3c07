"""Benchmarks (not timed tests): run one with `python -m benchmarks.<name>`."""
