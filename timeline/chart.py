"""The timeline chart: one row per actor, each event a marker on a date axis (its type's colour
from `timeline.colors`, hollow when planned or cancelled), a bar over the days of an event
that spans several. A matplotlib Figure, closed in pyplot so that Jupyter shows it once: as
the value it is."""
from __future__ import annotations

import pandas as pd

from timeline.colors import TYPE_COLORS, type_color
from timeline.fonts import cjk_font

MARKERS = {"call": "o", "meeting": "s", "visit": "^", "agreement": "D", "statement": "P"}


def timeline_chart(events: pd.DataFrame, title: str = "Diplomatic events by actor"):
    """The chart of a `Timeline.events` table (undated events are left out)."""
    import matplotlib.pyplot as plt  # in Jupyter, this also teaches it to show a Figure
    from matplotlib.lines import Line2D

    font = cjk_font()
    dated = events[events["date_start"].notna()]
    actors = list(dict.fromkeys(name for names in dated["actor_names"] for name in names))
    row = {name: i for i, name in enumerate(actors)}
    fig, ax = plt.subplots(figsize=(11, 0.42 * len(actors) + 1.8))
    plt.close(fig)  # not shown again by pyplot at the end of a notebook cell
    for _, ev in dated.iterrows():
        t, color = str(ev["type"]), type_color(str(ev["type"]))
        end = ev["date_end"] if pd.notna(ev["date_end"]) else ev["date_start"]
        middle = ev["date_start"] + (end - ev["date_start"]) / 2
        for name in ev["actor_names"]:
            if end > ev["date_start"]:
                ax.plot([ev["date_start"], end], [row[name]] * 2, color=color, alpha=0.3, lw=7, solid_capstyle="butt")
            hollow = ev["status"] != "occurred"
            ax.scatter(middle, row[name], marker=MARKERS.get(t, "o"), s=55, zorder=3, linewidths=1.5,
                       facecolors="white" if hollow else color, edgecolors=color)
    ax.set_yticks(range(len(actors)), actors, fontfamily=font)
    ax.invert_yaxis()
    ax.grid(axis="x", alpha=0.3)
    types = [t for t in TYPE_COLORS if t in set(dated["type"].astype(str))]
    handles = [Line2D([], [], marker=MARKERS[t], linestyle="none", color=type_color(t), label=t) for t in types]
    handles.append(Line2D([], [], marker="o", linestyle="none", markerfacecolor="white", markeredgecolor="#555555",
                          label="planned / cancelled"))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    ax.set_title(title)
    fig.autofmt_xdate()
    fig.tight_layout()
    return fig
