"""The one set of colours: classes, accents and text, wherever the dashboard draws.

Charts, maps, the pack's PPTX and PDF, and presentation mode all take their colours from here.

Paul Tol's colour-blind-safe "bright" scheme (https://personal.sron.nl/~pault/), as hex strings
``#RRGGBB``; ``hex6`` gives the six digits python-pptx wants.
"""

from __future__ import annotations

#: each class's colour, in the order of the classes
CLASS = {
    "Dasar": "#EE6677",
    "Berkembang": "#CCBB44",
    "Mandiri": "#228833",
    "Berkelanjutan": "#4477AA",
}
#: Berkembang's yellow darkened for a map's full-share end, where the light one fades into the land
CLASS_ON_MAP = {**CLASS, "Berkembang": "#998800"}
#: Kampung KB without a class (belum terklasifikasi), and anything in the background
UNCLASSIFIED = MUTED = "#BBBBBB"
#: the three dimensions of the portal's index
DIMENSION = {"input": "#66CCEE", "proses": "#AA3377", "output": "#4477AA"}
ACCENT = "#4477AA"
TARGET = "#AA3377"
#: the order plotly gives to series without a colour of their own
COLORWAY = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377", "#BBBBBB")

#: text: body, secondary lines, a warning (the synthetic-data notice), and labels on a map
TEXT = "#222222"
SECONDARY = "#555555"
WARNING = "#8A6D00"
LABEL = "#1A1A1A"
WHITE = "#FFFFFF"
#: a card's ground, a table's header row and its rules, a map's land without data
CARD = "#EEF2F7"
TABLE_HEADER = "#DDE6F0"
RULE = "#BBBBBB"
LAND = "#EEEEEE"
#: the land beneath the points of a map of Kampung KB, its borders, and the names written on it
LAND_UNDER_POINTS = "#F4F4F4"
BORDER = "#888888"
NAME = "#444444"
#: where a map's sequential colour scale starts
SCALE_START = "#F7FBFF"


def hex6(colour: str) -> str:
    """``#4477AA`` as ``4477AA``."""
    return colour.lstrip("#")
