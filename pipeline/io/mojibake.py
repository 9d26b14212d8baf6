"""Undo mojibake: UTF-8 text that was once decoded as a single-byte encoding (`CĂ©cile`, `RÃ©alisation`).

Mirrors copy such text as it is, so the fiche label `Réalisation` no longer
reads as one and a name comes out wrong. ftfy recognises the damage and
reverses it line by line, leaving sound lines (and legitimate letters such
as Romanian `Ă`) alone; it is the maintained tool for this, and guessing the
byte sequences by hand would miss encodings. Only ftfy's encoding fixes are
on: quotes, ligatures, widths and HTML entities stay as written.
"""

from __future__ import annotations

import re

from ftfy import TextFixerConfig, fix_and_explain, fix_text

# The first character of a UTF-8 sequence for a Latin letter or punctuation, once
# decoded as latin-1 / cp1252 (Ã Â â€) or cp1250 (Ă Â â€) or mac-roman-like (Ä Å);
# text without one has no mojibake ftfy would fix, and is left without running it.
LEADS = re.compile("[ÃÂĂÄÅ]|â€")
SEQUENCE = re.compile("[ÃÂĂÄÅ].|â..")  # one damaged two- or three-byte sequence
ENCODING_FIXES = TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
    uncurl_quotes=False, fix_line_breaks=False, fix_surrogates=False, remove_control_chars=False,
    normalization=None, explain=False,
)


def _explanation(line: str) -> list[tuple[str, str]]:
    return fix_and_explain(line, ENCODING_FIXES._replace(explain=True)).explanation or []


def _damage_codecs(lines: list[str]) -> list[str]:
    """The single-byte codecs ftfy undid on these lines."""
    return sorted({name for line in lines for action, name in _explanation(line) if action == "encode"})


def _redecode(match: re.Match[str], codecs: list[str]) -> str:
    """The sequence as the UTF-8 it was, under the first codec that gives valid UTF-8; else as it is."""
    for codec in codecs:
        try:
            return match.group().encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return match.group()


def repair_mojibake(text: str) -> tuple[str, tuple[str, ...]]:
    """The text with its mojibake undone, and a note naming the repair (none when nothing changed).

    ftfy judges each line alone, and a short line with one damaged letter
    (`NaĂŻma`) is not evidence enough; once ftfy has found the damage on
    other lines of the same document, each remaining sequence is re-decoded
    the same way when it gives valid UTF-8.
    """
    if not LEADS.search(text):
        return text, ()
    before = text.split("\n")
    after = fix_text(text, ENCODING_FIXES).split("\n")
    if after == before or len(after) != len(before):
        return text, ()
    changed = [b for b, a in zip(before, after) if b != a]
    codecs = _damage_codecs(changed)
    if codecs:
        after = [SEQUENCE.sub(lambda m: _redecode(m, codecs), line) if LEADS.search(line) else line for line in after]
        changed = [b for b, a in zip(before, after) if b != a]
    how = ("UTF-8 read as " + " and ".join(c.removeprefix("sloppy-") for c in codecs)) if codecs \
        else "inconsistent UTF-8"
    lines = f"{len(changed)} {'line' if len(changed) == 1 else 'lines'}"
    return "\n".join(after), (f"mojibake repaired with ftfy ({how}) on {lines}; offsets index the text in texts/",)
