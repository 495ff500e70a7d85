"""Run every benchmark and print the figures the README quotes."""

from benchmarks import text_analysis, worst_cases


def main() -> None:
    print(text_analysis.report())
    print()
    print(worst_cases.report())


if __name__ == "__main__":
    main()
