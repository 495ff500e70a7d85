from PySide6.QtWidgets import QMessageBox

from composer.ui import app
from tests.support.damage import DRAFTS, damaged_profile


def test_a_damaged_database_is_rescued_when_the_person_agrees(qapp, english, tmp_path, monkeypatch):
    profile, _drafts = damaged_profile(tmp_path)
    told = []
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, words: told.append(words))
    store = app.open_store(profile)
    try:
        rescued = len(store.list_drafts())
        assert DRAFTS - 20 < rescued < DRAFTS  # the damaged page's drafts are gone, no more
        assert told[0].startswith(f"{rescued} drafts rescued. The damaged file stays at ")
        assert list(profile.glob("omroeper.db.damaged-*"))
    finally:
        store.close()


def test_a_damaged_database_is_left_alone_when_the_person_declines(
    qapp, english, tmp_path, monkeypatch
):
    profile, _drafts = damaged_profile(tmp_path)
    before = (profile / "omroeper.db").read_bytes()
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        lambda _p, _t, words, *_a: asked.append(words) or QMessageBox.StandardButton.No,
    )
    assert app.open_store(profile) is None
    assert "damaged" in asked[0] and "Rescue every draft" in asked[0]
    assert (profile / "omroeper.db").read_bytes() == before


def test_quitting_before_the_limits_are_refreshed_logs_no_error(qapp, tmp_path, caplog):
    """The refresh runs on a thread; a person who closes at once must not leave an error in
    the log for IT support to puzzle over."""
    import logging

    from composer.core.store.store import Store
    from composer.ui.app import refresh_limits_later

    store = Store.open(tmp_path)
    store.close()
    with caplog.at_level(logging.INFO, logger="composer.ui.app"):
        assert refresh_limits_later(store).wait(timeout=30)
    assert [r.levelname for r in caplog.records] == ["INFO"]
    assert "closed first" in caplog.records[0].getMessage()
