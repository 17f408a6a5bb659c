from enum import StrEnum


class GetFileAction(StrEnum):
    DOWNLOAD = "download"
    VIEW = "view"

    def __str__(self) -> str:
        return str(self.value)
