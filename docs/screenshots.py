"""The README's pictures of the pages, taken in headless Chromium (Debian's, driven by Playwright)
from the real output of `make run`:

    make run && .venv/bin/python docs/screenshots.py out docs

writes docs/graph-html.png (out/graph.html, the tooltip of its rightmost line shown) and docs/map.png
(out/map.html with the popup of its rightmost marker open; offline, as the page draws without tiles).
"""
from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]


def graph_page(browser, page_file: Path, png: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 620})
    page.goto(page_file.resolve().as_uri())
    page.wait_for_function("() => window.tlStable === true", timeout=30000)
    # the middle of the rightmost line: its tooltip opens beside the graph, not over it
    point = page.evaluate("""() => {
        const x = e => { const p = network.getPositions([e.from, e.to]); return p[e.from].x + p[e.to].x; };
        const e = network.body.data.edges.get().sort((a, b) => x(b) - x(a))[0];
        const p = network.getPositions([e.from, e.to]);
        return network.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});
    }""")
    box = page.locator("#mynetwork canvas").bounding_box()
    page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector("div.vis-tooltip", state="visible")
    page.screenshot(path=str(png))
    page.close()


def map_page(browser, page_file: Path, png: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    page.route(lambda url: not url.startswith("file:"), lambda route: route.abort())  # offline
    page.goto(page_file.resolve().as_uri())
    page.wait_for_selector("#tl-offline:not([hidden])")
    # the popup of the rightmost marker: it opens above that marker, away from the others
    rightmost = max(page.locator(".tl-marker").all(), key=lambda m: m.bounding_box()["x"])
    rightmost.dispatch_event("click")
    page.wait_for_selector(".leaflet-popup-content")
    page.wait_for_timeout(500)  # the map pans to show the popup
    page.screenshot(path=str(png))
    page.close()


def main(out: Path, docs: Path) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        graph_page(browser, out / "graph.html", docs / "graph-html.png")
        map_page(browser, out / "map.html", docs / "map.png")
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
