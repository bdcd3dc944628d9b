"""Reference parsing: fields, names and ISBN lists across the styles the seeds use."""

from __future__ import annotations

from typing import Any

import pytest

from sourcecheck import parse_reference
from sourcecheck.fieldmap import reference_fields
from sourcecheck.models import Name, Qualifier, ReferenceKind
from sourcecheck.parsing.fields import normalize_edition
from sourcecheck.parsing.isbn_list import extract_isbns, volume_label_problem
from sourcecheck.parsing.names import is_chinese_family_first, parse_name, split_names

# (text, expected fields); only the fields named are compared.
CASES: list[Any] = [
    pytest.param(
        "Huang, Youlan, History of the Chinese People's Liberation War, 1st Edition, Archives "
        "Publishing House in Beijing, 1992, ISBN 7-80019-338-1",
        {"author": ["Huang, Youlan"], "title": "History of the Chinese People's Liberation War",
         "edition": "1", "publisher": "Archives Publishing House", "address": "Beijing",
         "year": "1992", "isbn": ["9787800193385"]},
        id="world-library"),
    pytest.param(
        "Literary and Historical Research Committee of the Anhui Committee of the Chinese "
        "People's Political Consultative Conference, Liberation War, 1st Edition, Anhui People's "
        "Publishing House in Hefei, 1987, ISBN 7-212-00007-8",
        {"author": ["Literary and Historical Research Committee of the Anhui Committee of the "
                    "Chinese People's Political Consultative Conference"],
         "title": "Liberation War", "address": "Hefei"},
        id="world-library-corporate"),
    pytest.param(
        "Liu Wusheng, From Yan'an to Beijing: A Collection of Military Records, 1st Edition, "
        "Central Literary Publishing House in Beijing, 1993, ISBN 7-5073-0074-9",
        {"author": ["Liu, Wusheng"], "title": "From Yan'an to Beijing: A Collection of Military "
                                               "Records", "year": "1993"},
        id="world-library-family-first"),
    pytest.param(
        "Tang, Yilu and Bi, Jianzhong, History of Chinese People's Liberation Army in Chinese "
        "Liberation War, 1st Edition, Military Scientific Publishing House in Beijing, 1993 – 1997, "
        "ISBN 7-80021-719-1 (Volum 1), 7800219615 (Volum 2), 7800219631 (Volum 3), 7801370937 "
        "(Volum 4), and 7801370953 (Volume 5)",
        {"author": ["Tang, Yilu", "Bi, Jianzhong"], "year": "1993–1997", "volumes": "5",
         "publisher": "Military Scientific Publishing House"},
        id="world-library-multi-volume"),
    pytest.param(
        "Wang, Xingsheng, and Zhang, Jingshan, Chinese Liberation War, 1st Edition, People's "
        "Liberation Army Literature and Art Publishing House in Beijing, 2001, ISBN 7-5033-1351-X "
        "(set)",
        {"author": ["Wang, Xingsheng", "Zhang, Jingshan"], "title": "Chinese Liberation War",
         "publisher": "People's Liberation Army Literature and Art Publishing House"},
        id="world-library-comma-and"),
    pytest.param(
        "Westad, Odd Arne (2003). Decisive encounters : the Chinese Civil War, 1946–1950. "
        "Stanford: Stanford University Press. ISBN 0-8047-4478-5.",
        {"author": ["Westad, Odd Arne"], "year": "2003",
         "title": "Decisive encounters: the Chinese Civil War, 1946–1950",
         "address": "Stanford", "publisher": "Stanford University Press"},
        id="cs1"),
    pytest.param(
        "Tang, Yilu; Bi, Jianzhong (1993). History of the Liberation War. Beijing: Military "
        "Science Press.",
        {"author": ["Tang, Yilu", "Bi, Jianzhong"], "year": "1993"},
        id="cs1-semicolon-authors"),
    pytest.param(
        "Tanner, Harold M. Where Chiang Kai-shek Lost China: The Liao-Shen Campaign, 1948. "
        "Bloomington: Indiana University Press, 2015.",
        {"author": ["Tanner, Harold M."], "year": "2015", "address": "Bloomington",
         "title": "Where Chiang Kai-shek Lost China: The Liao-Shen Campaign, 1948"},
        id="chicago-bibliography-initial"),
    pytest.param(
        "Taylor, Jay. The Generalissimo: Chiang Kai-shek and the Struggle for Modern China. "
        "Cambridge, MA: Belknap Press of Harvard University Press, 2009.",
        {"address": "Cambridge, MA", "publisher": "Belknap Press of Harvard University Press",
         "year": "2009"},
        id="chicago-place-with-state"),
    pytest.param(
        "Westad, Odd Arne. 2003. Decisive Encounters: The Chinese Civil War, 1946–1950. "
        "Stanford: Stanford University Press.",
        {"year": "2003", "title": "Decisive Encounters: The Chinese Civil War, 1946–1950"},
        id="chicago-author-date"),
    pytest.param(
        "Lary, D. (2015). China's civil war: A social history, 1945–1949 (2nd ed.). Cambridge "
        "University Press.",
        {"author": ["Lary, D."], "edition": "2", "publisher": "Cambridge University Press",
         "address": None, "title": "China's civil war: A social history, 1945–1949"},
        id="apa"),
    pytest.param(
        "Fenby, Jonathan. Modern China: The Fall and Rise of a Great Power. London: Penguin, 2009.",
        {"publisher": "Penguin", "address": "London", "year": "2009"},
        id="chicago-short-publisher"),
    pytest.param(
        "Chen, Jian. Mao's China and the Cold War. Chapel Hill: University of North Carolina "
        "Press, 2001. 5 vols.",
        {"volumes": "5", "address": "Chapel Hill"},
        id="volumes-after"),
    pytest.param(
        "Smith, John, and Mary Jones, eds. The Big Book. 3rd ed. New York: Norton, 1999.",
        {"author": [], "editor": ["Smith, John", "Jones, Mary"], "edition": "3",
         "address": "New York"},
        id="editors"),
    pytest.param(
        'Westad, Odd Arne. "The Sources of Chinese Conduct." Journal of Cold War Studies 5, '
        "no. 2 (2003): 3–25.",
        {"title": "The Sources of Chinese Conduct", "journal": "Journal of Cold War Studies",
         "volume": "5", "pages": "3–25", "year": "2003"},
        id="chicago-article"),
    pytest.param(
        "Lary, D. (2010). Defeat in the field. In H. van de Ven (Ed.), Warfare in Chinese "
        "history (pp. 45–67). Brill.",
        {"booktitle": "Warfare in Chinese history", "editor": ["van de Ven, H."],
         "pages": "45–67"},
        id="apa-chapter"),
    pytest.param(
        "Records of the Liberation War. Beijing: PLA Press, 1990.",
        {"author": [], "title": "Records of the Liberation War", "publisher": "PLA Press"},
        id="no-author"),
    pytest.param(
        "Harold M. Tanner, Where Chiang Kai-shek Lost China: The Liao-Shen Campaign, 1948 "
        "(Bloomington: Indiana University Press, 2015)",
        {"author": ["Tanner, Harold M."], "year": "2015", "publisher": "Indiana University Press"},
        id="chicago-note-full"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_fields(text: str, expected: dict[str, Any]) -> None:
    reference = parse_reference(text)
    fields = reference_fields(reference)
    assert reference.raw == text
    for key, value in expected.items():
        assert fields[key] == value, key


@pytest.mark.parametrize(("text", "kind"), [
    pytest.param("Lary, Diana (2015). China's Civil War. Cambridge: Cambridge University Press.",
                 ReferenceKind.BOOK, id="book"),
    pytest.param('Westad, Odd Arne. "Title." Journal of Cold War Studies 5, no. 2 (2003): 3–25.',
                 ReferenceKind.ARTICLE, id="article"),
    pytest.param("Lary, D. (2010). Defeat. In H. van de Ven (Ed.), Warfare (pp. 45–67). Brill.",
                 ReferenceKind.CHAPTER, id="chapter"),
    pytest.param("1987, 245 pp.", ReferenceKind.OTHER, id="unparsed"),
])
def test_kind(text: str, kind: ReferenceKind) -> None:
    assert parse_reference(text).kind is kind


@pytest.mark.parametrize("text", [
    pytest.param("", id="empty"),
    pytest.param("((((((((", id="parens"),
    pytest.param("ISBN", id="label-only"),
    pytest.param("…, , ; : . ISBN 7-", id="punctuation"),
    pytest.param("x" * 5000, id="long-word"),
    pytest.param("Ibid.", id="ibid"),
])
def test_odd_input_never_raises_and_keeps_raw(text: str) -> None:
    assert parse_reference(text).raw == text


# --- names ------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "name"), [
    pytest.param("Westad, Odd Arne", Name("Westad", "Odd Arne"), id="inverted"),
    pytest.param("Harold M. Tanner", Name("Tanner", "Harold M."), id="natural"),
    pytest.param("Liu Wusheng", Name("Liu", "Wusheng"), id="chinese-family-first"),
    pytest.param("Mao Zedong", Name("Mao", "Zedong"), id="chinese-two-syllables"),
    pytest.param("Ludwig van Beethoven", Name("van Beethoven", "Ludwig"), id="particle"),
    pytest.param("Martin Luther King Jr.", Name("King", "Martin Luther", suffix="Jr."),
                 id="suffix"),
    pytest.param("King, Martin Luther, Jr.", Name("King", "Martin Luther", suffix="Jr."),
                 id="suffix-chicago"),
    pytest.param("Guerney, Jr., B. G.", Name("Guerney", "B. G.", suffix="Jr."),
                 id="suffix-bibtex-order"),
    pytest.param("Chinese Academy of Military Science", Name(literal="Chinese Academy of "
                                                             "Military Science"), id="corporate"),
])
def test_parse_name(text: str, name: Name) -> None:
    assert parse_name(text) == name


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Liu Wusheng", True, id="liu-wusheng"),
    pytest.param("Zhang Ping", True, id="zhang-ping"),
    pytest.param("Harold Tanner", False, id="western"),
    pytest.param("Li Bristol", False, id="surname-then-english-word"),
])
def test_chinese_family_first(text: str, expected: bool) -> None:
    assert is_chinese_family_first(text) is expected


def test_split_names_apa_pairs_and_et_al() -> None:
    names, others = split_names("Tang, Y., Bi, J., & Wang, X.")
    assert [n.inverted() for n in names] == ["Tang, Y.", "Bi, J.", "Wang, X."]
    assert not others
    names, others = split_names("Smith, J. et al.")
    assert [n.inverted() for n in names] == ["Smith, J."]
    assert others


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("R. Lipsett, C. Schaefer, C. Ussery",
                 ["Lipsett, R.", "Schaefer, C.", "Ussery, C."], id="ieee-natural-commas"),
    pytest.param("R. Lipsett, C. Schaefer, and C. Ussery",
                 ["Lipsett, R.", "Schaefer, C.", "Ussery, C."], id="ieee-and"),
    pytest.param("T. Imielinski, S. Viswanathan", ["Imielinski, T.", "Viswanathan, S."],
                 id="two-with-initials"),
    pytest.param("Huang Youlan, Liu Wusheng, Zhang Ping",
                 ["Huang, Youlan", "Liu, Wusheng", "Zhang, Ping"], id="pinyin-family-first"),
    pytest.param("Trathan, P. N., A. S. Brierley, M. A. Brandon and D. G. Bone",
                 ["Trathan, P. N.", "Brierley, A. S.", "Brandon, M. A.", "Bone, D. G."],
                 id="first-inverted-rest-natural"),
    pytest.param("Pérez-Higueras JJ, Arias A, de la Macorra JC, Peters OA",
                 ["Pérez-Higueras, JJ", "Arias, A", "de la Macorra, JC", "Peters, OA"],
                 id="vancouver"),
    pytest.param("Smith JA", ["Smith, JA"], id="vancouver-one"),
    pytest.param("Bao Q, Jauch K-W, Roberts J.", ["Bao, Q", "Jauch, K-W", "Roberts, J"],
                 id="vancouver-hyphen-and-period"),
    pytest.param("Anna Weber, Paul Roth", ["Weber, Anna", "Roth, Paul"],
                 id="two-with-given-names"),
    pytest.param("Frank Kappe, Hermann Maurer, and Nick Sherbakov.",
                 ["Kappe, Frank", "Maurer, Hermann", "Sherbakov, Nick"],
                 id="two-with-given-names-then-and"),
    pytest.param("Child, Julia, Louisette Bertholle", ["Child, Julia", "Bertholle, Louisette"],
                 id="mla-first-inverted-full-given"),
    pytest.param("Ferguson, JN. Aldag, JM. Insel, TR. Young, LJ.",
                 ["Ferguson, JN", "Aldag, JM", "Insel, TR", "Young, LJ"],
                 id="inverted-initials-ended-by-periods"),
    pytest.param("Nishida, T., &", ["Nishida, T."], id="cut-after-ampersand"),
    pytest.param("Press, WH; Teukolsky, SA; Vetterling, WT",
                 ["Press, WH", "Teukolsky, SA", "Vetterling, WT"],
                 id="semicolons-family-like-a-publisher-word"),
    # one inverted name each: the comma is the inversion's, not a list's
    pytest.param("Tanner, Harold M.", ["Tanner, Harold M."], id="inverted"),
    pytest.param("Garcia Marquez, Gabriel Jose", ["Garcia Marquez, Gabriel Jose"],
                 id="inverted-two-word-family"),
    pytest.param("García Márquez, Gabriel José", ["García Márquez, Gabriel José"],
                 id="inverted-two-word-family-given-names-after"),
    pytest.param("De Gaulle, Charles André", ["De Gaulle, Charles André"],
                 id="inverted-particle"),
    pytest.param("van de Ven, Hans J.", ["van de Ven, Hans J."], id="inverted-particles"),
])
def test_split_names_natural_order_between_commas(text: str, expected: list[str]) -> None:
    assert [n.inverted() for n in split_names(text)[0]] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # GOST (Russian): the family name, then initials with their periods
    pytest.param("Бахтин М. М.", [("Бахтин", "М. М.")], id="cyrillic-one"),
    pytest.param("Ландау Л. Д., Лифшиц Е. М.", [("Ландау", "Л. Д."), ("Лифшиц", "Е. М.")],
                 id="cyrillic-two"),
    # the same in Latin letters, with or without spaces between the initials
    pytest.param("Landau L. D., Lifshitz E. M.", [("Landau", "L. D."), ("Lifshitz", "E. M.")],
                 id="latin-initials-two"),
    pytest.param("Smith J.A., Jones B.C., Brown D.",
                 [("Smith", "J.A."), ("Jones", "B.C."), ("Brown", "D.")], id="latin-initials-three"),
    pytest.param("Smith J. A. and Jones B.", [("Smith", "J. A."), ("Jones", "B")],
                 id="latin-initials-and"),
    pytest.param("van Dijk T. A.", [("van Dijk", "T. A.")], id="latin-initials-particle"),
    pytest.param("Hwang I.-W.", [("Hwang", "I.-W.")], id="latin-initials-hyphen"),
    # French: the family name in capitals first
    pytest.param("BOURDIEU Pierre", [("BOURDIEU", "Pierre")], id="capital-family"),
    pytest.param("LE ROY LADURIE Emmanuel", [("LE ROY LADURIE", "Emmanuel")],
                 id="capital-family-particle"),
    pytest.param("ACKET Claude, BACHER Pierre", [("ACKET", "Claude"), ("BACHER", "Pierre")],
                 id="capital-family-two"),
    # initials before the family name are no family in capitals
    pytest.param("Stefanescu, C, VW Berger and SL Hershberger",
                 [("Stefanescu", "C"), ("Berger", "VW"), ("Hershberger", "SL")],
                 id="initials-first"),
    # a group after the people of a ";" list; a patent's roles
    pytest.param("Moher D, Liberati A, Altman DG; PRISMA Group.",
                 [("Moher", "D"), ("Liberati", "A"), ("Altman", "DG"), "PRISMA Group"],
                 id="group-after-people"),
    pytest.param("Noyce RN, inventor; Fairchild Semiconductor Corporation, assignee.",
                 [("Noyce", "RN"), "Fairchild Semiconductor Corporation"], id="patent"),
    pytest.param("IBM Corp.", ["IBM Corp"], id="corporate-abbreviation"),
    pytest.param("Amnesty International.", ["Amnesty International"], id="corporate-international"),
])
def test_split_names_family_first_and_corporate(text: str,
                                                expected: list[tuple[str, str] | str]) -> None:
    assert [n.literal or (n.family, n.given) for n in split_names(text)[0]] == expected


def test_u_a_without_its_last_period_is_et_al() -> None:
    names, others = split_names("Apel, Karl-Otto u. a")
    assert [(n.family, n.given) for n in names] == [("Apel", "Karl-Otto")]
    assert others


@pytest.mark.parametrize(("written", "edition"), [
    ("3rd ed.", "3"), ("Second edition", "2"), ("Revised ed.", "Revised"),
    ("3. Aufl.", "3"), ("2. verb. u. erw. Aufl.", "2"), ("3e éd.", "3"), ("1re édition", "1"),
    ("3ª edición", "3"), ("2.ª edição", "2"), ("2a edizione", "2"), ("3e druk", "3"),
    ("3-е изд.", "3"), ("Nachdruck", "Nachdruck"),
])
def test_an_edition_is_its_number_in_every_language(written: str, edition: str) -> None:
    assert normalize_edition(written) == edition


def test_a_german_edition_reaches_the_fields_as_its_number() -> None:
    reference = parse_reference("Weber, M. (2002). Die protestantische Ethik und der Geist "
                                "des Kapitalismus (3. Aufl.). München: Beck.")
    assert reference.fields["edition"] == "3"


# --- ISBN lists -------------------------------------------------------------------


def test_volume_list_gives_one_identifier_per_volume() -> None:
    text = ("…, 1993 – 1997, ISBN 7-80021-719-1 (Volum 1), 7800219615 (Volum 2), 7800219631 "
            "(Volum 3), 7801370937 (Volum 4), and 7801370953 (Volume 5)")
    identifiers, spans = extract_isbns(text)
    assert [(i.raw, i.volume, i.qualifier) for i in identifiers] == [
        ("7-80021-719-1", "1", Qualifier.VOL), ("7800219615", "2", Qualifier.VOL),
        ("7800219631", "3", Qualifier.VOL), ("7801370937", "4", Qualifier.VOL),
        ("7801370953", "5", Qualifier.VOL)]
    assert all(i.isbn13 for i in identifiers)
    assert text[identifiers[1].offset:].startswith("7800219615")
    assert len(spans) == 1 and text[spans[0].end - 1] == ")"


@pytest.mark.parametrize(("text", "qualifier"), [
    pytest.param("ISBN 7-202-00733-9 (set)", Qualifier.SET, id="set"),
    pytest.param("ISBN 7-5006-0081-X (pbk.)", Qualifier.PBK, id="pbk"),
    pytest.param("ISBN 978-0-8047-4478-2 (hbk.)", Qualifier.HBK, id="hbk"),
    pytest.param("ISBN 978-0-8047-4478-2 (ebook)", Qualifier.EBOOK, id="ebook"),
    pytest.param("ISBN 0-8047-4478-5", None, id="none"),
])
def test_qualifiers(text: str, qualifier: Qualifier | None) -> None:
    [identifier] = extract_isbns(text)[0]
    assert identifier.qualifier is qualifier


@pytest.mark.parametrize(("text", "raws"), [
    pytest.param("ISBN-13: 978-0-8047-4478-2", ["978-0-8047-4478-2"], id="isbn13-label"),
    pytest.param("ISBN 0-8047-4478-5, ISBN 978-1-107-14463-7", ["0-8047-4478-5",
                                                               "978-1-107-14463-7"], id="two"),
    pytest.param("Stanford, 2003. 0804744785.", ["0804744785"], id="bare-valid"),
    pytest.param("Stanford, 2003, pp. 1234567890.", [], id="bare-invalid-not-taken"),
    pytest.param("ISBN 7-80019-338", ["7-80019-338"], id="labelled-invalid-kept"),
])
def test_isbn_extraction(text: str, raws: list[str]) -> None:
    assert [i.raw for i in extract_isbns(text)[0]] == raws


@pytest.mark.parametrize(("label", "fixed"), [
    pytest.param("Volum 1", "Volume 1", id="volum"),
    pytest.param("Vloume 2", "Volume 2", id="vloume"),
    pytest.param("Volume 5", None, id="volume"),
    pytest.param("vol. 3", None, id="vol"),
    pytest.param("pbk.", None, id="pbk"),
])
def test_volume_label_problem(label: str, fixed: str | None) -> None:
    assert volume_label_problem(label) == fixed


def test_ditto_dashes_carry_the_previous_entrys_names_only() -> None:
    from sourcecheck.parsing.reference import carry_ditto_authors

    dash = parse_reference("———. The Global Cold War. Cambridge: Cambridge University Press, 2005.")
    westad = parse_reference("Westad, Odd Arne. Decisive Encounters. Stanford: Stanford "
                             "University Press, 2003.")
    assert dash.authors == (Name(literal="———"),)
    assert carry_ditto_authors([dash, westad])[0].authors == dash.authors  # nothing above
    carried = carry_ditto_authors([westad, dash, dash])
    assert carried[1].authors == carried[2].authors == westad.authors  # a chain of dashes
    other = parse_reference("Lary, Diana. China's Civil War. Cambridge: Cambridge University "
                            "Press, 2015.")
    assert carry_ditto_authors([westad, other])[1].authors == other.authors
