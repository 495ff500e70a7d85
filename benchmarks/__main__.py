"""Run every benchmark and print the figures the README quotes."""

from benchmarks import text_analysis


def main() -> None:
    print(text_analysis.report())


if __name__ == "__main__":
    main()
