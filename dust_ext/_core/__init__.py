"""Pure cores shared by the asyncio and blocking sides: request decisions, call descriptions, pagination."""
