"""What a sync source holds: the documents (and folders) a data source should contain, read from a folder
or from a CSV/JSONL dataset, and the inputs that cannot be sent, each with its reason.

Reading never follows a path it cannot finish: only regular files are opened, without blocking (a FIFO
swapped in between the walk and the read is refused by ``fstat``, never waited on); a file over the size
limit is not read; a symlinked directory is followed only when asked, and then each real directory once
(a symlink loop ends); an unreadable, vanished or binary file is a skipped input, not an error.
"""

from __future__ import annotations

import csv
import errno
import hashlib
import io
import json
import mimetypes
import os
import re
import stat
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import quote

import pathspec

from dust_ext.exceptions import DustConfigError

__all__ = [
    "DEFAULT_MAX_DOCUMENT_BYTES",
    "MAX_TITLE_LENGTH",
    "DatasetSource",
    "DesiredDocument",
    "DesiredFolder",
    "DesiredTable",
    "FolderSource",
    "SkippedInput",
    "SourceContent",
    "document_id_for_path",
    "folder_id_for_path",
    "read_source",
]

#: The largest document text sent by default. Dust refuses a document over its plan's limit
#: (``plan.limits.dataSources.documents.sizeMb``, 403 ``data_source_quota_error``); raise it for plans
#: that allow more.
DEFAULT_MAX_DOCUMENT_BYTES = 2 * 1024 * 1024

#: Dust refuses longer titles (``MAX_NODE_TITLE_LENGTH`` in front/lib/api/content_nodes.ts): cut them.
MAX_TITLE_LENGTH = 512

#: Formats Dust extracts text from itself (PDF, Office). Dust reads them only from a file uploaded with the
#: ``folders_document`` use case, which its public files endpoint refuses to every key but a system key
#: (``isPubliclySupportedUseCase``: ``conversation`` only); such files are reported, not sent as text.
EXTRACTED_BY_DUST = frozenset(
    {".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf"}
)

#: Text formats whose type the ``mimetypes`` table lacks or gets wrong for Dust.
_MIME_TYPES = {
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".mdx": "text/markdown",
    ".rst": "text/x-rst",
    ".txt": "text/plain",
    ".html": "text/html",
    ".htm": "text/html",
    ".json": "application/json",
    ".jsonl": "application/jsonl",
    ".csv": "text/csv",
    ".tsv": "text/tab-separated-values",
    ".yaml": "application/x-yaml",
    ".yml": "application/x-yaml",
    ".xml": "text/xml",
    ".py": "text/x-python",
    ".ts": "text/x-typescript",
    ".tsx": "text/x-typescript",
    ".js": "text/javascript",
    ".go": "text/x-go",
    ".rs": "text/x-rust",
    ".java": "text/x-java",
    ".sh": "text/x-shellscript",
    ".toml": "application/toml",
    ".sql": "text/x-sql",
}

_UNSAFE_ID_CHARACTERS = re.compile(r"[^A-Za-z0-9._-]+")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_FRONT_MATTER_TITLE = re.compile(r"^title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)
_READABLE_ID_LENGTH = 80


@dataclass(frozen=True)
class DesiredDocument:
    """A document as the source says the data source should hold it."""

    document_id: str
    title: str
    text: str
    mime_type: str
    origin: str
    """Where it comes from: the file's path relative to the folder, or ``<dataset>:<row>``."""
    source_url: str | None = None
    tags: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()
    """Itself first, then its folders up to the root (only when the sync lays out a hierarchy)."""
    timestamp: int | None = None
    """Epoch ms (the file's modification time): sent, but not part of what makes the document change."""


@dataclass(frozen=True)
class DesiredFolder:
    """A folder node: ``parents`` starts with the folder's own id, then its ancestors up to the root."""

    folder_id: str
    title: str
    parents: tuple[str, ...]
    origin: str


@dataclass(frozen=True)
class DesiredTable:
    """A CSV file to be a Dust table (``csv_as_tables``): ``data`` is the file's bytes."""

    table_id: str
    name: str
    title: str
    description: str
    data: bytes
    origin: str
    source_url: str | None = None
    tags: tuple[str, ...] = ()
    parents: tuple[str, ...] = ()


@dataclass(frozen=True)
class SkippedInput:
    """An input the sync cannot send. ``document_id`` is set when it names a document: a document the sync
    wrote earlier from it is kept as it is (not deleted) while the input cannot be sent."""

    origin: str
    reason: str
    document_id: str | None = None


@dataclass
class SourceContent:
    """Everything read from a source."""

    documents: list[DesiredDocument] = field(default_factory=list)
    folders: list[DesiredFolder] = field(default_factory=list)
    tables: list[DesiredTable] = field(default_factory=list)
    skipped: list[SkippedInput] = field(default_factory=list)
    ignored: int = 0
    """Paths left out on purpose (hidden, ``.gitignore``d, not included, excluded): counted, not listed."""


@dataclass(frozen=True)
class FolderSource:
    """A folder of files, one document per file.

    ``include`` / ``exclude`` are gitignore-style globs on the path relative to the folder (``*.md``,
    ``guides/**``); hidden files and directories and what ``.gitignore`` files ignore are left out unless
    ``include_hidden`` / ``use_gitignore=False``. ``hierarchy=True`` lays the tree out as Dust folders and
    document ``parents`` — Dust accepts these only from a system API key (a plain key gets 400 "Setting a
    custom hierarchy is not supported yet" and folders answer 403). ``url_template`` builds each
    document's ``source_url`` from ``{path}`` (URL-quoted relative path), ``{path_no_ext}``, ``{name}``,
    ``{stem}`` and ``{id}``. ``csv_as_tables=True`` makes each ``.csv`` file a Dust table
    (``tables.upsert_from_csv``) instead of a text document; the CSV goes through the files API with the
    ``upsert_table`` use case, which Dust's public files endpoint accepts from system keys only.
    """

    path: Path
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    include_hidden: bool = False
    use_gitignore: bool = True
    follow_symlinks: bool = False
    hierarchy: bool = False
    url_template: str | None = None
    tags: tuple[str, ...] = ()
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES
    csv_as_tables: bool = False


@dataclass(frozen=True)
class DatasetSource:
    """A CSV (with a header) or JSONL file of documents, one per row; columns named by the options.

    ``tags_column`` holds a list (JSONL) or a comma-separated string; ``url_template`` (``{id}`` and any
    column) builds ``source_url`` when there is no ``url_column``.
    """

    path: Path
    id_column: str = "id"
    text_column: str = "text"
    title_column: str | None = "title"
    tags_column: str | None = "tags"
    url_column: str | None = "source_url"
    mime_type: str = "text/plain"
    url_template: str | None = None
    tags: tuple[str, ...] = ()
    max_document_bytes: int = DEFAULT_MAX_DOCUMENT_BYTES


def _short_hash(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()[:12]


def document_id_for_path(relative_path: str, scope: str) -> str:
    """A stable, URL-safe document id for a file: a readable slug of its path and a hash of the path and
    the sync's scope (two scopes syncing the same path into one data source do not collide)."""
    slug = _UNSAFE_ID_CHARACTERS.sub("-", relative_path).strip("-")[:_READABLE_ID_LENGTH]
    return f"{slug}-{_short_hash(scope, relative_path)}"


def folder_id_for_path(relative_dir: str, scope: str) -> str:
    """The id of the Dust folder standing for a directory (``dust-sync-folder-<slug>-<hash>``)."""
    slug = _UNSAFE_ID_CHARACTERS.sub("-", relative_dir).strip("-")[:_READABLE_ID_LENGTH]
    return f"dust-sync-folder-{slug}-{_short_hash(scope, 'folder', relative_dir)}"


def mime_type_for(name: str) -> str:
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in _MIME_TYPES:
        return _MIME_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(name, strict=False)
    return guessed if guessed and guessed.startswith("text/") else "text/plain"


def title_from(text: str, file_name: str) -> str:
    """The front matter's ``title:`` when the file starts with one, else the file name; cut to Dust's
    longest title."""
    title = file_name
    match = _FRONT_MATTER.match(text)
    if match:
        found = _FRONT_MATTER_TITLE.search(match.group(1))
        if found:
            title = found.group(1).strip().strip("\"'") or file_name
    return title[:MAX_TITLE_LENGTH]


def _url(template: str | None, values: Mapping[str, Any]) -> str | None:
    if template is None:
        return None
    try:
        return template.format_map(values)
    except (KeyError, IndexError, ValueError) as exc:
        raise DustConfigError(f"--url-template {template!r} cannot be filled: {exc!r}") from None


def read_source(source: FolderSource | DatasetSource, scope: str) -> SourceContent:
    """Read a source whole (each file once); never raises for a single bad input."""
    if isinstance(source, DatasetSource):
        return _read_dataset(source)
    return _FolderReader(source, scope).read()


# --- folders --------------------------------------------------------------------------------------------


def _spec(patterns: Sequence[str]) -> pathspec.GitIgnoreSpec | None:
    return pathspec.GitIgnoreSpec.from_lines(patterns) if patterns else None


@dataclass
class _FolderReader:
    source: FolderSource
    scope: str
    content: SourceContent = field(default_factory=SourceContent)
    _visited: set[tuple[int, int]] = field(default_factory=set)
    _folders: dict[str, DesiredFolder] = field(default_factory=dict)

    def read(self) -> SourceContent:
        root = self.source.path
        try:
            info = root.stat()
        except OSError as exc:
            raise DustConfigError(f"Cannot read the folder {str(root)!r}: {exc.strerror or exc}") from None
        if not stat.S_ISDIR(info.st_mode):
            raise DustConfigError(f"{str(root)!r} is not a folder.")
        self._visited.add((info.st_dev, info.st_ino))
        self._walk(root, PurePosixPath(), [])
        self.content.folders = sorted(self._folders.values(), key=lambda f: len(f.parents))
        self.content.documents.sort(key=lambda d: d.origin)
        return self.content

    def _ignored_by(
        self, ignores: list[tuple[PurePosixPath, pathspec.GitIgnoreSpec]], path: PurePosixPath, is_dir: bool
    ) -> bool:
        """Git's rule: the deepest ``.gitignore`` with a pattern matching the path decides (so a nested
        ``!pattern`` re-includes what a parent folder's file ignores)."""
        for base, spec in reversed(ignores):
            relative = str(path.relative_to(base)) if base.parts else str(path)
            decision = spec.check_file(relative + ("/" if is_dir else "")).include
            if decision is not None:
                return decision
        return False

    def _walk(
        self,
        directory: Path,
        relative: PurePosixPath,
        ignores: list[tuple[PurePosixPath, pathspec.GitIgnoreSpec]],
    ) -> None:
        if self.source.use_gitignore:
            gitignore = directory / ".gitignore"
            try:
                lines = gitignore.read_text(encoding="utf-8", errors="replace").splitlines()
                ignores = [*ignores, (relative, pathspec.GitIgnoreSpec.from_lines(lines))]
            except OSError:
                pass
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError as exc:
            self.content.skipped.append(
                SkippedInput(str(relative) or ".", f"unreadable folder: {exc.strerror}")
            )
            return
        include, exclude = _spec(self.source.include), _spec(self.source.exclude)
        for entry in entries:
            path = relative / entry.name
            if entry.name == ".git" or (entry.name.startswith(".") and not self.source.include_hidden):
                self.content.ignored += 1
                continue
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_link, is_dir = True, False
            if self._ignored_by(ignores, path, is_dir):
                self.content.ignored += 1
                continue
            if is_dir:
                self._enter(Path(entry.path), path, ignores, is_link)
                continue
            if exclude is not None and exclude.match_file(str(path)):
                self.content.ignored += 1
                continue
            if include is not None and not include.match_file(str(path)):
                self.content.ignored += 1
                continue
            self._read_file(Path(entry.path), path)

    def _enter(
        self,
        directory: Path,
        relative: PurePosixPath,
        ignores: list[tuple[PurePosixPath, pathspec.GitIgnoreSpec]],
        is_link: bool,
    ) -> None:
        exclude = _spec(self.source.exclude)
        if exclude is not None and exclude.match_file(str(relative) + "/"):
            self.content.ignored += 1
            return
        if is_link and not self.source.follow_symlinks:
            self.content.skipped.append(
                SkippedInput(str(relative), "symlinked folder not followed (--follow-symlinks follows them)")
            )
            return
        try:
            info = directory.stat()
        except OSError as exc:
            self.content.skipped.append(SkippedInput(str(relative), f"unreadable folder: {exc.strerror}"))
            return
        key = (info.st_dev, info.st_ino)
        if key in self._visited:
            self.content.skipped.append(SkippedInput(str(relative), "folder already visited (symlink loop)"))
            return
        self._visited.add(key)
        self._walk(directory, relative, ignores)

    def _folder_chain(self, relative_dir: PurePosixPath) -> tuple[str, ...]:
        """The folder ids from ``relative_dir`` up to the top folder (registering each folder once)."""
        chain: list[str] = []
        parts = relative_dir.parts
        for depth in range(len(parts), 0, -1):
            chain.append(folder_id_for_path("/".join(parts[:depth]), self.scope))
        for depth in range(1, len(parts) + 1):
            folder_dir = "/".join(parts[:depth])
            folder_id = folder_id_for_path(folder_dir, self.scope)
            if folder_id not in self._folders:
                self._folders[folder_id] = DesiredFolder(
                    folder_id=folder_id,
                    title=parts[depth - 1],
                    parents=tuple(chain[len(parts) - depth :]),
                    origin=folder_dir + "/",
                )
        return tuple(chain)

    def _read_file(self, path: Path, relative: PurePosixPath) -> None:
        origin = str(relative)
        document_id = document_id_for_path(origin, self.scope)

        def skip(reason: str) -> None:
            self.content.skipped.append(SkippedInput(origin, reason, document_id))

        if relative.suffix.lower() in EXTRACTED_BY_DUST:
            skip(
                f"{relative.suffix.lower()} needs Dust's own text extraction, which the public API offers to "
                "system keys only (files use case folders_document); convert it to text to sync it"
            )
            return
        data = _read_regular_file(path, self.source.max_document_bytes)
        if isinstance(data, str):
            skip(data)
            return
        if b"\0" in data[:8192]:
            skip("binary file (not text)")
            return
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            skip("binary file (not UTF-8 text)")
            return
        text = text.removeprefix("\ufeff")
        parents: tuple[str, ...] = ()
        if self.source.hierarchy:
            parents = (document_id, *self._folder_chain(relative.parent))
        if self.source.csv_as_tables and relative.suffix.lower() == ".csv":
            self.content.tables.append(
                DesiredTable(
                    table_id=document_id,
                    name=_table_name(relative.stem),
                    title=relative.name[:MAX_TITLE_LENGTH],
                    description=f"{origin} (synced by dust sync)",
                    data=data,
                    origin=origin,
                    source_url=_url(self.source.url_template, _url_values(relative, document_id)),
                    tags=self.source.tags,
                    parents=parents,
                )
            )
            return
        values = _url_values(relative, document_id)
        try:
            modified = int(path.stat().st_mtime * 1000)
        except OSError:
            modified = None
        self.content.documents.append(
            DesiredDocument(
                document_id=document_id,
                title=title_from(text, relative.name),
                text=text,
                mime_type=mime_type_for(relative.name),
                origin=origin,
                source_url=_url(self.source.url_template, values),
                tags=self.source.tags,
                parents=parents,
                timestamp=modified,
            )
        )


def _url_values(relative: PurePosixPath, node_id: str) -> dict[str, str]:
    return {
        "path": quote(str(relative)),
        "path_no_ext": quote(str(relative.with_suffix(""))),
        "name": quote(relative.name),
        "stem": quote(relative.stem),
        "id": node_id,
    }


def _table_name(stem: str) -> str:
    """A table name agents can write SQL against: lower case letters, digits and underscores."""
    name = re.sub(r"[^a-z0-9_]+", "_", stem.lower()).strip("_") or "table"
    return name if not name[0].isdigit() else f"t_{name}"


def _read_regular_file(path: Path, limit: int) -> bytes | str:
    """The file's bytes, or why it cannot be sent. Opened without blocking and checked to be a regular file
    after opening (a FIFO or device is never read); at most ``limit + 1`` bytes are read."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symlink loop"
        if isinstance(exc, FileNotFoundError):
            return "unreadable: vanished during the sync (or a broken symlink)"
        return f"unreadable: {exc.strerror or exc}"
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            kind = "FIFO" if stat.S_ISFIFO(info.st_mode) else "special file"
            return f"not a regular file ({kind})"
        if info.st_size > limit:
            return f"over the size limit ({info.st_size} bytes > {limit})"
        with os.fdopen(descriptor, "rb", closefd=True) as stream:
            descriptor = -1
            data = stream.read(limit + 1)
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"
    finally:
        if descriptor >= 0:
            os.close(descriptor)
    if len(data) > limit:
        return f"over the size limit (more than {limit} bytes)"
    return data


# --- datasets -------------------------------------------------------------------------------------------


def _dataset_rows(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DustConfigError(f"Cannot read the dataset {str(path)!r}: {exc}") from None
    if path.suffix.lower() == ".jsonl":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise DustConfigError(f"{path.name} line {number}: not JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise DustConfigError(f"{path.name} line {number}: not a JSON object")
            yield number, row
    elif path.suffix.lower() == ".csv":
        for number, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
            yield number, dict(row)
    else:
        raise DustConfigError(f"A dataset is a .csv or .jsonl file, not {path.name!r}.")


def _tags_of(value: Any) -> tuple[str, ...]:
    if value is None or value == "":
        return ()
    if isinstance(value, list):
        return tuple(str(item) for item in value)
    return tuple(part.strip() for part in str(value).split(",") if part.strip())


def _read_dataset(source: DatasetSource) -> SourceContent:
    content = SourceContent()
    seen: set[str] = set()
    for number, row in _dataset_rows(source.path):
        origin = f"{source.path.name}:{number}"
        raw_id = row.get(source.id_column)
        if raw_id is None or str(raw_id).strip() == "":
            content.skipped.append(SkippedInput(origin, f"no {source.id_column!r} value"))
            continue
        document_id = str(raw_id).strip()
        if document_id in seen:
            content.skipped.append(SkippedInput(origin, f"duplicate id {document_id!r} (first row kept)"))
            continue
        seen.add(document_id)
        text = row.get(source.text_column)
        if not isinstance(text, str):
            content.skipped.append(
                SkippedInput(origin, f"no text in column {source.text_column!r}", document_id)
            )
            continue
        size = len(text.encode())
        if size > source.max_document_bytes:
            content.skipped.append(
                SkippedInput(
                    origin, f"over the size limit ({size} bytes > {source.max_document_bytes})", document_id
                )
            )
            continue
        title_value = row.get(source.title_column) if source.title_column else None
        title = str(title_value) if title_value not in (None, "") else document_id
        url_value = row.get(source.url_column) if source.url_column else None
        source_url = str(url_value) if url_value not in (None, "") else None
        if source_url is None:
            source_url = _url(source.url_template, {**row, "id": quote(document_id)})
        tags = _tags_of(row.get(source.tags_column)) if source.tags_column else ()
        content.documents.append(
            DesiredDocument(
                document_id=document_id,
                title=title[:MAX_TITLE_LENGTH],
                text=text,
                mime_type=source.mime_type,
                origin=origin,
                source_url=source_url,
                tags=(*source.tags, *tags),
            )
        )
    return content
