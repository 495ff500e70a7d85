"""The Dutch translation is complete, current with the code, and compiled."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool():
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "scripts" / "translations.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_translations_are_complete_current_and_compiled():
    assert _tool().problems() == []


def test_every_source_has_a_translation_with_the_same_placeholders():
    import re
    import xml.etree.ElementTree as ET

    tree = ET.parse(ROOT / "composer" / "resources" / "translations" / "omroeper_nl.ts")
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 40
    for message in messages:
        source = message.find("source").text
        translation = message.find("translation")
        forms = [form.text for form in translation.findall("numerusform")] or [translation.text]
        for form in forms:
            assert form, source
            assert sorted(re.findall(r"\{\w*\}|%n", form)) == sorted(
                re.findall(r"\{\w*\}|%n", source)
            ), source
