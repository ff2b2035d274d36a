#!/usr/bin/env python3
"""Draws content/default/assets/trusted-adults.png: a child in the middle of a ring of five
grown-ups, joined to each by a soft line, for the page "People you can tell". Wordless, so one
picture serves every language (each page's alt text says what it shows), calm and flat.

Python's standard library only (zlib for PNG), so anyone can run it again:
    tools/draw_trusted_adults.py content/default/assets/trusted-adults.png
Shapes are signed distance functions: a pixel's coverage is how far inside an edge it is,
which anti-aliases every edge without supersampling."""
import math
import struct
import sys
import zlib

W, H = 960, 600
CARD = (0xF0, 0xEC, 0xE2)   # warm paper, a shade darker than the kiosk's page
LINE = (0xB9, 0xC2, 0xC8)
CHILD = (0xE0, 0x9A, 0x2E)
ADULTS = [(0x0A, 0x5C, 0x66), (0x4A, 0x6F, 0xA5), (0x5B, 0x8C, 0x5A), (0x8A, 0x5C, 0x99), (0xB0, 0x5A, 0x3C)]

px = [[(0, 0, 0, 0.0)] * W for _ in range(H)]  # r, g, b, alpha (straight)


def paint(bbox, sdf, colour):
    """Composites colour over the image where sdf (pixel centre -> signed distance) < 0."""
    x0, y0, x1, y1 = (max(0, int(bbox[0]) - 1), max(0, int(bbox[1]) - 1), min(W, int(bbox[2]) + 2), min(H, int(bbox[3]) + 2))
    for y in range(y0, y1):
        row = px[y]
        for x in range(x0, x1):
            a = min(1.0, max(0.0, 0.5 - sdf(x + 0.5, y + 0.5)))
            if a <= 0:
                continue
            r, g, b, da = row[x]
            out = a + da * (1 - a)
            mix = lambda s, d: (s * a + d * da * (1 - a)) / out
            row[x] = (mix(colour[0], r), mix(colour[1], g), mix(colour[2], b), out)


def circle(cx, cy, r, colour):
    paint((cx - r, cy - r, cx + r, cy + r), lambda x, y: math.hypot(x - cx, y - cy) - r, colour)


def rounded_rect(x0, y0, x1, y1, r, colour):
    cx, cy, hw, hh = (x0 + x1) / 2, (y0 + y1) / 2, (x1 - x0) / 2 - r, (y1 - y0) / 2 - r

    def sdf(x, y):
        dx, dy = abs(x - cx) - hw, abs(y - cy) - hh
        return math.hypot(max(dx, 0), max(dy, 0)) + min(max(dx, dy), 0) - r
    paint((x0, y0, x1, y1), sdf, colour)


def segment(ax, ay, bx, by, width, colour):
    def sdf(x, y):
        vx, vy, wx, wy = bx - ax, by - ay, x - ax, y - ay
        t = max(0.0, min(1.0, (wx * vx + wy * vy) / (vx * vx + vy * vy)))
        return math.hypot(wx - vx * t, wy - vy * t) - width / 2
    paint((min(ax, bx) - width, min(ay, by) - width, max(ax, bx) + width, max(ay, by) + width), sdf, colour)


def person(cx, cy, head, colour):
    """A head above rounded shoulders; (cx, cy) is the middle of the figure."""
    circle(cx, cy - head * 0.9, head, colour)
    rounded_rect(cx - head * 1.25, cy + head * 0.35, cx + head * 1.25, cy + head * 2.2, head * 0.9, colour)


rounded_rect(0, 0, W, H, 36, CARD)
centre = (W / 2, H / 2 + 10)
spots = []
for i, colour in enumerate(ADULTS):
    angle = -math.pi / 2 + i * 2 * math.pi / len(ADULTS)
    spots.append((centre[0] + 330 * math.cos(angle), centre[1] - 10 + 205 * math.sin(angle), colour))
for x, y, _ in spots:
    segment(centre[0], centre[1], x, y, 8, LINE)
circle(centre[0], centre[1] + 8, 92, CARD)  # a clearing around the child, so lines stop short
for x, y, colour in spots:
    circle(x, y + 8, 74, CARD)
    person(x, y - 14, 30, colour)
person(centre[0], centre[1] - 6, 26, CHILD)


def png(path):
    raw = bytearray()
    for row in px:
        raw.append(0)  # filter: none
        for r, g, b, a in row:
            raw += bytes((round(r), round(g), round(b), round(a * 255)))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 6, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


png(sys.argv[1] if len(sys.argv) > 1 else "trusted-adults.png")
