#!/usr/bin/env python3
"""Rewrites README.md's metric table from the catalog: the lines between <!-- metrics:begin --> and
<!-- metrics:end --> become `devtron-telemetry metrics --layout all --format markdown`.
Usage: scripts/lib/readme-catalog.py PATH-TO-BINARY"""
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parents[2]
table = subprocess.run([sys.argv[1], "metrics", "--layout", "all", "--format", "markdown"],
                       capture_output=True, text=True, check=True).stdout
readme = root / "README.md"
text = readme.read_text()
begin, end = "<!-- metrics:begin -->\n", "<!-- metrics:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
readme.write_text(head + begin + table + end + tail)
