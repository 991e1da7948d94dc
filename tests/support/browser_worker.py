"""pytest-xdist's scheduling for this suite: every browser test on one worker, from the start.

The browser tests share one production build and one server (tests/e2e/conftest.py): on one worker
they build once. That worker gets all of them first; the other worker takes the rest, a chunk at a
time, and the browser worker joins in on the rest when it is done. Index based, like xdist's own
"load" mode (its "loadgroup" mode needs node ids to be unique, which Schemathesis' tests are not, and
renames them in a way pytest 9 no longer sees).
"""

from __future__ import annotations

from xdist.scheduler import LoadScheduling

BROWSER_TESTS = "tests/e2e/"


class BrowserTestsOnOneWorker(LoadScheduling):
    def schedule(self) -> None:
        if self.collection is not None or len(self.nodes) < 2 or not self._check_nodes_have_same_collection():
            super().schedule()
            return
        collection = next(iter(self.node2collection.values()))
        browser = [i for i, nodeid in enumerate(collection) if nodeid.startswith(BROWSER_TESTS)]
        if not browser:
            super().schedule()
            return
        self.collection = collection
        taken = set(browser)
        self.pending[:] = [i for i in range(len(collection)) if i not in taken]
        if self.maxschedchunk is None:
            self.maxschedchunk = len(collection)
        first, *others = self.nodes
        self.node2pending[first].extend(browser)
        first.send_runtest_some(browser)
        for node in others:
            self._send_tests(node, max(2, len(self.pending) // len(others) // 4))
        if not self.pending:
            for node in self.nodes:
                node.shutdown()
