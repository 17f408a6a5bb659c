"""Keeping ids inside their URL path segment (sans-IO).

An id goes into a path percent-encoded (``quote(id, safe="")``: ``/``, ``?``, ``#`` and ``%`` cannot split or
end the path). Three values survive encoding and still escape their segment: ``""`` (``a//b``), ``"."`` and
``".."``, which every HTTP stack resolves away (``.../rows/..`` becomes ``.../rows``: a call meant for one row
would act on the whole table). Proxies that normalise URLs decode ``%2e`` first, so its encoded forms count
too. These checks refuse them before any request is built.
"""

from __future__ import annotations

from urllib.parse import unquote

from dust_ext.exceptions import DustInvalidIdError

__all__ = ["check_path_segment", "check_relative_path", "is_dot_segment"]

_DOT_SEGMENTS = frozenset({".", ".."})


def is_dot_segment(segment: str) -> bool:
    """Whether a raw path segment means "this" or "parent" (``.``, ``..``, ``%2e``, ``.%2E``...)."""
    return segment in _DOT_SEGMENTS or ("%" in segment and unquote(segment) in _DOT_SEGMENTS)


def check_path_segment(name: str, value: object) -> None:
    """Refuse an id that cannot be one path segment (the check the request path cannot make by itself,
    since after formatting an empty id is just ``//``)."""
    text = str(value)
    if text == "" or text.strip() == "":
        raise DustInvalidIdError(
            f"{name} is empty: pass the id of an existing resource", name=name, value=text
        )
    if text in _DOT_SEGMENTS:
        raise DustInvalidIdError(
            f"{name}={text!r} is not an id: '.' and '..' are resolved away in a URL path and would "
            "target another resource",
            name=name,
            value=text,
        )


def check_relative_path(path: str, *, name: str = "path") -> None:
    """Refuse a hand-written path with an empty or dot segment, a query or a fragment.

    ``path`` is a raw URL path (ids in it already percent-encoded). A query or fragment belongs in
    ``params=``: in the path it would be sent as given, past the SDK's encoding.
    """
    if "?" in path or "#" in path:
        raise DustInvalidIdError(
            f"{name} {path!r} contains '?' or '#': pass query parameters as params={{...}}",
            name=name,
            value=path,
        )
    # The fast path: most paths have no dot, no '%' and no doubled slash.
    if "." not in path and "%" not in path and "//" not in path:
        return
    segments = path.strip("/").split("/")
    for segment in segments:
        if segment == "" or is_dot_segment(segment):
            raise DustInvalidIdError(
                f"{name} {path!r} has an empty, '.' or '..' segment, which would be resolved away and "
                "target another resource",
                name=name,
                value=path,
            )
