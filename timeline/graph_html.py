"""The actor graph as a self-contained interactive page (vis-network through pyvis, inlined:
no network access needed).

Actors stand where `timeline.graph_layout` puts them (the PNG's layout: no two circles or
labels overlap), with physics off; they can be dragged. Nodes are actors, filled with their
country's colour; lines are the events of one type between two actors (`graph_export.links`),
coloured by type, as wide as they are many, with a tooltip listing each event (date, type,
place, evidence). Both legends are drawn from
`timeline.colors`, the table the nodes and lines take their colours from. Two date inputs
hide the lines (and the actors left without any) whose events all fall outside the range.

Labels and tooltips reach the page as JSON inside a script (Jinja's `tojson` escapes `<`,
`>`, `&`, `'`); vis-network draws labels on a canvas and shows string tooltips as text; every
text put into the HTML itself is escaped with html.escape.
"""
from __future__ import annotations

import html
import re

import networkx as nx

from timeline.colors import TYPE_COLORS, country_color, darker, type_color
from timeline.graph_export import country_label, event_line, legend_countries, line_width, links
from timeline.graph_layout import LABEL_PT, layout, radius_in

PX_PER_IN = 96  # CSS pixels per inch of layout

STYLE = """<style>
#tl-head { font-family: sans-serif; font-size: 14px; margin: 0 0 8px 0; line-height: 1.7; }
#tl-head h2 { margin: 4px 0; }
.tl-key { display: inline-block; margin-right: 14px; white-space: nowrap; }
.tl-key i { display: inline-block; vertical-align: middle; margin-right: 4px; }
.tl-type i { width: 22px; height: 4px; }
.tl-country i { width: 13px; height: 13px; border-radius: 50%; border: 1px solid; }
#tl-dates input { font-size: 13px; }
#tl-shown { color: #555; margin-left: 10px; }
div.vis-tooltip { white-space: pre-wrap !important; max-width: 520px; font-family: sans-serif !important;
                  font-size: 13px !important; line-height: 1.4; }
</style>"""

# The date filter: reads every line's events from the DataSet; never writes data into markup.
FILTER = """<script>
(function () {
  var from = document.getElementById("tl-from"), to = document.getElementById("tl-to");
  var undated = document.getElementById("tl-undated"), shown = document.getElementById("tl-shown");
  var edges = network.body.data.edges, nodes = network.body.data.nodes;
  function width(n) { return Math.min(1 + 2 * n, 13); }  // graph_export.line_width
  function apply() {
    var lo = from.value || "0000-01-01", hi = to.value || "9999-12-31";
    var seen = {}, kept = {}, linked = {}, updates = [];
    edges.get().forEach(function (e) {
      if (!e.events.length) { linked[e.from] = linked[e.to] = true; return; }  // an aggregate graph: no dates
      var inside = e.events.filter(function (ev) {
        seen[ev.id] = true;
        return ev.start ? ev.start <= hi && (ev.end || ev.start) >= lo : undated.checked;
      });
      inside.forEach(function (ev) { kept[ev.id] = true; });
      if (inside.length) { linked[e.from] = linked[e.to] = true; }
      updates.push({id: e.id, hidden: inside.length === 0, width: width(inside.length),
                    title: e.pair + " (" + inside.length + ")\\n"
                           + inside.map(function (ev) { return ev.text; }).join("\\n")});
    });
    edges.update(updates);
    nodes.update(nodes.get().map(function (n) { return {id: n.id, hidden: n.linked && !linked[n.id]}; }));
    shown.textContent = Object.keys(kept).length + " of " + Object.keys(seen).length + " events shown";
  }
  document.getElementById("tl-all").addEventListener("click", function () {
    from.value = from.min; to.value = to.max; undated.checked = true; apply();
  });
  [from, to, undated].forEach(function (el) {
    el.addEventListener("change", apply);
    el.addEventListener("input", apply);
  });
  network.once("afterDrawing", function () { window.tlStable = true; });  // drawn: tests may look
  apply();
  network.fit();
  network.redraw();
})();
</script>"""


def graph_html(graph: nx.Graph, title: str = "Who met whom") -> str:
    """A self-contained page: the legends, the date range, the graph."""
    from pyvis.network import Network

    drawn = links(graph)
    linked = {x for link in drawn for x in (link.u, link.v)}
    pos = layout({str(n): d for n, d in graph.nodes(data=True)}, [(k.u, k.v) for k in drawn])
    ys = [y for _, y in pos.values()] or [0.0]
    height = min(max(round((max(ys) - min(ys)) * PX_PER_IN * 1.3) + 200, 450), 800)  # as tall as the layout needs
    net = Network(height=f"{height}px", width="100%", cdn_resources="in_line", notebook=False, heading="")
    net.toggle_physics(False)
    for n, data in graph.nodes(data=True):
        fill = country_color(data.get("country"))
        x, y = pos[str(n)]
        net.add_node(str(n), label=str(n), title=_node_tooltip(str(n), data), shape="dot", linked=str(n) in linked,
                     x=round(x * PX_PER_IN, 1), y=round(-y * PX_PER_IN, 1), physics=False,
                     size=round(radius_in(int(data.get("n_events") or 1)) * PX_PER_IN, 1),
                     color={"background": fill, "border": darker(fill),
                            "highlight": {"background": fill, "border": "#000000"},
                            "hover": {"background": fill, "border": "#000000"}},
                     font={"size": round(LABEL_PT / 72 * PX_PER_IN), "face": "sans-serif", "strokeWidth": 3,
                           "strokeColor": "#ffffff"})
    pair_index: dict[tuple[str, str], int] = {}
    for i, link in enumerate(drawn):
        k = pair_index[(link.u, link.v)] = pair_index.get((link.u, link.v), -1) + 1
        color = type_color(link.type)
        pair = f"{link.u} — {link.v} · {link.type}"
        events = [{"id": str(e.get("event_id")), "start": e.get("date_start"), "end": e.get("date_end"),
                   "text": event_line(e)} for e in link.events]
        net.edges.append({
            "id": f"e{i}", "from": link.u, "to": link.v, "type": link.type, "pair": pair, "events": events,
            "color": {"color": color, "highlight": color, "hover": color, "inherit": False},
            "width": line_width(link.count),
            "title": f"{pair} ({link.count})\n" + "\n".join(e["text"] for e in events),
            # the second, third… type between the same two actors: curves on alternate sides
            "smooth": {"enabled": True, "type": "curvedCW" if k % 2 else "curvedCCW", "roundness": 0.2 * ((k + 1) // 2)}
            if k else {"enabled": False}})
    page = _drop_remote(net.generate_html(notebook=False))
    page = page.replace("</head>", STYLE + "\n</head>", 1)
    page = page.replace("<body>", "<body>\n" + _header(graph, title, drawn), 1)
    return page.replace("</body>", FILTER + "\n</body>", 1)


def _node_tooltip(name: str, data: dict) -> str:
    lines = [name]
    if data.get("name_en"):
        lines.append(str(data["name_en"]))
    lines.append(" · ".join(str(x) for x in (data.get("role"), data.get("country")) if x))
    counts = ", ".join(f"{t} {data[f'n_{t}']}" for t in TYPE_COLORS if data.get(f"n_{t}"))
    lines.append(f"{data.get('n_events', 0)} events" + (f": {counts}" if counts else ""))
    return "\n".join(line for line in lines if line)


def _drop_remote(page: str) -> str:
    """Remove the template's CDN <link>/<script> tags (bootstrap): the page must work offline."""
    page = re.sub(r"<link[^>]*href=\"https?://[^\"]*\"[^>]*/?>", "", page, flags=re.S)
    page = re.sub(r"<script[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>", "", page, flags=re.S)
    return page


def _header(graph: nx.Graph, title: str, drawn: list) -> str:
    """Title, the two legends, the date range and a text list of the actors (all escaped)."""
    esc = html.escape
    types = [t for t in TYPE_COLORS if any(link.type == t for link in drawn)]
    type_keys = "".join(f'<span class="tl-key tl-type" data-type="{esc(t)}"><i style="background:{type_color(t)}">'
                        f'</i>{esc(t)}</span>' for t in types)
    country_keys = "".join(
        f'<span class="tl-key tl-country" data-country="{esc(c or "")}"><i style="background:{country_color(c)};'
        f'border-color:{darker(country_color(c))}"></i>{esc(country_label(c))}</span>' for c in legend_countries(graph))
    days = sorted(d for link in drawn for e in link.events for d in (e.get("date_start"), e.get("date_end")) if d)
    lo, hi = (esc(days[0]), esc(days[-1])) if days else ("", "")
    rows = "".join(
        f"<li>{esc(str(n))}" + (f" ({esc(str(d['name_en']))})" if d.get("name_en") else "")
        + f" — {esc(str(d.get('n_events', 0)))} events</li>" for n, d in graph.nodes(data=True))
    return (f'<div id="tl-head">\n<h2 id="tl-title">{esc(title)}</h2>\n'
            f'<div id="tl-legend"><div><b>Event type</b> (line colour; width: number of events) {type_keys}</div>\n'
            f'<div><b>Country</b> (circle colour) {country_keys}</div></div>\n'
            f'<div id="tl-dates"><b>Dates</b> from <input type="date" id="tl-from" min="{lo}" max="{hi}" value="{lo}"> '
            f'to <input type="date" id="tl-to" min="{lo}" max="{hi}" value="{hi}"> '
            f'<label><input type="checkbox" id="tl-undated" checked> undated events</label> '
            f'<button id="tl-all" type="button">all dates</button><span id="tl-shown"></span></div>\n'
            f'<details id="tl-actors"><summary>{graph.number_of_nodes()} actors, {len(drawn)} lines — '
            f'hover a line for its events, a circle for the actor</summary><ul>{rows}</ul></details>\n</div>\n')


class GraphView:
    """The page of a graph, shown inline by Jupyter (an iframe holding the whole page)."""

    def __init__(self, graph: nx.Graph, title: str = "Who met whom") -> None:
        self.page = graph_html(graph, title=title)

    def _repr_html_(self) -> str:
        return (f'<iframe srcdoc="{html.escape(self.page, quote=True)}" width="100%" height="900" '
                'style="border:1px solid #ddd"></iframe>')

    def save(self, path) -> None:
        from timeline.atomic import atomic_write

        atomic_write(path, self.page)
