"""Keep a data source in step with a docs folder: the first run writes every page, the next ones only what
changed; pages removed from the folder are deleted (only those this sync wrote).

    DUST_WORKSPACE_ID=... DUST_API_KEY=... python examples/sync_docs_folder.py [FOLDER]

Against real Dust, set DUST_SPACE_ID / DUST_DATA_SOURCE_ID to a data source of yours (data sources are
created in the Dust app). Without FOLDER the script writes a small docs folder in a temporary directory.
The defaults fit the local emulator.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from dust_ext import DustClient
from dust_ext.sync import sync_folder


def sample_docs() -> Path:
    folder = Path(tempfile.mkdtemp(prefix="dust-sync-example-"))
    (folder / "guides").mkdir()
    (folder / "index.md").write_text("# Handbook\n\nEverything about working here.\n", encoding="utf-8")
    (folder / "guides" / "holidays.md").write_text(
        "---\ntitle: Holidays\n---\nEveryone has 25 days of paid holidays.\n", encoding="utf-8"
    )
    (folder / "guides" / "expenses.md").write_text("Submit expenses within 30 days.\n", encoding="utf-8")
    return folder


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else sample_docs()
    space_id = os.environ.get("DUST_SPACE_ID", "vlt_global")
    data_source_id = os.environ.get("DUST_DATA_SOURCE_ID", "dts_knowledge")
    with DustClient() as client:
        for run in ("first run", "second run"):
            report = sync_folder(
                client,
                folder,
                space_id=space_id,
                data_source_id=data_source_id,
                include=["*.md", "*.txt"],
                url_template="https://handbook.example.com/{path_no_ext}",
                delete=True,
            )
            print(
                f"{run}: {report.created} created, {report.updated} updated, {report.deleted} deleted, "
                f"{report.unchanged} unchanged, {report.skipped} skipped, {report.failed} failed"
            )
            for action in report.actions:
                if action.kind == "skip" and action.reason != "unchanged":
                    print(f"  skipped {action.origin}: {action.reason}")


if __name__ == "__main__":
    main()
