"""Every model of a Dust object, one module per area: ``agents``, ``conversations`` (messages, fragments,
mentions), ``actions`` (tool actions and questions), ``data_sources`` (documents, tables, folders, views),
``search`` (content nodes), ``spaces``, ``files``, ``apps`` (apps and runs), ``mcp``, ``tools``, ``skills``,
``mentions``, ``workspace``, ``triggers``, ``folders``, ``users``; the event stream's types are in
:mod:`dust_ext.events`. The plain models are generated from the spec's schemas (whole modules, or private
``_spec_<area>`` modules the public one re-exports); the hand-written ones add behaviour.

The naming rule: a model that mirrors a JSON object Dust sends keeps Dust's field names (``sId``,
``conversationId``, ``document_id``: what Dust's docs and the JS SDK say is what you type) and keeps fields
it does not know in ``model_extra``. Objects the SDK makes itself (``ChatResponse``, ``StreamEvent``,
``RawResponse``, pages) use Python's snake_case. Events (:mod:`dust_ext.events`) are snake_case too, and
their identity fields also answer to Dust's names (``event.messageId`` is ``event.message_id``), so an id
is spelled the same on a message and on the events about it. The generated ``dust_api`` models are the
generator's snake_case (``agent.s_id``). The modules load on first import, so ``import dust_ext``
stays cheap.
"""
