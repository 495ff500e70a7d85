"""Run every benchmark and print the figures the README quotes."""

from benchmarks import (
    image_fitting,
    publishing,
    startup,
    text_analysis,
    window_keystroke,
    worst_cases,
)


def main() -> None:
    print(text_analysis.report())
    print()
    print(worst_cases.report())
    print()
    print(image_fitting.report())
    print()
    print(publishing.report())
    print()
    print(startup.report())
    print()
    print(window_keystroke.report())


if __name__ == "__main__":
    main()
