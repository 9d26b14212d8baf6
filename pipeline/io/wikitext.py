"""Render wikitext (a `.wiki` file, or a dump page) as the plain text the extractors read.

wikitextparser finds the templates, links, tags and tables, and lets a
renderer decide each template's text: French film articles keep dates, units,
flags and titles in templates (`{{date|12|mars|2020}}`, `{{Unité|95|minutes}}`,
`{{France}}`), which a parser that deletes templates would lose. How each
template is rendered is data (`pipeline/data/wikitext_templates.tsv`);
infobox parameters become `Label | value |` rows through
`pipeline/data/infobox_params.tsv`, whose labels are fiche labels, so they are
read like a mirror's infobox, after the fiche technique. References, files,
categories and magic words are dropped; headings stand on their own line, list
items become `- ` lines indented by depth, table rows `cell | cell |` lines.
Templates the data does not know render as nothing and are named in one note.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

import wikitextparser as wtp

from pipeline.io.rendered import BULLET, INDENT, MarkupError, Rendered, cell_text, row_line
from pipeline.values.places import country_code
from pipeline.vocab import rows

DROPPED_TAGS = re.compile(
    r"<(ref|references|gallery|math|timeline|score|syntaxhighlight|templatedata)\b[^>]*?/>"
    r"|<(ref|references|gallery|math|timeline|score|syntaxhighlight|templatedata)\b[^>]*>.*?</\2\s*>",
    re.IGNORECASE | re.DOTALL,
)
MARKUP = re.compile(r"[{}\[\]'<|=~_]")  # text without these needs no parsing (arguments are mostly plain words)
BREAK = re.compile(r"<br\s*/?\s*>", re.IGNORECASE)
CATEGORY = re.compile(r"\[\[\s*(?:catégorie|category)\s*:[^\]]*\]\]", re.IGNORECASE)
MAGIC_WORD = re.compile(r"__[A-ZÉ]+__")
HEADING = re.compile(r"^(={1,6})\s*(.+?)\s*\1\s*$")
LIST_ITEM = re.compile(r"^([*#:;]+)\s*(.*)$")
PLACEHOLDER = re.compile(r"\{(\w+)\}")
BLANK_RUN = re.compile(r"\n{3,}")
SPACE_RUN = re.compile(r"[ \t]{2,}")  # left where a template rendered as nothing


@dataclass(frozen=True)
class Rule:
    """How one template is rendered: a kind and its argument (parameter names or a text)."""

    kind: str
    spec: str = ""


@cache
def template_rules() -> list[tuple[re.Pattern[str], Rule]]:
    """The template renderings, in file order (checked by the vocabulary loader)."""
    rules = []
    for name, rendering in rows("wikitext_templates.tsv"):
        kind, _, spec = rendering.partition(":")
        rules.append((re.compile(name), Rule(kind, spec)))
    return rules


@cache
def infobox_labels() -> dict[str, str]:
    """Infobox parameter -> fiche label (each checked to be a label of labels.tsv)."""
    return {param.lower(): label for param, label in rows("infobox_params.tsv")}


def template_name(template: wtp.Template) -> str:
    """Lower case, `_` as a space, single spaces, no `Modèle:` prefix: the key rules are matched on."""
    name = " ".join(template.name.replace("_", " ").split()).lower()
    for prefix in ("modèle:", "template:"):
        if name.startswith(prefix):
            name = name[len(prefix):].strip()
    return name


@lru_cache(maxsize=4096)
def _rule(name: str) -> Rule | None:
    """The first rule whose pattern matches the name (the same few hundred names recur in every article)."""
    for pattern, rule in template_rules():
        if pattern.fullmatch(name):
            return rule
    return None


@lru_cache(maxsize=4096)
def _is_country(name: str) -> bool:
    return country_code(name) is not None


class _Renderer:
    """Renders one document, counting the templates it does not know."""

    def __init__(self) -> None:
        self.unknown: Counter[str] = Counter()

    def inline(self, text: str) -> str:
        """Templates, links, tags, bold and italics of a piece of wikitext, rendered; lines kept."""
        if not text.strip():
            return ""
        if not MARKUP.search(text):
            return html.unescape(text) if "&" in text else text
        return wtp.parse(text).plain_text(replace_templates=self.template, replace_tables=self.table)

    def _arg(self, template: wtp.Template, key: str) -> str:
        arg = template.get_arg(key)
        return self.inline(arg.value).strip() if arg is not None else ""

    def _first(self, template: wtp.Template, keys: str) -> str:
        for key in keys.split(","):
            value = self._arg(template, key.strip())
            if value:
                return value
        return ""

    def template(self, template: wtp.Template) -> str:
        name = template_name(template)
        rule = _rule(name)
        if rule is None:
            if _is_country(template.name.strip()):
                return template.name.strip()
            self.unknown[template.name.strip()] += 1
            return ""
        if rule.kind == "empty":
            return ""
        if rule.kind == "arg":
            return self._first(template, rule.spec)
        if rule.kind == "join":
            return " ".join(v for v in (self._arg(template, k.strip()) for k in rule.spec.split(",")) if v)
        if rule.kind == "paren":
            head, _, rest = rule.spec.partition(";")
            inside = [v for v in (self._arg(template, k.strip()) for k in rest.split(",")) if v]
            first = self._first(template, head)
            return f"{first} ({', '.join(inside)})" if inside else first
        if rule.kind == "format":
            return PLACEHOLDER.sub(lambda m: self._arg(template, m.group(1)), rule.spec)
        if rule.kind == "name":
            words = [template.name.strip(), *(self.inline(a.value).strip() for a in template.arguments if a.positional)]
            return " ".join(w for w in words if w)
        return self.infobox(template)

    def infobox(self, template: wtp.Template) -> str:
        rows = []
        for argument in template.arguments:
            label = infobox_labels().get(" ".join(argument.name.split()).lower())
            if label is None:
                continue
            value = _one_line(self.inline(argument.value))
            if value:
                rows.append(row_line((label, value)))
        return "\n" + "\n".join(rows) + "\n" if rows else ""

    def table(self, table: wtp.Table) -> str:
        try:
            rows = table.cells()
        except Exception:  # noqa: BLE001 - a malformed table is read as its text, not lost
            return "\n" + table.plain_text() + "\n"
        lines = []
        for row in rows:
            cells = [_one_line(cell.value) for cell in row]
            if any(cells):
                lines.append(row_line(cells))
        return "\n" + "\n".join(lines) + "\n"


def _one_line(text: str) -> str:
    """A cell or parameter value on one line: its lines, without list markers, joined by ", "."""
    parts = (LIST_ITEM.sub(r"\2", line).strip() for line in text.splitlines())
    return cell_text(parts)


def _layout(text: str) -> str:
    """Headings after a blank line, list items as indented bullets, spaces trimmed."""
    lines = []
    after_heading = False
    for raw in text.splitlines():
        line = SPACE_RUN.sub(" ", raw.strip())
        heading = HEADING.match(line)
        if heading:
            lines.extend(["", heading.group(2)])
            after_heading = True
            continue
        if after_heading and not line:
            continue
        after_heading = False
        item = LIST_ITEM.match(line)
        if item:
            markers, content = item.groups()
            if not content.strip():
                continue
            depth = len(markers)
            bullet = BULLET if markers[-1] in "*#" else ""
            line = INDENT * (depth - 1) + bullet + content.strip()
        lines.append(line)
    return BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")


def render_wikitext(source: str, title: str = "") -> Rendered:
    """The article's text (its title on the first line when given), and a note naming unknown templates."""
    renderer = _Renderer()
    cleaned = CATEGORY.sub("", MAGIC_WORD.sub("", BREAK.sub("\n", DROPPED_TAGS.sub("", source))))
    body = _layout(renderer.inline(cleaned))
    if not body.strip():
        raise MarkupError("wikitext with no article text (only templates, references or categories)")
    text = (f"{title}\n" if title else "") + body + "\n"
    notes = ()
    if renderer.unknown:
        names = ", ".join(f"{{{{{name}}}}}" + (f" ({n})" if n > 1 else "") for name, n in sorted(renderer.unknown.items()))
        notes = (f"templates not rendered (unknown): {names}",)
    return Rendered(text, notes)

