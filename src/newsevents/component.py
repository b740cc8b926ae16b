"""newsevents as a spaCy component: ``nlp.add_pipe("newsevents")`` codes each Doc.

The component calls :func:`newsevents.coding.code_article`, the pipeline's own per-article
function, so a Doc coded here gets the events, quotes and publication date that ``newsevents
extract`` would store for the same text. It sets:

- ``doc._.events``: tuple of :class:`~newsevents.models.Event`
- ``doc._.quotes``: tuple of :class:`~newsevents.models.Quote`
- ``doc._.published``: the article's :class:`~newsevents.models.DateValue`, or None
- ``doc._.article``: the :class:`~newsevents.models.Article` the Doc was coded as, with the
  date the coder inferred (events carry its ``id`` as ``article_id``)

Usage (``import newsevents.component`` first, or install the package, whose ``spacy_factories``
entry point lets spaCy find the factory by itself)::

    nlp = spacy.load("en_core_web_sm")
    add_line_breaks(nlp)   # newsevents.nlp.paragraphs: one sentence per line, as the pipeline
    nlp.add_pipe("newsevents", config={"published": "2011-07-13"})
    doc = nlp("Russia on Wednesday turned down an invitation from Turkey to join the talks.")

Without ``add_line_breaks`` the parser may run a headline or dateline line into the sentence
after it, and the coder then reads one long sentence (a title parsed in front of the text is
the usual victim).

Per-document metadata. A plain Doc is coded as an article whose text is the Doc's text, whose
id is derived from that text as ingest derives it (``ingest.identity.article_id``) and whose date
is the ``published`` setting, if any. spaCy does not hand ``nlp.pipe(..., as_tuples=True)``
contexts to components, so a caller with a title, URL or date per document sets ``doc._.article``
on the unparsed Doc and runs the pipeline over that Doc::

    ne = nlp.get_pipe("newsevents")
    doc = nlp.make_doc(ne.text_for(article))   # the text extract() parses
    doc._.article = article                    # e.g. Article(id, text, title=..., published=...)
    doc = nlp(doc)

The Doc's text must be ``article.text`` or :meth:`NewsEventsComponent.text_for` (a title not at
the start of the text parsed in front of it, as the pipeline does); anything else is refused,
since event offsets would not fall in the article.

Config: ``published`` (a date as ``DateValue.parse`` reads it, "2011-07-13" or "2011-07", for
Docs with no date of their own) and ``actor_files`` (the user's actor lists, as
``Settings.user_actor_files``).

Limits. The coded values are dataclasses kept in ``doc.user_data`` (beside the coder's cache
of sentence spans), which ``Doc.to_bytes`` cannot write with msgpack: ``nlp.pipe(...,
n_process=2)`` and ``DocBin(store_user_data=True)`` fail on coded Docs. To code in several
processes, parse there and call ``code_article`` in the parent, as
:func:`newsevents.pipeline.extract` does; to keep results, write ``event.to_json()``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.actors import KnowledgeBase, load_knowledge_base
from newsevents.config import Settings
from newsevents.errors import ComponentError
from newsevents.events.coder import headline_text
from newsevents.ingest.identity import article_id
from newsevents.models import Article, DateSource, DateValue
from newsevents.nlp.paragraphs import doc_text
from newsevents.coding import code_article

FACTORY = "newsevents"
# What the coder reads, as (attribute a component assigns, what provides it in en_core_web_sm).
NEEDED = (
    ("token.dep", "a dependency parser"),
    ("doc.ents", "named entities (ner)"),
    ("token.lemma", "lemmas (lemmatizer)"),
)
EXTENSIONS = {"events": (), "quotes": (), "published": None, "article": None}


def register_extensions() -> None:
    """Add the ``doc._`` attributes once per process (a second factory call keeps them)."""
    for name, default in EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


def missing_annotations(nlp: Language) -> list[str]:
    """What the coder needs that no active component of ``nlp`` assigns."""
    assigned = {attr for name in nlp.pipe_names for attr in nlp.get_pipe_meta(name).assigns}
    return [what for attr, what in NEEDED if attr not in assigned]


def publication_date(value: str | None) -> DateValue | None:
    if value is None:
        return None
    try:
        return DateValue.parse(value)
    except ValueError:
        raise ComponentError(f"newsevents: published={value!r} is no date; give one such as "
                         "'2011-07-13', '2011-07' or '2011'") from None


class NewsEventsComponent:
    """Doc -> Doc: codes the Doc as one article with ``code_article``."""

    def __init__(self, kb: KnowledgeBase, settings: Settings,
                 published: DateValue | None = None) -> None:
        self.kb = kb
        self.settings = settings
        self.published = published

    def text_for(self, article: Article) -> str:
        """The text the pipeline parses for ``article``: a title not at the start of its text
        in front of it, a Title Case headline sentence-cased (``events.coder.headline_text``)."""
        return headline_text(article, self.kb.is_name)

    def article_of(self, doc: Doc) -> Article:
        """The caller's ``doc._.article`` (checked against the Doc), else one made from the
        text; either gets the configured date when it has none of its own."""
        article, text = doc._.article, doc_text(doc)
        if article is None:
            article = Article(id=article_id(None, text), text=text)
        elif not _parses(text, article):
            raise ComponentError(
                f"newsevents: doc._.article {article.id!r} does not match the Doc: its text "
                "must be article.text or nlp.get_pipe('newsevents').text_for(article)")
        if article.published is None and self.published is not None:
            article = replace(article, published=self.published,
                              published_source=DateSource.METADATA)
        return article

    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            raise ComponentError("newsevents got a Doc without a dependency parse: put the "
                             "component after the parser")
        result = code_article(doc, self.article_of(doc), self.kb, None, self.settings)
        doc._.events = result.events
        doc._.quotes = result.quotes
        doc._.article = result.article
        doc._.published = result.article.published
        return doc


def _parses(text: str, article: Article) -> bool:
    """Is ``text`` what was parsed for ``article``: its text, or its title and text with the
    headline possibly sentence-cased (which changes only letter case)?"""
    return text == article.text or text.lower() == headline_text(article).lower()


@Language.factory(
    FACTORY,
    default_config={"published": None, "actor_files": []},
    assigns=["doc._.events", "doc._.quotes", "doc._.published", "doc._.article"],
    requires=[attr for attr, _ in NEEDED],
)
def make_newsevents(
    nlp: Language, name: str, published: str | None, actor_files: list[str]
) -> NewsEventsComponent:
    """Refuses, at ``add_pipe``, a pipeline that lacks what the coder reads; loads the actor
    knowledge base (bundled plus ``actor_files``) once."""
    missing = missing_annotations(nlp)
    if missing:
        raise ComponentError(
            f"newsevents needs {', '.join(missing)}, which no component of the pipeline "
            f"{nlp.pipe_names} provides: load en_core_web_sm (spacy.load('en_core_web_sm')) "
            "or add the missing components before newsevents")
    register_extensions()
    settings = Settings(user_actor_files=tuple(Path(path) for path in actor_files))
    kb = load_knowledge_base(settings.user_actor_files)
    return NewsEventsComponent(kb, settings, publication_date(published))
