#!/usr/bin/env python3
"""Scan simulator: renders fictional official documents (our own text, Decree 30/2020 and
HD 36 header layouts) as page images the way an office scanner delivers them — skewed, turned,
blurred, noisy, JPEG-compressed, with a red reception stamp or seal over the header and a number
written in by hand — and writes, next to each image, the gold header fields in the corpus gold
format (../shared/corpus/README.md) so score_import.py can score an OCR import of it.

usage: scan-simulator.py OUT_DIR [--dpi 200] [--only NAME]
       scan-simulator.py --generate N OUT_DIR [--seed S]
                                   (N more pages of headers drawn from templates: bodies of
                                    every level over the 34 provinces, each spoiled its own way)
       scan-simulator.py --spoil-pages DIR [--variants N]
                                   (spoils DIR/NAME.page*.png, rendered at 200 dpi, into
                                    DIR/NAME.jpg, or with --variants into N differently spoiled
                                    DIR/NAME~K.jpg: used by scripts/format-transfer.sh)
       scan-simulator.py --compare DIR   (exact-match header scores of DIR/NAME.jpg.json outputs)

Deterministic: every random choice comes from a generator seeded with the document's name.
Needs Python 3 with PIL (Debian: python3-pil) and Liberation Serif (fonts-liberation2).
"""
import json
import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"]

# Each document: the header's two columns (left: parent body, issuer, number, [V/v summary];
# right: motto or party name, slogan, place and date), the type name and title, a few body
# lines, and how the scan is spoiled. `hand` is a number written in by hand over a blank.
DOCUMENTS = [
    {
        "name": "s01_xa_ke_hoach",
        "left": [("ỦY BAN NHÂN DÂN", "b"), ("XÃ TÂN PHÚ ĐÔNG", "b"), ("Số: 41/KH-UBND", "r")],
        "right_kind": "state", "place_date": "Tân Phú Đông, ngày 09 tháng 3 năm 2026",
        "type": "KẾ HOẠCH", "title": ["Tổ chức tuyên truyền phòng, chống thiên tai", "trên địa bàn xã năm 2026"],
        "gold": {"number": "41/KH-UBND", "issuer": "ỦY BAN NHÂN DÂN XÃ TÂN PHÚ ĐÔNG",
                 "place": "Tân Phú Đông", "date": "2026-03-09",
                 "title": "Tổ chức tuyên truyền phòng, chống thiên tai trên địa bàn xã năm 2026"},
        "spoil": {"skew": 1.6, "stamp": "reception"},
    },
    {
        "name": "s02_so_ke_hoach",
        "left": [("UBND TỈNH LÀO CAI", "r"), ("SỞ VĂN HÓA, THỂ THAO", "b"), ("VÀ DU LỊCH", "b"),
                 ("Số: 112/KH-SVHTTDL", "r")],
        "right_kind": "state", "place_date": "Lào Cai, ngày 12 tháng 3 năm 2026",
        "type": "KẾ HOẠCH", "title": ["Bồi dưỡng kỹ năng số cho viên chức thư viện", "và bảo tàng năm 2026"],
        "gold": {"number": "112/KH-SVHTTDL", "issuer": "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH",
                 "place": "Lào Cai", "date": "2026-03-12",
                 "title": "Bồi dưỡng kỹ năng số cho viên chức thư viện và bảo tàng năm 2026"},
        "spoil": {"skew": -2.2, "stamp": "seal"},
    },
    {
        "name": "s03_dang_uy_xa",
        "left": [("ĐẢNG BỘ TỈNH QUẢNG NGÃI", "r"), ("ĐẢNG ỦY XÃ BÌNH MINH", "b"), ("*", "r"),
                 ("Số 45-KH/ĐU", "r")],
        "right_kind": "party", "place_date": "Bình Minh, ngày 20 tháng 02 năm 2026",
        "type": "KẾ HOẠCH", "title": ["thực hiện chương trình làm việc toàn khóa", "về chuyển đổi số trong các chi bộ"],
        "gold": {"number": "45-KH/ĐU", "issuer": "ĐẢNG ỦY XÃ BÌNH MINH", "place": "Bình Minh",
                 "date": "2026-02-20",
                 "title": "thực hiện chương trình làm việc toàn khóa về chuyển đổi số trong các chi bộ"},
        "spoil": {"skew": 0.8, "stamp": "reception", "turn": 180},
    },
    {
        "name": "s04_quyet_dinh",
        "left": [("ỦY BAN NHÂN DÂN", "b"), ("TỈNH HÀ TĨNH", "b"), ("Số: 305/QĐ-UBND", "r")],
        "right_kind": "state", "place_date": "Hà Tĩnh, ngày 15 tháng 01 năm 2026",
        "type": "QUYẾT ĐỊNH", "title": ["Ban hành Kế hoạch số hóa hồ sơ lưu trữ", "của các cơ quan hành chính tỉnh"],
        "gold": {"number": "305/QĐ-UBND", "issuer": "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH", "place": "Hà Tĩnh",
                 "date": "2026-01-15",
                 "title": "Ban hành Kế hoạch số hóa hồ sơ lưu trữ của các cơ quan hành chính tỉnh"},
        "spoil": {"skew": -1.1, "stamp": "seal", "blur": 1.3},
    },
    {
        "name": "s05_cong_van",
        "left": [("UBND THÀNH PHỐ HUẾ", "r"), ("SỞ NỘI VỤ", "b"), ("Số: 1520/SNV-VP", "r"),
                 ("V/v rà soát vị trí việc làm", "r"), ("của viên chức năm 2026", "r")],
        "right_kind": "state", "place_date": "Huế, ngày 07 tháng 4 năm 2026",
        "type": None, "title": [],
        "gold": {"number": "1520/SNV-VP", "issuer": "SỞ NỘI VỤ", "place": "Huế", "date": "2026-04-07",
                 "title": "rà soát vị trí việc làm của viên chức năm 2026"},
        "spoil": {"skew": 2.4, "stamp": "reception", "noise": 0.06},
    },
    {
        "name": "s06_so_viet_tay",
        "left": [("ỦY BAN NHÂN DÂN", "b"), ("PHƯỜNG AN KHÁNH", "b"), ("Số:          /KH-UBND", "r")],
        "right_kind": "state", "place_date": "An Khánh, ngày       tháng 5 năm 2026",
        "type": "KẾ HOẠCH", "title": ["Ra quân làm sạch kênh rạch", "trên địa bàn phường"],
        "hand": {"number": "27", "day": "18"},
        "gold": {"number": "27/KH-UBND", "issuer": "ỦY BAN NHÂN DÂN PHƯỜNG AN KHÁNH", "place": "An Khánh",
                 "date": "2026-05-18", "title": "Ra quân làm sạch kênh rạch trên địa bàn phường"},
        "spoil": {"skew": -0.6, "stamp": "reception"},
    },
    {
        "name": "s07_bo_ke_hoach",
        "left": [("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "b"), ("Số: 2048/KH-BKHCN", "r")],
        "right_kind": "state", "place_date": "Hà Nội, ngày 28 tháng 11 năm 2025",
        "type": "KẾ HOẠCH", "title": ["Triển khai nền tảng dữ liệu khoa học mở", "giai đoạn 2026 - 2028"],
        "gold": {"number": "2048/KH-BKHCN", "issuer": "BỘ KHOA HỌC VÀ CÔNG NGHỆ", "place": "Hà Nội",
                 "date": "2025-11-28",
                 "title": "Triển khai nền tảng dữ liệu khoa học mở giai đoạn 2026 - 2028"},
        "spoil": {"skew": 1.9, "stamp": "seal", "turn": 90, "jpeg": 22},
    },
    {
        "name": "s08_ban_tuyen_giao",
        "left": [("TỈNH ỦY GIA LAI", "r"), ("BAN TUYÊN GIÁO VÀ DÂN VẬN", "b"), ("*", "r"),
                 ("Số 118-HD/BTGDVTU", "r")],
        "right_kind": "party", "place_date": "Gia Lai, ngày 03 tháng 12 năm 2025",
        "type": "HƯỚNG DẪN", "title": ["tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng"],
        "gold": {"number": "118-HD/BTGDVTU", "issuer": "BAN TUYÊN GIÁO VÀ DÂN VẬN", "place": "Gia Lai",
                 "date": "2025-12-03",
                 "title": "tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng"},
        "spoil": {"skew": -1.7, "stamp": "reception", "blur": 1.1, "noise": 0.04},
    },
    {
        # A central body's name wrapped in its narrow column, the Party name level with its
        # second line, and the reception stamp over the type name.
        "name": "s09_trung_uong_ket_luan",
        "left": [("BAN CHẤP HÀNH TRUNG", "b"), ("ƯƠNG", "b"), ("*", "r"), ("Số 307-KL/TW", "r")],
        "right_kind": "party", "right_drop": 0.9, "place_date": "Hà Nội, ngày 06 tháng 02 năm 2026",
        "type": "KẾT LUẬN", "title": ["CỦA BAN BÍ THƯ VỀ CÔNG TÁC LƯU TRỮ TÀI LIỆU", "TRONG CÁC CƠ QUAN ĐẢNG"],
        "gold": {"number": "307-KL/TW", "issuer": "BAN CHẤP HÀNH TRUNG ƯƠNG", "place": "Hà Nội",
                 "date": "2026-02-06",
                 "title": "CỦA BAN BÍ THƯ VỀ CÔNG TÁC LƯU TRỮ TÀI LIỆU TRONG CÁC CƠ QUAN ĐẢNG"},
        "spoil": {"skew": 0.9, "stamp": "reception", "stamp_at": (0.5, 2.1)},
    },
]

BODY = [
    "Căn cứ Kế hoạch số 15/KH-UBND ngày 10/01/2026 của Ủy ban nhân dân tỉnh;",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Nâng cao nhận thức của cán bộ, công chức và Nhân dân về nội dung kế hoạch.",
    "2. Bảo đảm thiết thực, hiệu quả, đúng tiến độ và phù hợp điều kiện thực tế.",
    "II. NỘI DUNG THỰC HIỆN",
    "1. Tổ chức hội nghị quán triệt, triển khai đến các cơ quan, đơn vị.",
    "2. Cập nhật thông tin lên cổng thông tin điện tử và mạng xã hội.",
]


def font(style, size):
    names = {"r": "LiberationSerif-Regular.ttf", "b": "LiberationSerif-Bold.ttf",
             "i": "LiberationSerif-Italic.ttf", "bi": "LiberationSerif-BoldItalic.ttf"}
    for d in FONT_DIRS:
        p = Path(d) / names[style]
        if p.exists():
            return ImageFont.truetype(str(p), size)
    raise SystemExit("scan-simulator: Liberation Serif not found (apt-get install fonts-liberation2)")


def centred(draw, text, cx, y, f, fill=0):
    w = draw.textlength(text, font=f)
    draw.text((cx - w / 2, y), text, font=f, fill=fill)
    return w


def render(doc, dpi):
    pt = dpi / 72.0
    width, height = int(8.27 * dpi), int(11.69 * dpi * 0.62)  # the top of an A4 page
    img = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(img)
    margin_l, margin_r = int(30 / 25.4 * dpi), int(15 / 25.4 * dpi)
    area = width - margin_l - margin_r
    left_cx = margin_l + area * 0.22
    right_cx = margin_l + area * 0.68
    size = int(13 * pt)
    line_h = int(size * 1.25)
    y0 = int(20 / 25.4 * dpi)
    positions = {}
    y = y0
    for text, style in doc["left"]:
        w = centred(draw, text, left_cx, y, font(style, size))
        positions[text] = (left_cx - w / 2, y, w)
        y += line_h
    y = y0 + int(line_h * doc.get("right_drop", 0))
    if doc["right_kind"] == "state":
        centred(draw, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", right_cx, y, font("b", size))
        y += line_h
        w = centred(draw, "Độc lập - Tự do - Hạnh phúc", right_cx, y, font("b", int(size * 1.05)))
        draw.line((right_cx - w / 2, y + line_h, right_cx + w / 2, y + line_h), fill=0, width=max(1, dpi // 100))
        y += int(line_h * 1.6)
    else:
        w = centred(draw, "ĐẢNG CỘNG SẢN VIỆT NAM", right_cx, y, font("b", int(size * 1.1)))
        draw.line((right_cx - w / 2, y + line_h * 1.1, right_cx + w / 2, y + line_h * 1.1), fill=0, width=max(1, dpi // 100))
        y += int(line_h * 1.9)
    w = centred(draw, doc["place_date"], right_cx, y, font("i", size))
    positions["date"] = (right_cx - w / 2, y, w)
    y = y0 + line_h * (len(doc["left"]) + 1.5)
    cx = margin_l + area / 2
    if doc["type"]:
        centred(draw, doc["type"], cx, y, font("b", int(size * 1.1)))
        y += line_h * 1.2
        for t in doc["title"]:
            centred(draw, t, cx, y, font("b", size))
            y += line_h
        draw.line((cx - area * 0.12, y + line_h * 0.3, cx + area * 0.12, y + line_h * 0.3), fill=0, width=max(1, dpi // 100))
    y += line_h * 1.5
    body = font("r", size)
    for text in BODY:
        f = font("b", size) if text.startswith(("I.", "II.")) else body
        draw.text((margin_l + (0 if text[0] in "IC" else int(10 / 25.4 * dpi)), y), text, font=f, fill=0)
        y += line_h
    return img, positions, size


# Strokes of hand-written digits in a unit box (x right, y down), drawn with jitter.
DIGIT_STROKES = {
    "0": [[(0.5, 0), (0.1, 0.25), (0.1, 0.75), (0.5, 1), (0.9, 0.75), (0.9, 0.25), (0.5, 0)]],
    "1": [[(0.3, 0.2), (0.6, 0), (0.55, 1)]],
    "2": [[(0.1, 0.25), (0.4, 0), (0.85, 0.2), (0.8, 0.45), (0.1, 1), (0.95, 0.97)]],
    "3": [[(0.1, 0.1), (0.8, 0.05), (0.4, 0.45), (0.9, 0.7), (0.5, 1), (0.1, 0.9)]],
    "4": [[(0.7, 1), (0.65, 0), (0.05, 0.7), (0.95, 0.68)]],
    "5": [[(0.85, 0), (0.2, 0.02), (0.15, 0.45), (0.7, 0.45), (0.85, 0.75), (0.5, 1), (0.1, 0.9)]],
    "6": [[(0.8, 0.05), (0.3, 0.3), (0.12, 0.75), (0.45, 1), (0.85, 0.75), (0.5, 0.5), (0.15, 0.7)]],
    "7": [[(0.05, 0.05), (0.9, 0), (0.35, 1)]],
    "8": [[(0.5, 0.48), (0.15, 0.25), (0.5, 0), (0.85, 0.25), (0.5, 0.48), (0.1, 0.75), (0.5, 1), (0.9, 0.75), (0.5, 0.48)]],
    "9": [[(0.85, 0.3), (0.5, 0), (0.15, 0.3), (0.5, 0.5), (0.85, 0.3), (0.75, 1)]],
}


def handwrite(img, text, x, y, h, rng):
    draw = ImageDraw.Draw(img)
    ink = (25, 40, 150)  # blue ballpoint
    slant = 0.25
    for ch in text:
        for stroke in DIGIT_STROKES.get(ch, []):
            pts = []
            for px, py in stroke:
                jx, jy = rng.uniform(-0.06, 0.06), rng.uniform(-0.05, 0.05)
                pts.append((x + (px + jx + slant * (1 - py)) * h * 0.55, y + (py + jy) * h))
            draw.line(pts, fill=ink, width=max(2, int(h / 11)), joint="curve")
        x += h * 0.62


def stamp(img, kind, cx, cy, dpi, rng):
    """A red stamp centred at (cx, cy), printed over whatever is there (multiplied)."""
    size = int(dpi * (1.7 if kind == "seal" else 1.9))
    layer = Image.new("RGB", (size, size), "white")
    d = ImageDraw.Draw(layer)
    red = (200, 30, 40)
    pt = dpi / 72.0
    if kind == "seal":
        r = size / 2 - 4
        d.ellipse((4, 4, size - 4, size - 4), outline=red, width=max(3, dpi // 60))
        d.ellipse((size * 0.2, size * 0.2, size * 0.8, size * 0.8), outline=red, width=max(2, dpi // 90))
        text = "ỦY BAN NHÂN DÂN * TỈNH THỬ NGHIỆM * "
        f = font("b", int(9 * pt))
        for i, ch in enumerate(text):
            a = 2 * math.pi * i / len(text) - math.pi / 2
            chi = Image.new("L", (int(12 * pt), int(12 * pt)), 0)
            ImageDraw.Draw(chi).text((1, 0), ch, font=f, fill=255)
            chi = chi.rotate(-math.degrees(a) - 90, expand=True)
            px = size / 2 + (r * 0.8) * math.cos(a) - chi.width / 2
            py = size / 2 + (r * 0.8) * math.sin(a) - chi.height / 2
            layer.paste(Image.new("RGB", chi.size, red), (int(px), int(py)), chi)
        d.regular_polygon((size / 2, size / 2, size * 0.12), 5, fill=red)
    else:
        h = int(size * 0.55)
        top = (size - h) // 2
        d.rectangle((4, top, size - 4, top + h), outline=red, width=max(3, dpi // 60))
        f = font("b", int(10 * pt))
        lines = ["CỔNG THÔNG TIN ĐIỆN TỬ", "ĐẾN", "Số: 2317", "Ngày: 16/3/2026", "Chuyển: ......"]
        y = top + 8
        for t in lines:
            centred(d, t, size / 2, y, f, fill=red)
            y += int(h / 5.3)
    layer = layer.rotate(rng.uniform(-12, 12), fillcolor="white")
    x, y = int(cx - size / 2), int(cy - size / 2)
    region = img.crop((x, y, x + size, y + size))
    # Ink multiplies: dark text under the stamp stays dark.
    img.paste(ImageChops.multiply(region, layer), (x, y))


def spoil(img, doc, dpi, positions, size):
    rng = random.Random(doc["name"])
    s = doc["spoil"]
    if "hand" in doc:
        number_line = next(t for t, _ in doc["left"] if t.startswith("Số"))
        x, y, _ = positions[number_line]
        handwrite(img, doc["hand"]["number"], x + size * 1.6, y - size * 0.15, size * 1.2, rng)
        dx, dy, _ = positions["date"]
        handwrite(img, doc["hand"]["day"], dx + size * 5.2, dy - size * 0.15, size * 1.2, rng)
    if s.get("stamp"):
        # Over the header: reception stamps land anywhere on top, seals over the issuer column.
        w = img.width
        x_share, y_inches = s.get("stamp_at", (0.55 if s["stamp"] == "reception" else 0.3, 1.3))
        stamp(img, s["stamp"], w * x_share, dpi * y_inches, dpi, rng)
    img = img.rotate(s.get("skew", 0), resample=Image.BICUBIC, expand=True, fillcolor="white")
    if s.get("turn"):
        img = img.rotate(s["turn"], expand=True)
    img = img.filter(ImageFilter.GaussianBlur(s.get("blur", 0.7) * dpi / 300))
    # Speckle and grain.
    noise = s.get("noise", 0.02)
    px = img.load()
    for _ in range(int(img.width * img.height * noise / 40)):
        x, y = rng.randrange(img.width), rng.randrange(img.height)
        v = rng.choice((0, 60, 255))
        px[x, y] = (v, v, v)
    return img


def compare(directory):
    """Without ../shared/tools/score_import.py: the share of pages whose header fields match the
    gold exactly (NFC, case and spaces folded), per field, from NAME.jpg.json import outputs."""
    import unicodedata

    def fold(v):
        return " ".join(unicodedata.normalize("NFC", str(v or "")).lower().split())
    fields = ["number", "date", "place", "issuer", "title"]
    hits = {f: 0 for f in fields}
    pages = 0
    for gold_path in sorted(Path(directory).glob("*.gold.json")):
        out_path = gold_path.with_name(gold_path.name.replace(".gold.json", ".jpg.json"))
        gold = json.loads(gold_path.read_text())["documents"][0]
        try:
            docs = json.loads(out_path.read_text())["documents"]
        except (OSError, ValueError, KeyError):
            docs = []
        got = docs[0] if docs else {}
        pages += 1
        for f in fields:
            hits[f] += fold(gold.get(f)) == fold(got.get(f))
    print("per field: " + "  ".join(f"{f}={hits[f] / max(pages, 1):.2f}" for f in fields))
    print(f"score {sum(hits.values()) / max(pages * len(fields), 1):.3f} over {pages} pages (exact match)")
    return 0


def spoil_pages(directory, dpi=200, variants=0):
    """Spoils pages rendered elsewhere as an office scan would: a skew of up to 2.4°, a reception
    stamp over the header, blur, speckle and JPEG, each choice seeded with the page's name. With
    `variants`, each page is spoiled that many more ways into NAME~K.jpg: a skew of up to 3°, a
    reception stamp or a seal anywhere over the header, more or less blur, speckle and JPEG."""
    pages = sorted(Path(directory).glob("*.page*.png"))
    for page in pages:
        name = page.name.split(".page")[0]
        original = Image.open(page).convert("RGB")
        if not variants:
            rng = random.Random(name)
            doc = {"name": name, "spoil": {"skew": round(rng.uniform(-2.4, 2.4), 1), "stamp": "reception",
                                          "blur": 0.8, "noise": 0.02}}
            img = spoil(original, doc, dpi, {}, 0)
            img.save(Path(directory) / (name + ".jpg"), "JPEG", quality=rng.randint(25, 40), dpi=(dpi, dpi))
            continue
        for k in range(variants):
            rng = random.Random(f"{name}#{k}")
            doc = {"name": f"{name}#{k}",
                   "spoil": {"skew": round(rng.uniform(-3, 3), 1),
                             "stamp": rng.choice(["reception", "reception", "seal"]),
                             "stamp_at": (rng.uniform(0.25, 0.75), rng.uniform(0.7, 1.8)),
                             "blur": rng.uniform(0.6, 1.3), "noise": rng.uniform(0.01, 0.05)}}
            img = spoil(original, doc, dpi, {}, 0)
            img.save(Path(directory) / f"{name}~{k}.jpg", "JPEG", quality=rng.randint(18, 40),
                     dpi=(dpi, dpi))
    print(f"scan-simulator: {len(pages)} pages spoiled in {directory}"
          + (f", {variants} ways each" if variants else ""))
    return 0


# Generated headers (--generate): fictional bodies of every level over the 34 provinces, their
# numbers, dates and titles drawn from a generator seeded with --seed, so a set is reproducible
# and two seeds give two sets that share no page.
COMMUNES = ["Tân Phú", "Bình Minh", "Hòa Thuận", "Phú Lộc", "An Bình", "Thanh Sơn", "Đông Hải",
            "Quảng Phú", "Ea Tu", "Hưng Lộc", "Mường Khương", "Cẩm Thành", "Nghĩa Đàn", "Long Hòa",
            "Thuận An", "Krông Năng", "Tiên Lữ", "Vĩnh Thạnh"]
DEPARTMENTS = [("SỞ NỘI VỤ", "SNV"), ("SỞ TÀI CHÍNH", "STC"), ("SỞ Y TẾ", "SYT"),
               ("SỞ GIÁO DỤC VÀ ĐÀO TẠO", "SGDĐT"), ("SỞ KHOA HỌC VÀ CÔNG NGHỆ", "SKHCN"),
               ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "SNNMT"), ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "SVHTTDL")]
MINISTRIES = [("BỘ NỘI VỤ", "BNV"), ("BỘ TÀI CHÍNH", "BTC"), ("BỘ Y TẾ", "BYT"),
              ("BỘ KHOA HỌC VÀ CÔNG NGHỆ", "BKHCN")]
TYPES = [("KẾ HOẠCH", "KH"), ("KẾ HOẠCH", "KH"), ("QUYẾT ĐỊNH", "QĐ"), ("THÔNG BÁO", "TB"),
         ("HƯỚNG DẪN", "HD"), ("BÁO CÁO", "BC")]
SUBJECTS = ["Tuyên truyền chuyển đổi số trên địa bàn năm {y}", "Kiểm tra công tác văn thư, lưu trữ năm {y}",
            "Phòng, chống thiên tai và tìm kiếm cứu nạn năm {y}", "Thực hiện cải cách hành chính giai đoạn {y} - {y2}",
            "Bồi dưỡng kỹ năng số cho cán bộ, công chức năm {y}", "Tổ chức các hoạt động kỷ niệm ngày thành lập",
            "Triển khai nền tảng dữ liệu dùng chung của cơ quan", "Phát triển thương mại điện tử giai đoạn {y} - {y2}"]


def provinces():
    root = Path(__file__).resolve().parent.parent
    out = []
    for line in (root / "demo" / "provinces-2025.csv").read_text(encoding="utf-8").splitlines()[1:]:
        name = line.split(",")[1]
        for kind in ("Thành phố ", "Tỉnh "):
            if name.startswith(kind):
                out.append((kind.strip(), name[len(kind):]))
    return out


def upper(text):
    return text.upper()


def generated_document(i, rng, provinces_list):
    kind, province = rng.choice(provinces_list)
    level = rng.choice(["province", "department", "commune", "party", "party_commune", "ministry"])
    type_name, abbrev = rng.choice(TYPES)
    n = rng.randint(1, 2999)
    year = rng.choice([2025, 2026])
    day, month = rng.randint(1, 28), rng.randint(1, 12)
    party = level.startswith("party")
    if level == "province":
        left, issuer, place = [("ỦY BAN NHÂN DÂN", "b"), (upper(f"{kind} {province}"), "b")], \
            upper(f"Ủy ban nhân dân {kind} {province}"), province
        number = f"{n}/{abbrev}-UBND"
    elif level == "department":
        dept, code = rng.choice(DEPARTMENTS)
        left, issuer, place = [(upper(f"UBND {kind} {province}"), "r"), (dept, "b")], dept, province
        number = f"{n}/{abbrev}-{code}"
    elif level == "commune":
        commune = rng.choice(COMMUNES)
        left, issuer, place = [("ỦY BAN NHÂN DÂN", "b"), (upper(f"xã {commune}"), "b")], \
            upper(f"Ủy ban nhân dân xã {commune}"), commune
        number = f"{n}/{abbrev}-UBND"
    elif level == "party":
        left = [(upper(f"{'Thành ủy' if kind == 'Thành phố' else 'Tỉnh ủy'} {province}"), "r"),
                ("BAN TUYÊN GIÁO VÀ DÂN VẬN", "b"), ("*", "r")]
        issuer, place = "BAN TUYÊN GIÁO VÀ DÂN VẬN", province
        number = f"{n}-{abbrev}/BTGDVTU"
    elif level == "party_commune":
        commune = rng.choice(COMMUNES)
        left = [(upper(f"Đảng bộ {kind} {province}"), "r"), (upper(f"Đảng ủy xã {commune}"), "b"), ("*", "r")]
        issuer, place = upper(f"Đảng ủy xã {commune}"), commune
        number = f"{n}-{abbrev}/ĐU"
    else:
        ministry, code = rng.choice(MINISTRIES)
        left, issuer, place = [(ministry, "b")], ministry, "Hà Nội"
        number = f"{n}/{abbrev}-{code}"
    left.append((("Số " if party else "Số: ") + number, "r"))
    month_text = f"{month:02d}" if month <= 2 else str(month)  # ND30: "tháng 01", "tháng 02"
    subject = rng.choice(SUBJECTS).format(y=year, y2=year + 4)
    title = subject[0].lower() + subject[1:] if party else subject
    words = title.split()
    cut = max(3, len(words) // 2) if len(words) > 8 else len(words)
    title_lines = [" ".join(words[:cut])] + ([" ".join(words[cut:])] if words[cut:] else [])
    return {
        "name": f"g{i:03d}",
        "left": left, "right_kind": "party" if party else "state",
        "place_date": f"{place}, ngày {day:02d} tháng {month_text} năm {year}",
        "type": type_name, "title": title_lines,
        "gold": {"number": number, "issuer": issuer, "place": place,
                 "date": f"{year}-{month:02d}-{day:02d}", "title": title},
        "spoil": {"skew": round(rng.uniform(-3, 3), 1), "stamp": rng.choice(["reception", "reception", "seal"]),
                  "stamp_at": (rng.uniform(0.25, 0.75), rng.uniform(0.7, 1.8)),
                  "blur": rng.uniform(0.6, 1.3), "noise": rng.uniform(0.01, 0.05),
                  "jpeg": rng.randint(18, 40)},
    }


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    if argv[0] == "--compare":
        return compare(argv[1])
    if argv[0] == "--spoil-pages":
        variants = int(argv[argv.index("--variants") + 1]) if "--variants" in argv else 0
        return spoil_pages(argv[1], variants=variants)
    if argv[0] == "--generate":
        seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 1
        return write_pages(Path(argv[2]), generated_documents(int(argv[1]), seed), 200)
    out = Path(argv[0])
    dpi = int(argv[argv.index("--dpi") + 1]) if "--dpi" in argv else 200
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    return write_pages(out, [d for d in DOCUMENTS if not only or d["name"] == only], dpi)


def generated_documents(count, seed):
    rng = random.Random(f"generate#{seed}")
    provinces_list = provinces()
    docs = []
    for i in range(count):
        doc = generated_document(i, rng, provinces_list)
        doc["name"] = f"g{seed}-{i:03d}"
        docs.append(doc)
    return docs


def write_pages(out, docs, dpi):
    out.mkdir(parents=True, exist_ok=True)
    for doc in docs:
        img, positions, size = render(doc, dpi)
        img = spoil(img, doc, dpi, positions, size)
        path = out / (doc["name"] + ".jpg")
        img.save(path, "JPEG", quality=doc["spoil"].get("jpeg", 40), dpi=(dpi, dpi))
        (out / (doc["name"] + ".gold.json")).write_text(
            json.dumps({"documents": [doc["gold"]]}, ensure_ascii=False, indent=1) + "\n")
    print(f"scan-simulator: {len(docs)} pages in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
