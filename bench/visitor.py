"""One browser tab's side of Streamlit's websocket protocol, for ``bench/load.py``.

What a browser sends and learns, with the message classes Streamlit ships (``streamlit.proto``):
the page's HTML first (where nginx's affinity cookie is set), then the websocket
``/_stcore/stream`` (subprotocol ``streamlit``, an ``Origin`` of the same host), a ``rerun_script``
for each step carrying the URL's query, the page and every widget state sent so far, and the
hashes of the large messages already received (the server then sends a reference instead). A step
ends when the server says the run finished; a run it cut short for a rerun does not count.
"""

from __future__ import annotations

import asyncio
import time
import urllib.request
from typing import Any
from urllib.parse import urlencode, urlsplit

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

#: a step that takes longer is an error (the person has given up)
STEP_LIMIT = 60.0
FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


class Visitor:
    """One browser tab's side of the protocol: its websocket, its widget states, its message cache."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self.ws: Any = None
        self.cookie = ""
        self.query = ""
        self.page = ""
        self.pages: dict[str, str] = {}  # url path → page script hash
        self.widgets: dict[str, WidgetState] = {}
        self.province_box = ""
        self.cached: set[str] = set()

    async def connect(self) -> None:
        self.cookie = await asyncio.to_thread(self._get_page)
        parts = urlsplit(self.url)
        scheme = "wss" if parts.scheme == "https" else "ws"
        headers = {"Origin": f"{parts.scheme}://{parts.netloc}"}
        if self.cookie:
            headers["Cookie"] = self.cookie
        self.ws = await websockets.connect(
            f"{scheme}://{parts.netloc}{parts.path}/_stcore/stream",
            subprotocols=["streamlit"],  # type: ignore[list-item]
            additional_headers=headers,
            max_size=None,
            compression=None,
            open_timeout=STEP_LIMIT,
        )

    def _get_page(self) -> str:
        """The HTML a browser loads first; the cookies it is given (nginx's affinity), as a header."""
        with urllib.request.urlopen(self.url + "/", timeout=STEP_LIMIT) as response:
            response.read()
            cookies = response.headers.get_all("Set-Cookie") or []
        return "; ".join(c.split(";", 1)[0] for c in cookies)

    async def rerun(self, page_hash: str = "", page_name: str = "") -> tuple[float, int, str]:
        """Ask for a run as the browser does; wait until it finished. Seconds, bytes received, error."""
        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query
        state.page_script_hash = page_hash
        state.page_name = page_name
        state.widget_states.widgets.extend(self.widgets.values())
        state.cached_message_hashes.extend(self.cached)
        state.context_info.timezone = "Asia/Jakarta"
        state.context_info.locale = "id-ID"
        state.context_info.url = f"{self.url}/{page_name}"
        start = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        received, error = 0, ""
        while True:
            left = STEP_LIMIT - (time.perf_counter() - start)
            try:
                raw = await asyncio.wait_for(self.ws.recv(), timeout=max(left, 0.01))
            except TimeoutError:
                return time.perf_counter() - start, received, f"over {STEP_LIMIT:.0f} s"
            received += len(raw)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            error = error or self._read(msg)
            if msg.WhichOneof("type") == "script_finished":
                if msg.script_finished in FINISHED:
                    return time.perf_counter() - start, received, error
                if msg.script_finished == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    return time.perf_counter() - start, received, error or "compile error"

    def _read(self, msg: ForwardMsg) -> str:
        """Learn what a browser would from one message; an error it shows, if any."""
        if msg.metadata.cacheable and msg.hash:
            self.cached.add(msg.hash)
        kind = msg.WhichOneof("type")
        if kind == "navigation":
            self.pages = {p.url_pathname: p.page_script_hash for p in msg.navigation.app_pages}
        elif kind == "page_info_changed":
            self.query = msg.page_info_changed.query_string
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element
            shown = element.WhichOneof("type")
            if shown == "exception":
                return f"exception: {element.exception.type}: {element.exception.message[:200]}"
            if shown == "alert" and element.alert.format == element.alert.ERROR:
                return f"error shown: {element.alert.body[:200]}"
            if shown == "selectbox" and element.selectbox.id.endswith("-prov"):
                self.province_box = element.selectbox.id
        return ""

    async def open(self, page: str, query: dict[str, str]) -> tuple[float, int, str]:
        """A shared link opened: the page and the html, then the socket and the page's first run."""
        start = time.perf_counter()
        self.query, self.page = urlencode(query), page
        await self.connect()
        _, received, error = await self.rerun(page_name=page)
        return time.perf_counter() - start, received, error

    async def pick_province(self, name: str) -> tuple[float, int, str]:
        if not self.province_box:
            return 0.0, 0, "no province selector seen"
        state = WidgetState(id=self.province_box, string_value=name)
        self.widgets[self.province_box] = state
        return await self.rerun(self.pages.get(self.page, ""), self.page)

    async def go_to(self, page: str) -> tuple[float, int, str]:
        self.page = page
        return await self.rerun(self.pages.get(page, ""), page)

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
