"""Rules that move the tagger's span boundaries where a rule is exact (model-independent:
the spans are written by hand, as a tagger could have labelled them)."""

from __future__ import annotations

import pytest

from sourcecheck.parsing.assemble import read_tagged
from sourcecheck.parsing.fields import DITTO_DASHES
from sourcecheck.parsing.tagger import TaggedSpan


def _spans(raw: str, *parts: tuple[str, str]) -> list[TaggedSpan]:
    """Spans from (label, text) pairs that follow each other in ``raw``."""
    spans = []
    offset = 0
    for label, text in parts:
        start = raw.index(text, offset)
        spans.append(TaggedSpan(label, start, start + len(text)))
        offset = start + len(text)
    return spans


def test_a_sentence_like_comma_part_of_an_author_span_is_the_title() -> None:
    raw = "Tang, Yilu and Bi, Jianzhong, History of Chinese People's Liberation War, 1993"
    fields = read_tagged(raw, _spans(
        raw, ("author", "Tang, Yilu and Bi, Jianzhong, History of Chinese People's"),
        ("title", "Liberation War,"), ("date", "1993")))
    assert [(n.family, n.given) for n in fields.authors] == [("Tang", "Yilu"),
                                                             ("Bi", "Jianzhong")]
    assert fields.title == "History of Chinese People's Liberation War"


def test_an_author_span_with_particles_stays_whole() -> None:
    raw = "Ven, Hans van de, Warfare in Chinese history, 2000"
    fields = read_tagged(raw, _spans(raw, ("author", "Ven, Hans van de,"),
                                     ("title", "Warfare in Chinese history,"), ("date", "2000")))
    assert fields.title == "Warfare in Chinese history"


def test_an_author_span_past_a_sentence_end_stops_at_the_period() -> None:
    raw = "Lakoff, George, and Mark Johnson. Metaphors We Live By. With a new afterword. 2003."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Lakoff, George, and Mark Johnson. Metaphors We Live By."),
        ("title", "With a new afterword."), ("date", "2003.")))
    assert {n.family for n in fields.authors} == {"Lakoff", "Johnson"}
    assert fields.title == "Metaphors We Live By. With a new afterword"


def test_a_place_span_past_its_colon_gives_the_rest_to_the_publisher() -> None:
    raw = "Title. Washington, DC: U.S. Department of Justice."
    fields = read_tagged(raw, _spans(raw, ("title", "Title."),
                                     ("address", "Washington, DC: U.S."),
                                     ("publisher", "Department of Justice.")))
    assert fields.address == "Washington, DC"
    assert fields.publisher == "U.S. Department of Justice"


def test_a_publisher_does_not_end_in_of() -> None:
    raw = "Freshwater Fishes. Fisheries Research Board of Canada, Ottawa."
    fields = read_tagged(raw, _spans(raw, ("title", "Freshwater Fishes."),
                                     ("publisher", "Fisheries Research Board of"),
                                     ("address", "Canada, Ottawa.")))
    assert fields.publisher == "Fisheries Research Board of Canada"
    assert fields.address == "Ottawa"


def test_a_name_ending_a_title_before_the_editors_is_an_editor() -> None:
    raw = "Wordsworth, William, The Prelude, Jonathan Wordsworth, M. H. Abrams (eds.)"
    fields = read_tagged(raw, _spans(raw, ("author", "Wordsworth, William,"),
                                     ("title", "The Prelude, Jonathan Wordsworth,"),
                                     ("editor", "M. H. Abrams (eds.)")))
    assert fields.title == "The Prelude"
    editor = next(s for s in fields.spans if s.field == "editor")
    assert raw[editor.start:editor.end].startswith("Jonathan Wordsworth")


def test_a_title_ends_before_translated_by() -> None:
    raw = "Kapr, A. (1995). Johann Gutenberg (translated by Douglas Martin). New York: Scholar."
    fields = read_tagged(raw, _spans(raw, ("author", "Kapr, A."), ("date", "(1995)."),
                                     ("title", "Johann Gutenberg (translated by Douglas Martin)."),
                                     ("address", "New York:"), ("publisher", "Scholar.")))
    assert fields.title == "Johann Gutenberg"


def test_a_container_loses_its_translator_clause() -> None:
    raw = "Deleuze, Gilles. Bartleby. In Essays: Critical and Clinical, translated by Daniel " \
        "W. Smith, 68-90. London: Verso, 1998."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Deleuze, Gilles."), ("title", "Bartleby."),
        ("booktitle", "In Essays: Critical and Clinical, translated by Daniel W. Smith,"),
        ("pages", "68-90."), ("address", "London:"), ("publisher", "Verso,"),
        ("date", "1998.")))
    assert fields.booktitle == "Essays: Critical and Clinical"


def test_a_container_s_last_one_word_sentence_is_the_publisher() -> None:
    raw = "Boddy, M., 1991. Any Time Problem Solving. In Proceedings AAAI-91. AAAI."
    fields = read_tagged(raw, _spans(raw, ("author", "Boddy, M.,"), ("date", "1991."),
                                     ("title", "Any Time Problem Solving."),
                                     ("booktitle", "In Proceedings AAAI-91. AAAI.")))
    assert fields.booktitle == "Proceedings AAAI-91"
    assert fields.publisher == "AAAI"


def test_a_container_keeps_its_last_word_when_there_is_a_publisher() -> None:
    raw = "Boddy, M., 1991. Any Time. In Proceedings AAAI-91. AAAI. Menlo Park: AAAI Press."
    fields = read_tagged(raw, _spans(raw, ("author", "Boddy, M.,"), ("date", "1991."),
                                     ("title", "Any Time."),
                                     ("booktitle", "In Proceedings AAAI-91. AAAI."),
                                     ("address", "Menlo Park:"), ("publisher", "AAAI Press.")))
    assert fields.booktitle == "Proceedings AAAI-91. AAAI"
    assert fields.publisher == "AAAI Press"


def test_a_title_loses_a_final_name_with_its_role() -> None:
    raw = "Bourdieu, Pierre, Homo Academicus, Peter Collier (trans.) (Stanford, 1988)."
    fields = read_tagged(raw, _spans(raw, ("author", "Bourdieu, Pierre,"),
                                     ("title", "Homo Academicus, Peter Collier (trans.)"),
                                     ("address", "(Stanford,"), ("date", "1988).")))
    assert fields.title == "Homo Academicus"


@pytest.mark.parametrize("dash", list(DITTO_DASHES))
def test_a_ditto_author_ends_at_its_dashes(dash: str) -> None:
    # every dash the bibliography's ditto rule (carry_ditto_authors) accepts
    ditto = dash * 3
    raw = f"{ditto} Jewish Law from Jesus to the Mishnah (London: SCM, 1990)."
    fields = read_tagged(raw, _spans(raw, ("author", f"{ditto} Jewish"),
                                     ("title", "Law from Jesus to the Mishnah")))
    assert fields.title == "Jewish Law from Jesus to the Mishnah"
    assert [n.literal for n in fields.authors] == [ditto]


def test_a_corporate_author_is_not_cut_at_its_first_period() -> None:
    raw = "Australia. Department of Health and Aged Care. (1999). Mental health. Canberra: AGPS."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Australia. Department of Health and Aged Care."), ("date", "(1999)."),
        ("title", "Mental health."), ("address", "Canberra:"), ("publisher", "AGPS.")))
    assert fields.title == "Mental health"


def test_a_title_loses_what_the_work_is() -> None:
    raw = "Liu, W.F., 2002, Savings and portfolio decision, working paper, University of " \
        "Washington."
    fields = read_tagged(raw, _spans(raw, ("author", "Liu, W.F.,"), ("date", "2002,"),
                                     ("title", "Savings and portfolio decision, working paper,"),
                                     ("publisher", "University of Washington.")))
    assert fields.title == "Savings and portfolio decision"


def test_a_title_keeps_a_last_part_that_is_its_own() -> None:
    raw = "Hall, S. 1990. Paper, Ink and Print. London: Verso."
    fields = read_tagged(raw, _spans(raw, ("author", "Hall, S."), ("date", "1990."),
                                     ("title", "Paper, Ink and Print."), ("address", "London:"),
                                     ("publisher", "Verso.")))
    assert fields.title == "Paper, Ink and Print"


def test_an_in_editor_span_gives_the_container_its_title() -> None:
    raw = "Kyrtsou, C. (2005). Complex dynamics, in New Trends in Macroeconomics, Diebolt, " \
        "C., and Kyrtsou, C., (eds.), Springer Verlag."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Kyrtsou, C."), ("date", "(2005)."), ("title", "Complex dynamics,"),
        ("editor", "in New Trends in Macroeconomics, Diebolt, C., and Kyrtsou, C., (eds.),"),
        ("publisher", "Springer Verlag.")))
    assert fields.booktitle == "New Trends in Macroeconomics"
    assert {n.family for n in fields.editors} == {"Diebolt", "Kyrtsou"}


def test_an_in_editor_span_with_eds_after_the_title() -> None:
    raw = "Droettboom, M. 2002. Optical music. In Pattern Recognition, eds. Terry Caelli " \
        "and Adnan Amin, 378–86."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Droettboom, M."), ("date", "2002."), ("title", "Optical music."),
        ("editor", "In Pattern Recognition, eds. Terry Caelli and Adnan Amin,"),
        ("pages", "378–86.")))
    assert fields.booktitle == "Pattern Recognition"
    assert {n.family for n in fields.editors} == {"Caelli", "Amin"}


def test_a_title_loses_a_parenthesis_that_names_a_report() -> None:
    raw = "Harlow, C. W. (2003). Education and correctional populations (Bureau of Justice " \
        "statistics special report). Washington, DC: U.S. Department of Justice."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Harlow, C. W."), ("date", "(2003)."),
        ("title", "Education and correctional populations (Bureau of Justice statistics "
                  "special report)."),
        ("address", "Washington, DC:"), ("publisher", "U.S. Department of Justice.")))
    assert fields.title == "Education and correctional populations"


def test_names_at_a_title_s_start_after_an_unfinished_author_are_the_author_s() -> None:
    raw = "Van Mulken, Margot & Van Reenen, Pieter Th van. Studies in Stemmatology. " \
        "John Benjamins Publishing Co. 1996"
    fields = read_tagged(raw, _spans(
        raw, ("author", "Van Mulken, Margot & Van Reenen,"),
        ("title", "Pieter Th van. Studies in Stemmatology."),
        ("publisher", "John Benjamins Publishing Co."), ("date", "1996")))
    assert fields.title == "Studies in Stemmatology"
    assert len(fields.authors) == 2


@pytest.mark.parametrize(("author", "title", "expected"), [
    ("Beetz, Manfred,", "Frühmoderne Höflichkeit. Komplimentierkunst im altdeutschen Sprachraum,",
     "Frühmoderne Höflichkeit. Komplimentierkunst im altdeutschen Sprachraum"),
    ("Auner, Joseph,", "A Schoenberg Reader: Documents of a Life",
     "A Schoenberg Reader: Documents of a Life"),
])
def test_a_title_after_one_whole_inverted_name_is_no_second_name(
        author: str, title: str, expected: str) -> None:
    raw = f"{author} {title} Stuttgart, 1990."
    fields = read_tagged(raw, _spans(raw, ("author", author), ("title", title),
                                     ("address", "Stuttgart,"), ("date", "1990.")))
    assert fields.title == expected
    assert len(fields.authors) == 1


def test_after_initials_alone_more_names_may_follow() -> None:
    raw = "Ferguson, JN. Aldag, JM. Oxytocin in the amygdala. Nat Genet. 2001;25:284-8."
    fields = read_tagged(raw, _spans(raw, ("author", "Ferguson, JN."),
                                     ("title", "Aldag, JM. Oxytocin in the amygdala."),
                                     ("journal", "Nat Genet."), ("volume", "2001;25:"),
                                     ("pages", "284-8.")))
    assert fields.title == "Oxytocin in the amygdala"
    author = next(s for s in fields.spans if s.field == "author")
    assert raw[author.start:author.end] == "Ferguson, JN. Aldag, JM"


def test_a_director_s_role_is_neither_name_nor_title() -> None:
    raw = "Soderbergh, Steven, director. Che. DVD. New York: Criterion Collection, 2008."
    fields = read_tagged(raw, _spans(raw, ("author", "Soderbergh, Steven,"),
                                     ("title", "director. Che."), ("note", "DVD."),
                                     ("address", "New York:"),
                                     ("publisher", "Criterion Collection,"), ("date", "2008.")))
    assert fields.title == "Che"
    assert [(n.family, n.given) for n in fields.authors] == [("Soderbergh", "Steven")]


def test_a_title_that_starts_with_a_name_after_a_finished_author_stays() -> None:
    raw = "Austen, Jane. Emma. A Novel. London: John Murray, 1815."
    fields = read_tagged(raw, _spans(raw, ("author", "Austen, Jane."),
                                     ("title", "Emma. A Novel."), ("address", "London:"),
                                     ("publisher", "John Murray,"), ("date", "1815.")))
    assert fields.title == "Emma. A Novel"


def test_a_publisher_then_its_place_after_a_colon() -> None:
    raw = "Fukuyama, Francis. (1995). Trust. Hamish Hamilton: London."
    fields = read_tagged(raw, _spans(raw, ("author", "Fukuyama, Francis."), ("date", "(1995)."),
                                     ("title", "Trust."), ("address", "Hamish Hamilton:"),
                                     ("publisher", "London.")))
    assert fields.publisher == "Hamish Hamilton"
    assert fields.address == "London"


def test_a_place_then_a_publisher_stay_when_the_place_is_known() -> None:
    raw = "Smith, J. (1995). Trust. London: Paris Books."
    fields = read_tagged(raw, _spans(raw, ("author", "Smith, J."), ("date", "(1995)."),
                                     ("title", "Trust."), ("address", "London:"),
                                     ("publisher", "Paris Books.")))
    assert fields.publisher == "Paris Books"
    assert fields.address == "London"


def test_a_publisher_span_gives_its_city_to_the_region_after_it() -> None:
    raw = "Lee, K. 1989. Soils. Prentice Hall, Englewood Cliffs, NJ."
    fields = read_tagged(raw, _spans(raw, ("author", "Lee, K."), ("date", "1989."),
                                     ("title", "Soils."),
                                     ("publisher", "Prentice Hall, Englewood Cliffs,"),
                                     ("address", "NJ.")))
    assert fields.publisher == "Prentice Hall"
    assert fields.address == "Englewood Cliffs, NJ"


def test_a_publisher_with_a_publisher_word_keeps_its_last_part() -> None:
    raw = "Lee, K. 1989. Soils. Allyn, Bacon Press, NJ."
    fields = read_tagged(raw, _spans(raw, ("author", "Lee, K."), ("date", "1989."),
                                     ("title", "Soils."),
                                     ("publisher", "Allyn, Bacon Press,"), ("address", "NJ.")))
    assert fields.publisher == "Allyn, Bacon Press"


def test_names_with_initials_before_a_colon_are_the_author_s() -> None:
    raw = "51. Blackwell AC, Boothman RC: Documenting Informed Consent. J Oncol Pract 3, 2007"
    fields = read_tagged(raw, _spans(raw, ("number", "51."), ("author", "Blackwell AC,"),
                                     ("title", "Boothman RC: Documenting Informed Consent."),
                                     ("journal", "J Oncol Pract"), ("volume", "3,"),
                                     ("date", "2007")))
    assert fields.title == "Documenting Informed Consent"
    author = next(s for s in fields.spans if s.field == "author")
    assert raw[author.start:author.end].rstrip(":").endswith("Boothman RC")


def test_a_title_with_a_colon_after_a_comma_author_stays() -> None:
    raw = "Smith, John, China: A History, Beijing, 2001"
    fields = read_tagged(raw, _spans(raw, ("author", "Smith, John,"),
                                     ("title", "China: A History,"), ("address", "Beijing,"),
                                     ("date", "2001")))
    assert fields.title == "China: A History"


def test_a_quoted_title_then_its_container_in_one_span() -> None:
    raw = "Childs, Peter. “Ian McEwan: The Child in Us All.” Contemporary Novelists. " \
        "Basingstoke: Palgrave Macmillan, 2005: 160-179."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Childs, Peter."),
        ("title", "“Ian McEwan: The Child in Us All.” Contemporary Novelists."),
        ("address", "Basingstoke:"), ("publisher", "Palgrave Macmillan,"), ("date", "2005:"),
        ("pages", "160-179.")))
    assert fields.title == "Ian McEwan: The Child in Us All"
    assert fields.booktitle == "Contemporary Novelists"


def test_a_second_title_after_the_editors_is_the_container() -> None:
    raw = "Snoad, B., 1969. Neoplasm of the pea pods. In: C. D. Darlington, eds. " \
        "Chromosomes today. Edinburgh: Oliver-Boyd."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Snoad, B.,"), ("date", "1969."), ("title", "Neoplasm of the pea pods."),
        ("editor", "In: C. D. Darlington, eds."), ("title", "Chromosomes today."),
        ("address", "Edinburgh:"), ("publisher", "Oliver-Boyd.")))
    assert fields.title == "Neoplasm of the pea pods"
    assert fields.booktitle == "Chromosomes today"


def test_a_title_in_quotes_with_a_container_already_stays() -> None:
    raw = "Childs, P. “A Child.” Novelists. In Studies. London: Palgrave, 2005."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Childs, P."), ("title", "“A Child.” Novelists."),
        ("booktitle", "In Studies."), ("address", "London:"), ("publisher", "Palgrave,"),
        ("date", "2005.")))
    assert fields.title == "“A Child.” Novelists"


def test_a_title_s_last_ordinal_is_the_edition() -> None:
    raw = "Homer. The Iliad, Books XXIII–XXIV. 4th. Oxford: Clarendon Press, 1903."
    fields = read_tagged(raw, _spans(raw, ("author", "Homer."),
                                     ("title", "The Iliad, Books XXIII–XXIV. 4th."),
                                     ("address", "Oxford:"), ("publisher", "Clarendon Press,"),
                                     ("date", "1903.")))
    assert fields.title == "The Iliad, Books XXIII–XXIV"
    assert fields.edition == "4th"  # as normalize_edition reads a bare ordinal


def test_a_container_loses_its_editors_at_its_end() -> None:
    raw = "Lindquist, E.E., 2009. Orden Mesostigmata. In: A Manual of Acarology, Krantz G.W " \
        "and D.E. Walter Eds., Third Edition. Lubbock."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Lindquist, E.E.,"), ("date", "2009."), ("title", "Orden Mesostigmata."),
        ("booktitle", "In: A Manual of Acarology, Krantz G.W and D.E. Walter Eds.,"),
        ("edition", "Third Edition."), ("address", "Lubbock.")))
    assert fields.booktitle == "A Manual of Acarology"


def test_a_container_cut_inside_a_parenthesis_ends_before_it() -> None:
    raw = "Lakshmanan, S., \"Gaussian Fields,\" in Markov Random Fields (R. Chellappa, ed.), " \
        "pp. 131-157."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Lakshmanan, S.,"), ("title", "\"Gaussian Fields,\""),
        ("booktitle", "in Markov Random Fields (R."), ("editor", "Chellappa, ed.),"),
        ("pages", "pp. 131-157.")))
    assert fields.booktitle == "Markov Random Fields"


def test_names_opening_an_in_container_are_its_editors() -> None:
    raw = "Blanchon, Jean. 1999. Tone Cases. In Jean Blanchon & Denis Creissels, Issues in " \
        "Bantu Tonology, 37-82. Cologne: Köppe."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Blanchon, Jean."), ("date", "1999."), ("title", "Tone Cases."),
        ("booktitle", "In Jean Blanchon & Denis Creissels, Issues in Bantu Tonology,"),
        ("pages", "37-82."), ("address", "Cologne:"), ("publisher", "Köppe.")))
    assert fields.booktitle == "Issues in Bantu Tonology"
    assert {n.family for n in fields.editors} == {"Blanchon", "Creissels"}


def test_an_in_container_that_opens_with_one_name_stays() -> None:
    raw = "Smith, J. 1999. Cases. In Jean Piaget, Selected Essays, 37-82. Paris: Seuil."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Smith, J."), ("date", "1999."), ("title", "Cases."),
        ("booktitle", "In Jean Piaget, Selected Essays,"), ("pages", "37-82."),
        ("address", "Paris:"), ("publisher", "Seuil.")))
    assert fields.booktitle == "Jean Piaget, Selected Essays"


def test_a_sentence_opening_the_publisher_span_is_the_title_s() -> None:
    raw = "Stephen H. Kellert, In the Wake of Chaos: Unpredictable Order in Dynamical Systems, " \
        "University of Chicago Press, 1993."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Stephen H. Kellert,"), ("title", "In the Wake of Chaos:"),
        ("publisher", "Unpredictable Order in Dynamical Systems, University of Chicago Press,"),
        ("date", "1993.")))
    assert fields.title == "In the Wake of Chaos: Unpredictable Order in Dynamical Systems"
    assert fields.publisher == "University of Chicago Press"


def test_a_publisher_span_of_two_publishers_stays() -> None:
    raw = "Kellert, S. Chaos. Basic Books, University of Chicago Press, 1993."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Kellert, S."), ("title", "Chaos."),
        ("publisher", "Basic Books, University of Chicago Press,"), ("date", "1993.")))
    assert fields.title == "Chaos"
    assert fields.publisher == "Basic Books, University of Chicago Press"


def test_a_publisher_span_loses_the_genre_before_it() -> None:
    raw = "Wilke, W. (1993). Entwurf und Implementierung. Projektarbeit, Universitat " \
        "Kaiserslautern."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Wilke, W."), ("date", "(1993)."),
        ("title", "Entwurf und Implementierung."),
        ("publisher", "Projektarbeit, Universitat Kaiserslautern.")))
    assert fields.publisher == "Universitat Kaiserslautern"


def test_a_publisher_named_for_papers_stays() -> None:
    raw = "Smith, J. (1993). Entwurf. Paper Tiger."
    fields = read_tagged(raw, _spans(raw, ("author", "Smith, J."), ("date", "(1993)."),
                                     ("title", "Entwurf."), ("publisher", "Paper Tiger.")))
    assert fields.publisher == "Paper Tiger"


def test_a_journal_span_gives_the_title_its_last_words() -> None:
    raw = "Sharpton, V. L., New constraints on the Slate Islands impact structure, Ontario, " \
        "Canada. Geology, v. 24, pp. 851-854. 1996."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Sharpton, V. L.,"),
        ("title", "New constraints on the Slate Islands impact structure,"),
        ("journal", "Ontario, Canada. Geology,"), ("volume", "v. 24,"),
        ("pages", "pp. 851-854."), ("date", "1996.")))
    assert fields.title == "New constraints on the Slate Islands impact structure, Ontario, Canada"
    assert fields.journal == "Geology"


def test_an_abbreviated_journal_stays_whole() -> None:
    raw = "Polchinski, J. Strings. Int. J. Mod. Phys. A16, 707-718 (2001)."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Polchinski, J."), ("title", "Strings."),
        ("journal", "Int. J. Mod. Phys."), ("volume", "A16,"), ("pages", "707-718"),
        ("date", "(2001).")))
    assert fields.journal == "Int. J. Mod. Phys"


def test_a_container_loses_the_translator_before_it() -> None:
    raw = "Abraham, Nicolas. “Notes on the Phantom.” Trans. Nicholas Rand. Critical Inquiry " \
        "13.2 (1989): 287-292."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Abraham, Nicolas."), ("title", "“Notes on the Phantom.”"),
        ("journal", "Trans. Nicholas Rand. Critical Inquiry"), ("volume", "13.2"),
        ("date", "(1989):"), ("pages", "287-292.")))
    assert fields.journal == "Critical Inquiry"


def test_a_year_run_into_the_title_is_the_entry_s_year() -> None:
    raw = "About Jenny Holzer 2011, dvd, Microcinema International, San Francisco."
    fields = read_tagged(raw, _spans(raw, ("title", "About Jenny Holzer 2011,"), ("note", "dvd,"),
                                     ("publisher", "Microcinema International,"),
                                     ("address", "San Francisco.")))
    assert fields.title == "About Jenny Holzer"
    assert fields.year == "2011"


def test_a_year_ending_a_title_stays_when_the_entry_has_one() -> None:
    raw = "MacMillan, M. 2001. Paris 1919. New York: Random House."
    fields = read_tagged(raw, _spans(raw, ("author", "MacMillan, M."), ("date", "2001."),
                                     ("title", "Paris 1919."), ("address", "New York:"),
                                     ("publisher", "Random House.")))
    assert fields.title == "Paris 1919"


def test_a_journal_span_with_a_publisher_s_word_and_no_volume_is_the_publisher() -> None:
    raw = "Hughes, G. E. (1968). An Introduction to Modal Logic. Methuen and Co. Ltd."
    fields = read_tagged(raw, _spans(raw, ("author", "Hughes, G. E."), ("date", "(1968)."),
                                     ("title", "An Introduction to Modal Logic."),
                                     ("journal", "Methuen and Co. Ltd.")))
    assert fields.publisher == "Methuen and Co. Ltd."  # "Ltd." keeps its period
    assert fields.journal is None


def test_a_journal_with_a_volume_stays_a_journal() -> None:
    raw = "Hughes, G. E. (1968). Modal Logic. University Review 12, 3-9."
    fields = read_tagged(raw, _spans(raw, ("author", "Hughes, G. E."), ("date", "(1968)."),
                                     ("title", "Modal Logic."), ("journal", "University Review"),
                                     ("volume", "12,"), ("pages", "3-9.")))
    assert fields.journal == "University Review"


def test_a_journal_before_its_volume_is_no_run_on_of_an_unpunctuated_title() -> None:
    raw = ("M.T. Kim, H.R. Han, H.J. Song, et al. A community-based, culturally tailored "
           "behavioral intervention for Korean Americans with type 2 diabetes Diabetes Educ., "
           "35 (2009), pp. 986-994")
    fields = read_tagged(raw, _spans(
        raw, ("author", "M.T. Kim, H.R. Han, H.J. Song, et al."),
        ("title", "A community-based, culturally tailored behavioral intervention for Korean "
                  "Americans with type 2 diabetes"),
        ("journal", "Diabetes Educ.,"), ("volume", "35"), ("date", "(2009),"),
        ("pages", "pp. 986-994")))
    assert fields.journal == "Diabetes Educ"  # the trailing period goes, as for every field
    assert fields.title is not None and fields.title.endswith("type 2 diabetes")
    # without a volume or pages after it, a title that stopped mid-sentence runs on
    raw = "Mitter, Rana. Forgotten Ally: China's World War II, 1937–1945. Boston, 2013."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Mitter, Rana."), ("title", "Forgotten Ally: China's World"),
        ("journal", "War II, 1937–1945."), ("address", "Boston,"), ("date", "2013.")))
    assert fields.title == "Forgotten Ally: China's World War II, 1937–1945"
    assert fields.journal is None


def test_a_meetings_place_after_its_proceedings_is_the_address() -> None:
    raw = ("Webber, B. (1983). Varieties of user misconceptions. In Proceedings of the Eighth "
           "International Joint Conference on Artificial Intelligence, Karlsruhe, Germany.")
    fields = read_tagged(raw, _spans(
        raw, ("author", "Webber, B."), ("date", "(1983)."),
        ("title", "Varieties of user misconceptions."),
        ("booktitle", "In Proceedings of the Eighth International Joint Conference on "
                      "Artificial Intelligence, Karlsruhe, Germany.")))
    assert fields.booktitle == ("Proceedings of the Eighth International Joint Conference on "
                                "Artificial Intelligence")
    assert fields.address == "Karlsruhe, Germany"
    # a book's container keeps a place word that is part of its title
    raw = "Smith, J. (2001). A chapter. In Essays on Paris, London. 12-20."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Smith, J."), ("date", "(2001)."), ("title", "A chapter."),
        ("booktitle", "In Essays on Paris, London."), ("pages", "12-20.")))
    assert fields.booktitle == "Essays on Paris, London"
    assert fields.address is None


def test_a_volume_after_the_year_and_a_lettered_volume() -> None:
    raw = ("Saad ED, Buyse M. Overall survival. Journal of Clinical Oncology. "
           "2012;30(15): 1750-1754.")
    fields = read_tagged(raw, _spans(
        raw, ("author", "Saad ED, Buyse M."), ("title", "Overall survival."),
        ("journal", "Journal of Clinical Oncology."), ("volume", "2012;30(15):"),
        ("pages", "1750-1754.")))
    assert fields.volume == "30"  # Vancouver: year;volume(issue)
    raw = "S. S. Gubser, Phys. Lett. B428 (1998) 105-114."
    fields = read_tagged(raw, _spans(
        raw, ("author", "S. S. Gubser,"), ("journal", "Phys. Lett."), ("volume", "B428"),
        ("date", "(1998)"), ("pages", "105-114.")))
    assert fields.volume == "B428"  # the section letter is part of the volume


def test_pages_after_an_issue_as_a_list_and_with_a_non_breaking_hyphen() -> None:
    raw = "Flajolet, P. (1995). Mellin transforms. Theoretical Computer Science 144 (1–2): 101–124."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Flajolet, P."), ("date", "(1995)."), ("title", "Mellin transforms."),
        ("journal", "Theoretical Computer Science"), ("volume", "144"),
        ("pages", "(1–2): 101–124.")))
    assert fields.pages == "101–124"
    raw = "Lincoln, Abraham. Speeches and Writings (New York: Library of America, 1989), 28, 29."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Lincoln, Abraham."), ("title", "Speeches and Writings"),
        ("address", "(New York:"), ("publisher", "Library of America,"), ("date", "1989),"),
        ("pages", "28, 29.")))
    assert fields.pages == "28, 29"
    raw = "Feldman, S. « Foundations », American Journal of Political Science, 2001, p. 658\u2011677."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Feldman, S."), ("title", "« Foundations »,"),
        ("journal", "American Journal of Political Science,"), ("date", "2001,"),
        ("pages", "p. 658\u2011677.")))
    assert fields.pages == "658–677"


def test_a_publisher_s_last_comma_part_after_the_place_is_no_second_place() -> None:
    raw = "Lewis, Sinclair. Main Street. Garden City, N.Y.: Harcourt, Brace, 1931."
    fields = read_tagged(raw, _spans(raw, ("author", "Lewis, Sinclair."), ("title", "Main Street."),
                                     ("address", "Garden City, N.Y.:"), ("publisher", "Harcourt,"),
                                     ("address", "Brace,"), ("date", "1931.")))
    assert fields.publisher == "Harcourt, Brace"
    assert fields.address == "Garden City, N.Y."


@pytest.mark.parametrize("second", ["and New York:", "Boston,"])
def test_a_second_place_stays_a_place(second: str) -> None:
    # a second place and publisher, or a known city after the publisher
    raw = f"Hart, H. L. A. Punishment. London: Methuen {second} Routledge, 1968."
    fields = read_tagged(raw, _spans(raw, ("author", "Hart, H. L. A."), ("title", "Punishment."),
                                     ("address", "London:"), ("publisher", "Methuen"),
                                     ("address", second), ("publisher", "Routledge,"),
                                     ("date", "1968.")))
    assert fields.publisher == "Methuen"


def test_a_known_place_alone_is_the_place_not_the_publisher() -> None:
    raw = "Browne, Gerald M. The Psalter of Bede. Grand Rapids, 2002."
    fields = read_tagged(raw, _spans(raw, ("author", "Browne, Gerald M."),
                                     ("title", "The Psalter of Bede."),
                                     ("publisher", "Grand Rapids,"), ("date", "2002.")))
    assert fields.address == "Grand Rapids"
    assert fields.publisher is None


@pytest.mark.parametrize("publisher", ["Universität Wien.", "OUP Oxford;", "Oxford University"])
def test_a_university_or_acronym_ending_in_a_city_stays_the_publisher(publisher: str) -> None:
    raw = f"Kolb, Ada. Über Zahlen. Dissertation, {publisher} 1931."
    fields = read_tagged(raw, _spans(raw, ("author", "Kolb, Ada."), ("title", "Über Zahlen."),
                                     ("note", "Dissertation,"), ("publisher", publisher),
                                     ("date", "1931.")))
    assert fields.publisher == publisher.rstrip(".;")
    assert fields.address is None


def test_mla_s_medium_after_the_place_is_not_the_place() -> None:
    raw = "Ortiz, Ana. Maps of Memory. Diss. University of Chicago, Chicago, Print."
    fields = read_tagged(raw, _spans(raw, ("author", "Ortiz, Ana."), ("title", "Maps of Memory."),
                                     ("note", "Diss."), ("publisher", "University of Chicago,"),
                                     ("address", "Chicago, Print.")))
    assert fields.address == "Chicago"


def test_a_place_before_the_publisher_starts_after_the_note_s_last_sentence() -> None:
    raw = "Kane, Rob. 1999. “Survey of the Coast. Typescript.” Halifax: Nova Scotia Museum."
    fields = read_tagged(raw, _spans(raw, ("author", "Kane, Rob."), ("date", "1999."),
                                     ("title", "“Survey of the Coast."),
                                     ("note", "Typescript.” Halifax:"),
                                     ("publisher", "Nova Scotia Museum.")))
    assert fields.address == "Halifax"
    assert fields.publisher == "Nova Scotia Museum"


def test_hrsg_without_its_period_still_marks_the_editors() -> None:
    raw = "Meier, Anna & Paul Weber Hrsg. 2015. Schule und Inklusion. Stuttgart"
    fields = read_tagged(raw, _spans(raw, ("author", "Meier, Anna & Paul Weber Hrsg."),
                                     ("date", "2015."), ("title", "Schule und Inklusion."),
                                     ("address", "Stuttgart")))
    assert not fields.authors
    assert [n.family for n in fields.editors] == ["Meier", "Weber"]


def test_a_title_between_author_and_date_is_the_rest_of_the_author() -> None:
    raw = ("Royal Society of Chemistry, Education Division. (2019) Teaching Practical "
           "Chemistry (London, Royal Society of Chemistry).")
    fields = read_tagged(raw, _spans(raw, ("author", "Royal Society of Chemistry,"),
                                     ("title", "Education Division."), ("date", "(2019)"),
                                     ("title", "Teaching Practical Chemistry"),
                                     ("address", "(London,"),
                                     ("publisher", "Royal Society of Chemistry).")))
    assert fields.title == "Teaching Practical Chemistry"
    assert fields.year == "2019"


def test_the_title_after_the_editors_role_word_is_the_title() -> None:
    raw = ("Dauenhauer, Nora, and Richard Dauenhauer, eds. Haa Shuká, Our Ancestors. "
           "Seattle: University of Washington Press, 1987.")
    fields = read_tagged(raw, _spans(
        raw, ("editor", "Dauenhauer, Nora, and Richard Dauenhauer, eds. Haa Shuká, Our Ancestors."),
        ("address", "Seattle:"), ("publisher", "University of Washington Press,"),
        ("date", "1987.")))
    assert fields.title == "Haa Shuká, Our Ancestors"
    assert [n.given for n in fields.editors] == ["Nora", "Richard"]


def test_an_unclosed_publication_parenthesis_is_not_the_title_s() -> None:
    raw = "C. Kittel, Introduction to Solid State Physics (Wiley; 8 edition, 2004)."
    fields = read_tagged(raw, _spans(raw, ("author", "C. Kittel,"),
                                     ("title", "Introduction to Solid State Physics (Wiley;"),
                                     ("edition", "8 edition,"), ("date", "2004).")))
    assert fields.title == "Introduction to Solid State Physics"
    assert fields.publisher == "Wiley"


def test_a_title_s_own_parenthesis_stays_in_the_title() -> None:
    raw = "Ruiz, J. 1991. A new mite from Spain (Acari, Oribatida). Boletín 12: 3-9."
    fields = read_tagged(raw, _spans(raw, ("author", "Ruiz, J."), ("date", "1991."),
                                     ("title", "A new mite from Spain (Acari,"),
                                     ("journal", "Oribatida). Boletín"), ("volume", "12:"),
                                     ("pages", "3-9.")))
    assert fields.publisher is None


def test_a_month_before_a_year_run_into_the_title_is_not_the_title_s() -> None:
    raw = "Moss, P., Design of the Flight Software June 1994, Logica Ltd."
    fields = read_tagged(raw, _spans(raw, ("author", "Moss, P.,"),
                                     ("title", "Design of the Flight Software June 1994,"),
                                     ("publisher", "Logica Ltd.")))
    assert fields.title == "Design of the Flight Software"
    assert fields.year == "1994"


def test_a_city_before_a_region_of_two_words_goes_with_the_place() -> None:
    raw = ("Fox, A., editor. 2001. Deer of the Plains. Prentice Hall, Upper Saddle River, "
           "New Jersey, USA")
    fields = read_tagged(raw, _spans(raw, ("editor", "Fox, A., editor."), ("date", "2001."),
                                     ("title", "Deer of the Plains."),
                                     ("publisher", "Prentice Hall, Upper Saddle River,"),
                                     ("address", "New Jersey, USA")))
    assert fields.publisher == "Prentice Hall"
    assert fields.address == "Upper Saddle River, New Jersey, USA"


def test_a_publisher_s_inner_comma_part_is_no_place() -> None:
    raw = "Ives, Ann. Ghost Stories. Houghton, Mifflin & Co.: Boston & New York, 1911."
    fields = read_tagged(raw, _spans(raw, ("author", "Ives, Ann."), ("title", "Ghost Stories."),
                                     ("publisher", "Houghton,"), ("address", "Mifflin & Co.:"),
                                     ("publisher", "Boston & New York,"), ("date", "1911.")))
    assert fields.publisher == "Houghton, Mifflin & Co."
    assert fields.address == "Boston & New York"


def test_a_department_s_comma_parts_are_one_publisher() -> None:
    raw = ("Ward, Lee. 2012 Peer tutoring in writing courses. Department of Teaching, "
           "Learning, and Culture, Texas A&M University")
    fields = read_tagged(raw, _spans(raw, ("author", "Ward, Lee."), ("date", "2012"),
                                     ("title", "Peer tutoring in writing courses."),
                                     ("publisher", "Department of Teaching,"),
                                     ("address", "Learning, and Culture,"),
                                     ("publisher", "Texas A&M University")))
    assert fields.title == "Peer tutoring in writing courses"
    assert fields.publisher == ("Department of Teaching, Learning, and Culture, "
                                "Texas A&M University")
    assert fields.address is None


@pytest.mark.parametrize(("note", "publisher", "address"), [
    ("Hamish Hamilton: London.", "Hamish Hamilton", "London"),
    ("Boston: Beacon Press.", "Beacon Press", "Boston"),
])
def test_a_note_of_publisher_and_known_place_is_both(note: str, publisher: str,
                                                      address: str) -> None:
    raw = f"Gray, John. (1998). False Dawn. {note}"
    fields = read_tagged(raw, _spans(raw, ("author", "Gray, John."), ("date", "(1998)."),
                                     ("title", "False Dawn."), ("note", note)))
    assert (fields.publisher, fields.address) == (publisher, address)


def test_a_note_without_a_known_place_stays_a_note() -> None:
    raw = "Gray, John. (1998). False Dawn. Lecture notes: Part Two."
    fields = read_tagged(raw, _spans(raw, ("author", "Gray, John."), ("date", "(1998)."),
                                     ("title", "False Dawn."), ("note", "Lecture notes: Part Two.")))
    assert (fields.publisher, fields.address) == (None, None)


def test_a_film_s_director_is_not_its_title() -> None:
    raw = "Lee, Ang, director. Lust and Caution. DVD. New York: Focus Features, 2007."
    fields = read_tagged(raw, _spans(raw, ("note", "Lee, Ang, director. Lust and Caution. DVD."),
                                     ("address", "New York:"), ("publisher", "Focus Features,"),
                                     ("date", "2007.")))
    assert fields.title == "Lust and Caution"


def test_a_film_s_credited_producers_and_director_are_not_its_title() -> None:
    raw = ("Kay, R. (Producer), & Moss, J. (Director). (2007). The Making of a Film "
           "[Motion picture]. New York: Focus Features.")
    fields = read_tagged(raw, _spans(raw, ("note", "Kay, R. (Producer), & Moss, J. (Director)."),
                                     ("date", "(2007)."),
                                     ("note", "The Making of a Film [Motion picture]."),
                                     ("address", "New York:"), ("publisher", "Focus Features.")))
    assert fields.title == "The Making of a Film"


def test_a_harvard_film_s_title_comes_before_its_year_and_medium() -> None:
    raw = "Night Train to Lisbon 2013, motion picture, Studio Hamburg, Hamburg."
    fields = read_tagged(raw, _spans(raw, ("author", "Night Train to Lisbon"), ("date", "2013,"),
                                     ("note", "motion picture,"),
                                     ("publisher", "Studio Hamburg,"), ("address", "Hamburg.")))
    assert fields.title == "Night Train to Lisbon"
    assert not fields.authors


def test_a_year_before_the_genre_at_a_title_s_end_is_the_year() -> None:
    raw = "The Coral Sea 2015, television program, Nine Network, Sydney, 2 May."
    fields = read_tagged(raw, _spans(raw, ("title", "The Coral Sea 2015, television program,"),
                                     ("publisher", "Nine Network,"), ("address", "Sydney,"),
                                     ("date", "2 May.")))
    assert fields.title == "The Coral Sea"
    assert fields.year == "2015"


def test_and_others_ends_an_author_list() -> None:
    raw = "Bruner, Jerome S. and others. Studies in Cognitive Growth. New York: Wiley, 1966."
    fields = read_tagged(raw, _spans(raw, ("author", "Bruner, Jerome S. and others."),
                                     ("title", "Studies in Cognitive Growth."),
                                     ("address", "New York:"), ("publisher", "Wiley,"),
                                     ("date", "1966.")))
    assert fields.title == "Studies in Cognitive Growth"
    assert fields.authors[0].family == "Bruner"


def test_a_particle_after_the_given_name_is_still_the_name() -> None:
    raw = "Vries, Hugo de: Die Mutationstheorie. Leipzig: Veit, 1901."
    fields = read_tagged(raw, _spans(raw, ("author", "Vries, Hugo de:"),
                                     ("title", "Die Mutationstheorie."), ("address", "Leipzig:"),
                                     ("publisher", "Veit,"), ("date", "1901.")))
    assert fields.title == "Die Mutationstheorie"
    assert len(fields.authors) == 1


def test_a_name_that_ends_with_its_particle_and_a_period_has_ended() -> None:
    raw = "Weber, Carl Maria von. Der Freischütz. Edited by Ann Kerr. Kassel: Bärenreiter, 2001."
    fields = read_tagged(raw, _spans(raw, ("author", "Weber, Carl Maria von."),
                                     ("title", "Der Freischütz."),
                                     ("editor", "Edited by Ann Kerr."), ("address", "Kassel:"),
                                     ("publisher", "Bärenreiter,"), ("date", "2001.")))
    assert fields.title == "Der Freischütz"


def test_names_listed_with_a_serial_comma_are_names_not_the_title() -> None:
    raw = ("Hunt, Pearson, Charles Williams, and Gordon Donaldson. Basic Business Finance. "
           "Homewood: Irwin, 1966.")
    fields = read_tagged(raw, _spans(
        raw, ("author", "Hunt, Pearson,"),
        ("title", "Charles Williams, and Gordon Donaldson. Basic Business Finance."),
        ("address", "Homewood:"), ("publisher", "Irwin,"), ("date", "1966.")))
    assert fields.title == "Basic Business Finance"
    assert [n.family for n in fields.authors] == ["Hunt", "Williams", "Donaldson"]


def test_a_region_after_the_place_is_the_place_s() -> None:
    raw = "Gill, R. 1990. Radio-tracking of deer. Academic Press, London, United Kingdom."
    fields = read_tagged(raw, _spans(raw, ("author", "Gill, R."), ("date", "1990."),
                                     ("title", "Radio-tracking of deer."),
                                     ("publisher", "Academic Press,"), ("address", "London,"),
                                     ("publisher", "United Kingdom.")))
    assert fields.publisher == "Academic Press"
    assert fields.address == "London, United Kingdom"


@pytest.mark.parametrize(("journal", "publisher"), [("Garland Pub.", "Garland Pub"),
                                                    ("Delmar Pub,", "Delmar Pub")])
def test_pub_at_the_end_makes_a_journal_without_volume_the_publisher(
        journal: str, publisher: str) -> None:
    raw = f"Nolan, M., Air traffic control, {journal} 2010."
    fields = read_tagged(raw, _spans(raw, ("author", "Nolan, M.,"),
                                     ("title", "Air traffic control,"), ("journal", journal),
                                     ("date", "2010.")))
    assert fields.publisher == publisher
    assert fields.journal is None


def test_pub_inside_a_journal_s_name_is_no_publisher() -> None:
    raw = "Lee, K. Smoking and the young. Am J Pub Health 2010."
    fields = read_tagged(raw, _spans(raw, ("author", "Lee, K."),
                                     ("title", "Smoking and the young."),
                                     ("journal", "Am J Pub Health"), ("date", "2010.")))
    assert fields.journal == "Am J Pub Health"


@pytest.mark.parametrize(("container", "editors", "booktitle"), [
    ("In: Anna Weber und Paul Roth (Hgg.): Räume der Stadt.", ["Weber", "Roth"],
     "Räume der Stadt"),
    ("in D.R. Goyal, ed, Non-Alignment: Concepts and Concerns", ["Goyal"],
     "Non-Alignment: Concepts and Concerns"),
    ("in C. Rossi (a cura di), Studi di storia.", ["Rossi"], "Studi di storia"),
    # every role word of the one list, in either form
    ("In: Anna Weber, Hgg., Räume der Stadt.", ["Weber"], "Räume der Stadt"),
    ("in Marc Bloch, dir., Histoire rurale.", ["Bloch"], "Histoire rurale"),
])
def test_editors_and_their_role_open_a_container(container: str, editors: list[str],
                                                 booktitle: str) -> None:
    raw = f"Kern, Ute. 2007. Das Zimmer. {container} Berlin: Akademie, 27-63."
    fields = read_tagged(raw, _spans(raw, ("author", "Kern, Ute."), ("date", "2007."),
                                     ("title", "Das Zimmer."), ("booktitle", container),
                                     ("address", "Berlin:"), ("publisher", "Akademie,"),
                                     ("pages", "27-63.")))
    assert [n.family for n in fields.editors] == editors
    assert fields.booktitle == booktitle


def test_a_container_cut_at_the_editors_role_is_read_whole() -> None:
    raw = ("Aron, J. “Moral Growth.” in Bill Puka, ed. Moral Development: Defining "
           "Perspectives, Vol. 1. New York: Garland, 1994.")
    fields = read_tagged(raw, _spans(raw, ("author", "Aron, J."), ("title", "“Moral Growth.”"),
                                     ("booktitle", "in Bill Puka,"),
                                     ("editor", "ed. Moral Development:"),
                                     ("booktitle", "Defining Perspectives,"),
                                     ("volume", "Vol. 1."), ("address", "New York:"),
                                     ("publisher", "Garland,"), ("date", "1994.")))
    assert [n.family for n in fields.editors] == ["Puka"]
    assert fields.booktitle == "Moral Development: Defining Perspectives"


@pytest.mark.parametrize("meeting", [
    "In Proceedings of the Second Workshop on Logic Programming Bled,",
    "In Proc. of the 9th Int. Conf. on Learning (ICL-92) Bled,",
])
def test_a_meeting_s_city_before_its_country_is_the_place(meeting: str) -> None:
    raw = f"Novak, J. (1992). Learning rules. {meeting} Slovenia."
    fields = read_tagged(raw, _spans(raw, ("author", "Novak, J."), ("date", "(1992)."),
                                     ("title", "Learning rules."), ("booktitle", meeting),
                                     ("address", "Slovenia.")))
    assert fields.address == "Bled, Slovenia"
    assert fields.booktitle is not None and fields.booktitle.endswith(("Programming", ")"))


def test_a_meeting_s_place_that_is_whole_stays_whole() -> None:
    raw = ("Lee, K. (1994). Exchange. In Proceedings of the Distributed AI Workshop, "
           "Seattle, WA.")
    fields = read_tagged(raw, _spans(raw, ("author", "Lee, K."), ("date", "(1994)."),
                                     ("title", "Exchange."),
                                     ("booktitle", "In Proceedings of the Distributed AI Workshop,"),
                                     ("address", "Seattle, WA.")))
    assert fields.booktitle == "Proceedings of the Distributed AI Workshop"
    assert fields.address == "Seattle, WA"


def test_proc_with_its_period_names_a_meeting() -> None:
    raw = "Novak, J. (1992). Learning rules. In Proc. of the 9th Int. Conf. on AI, Bled, Slovenia."
    fields = read_tagged(raw, _spans(raw, ("author", "Novak, J."), ("date", "(1992)."),
                                     ("title", "Learning rules."),
                                     ("booktitle", "In Proc. of the 9th Int. Conf. on AI, Bled, Slovenia.")))
    assert fields.address == "Bled, Slovenia"


def test_the_first_word_of_a_place_s_name_is_the_place_s() -> None:
    raw = "Ward, R. 2014. Odds Models. Technical report University of Notre Dame South Bend, IN."
    fields = read_tagged(raw, _spans(raw, ("author", "Ward, R."), ("date", "2014."),
                                     ("title", "Odds Models."), ("note", "Technical report"),
                                     ("publisher", "University of Notre Dame South"),
                                     ("address", "Bend, IN.")))
    assert fields.publisher == "University of Notre Dame"
    assert fields.address == "South Bend, IN"


def test_years_before_the_place_are_not_the_place_s() -> None:
    raw = "Huet, P. 1893 Livre-journal de Pierre de Bessot, 1609-1652 Paris"
    fields = read_tagged(raw, _spans(raw, ("author", "Huet, P."), ("date", "1893"),
                                     ("title", "Livre-journal de Pierre de Bessot,"),
                                     ("address", "1609-1652 Paris")))
    assert fields.address == "Paris"


def test_a_province_ends_a_publisher_s_place() -> None:
    raw = ("Arragon, P. (1990). Default Reasoning. PhD thesis, Department of Computer Science, "
           "University of Waterloo, Waterloo, Ontario.")
    fields = read_tagged(raw, _spans(
        raw, ("author", "Arragon, P."), ("date", "(1990)."), ("title", "Default Reasoning."),
        ("note", "PhD thesis,"),
        ("publisher", "Department of Computer Science, University of Waterloo, Waterloo, Ontario.")))
    assert fields.publisher == "Department of Computer Science, University of Waterloo"
    assert fields.address == "Waterloo, Ontario"


# One list of role words (ed., Hrsg., Hgg., dir., éd., a cura di, coord.) for every rule
# that finds editors by their role; before it, each rule knew a different part of it.
@pytest.mark.parametrize(("editor_span", "editors", "booktitle"), [
    ("In Histoire de la France, dir. Jean Favier,", ["Favier"], "Histoire de la France"),
    ("in Carlo Rossi (a cura di), Studi di storia,", ["Rossi"], "Studi di storia"),
])
def test_every_role_word_splits_an_in_editor_span(editor_span: str, editors: list[str],
                                                  booktitle: str) -> None:
    raw = f"Kern, U. 2007. Das Zimmer. {editor_span} 27-63."
    fields = read_tagged(raw, _spans(raw, ("author", "Kern, U."), ("date", "2007."),
                                     ("title", "Das Zimmer."), ("editor", editor_span),
                                     ("pages", "27-63.")))
    assert [n.family for n in fields.editors] == editors
    assert fields.booktitle == booktitle


def test_dir_ends_the_editors_before_a_title() -> None:
    raw = "Duby, Georges (dir.) Histoire de la France rurale. Paris: Seuil, 1975."
    fields = read_tagged(raw, _spans(
        raw, ("editor", "Duby, Georges (dir.) Histoire de la France rurale."),
        ("address", "Paris:"), ("publisher", "Seuil,"), ("date", "1975.")))
    assert [n.family for n in fields.editors] == ["Duby"]
    assert fields.title == "Histoire de la France rurale"


@pytest.mark.parametrize(("series_span", "series"), [
    ("(= Kritische Studienausgabe,", "Kritische Studienausgabe"),
    ("coll. « Bibliothèque des histoires ».", "Bibliothèque des histoires"),
    ("collection « Que sais-je ? ».", "Que sais-je ?"),
    ("Collection Development Series.", "Collection Development Series"),
])
def test_a_series_loses_its_label(series_span: str, series: str) -> None:
    raw = f"Roth, Paul. Die Stadt. München: dtv, 1999. {series_span}"
    fields = read_tagged(raw, _spans(raw, ("author", "Roth, Paul."), ("title", "Die Stadt."),
                                     ("address", "München:"), ("publisher", "dtv,"),
                                     ("date", "1999."), ("series", series_span)))
    assert fields.series == series
