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
