"""``python -m scratchmath``: the guided tour of the roadmap, computed live.

python -m scratchmath                 every chapter, in roadmap order
python -m scratchmath --list          the chapters' names and titles
python -m scratchmath --chapter NAME  one chapter
"""

from __future__ import annotations

import argparse
import sys

from scratchmath.tour import CHAPTERS, chapter_names


def main(argv: list[str] | None = None) -> int:
    """Run the tour; return the process exit status.

    >>> main(["--list"])  # doctest: +ELLIPSIS
    calculus ...
    0
    """
    parser = argparse.ArgumentParser(
        prog="python -m scratchmath",
        description="The guided tour of scratchmath: the mathematics of machine learning.",
    )
    parser.add_argument("--chapter", metavar="NAME", help="show one chapter only")
    parser.add_argument("--list", action="store_true", help="list the chapters")
    args = parser.parse_args(argv)
    names = chapter_names()
    if args.list:
        for name in names:
            print(f"{name:<24} {CHAPTERS[name][0]}")
        return 0
    if args.chapter is not None:
        if args.chapter not in CHAPTERS:
            print(
                f"no chapter named {args.chapter!r}; choose one of: {', '.join(names)}",
                file=sys.stderr,
            )
            return 2
        names = [args.chapter]
    for number, name in enumerate(names, start=1):
        title, chapter = CHAPTERS[name]
        heading = f"{number}. {title}" if len(names) > 1 else title
        print(heading)
        print("=" * len(heading))
        print(chapter().rstrip())
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
