"""Shared checks and strategies for tests of Bluesky facets."""

from hypothesis import strategies as st

from composer.core.text.facets import Facet
from tests.support import strategies


def mixed_text(snippets: list[str]) -> st.SearchStrategy[str]:
    """Text a person could type, mixed with snippets that make facets."""
    pieces = st.one_of(st.sampled_from(snippets), strategies.text(max_size=4))
    return st.lists(pieces, max_size=12).flatmap(
        lambda parts: st.sampled_from(["", " ", "\n"]).map(lambda sep: sep.join(parts))
    )


def check_offsets(text: str, facets: list[Facet]) -> None:
    """Every facet's byte range decodes to exactly the text it marks; facets come sorted."""
    encoded = text.encode("utf-8")
    for facet in facets:
        assert 0 <= facet.start < facet.end <= len(text)
        visible = encoded[facet.byte_start : facet.byte_end].decode("utf-8")
        assert visible == text[facet.start : facet.end]
        assert facet.byte_start == len(text[: facet.start].encode("utf-8"))
        assert facet.byte_end == len(text[: facet.end].encode("utf-8"))
    assert [f.start for f in facets] == sorted(f.start for f in facets)
