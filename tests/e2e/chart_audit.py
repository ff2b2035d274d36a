#!/usr/bin/env python3
"""Checks that a dashboard's SVG charts show nothing its tables withhold (tests/e2e/report.sh).

chart_audit.py PAGE.html FIGURES.csv THRESHOLD: every number a chart draws (a count, "N
answers", "N%") is a figure its table publishes; none is below THRESHOLD but zero; a bar is
drawn only for a published figure (a withheld one is at most a 1-unit bar or a grey stub, as
many stubs as withheld weeks); a share bar only in a row whose total is published. Prints one
line per problem and exits 1 if there is any.
"""
import csv
import html.parser
import re
import sys

page, figures_csv, threshold = sys.argv[1], sys.argv[2], int(sys.argv[3])
published = {}  # table -> list of (row, column, published)
with open(figures_csv, newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        published.setdefault(r["table"], []).append((r["row"], r["column"], r["published"]))


class Charts(html.parser.HTMLParser):
    """Each <figure>: its caption and its SVG's <text> and <rect> elements, in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.charts, self.items, self.text, self.where = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure":
            self.items, self.caption = [], ""
        elif self.items is not None and tag == "rect":
            self.items.append(("rect", a.get("class", ""), float(a.get("width", 0)), float(a.get("height", 0))))
        elif self.items is not None and tag == "text":
            self.text = ""
        elif tag == "figcaption":
            self.where = "caption"

    def handle_endtag(self, tag):
        if tag == "text" and self.text is not None:
            self.items.append(("text", self.text.strip()))
            self.text = None
        elif tag == "figcaption":
            self.where = None
        elif tag == "figure" and self.items is not None:
            self.charts.append((self.caption, self.items))
            self.items = None

    def handle_data(self, data):
        if self.text is not None:
            self.text += data
        elif self.where == "caption":
            self.caption += data


parser = Charts()
with open(page, encoding="utf-8") as f:
    parser.feed(f.read())
problems = []
number = re.compile(r"^(\d[\d,]*)( answers|%)?$")
for caption, items in parser.charts:
    cells = published.get(caption)
    if cells is None:
        problems.append(f"{caption}: a chart with no table of published figures")
        continue
    values = {p.replace(",", "") for _, _, p in cells}
    texts = [i[1] for i in items if i[0] == "text"]
    for t in texts:
        m = number.match(t)
        if not m:
            continue
        n = m.group(1).replace(",", "")
        shown = n + "%" if m.group(2) == "%" else n
        if shown not in values:
            problems.append(f"{caption}: the chart draws {t!r}, which its table does not publish")
        if m.group(2) != "%" and 0 < int(n) < threshold:
            problems.append(f"{caption}: the chart draws {t!r}, below {threshold}")
    kinds = {i[1] for i in items if i[0] == "rect"}
    weeks = [p for _, c, p in cells if re.match(r"\d{4}-\d\d-\d\d$", c)]
    if weeks:
        # Per week per venue: a stub per withheld week, a bar per published non-zero week.
        stubs = sum(1 for i in items if i[0] == "rect" and i[1] == "withheld")
        bars = sum(1 for i in items if i[0] == "rect" and i[1] == "bar")
        if stubs != weeks.count("[c]"):
            problems.append(f"{caption}: {stubs} grey stubs for {weeks.count('[c]')} withheld weeks")
        if bars != sum(1 for p in weeks if p not in ("[c]", "0")):
            problems.append(f"{caption}: {bars} bars for {sum(1 for p in weeks if p not in ('[c]', '0'))} published weeks")
        continue
    if any(k.startswith("answer") for k in kinds):
        # Shares: label, the row's answer bars, its total; then the key.
        row = []
        for i in items:
            if i[0] == "rect" and i[1].startswith("answer") and i[3] == 22:
                row.append(i)
            elif i[0] == "text" and (i[1] == "[c]" or i[1].endswith(" answers")):
                if i[1] == "[c]" and row:
                    problems.append(f"{caption}: a row whose total is withheld is drawn with {len(row)} bars")
                row = []
        continue
    # Bars: label, bar, its figure.
    for k, i in enumerate(items):
        if i[0] == "rect" and i[1] == "bar" and k + 1 < len(items) and items[k + 1][0] == "text":
            if items[k + 1][1].startswith("[c]") and i[2] > 1:
                problems.append(f"{caption}: a withheld figure is drawn {i[2]:.0f} units long")
for p in problems:
    print(p)
print(f"chart audit: {len(parser.charts)} charts, {len(problems)} problems", file=sys.stderr)
sys.exit(1 if problems else 0)
