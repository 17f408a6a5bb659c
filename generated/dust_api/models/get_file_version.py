from enum import StrEnum


class GetFileVersion(StrEnum):
    ORIGINAL = "original"
    PROCESSED = "processed"
    PUBLIC = "public"

    def __str__(self) -> str:
        return str(self.value)
