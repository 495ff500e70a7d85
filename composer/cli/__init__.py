"""The command line: automation, support and tests. The window is the product."""
