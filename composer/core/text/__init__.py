"""Text as each network sees it: counting, rich-text facets, threads and teasers."""
