"""Knowledge resources against the emulator, sync and async: spaces, data sources, documents (with
pagination), folders, tables and rows, data source views, tokenizer, upsert queue and document search."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from knowledge_support import SOURCE, SPACE, VIEW, call, collect

from dust_ext import DustBadRequestError, DustNotFoundError, DustNotSupportedError
from dust_ext.data_sources import (
    DataSource,
    Document,
    DocumentPage,
    SearchResult,
    Section,
    Space,
    Table,
    TableRow,
    TableRowPage,
)
from dust_ext.pagination import AsyncPage, Page


@pytest.fixture
def kb(dust: Any) -> Any:
    """The ``dust`` client with the knowledge resources attached."""
    return dust


# --- spaces and data sources ---------------------------------------------------------------------------


def test_spaces_and_data_sources_are_listed(kb: Any) -> None:
    spaces = kb.spaces.list()
    assert all(isinstance(space, Space) for space in spaces)
    assert [(space.sId, space.kind) for space in spaces] == [(SPACE, "global")]
    sources = kb.data_sources.list(SPACE)
    assert [source.sId for source in sources] == [SOURCE]
    assert isinstance(sources[0], DataSource)
    assert sources[0].name == "knowledge"
    assert sources[0].connectorProvider is None


def test_creating_or_deleting_a_data_source_says_where_to_do_it(kb: Any) -> None:
    with pytest.raises(DustNotSupportedError, match="public API") as raised:
        kb.data_sources.create(SPACE, name="new")
    assert "Dust web app" in str(raised.value)
    assert "documents.upsert" in str(raised.value)
    with pytest.raises(DustNotSupportedError, match="cannot delete a data source") as raised:
        kb.data_sources.delete(SPACE, SOURCE)
    assert "Delete it in the Dust web app" in str(raised.value)
    assert "documents.delete" in str(raised.value)
    assert "Create it" not in str(raised.value)  # the way to create one is create()'s answer, not delete()'s
    assert [source.sId for source in kb.data_sources.list(SPACE)] == [SOURCE]


def test_unknown_space_or_data_source_is_a_not_found_error(kb: Any) -> None:
    with pytest.raises(DustNotFoundError) as info:
        kb.data_sources.list("vlt_nope")
    assert info.value.error_type == "space_not_found"
    with pytest.raises(DustNotFoundError) as info:
        kb.data_sources.documents.get(SPACE, "dts_nope", "doc")
    assert info.value.error_type == "data_source_not_found"
    assert info.value.status_code == 404


def test_tokenize_and_upsert_queue(kb: Any) -> None:
    tokens = kb.data_sources.tokenize(SPACE, SOURCE, "Hello, world!")
    assert [token[1] for token in tokens] == ["Hello", ",", " world", "!"]
    assert all(isinstance(token[0], int) for token in tokens)
    assert kb.data_sources.check_upsert_queue(SPACE, SOURCE) == 0


# --- documents -----------------------------------------------------------------------------------------


def test_document_upsert_get_update_parents_and_delete(kb: Any) -> None:
    documents = kb.data_sources.documents
    stamp = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
    stored = documents.upsert(
        SPACE,
        SOURCE,
        "handbook",
        text="Vacation policy: 25 days a year.",
        title="Handbook",
        tags=["hr", "policy"],
        parents=["handbook", "folder-hr"],
        source_url="https://example.com/handbook",
        timestamp=stamp,
        mime_type="text/markdown",
    )
    assert isinstance(stored, Document)
    assert stored.document_id == "handbook"
    assert stored.text == "Vacation policy: 25 days a year."
    assert stored.timestamp == 1714564800000
    assert stored.parent_id == "folder-hr"

    fetched = documents.get(SPACE, SOURCE, "handbook")
    assert (fetched.title, fetched.tags, fetched.mime_type) == ("Handbook", ["hr", "policy"], "text/markdown")
    assert fetched.source_url == "https://example.com/handbook"
    assert fetched.chunks
    assert fetched.chunks[0].text == fetched.text

    assert documents.update_parents(SPACE, SOURCE, "handbook", ["handbook", "folder-people"]) is True
    assert documents.get(SPACE, SOURCE, "handbook").parents == ["handbook", "folder-people"]

    assert documents.delete(SPACE, SOURCE, "handbook") is True
    with pytest.raises(DustNotFoundError) as info:
        documents.get(SPACE, SOURCE, "handbook")
    assert info.value.error_type == "data_source_document_not_found"
    with pytest.raises(DustNotFoundError):
        documents.delete(SPACE, SOURCE, "handbook")


def test_document_from_sections_and_light_output(kb: Any) -> None:
    section = Section(
        prefix="# Guide", content="Intro.", sections=[Section(prefix="## Setup", content="Install it.")]
    )
    light = kb.data_sources.documents.upsert(
        SPACE, SOURCE, "guide", section=section, light_document_output=True
    )
    assert light.text is None
    assert light.chunks == []
    text = kb.data_sources.documents.get(SPACE, SOURCE, "guide").text
    assert text == "# Guide\nIntro.\n## Setup\nInstall it."
    as_dict = kb.data_sources.documents.upsert(SPACE, SOURCE, "guide", section={"content": "Plain."})
    assert as_dict.text == "Plain."


def test_document_upsert_needs_exactly_one_content(kb: Any) -> None:
    with pytest.raises(TypeError, match="exactly one of text= or section="):
        kb.data_sources.documents.upsert(SPACE, SOURCE, "x")
    with pytest.raises(TypeError, match="exactly one"):
        kb.data_sources.documents.upsert(SPACE, SOURCE, "x", text="a", section={"content": "b"})
    with pytest.raises(DustNotFoundError):
        kb.data_sources.documents.update_parents(SPACE, SOURCE, "x", ["x"])
    kb.data_sources.documents.upsert(SPACE, SOURCE, "x", text="x")
    with pytest.raises(DustBadRequestError) as info:
        kb.data_sources.documents.update_parents(SPACE, SOURCE, "x", ["someone-else"])
    assert info.value.error_type == "invalid_request_error"
    assert "parents[0]" in info.value.message


def test_documents_list_returns_a_page_that_walks_every_page(kb: Any) -> None:
    documents = kb.data_sources.documents
    ids = [f"doc-{index:02d}" for index in range(7)]
    for document_id in reversed(ids):
        documents.upsert(SPACE, SOURCE, document_id, text=f"Document {document_id}.")

    page = documents.list(SPACE, SOURCE, limit=3, offset=2)
    assert isinstance(page, Page | AsyncPage)
    assert isinstance(page.body, DocumentPage)
    assert page.total == 7
    assert [doc.document_id for doc in page.documents] == ids[2:5]
    assert page.items == page.documents
    assert page.has_next_page()
    only = documents.list(SPACE, SOURCE, document_ids=["doc-01", "doc-05"])
    assert [doc.document_id for doc in only.documents] == ["doc-01", "doc-05"]
    assert (only.total, only.has_next_page()) == (2, False)

    first = documents.list(SPACE, SOURCE, limit=2)
    assert [doc.document_id for doc in first.items] == ids[:2]
    assert (first.total, first.has_next_page()) == (7, True)
    second = call(kb, first.get_next_page)
    assert type(second) is type(first)
    assert [doc.document_id for doc in second.documents] == ids[2:4]
    assert [doc.document_id for doc in collect(kb, first)] == ids
    pages = collect(kb, first.iter_pages())
    assert [len(one.documents) for one in pages] == [2, 2, 2, 1]
    assert not pages[-1].has_next_page()
    with pytest.raises(LookupError, match="last page"):
        call(kb, pages[-1].get_next_page)
    assert [doc.document_id for doc in collect(kb, documents.list(SPACE, SOURCE, limit=7))] == ids
    assert [doc.document_id for doc in collect(kb, page)] == ids[2:]


def test_deprecated_documents_iter_still_walks_every_page(kb: Any) -> None:
    documents = kb.data_sources.documents
    ids = [f"doc-{index:02d}" for index in range(5)]
    for document_id in ids:
        documents.upsert(SPACE, SOURCE, document_id, text=f"Document {document_id}.")
    with pytest.warns(DeprecationWarning, match=r"iterate the page returned by documents\.list"):
        walked = documents.iter(SPACE, SOURCE, page_size=2)
    assert [doc.document_id for doc in collect(kb, walked)] == ids


def test_listing_an_unknown_data_source_raises_not_found(kb: Any) -> None:
    with pytest.raises(DustNotFoundError):
        kb.data_sources.documents.list(SPACE, "dts_nope")


# --- data source search --------------------------------------------------------------------------------


def _seed_animals(kb: Any) -> None:
    documents = kb.data_sources.documents
    documents.upsert(
        SPACE, SOURCE, "cats", text="Cats purr and sleep all day.", tags=["pets"], timestamp=1000
    )
    documents.upsert(
        SPACE, SOURCE, "dogs", text="Dogs bark. Dogs sleep at night.", tags=["pets"], parents=["dogs", "barn"]
    )
    documents.upsert(SPACE, SOURCE, "wolves", text="Wolves sleep in packs.", tags=["wild"], timestamp=5000)


def test_data_source_search_with_filters(kb: Any) -> None:
    _seed_animals(kb)
    hits = kb.data_sources.search(SPACE, SOURCE, "dogs sleep", top_k=2)
    assert all(isinstance(hit, SearchResult) for hit in hits)
    assert [hit.document_id for hit in hits] == ["dogs", "cats"]
    assert hits[0].score is not None
    assert hits[1].score is not None
    assert hits[0].score > hits[1].score
    assert hits[0].text is None
    assert hits[0].chunks[0].text == "Dogs bark. Dogs sleep at night."

    full = kb.data_sources.search(SPACE, SOURCE, "sleep", full_text=True, tags_in=["wild"])
    assert [(hit.document_id, hit.text) for hit in full] == [("wolves", "Wolves sleep in packs.")]
    assert [hit.document_id for hit in kb.data_sources.search(SPACE, SOURCE, "sleep", tags_not=["pets"])] == [
        "wolves"
    ]
    assert [
        hit.document_id for hit in kb.data_sources.search(SPACE, SOURCE, "sleep", parents_in=["barn"])
    ] == ["dogs"]
    recent = kb.data_sources.search(SPACE, SOURCE, "sleep", timestamp_gt=2000, timestamp_lt=6000)
    assert [hit.document_id for hit in recent] == ["wolves"]


# --- folders -------------------------------------------------------------------------------------------


def test_folders_upsert_and_delete(kb: Any) -> None:
    folders = kb.data_sources.folders
    folder = folders.upsert(SPACE, SOURCE, "folder-hr", title="HR", parents=["folder-hr", "root"])
    assert (folder.folder_id, folder.title, folder.parent_id) == ("folder-hr", "HR", "root")
    assert folder.parents == ["folder-hr", "root"]
    with pytest.raises(DustBadRequestError, match="parents"):
        folders.upsert(SPACE, SOURCE, "folder-x", title="X", parents=["not-itself"])
    assert folders.delete(SPACE, SOURCE, "folder-hr") is True
    with pytest.raises(DustNotFoundError):
        folders.delete(SPACE, SOURCE, "folder-hr")


def test_global_space_by_the_paths_without_a_space(kb: Any) -> None:
    """``space_id=None`` calls the paths the JS SDK uses (no space segment), which act on the global space."""
    workspace_root = f"/api/v1/w/{kb.config.workspace_id}"
    listed = kb.data_sources.with_raw_response.list()
    assert listed.http_response.request.url.path == f"{workspace_root}/data_sources"
    assert [source.sId for source in listed.parse()] == [SOURCE]

    tokenized = kb.data_sources.with_raw_response.tokenize(None, SOURCE, "Hello, world!")
    assert tokenized.http_response.request.url.path == f"{workspace_root}/data_sources/{SOURCE}/tokenize"
    assert [token[1] for token in tokenized.parse()] == ["Hello", ",", " world", "!"]

    folders = kb.data_sources.folders
    upserted = folders.with_raw_response.upsert(None, SOURCE, "folder-js", title="JS", parents=["folder-js"])
    folder_path = f"{workspace_root}/data_sources/{SOURCE}/folders/folder-js"
    assert upserted.http_response.request.url.path == folder_path
    assert (upserted.parse().folder_id, upserted.parse().title) == ("folder-js", "JS")
    # The same folder, seen through the global space's own path: both spellings reach one data source.
    assert folders.delete(SPACE, SOURCE, "folder-js") is True
    folders.upsert(None, SOURCE, "folder-js", title="JS again")
    deleted = folders.with_raw_response.delete(None, SOURCE, "folder-js")
    assert (deleted.http_response.request.method, deleted.http_response.request.url.path) == (
        "DELETE",
        folder_path,
    )
    assert deleted.parse() is True
    with pytest.raises(DustNotFoundError):
        folders.delete(None, SOURCE, "folder-js")
    with pytest.raises(DustNotFoundError) as info:
        kb.data_sources.tokenize(None, "dts_nope", "x")
    assert info.value.error_type == "data_source_not_found"


# --- tables and rows -----------------------------------------------------------------------------------


def test_tables_upsert_get_list_delete(kb: Any) -> None:
    tables = kb.data_sources.tables
    created = tables.upsert(
        SPACE, SOURCE, name="employees", description="Who works here", table_id="tbl_emp", tags=["hr"]
    )
    assert isinstance(created, Table)
    assert (created.table_id, created.name, created.title, created.table_schema) == (
        "tbl_emp",
        "employees",
        "employees",
        None,
    )
    renamed = tables.upsert(SPACE, SOURCE, name="staff", description="Everyone", table_id="tbl_emp")
    assert renamed.name == "staff"
    generated = tables.upsert(SPACE, SOURCE, name="projects", description="What we build")
    assert generated.table_id
    assert generated.table_id != "tbl_emp"
    assert sorted(table.table_id for table in tables.list(SPACE, SOURCE)) == sorted(
        ["tbl_emp", generated.table_id]
    )
    assert tables.get(SPACE, SOURCE, "tbl_emp").description == "Everyone"
    assert tables.delete(SPACE, SOURCE, "tbl_emp") is True
    with pytest.raises(DustNotFoundError) as info:
        tables.get(SPACE, SOURCE, "tbl_emp")
    assert info.value.error_type == "table_not_found"


def test_rows_upsert_list_pages_get_delete(kb: Any) -> None:
    tables = kb.data_sources.tables
    tables.upsert(SPACE, SOURCE, name="scores", description="Scores", table_id="tbl_scores")
    rows: list[Any] = [
        {"row_id": f"r{index}", "value": {"name": f"player {index}", "score": index * 10}}
        for index in range(5)
    ]
    rows.append(TableRow(row_id="r5", value={"name": "player 5", "score": 2.5, "active": True}))
    table = tables.rows.upsert(SPACE, SOURCE, "tbl_scores", rows)
    schema = {column.name: column.value_type for column in table.table_schema or []}
    assert schema == {"name": "text", "score": "float", "active": "bool"}

    page = tables.rows.list(SPACE, SOURCE, "tbl_scores", limit=2, offset=1)
    assert isinstance(page.body, TableRowPage)
    assert [row.row_id for row in page.rows] == ["r1", "r2"]
    assert (page.total, page.offset, page.limit) == (6, 1, 2)
    all_ids = [f"r{index}" for index in range(6)]
    assert [row.row_id for row in collect(kb, page)] == all_ids[1:]
    first = tables.rows.list(SPACE, SOURCE, "tbl_scores", limit=2)
    assert [row.row_id for row in first.items] == ["r0", "r1"]
    assert (first.total, first.has_next_page()) == (6, True)
    second = call(kb, first.get_next_page)
    assert [row.row_id for row in second.rows] == ["r2", "r3"]
    assert (second.offset, second.limit) == (2, 2)
    assert [row.row_id for row in collect(kb, first)] == all_ids
    assert [len(one.rows) for one in collect(kb, first.iter_pages())] == [2, 2, 2]
    with pytest.warns(DeprecationWarning, match=r"iterate the page returned by tables\.rows\.list"):
        walked = tables.rows.iter(SPACE, SOURCE, "tbl_scores", page_size=4)
    assert [row.row_id for row in collect(kb, walked)] == all_ids

    row = tables.rows.get(SPACE, SOURCE, "tbl_scores", "r3")
    assert row.value == {"name": "player 3", "score": 30}
    assert tables.rows.delete(SPACE, SOURCE, "tbl_scores", "r3") is True
    with pytest.raises(DustNotFoundError):
        tables.rows.get(SPACE, SOURCE, "tbl_scores", "r3")

    tables.rows.upsert(SPACE, SOURCE, "tbl_scores", [{"row_id": "only", "value": {"n": 1}}], truncate=True)
    assert [row.row_id for row in collect(kb, tables.rows.list(SPACE, SOURCE, "tbl_scores"))] == ["only"]
    with pytest.raises(TypeError, match="row_id"):
        tables.rows.upsert(SPACE, SOURCE, "tbl_scores", [{"value": {"n": 1}}])
    with pytest.raises(DustNotFoundError):
        tables.rows.list(SPACE, SOURCE, "tbl_missing")


# --- data source views ---------------------------------------------------------------------------------


def test_data_source_views_list_get_update_search(kb: Any) -> None:
    _seed_animals(kb)
    views = kb.data_source_views
    listed = views.list(SPACE)
    assert [(view.sId, view.kind, view.parentsIn) for view in listed] == [(VIEW, "default", None)]
    assert listed[0].dataSource is not None
    assert listed[0].dataSource.sId == SOURCE
    assert views.get(SPACE, VIEW).spaceId == SPACE

    restricted = views.update(SPACE, VIEW, parents_in=["barn"])
    assert restricted.parentsIn == ["barn"]
    assert [hit.document_id for hit in views.search(SPACE, VIEW, "sleep")] == ["dogs"]
    widened = views.update(SPACE, VIEW, parents_to_add=["cats", "wolves"], parents_to_remove=["barn"])
    assert widened.parentsIn == ["cats", "wolves"]
    assert sorted(hit.document_id for hit in views.search(SPACE, VIEW, "sleep", top_k=5)) == [
        "cats",
        "wolves",
    ]
    assert views.update(SPACE, VIEW, parents_in=None).parentsIn is None
    assert len(views.search(SPACE, VIEW, "sleep", full_text=True)) == 3

    assert [view.sId for view in views.find(data_source_id=SOURCE)] == [VIEW]
    assert [view.sId for view in views.find(space_kind="global", kind="default")] == [VIEW]
    assert views.find(kind="custom") == []

    # Dust registers no DELETE on a view: the SDK says so instead of sending a request that cannot work.
    with pytest.raises(DustNotSupportedError, match="update"):
        views.delete(SPACE, VIEW)
    assert [view.sId for view in views.list(SPACE)] == [VIEW]
    with pytest.raises(DustNotFoundError) as info:
        views.get(SPACE, "dsv_missing")
    assert info.value.error_type == "data_source_view_not_found"


def test_view_update_needs_one_kind_of_change(kb: Any) -> None:
    with pytest.raises(TypeError, match="parents_in"):
        kb.data_source_views.update(SPACE, VIEW)
    with pytest.raises(TypeError, match="do not combine"):
        kb.data_source_views.update(SPACE, VIEW, parents_in=["a"], parents_to_add=["b"])


def test_raw_response_of_a_knowledge_call(kb: Any) -> None:
    raw = kb.data_sources.documents.with_raw_response.list(SPACE, SOURCE, limit=1)
    assert raw.status_code == 200
    assert raw.parse().total == 0
