#!/usr/bin/env python3
"""Figures, not a test: how fast /healthz and /readyz answer while documents are being imported,
and how many of a burst of imports the server takes (--max-imports) or refuses at once (503).

    bench/probes_under_imports.py BUILD/lienthong [IMPORTS] [FILE]

FILE (default: the scanned test plan, read by OCR) is uploaded IMPORTS times at once (default 6)
by one signed-in user, while another thread asks /healthz and /readyz every 50 ms. Extra flags for
`serve` come from $SERVE_FLAGS (e.g. SERVE_FLAGS="--max-imports 6").
"""
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "build/lienthong")
imports = int(sys.argv[2]) if len(sys.argv) > 2 else 6
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
upload = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
    root, "tests/testdata/import/ke_hoach_hoa_binh_scan.pdf")
work = tempfile.mkdtemp(prefix="lienthong-probes-")
db = "sqlite:" + os.path.join(work, "b.db")
password = "một mật khẩu đủ dài cho đo đạc"


def cli(*args, stdin=None):
    subprocess.run([binary, "--db", db, *args], input=stdin, text=True, check=True,
                   capture_output=True)


cli("db", "migrate")
units = os.path.join(work, "units.csv")
with open(units, "w", encoding="utf-8") as f:
    f.write("code,name,kind,parent_code\n66,Tỉnh Đắk Lắk,province,VN\n")
cli("units", "import", units)
cli("users", "add", "do.dac", "--unit", "66", "--role", "specialist", "--password-stdin",
    stdin=password + "\n")
log = open(os.path.join(work, "serve.log"), "w")
server = subprocess.Popen([binary, "--db", db, "serve", "--listen", "127.0.0.1:0", "--log-level",
                           "warn", *os.environ.get("SERVE_FLAGS", "").split()],
                          stdout=subprocess.PIPE, stderr=log, text=True)
port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))


def request(method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=900)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    data = response.read()
    conn.close()
    return response.status, response.getheader("Set-Cookie"), data


status, cookie, body = request("POST", "/api/v1/session",
                               json.dumps({"username": "do.dac", "password": password}),
                               {"Content-Type": "application/json"})
csrf = json.loads(body)["csrf_token"]
cookie = cookie.split(";")[0]
with open(upload, "rb") as f:
    data = f.read()
form = (b"--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
        os.path.basename(upload).encode() + b"\"\r\n\r\n" + data + b"\r\n--B--\r\n")
headers = {"Cookie": cookie, "X-CSRF-Token": csrf,
           "Content-Type": "multipart/form-data; boundary=B"}

answers, seconds = [], []


def one_import():
    started = time.monotonic()
    status, _, _ = request("POST", "/api/v1/plans/import", form, headers)
    answers.append(status)
    seconds.append(time.monotonic() - started)


probes = {"/healthz": [], "/readyz": []}
done = threading.Event()


def probe():
    while not done.is_set():
        for path, times in probes.items():
            started = time.monotonic()
            request("GET", path)
            times.append((time.monotonic() - started) * 1000)
        time.sleep(0.05)


prober = threading.Thread(target=probe)
prober.start()
threads = [threading.Thread(target=one_import) for _ in range(imports)]
begin = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join()
wall = time.monotonic() - begin
done.set()
prober.join()
server.terminate()
server.wait()
print("imports: %d at once of %s (%d KiB): answers %s; slowest %.1f s; all done in %.1f s" % (
    imports, os.path.basename(upload), len(data) // 1024,
    {s: answers.count(s) for s in sorted(set(answers))}, max(seconds), wall))
for path, times in probes.items():
    times.sort()
    print("%s during the imports: %d probes, median %.1f ms, p95 %.1f ms, max %.1f ms" % (
        path, len(times), statistics.median(times), times[int(len(times) * 0.95) - 1], times[-1]))
