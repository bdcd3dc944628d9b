"""Chinese-script references: the two conventions read by rules, and names split."""

from __future__ import annotations

import pytest

import sourcecheck
from sourcecheck.citations.resolve import describe
from sourcecheck.citekeys import base_key
from sourcecheck.models import Name, Qualifier, ReferenceKind
from sourcecheck.parsing.cjk import (
    chinese_numeral,
    is_cjk_reference,
    read_cjk,
    split_cjk_names,
    written_name,
)
from sourcecheck.reports.markdown_report import render_document

from .conftest import check_text


def _fields(text: str) -> dict[str, object]:
    return {k: v for k, v in sourcecheck.parse_reference(text).fields.items() if v}


def test_title_marks_book_with_publisher_year_and_pages() -> None:
    text = "杨奎松：《中间地带的革命》，太原：山西人民出版社，2010年，第45页。"
    reference = sourcecheck.parse_reference(text)
    assert reference.kind is ReferenceKind.BOOK
    assert reference.title == "中间地带的革命"
    assert reference.authors == (Name(family="杨", given="奎松"),)
    assert (reference.address, reference.publisher, reference.year, reference.pages) == (
        "太原", "山西人民出版社", "2010", "45")


def test_unspaced_and_spaced_entries_read_alike() -> None:
    unspaced = _fields("舒仁輝，《東都事略與宋史比較研究》。北京：商務，2007年。")
    spaced = _fields("舒仁輝 ， 《東都事略與宋史比較研究》 。 北京 ： 商務 ， 2007年 。")
    assert unspaced == spaced
    assert unspaced["title"] == "東都事略與宋史比較研究"
    assert unspaced["publisher"] == "商務"


def test_every_field_points_back_to_its_characters() -> None:
    text = "中共中央文献研究室编：《毛泽东选集》第四卷，北京：人民出版社，1991年，第1234—1240页。"
    reference = sourcecheck.parse_reference(text)
    found = {span.field: text[span.start:span.end] for span in reference.spans}
    assert found["title"] == "毛泽东选集"
    assert found["editor"] == "中共中央文献研究室"
    assert found["volume"] == "四"
    assert found["publisher"] == "人民出版社"
    assert reference.volume == "4"
    assert reference.editors == (Name(literal="中共中央文献研究室"),)  # an institution
    assert reference.pages == "1234–1240"


def test_a_set_of_volumes_is_a_count_not_a_volume() -> None:
    reference = sourcecheck.parse_reference(
        "金冲及主编：《周恩来传》（全四册），北京：中央文献出版社，1998年。")
    assert (reference.volumes, reference.volume) == ("4", None)
    assert reference.editors == (Name(family="金", given="冲及"),)
    assert reference.authors == ()


def test_essay_in_collected_works_is_a_chapter_and_in_a_journal_an_article() -> None:
    chapter = sourcecheck.parse_reference(
        "欧阳修：〈论台谏官言事未蒙听允书〉，《欧阳修全集》，北京：中华书局，2001年，第1700页。")
    assert chapter.kind is ReferenceKind.CHAPTER
    assert (chapter.title, chapter.booktitle) == ("论台谏官言事未蒙听允书", "欧阳修全集")
    assert chapter.authors == (Name(family="欧阳", given="修"),)  # a compound surname
    article = sourcecheck.parse_reference(
        "金冲及：〈较量：东北解放战争的最初阶段〉，《近代史研究》，2006年第4期，第1–30页。")
    assert article.kind is ReferenceKind.ARTICLE
    assert (article.journal, article.year, article.pages) == ("近代史研究", "2006", "1–30")


@pytest.mark.parametrize(("text", "expected"), [
    ("余敏. 出版集团研究[M]. 北京: 中国书籍出版社, 2001: 179-193.",
     {"title": "出版集团研究", "address": "北京", "publisher": "中国书籍出版社", "year": "2001",
      "pages": "179–193"}),
    ("陈登原. 国史旧闻: 第1卷[M]. 北京: 中华书局, 2000: 29.",
     {"title": "国史旧闻", "volume": "1", "publisher": "中华书局", "pages": "29"}),
    ("程根伟. 1998年长江洪水的成因与减灾对策[M]//许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. "
     "北京: 科学出版社, 1999: 32-36.",
     {"title": "1998年长江洪水的成因与减灾对策", "booktitle": "长江流域洪涝灾害与科技对策",
      "year": "1999", "pages": "32–36", "publisher": "科学出版社"}),
    ("袁训来, 陈哲, 肖书海, 等. 蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口[J]. "
     "科学通报, 2012, 55(34): 3219.",
     {"title": "蓝田生物群: 一个认识多细胞生物起源和早期演化的新窗口", "journal": "科学通报",
      "year": "2012", "volume": "55", "pages": "3219"}),
])
def test_gbt_7714(text: str, expected: dict[str, str]) -> None:
    reference = sourcecheck.parse_reference(text)
    for name, value in expected.items():
        assert getattr(reference, name) == value, name


def test_gbt_chapter_editors_and_article_authors() -> None:
    chapter = sourcecheck.parse_reference(
        "程根伟. 1998年长江洪水的成因与减灾对策[M]//许厚泽, 赵其国. 长江流域洪涝灾害与科技对策. "
        "北京: 科学出版社, 1999: 32-36.")
    assert chapter.kind is ReferenceKind.CHAPTER
    assert chapter.authors == (Name(family="程", given="根伟"),)
    assert [n.family for n in chapter.editors] == ["许", "赵"]
    article = sourcecheck.parse_reference(
        "袁训来, 陈哲, 肖书海, 等. 蓝田生物群[J]. 科学通报, 2012, 55(34): 3219.")
    assert [n.family + (n.given or "") for n in article.authors] == ["袁训来", "陈哲", "肖书海"]


def test_isbns_are_kept_beside_the_cjk_fields() -> None:
    # the seeds' Chinese books, written the way a Chinese bibliography writes them
    unmarked = sourcecheck.parse_reference(
        "刘武生. 从延安到北京. 北京: 中央文献出版社, 1993. ISBN 7-5073-0074-9.")
    assert (unmarked.title, unmarked.address, unmarked.publisher, unmarked.year) == (
        "从延安到北京", "北京", "中央文献出版社", "1993")
    assert [i.raw for i in unmarked.identifiers] == ["7-5073-0074-9"]
    assert unmarked.identifiers[0].isbn13 == "9787507300741"  # python-stdnum agrees
    assert any(span.field == "isbn" for span in unmarked.spans)
    gbt = sourcecheck.parse_reference(
        "黄友岚. 中国人民解放战争史[M]. 北京: 档案出版社, 1992. ISBN 7-80019-338-1.")
    assert (gbt.title, gbt.publisher, gbt.year) == ("中国人民解放战争史", "档案出版社", "1992")
    assert gbt.authors == (Name(family="黄", given="友岚"),)
    marked = sourcecheck.parse_reference(
        "解力夫：《解放战争实录：两种命运的决战》，石家庄：河北人民出版社，1990年，"
        "ISBN 7-202-00733-9（套）。")
    assert marked.title == "解放战争实录：两种命运的决战"
    assert (marked.address, marked.publisher) == ("石家庄", "河北人民出版社")
    assert [i.raw for i in marked.identifiers] == ["7-202-00733-9"]


def test_chapter_in_an_edited_collection() -> None:
    reference = sourcecheck.parse_reference(
        "王晓明：〈论鲁迅〉，载陈平原主编《中国现代文学论集》，北京：北京大学出版社，2005年，"
        "第12–30页。")
    assert reference.kind is ReferenceKind.CHAPTER
    assert reference.authors == (Name(family="王", given="晓明"),)
    assert reference.editors == (Name(family="陈", given="平原"),)
    assert (reference.booktitle, reference.pages) == ("中国现代文学论集", "12–30")


def test_japanese_names_are_not_split() -> None:
    reference = sourcecheck.parse_reference("村上春樹『ノルウェイの森』東京：講談社、1987年。")
    assert reference.title == "ノルウェイの森"
    assert reference.authors == (Name(literal="村上春樹"),)
    assert (reference.address, reference.publisher) == ("東京", "講談社")


def test_split_cjk_names() -> None:
    assert split_cjk_names("王樹增、李明") == (Name(family="王", given="樹增"),
                                           Name(family="李", given="明"))
    assert split_cjk_names("司马迁") == (Name(family="司马", given="迁"),)
    assert split_cjk_names("袁训来, 陈哲, 等") == (Name(family="袁", given="训来"),
                                              Name(family="陈", given="哲"))
    # four characters and no listed compound surname: not guessed
    assert split_cjk_names("范徐丽泰") == (Name(literal="范徐丽泰"),)


def test_chinese_numerals() -> None:
    assert [chinese_numeral(t) for t in ("四", "十", "十二", "二十", "二十三", "3", "05")] == [
        "4", "10", "12", "20", "23", "3", "5"]


def test_latin_script_and_unmarked_text_are_left_to_the_tagger() -> None:
    assert not is_cjk_reference("Westad, Odd Arne. Decisive Encounters. Stanford UP, 2003.")
    assert not is_cjk_reference("Liaoshen Campaign (辽沈战役), in: Chinese Civil War.")
    assert read_cjk("锦州之战") is None


def test_chinese_multi_volume_isbn_list_and_set_qualifier() -> None:
    # the seeds' five-volume set, in a Chinese bibliography's own form
    reference = sourcecheck.parse_reference(
        "唐义路、毕建忠：《中国人民解放军全国解放战争史》（全五卷），北京：军事科学出版社，"
        "1993—1997年，ISBN 7-80021-719-1（第一卷）、7800219615（第二卷）、7800219631（第三卷）、"
        "7801370937（第四卷）、7801370953（第五卷）。")
    assert reference.title == "中国人民解放军全国解放战争史"
    assert [(n.family, n.given) for n in reference.authors] == [("唐", "义路"), ("毕", "建忠")]
    assert (reference.volumes, reference.publisher, reference.year) == (
        "5", "军事科学出版社", "1993–1997")
    assert reference.volume is None  # the volume labels belong to the ISBN list
    assert [i.volume for i in reference.identifiers] == ["1", "2", "3", "4", "5"]
    assert all(i.qualifier is Qualifier.VOL for i in reference.identifiers)
    single = sourcecheck.parse_reference(
        "解力夫：《解放战争实录》，石家庄：河北人民出版社，1990年，ISBN 7-202-00733-9（套）。")
    assert single.identifiers[0].qualifier is Qualifier.SET
    assert single.identifiers[0].label == "套"


def test_citation_keys_of_chinese_references_are_pinyin() -> None:
    def key(text: str) -> str:
        return base_key(sourcecheck.parse_reference(text))

    assert key("黄友岚：《中国人民解放战争史》，北京：档案出版社，1992年。") == "huang1992zhongguo"
    # 解 is "jie" in words but "Xie" as a surname
    assert key("解力夫：《解放战争实录》，石家庄：河北人民出版社，1990年。") == "xie1990jiefang"
    assert key("欧阳修：〈论台谏官言事未蒙听允书〉，《欧阳修全集》，北京：中华书局，2001年。") \
        == "ouyang2001luntai"
    # Japanese kanji are not read as Chinese: the key falls back to the entry's line
    assert key("村上春樹『ノルウェイの森』東京：講談社、1987年。") == "ref1"


def test_citation_keys_of_other_scripts_are_transliterated() -> None:
    def key(text: str) -> str:
        return base_key(sourcecheck.parse_reference(text))

    assert key("Бахтин М. М. Вопросы литературы и эстетики. М.: Художественная литература, "
               "1975.") == "bakhtin1975voprosy"
    # a Latin letter that does not decompose is transliterated, an accented one folded
    assert key("Łotman, Jurij. Semiosfera. Gdańsk: Słowo, 2008.") == "lotman2008semiosfera"
    assert key("Gøtzsche, Peter. Æsthetik. København: Gad, 2001.") == "gotzsche2001aesthetik"
    assert key("Müller, Jörg. Über Städte. Berlin: Verlag, 1999.") == "muller1999uber"
    # an institution: its first two characters, not the whole name cut at 40 letters
    assert key("安徽省政协文史资料研究委员会编：《解放战争》，合肥：安徽人民出版社，1987年。") \
        == "anhui1987jiefang"


def test_messages_name_a_chinese_author_whole() -> None:
    reference = sourcecheck.parse_reference(
        "唐义路、毕建忠主编：《中国人民解放军全国解放战争史》（全五卷），北京：军事科学出版社，"
        "1993—1997年。")
    assert describe(reference) == "唐义路 and 毕建忠 1993–1997"
    assert describe(sourcecheck.parse_reference(
        "Tanner, Harold M. Where Chiang Kai-shek Lost China. Bloomington: Indiana University "
        "Press, 2015.")) == "Tanner 2015"


def test_latin_script_names_before_a_chinese_title_are_split_as_usual() -> None:
    reference = sourcecheck.parse_reference(
        "Huang Youlan, 《中国人民解放战争史》 (History of the Chinese People's Liberation War), "
        "Beijing: Archives Publishing House, 1992.")
    assert reference.authors == (Name(family="Huang", given="Youlan"),)
    assert reference.title == "中国人民解放战争史"
    assert (reference.address, reference.publisher, reference.year) == (
        "Beijing", "Archives Publishing House", "1992")


def test_reports_write_a_chinese_name_whole_and_others_inverted() -> None:
    assert written_name(Name(family="黄", given="友岚")) == "黄友岚"
    assert written_name(Name(family="Tanner", given="Harold M.")) == "Tanner, Harold M."
    assert written_name(Name(literal="中共中央文献研究室")) == "中共中央文献研究室"
    checked = check_text("参考文献\n\n黄友岚：《中国人民解放战争史》，北京：档案出版社，1992年。\n")
    row = next(line for line in render_document(checked).splitlines() if "档案出版社" in line)
    assert "| 黄友岚 |" in row


def test_a_chinese_note_without_its_volume_is_told_to_write_it_in_chinese() -> None:
    entry = ("唐义路、毕建忠主编：《中国人民解放军全国解放战争史》（全五卷），北京：军事科学出版社，"
             "1993—1997年。")
    title = "唐义路、毕建忠主编：《中国人民解放军全国解放战争史》"
    checked = check_text(f"正文。[1] 又见。[2]\n\n注释\n\n[1] {title}，第二卷，第44页。\n"
                         f"[2] {title}，第44页。\n\n参考文献\n\n{entry}\n")
    (missing,) = [f for f in checked.findings if f.code == "cite.volume-missing"]
    assert missing.note == "2"
    assert missing.hint == "write the volume, e.g. “第二卷，第44页”"
