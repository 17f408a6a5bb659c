"""Reading a sync source without a server: what a folder's globs, .gitignore files and hidden paths let in."""

from __future__ import annotations

from pathlib import Path

import pytest

from dust_ext.exceptions import DustConfigError
from dust_ext.sync import DatasetSource, FolderSource, read_source


def tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)


def origins(source: FolderSource) -> list[str]:
    return [document.origin for document in read_source(source, "default").documents]


def test_gitignore_files_apply_from_their_folder_down(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            ".gitignore": "build/\n*.log\n",
            "build/out.md": "x",
            "docs/a.md": "a",
            "docs/debug.log": "x",
            "docs/.gitignore": "drafts/\n!keep.log\n",
            "docs/drafts/wip.md": "x",
            "docs/keep.log": "kept: re-included by the nested .gitignore",
            "other/drafts/b.md": "not ignored: the nested rule is docs/ only",
            ".github/ci.yml": "hidden",
        },
    )
    assert origins(FolderSource(tmp_path)) == ["docs/a.md", "docs/keep.log", "other/drafts/b.md"]
    everything = origins(FolderSource(tmp_path, include_hidden=True, use_gitignore=False))
    assert {"build/out.md", ".github/ci.yml", "docs/debug.log"} <= set(everything)


def test_include_and_exclude_globs(tmp_path: Path) -> None:
    tree(tmp_path, {"a.md": "", "b.txt": "", "guides/c.md": "", "guides/old/d.md": "", "api/e.md": ""})
    assert origins(FolderSource(tmp_path, include=("*.md",), exclude=("guides/old/",))) == [
        "a.md",
        "api/e.md",
        "guides/c.md",
    ]
    assert origins(FolderSource(tmp_path, include=("guides/**",))) == ["guides/c.md", "guides/old/d.md"]


def test_mime_types_titles_and_url_template(tmp_path: Path) -> None:
    tree(tmp_path, {"Guide Ü.md": "---\ntitle: 'Guide'\n---\n", "x.rst": "", "y.py": "", "z.unknown": "text"})
    documents = read_source(
        FolderSource(tmp_path, url_template="https://d.example/{path_no_ext}"), "default"
    ).documents
    by_origin = {document.origin: document for document in documents}
    assert [by_origin[name].mime_type for name in ("Guide Ü.md", "x.rst", "y.py", "z.unknown")] == [
        "text/markdown",
        "text/x-rst",
        "text/x-python",
        "text/plain",
    ]
    assert by_origin["Guide Ü.md"].title == "Guide"
    assert by_origin["Guide Ü.md"].source_url == "https://d.example/Guide%20%C3%9C"


def test_bad_sources_are_configuration_errors(tmp_path: Path) -> None:
    with pytest.raises(DustConfigError, match="Cannot read the folder"):
        read_source(FolderSource(tmp_path / "missing"), "default")
    (tmp_path / "rows.txt").write_text("x")
    with pytest.raises(DustConfigError, match=r"\.csv or \.jsonl"):
        read_source(DatasetSource(tmp_path / "rows.txt"), "default")
    (tmp_path / "rows.jsonl").write_text("{not json}\n")
    with pytest.raises(DustConfigError, match="line 1: not JSON"):
        read_source(DatasetSource(tmp_path / "rows.jsonl"), "default")
    tree(tmp_path, {"t/a.md": ""})
    with pytest.raises(DustConfigError, match="url-template"):
        read_source(FolderSource(tmp_path / "t", url_template="https://x/{nope}"), "default")
