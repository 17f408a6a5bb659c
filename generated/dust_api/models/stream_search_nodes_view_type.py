from enum import StrEnum


class StreamSearchNodesViewType(StrEnum):
    ALL = "all"
    DOCUMENT = "document"
    TABLE = "table"

    def __str__(self) -> str:
        return str(self.value)
