#!/usr/bin/env python3
"""Seeds what `make demo` creates through the API, as a user would: publishes the province's
plan, derives a commune's plan from it, and (when the reporting API is there) declares an
indicator and a quarterly reporting duty and submits a few reports.
Usage: scripts/demo-api-seed.py BASE_URL PASSWORD"""
import http.cookiejar
import json
import sys
import urllib.error
import urllib.request

base, password = sys.argv[1], sys.argv[2]


class Client:
    def __init__(self, username):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.csrf = ""
        status, body = self.call("POST", "/api/v1/session",
                                 {"username": username, "password": password})
        if status != 200:
            raise SystemExit(f"demo seed: cannot sign in as {username}: {status} {body}")
        self.csrf = body["csrf_token"]

    def call(self, method, path, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(base + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.csrf:
            request.add_header("X-CSRF-Token", self.csrf)
        try:
            with self.opener.open(request) as response:
                text = response.read().decode()
                return response.status, json.loads(text) if text else None
        except urllib.error.HTTPError as error:
            text = error.read().decode()
            try:
                return error.code, json.loads(text)
            except ValueError:
                return error.code, text


def step(name, status, body, ok=(200, 201, 204)):
    if status in ok:
        print(f"demo seed: {name}: ok")
        return True
    print(f"demo seed: {name}: {status} {json.dumps(body, ensure_ascii=False)[:300]}",
          file=sys.stderr)
    return False


province = Client("tinh.daklak")
status, plans = province.call("GET", "/api/v1/plans?unit=66")
plan = next((p for p in plans["plans"] if p.get("number") == "120/KH-UBND"), None)
if plan is None:
    raise SystemExit("demo seed: the province's plan 120/KH-UBND is missing")
pid = plan["id"]
step("publish 120/KH-UBND", *province.call("PATCH", f"/api/v1/plans/{pid}",
                                           {"status": "published"}))
step("derive a plan for Xã Ea Kar", *province.call("POST", f"/api/v1/plans/{pid}/derive",
                                                   {"unit": "66904"}))

# Reporting: indicators and a quarterly duty on the province's plan, two communes report Q4/2025
# and the province accepts one of them.
indicators = {"indicators": [
    {"code": "so_tin_bai", "name": "Số tin, bài tuyên truyền", "type": "number",
     "aggregation": "sum", "unit_label": "tin, bài"},
    {"code": "ty_le_dvc", "name": "Tỷ lệ hồ sơ dịch vụ công trực tuyến", "type": "percentage",
     "aggregation": "mean"},
    {"code": "quan_triet", "name": "Đã tổ chức quán triệt kế hoạch", "type": "yes_no",
     "aggregation": "share_meeting_target", "goal": 100, "goal_period": "2025-Q4"}]}
if step("declare indicators", *province.call("POST", f"/api/v1/plans/{pid}/indicators",
                                             indicators)):
    step("quarterly reporting duty", *province.call(
        "POST", f"/api/v1/plans/{pid}/reporting-duties",
        {"frequency": "quarterly", "first_year": 2025, "last_year": 2026,
         "cutoff": "statutory", "offset_days": {"commune": 2}}))
    for user, code, values in (("xa.hoaphu", "66906", (14, 62.5, True)),
                               ("xa.eakar", "66904", (9, 48.0, False))):
        commune = Client(user)
        status, report = commune.call("POST", "/api/v1/reports", {
            "plan": pid, "unit": code, "period": "2025-Q4",
            "values": [{"code": "so_tin_bai", "value": values[0]},
                       {"code": "ty_le_dvc", "value": values[1]},
                       {"code": "quan_triet", "value": values[2]}],
            "narrative": {"highlights": "Phát sóng bản tin chuyển đổi số hằng tuần trên loa truyền thanh.",
                          "shortcomings": "Một số thôn chưa có tổ công nghệ số cộng đồng.",
                          "recommendations": "Đề nghị tỉnh hỗ trợ tài liệu tuyên truyền."}})
        if step(f"report of {code} for Q4/2025", status, report):
            step(f"submit the report of {code}",
                 *commune.call("POST", f"/api/v1/reports/{report['id']}/submit", {}))
            if code == "66906":
                step("the province accepts it",
                     *province.call("POST", f"/api/v1/reports/{report['id']}/accept", {}))
