"""Run the checker on real text no one here wrote: the EU AI Act's Article 3.

    python -m benchmarks.real_terms [PATH_TO/aiact_art3_definitions_parallel.jsonl]
    (default: $INTERLEX_REAL_TERMS, else ../shared/real-terms/ beside the project)

The file aligns the Article 3 definitions in English, French, Dutch and Polish.
This script builds a throw-away project in a temporary folder: one concept per
defined term (each language's official term as the preferred term), and one
document per language with each definition as a paragraph, the English one as
the source. Nothing of the text is copied into this repository. It then runs
the check and reports, per language, how many concept mentions in the English
definitions the translated definitions carry, and what the check reports.
"""

from __future__ import annotations

import json
import os
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from tooling.check import run_check
from tooling.project import load_project

LANGUAGES = ("en", "fr", "nl", "pl")
DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "real-terms" / (
    "aiact_art3_definitions_parallel.jsonl")


def _id(term: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", term.lower()).strip("-")


def build(rows: list[dict[str, object]], root: Path) -> None:
    items = "".join(f"        - locale: {lang}\n" + ("          default: true\n" if not i else "")
                    for i, lang in enumerate(LANGUAGES))
    (root / "mkdocs.yml").write_text(f"site_name: Art 3\nplugins:\n  - i18n:\n      languages:\n"
                                     f"{items}", "utf-8")
    (root / "glossary").mkdir()
    (root / "glossary" / "domains.yaml").write_text("act:\n  name: {en: AI Act}\n", "utf-8")
    locales: dict[str, list[str]] = {lang: [] for lang in LANGUAGES[1:]}
    documents: dict[str, list[str]] = {lang: [] for lang in LANGUAGES}
    seen: set[str] = set()
    for row in rows:
        entries = {lang: row[lang] for lang in LANGUAGES if isinstance(row.get(lang), dict)}
        english = entries["en"]
        assert isinstance(english, dict)
        concept = _id(str(english["term"]))
        if concept in seen:
            continue
        seen.add(concept)
        (root / "glossary" / f"{concept}.yaml").write_text(
            f"id: {concept}\nstatus: approved\ndomain: act\nsince: \"2024.1\"\nsources:\n"
            f"  - title: Regulation (EU) 2024/1689, Article 3({row['point']})\n"
            f"definition: {json.dumps(str(english['text']))}\nterms:\n"
            f"  - term: {json.dumps(str(english['term']))}\n    status: preferred\n", "utf-8")
        for lang, entry in entries.items():
            assert isinstance(entry, dict)
            documents[lang].append(str(entry["text"]).replace("\n", " "))
            if lang != "en":
                locales[lang].append(f"{concept}:\n  terms:\n    - term: "
                                     f"{json.dumps(str(entry['term']))}\n"
                                     "      status: preferred\n  review: draft\n")
    for lang, entries_text in locales.items():
        (root / "locales" / lang).mkdir(parents=True)
        (root / "locales" / lang / "glossary.yaml").write_text("".join(entries_text), "utf-8")
    for lang, paragraphs in documents.items():
        (root / "content" / lang).mkdir(parents=True)
        (root / "content" / lang / "article-3.md").write_text(
            "# Article 3\n\n" + "\n\n".join(paragraphs) + "\n", "utf-8")


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(
        os.environ.get("INTERLEX_REAL_TERMS", DEFAULT))
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build(rows, root)
        result = run_check(load_project(root))
    counts = Counter((f.lang, f.rule) for f in result.findings
                     if f.path.startswith("content/") and f.rule not in ("stale-document",))
    print(f"{len(rows)} Article 3 definitions; findings in the translated definitions:")
    for lang in LANGUAGES[1:]:
        mine = {rule: n for (code, rule), n in counts.items() if code == lang}
        print(f"  {lang}: " + (", ".join(f"{rule} {n}" for rule, n in sorted(mine.items()))
                              or "none"))
    print("\nExamples (inconsistent-translation: the English definition uses a defined term, "
          "the aligned translation none of that term's official forms):")
    for finding in [f for f in result.findings if f.rule == "inconsistent-translation"][:12]:
        print(f"  {finding.lang} line {finding.span.line}: {finding.concept}: expected one of "
              f"{finding.suggestion!r}")


if __name__ == "__main__":
    main()
