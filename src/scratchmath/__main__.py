"""``python -m scratchmath``: the guided tour of the roadmap, computed live.

python -m scratchmath                 every chapter, in roadmap order
python -m scratchmath --list          the chapters' names and titles
python -m scratchmath --chapter NAME  one chapter: its name, a prefix of it, or its number
python -m scratchmath check FILE.py   run the checkers FILE's CHECKS mapping names on your own
                                      functions (see docs/exercises.md); exit status 1 on a failure
"""

from __future__ import annotations

import argparse
import sys

from scratchmath.tour import CHAPTERS, chapter_names


def find_chapter(choice: str, names: list[str]) -> str | None:
    """The chapter a learner means by ``choice``: its name, its number in the tour (1 is the
    first), or a prefix that only one name starts with; None if there is no such chapter.

    >>> names = ["calculus", "vectors", "matrices", "multivariable"]
    >>> find_chapter("2", names), find_chapter("vec", names), find_chapter("ma", names)
    ('vectors', 'vectors', 'matrices')
    >>> find_chapter("m", names) is None  # two chapters start with m
    True
    """
    wanted = choice.strip().lower()
    if wanted in names:
        return wanted
    if wanted.isdigit():
        number = int(wanted)
        return names[number - 1] if 1 <= number <= len(names) else None
    matches = [name for name in names if name.startswith(wanted)] if wanted else []
    return matches[0] if len(matches) == 1 else None


def main(argv: list[str] | None = None) -> int:
    """Run the tour; return the process exit status.

    >>> main(["--list"])  # doctest: +ELLIPSIS
     1. calculus ...
    0
    """
    arguments = sys.argv[1:] if argv is None else argv
    if arguments[:1] == ["check"]:
        return check_command(arguments[1:])
    parser = argparse.ArgumentParser(
        prog="python -m scratchmath",
        description="The guided tour of scratchmath: the mathematics of machine learning.",
        epilog="python -m scratchmath check FILE.py checks your own implementations.",
    )
    parser.add_argument(
        "--chapter", metavar="NAME", help="show one chapter only (a name, a prefix or a number)"
    )
    parser.add_argument("--list", action="store_true", help="list the chapters")
    args = parser.parse_args(arguments)
    names = chapter_names()
    if args.list:
        for number, name in enumerate(names, start=1):
            print(f"{number:>2}. {name:<20} {CHAPTERS[name][0]}")
        return 0
    if args.chapter is not None:
        chosen = find_chapter(args.chapter, names)
        if chosen is None:
            listed = ", ".join(f"{number} {name}" for number, name in enumerate(names, start=1))
            print(
                f"no single chapter matches {args.chapter!r}; choose one of: {listed}",
                file=sys.stderr,
            )
            return 2
        names = [chosen]
    for number, name in enumerate(names, start=1):
        title, chapter = CHAPTERS[name]
        heading = f"{number}. {title}" if len(names) > 1 else title
        print(heading)
        print("=" * len(heading))
        print(chapter().rstrip())
        print()
    if len(names) > 1:
        print("Now walk the road yourself: write your own det, norm, derivative, … and check")
        print("them with  python -m scratchmath check FILE.py  (the exercises: docs/exercises.md).")
    return 0


def check_command(argv: list[str]) -> int:
    """``python -m scratchmath check FILE.py [--seed N]``: the reports of FILE's CHECKS.

    >>> check_command(["no/such/file.py"])
    2
    """
    from scratchmath.check import run_file  # imported here: the tour does not need it

    parser = argparse.ArgumentParser(
        prog="python -m scratchmath check",
        description="Check your own implementations against the axioms (docs/exercises.md).",
    )
    parser.add_argument("file", metavar="FILE.py", help="a Python file defining CHECKS = {...}")
    parser.add_argument("--seed", type=int, default=0, help="draw other cases (default 0)")
    args = parser.parse_args(argv)
    return run_file(args.file, seed=args.seed)


if __name__ == "__main__":
    sys.exit(main())
