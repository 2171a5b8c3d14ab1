#!/usr/bin/env python3
"""Issue 12 against a real `lienthong serve` on loopback: hostile bodies, the in-flight budget,
liveness and readiness, SIGTERM past the grace period, forged log lines, a trusted proxy,
Secure cookies and HSTS, /metrics, and `db backup|check|restore` under write load.

    tests/server_hardening_test.py BUILD/lienthong

No test depends on how fast anything is: each waits for a state (a line in a log, a gauge in
/metrics) with a generous deadline that only guards against hanging.
"""
import http.client
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import unittest

BINARY = os.path.abspath(sys.argv.pop(1) if len(sys.argv) > 1 else "build/lienthong")
PASSWORD = "một mật khẩu đủ dài cho thử nghiệm"
UNITS = "code,name,kind,parent_code\n66,Tỉnh Đắk Lắk,province,VN\n66001,Xã Hòa Phú,commune,66\n"


def eventually(condition, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError("gave up waiting for " + what)


class Server:
    """A migrated SQLite database with units and two accounts, and `serve` on a free port."""

    def __init__(self, work, *flags, db_name="t.db"):
        self.work = work
        self.db_path = os.path.join(work, db_name)
        self.db = "sqlite:" + self.db_path
        if not os.path.exists(self.db_path):
            self.cli("db", "migrate")
            units = os.path.join(work, "units.csv")
            with open(units, "w", encoding="utf-8") as f:
                f.write(UNITS)
            self.cli("units", "import", units)
            for name, role in (("xa.viewer", "viewer"), ("xa.writer", "specialist")):
                self.cli("users", "add", name, "--unit", "66001", "--role", role,
                         "--password-stdin", stdin=PASSWORD + "\n")
        self.log_path = os.path.join(work, "serve-%d.log" % time.monotonic_ns())
        self.log = open(self.log_path, "w")
        self.proc = subprocess.Popen(
            [BINARY, "--db", self.db, "serve", "--listen", "127.0.0.1:0", "--web-root", work,
             *flags], stdout=self.log, stderr=subprocess.STDOUT)
        eventually(lambda: "listening on" in self.output() or self.proc.poll() is not None,
                   "the server to listen")
        match = re.search(r"listening on http://127\.0\.0\.1:(\d+)/", self.output())
        if not match:
            raise AssertionError("server did not start:\n" + self.output())
        self.port = int(match.group(1))

    def cli(self, *args, stdin=None):
        run = subprocess.run([BINARY, "--db", self.db, *args], input=stdin, text=True,
                             capture_output=True)
        if run.returncode != 0:
            raise AssertionError("lienthong %s: %s%s" % (" ".join(args), run.stdout, run.stderr))
        return run.stdout

    def output(self):
        with open(self.log_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def request(self, method, path, body=None, headers=None, cookie=None, csrf=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        headers = dict(headers or {})
        if body is not None and "Content-Type" not in headers:
            headers["Content-Type"] = "application/json"
        if cookie:
            headers["Cookie"] = "lienthong_session=" + cookie
        if csrf:
            headers["X-CSRF-Token"] = csrf
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        data = response.read()
        conn.close()
        return response.status, dict(response.getheaders()), data

    def sign_in(self, user, password=PASSWORD, headers=None):
        status, head, body = self.request(
            "POST", "/api/v1/session", json.dumps({"username": user, "password": password}),
            headers=headers)
        cookie = None
        match = re.search(r"lienthong_session=([0-9a-f]+)", head.get("Set-Cookie", ""))
        if match:
            cookie = match.group(1)
        csrf = json.loads(body).get("csrf_token") if status == 200 else None
        return status, cookie, csrf, head

    def metric(self, name):
        status, _, body = self.request("GET", "/metrics")
        assert status == 200, status
        for line in body.decode().splitlines():
            if line.startswith(name + " "):
                return float(line.split()[1])
        return None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
        code = self.proc.wait(timeout=120)
        self.log.close()
        return code


def raw_exchange(port, head, body=b"", read=True):
    """Sends `head` (and `body`) on a new connection and returns the status line and the rest."""
    sock = socket.create_connection(("127.0.0.1", port), timeout=120)
    sock.sendall(head.encode() + body)
    if not read:
        return sock
    answer = b""
    while b"\r\n\r\n" not in answer:
        chunk = sock.recv(65536)
        if not chunk:
            break
        answer += chunk
    sock.close()
    return answer.decode(errors="replace")


SCAN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "testdata", "import",
                    "ke_hoach_hoa_binh_scan.pdf")


def big_text(megabytes=40):
    """A plan of `megabytes` MB of text: under the 50 MB a file may have, but reading it takes
    some 300 MB more than its size (decoding, normalising, the parser's copies)."""
    line = "Triển khai nhiệm vụ tuyên truyền chuyển đổi số trên địa bàn xã năm 2025.\n"
    return ("KẾ HOẠCH\n" + line * int(megabytes * 1e6 / len(line.encode()))).encode()


def scanned_pdf(work, pages):
    """A scanned PDF of `pages` copies of the fixture's page (OCR: a few seconds a page)."""
    out = os.path.join(work, "scan-%d.pdf" % pages)
    subprocess.run(["pdfunite"] + [SCAN] * pages + [out], check=True)
    with open(out, "rb") as f:
        return f.read()


def multipart(name, data):
    body = (b"--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" +
            name.encode() + b"\"\r\nContent-Type: application/pdf\r\n\r\n" + data +
            b"\r\n--b--\r\n")
    return body, {"Content-Type": "multipart/form-data; boundary=b"}


def children_of(pid):
    """Processes whose parent is `pid` (the document readers a server started)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                stat = f.read()
        except OSError:
            continue
        if int(stat[stat.rfind(")") + 2:].split()[1]) == pid:
            found.append(int(entry))
    return found


def activity(title):
    return json.dumps({"unit": "66001", "date": "2025-10-01", "kind": "article",
                       "channel": "website", "theme": "", "title": title, "link": "",
                       "reach": 1})


class HardeningTest(unittest.TestCase):
    def setUp(self):
        self.work = tempfile.mkdtemp(prefix="lienthong-hardening-")
        self.servers = []

    def tearDown(self):
        for server in self.servers:
            if server.proc.poll() is None:
                server.stop()
        shutil.rmtree(self.work, ignore_errors=True)

    def serve(self, *flags, **kwargs):
        server = Server(self.work, *flags, **kwargs)
        self.servers.append(server)
        return server

    def test_deep_json_from_a_viewer_is_refused_and_the_server_stays_up(self):  # issue 12 #1
        server = self.serve()
        status, cookie, csrf, _ = server.sign_in("xa.viewer")
        self.assertEqual(status, 200)
        deep = '{"unit":' + "[" * 100000 + "]" * 100000 + "}"
        status, _, body = server.request("POST", "/api/v1/activities", deep, cookie=cookie,
                                         csrf=csrf)
        self.assertIn(status, (400, 413), body)
        self.assertIsNone(server.proc.poll(), "the server died")
        self.assertEqual(server.request("GET", "/healthz")[0], 200)
        self.assertEqual(server.stop(), 0)

    def test_bodies_are_bounded_before_they_are_read(self):  # issue 12 #6
        server = self.serve("--max-inflight-mb", "1")
        # Anonymous 30 MiB logins: answered from the head, no byte of the body read.
        for _ in range(60):
            answer = raw_exchange(server.port, "POST /api/v1/session HTTP/1.1\r\nHost: x\r\n"
                                  "Content-Type: application/json\r\n"
                                  "Content-Length: 31457280\r\n\r\n")
            self.assertTrue(answer.startswith("HTTP/1.1 413"), answer)
        answer = raw_exchange(server.port, "POST /api/v1/plans/import HTTP/1.1\r\nHost: x\r\n"
                              "Content-Length: 31457280\r\n\r\n")
        self.assertTrue(answer.startswith("HTTP/1.1 401"), answer)
        # A signed-in upload holds 900 KiB of the 1 MiB budget; a second is refused meanwhile.
        _, cookie, csrf, _ = server.sign_in("xa.writer")
        head = ("POST /api/v1/plans/import HTTP/1.1\r\nHost: x\r\nCookie: lienthong_session=%s\r\n"
                "X-CSRF-Token: %s\r\nContent-Type: multipart/form-data; boundary=b\r\n"
                "Content-Length: %d\r\n\r\n")
        slow = raw_exchange(server.port, head % (cookie, csrf, 900 * 1024), b"--b\r\n", read=False)
        eventually(lambda: server.metric("lienthong_http_inflight_body_bytes") == 900 * 1024,
                   "the first upload's reservation")
        answer = raw_exchange(server.port, head % (cookie, csrf, 200 * 1024), b"x" * 1024)
        self.assertTrue(answer.startswith("HTTP/1.1 503"), answer)
        self.assertIn("Retry-After: 5", answer)
        slow.close()
        eventually(lambda: server.metric("lienthong_http_inflight_body_bytes") == 0,
                   "the budget to be released")
        self.assertEqual(server.stop(), 0)

    def test_liveness_readiness_and_metrics(self):  # issue 12 #10
        server = self.serve()
        status, _, body = server.request("GET", "/healthz")
        self.assertEqual((status, json.loads(body)["status"]), (200, "ok"))
        status, _, body = server.request("GET", "/readyz")
        self.assertEqual(status, 200, body)
        self.assertEqual(json.loads(body)["backend"], "sqlite")
        self.assertEqual(server.request("POST", "/healthz", "{}")[0], 405)
        self.assertGreaterEqual(server.metric("lienthong_imports_max"), 1)
        status, _, body = server.request("GET", "/metrics")
        self.assertIn('lienthong_http_requests_total{route="/readyz",method="GET",status="200"} 1',
                      body.decode())
        self.assertIn("lienthong_http_request_duration_seconds_bucket", body.decode())
        status, _, _ = server.request("GET", "/metrics", headers={"X-Forwarded-For": "1.2.3.4"})
        self.assertEqual(status, 404, "proxied requests do not see /metrics")
        self.assertEqual(server.stop(), 0)
        # A disk short of space (as the server is told to see it): not ready, still alive.
        full = self.serve("--min-free-mb", str(1 << 30))  # a pebibyte
        status, _, body = full.request("GET", "/readyz")
        self.assertEqual(status, 503, body)
        self.assertIn("MiB free", json.loads(body)["reason"])
        self.assertEqual(full.request("GET", "/healthz")[0], 200)
        self.assertEqual(full.stop(), 0)

    def test_sigterm_during_a_request_past_the_grace_period(self):  # issue 12 #7
        server = self.serve("--shutdown-grace-seconds", "1")
        _, cookie, csrf, _ = server.sign_in("xa.writer")
        # The test holds SQLite's write lock: the activity's commit waits for it.
        lock = sqlite3.connect(server.db_path, isolation_level=None, timeout=60)
        lock.execute("BEGIN EXCLUSIVE")
        body = activity("Chờ khóa ghi").encode()
        head = ("POST /api/v1/activities HTTP/1.1\r\nHost: x\r\nCookie: lienthong_session=%s\r\n"
                "X-CSRF-Token: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n"
                % (cookie, csrf, len(body)))
        sock = raw_exchange(server.port, head, body, read=False)
        eventually(lambda: server.metric("lienthong_http_running_requests") == 1,
                   "the request to be in its handler")
        server.proc.send_signal(signal.SIGTERM)
        answer = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            answer += chunk
        sock.close()
        lock.execute("ROLLBACK")
        lock.close()
        self.assertTrue(answer.startswith(b"HTTP/1.1 503"), answer)  # a whole answer, then EOF
        self.assertEqual(server.stop(), 0, server.output())
        for bad in ("double free", "malloc", "Aborted", "AddressSanitizer"):
            self.assertNotIn(bad, server.output())

    def test_log_lines_cannot_be_forged(self):  # issue 12 #12
        server = self.serve()
        server.request("GET", "/x%0d%0a2026-01-01T00:00:00.000Z%20info%20request%20user=admin")
        server.request("GET", "/y%1b%5b31mred")
        self.assertEqual(server.stop(), 0)
        log = server.output()
        self.assertNotIn("\x1b", log)
        for line in log.splitlines():
            self.assertFalse(line.startswith("2026-01-01T00:00:00.000Z"), line)
        self.assertIn("\\x0d\\x0a2026-01-01", log)

    def test_behind_a_trusted_proxy_the_lock_follows_the_client(self):  # issue 12 #8
        server = self.serve("--trusted-proxy", "127.0.0.1/32")
        attacker = {"X-Forwarded-For": "203.0.113.66"}
        for _ in range(5):
            server.sign_in("xa.writer", "a wrong password guess", headers=attacker)
        self.assertEqual(server.sign_in("xa.writer", headers=attacker)[0], 423)
        owner = {"X-Forwarded-For": "198.51.100.20"}
        self.assertEqual(server.sign_in("xa.writer", headers=owner)[0], 200)
        self.assertIn("address=198.51.100.20", server.output())
        self.assertEqual(server.stop(), 0)
        # Without --trusted-proxy the header is the client's word: everyone is the peer.
        direct = self.serve()
        for _ in range(5):
            direct.sign_in("xa.viewer", "a wrong password guess", headers=attacker)
        self.assertEqual(direct.sign_in("xa.viewer", headers=owner)[0], 423)
        self.assertEqual(direct.stop(), 0)

    def test_https_public_url_means_secure_cookies_and_hsts(self):  # issue 12 #8, #15
        server = self.serve("--public-url", "https://lienthong.example.gov.vn/")
        status, cookie, _, head = server.sign_in("xa.viewer")
        self.assertEqual(status, 200)
        self.assertIn("; Secure", head["Set-Cookie"])
        self.assertEqual(head.get("Strict-Transport-Security"), "max-age=31536000")
        self.assertEqual(server.stop(), 0)

    def test_a_document_over_the_memory_limit_is_refused_in_its_own_process(self):  # issue 12 #2
        server = self.serve("--import-memory-mb", "256", "--max-body-mb", "48")
        _, cookie, csrf, _ = server.sign_in("xa.writer")
        body, headers = multipart("ke-hoach-rat-dai.txt", big_text())
        answer = {}

        def upload():
            answer["status"], _, answer["body"] = server.request(
                "POST", "/api/v1/plans/import", body, headers=headers, cookie=cookie, csrf=csrf)

        reader = threading.Thread(target=upload)
        reader.start()
        eventually(lambda: children_of(server.proc.pid) or not reader.is_alive(),
                   "the reader to start")
        answered_meanwhile = 0
        while reader.is_alive():
            self.assertEqual(server.request("GET", "/healthz")[0], 200)
            answered_meanwhile += reader.is_alive()
            time.sleep(0.1)
        reader.join()
        self.assertGreater(answered_meanwhile, 0, "/healthz answered while the file was read")
        error = json.loads(answer["body"])["error"]
        self.assertEqual((answer["status"], error["code"]), (413, "import_memory_limit"),
                         answer["body"])
        self.assertIn("256 MiB", error["message"])
        self.assertEqual(server.request("GET", "/api/v1/session", cookie=cookie)[0], 200)
        self.assertEqual(children_of(server.proc.pid), [])
        self.assertIsNone(server.proc.poll(), "the server is still running")

    def test_a_long_scan_reads_in_a_child_that_a_cancel_or_a_disconnect_kills(self):  # issue 12 #2
        server = self.serve("--max-imports", "1")
        _, cookie, csrf, _ = server.sign_in("xa.writer")
        body, headers = multipart("quet.pdf", scanned_pdf(self.work, 8))
        status, _, answer = server.request("POST", "/api/v1/imports", body, headers=headers,
                                           cookie=cookie, csrf=csrf)
        self.assertEqual(status, 202, answer)
        job = "/api/v1/imports/" + json.loads(answer)["id"]

        def state():
            return json.loads(server.request("GET", job, cookie=cookie)[2])

        eventually(lambda: state()["stage"] == "ocr", "OCR to start", seconds=120)
        self.assertEqual(len(children_of(server.proc.pid)), 1, "one reader process")
        # The server answers meanwhile, and a second import waits for nobody: 503 at once.
        self.assertEqual(server.request("GET", "/healthz")[0], 200)
        self.assertEqual(server.request("GET", "/api/v1/session", cookie=cookie)[0], 200)
        status, head, _ = server.request("POST", "/api/v1/plans/import", body, headers=headers,
                                         cookie=cookie, csrf=csrf)
        self.assertEqual((status, head.get("Retry-After")), (503, "30"))
        self.assertEqual(server.request("DELETE", job, cookie=cookie, csrf=csrf)[0], 204)
        eventually(lambda: state()["state"] == "cancelled", "the job to stop")
        self.assertEqual(state()["error"]["code"], "import_cancelled")
        self.assertEqual(children_of(server.proc.pid), [], "no reader left behind")

        # The same file on the synchronous route, and the client goes away: the reader goes too.
        head = ("POST /api/v1/plans/import HTTP/1.1\r\nHost: x\r\nCookie: lienthong_session=%s\r\n"
                "X-CSRF-Token: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
                % (cookie, csrf, headers["Content-Type"], len(body)))
        sock = raw_exchange(server.port, head, body, read=False)
        eventually(lambda: len(children_of(server.proc.pid)) == 1, "the reader to start")
        sock.close()
        eventually(lambda: children_of(server.proc.pid) == [], "the reader to be killed")
        self.assertEqual(server.metric("lienthong_imports_in_flight"), 0)

    def test_backup_under_write_load_restores_with_matching_counts(self):  # issue 12 #9
        server = self.serve()
        _, cookie, csrf, _ = server.sign_in("xa.writer")
        stop = threading.Event()
        written = []

        def write():
            i = 0
            while not stop.is_set():
                status, _, _ = server.request("POST", "/api/v1/activities",
                                              activity("Tin %d" % i), cookie=cookie, csrf=csrf)
                if status == 201:
                    written.append(i)
                i += 1

        writers = [threading.Thread(target=write) for _ in range(2)]
        for t in writers:
            t.start()
        eventually(lambda: len(written) >= 20, "writes to flow")
        backup = os.path.join(self.work, "backup.db")
        out = server.cli("db", "backup", backup)
        self.assertIn("integrity: ok", out)
        more = len(written)
        eventually(lambda: len(written) >= more + 10, "writes to go on after the backup")
        stop.set()
        for t in writers:
            t.join()
        self.assertEqual(server.stop(), 0)

        def count(path):
            with sqlite3.connect(path) as db:
                return db.execute("SELECT COUNT(*) FROM activities").fetchone()[0]

        in_backup = count(backup)
        self.assertGreaterEqual(in_backup, 20)
        self.assertLess(in_backup, count(server.db_path))
        check = subprocess.run([BINARY, "--db", "sqlite:" + backup, "db", "check"], text=True,
                               capture_output=True)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)
        restored = os.path.join(self.work, "restored.db")
        run = subprocess.run([BINARY, "--db", "sqlite:" + restored, "db", "restore", backup],
                             text=True, capture_output=True)
        self.assertEqual(run.returncode, 0, run.stdout + run.stderr)
        self.assertEqual(count(restored), in_backup)
        # The restored database serves: the writer signs in and reads its activities.
        again = self.serve(db_name="restored.db")
        status, cookie, _, _ = again.sign_in("xa.writer")
        self.assertEqual(status, 200)
        status, _, body = again.request("GET", "/api/v1/activities?unit=66001&limit=1",
                                        cookie=cookie)
        self.assertEqual((status, json.loads(body)["total"]), (200, in_backup))
        self.assertEqual(again.stop(), 0)


if __name__ == "__main__":
    unittest.main(verbosity=2)
