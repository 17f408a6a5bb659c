"""``client.batch``: run every row of a dataset through one or more agents, resumably. The resource is
written once (``_behaviour_async.py``); the class and its raw views are generated (``_async.py``), the
blocking ``Batch`` by make unasync.

``client.batch.run("tickets.csv", agents="helper", prompt="Classify: {body}", output="out.jsonl")`` sends
each row's prompt to each agent in its own conversation, with at most ``concurrency`` rows in flight (fewer
while Dust answers 429), and appends one record per row x agent to the output as it finishes. Running the
same call again resumes: finished rows are skipped and a row that was in flight is completed from its
conversation, never posted twice. See :mod:`dust_ext.batch` for the record format.
"""

from dust_ext.batch._plan import Source
from dust_ext.resources.batch._async import (
    AsyncBatch,
    AsyncBatchWithRawResponse,
    AsyncBatchWithStreamingResponse,
)
from dust_ext.resources.batch._sync import Batch, BatchWithRawResponse, BatchWithStreamingResponse

__all__ = [
    "AsyncBatch",
    "AsyncBatchWithRawResponse",
    "AsyncBatchWithStreamingResponse",
    "Batch",
    "BatchWithRawResponse",
    "BatchWithStreamingResponse",
    "Source",
]
