"""Trigger words (`data/triggers.tsv`) and where they occur in a Doc.

Each trigger has an event type, a CAMEO code and a frame (how its sides are found: sym, trans,
visit, invite, agree, say) and, for visit words that name their destination (访华), the country.
A trigger written with … matches with a few words between its parts (通…电话: 通了约半小时的电话), but
not over a whole trigger it ends with (进行了电话讨论 is 电话讨论, a call, not 进行…讨论); a transitive one
stands at its first part, its object between the parts (接到X的电话: X called).
No word of 访 counts inside another word (采访新加坡总理 is no 访新加坡); 访 alone, like any
one-character travel word, only before a place (`blocks`: 访白宫, 访汤加); 会 alone, a headline's
verb (将会川普), only right before a person's name and after no word it ends (大会, 机会); a noun
ending in 会 (外长会) not where the 会 begins a verb (外长会见); a one-letter destination not where the
letter begins a word or a region (此访加深, 初访加勒比海); 回访 not after a count (上一回访马).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from timeline.components.doctext import doc_text
from timeline.lexicon import AFTER_LETTER, common_words, region_words
from timeline.events.sentence import Named
from timeline.tsv import DATA, read_tsv


@dataclass(frozen=True)
class Trigger:
    word: str
    type: str
    cameo: str
    frame: str
    dest: str | None


def load_triggers() -> dict[str, Trigger]:
    """The trigger table by word."""
    return {r["trigger"]: Trigger(r["trigger"], r["type"], r["cameo"], r["frame"], r.get("dest") or None)
            for r in read_tsv(DATA / "triggers.tsv")}


class TriggerFinder:
    """The trigger words of a Doc: longest first, none inside a name or a place."""

    def __init__(self, nlp: Language) -> None:
        self.table = load_triggers()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        # a trigger written with … has words between its parts (通…电话: 通了约半小时的电话)
        # (a transitive one, 接到…电话, stands at its first part: the one who called is its object, 接到X的电话)
        self.gapped = [(re.compile(_GAP.join(map(re.escape, word.split("…")))), trig,
                        len(word.split("…")[0]) if trig.frame == "trans" else None)
                       for word, trig in self.table.items() if "…" in word]
        for word in self.table:
            if "…" not in word:
                self.matcher.add(word, [nlp.make_doc(word)])

    def __call__(self, doc: Doc, names: list[Named]) -> list[tuple[int, int, Trigger]]:
        """The triggers of `doc` that lie inside none of `names` (its actor and place spans)."""
        text = doc_text(doc)
        spans = []
        for key, s, e in self.matcher(doc):
            span = Span(doc, s, e)
            spans.append((span.start_char, span.end_char, self.table[doc.vocab.strings[key]]))
        ends = {e for _, e, _ in spans}
        for pattern, trig, head in self.gapped:  # (not over a whole trigger it ends with: 进行了电话讨论 is the call)
            spans.extend((m.start(), m.start() + head if head else m.end(), trig)
                         for m in pattern.finditer(text) if m.end() not in ends)
        spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        blocked = bytearray(len(text) + 1)  # characters inside a name or a place
        persons = {n.start_char for n in names if any(a.kind == "person" for a in n.actors)}
        for span in names:
            blocked[span.start_char:span.end_char] = b"\x01" * (span.end_char - span.start_char)
        out: list[tuple[int, int, Trigger]] = []
        last_end = -1
        for s, e, trig in spans:
            if s < last_end or any(blocked[s:e]):
                continue
            if trig.word.isascii() and not _word_boundary(text, s, e):
                continue
            if trig.word.startswith("访") and s > 0 and text[s - 1] in _NOT_VISIT_BEFORE:
                continue  # 采访新加坡总理 is an interview, not 访新加坡
            if trig.word.startswith("来") and text[s - 1:s] in ("以", "後", "后") and text[s - 2:s - 1] != "前":
                continue  # 以来访问中国: since (以来), then a visit; 后来访华: later (the visit word follows)
            if trig.word == "回访" and text[s - 1:s] in _COUNT_BEFORE_HUI:
                continue  # 上一回访马: the last time (一回) he visited Malaysia, no return visit
            if trig.dest and e - s == 2 and e < len(text) and text[e] not in AFTER_LETTER and (
                    text[e - 1:e + 1] in common_words() or text.startswith(region_words(), e - 1)):
                continue  # 此访加深, 初访加勒比海: the letter begins a word (加深) or a region, it names no country
            if trig.word == "会" and (e not in persons or text[s - 1:s] in _NOUN_OF_HUI):
                continue  # 会 meets only a person named right after it (将会川普), not 大会 or 将会出席
            if len(trig.word) > 1 and trig.word.endswith("会") and text[e:e + 1] in _VERB_OF_HUI:
                continue  # 外长会见: a minister meets, it is no 外长会
            out.append((s, e, trig))
            last_end = e
        return out


_GAP = r"[^，,。；;：:]{1,10}?"  # what may stand between the parts of a gapped trigger

# characters that make a word of 访 that is no visit (采访, 走访 a village, 上访, 信访)
_NOT_VISIT_BEFORE = set("采探寻查暗家专上信接走约")


# characters before 回 that make it a count of times (上一回, 这回, 每回), not 回访 (a return visit)
_COUNT_BEFORE_HUI = frozenset("一上这那每几")

# characters that make a verb of a 会 that ends a meeting noun (外长会见, 外长会晤, 外长会谈)
_VERB_OF_HUI = frozenset("见晤谈面议商同与")

# characters that 会 ends a word after (大会, 机会, 社会): no meeting verb
_NOUN_OF_HUI = frozenset("大社机年盛峰全议学协工商聚宴晚酒集都约开散闭例茶舞庙")


def _word_boundary(text: str, s: int, e: int) -> bool:
    return (s == 0 or not text[s - 1].isalpha()) and (e == len(text) or not text[e].isalpha())
