from __future__ import annotations

from tooling.sitegen.views import direction, native_name


def test_direction_comes_from_the_locale_data() -> None:
    assert [direction(code) for code in ("ar", "he", "fa", "en", "ja", "zz", "")] == [
        "rtl", "rtl", "rtl", "ltr", "ltr", "ltr", "ltr"]


def test_language_names_in_their_own_script() -> None:
    assert [native_name(code, "?") for code in ("fr", "ja", "ar", "pt_BR", "zz")] == [
        "Français", "日本語", "العربية", "Português (Brasil)", "?"]
