from enum import StrEnum


class ValidateActionBodyApproved(StrEnum):
    ALWAYS_APPROVED = "always_approved"
    APPROVED = "approved"
    REJECTED = "rejected"

    def __str__(self) -> str:
        return str(self.value)
