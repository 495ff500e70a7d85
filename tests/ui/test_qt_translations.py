"""Qt's own words speak Dutch too: the standard buttons of message boxes and dialogs, the
context menu of text fields, "Show Details…", the labels of Qt's own file dialog.

They come from composer/resources/translations/qt_nl.ts (kept by hand: lupdate cannot see
them) and, for what that leaves out, from Qt's qtbase_nl.qm. Every source there must be a text
this Qt version really asks for, or its translation would silently never show."""

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, QFileInfo, QPoint, QTranslator
from PySide6.QtGui import QAbstractFileIconProvider
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextBrowser,
)

from composer.i18n import translation

SOURCE = translation.TRANSLATIONS / "qt_nl.ts"
COMPILED = translation.TRANSLATIONS / "qt_nl.qm"

Button = QMessageBox.StandardButton
BoxButton = QDialogButtonBox.StandardButton
# every standard button as a Dutch person sees it, and as Qt writes it in English
STANDARD_BUTTONS = {
    "Ok": ("OK", "OK"),
    "Save": ("Opslaan", "Save"),
    "SaveAll": ("Alles opslaan", "Save All"),
    "Open": ("Openen", "Open"),
    "Yes": ("&Ja", "&Yes"),
    "YesToAll": ("Ja op &alles", "Yes to &All"),
    "No": ("&Nee", "&No"),
    "NoToAll": ("Nee &op alles", "N&o to All"),
    "Abort": ("Afbreken", "Abort"),
    "Retry": ("Opnieuw proberen", "Retry"),
    "Ignore": ("Negeren", "Ignore"),
    "Close": ("Sluiten", "Close"),
    "Cancel": ("Annuleren", "Cancel"),
    "Discard": ("Verwerpen", "Discard"),
    "Help": ("Help", "Help"),
    "Apply": ("Toepassen", "Apply"),
    "Reset": ("Herstellen", "Reset"),
    "RestoreDefaults": ("Standaard herstellen", "Restore Defaults"),
}
EDIT_MENU_NL = [
    "&Ongedaan maken",
    "Opnie&uw",
    "",
    "Kni&ppen",
    "&Kopiëren",
    "P&lakken",
    "Verwijderen",
    "",
    "Alles selecteren",
]
EDIT_MENU_EN = ["&Undo", "&Redo", "", "Cu&t", "&Copy", "&Paste", "Delete", "", "Select All"]


def _messages() -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every message in qt_nl.ts."""
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in ET.parse(SOURCE).getroot().iter("context")
        for message in context.iter("message")
    ]


def _words(menu) -> list[str]:
    """A menu's entries as Qt wrote them, without the shortcut it adds after a tab."""
    return [action.text().split("\t")[0] for action in menu.actions()]


def _accelerators(texts) -> list[str]:
    return [match.lower() for text in texts for match in re.findall(r"&([^&\s])", text)]


def _message_box(qtbot, buttons) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Question, "Omroeper", "Doorgaan?", buttons)
    box.setDetailedText("details")
    qtbot.addWidget(box)
    return box


def _details_button(box: QMessageBox):
    (found,) = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole]
    return found


def _context_menus(qtbot) -> dict[str, list[str]]:
    """The standard context menus of a line edit, a plain text edit and a text browser (over a
    link), as Qt builds them now."""
    line = QLineEdit("tekst")
    plain = QPlainTextEdit("tekst")
    browser = QTextBrowser()
    browser.setHtml('<a href="https://example.org/">link</a>')
    for widget in (line, plain, browser):
        qtbot.addWidget(widget)
    line.selectAll()  # so nothing is left disabled: the words do not depend on it anyway
    plain.selectAll()
    return {
        "line": _words(line.createStandardContextMenu()),
        "plain": _words(plain.createStandardContextMenu()),
        "browser": _words(browser.createStandardContextMenu(QPoint(5, 5))),
    }


def _file_dialog(qtbot, tmp_path) -> QFileDialog:
    dialog = QFileDialog(None, "Foto's toevoegen", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


# --- In Dutch ---------------------------------------------------------------------------------


def test_a_message_box_speaks_dutch(qtbot, dutch):
    shown = (Button.Yes, Button.No, Button.Cancel, Button.Close)
    box = _message_box(qtbot, Button.Yes | Button.No | Button.Cancel | Button.Close)
    box.show()
    qtbot.waitExposed(box)
    assert [box.button(button).text() for button in shown] == [
        "&Ja",
        "&Nee",
        "Annuleren",
        "Sluiten",
    ]
    details = _details_button(box)
    assert details.text() == "Details tonen…"  # ours: Qt's own qtbase_nl has "..."
    details.click()
    assert details.text() == "Details verbergen…"
    assert sorted(_accelerators(b.text() for b in box.buttons())) == ["j", "n"]


def test_a_dialog_button_box_speaks_dutch(qtbot, dutch):
    shown = (BoxButton.Ok, BoxButton.Save, BoxButton.Cancel, BoxButton.Discard)
    box = QDialogButtonBox(BoxButton.Ok | BoxButton.Cancel | BoxButton.Save | BoxButton.Discard)
    qtbot.addWidget(box)
    assert [box.button(button).text() for button in shown] == [
        "OK",
        "Opslaan",
        "Annuleren",
        "Verwerpen",
    ]


@pytest.mark.parametrize("name", STANDARD_BUTTONS)
def test_every_standard_button_speaks_dutch(qtbot, dutch, name):
    box = QDialogButtonBox(getattr(BoxButton, name))
    qtbot.addWidget(box)
    assert box.button(getattr(BoxButton, name)).text() == STANDARD_BUTTONS[name][0]


def test_all_the_yes_and_no_buttons_at_once_have_different_accelerators(qtbot, dutch):
    box = _message_box(qtbot, Button.Yes | Button.YesToAll | Button.No | Button.NoToAll)
    assert sorted(_accelerators(b.text() for b in box.buttons())) == ["a", "j", "n", "o"]


def test_the_text_fields_context_menus_speak_dutch(qtbot, dutch):
    menus = _context_menus(qtbot)
    assert menus["line"] == EDIT_MENU_NL
    assert menus["plain"] == EDIT_MENU_NL
    assert menus["browser"] == ["&Kopiëren", "Link&adres kopiëren", "", "Alles selecteren"]
    for words in menus.values():
        letters = _accelerators(words)
        assert len(letters) == len(set(letters)), words  # each letter reaches one entry


def test_qt_s_own_file_dialog_speaks_dutch(qtbot, dutch, tmp_path):
    (tmp_path / "map").mkdir()
    dialog = _file_dialog(qtbot, tmp_path)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"&Zoeken in:", "Bestands&naam:", "Bestands&type:"} <= labels
    provider = QAbstractFileIconProvider()
    assert provider.type(QFileInfo(str(tmp_path / "map"))) == "Map"


def test_our_words_do_not_need_qt_s_own_catalogue(qtbot, monkeypatch, tmp_path, qapp):
    """Were qtbase_nl.qm missing (another PySide6 build, a stricter bundle), qt_nl.qm alone
    still gives every button and menu entry its Dutch word."""
    monkeypatch.setattr(translation, "QT_TRANSLATIONS", tmp_path)  # an empty folder
    try:
        translation.install("nl")
        for name, (dutch_word, _english) in STANDARD_BUTTONS.items():
            box = QDialogButtonBox(getattr(BoxButton, name))
            qtbot.addWidget(box)
            assert box.button(getattr(BoxButton, name)).text() == dutch_word
        assert _context_menus(qtbot)["plain"] == EDIT_MENU_NL
        box = _message_box(qtbot, Button.Ok)
        assert _details_button(box).text() == "Details tonen…"
    finally:
        translation.install("en")


# --- Back to English --------------------------------------------------------------------------


def test_switching_back_to_english_removes_every_dutch_translator(qtbot, dutch):
    translation.install("nl")  # twice in a row: the first set must go too
    translation.install("en")

    box = _message_box(qtbot, Button.Yes | Button.No | Button.Cancel | Button.Close)
    shown = (Button.Yes, Button.No, Button.Cancel, Button.Close)
    assert [box.button(button).text() for button in shown] == ["&Yes", "&No", "Cancel", "Close"]
    assert _details_button(box).text() == "Show Details..."
    menus = _context_menus(qtbot)
    assert menus["line"] == menus["plain"] == EDIT_MENU_EN
    # neither ours nor Qt's own catalogue is left behind
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    assert QCoreApplication.translate("QFileDialog", "File &name:") == "File &name:"


# --- The source file --------------------------------------------------------------------------


def test_every_message_is_finished_and_keeps_its_accelerator():
    messages = _messages()
    assert len(messages) >= 35
    for context, source, translated in messages:
        assert translated.get("type") is None, (context, source)  # unfinished, obsolete, …
        assert translated.text and translated.text.strip(), (context, source)
        assert len(_accelerators([translated.text])) == len(_accelerators([source])), source
    pairs = [(context, source) for context, source, _ in messages]
    assert len(pairs) == len(set(pairs)), "a message twice"


def test_the_compiled_file_gives_each_translation(qapp):
    translator = QTranslator()
    assert translator.load(str(COMPILED))
    for context, source, translated in _messages():
        # lrelease -removeidentical leaves out what stays the same ("OK", "Help")
        assert (translator.translate(context, source) or source) == translated.text, source


class _Recorder(QTranslator):
    """Notes what Qt asks to translate, and translates nothing."""

    def __init__(self):
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source))

    def isEmpty(self):
        return False


# contexts qt_nl.ts covers completely; in the others it only fills gaps in Qt's qtbase_nl
WHOLE_CONTEXTS = {"QPlatformTheme", "QMessageBox", "QLineEdit", "QWidgetTextControl"}


def test_every_source_is_a_text_this_qt_asks_for(qtbot, qapp, english, tmp_path):
    """Records what Qt asks for while it builds what a person meets. A source with a typo, or
    one a new Qt version words differently, is never asked for: this fails on it. And a new
    text in a context qt_nl.ts covers fails here until it is translated."""
    recorder = _Recorder()
    qapp.installTranslator(recorder)
    try:
        for name in STANDARD_BUTTONS:
            qtbot.addWidget(QDialogButtonBox(getattr(BoxButton, name)))
        box = _message_box(qtbot, Button.Ok)
        box.show()
        qtbot.waitExposed(box)
        _details_button(box).click()  # "Hide Details..."
        _context_menus(qtbot)
        _file_dialog(qtbot, tmp_path)
        provider = QAbstractFileIconProvider()
        provider.type(QFileInfo(str(tmp_path)))  # "Folder"
        provider.type(QFileInfo("/"))  # "Drive"; on Windows C:/ would be one too
    finally:
        qapp.removeTranslator(recorder)
    ours = {(context, source) for context, source, _ in _messages()}
    assert ours - recorder.asked == set(), "not asked for by this Qt: a typo, or reworded"
    asked_whole = {pair for pair in recorder.asked if pair[0] in WHOLE_CONTEXTS}
    assert asked_whole - ours == set(), "Qt asks for these too: translate them in qt_nl.ts"


def test_english_shows_exactly_the_sources(qtbot, english):
    """What a person sees in English is Qt's source text: the table above is the real one."""
    for name, (_dutch, english_word) in STANDARD_BUTTONS.items():
        box = QDialogButtonBox(getattr(BoxButton, name))
        qtbot.addWidget(box)
        assert box.button(getattr(BoxButton, name)).text() == english_word
    # and the table above is the one in qt_nl.ts
    buttons = {source: t.text for context, source, t in _messages() if context == "QPlatformTheme"}
    assert buttons == {english_word: dutch for dutch, english_word in STANDARD_BUTTONS.values()}
