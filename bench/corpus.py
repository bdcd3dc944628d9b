"""Generate a corpus of seed-like plain-text documents for the benchmarks.

Documents mix the shapes of the seeds: World-Library pages with bulleted comma-style
entries and caret notes, Wikipedia articles with [n] markers, "^ a b" notes and a CS1
reference list, Chicago essays with full, short-title and Ibid. notes, and articles with
no sources. Entries are drawn from the real books of the project's samples, so that a
corpus cites the same works again and again, as real corpora do.
"""

from __future__ import annotations

import random
from pathlib import Path

WORLD_LIBRARY_ENTRIES = [
    "Huang, Youlan, History of the Chinese People's Liberation War, 1st Edition, Archives Publishing House in Beijing, 1992, ISBN 7-80019-338-1",
    "Jie, Lifu, Records of the Libration War: The Decisive Battle of Two Kinds of Fates, 1st Edition, Hebei People's Publishing House in Shijiazhuang, 1990, ISBN 7-202-00733-9 (set)",
    "Li, Zuomin, Heroic Division and Iron Horse: Records of the Liberation War, 1st Edition, Chinese Communist Party History Publishing House in Beijing, 2004, ISBN 7-80199-029-3",
    "Literary and Historical Research Committee of the Anhui Committee of the Chinese People's Political Consultative Conference, Liberation War, 1st Edition, Anhui People's Publishing House in Hefei, 1987, ISBN 7-212-00007-8",
    "Liu Wusheng, From Yan'an to Beijing: A Collection of Military Records and Research Publications of Important Campaigns in the Liberation War, 1st Edition, Central Literary Publishing House in Beijing, 1993, ISBN 7-5073-0074-9",
    "Tang, Yilu and Bi, Jianzhong, History of Chinese People's Liberation Army in Chinese Liberation War, 1st Edition, Military Scientific Publishing House in Beijing, 1993 – 1997, ISBN 7-80021-719-1 (Volum 1), 7800219615 (Volum 2), 7800219631 (Volum 3), 7801370937 (Volum 4), and 7801370953 (Volume 5)",
    "Wang, Xingsheng, and Zhang, Jingshan, Chinese Liberation War, 1st Edition, People's Liberation Army Literature and Art Publishing House in Beijing, 2001, ISBN 7-5033-1351-X (set)",
    "Zhang, Ping, History of the Liberation War, 1st Edition, Chinese Youth Publishing House in Beijing, 1987, ISBN 7-5006-0081-X (pbk.)",
    "Zhu, Zongzhen and Wang, Chaoguang, Liberation War History, 1st Edition, Social Scientific Literary Publishing House in Beijing, 2000, ISBN 7-80149-207-2 (set)",
]
CS1_ENTRIES = [
    ("Eastman", "1986", "Eastman, Lloyd E. (1986). The Nationalist Era in China, 1927–1949. Cambridge: Cambridge University Press. ISBN 0-521-38591-1."),
    ("Koga", "2016", "Koga, Yukiko (2016). Inheritance of Loss: China, Japan, and the Political Economy of Redemption After Empire. Chicago: University of Chicago Press. ISBN 022641213X."),
    ("Lary", "2015", "Lary, Diana (2015). China's Civil War. Cambridge: Cambridge University Press. ISBN 1107054672."),
    ("Tanner", "2015", "Tanner, Harold M. (2015). Where Chiang Kai-shek Lost China: The Liao-Shen Campaign, 1948. Bloomington: Indiana University Press. ISBN 0253016991."),
    ("Taylor", "2009", "Taylor, Jay (2009). The Generalissimo. Cambridge: Harvard University Press. ISBN 0-674-03338-8."),
    ("Westad", "2003", "Westad, Odd Arne (2003). Decisive encounters : the Chinese Civil War, 1946–1950. Stanford: Stanford University Press. ISBN 0-8047-4478-5."),
    ("Worthing", "2017", "Worthing, Peter (2017). General He Yingqin: The Rise and Fall of Nationalist China. Cambridge: Cambridge University Press. ISBN 9781107144637."),
]
CHICAGO_FULL = [
    ("Tanner", "Where Chiang Kai-shek Lost China", "Harold M. Tanner, Where Chiang Kai-shek Lost China: The Liao-Shen Campaign, 1948 (Bloomington: Indiana University Press, 2015)"),
    ("Westad", "Decisive Encounters", "Odd Arne Westad, Decisive Encounters: The Chinese Civil War, 1946–1950 (Stanford: Stanford University Press, 2003)"),
    ("Eastman", "The Nationalist Era in China", "Lloyd E. Eastman, The Nationalist Era in China, 1927–1949 (Cambridge: Cambridge University Press, 1991)"),
]
PROSE = [
    "The campaign opened in the first weeks of autumn, when the columns moved south along the railway",
    "Supplies for the garrison had to come by air, and the airlift never met more than a fraction of the need",
    "Observers at the time disagreed about how long the city could hold out",
    "The relief force was stopped short of its objective after several days of fighting",
    "Civilian losses in the blockaded cities were heavy, and many tried to flee",
    "The decision to stand and fight was taken against the advice of the local commanders",
]


def _paragraphs(rng: random.Random, markers: list[str]) -> str:
    sentences = []
    for marker in markers:
        sentences.append(f"{rng.choice(PROSE)}.[{marker}]")
    for _ in range(rng.randint(2, 6)):
        sentences.append(rng.choice(PROSE) + ".")
    rng.shuffle(sentences)
    return "\n\n".join(" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3))


def world_library(rng: random.Random, n: int) -> str:
    entries = rng.sample(WORLD_LIBRARY_ENTRIES, rng.randint(4, len(WORLD_LIBRARY_ENTRIES)))
    body = _paragraphs(rng, ["1"])
    return "\n".join([
        "Public Library Online", "Report this page", "", f"Battle number {n}", "",
        body, "", "", *[f"  • {e}" for e in sorted(entries)], "", "",
        f"  1. ^ Mao Zedong Military Anthology, vol. {rng.randint(1, 6)}, pp. 480–482", "",
        "Related pages", ""])


def wikipedia(rng: random.Random, n: int) -> str:
    cited = rng.sample(CS1_ENTRIES, rng.randint(2, 4))
    listed = sorted(set(cited) | set(rng.sample(CS1_ENTRIES, 3)), key=lambda e: e[0])
    notes = [f"{family} {year}, p. {rng.randint(1, 400)}." for family, year, _ in
             (rng.choice(cited) for _ in range(rng.randint(4, 12)))]
    body = _paragraphs(rng, [str(i) for i in range(1, len(notes) + 1)])
    return "\n".join([
        f"Campaign {n}", "", "From a Wikipedia-style encyclopedia", "", body, "", "",
        *[f"  {i}. ^ {text}" for i, text in enumerate(notes, 1)], "", "",
        *[f"  • {text} " for _, _, text in listed], "Retrieved from \"\"", ""])


def chicago(rng: random.Random, n: int) -> str:
    works = rng.sample(CHICAGO_FULL, 2)
    notes: list[str] = []
    seen: set[str] = set()
    for _ in range(rng.randint(4, 10)):
        family, short, full = rng.choice(works)
        page = rng.randint(1, 400)
        if notes and rng.random() < 0.25:
            notes.append(f"Ibid., {page}.")
        elif family in seen:
            notes.append(f"{family}, {short}, {page}.")
        else:
            notes.append(f"{full}, {page}.")
            seen.add(family)
    body = _paragraphs(rng, [str(i) for i in range(1, len(notes) + 1)])
    return "\n".join([f"Essay {n}", "", body, "", "Notes", "",
                      *[f"{i}. {text}" for i, text in enumerate(notes, 1)], ""])


def unsourced(rng: random.Random, n: int) -> str:
    return "\n".join([f"Article {n}", "", _paragraphs(rng, []), ""])


def write_corpus(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Write ``count`` documents (seeded, so every run writes the same corpus)."""
    rng = random.Random(seed)
    makers = [world_library, wikipedia, chicago, unsourced]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for n in range(count):
        maker = makers[n % len(makers)]
        path = folder / f"{n:04d}-{maker.__name__}.txt"
        path.write_text(maker(rng, n), encoding="utf-8")
        paths.append(path)
    return paths
