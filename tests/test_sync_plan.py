"""The sync's pure decisions: digests, the plan from source and remote, the adaptive write rate."""

from __future__ import annotations

import pytest

from dust_ext.sync._pacing import MINIMUM_PER_MINUTE, AdaptiveRate
from dust_ext.sync._plan import (
    DIGEST_TAG_PREFIX,
    MANAGED_TAG,
    SCOPE_TAG_PREFIX,
    RemoteDocument,
    digest_of,
    plan_sync,
    tags_for,
)
from dust_ext.sync._source import DesiredDocument, DesiredFolder, SkippedInput, title_from


def doc(document_id: str, text: str = "text", **fields: object) -> DesiredDocument:
    return DesiredDocument(
        document_id=document_id,
        title=document_id,
        text=text,
        mime_type="text/plain",
        origin=document_id,
        **fields,
    )  # type: ignore[arg-type]


def written(document: DesiredDocument, scope: str = "default") -> RemoteDocument:
    return RemoteDocument(
        document.document_id, (*tags_for(document, scope), f"title:{document.title}"), document.parents
    )


def test_the_digest_covers_what_defines_the_document_but_not_its_timestamp() -> None:
    base = doc("a")
    assert digest_of(base) == digest_of(doc("a", timestamp=123))
    for changed in (
        doc("a", "other"),
        doc("a", tags=("x",)),
        doc("a", source_url="https://x"),
        doc("a", parents=("a", "f")),
    ):
        assert digest_of(changed) != digest_of(base)
    assert digest_of(doc("a", tags=("x", "y"))) == digest_of(doc("a", tags=("y", "x")))


def test_tags_carry_the_marker_scope_and_digest_and_drop_spoofed_ones() -> None:
    tags = tags_for(doc("a", tags=("team", "dust-sync:managed", "team")), "wiki")
    assert tags == [
        "team",
        MANAGED_TAG,
        SCOPE_TAG_PREFIX + "wiki",
        DIGEST_TAG_PREFIX + digest_of(doc("a", tags=("team", "dust-sync:managed", "team"))),
    ]


def test_plan_from_remote_truth() -> None:
    same, changed, new = doc("same"), doc("changed", "v2"), doc("new")
    remote = [
        written(same),
        written(doc("changed", "v1")),
        written(doc("gone")),
        RemoteDocument("manual", ("title:x",)),
    ]
    plan = plan_sync([same, changed, new], [], [], remote, scope="default")
    assert [(a.kind, a.target_id, a.reason) for a in plan.actions] == [
        ("update", "changed", "changed"),
        ("create", "new", "new"),
        ("skip", "same", "unchanged"),
        ("skip", "gone", "gone from the source (kept: no --delete)"),
    ]
    with_delete = plan_sync([same, changed, new], [], [], remote, scope="default", delete=True)
    assert with_delete.counts() == {"update": 1, "create": 1, "delete": 1, "skip": 1}
    assert with_delete.of_kind("delete")[0].target_id == "gone"


def test_other_scopes_and_hand_made_documents_are_never_deleted_nor_overwritten() -> None:
    remote = [written(doc("theirs"), scope="other"), RemoteDocument("manual"), RemoteDocument("clash")]
    plan = plan_sync([doc("clash")], [], [], remote, scope="default", delete=True)
    assert [(a.kind, a.target_id) for a in plan.actions] == [("skip", "clash")]
    assert plan.actions[0].reason.startswith(
        "conflict: a document with this id exists (not written by dust sync)"
    )
    adopted = plan_sync([doc("clash")], [], [], remote, scope="default", delete=True, adopt=True)
    assert [(a.kind, a.target_id) for a in adopted.actions] == [("update", "clash")]


def test_an_unreadable_input_keeps_its_document() -> None:
    remote = [written(doc("a"))]
    plan = plan_sync(
        [],
        [],
        [SkippedInput("a.md", "unreadable: Permission denied", "a")],
        remote,
        scope="default",
        delete=True,
    )
    assert [(a.kind, a.reason) for a in plan.actions] == [
        ("skip", "kept: its source cannot be read now"),
        ("skip", "unreadable: Permission denied"),
    ]


def test_folders_are_known_through_documents_parents_and_deleted_before_their_documents() -> None:
    folder = DesiredFolder("dust-sync-folder-g", "g", ("dust-sync-folder-g",), "g/")
    inside = doc("a", parents=("a", "dust-sync-folder-g"))
    first = plan_sync([inside], [folder], [], [], scope="default")
    assert [a.kind for a in first.actions] == ["create_folder", "create"]
    again = plan_sync([inside], [folder], [], [written(inside)], scope="default")
    assert [a.kind for a in again.actions] == ["skip"]
    emptied = plan_sync([], [], [], [written(inside)], scope="default", delete=True)
    assert [(a.kind, a.target_id) for a in emptied.actions] == [
        ("delete_folder", "dust-sync-folder-g"),
        ("delete", "a"),
    ]


def test_front_matter_title() -> None:
    assert title_from('---\ntitle: "Hello"\nx: 1\n---\nbody', "a.md") == "Hello"
    assert title_from("no front matter", "a.md") == "a.md"
    assert len(title_from("", "t" * 600)) == 512


def test_adaptive_rate_spaces_halves_on_429_and_recovers() -> None:
    rate = AdaptiveRate(120)
    assert [rate.reserve(0.0) for _ in range(3)] == [0.0, 0.5, 1.0]
    rate.limited(now=1.0, retry_after=10)
    assert rate.current == 60
    assert rate.reserve(1.0) == pytest.approx(10.0)  # held until Retry-After
    assert rate.reserve(1.0) == pytest.approx(11.0)  # then one per second (60/min)
    for _ in range(100):
        rate.succeeded()
    assert rate.current == 120
    for _ in range(20):
        rate.limited(now=0.0, retry_after=0)
    assert rate.current == MINIMUM_PER_MINUTE
    with pytest.raises(ValueError, match="positive"):
        AdaptiveRate(0)
