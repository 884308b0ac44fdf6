from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import write
from tooling.errors import InterlexError
from tooling.project import find_root, load_project

I18N = """plugins:
  - search
  - i18n:
      languages:
        - locale: en
          name: English
          default: true
        - locale: fr
        - locale: ar
          name: العربية
  - interlex:
      partial_languages: [ar]
"""


def test_root_is_the_nearest_folder_with_mkdocs_yml(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yml", I18N)
    nested = tmp_path / "content" / "en" / "deep"
    nested.mkdir(parents=True)
    assert find_root(nested) == tmp_path
    assert find_root(tmp_path) == tmp_path


def test_no_project_above_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InterlexError, match=r"no mkdocs\.yml in .* or any folder above it"):
        find_root(tmp_path)


def test_languages_and_settings_come_from_mkdocs_yml(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yml", "site_url: !ENV [SITE, 'x']\n" + I18N)
    project = load_project(tmp_path)
    assert project.source.code == "en"
    assert [(lang.code, lang.name) for lang in project.languages] == [
        ("en", "English"), ("fr", "fr"), ("ar", "العربية")]
    assert [lang.code for lang in project.translations] == ["fr", "ar"]
    assert project.is_required("fr") and not project.is_required("ar")
    assert project.language("ar").span.line == 10
    assert project.codes == frozenset({"en", "fr", "ar"})


def test_plugins_may_be_a_mapping(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yml", "plugins:\n  search: {}\n  i18n:\n    languages:\n"
          "      - {locale: ja, default: true}\n")
    project = load_project(tmp_path)
    assert project.source.code == "ja"
    assert project.settings.partial_languages == frozenset()


@pytest.mark.parametrize(("config", "message"), [
    ("site_name: x\n", "mkdocs.yml:1:1: the i18n plugin is not configured; add `- i18n:` with "
                       "its `languages` list (mkdocs-static-i18n)"),
    ("plugins:\n  - i18n\n", "mkdocs.yml:2:5: the i18n plugin has no `languages` list; add one "
                             "entry per language with `locale:`"),
    ("plugins:\n  - i18n:\n      languages:\n        - locale: en\n",
     "mkdocs.yml:4:9: exactly one language needs `default: true` (the source language); "
     "found 0"),
    ("plugins:\n  - i18n:\n      languages:\n        - {locale: en, default: true}\n"
     "        - {locale: en}\n        - {name: x}\n",
     "mkdocs.yml:5:11: language 'en' is listed twice; remove one\n"
     "mkdocs.yml:6:11: each language needs a `locale:` code such as `fr`"),
    ("plugins:\n  - i18n:\n      languages:\n        - {locale: en, default: true}\n"
     "  - interlex:\n      partial_languages: [de]\n",
     "mkdocs.yml:6:27: 'de' is not a language of the i18n plugin; add it there or remove it "
     "here"),
    ("plugins:\n  - i18n:\n      languages:\n        - {locale: en, default: true}\n"
     "  - interlex:\n      partial_languages: de\n",
     "mkdocs.yml:6:26: `partial_languages` must be a list of locale codes"),
    ("plugins: [\n", "mkdocs.yml:2:1: while parsing a flow node: did not find expected node "
                     "content"),
])
def test_configuration_errors_say_where(tmp_path: Path, config: str, message: str) -> None:
    write(tmp_path / "mkdocs.yml", config)
    with pytest.raises(InterlexError) as error:
        load_project(tmp_path)
    assert str(error.value) == message


def test_missing_config_file(tmp_path: Path) -> None:
    with pytest.raises(InterlexError, match=r"mkdocs\.yml: not found; pass -C with the folder"):
        load_project(tmp_path)


def test_odd_plugin_entries_are_ignored(tmp_path: Path) -> None:
    write(tmp_path / "mkdocs.yml", "plugins:\n  - 42\n  - {a: 1, b: 2}\n  - i18n:\n"
          "      languages: [{locale: en, default: true}]\n")
    assert load_project(tmp_path).source.code == "en"
