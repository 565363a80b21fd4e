#!/usr/bin/env python3
"""Signs in to a running Harbour web app through its form and prints the session cookie
(`harbour_session=…`, or `__Host-harbour_session=…` when the server runs with --behind-tls), for
the load and scan scripts. Cookies are handled by hand, so that `Secure` ones work on loopback.
Usage: web-session.py URL USER PASSWORD"""
import http.client
import re
import sys
import urllib.parse

url, user, password = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
parts = urllib.parse.urlsplit(url)


def request(method, path, body=None, cookie=""):
    conn = http.client.HTTPConnection(parts.hostname, parts.port)
    headers = {"Cookie": cookie} if cookie else {}
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    cookies = [c.split(";", 1)[0] for c in response.headers.get_all("Set-Cookie") or []]
    return response.status, cookies, response.read().decode()


status, cookies, page = request("GET", "/login")
token = re.search(r'name="csrf_token" value="([0-9a-f]{64})"', page).group(1)
form = urllib.parse.urlencode({"name": user, "password": password, "csrf_token": token})
status, cookies, _ = request("POST", "/login", form, "; ".join(cookies))
session = [c for c in cookies if c.split("=", 1)[0].endswith("harbour_session")]
if status != 303 or not session:
    sys.exit(f"sign-in as {user} failed: HTTP {status}")
print(session[0])
