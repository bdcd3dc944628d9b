"""Chinese-script references, read by rules: their conventions mark every field exactly.

The tagger learned from Latin-script references (AnyStyle's data has one Chinese entry),
while Chinese references follow one of two conventions whose punctuation says what each
part is:

- Book-title marks: ``王樹增：《解放戰爭》，北京：人民文學出版社，2009年。`` — the title
  inside 《…》 (an article's inside 〈…〉, then its journal or book in 《…》), the
  author(s) before it, then "place：publisher", the year (年), the volume (第四卷) and
  pages (第45页).
- GB/T 7714: ``余敏. 出版集团研究[M]. 北京: 中国书籍出版社, 2001: 179-193.`` — the
  title ends at its document-type code ([M] book, [J] journal article, [C]/[G]
  proceedings or collection, [D] thesis, [R] report …); a chapter adds
  ``//editors. book title.``, an article ``journal, year, volume(issue): pages.``

``read_cjk`` returns the fields with the span each came from, or ``None`` when the entry
follows neither convention (the tagger then reads it as it reads any other).
"""

from __future__ import annotations

import re

from ..models import FieldSpan, Name
from .fields import FieldDraft, normalize_year
from .names import split_names

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han ideographs, for a [character class]
_KANA = re.compile(r"[\u3040-\u30ff]")
_CJK_CHARACTER = re.compile(f"[{HAN}]")
_LEADING_HAN = re.compile(f"[{HAN}]+")
_TYPE_CODE = re.compile(r"\[(?P<code>[MJCGNDRSPAZ]|EB|DB|CP)(?:/OL)?\]")

# The separators of both conventions, full-width or not.
_COMMA = "，,、"
_COLON = "：:"
_STOP = "。．.；;"

# Compound (two-character) Chinese surnames; every other Chinese surname is one character.
_COMPOUND_SURNAMES = frozenset("""
欧阳 歐陽 司马 司馬 诸葛 諸葛 上官 司徒 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫
宇文 夏侯 令狐 端木 独孤 獨孤 南宫 南宮 西门 西門 轩辕 軒轅 呼延 澹台 澹臺 闻人 聞人 赫连 赫連
""".split())

# A role after a name: 著 (author), 编/主编 (editor), 译 (translator) …
_ROLE = re.compile(r"(?P<role>主编|主編|编著|編著|编纂|編纂|编|編|著|撰|译|譯|校注|整理|"
                   r"等著|等编|等編)$")
_IN_WORD = re.compile(r"(?:载|載|收入|收於|收于|见|見|\bin\b:?)\s*")
_EDITOR_ROLES = frozenset({"主编", "主編", "编", "編", "编纂", "編纂", "等编", "等編"})
_NOT_NAMES = frozenset({"译", "譯", "校注", "整理"})
_ET_AL = re.compile(r"[,，、\s]*(?:等|et al\.?)\s*$")
_NAME_SEPARATORS = re.compile(r"\s*[,，、;；/]\s*|\s+")

_YEAR_CORE = r"(?:1[5-9]\d\d|20\d\d)"
# "2009年", "1993—1997年" (a set that appeared over several years)
_YEAR = re.compile(rf"(?<!\d)(?P<year>{_YEAR_CORE}(?:\s*[-–—~～至]\s*{_YEAR_CORE})?)(?!\d)\s*年?")
_ISBN_MARK = re.compile(r"ISBN|(?<![\d-])97[89][\d-]{10,}", re.I)
_PAGES = re.compile(r"(?:第\s*)?(?P<pages>\d+(?:\s*[-–—~～]\s*\d+)?)\s*[页頁]|"
                    r"(?:[pP]{1,2}\.\s*)(?P<latin>\d+(?:\s*[-–—]\s*\d+)?)")
_VOLUMES = re.compile(r"[全共]\s*(?P<count>[一二三四五六七八九十\d]+)\s*[卷册冊]")
_VOLUME = re.compile(r"(?<![全共\d一二三四五六七八九十])第?\s*"
                     r"(?P<volume>[一二三四五六七八九十百〇零\d]+)\s*[卷册冊辑輯]")
_EDITION = re.compile(r"第?\s*(?P<edition>[一二三四五六七八九十]{1,3}|\d{1,2})\s*版")
_ISSUE = re.compile(r"第\s*\d+\s*期")  # a journal's issue: "2006年第4期"
_ISSUE_VOLUME = re.compile(r"(?P<volume>\d+)\s*[(（]\s*(?P<issue>[\d\-–/]+)\s*[)）]")

# Book-title marks (Chinese 《》, Japanese 『』) and article-title marks (〈〉, 「」).
_BOOK_TITLE = re.compile(r"《[^《》]+》|『[^『』]+』")
_ARTICLE_TITLE = re.compile(r"〈[^〈〉]+〉|「[^「」]+」")
# Unmarked, stop-separated: "杨奎松. 中间地带的革命. 太原: 山西人民出版社, 2010."
_STOP_SEPARATED = re.compile(
    r"^(?P<names>[^.。．]{1,60}?)\s*[.。．]\s*(?P<title>[^.。．]+?)\s*[.。．]\s*"
    rf"(?P<publication>[^.。．:：]{{1,30}}[:：][^.。．]+?{_YEAR_CORE})")
_TITLE_VOLUME = re.compile(r"\s*[:：]?\s*第\s*(?P<volume>[一二三四五六七八九十\d]+)\s*[卷册冊]$")
_COMMA_RE = re.compile(f"[{_COMMA}]")
_COLON_RE = re.compile(f"[{_COLON}]")
_SEPARATOR = re.compile(f"[{_COMMA}{_STOP}{_COLON}]")
_FIRST_STOP = re.compile(r"[.．。](?=\s|[^\x00-\x7f])")
_NEXT_STOP = re.compile(r"[.．。](?=\s|$)|。")
_VOLUME_BEFORE_PAGES = re.compile(r"(?<=[,，]\s)(?P<volume>\d+)\s*(?=[:：])")  # ", 55: 3219"
_PAGE_DASH = re.compile(r"\s*[-–—~～]\s*")
_GBT_PAGES = re.compile(r"[:：]\s*(?P<pages>\d+(?:\s*[-–—~]\s*\d+)?)\s*[.。]?\s*$")

_NUMERALS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}


# Surnames read otherwise than the same character in running text (解 is "jie" in
# words, "Xie" as a surname); pypinyin reads words, so family names are looked up here.
_SURNAME_PINYIN = {
    "解": "xie", "单": "shan", "單": "shan", "仇": "qiu", "朴": "piao", "查": "zha",
    "曾": "zeng", "盖": "ge", "蓋": "ge", "区": "ou", "區": "ou", "乐": "yue", "樂": "yue",
    "覃": "qin", "翟": "zhai", "缪": "miao", "繆": "miao", "尉迟": "yuchi", "尉遲": "yuchi",
    "万俟": "moqi", "萬俟": "moqi", "长孙": "zhangsun", "長孫": "zhangsun", "种": "chong",
    "種": "chong", "秘": "bi", "召": "shao", "冼": "xian", "洗": "xian", "柏": "bai",
    "薄": "bo", "华": "hua", "華": "hua", "任": "ren", "沈": "shen", "燕": "yan", "纪": "ji",
    "紀": "ji", "宿": "su", "那": "na", "隗": "wei", "谌": "chen", "諶": "chen", "阚": "kan",
    "闞": "kan", "逄": "pang", "费": "fei", "費": "fei", "车": "che", "車": "che", "曲": "qu",
    "藏": "zang", "应": "ying", "應": "ying", "卜": "bu", "员": "yun", "員": "yun",
    "句": "gou", "莘": "shen", "晟": "cheng", "重": "chong", "长": "chang", "長": "chang",
}


def has_han(text: str) -> bool:
    """Whether ``text`` has a Chinese character (Han ideograph)."""
    return _CJK_CHARACTER.search(text) is not None


def written_name(name: Name) -> str:
    """A name as a report shows it: one written in Chinese characters whole, family name
    first and without a comma ("黄友岚"), as Chinese writes it; any other inverted
    ("Tanner, Harold M.")."""
    if name.family and name.given and has_han(name.family):
        return name.family + name.given
    return name.inverted()


def has_kana(text: str) -> bool:
    """Whether ``text`` has Japanese kana (so its Han characters are not read as Chinese)."""
    return _KANA.search(text) is not None


def to_pinyin(text: str, surname: bool = False) -> str:
    """``text`` with its Chinese characters in toneless pinyin, run together ("中国" ->
    "zhongguo"); ``surname`` reads a family name as a surname ("解" -> "xie"). Other
    characters are kept. pypinyin is imported on first use (0.15 s, Chinese only)."""
    if not has_han(text):
        return text
    if surname and text in _SURNAME_PINYIN:
        return _SURNAME_PINYIN[text]
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(text))


def leading_han(text: str, count: int) -> str:
    """The first ``count`` Chinese characters ``text`` starts with ("" when it starts
    with none): a Chinese title's first "word" for a citation key."""
    match = _LEADING_HAN.match(text)
    return match.group()[:count] if match else ""


def is_cjk_reference(text: str) -> bool:
    """Whether ``text`` is written in Chinese script by one of the two conventions:
    a 《book title》 or a GB/T 7714 type code after Chinese characters."""
    if len(_CJK_CHARACTER.findall(text)) < 2:
        return False
    return bool(_BOOK_TITLE.search(text) or _ARTICLE_TITLE.search(text)
                or _type_code(text) or _STOP_SEPARATED.match(text))


def read_cjk(text: str) -> tuple[FieldDraft, list[FieldSpan]] | None:
    """The fields of a Chinese-script reference and where each was read, or ``None``
    when ``text`` follows neither convention."""
    if not is_cjk_reference(text):
        return None
    reader = _Reader(text)
    code = _type_code(text)
    if code is not None:
        reader.read_gbt(code)
    elif not reader.read_title_marks() and not reader.read_stop_separated():
        return None
    return (reader.draft, reader.spans) if reader.draft.title else None


def chinese_numeral(text: str) -> str:
    """"四" -> "4", "十二" -> "12", "二十" -> "20", "3" -> "3" (numbers up to 99)."""
    if text.isdigit():
        return str(int(text))
    if any(c not in _NUMERALS and c != "十" for c in text):
        return text
    if "十" in text:
        tens, _, ones = text.partition("十")
        return str((_NUMERALS[tens] if tens else 1) * 10 + (_NUMERALS[ones] if ones else 0))
    return "".join(str(_NUMERALS[c]) for c in text)


def split_cjk_names(text: str, chinese: bool = True) -> tuple[Name, ...]:
    """Names written in Chinese characters, family name first and unspaced: "舒仁輝" ->
    family "舒", given "仁輝"; "欧阳修" -> "欧阳", "修". Names are separated by 、，, or
    spaces; "等" (et al.) ends the list. A name of other script, or one whose surname
    cannot be told (a Japanese name, ``chinese=False``), is kept whole as ``literal``; a
    list with no Chinese character ("Huang Youlan", "Wang, Shuzeng") is split as any
    other (``names.split_names``)."""
    if not has_han(text):
        return split_names(text)[0]
    names = []
    for part in _NAME_SEPARATORS.split(_ET_AL.sub("", text).strip()):
        part = part.strip(" .。")
        if not part:
            continue
        names.append(_split_cjk_name(part) if chinese else Name(literal=part))
    return tuple(names)


def _split_cjk_name(name: str) -> Name:
    if not all(_CJK_CHARACTER.match(c) for c in name) or not 2 <= len(name) <= 4:
        return Name(literal=name)
    if name[:2] in _COMPOUND_SURNAMES and len(name) >= 3:
        return Name(family=name[:2], given=name[2:])
    if len(name) == 4:
        return Name(literal=name)  # two surnames or a compound one not listed: not guessed
    return Name(family=name[0], given=name[1:])


def _type_code(text: str) -> re.Match[str] | None:
    match = _TYPE_CODE.search(text)
    if match is None or not _CJK_CHARACTER.search(text, 0, match.start()):
        return None
    return match


class _Reader:
    """Reads one entry's fields left to right, recording each field's span."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.draft = FieldDraft()
        self.spans: list[FieldSpan] = []
        self.chinese = not has_kana(text)

    def set(self, name: str, value: str, start: int, end: int) -> None:
        if value and getattr(self.draft, name) is None:
            setattr(self.draft, name, value)
            self.spans.append(FieldSpan(name, start, end))

    def names(self, start: int, end: int, field: str = "author") -> None:
        """The author (or ``field``) list in ``text[start:end]``; a role word after it
        (主编, 编) makes it the editors, one such as 译 (translator) drops it."""
        start, end = _strip(self.text, start, end, " ,，、:：.。;；")
        if start >= end:
            return
        lead = _IN_WORD.match(self.text, start, end)
        if lead:
            start = lead.end()
        part = self.text[start:end]
        role = _ROLE.search(part)
        if role:
            if role.group("role") in _NOT_NAMES:
                return
            if role.group("role") in _EDITOR_ROLES:
                field = "editor"
            start, end = _strip(self.text, start, start + role.start(), " ,，、:：")
        names = split_cjk_names(self.text[start:end], self.chinese)
        if not names:
            return
        if field == "editor" and not self.draft.editors:
            self.draft.editors = names
        elif field == "author" and not self.draft.authors:
            self.draft.authors = names
        else:
            return
        self.spans.append(FieldSpan(field, start, end))

    def title(self, name: str, start: int, end: int) -> None:
        start, end = _strip(self.text, start, end, " 《》〈〉「」『』“”\"")
        self.set(name, self.text[start:end].strip(), start, end)

    def publication(self, start: int, end: int) -> None:
        """"北京：人民文學出版社，2009年，第45页" or "北京: 中华书局, 2000: 29": place,
        publisher, year, edition, volume and pages in what follows the title."""
        isbn = _ISBN_MARK.search(self.text, start, end)
        if isbn:  # the ISBN list and its "（第一卷）" labels are read by ``isbn_list``
            end = isbn.start()
        part = self.text[start:end]
        year = _YEAR.search(part)
        if year:
            self.set("year", normalize_year(year.group("year")), start + year.start("year"),
                     start + year.end("year"))
        pages = _PAGES.search(part)
        if pages:
            group = "pages" if pages.group("pages") else "latin"
            self.set("pages", _pages_value(pages.group(group)),
                     start + pages.start(group), start + pages.end(group))
        volumes = _VOLUMES.search(part)
        if volumes:  # "（全四册）": a set of four volumes
            self.set("volumes", chinese_numeral(volumes.group("count")),
                     start + volumes.start("count"), start + volumes.end("count"))
        volume = _VOLUME.search(part)
        if volume:
            self.set("volume", chinese_numeral(volume.group("volume")),
                     start + volume.start("volume"), start + volume.end("volume"))
        edition = _EDITION.search(part)
        if edition:
            self.set("edition", chinese_numeral(edition.group("edition")),
                     start + edition.start("edition"), start + edition.end("edition"))
        colon = _COLON_RE.search(part)
        if colon is None:
            return
        place_start, place_end = _last_clause(self.text, start, start + colon.start())
        if place_start < place_end and not _YEAR.search(self.text, place_start, place_end):
            self.set("address", self.text[place_start:place_end], place_start, place_end)
        after = start + colon.end()
        stop = _SEPARATOR.search(self.text, after, end)
        pub_start, pub_end = _strip(self.text, after, stop.start() if stop else end, " ")
        if pub_start < pub_end and not _YEAR.match(self.text, pub_start, pub_end):
            self.set("publisher", self.text[pub_start:pub_end], pub_start, pub_end)

    def read_title_marks(self) -> bool:
        """The 《…》 convention; False when there is no closed 《…》 or 〈…〉."""
        text = self.text
        article = _ARTICLE_TITLE.search(text)
        book = _BOOK_TITLE.search(text, article.end() if article else 0)
        first = article or book
        if first is None:
            return False
        self.names(0, first.start())
        if article is None:
            self.title("title", first.start(), first.end())
            self._after_container(first.end())
            return True
        self.title("title", article.start(), article.end())
        if book is None:
            self.publication(article.end(), len(text))
            return True
        # "〈essay〉，载王晓明主编《collection》": an editor or 载 ("in") makes it a chapter
        between = text[article.end():book.start()]
        is_chapter = bool(_IN_WORD.search(between)) or \
            bool(_ROLE.search(between.strip(" ,，、:：")))
        if is_chapter:
            self.names(article.end(), book.start())
        self.title("booktitle" if is_chapter else "journal", book.start(), book.end())
        self._after_container(book.end())
        return True

    def read_stop_separated(self) -> bool:
        """"authors. title. place: publisher, year." with no type code or title marks."""
        match = _STOP_SEPARATED.match(self.text)
        if match is None or not _CJK_CHARACTER.search(match.group("title")):
            return False
        self.names(match.start("names"), match.end("names"))
        self.title("title", match.start("title"), match.end("title"))
        self.publication(match.start("publication"), len(self.text))
        return True

    def _after_container(self, at: int) -> None:
        """An article's "2005年第3期，第12–20页" or a book's place, publisher and year."""
        issue = _ISSUE.search(self.text, at)
        self.publication(at, len(self.text))
        if self.draft.journal and self.draft.publisher and not issue:
            # 〈essay〉，《collected works》，北京：中华书局: a book with a publisher, not a journal
            self.draft.booktitle, self.draft.journal = self.draft.journal, None
            self.spans = [FieldSpan("booktitle", s.start, s.end) if s.field == "journal" else s
                          for s in self.spans]

    def read_gbt(self, code: re.Match[str]) -> None:
        """GB/T 7714: "authors. title[M]. place: publisher, year: pages." and its chapter
        ("[M]//editors. book. …") and article ("[J]. journal, year, vol(issue): pages.")
        forms."""
        text = self.text
        authors_end = _authors_end(text, code.start())
        title_start = 0
        if authors_end is not None:
            self.names(0, authors_end)
            title_start = authors_end + 1
        title_end = code.start()
        volume = _TITLE_VOLUME.search(text, title_start, title_end)
        if volume:  # "国史旧闻: 第1卷[M]": the volume is part of the title's statement
            self.set("volume", chinese_numeral(volume.group("volume")), volume.start("volume"),
                     volume.end("volume"))
            title_end = volume.start()
        self.title("title", title_start, title_end)
        rest = code.end()
        if text.startswith("//", rest):
            # the chapter's book: "//许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. 北京: …"
            editors_end = _next_stop(text, rest + 2)
            book_end = _next_stop(text, editors_end + 1)
            self.names(rest + 2, editors_end, field="editor")
            self.title("booktitle", editors_end + 1, book_end)
            self._gbt_publication(book_end + 1)
        elif code.group("code") == "J":
            self._gbt_article(rest)
        else:
            self._gbt_publication(rest)

    def _gbt_article(self, at: int) -> None:
        """"科学通报, 2012, 55(34): 3219.": the journal, year, volume and pages."""
        text = self.text
        while at < len(text) and text[at] in " ." + _STOP:
            at += 1
        journal_end = _COMMA_RE.search(text, at)
        if journal_end is None:
            return
        self.title("journal", at, journal_end.start())
        after = journal_end.end()
        volume = _ISSUE_VOLUME.search(text, after) or _VOLUME_BEFORE_PAGES.search(text, after)
        if volume:
            self.set("volume", volume.group("volume"), volume.start("volume"),
                     volume.end("volume"))
        year = _YEAR.search(text, after)
        if year:
            self.set("year", normalize_year(year.group("year")), year.start("year"),
                     year.end("year"))
        self._gbt_pages(after)

    def _gbt_publication(self, at: int) -> None:
        """"北京: 中华书局, 2000: 29.": a book's place, publisher, year and pages."""
        self._gbt_pages(at)
        self.publication(at, len(self.text))

    def _gbt_pages(self, at: int) -> None:
        """GB/T 7714 cites pages after the year and a colon, at the end: ", 2000: 29."."""
        pages = _GBT_PAGES.search(self.text, at)
        if pages:
            self.set("pages", _pages_value(pages.group("pages")),
                     pages.start("pages"), pages.end("pages"))


def _pages_value(pages: str) -> str:
    """"32 - 36", "32~36", "1234—1240" -> "32–36" (an en dash, as ``normalize_pages``)."""
    return _PAGE_DASH.sub("–", pages)


def _strip(text: str, start: int, end: int, characters: str) -> tuple[int, int]:
    while start < end and text[start] in characters:
        start += 1
    while end > start and text[end - 1] in characters:
        end -= 1
    return start, end


def _last_clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The last comma- or stop-separated part of ``text[start:end]`` (the place before a
    publisher's colon)."""
    separators = _COMMA + _STOP + "）)"
    at = end
    while at > start and text[at - 1] not in separators:
        at -= 1
    return _strip(text, at, end, " ")


def _authors_end(text: str, end: int) -> int | None:
    """Where the authors end in GB/T 7714: the first full stop (". ", "。") before the
    title, when what precedes it is short enough to be a list of names; None when the
    entry starts with its title."""
    match = _FIRST_STOP.search(text, 0, end)
    if match is None or match.start() > 80 or match.start() == 0:
        return None
    return match.start()


def _next_stop(text: str, start: int) -> int:
    """The next ". " or 。 at or after ``start`` (or the end)."""
    match = _NEXT_STOP.search(text, start)
    return match.start() if match else len(text)
