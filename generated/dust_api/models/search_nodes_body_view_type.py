from enum import StrEnum


class SearchNodesBodyViewType(StrEnum):
    ALL = "all"
    DOCUMENT = "document"
    TABLE = "table"

    def __str__(self) -> str:
        return str(self.value)
