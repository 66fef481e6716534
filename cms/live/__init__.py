"""The live admin: what changed reaches the screens that show it, without reload.

The change events (cms/core/changes) become small live events addressed to users
(``publish``); each web process keeps one reader of the shared event log (a Redis
stream, or memory in the embedded setup: ``log``) and hands events to its open
connections (``hub``), which the browser holds as server-sent events under ASGI
(``stream``). The browser then re-fetches the server-rendered fragments that an
event concerns: permissions stay on the server and events carry ids only.
docs/adr/010-live-admin.md says why this shape.
"""
