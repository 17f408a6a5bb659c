from enum import StrEnum


class CreateFileUploadBodyUseCase(StrEnum):
    AVATAR = "avatar"
    CONVERSATION = "conversation"
    FOLDERS_DOCUMENT = "folders_document"
    TOOL_OUTPUT = "tool_output"
    UPSERT_DOCUMENT = "upsert_document"
    UPSERT_TABLE = "upsert_table"

    def __str__(self) -> str:
        return str(self.value)
