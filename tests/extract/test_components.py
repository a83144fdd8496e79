"""dateline's spaCy components: registered factories, the shipped config, declared extensions."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import registry

from dateline import doctext, settings
from dateline.extract import components
from dateline.extract.components import PACKAGED_PIPELINE, add_pipeline, ensure_component, pipeline_config
from dateline.models import Article

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


def _factories(config) -> list[str]:
    return [config["components"][name]["factory"] for name in config["nlp"]["pipeline"]]


def test_the_packaged_config_names_registered_versioned_factories():
    config = pipeline_config(PACKAGED_PIPELINE)
    factories = _factories(config)
    assert factories and all(Language.has_factory(f) for f in factories)
    assert all(f.startswith("dateline_") and f.endswith("_v1") for f in factories)
    assert config["nlp"]["pipeline"][-1] == "dateline_events"


def test_every_factory_is_advertised_through_the_spacy_factories_entry_point():
    advertised = tomllib.loads(PYPROJECT.read_text())["project"]["entry-points"]["spacy_factories"]
    assert sorted(advertised) == sorted(_factories(pipeline_config(PACKAGED_PIPELINE)))
    for factory, target in advertised.items():
        module, function = target.split(":")
        assert module == components.__name__ and callable(getattr(components, function))
        assert Language.get_factory_meta(factory).factory == factory


def test_every_assigned_attribute_is_a_declared_extension():
    for factory in _factories(pipeline_config(PACKAGED_PIPELINE)):
        for attr in Language.get_factory_meta(factory).assigns:
            if attr.startswith("doc._."):
                assert Doc.has_extension(attr.removeprefix("doc._."))


def test_the_settings_may_name_another_pipeline(tmp_path):
    own = tmp_path / "pipeline.cfg"
    own.write_text('[nlp]\npipeline = ["dateline_triggers"]\n\n[components]\n\n'
                   '[components.dateline_triggers]\nfactory = "dateline_triggers_v1"\n')  # fmt: skip
    assert settings.current().extract.pipeline == ""
    assert _factories(pipeline_config()) == _factories(pipeline_config(PACKAGED_PIPELINE))
    settings.activate(settings.load(overrides={"extract.pipeline": str(own)}))
    try:
        assert list(pipeline_config()["nlp"]["pipeline"]) == ["dateline_triggers"]
    finally:
        settings.activate(None)


@registry.misc("dateline_tests.nothing.v1")
def _nothing() -> None:
    return None


def _without_loaded_parts(config):
    """The config with the geoparser and actor coder left out (no gazetteer or lexicon loaded)."""
    for name in config["nlp"]["pipeline"]:
        for part in ("geoparser", "actor_coder"):
            if part in config["components"][name]:
                config["components"][name][part] = {"@misc": "dateline_tests.nothing.v1"}
    return config


def test_a_missing_pipeline_file_is_a_config_error(tmp_path):
    from dateline.errors import ConfigError

    with pytest.raises(ConfigError, match="extract.pipeline"):
        pipeline_config(tmp_path / "nowhere.cfg")


def test_add_pipeline_puts_the_config_order_back_after_ensure_component():
    config = _without_loaded_parts(pipeline_config(PACKAGED_PIPELINE))
    nlp = spacy.blank("en")
    ensure_component(nlp)
    assert nlp.pipe_names == ["dateline_triggers"]
    add_pipeline(nlp, config)
    assert nlp.pipe_names == list(config["nlp"]["pipeline"])
    assert add_pipeline(nlp, config).pipe_names == list(config["nlp"]["pipeline"])  # idempotent


def test_text_of_and_the_article_are_declared_extensions():
    nlp = spacy.blank("en")
    doc = nlp.make_doc("Rebels attacked a convoy.")
    assert doctext.text_of(doc) == doc._.dateline_text == "Rebels attacked a convoy."
    assert doctext.article_of(doc) == Article(id="", text="Rebels attacked a convoy.")
    assert doc._.dateline_article is doctext.article_of(doc)
    other = nlp.make_doc("          Rebels attacked.")
    other._.dateline_article = Article(id="a", text="Headline  Rebels attacked.")
    assert doctext.input_text(other) == "Headline  Rebels attacked."


@pytest.mark.model
def test_the_default_pipeline_writes_its_extensions_and_reports_no_problems(nlp):
    from dateline.extract import Extractor

    pipeline = Extractor(nlp).nlp
    assert not any(pipeline.analyze_pipes(pretty=False)["problems"].values())
    doc = pipeline.make_doc("Rebels attacked a convoy near Gao on Monday, killing three soldiers.")
    doc._.dateline_article = Article(id="d1", text=doc.text, published="2020-03-04")
    (doc,) = pipeline.pipe([doc])
    assert [e.trigger.text for e in doc._.dateline_events] == ["attacked"]
    assert [t.name for t in doc._.dateline_toponyms] == ["Gao"]
    assert doc._.dateline_timexes and doc._.dateline_counts
    assert doc._.dateline_events[0].location.name == "Gao"


@pytest.mark.model
def test_a_plain_text_goes_through_the_pipeline_as_an_article_of_its_own(nlp):
    from dateline.extract import Extractor

    doc = Extractor(nlp).nlp("Police arrested two men in Lagos.")
    assert doc._.dateline_article.text == "Police arrested two men in Lagos."
    assert [e.trigger.text for e in doc._.dateline_events] == ["arrested"]
