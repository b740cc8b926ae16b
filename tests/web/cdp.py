"""Just enough of the Chrome DevTools Protocol to drive headless Chromium from a test.

No selenium or playwright: the browser is started with ``--remote-debugging-port=0``, writes the
port it chose to ``DevToolsActivePort`` in its profile folder, and we speak CDP's JSON messages
over one websocket (``websockets.sync``). A :class:`Tab` is a page target attached in "flat"
mode, so its commands travel on the same socket tagged with its session id.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import signal
import subprocess
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from websockets.sync.client import ClientConnection, connect

Message = dict[str, Any]


class CDPError(RuntimeError):
    """A command the browser refused, a page script that threw, or a wait that ran out."""


@dataclass(frozen=True, slots=True)
class Box:
    """An element's bounding box in CSS pixels of the viewport."""
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> tuple[float, float]:
        return self.x + self.width / 2, self.y + self.height / 2


class Chromium:
    """A headless Chromium process and the websocket to its browser endpoint."""

    def __init__(self, executable: str, profile: Path, *, size: tuple[int, int] = (1200, 900),
                 start_timeout: float = 30.0) -> None:
        self.size = size
        self.log_path = profile / "chromium.log"
        with self.log_path.open("wb") as log:   # a file, not a pipe: nobody has to drain it
            self.process = subprocess.Popen(
                [executable, "--headless=new", "--no-sandbox", "--disable-gpu",
                 "--no-first-run", "--no-default-browser-check", "--hide-scrollbars",
                 f"--window-size={size[0]},{size[1]}", "--remote-debugging-port=0",
                 f"--user-data-dir={profile}", "about:blank"],
                stdin=subprocess.DEVNULL, stdout=log, stderr=log,
                start_new_session=True)  # its own process group, so close() ends its children
        self._exit = ExitStack()  # websockets wants connect() used as a context manager
        try:
            self.socket: ClientConnection = self._exit.enter_context(connect(
                self._devtools_url(profile, start_timeout), max_size=None, open_timeout=10))
        except BaseException:
            self.close()
            raise
        self._ids = itertools.count(1)
        self._events: list[Message] = []

    def _devtools_url(self, profile: Path, timeout: float) -> str:
        """The browser's websocket URL, from the ``DevToolsActivePort`` file it writes when ready
        (first line the port, second the path)."""
        port_file = profile / "DevToolsActivePort"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise CDPError(f"chromium exited with status {self.process.returncode} at start: "
                               f"{self.log_tail()}")
            lines = port_file.read_text().split() if port_file.exists() else []
            if len(lines) == 2:
                return f"ws://127.0.0.1:{lines[0]}{lines[1]}"
            time.sleep(0.05)
        raise CDPError(f"chromium did not open its DevTools port within {timeout:.0f} s: "
                       f"{self.log_tail()}")

    def log_tail(self, lines: int = 15) -> str:
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        return "\n".join(text.splitlines()[-lines:]) or "(no output)"

    def close(self) -> None:
        """Close the socket and end the browser's process group; safe to call twice."""
        self._exit.close()
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        try:  # renderers and helpers still shutting down, or a browser that ignored SIGTERM
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait(timeout=10)

    def send(self, method: str, params: Message | None = None, *, session: str | None = None,
             timeout: float = 30.0) -> Message:
        """Send one command and return its result; events that arrive meanwhile are kept for
        :meth:`wait_for`."""
        ident = next(self._ids)
        message: Message = {"id": ident, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        reply = self._receive(lambda m: m.get("id") == ident, timeout, f"the reply to {method}")
        if "error" in reply:
            raise CDPError(f"{method} failed: {reply['error'].get('message')} "
                           f"{reply['error'].get('data', '')}".rstrip())
        return reply.get("result", {})

    def wait_for(self, method: str, *, session: str | None = None,
                 timeout: float = 30.0) -> Message:
        """The params of the first event ``method`` of ``session``, received or still to come."""
        def wanted(message: Message) -> bool:
            return message.get("method") == method and message.get("sessionId") == session
        for index, event in enumerate(self._events):
            if wanted(event):
                return self._events.pop(index)["params"]
        return self._receive(wanted, timeout, f"event {method}")["params"]

    def forget_events(self, session: str | None = None) -> None:
        """Drop the events received so far for ``session`` (before an action whose own events
        must not be confused with earlier ones)."""
        self._events = [e for e in self._events if e.get("sessionId") != session]

    def _receive(self, wanted: Callable[[Message], bool], timeout: float, what: str) -> Message:
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                message = json.loads(self.socket.recv(timeout=max(left, 0)))
            except TimeoutError:
                raise CDPError(f"no {what} within {timeout:.0f} s") from None
            if wanted(message):
                return message
            if "method" in message:
                self._events.append(message)

    def new_tab(self) -> Tab:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget",
                            {"targetId": target, "flatten": True})["sessionId"]
        tab = Tab(self, target, session)
        tab.send("Page.enable")
        tab.send("Emulation.setDeviceMetricsOverride", {
            "width": self.size[0], "height": self.size[1], "deviceScaleFactor": 1,
            "mobile": False})
        return tab


class Tab:
    """One page: navigate, read the DOM with JavaScript, click like a user, take screenshots."""

    def __init__(self, browser: Chromium, target: str, session: str) -> None:
        self.browser, self.target, self.session = browser, target, session

    def send(self, method: str, params: Message | None = None) -> Message:
        return self.browser.send(method, params, session=self.session)

    def navigate(self, url: str, *, timeout: float = 30.0) -> None:
        self.browser.forget_events(self.session)
        result = self.send("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise CDPError(f"cannot open {url}: {result['errorText']}")
        self.wait_for_load(timeout=timeout)

    def wait_for_load(self, *, timeout: float = 30.0) -> None:
        self.browser.wait_for("Page.loadEventFired", session=self.session, timeout=timeout)

    def evaluate(self, expression: str) -> Any:
        """The JSON value of a JavaScript expression in the page."""
        result = self.send("Runtime.evaluate", {"expression": expression,
                                                "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            details = result["exceptionDetails"]
            raise CDPError(f"{expression!r} threw: "
                           f"{details.get('exception', {}).get('description', details['text'])}")
        return result["result"].get("value")

    @property
    def url(self) -> str:
        return self.evaluate("location.href")

    def box(self, selector: str) -> Box:
        """The bounding box of the first element matching ``selector``, scrolled into view."""
        found = self.evaluate(f"""(() => {{
            const element = document.querySelector({json.dumps(selector)});
            if (!element) return null;
            element.scrollIntoView({{block: "center", inline: "center"}});
            const r = element.getBoundingClientRect();
            return {{x: r.x, y: r.y, width: r.width, height: r.height}};
        }})()""")
        if found is None:
            raise CDPError(f"no element matches {selector!r} on {self.url}")
        return Box(**found)

    def element_at(self, x: float, y: float, selector: str) -> bool:
        """Whether a click at (x, y) lands on ``selector`` (or inside it), not on something
        drawn over it or beside it."""
        return self.evaluate(f"""(() => {{
            const hit = document.elementFromPoint({x}, {y});
            return !!hit && hit.closest({json.dumps(selector)}) ===
                document.querySelector({json.dumps(selector)});
        }})()""")

    def click(self, x: float, y: float) -> None:
        """A left click as a user makes it: the mouse moves there, presses and releases."""
        for kind, extra in (("mouseMoved", {}),
                            ("mousePressed", {"button": "left", "clickCount": 1}),
                            ("mouseReleased", {"button": "left", "clickCount": 1})):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, **extra})

    def click_and_wait_for_load(self, selector: str, *, timeout: float = 30.0) -> None:
        """Click the centre of ``selector`` and wait until the page it leads to has loaded."""
        box = self.box(selector)
        if box.width <= 0 or box.height <= 0:
            raise CDPError(f"{selector!r} is not visible (box {box})")
        x, y = box.centre
        if not self.element_at(x, y, selector):
            raise CDPError(f"the centre of {selector!r} ({x:.0f}, {y:.0f}) is covered by or "
                           "outside the element, so a user's click there would miss it")
        self.browser.forget_events(self.session)
        self.click(x, y)
        try:
            self.wait_for_load(timeout=timeout)
        except CDPError:
            raise CDPError(f"clicking {selector!r} at ({x:.0f}, {y:.0f}) loaded no page within "
                           f"{timeout:.0f} s; the tab shows {self.url}") from None

    def screenshot(self) -> bytes:
        """The viewport as PNG bytes."""
        data = self.send("Page.captureScreenshot", {"format": "png"})["data"]
        return base64.b64decode(data)

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
