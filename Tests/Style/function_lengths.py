#!/usr/bin/env python3
"""Fails when a function, initialiser, subscript or computed property in Sources/ is longer than LIMIT lines
(default 60), counted from its first line to its closing brace. Long functions are where this code base stops
reading as its steps (issue 22); split one into named helpers rather than raise the limit.

Usage: function_lengths.py [SOURCES] [LIMIT]
Swift is read as text: braces are counted outside string literals and // comments, which is enough for the way
this code base is written (no multi-line string literal holds an unbalanced brace)."""
import os
import re
import sys

START = re.compile(r'(?<![.\w])(func\s+\w+|init[?!]?\s*[(<]|subscript\s*[(<]|var\s+\w+\s*:[^=]*\{\s*$)')


def lengths(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        if line.strip().startswith("//") or not START.search(line):
            continue
        depth, started = 0, False
        for j in range(i, min(len(lines), i + 5000)):
            text = re.sub(r'"(\\.|[^"\\])*"', '""', lines[j]).split("//")[0]
            for ch in text:
                if ch == "{":
                    depth, started = depth + 1, True
                elif ch == "}":
                    depth -= 1
            if started and depth <= 0:
                yield i + 1, j - i + 1, line.strip()
                break
            if not started and j > i + 15:
                break


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "Sources"
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    long = []
    for directory, _, files in os.walk(root):
        for name in sorted(files):
            if name.endswith(".swift"):
                path = os.path.join(directory, name)
                long += [(count, f"{path}:{line}", text) for line, count, text in lengths(path) if count > limit]
    for count, where, text in sorted(long, reverse=True):
        print(f"{where}: {count} lines, over {limit}: {text[:100]}")
    if long:
        sys.exit(1)
    print(f"function_lengths: no function in {root} is over {limit} lines")


if __name__ == "__main__":
    main()
