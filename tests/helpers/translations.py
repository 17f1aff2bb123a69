"""The French catalogue (i18n/timestack_fr.ts) as tests read it: its messages, and whether a text a
user sees is one of its translations."""

import re
import xml.etree.ElementTree as ET
from pathlib import Path

TS = Path(__file__).resolve().parents[2] / "i18n" / "timestack_fr.ts"


def catalogue() -> list:
    """(context, source, translation element) of every message of the French catalogue."""
    root = ET.parse(TS).getroot()
    return [
        (context.findtext("name"), message.findtext("source"), message.find("translation"))
        for context in root.iter("context")
        for message in context.iter("message")
    ]


def fields(text: str) -> list:
    """The ``str.format`` fields of ``text``, which a translation must keep."""
    return sorted(re.findall(r"\{[^{}]*\}", text))


def translations() -> set:
    """Every French text of the catalogue."""
    return {(translation.text or "").strip() for _, _, translation in catalogue()}


def translated(text: str, french: set) -> bool:
    """Whether ``text`` is one of the ``french`` translations, with its placeholders filled in."""
    if text in french:
        return True
    for translation in french:
        if "{" in translation:
            parts = re.split(r"\{[^{}]*\}", translation)
            if re.fullmatch(".+".join(map(re.escape, parts)), text, re.S):
                return True
    return False
