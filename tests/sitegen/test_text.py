from __future__ import annotations

import markdown

from tooling.sitegen.text import attribute, inline, page_title, relative_url, safe_url


def test_inline_text_is_never_markup() -> None:
    text = "a <script>*x*\n [l](javascript:1) 1. # | \\ _b_ & `c`"
    escaped = inline(text)
    assert escaped == ("a &lt;script&gt;\\*x\\* \\[l\\]\\(javascript:1\\) 1\\. \\# \\| \\\\ "
                       "\\_b\\_ &amp; \\`c\\`")
    assert markdown.markdown(escaped, extensions=["tables"]) == (
        "<p>a &lt;script&gt;*x* [l](javascript:1) 1. # | \\ _b_ &amp; `c`</p>")


def test_attributes_and_titles() -> None:
    assert attribute('say "hi"\n<now>') == "say &quot;hi&quot; &lt;now&gt;"
    assert page_title('</title><b a="1">\'x\' & y') == '"‹/title›‹b a=”1”›’x’ ＆ y"'


def test_only_web_and_mail_urls_are_links() -> None:
    assert safe_url(" https://example.org/a ") == "https://example.org/a"
    assert safe_url("mailto:a@example.org") == "mailto:a@example.org"
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("JaVaScRiPt:alert(1)") is None
    assert safe_url("data:text/html,x") is None
    assert safe_url(None) is None and safe_url("") is None


def test_relative_urls_work_from_any_sub_path() -> None:
    assert relative_url("fr/guidance/x/", "fr/glossary/a/") == "../../glossary/a/"
    assert relative_url("fr/", "fr/glossary/a/") == "glossary/a/"
    assert relative_url("", "glossary/a/") == "glossary/a/"
    assert relative_url("fr/glossary/a/", "fr/glossary/a/") == "./"
    assert relative_url("fr/guidance/x.html", "fr/glossary/a.html") == "../glossary/a.html"
    assert relative_url("fr/glossary/downloads/", "downloads/g.tbx") == "../../../downloads/g.tbx"
