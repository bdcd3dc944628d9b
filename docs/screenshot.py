"""Take the README's pictures of the HTML report of one document, in headless Chromium.

    python docs/screenshot.py ../shared/seeds/000_29b07c18b92b50cd.txt docs/report-screenshot.png \
        docs/report-reference.png tang1993history

Checks the document offline into a temporary folder (from the folder above the document's,
so the page names it "seeds/…", not by a path of this machine) and opens its page 1200 px
wide. The
first picture is the top of the page with the warnings shown only (the filter an editor
would use first); the second, if asked for, is the reference with the given id as the
page shows it further down. Needs the dev dependencies and `bash tests/install-browser.sh`.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def main(document: Path, png: Path, reference_png: Path | None = None,
         reference_id: str | None = None, height: int = 1500) -> None:
    with tempfile.TemporaryDirectory() as out:
        document = document.resolve()
        subprocess.run([sys.executable, "-m", "sourcecheck", "check",
                        str(document.relative_to(document.parent.parent)),
                        "--offline", "--out", out, "--fail-on", "never"],
                       check=True, stdout=subprocess.DEVNULL, cwd=document.parent.parent)
        run_pages = ("index.html", "library.html")
        [page] = [p for p in Path(out).glob("*.html") if p.name not in run_pages]
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--disable-background-networking", "--disable-dev-shm-usage",
                     f"--window-size=1200,{height}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get(page.as_uri())
            Select(driver.find_element(By.ID, "filter-severity")).select_by_value("warning")
            driver.save_screenshot(str(png))
            if reference_png and reference_id:
                for article in driver.find_elements(By.CSS_SELECTOR, "article.reference"):
                    if article.find_element(By.CSS_SELECTOR, "h3 code").text == reference_id:
                        article.screenshot(str(reference_png))
        finally:
            driver.quit()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), *(
        [Path(sys.argv[3]), sys.argv[4]] if len(sys.argv) > 4 else []))
