"""The drafts list (`panel`), what the window does with whole drafts (`actions`) and a draft to and
from one file for a colleague (`transfer`).
"""
