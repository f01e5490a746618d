#!/usr/bin/env python3
"""Draws Boomerang's toolbar icons (16, 32, 48, 128 px PNG) with the standard library only:
a white boomerang on a rounded square, anti-aliased by supersampling. Usage: icons.py OUT_DIR"""
import math
import os
import struct
import sys
import zlib

BACKGROUND = (15, 118, 110)  # teal: distinct from X's blue and Facebook's
FOREGROUND = (255, 255, 255)
SAMPLES = 4  # per axis


def segment_distance(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def coverage(x, y):
    """(background alpha, foreground alpha) at a point of the unit square."""
    r = 0.2  # corner radius
    cx, cy = min(max(x, r), 1 - r), min(max(y, r), 1 - r)
    inside = math.hypot(x - cx, y - cy) <= r
    # Two arms meeting at an elbow: the boomerang, thrown up and to the right.
    elbow, top, right = (0.3, 0.32), (0.72, 0.2), (0.62, 0.8)
    arm = min(segment_distance(x, y, *elbow, *top), segment_distance(x, y, *elbow, *right))
    return inside, inside and arm <= 0.1


def pixels(size):
    rows = []
    for j in range(size):
        row = bytearray([0])  # filter: none
        for i in range(size):
            bg = fg = 0
            for sj in range(SAMPLES):
                for si in range(SAMPLES):
                    b, f = coverage((i + (si + 0.5) / SAMPLES) / size, (j + (sj + 0.5) / SAMPLES) / size)
                    bg += b
                    fg += f
            n = SAMPLES * SAMPLES
            alpha = bg / n
            mix = fg / bg if bg else 0
            rgb = [round(BACKGROUND[k] * (1 - mix) + FOREGROUND[k] * mix) for k in range(3)]
            row += bytes(rgb + [round(alpha * 255)])
        rows.append(bytes(row))
    return b"".join(rows)


def png(size):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(pixels(size), 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    out = sys.argv[1] if len(sys.argv) > 1 else "extension/icons"
    os.makedirs(out, exist_ok=True)
    for size in (16, 32, 48, 128):
        path = os.path.join(out, f"icon-{size}.png")
        data = png(size)
        # Unchanged icons are not rewritten, so the build leaves the tree clean.
        if not os.path.exists(path) or open(path, "rb").read() != data:
            with open(path, "wb") as f:
                f.write(data)
