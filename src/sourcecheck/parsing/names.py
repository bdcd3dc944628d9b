"""Personal and corporate names: split an author list and parse each name.

- "Westad, Odd Arne" (inverted) -> family "Westad", given "Odd Arne".
- "Harold M. Tanner" (natural order) -> nameparser decides: family "Tanner".
- "Liu Wusheng" (Chinese, family first, no comma) -> family "Liu", given "Wusheng":
  a known Chinese surname followed by a given name made of pinyin syllables.
- "Literary and Historical Research Committee of …" -> a corporate author, kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from ..models import Name
from .gazetteer import GIVEN_NAMES

# Common Chinese surnames in pinyin (and the Wade-Giles forms met in older books).
_CHINESE_SURNAMES = frozenset("""
an bai bao bi bian cai cao cen chai chang chao chen cheng chi chu cui dai deng di diao ding dong
dou du duan fan fang fei feng fu gan gao ge geng gong gu guan guo han hao he hong hou hu hua
huang ji jia jian jiang jiao jie jin jing kang ke kong kuang lai lan lang lei li lian liang liao
lin ling liu long lou lu luo lü lv ma mao mei meng mi miao min mo mu ni nie ning niu ou ouyang
pan pang pei peng pi ping pu qi qian qiao qin qiu qu quan ran ren rong ruan shan shang shao she
shen sheng shi shu si sima song su sun tai tan tang tao teng tian tong tu wan wang wei wen weng
wu xi xia xian xiang xiao xie xin xing xiong xu xuan xue yan yang yao ye yi yin ying yong you yu
yuan yue yun zang zeng zhai zhan zhang zhao zhen zheng zhong zhou zhu zhuang zhuge zou zu
chiang chou hsu hsieh kuo tsai tseng tsao chao soong sung teng
""".split())

_PINYIN_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h",
                    "j", "q", "x", "r", "z", "c", "s", "y", "w", "")
_PINYIN_FINALS = frozenset("""
a o e ai ei ao ou an en ang eng ong er i ia ie iao iu ian in iang ing iong u ua uo uai ui uan un
uang ueng v ve van vn ue uan un ve iou uei uen
""".split())

_CORPORATE_WORDS = re.compile(
    r"\b(?:Committee|Commission|Council|Association|Society|Institute|Institution|Office|"
    r"Department|Ministry|Bureau|Agency|Organi[sz]ation|Foundation|Museum|Library|Academy|"
    r"Centre|Center|Group|Company|Corporation|Government|Board|Party|Army|University|College|"
    r"School|Press|Service|Survey|Team|Staff|Editors|Editorial|Conference|Congress|Union|"
    r"Federation|Trust|Project|Archives|Administration|Authority|Council|Secretariat|Bank|"
    r"Corp|Inc|Ltd|Pty|LLC|GmbH|Initiative|Consortium|International|Collaboration|"
    r"Network|Alliance)\b"
)
_PARTICLES = frozenset({"van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "la",
                        "le", "dos", "das", "bin", "ibn", "al", "el", "ter", "ten", "st.", "y"})
# Lower-case words inside names ("Ludwig van Beethoven"), for the tagged-span reader too.
NAME_PARTICLES = _PARTICLES
_INITIAL = re.compile(r"^(?:[A-Z]\.){1,3}$|^[A-Z]\.?-[A-Z]\.?$|^[A-Z]$")
_NAME_TOKEN = re.compile(r"^[A-ZÀ-ÖØ-Þ\u0100-\u024f][\w'’.\-À-ÿ\u0100-\u024f]*$")
# A family name written before the initials: particles, then capitalised words.
_FAMILY_BEFORE_INITIALS = (r"^(?P<family>(?:(?:van|von|de|der|den|del|della|di|da|du|la|le)\s+)*"
                           r"[A-ZÀ-ÖØ-Þ\u0100-\u024f][\w'’\-À-ÿ\u0100-\u024f]+"
                           r"(?:\s[A-ZÀ-ÖØ-Þ][\w'’\-À-ÿ\u0100-\u024f]+)*)\s")
# Vancouver (medicine): "Pérez-Higueras JJ", "de la Macorra JC": family name(s), then
# the given names' initials run together in capitals, no periods.
_VANCOUVER = re.compile(_FAMILY_BEFORE_INITIALS + r"(?P<given>[A-Z](?:-?[A-Z]){0,3})\.?$")
# Family name first, then the initials with their periods: "Landau L. D.", "Smith J.A.",
# "van Dijk T. A." (GOST transliterated, and Harvard variants). Natural order puts the
# initials first, so a name that ends in them is written family first.
_FAMILY_DOTTED_INITIALS = re.compile(
    _FAMILY_BEFORE_INITIALS + r"(?P<given>[A-Z]\.(?:\s?-?[A-Z]\.){0,3})$")
# Russian and other Cyrillic bibliographies (GOST): the family name, then the initials
# with their periods: "Ландау Л. Д.", "Лифшиц Е. М".
_CYRILLIC_FAMILY_INITIALS = re.compile(
    r"^(?P<family>[А-ЯЁ][а-яё'’-]+(?:-[А-ЯЁ][а-яё]+)?)\s+(?P<given>(?:[А-ЯЁ]\.\s?){0,2}[А-ЯЁ]\.?)$")
# French and other bibliographies that write the family name in capitals before the given
# name: "ACKET Claude", "BACHER Pierre", "LE GOFF Jacques".
_CAPITAL_FAMILY_FIRST = re.compile(
    r"^(?P<family>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+(?:\s[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+)*)"
    r"\s+(?P<given>[A-ZÀ-ÖØ-Þ][a-zß-ÿ][\w'’-]*(?:[\s-][A-ZÀ-ÖØ-Þ][a-zß-ÿ][\w'’-]*)*)$")
# a list cut after its separator: "Nishida, T., &"
_TRAILING_SEPARATOR = re.compile(r"(?:,?\s*(?:&|\band\b|\bund\b))+$", re.I)
_ET_AL = re.compile(r",?\s*(?:et al\.?|and others|et\. al\.?|u\. ?a\.?)\s*$", re.I)
_AND = re.compile(r"\s*(?:,\s*(?:and|&)\s+|\s(?:and|&|und|et|y)\s+)", re.I)


def strip_final_period(text: str) -> str:
    """Drop a sentence-ending period, but keep the one of a final initial ("Harold M.")."""
    if not text.endswith("."):
        return text
    last = text.rsplit(None, 1)[-1].split(",")[-1]
    return text if is_any_initial(last) else text[:-1].rstrip()


_CYRILLIC_INITIAL = re.compile(r"^(?:[А-ЯЁ]\.){1,3}$")  # "Д.", the end of "Ландау Л. Д."


def is_initial(token: str) -> bool:
    """"M.", "J.R.", "J.-P.", "M" — an abbreviated given name, in Latin letters (the
    tagger's features are built on this test)."""
    return bool(_INITIAL.match(token))


def is_any_initial(token: str) -> bool:
    """An initial in Latin or Cyrillic letters: "M.", "J.R.", "Д.", "Л.Д."."""
    return is_initial(token) or bool(_CYRILLIC_INITIAL.match(token))


# One syllable: an initial (or none) and a final; the regex engine backtracks through
# the ways a word can split, as a reader would.
_PINYIN_WORD = re.compile(
    "(?:(?:" + "|".join(sorted((i for i in _PINYIN_INITIALS if i), key=len, reverse=True))
    + ")?(?:" + "|".join(sorted(_PINYIN_FINALS, key=len, reverse=True)) + "))+")


@cache
def is_pinyin(word: str) -> bool:
    """True when a word splits into pinyin syllables ("Wusheng", "Zedong", "Yan'an").

    >>> is_pinyin("Wusheng"), is_pinyin("Yan'an"), is_pinyin("Bristol")
    (True, True, False)
    """
    text = word.lower().replace("'", "").replace("’", "").replace("-", "")
    if not text.isalpha() or not text.isascii():
        return False
    return _PINYIN_WORD.fullmatch(text) is not None


def is_chinese_family_first(text: str) -> bool:
    """"Liu Wusheng", "Mao Zedong", "Zhang Ping": a Chinese surname then a pinyin name."""
    tokens = text.split()
    if len(tokens) not in (2, 3):
        return False
    family, given = tokens[0], tokens[1:]
    return (family.lower() in _CHINESE_SURNAMES and family[:1].isupper()
            and all(t[:1].isupper() and is_pinyin(t) for t in given))


_NOT_CORPORATE_START = frozenset({"history", "records", "introduction", "studies", "memoirs",
                                   "selected", "collected", "complete", "on", "from", "a", "an",
                                   "chronicle", "annals", "in", "toward", "towards"})


def is_corporate(text: str) -> bool:
    """A corporate author: two or more words with an institution word ("Committee",
    "Institute", "Press" …), and none of a sentence's or a title's marks."""
    words = text.split()
    if not 2 <= len(words) <= 25 or re.search(r"[\d\"“”():?!]|\.\s+[A-Z][a-z]", text):
        return False
    if words[0].lower() in _NOT_CORPORATE_START:
        return False
    return bool(_CORPORATE_WORDS.search(text))


def looks_like_personal_name(text: str) -> bool:
    """1–5 capitalised tokens, initials or particles, and no institution word."""
    tokens = text.replace(",", " ").split()
    if not 1 <= len(tokens) <= 5 or _CORPORATE_WORDS.search(text):
        return False
    return all(_NAME_TOKEN.match(t) or t.lower() in _PARTICLES or is_initial(t) for t in tokens)


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "v", "2nd", "3rd", "jun", "sen"})


def is_name_suffix(text: str) -> bool:
    """"Jr.", "Sr", "III": what follows a name rather than being part of it."""
    return text.strip().rstrip(".").lower() in _SUFFIXES


def _suffix(text: str) -> str:
    """"Jr" and "jr." as "Jr.", "Sr" as "Sr."; "III" as written (a final period of the
    entry's author span may have taken the abbreviation's)."""
    bare = text.strip().rstrip(".")
    return bare.capitalize() + "." if bare.lower() in ("jr", "sr", "jun", "sen") else bare


def parse_name(text: str, inverted: bool | None = None) -> Name:
    """Parse one name.

    ``inverted``: True for "Family, Given", False for natural order, None to decide
    from the comma. Chinese family-first names and corporate names are recognised in
    either case.
    """
    text = " ".join(text.strip().strip(",;").split())
    if not text:
        return Name()
    if "," in text and inverted is not False:
        parts = [p.strip() for p in text.split(",")]
        if len(parts) == 3 and all(parts) and is_name_suffix(parts[1]):
            return Name(family=parts[0], given=parts[2], suffix=_suffix(parts[1]))  # BibTeX
        if len(parts) == 3 and all(parts) and is_name_suffix(parts[2]):
            return Name(family=parts[0], given=parts[1], suffix=_suffix(parts[2]))  # Chicago
        family, _, given = text.partition(",")
        given = given.strip().strip(",")
        if not given:
            return Name(family=family.strip())
        return Name(family=family.strip(), given=given)
    if is_chinese_family_first(text):
        family, _, given = text.partition(" ")
        return Name(family=family, given=given)
    family_first = next((m for m in (form(text) for form in _FAMILY_FIRST_FORMS) if m), None)
    if family_first and not is_corporate(text):
        return Name(family=family_first.group("family"), given=family_first.group("given"))
    if is_corporate(text) or not looks_like_personal_name(text):
        return Name(literal=text)
    tokens = text.split()
    if len(tokens) == 1:
        return Name(family=text)
    return _natural_order(text)


# Words that make a natural-order name hard: titles, suffixes and particles. Only such
# names go to nameparser; "Harold M. Tanner" is simply given names then a family name.
_HARD_NAME_WORDS = _PARTICLES | {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "dr", "dr.",
                                 "prof", "prof.", "sir", "mr", "mr.", "mrs", "mrs.", "ms",
                                 "ms.", "rev", "rev.", "lord", "lady"}


@cache
def _natural_order(text: str) -> Name:
    tokens = text.split()
    if not any(t.lower().rstrip(",") in _HARD_NAME_WORDS for t in tokens):
        return Name(family=tokens[-1], given=" ".join(tokens[:-1]) or None)
    from nameparser import HumanName

    human = HumanName(text)
    family = " ".join(p for p in (human.last,) if p).strip()
    given = " ".join(p for p in (human.title, human.first, human.middle) if p).strip()
    if not family:
        tokens = text.split()
        return Name(family=tokens[-1], given=" ".join(tokens[:-1]) or None)
    return Name(family=family, given=given or None,
                suffix=_suffix(human.suffix) if human.suffix else None)


def split_names(text: str) -> tuple[tuple[Name, ...], bool]:
    """Split an author list into names; the flag says the list ended with "et al.".

    Separators: ";" (CS1), "and", "&" and ", and"; APA's "Tang, Y., Bi, J., & Wang, X."
    pairs are undone. The first name may be inverted; later ones are inverted only when
    they carry a comma ("Tanner, Harold M., and Odd Arne Westad").
    """
    text = _TRAILING_SEPARATOR.sub("", " ".join(text.split()).strip(" ,;")).strip(" ,;")
    others = bool(_ET_AL.search(text))
    text = _ET_AL.sub("", text).strip(" ,;")
    if not text:
        return (), others
    if is_corporate(text) and not _looks_like_name_list(text) and \
            not (";" in text and not all(is_corporate(p) for p in text.split(";"))):
        # one corporate author; a ";" list ("Egger M, Altman DG; STROBE Initiative")
        # is read part by part unless every part is corporate
        return (Name(literal=text.rstrip(".")),), others
    if _PERIOD_LIST.fullmatch(text):  # "Ferguson, JN. Aldag, JM. Insel, TR.": one list
        text = re.sub(r"\.\s+", ", ", text)
    parts = [p for p in re.split(r"\s*;\s*", text) if p] if ";" in text else _split_on_and(text)
    names: list[Name] = []
    for part in parts:
        part = _PATENT_ROLE.sub("", part)  # "Noyce RN, inventor; Fairchild …, assignee"
        pieces: list[tuple[str, bool | None]] = [
            *(_vancouver_list(part) or _natural_comma_list(part)
              or ((p, None) for p in _undo_apa_pairs(part)))]
        for piece, inverted in pieces:
            name = parse_name(strip_final_period(piece.strip().rstrip(",")), inverted)
            if name != Name():
                names.append(name)
    return tuple(names), others


_PATENT_ROLE = re.compile(r",\s*(?:inventors?|assignees?)\.?\s*$", re.I)

# Inverted names with capital initials and no periods between them, each ended by a
# period: "Ferguson, JN. Aldag, JM. Insel, TR" (Vancouver written with commas).
_PERIOD_LIST = re.compile(r"(?:[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)*, [A-Z]{1,3}\.\s+)+"
                          r"[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*)*, [A-Z]{1,3}\.?")


def _looks_like_name_list(text: str) -> bool:
    """"Wang, Xingsheng, and Zhang, Jingshan" is people even though "Zhang" is short, and
    "Press, WH; Teukolsky, SA" though "Press" is a publisher's word."""
    if ";" in text:  # CS1's "Family, Given; Family, Given": every part one inverted name
        parts = [p for p in re.split(r"\s*;\s*", text) if p]
        return len(parts) > 1 and all(p.count(",") == 1 and all(
            _NAME_TOKEN.match(t) or is_initial(t) for t in p.replace(",", " ").split())
            for p in parts)
    parts = _split_on_and(text)
    return len(parts) > 1 and all(looks_like_personal_name(p) for p in parts)


def _split_on_and(text: str) -> list[str]:
    return [p for p in _AND.split(text) if p and p.strip()]


def _natural_comma_list(part: str) -> list[tuple[str, bool]] | None:
    """Names in natural order between commas, each with whether it is inverted:
    "R. Lipsett, C. Schaefer, C. Ussery" (IEEE), and "Trathan, P. N., A. S. Brierley, M.
    A. Brandon" or "Child, Julia, Louisette Bertholle" (the first name inverted, the rest
    not; Chicago and MLA; a one-word first piece cannot be a whole name). Natural
    pieces have two or more words and end in a family name (not an initial); a list of
    two natural names only counts when both start with an initial ("T. Imielinski, S.
    Viswanathan") or with a known given name ("Anna Weber, Paul Roth"), since "Garcia
    Marquez, Gabriel Jose" is one inverted name. None when ``part`` is not such a list."""
    pieces = [p.strip() for p in part.split(",") if p.strip()]
    if len(pieces) >= 3 and len(pieces[0].split()) == 1 and 1 <= len(pieces[1].split()) <= 3 \
            and looks_like_personal_name(pieces[1]) and _natural_pieces(pieces[2:]):
        return [(f"{pieces[0]}, {pieces[1]}", True), *((p, False) for p in pieces[2:])]
    if len(pieces) < 2 or not _natural_pieces(pieces):
        return None
    if len(pieces) == 2 and not all(is_initial(p.split()[0]) for p in pieces) and \
            not _given_name_first(pieces):
        return None
    return [(p, False) for p in pieces]


def _given_name_first(pieces: list[str]) -> bool:
    """Both pieces open with a known given name and the first does not end in one:
    "Anna Weber, Paul Roth" is two people; "Anna Martin, Paul Roth" stays undecided (and
    is read as one inverted name), since "Martin" can be either."""
    def given(word: str) -> bool:
        return word.strip(".,").lower() in GIVEN_NAMES
    return all(given(p.split()[0]) for p in pieces) and not given(pieces[0].split()[-1])


def _vancouver_list(part: str) -> list[tuple[str, bool]] | None:
    """"Pérez-Higueras JJ, Arias A, de la Macorra JC" (Vancouver), "Smith J.A., Brown D."
    and "Ландау Л. Д., Лифшиц Е. М." (GOST), "ACKET Claude, BACHER Pierre": every comma
    piece a family name first, all in one of these forms; None otherwise."""
    pieces = [p.strip() for p in part.split(",") if p.strip()]
    if len(pieces) < 2:
        return None
    for form in _FAMILY_FIRST_FORMS:
        matches = [form(p) for p in pieces]
        if all(matches):  # each as "Family, Given", read in the list's own form
            return [(f"{m.group('family')}, {m.group('given')}", True)
                    for m in matches if m]
    return None


def _capital_family_first(text: str) -> re.Match[str] | None:
    """"ACKET Claude", "LE GOFF Jacques": a family name in capitals, then the given name;
    not initials before a family name ("VW Berger", "SL Hershberger")."""
    match = _CAPITAL_FAMILY_FIRST.match(text)
    if match is None:
        return None
    words = match.group("family").split()
    if not all(len(w) >= 3 or w.lower() in _PARTICLES for w in words) or \
            all(w.lower() in _PARTICLES for w in words):
        return None
    return match


# The forms of one name written family name first without a comma, each giving the groups
# "family" and "given": Vancouver, initials with periods (Latin, then Cyrillic: GOST), and
# a family name in capitals.
_FAMILY_FIRST_FORMS: tuple[Callable[[str], re.Match[str] | None], ...] = (
    _VANCOUVER.match, _FAMILY_DOTTED_INITIALS.match, _CYRILLIC_FAMILY_INITIALS.match,
    _capital_family_first)


def _natural_pieces(pieces: list[str]) -> bool:
    """Every piece a natural-order name of two or more words ending in a family name."""
    for piece in pieces:
        tokens = piece.split()
        if len(tokens) < 2 or is_initial(tokens[-1]) or not looks_like_personal_name(piece):
            return False
        if tokens[0].lower() in _PARTICLES:
            return False  # "De Gaulle, Charles": an inverted name with a particle
    return True


def _undo_apa_pairs(part: str) -> list[str]:
    """"Tang, Y., Bi, J." -> ["Tang, Y.", "Bi, J."]; anything else stays one piece."""
    pieces = [p.strip() for p in part.split(",") if p.strip()]
    if len(pieces) < 4 or len(pieces) % 2:
        return [part]
    pairs = [f"{pieces[i]}, {pieces[i + 1]}" for i in range(0, len(pieces), 2)]
    givens_ok = all(all(is_initial(t) or _NAME_TOKEN.match(t) for t in pieces[i + 1].split())
                    for i in range(0, len(pieces), 2))
    families_ok = all(len(pieces[i].split()) <= 3 and not is_initial(pieces[i])
                      for i in range(0, len(pieces), 2))
    return pairs if givens_ok and families_ok else [part]
