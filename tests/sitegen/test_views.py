from __future__ import annotations

from tooling.sitegen.views import direction


def test_direction_comes_from_the_locale_data() -> None:
    assert [direction(code) for code in ("ar", "he", "fa", "en", "ja", "zz", "")] == [
        "rtl", "rtl", "rtl", "ltr", "ltr", "ltr", "ltr"]
