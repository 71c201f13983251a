"""How long a Run button takes, and what a page loads before and after the first click.

    python benchmarks/runner.py [SITE] [PAGE]

SITE is the built HTML folder with the runtime (default ``build/html``, built by
``./dev site``); PAGE a page with examples (default ``explanation/one-region.html``). Serves
SITE on 127.0.0.1 and opens PAGE in Debian's chromium, in a fresh browser context each of
three times: clicks the page's last Run button (the page's blocks before it run first) and
times it to its output — cold: the runtime loads and Python starts in its worker — then
clicks it again and times the second run. Prints each time and the medians, the longest
task on the page's own thread during the cold start (the page freezes for that long), and
the bytes the page loaded before the click and after it, from the browser's resource
timings: as this server sent them (uncompressed), and gzipped at level 9, as a compressing
web server would send them and as ``page_weight.py`` counts. Then the same for the planner
(``planner.html``): the first Recommend, cold, and a second one.
"""

from __future__ import annotations

import functools
import statistics
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from page_weight import compressed_size

from orgkb.downloads import CHROMIUM_ARGS, find_chromium

RUNS = 3
PAGE = "explanation/one-region.html"
# A cold start takes 5-7 s on a 2-core machine, much longer when it is busy.
TIMEOUT = 300_000

PLANNER = "planner.html"
# Clicks Recommend and resolves, with the milliseconds, when the results or an error show.
RECOMMEND_AND_TIME = """() => new Promise((resolve, reject) => {
    const results = document.querySelector("[data-part=results]");
    const error = document.querySelector("[data-part=profile-error]");
    const start = performance.now();
    results.hidden = true;
    new MutationObserver((changes, observer) => {
        if (!results.hidden) {
            observer.disconnect();
            resolve(performance.now() - start);
        } else if (error.textContent) {
            reject(new Error(error.textContent));
        }
    }).observe(document.querySelector(".orgkb-planner"),
        { attributes: true, childList: true, subtree: true, characterData: true });
    document.querySelector("[data-part=recommend]").click();
})"""
# Clicks the last Run button and resolves, with the milliseconds, when its run has ended.
CLICK_AND_TIME = """() => new Promise((resolve, reject) => {
    const bars = document.querySelectorAll(".orgkb-runbar");
    const bar = bars[bars.length - 1];
    const start = performance.now();
    new MutationObserver((changes, observer) => {
        if (bar.dataset.state === "done") {
            observer.disconnect();
            resolve(performance.now() - start);
        } else if (bar.dataset.state === "failed") {
            reject(new Error(bar.textContent));
        }
    }).observe(bar, { attributes: true, attributeFilter: ["data-state"] });
    bar.querySelector("button").click();
})"""
WATCH_LONG_TASKS = """() => {
    window.longestTask = 0;
    new PerformanceObserver((list) => {
        for (const task of list.getEntries()) {
            window.longestTask = Math.max(window.longestTask, task.duration);
        }
    }).observe({ type: "longtask" });
}"""
LOADED = """() => [...performance.getEntriesByType("navigation"),
    ...performance.getEntriesByType("resource")].map((entry) => entry.name)"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def _sizes(urls: list[str], site: Path) -> tuple[int, int]:
    """The bytes of the files of *site* that *urls* name: as they are, and gzipped."""
    files = [site / unquote(urlsplit(url).path).lstrip("/") for url in urls]
    files = [path for path in files if path.is_file()]
    return sum(path.stat().st_size for path in files), sum(map(compressed_size, files))


def _size(sizes: tuple[int, int]) -> str:
    plain, compressed = sizes
    return f"{plain / 1024:,.1f} KB ({compressed / 1024:,.1f} KB gzipped)"


def main(arguments: list[str]) -> int:
    site = Path(arguments[0]) if arguments else Path("build/html")
    page = arguments[1] if len(arguments) > 1 else PAGE
    if "orgkb-run.js" not in (site / page).read_text(encoding="utf-8", errors="replace"):
        print(f"runner: {site / page} has no Run buttons; run ./dev site first", file=sys.stderr)
        return 2
    chromium = find_chromium()
    if chromium is None:
        print("runner: no chromium (install Debian's chromium)", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    address = f"http://127.0.0.1:{server.server_address[1]}/{page}"
    planner_address = f"http://127.0.0.1:{server.server_address[1]}/{PLANNER}"
    cold, warm, frozen = [], [], []
    planner_cold, planner_warm = [], []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path=chromium, args=[*CHROMIUM_ARGS, "--disable-quic"]
        )
        for run in range(1, RUNS + 1):
            context = browser.new_context()
            tab = context.new_page()
            tab.set_default_timeout(TIMEOUT)
            tab.goto(planner_address, wait_until="networkidle")
            planned = tab.evaluate(LOADED)
            planner_cold.append(tab.evaluate(RECOMMEND_AND_TIME) / 1000)
            planner_warm.append(tab.evaluate(RECOMMEND_AND_TIME) / 1000)
            planner_after = [url for url in tab.evaluate(LOADED) if url not in planned]
            context.close()
            context = browser.new_context()
            tab = context.new_page()
            tab.set_default_timeout(TIMEOUT)
            tab.goto(address, wait_until="networkidle")
            before = tab.evaluate(LOADED)
            tab.evaluate(WATCH_LONG_TASKS)
            cold.append(tab.evaluate(CLICK_AND_TIME) / 1000)
            frozen.append(tab.evaluate("window.longestTask"))
            warm.append(tab.evaluate(CLICK_AND_TIME) / 1000)
            after = [url for url in tab.evaluate(LOADED) if url not in before]
            print(
                f"run {run}: first click {cold[-1]:.2f} s, second run {warm[-1]:.2f} s, "
                f"longest task on the page's thread {frozen[-1]:.0f} ms"
            )
            context.close()
        browser.close()
    server.shutdown()
    print(f"{page}, median of {RUNS}:")
    print(f"  first click (cold) {statistics.median(cold):.2f} s")
    print(f"  second run         {statistics.median(warm):.2f} s")
    print(f"  longest task       {statistics.median(frozen):.0f} ms on the page's own thread")
    print(f"  loaded before the click: {_size(_sizes(before, site))}, {len(before)} files")
    print(f"  loaded by the click:     {_size(_sizes(after, site))}, {len(after)} files")
    print(f"{PLANNER}, median of {RUNS}:")
    print(f"  first Recommend (cold) {statistics.median(planner_cold):.2f} s")
    print(f"  second Recommend       {statistics.median(planner_warm):.2f} s")
    print(f"  loaded before the click: {_size(_sizes(planned, site))}, {len(planned)} files")
    loaded = _size(_sizes(planner_after, site))
    print(f"  loaded by the click:     {loaded}, {len(planner_after)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
