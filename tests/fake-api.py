#!/usr/bin/env python3
"""fake-api.py - a local imitation of the GitHub and GitLab REST endpoints the
mapguard comment bot uses, for tests.  It listens on 127.0.0.1 (port 0: a free
port, written to PORTFILE), records every request as one JSON line in LOG
(method, path with query, the Authorization/PRIVATE-TOKEN header's value,
content type and the parsed JSON body) and answers from a small in-memory
state seeded by STATE (a JSON file):

  {"comments": [{"id": 1, "body": "..."}, ...],   # existing PR/MR comments
   "review_comments": [{"id": 7, "body": "..."}],  # GitHub PR review comments
   "discussions": [{"id": "d1", "notes": [{"body": "..."}]}],
   "per_page": 2,                                 # page size of list answers
   "fail": [{"method": "POST", "path": "/x", "status": 429,
             "headers": {"Retry-After": "1"}, "times": 1}]}

Usage: fake-api.py STATE LOG PORTFILE
"""
import json
import os
import re
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

STATE_FILE, LOG_FILE, PORT_FILE = sys.argv[1:4]
with open(STATE_FILE) as f:
    STATE = json.load(f)
STATE.setdefault("comments", [])
STATE.setdefault("review_comments", [])
STATE.setdefault("discussions", [])
STATE.setdefault("fail", [])
PER_PAGE = int(STATE.get("per_page", 30))
LOCK = threading.Lock()
NEXT_ID = [1000]


def new_id():
    NEXT_ID[0] += 1
    return NEXT_ID[0]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet: the LOG file is the record
        pass

    def _body(self):
        n = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(n) if n else b""
        if not raw:
            return None
        try:
            return json.loads(raw)
        except ValueError:
            return {"_unparsed": raw.decode("utf-8", "replace")}

    def _send(self, status, obj=None, headers=None):
        data = b"" if obj is None else json.dumps(obj).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _page(self, items, query, base_path):
        page = int(query.get("page", ["1"])[0])
        per = min(int(query.get("per_page", [str(PER_PAGE)])[0]), PER_PAGE)
        chunk = items[(page - 1) * per: page * per]
        headers = {}
        gitlab = base_path.startswith("/api/v4/")
        if page * per < len(items) and not gitlab:
            host = self.headers.get("Host")
            nxt = "http://%s%s?per_page=%d&page=%d" % (host, base_path, per,
                                                       page + 1)
            headers["Link"] = '<%s>; rel="next", <%s>; rel="last"' % (
                nxt, nxt)
        elif page * per < len(items):  # GitLab: X-Next-Page only
            headers["X-Next-Page"] = str(page + 1)
        else:
            headers["X-Next-Page"] = ""
        return chunk, headers

    def _handle(self, method):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        path = url.path
        body = self._body()
        rec = {"method": method, "path": self.path,
               "auth": self.headers.get("Authorization")
               or self.headers.get("PRIVATE-TOKEN") or self.headers.get(
                   "JOB-TOKEN"),
               "content_type": self.headers.get("Content-Type"),
               "body": body}
        with LOCK:
            with open(LOG_FILE, "a") as log:
                log.write(json.dumps(rec) + "\n")
            for fail in STATE["fail"]:
                if fail.get("times", 1) > 0 and fail["method"] == method \
                        and re.fullmatch(fail["path"], path):
                    fail["times"] = fail.get("times", 1) - 1
                    return self._send(fail["status"],
                                      {"message": "fake failure"},
                                      fail.get("headers"))
            return self._route(method, path, query, body)

    def _route(self, method, path, query, body):
        s = STATE
        # GitHub: issue comments
        m = re.fullmatch(r"(?:/api/v3)?/repos/[^/]+/[^/]+/issues/(\d+)/comments",
                         path)
        if m and method == "GET":
            chunk, h = self._page(s["comments"], query, path)
            return self._send(200, chunk, h)
        if m and method == "POST":
            c = {"id": new_id(), "body": body["body"]}
            s["comments"].append(c)
            return self._send(201, c)
        m = re.fullmatch(r"(?:/api/v3)?/repos/[^/]+/[^/]+/issues/comments/(\d+)",
                         path)
        if m and method == "PATCH":
            for c in s["comments"]:
                if c["id"] == int(m.group(1)):
                    c["body"] = body["body"]
                    return self._send(200, c)
            return self._send(404, {"message": "Not Found"})
        m = re.fullmatch(r"(?:/api/v3)?/repos/[^/]+/[^/]+/pulls/(\d+)/comments",
                         path)
        if m and method == "GET":
            chunk, h = self._page(s["review_comments"], query, path)
            return self._send(200, chunk, h)
        m = re.fullmatch(r"(?:/api/v3)?/repos/[^/]+/[^/]+/pulls/(\d+)/reviews",
                         path)
        if m and method == "POST":
            for c in body.get("comments", []):
                s["review_comments"].append({"id": new_id(),
                                             "body": c["body"]})
            return self._send(200, {"id": new_id()})
        # GitLab: MR notes and discussions
        base = r"/api/v4/projects/[^/]+/merge_requests/(\d+)"
        m = re.fullmatch(base, path)
        if m and method == "GET":
            return self._send(200, {"iid": int(m.group(1)), "diff_refs": {
                "base_sha": "b" * 40, "start_sha": "s" * 40,
                "head_sha": "h" * 40}})
        m = re.fullmatch(base + "/notes", path)
        if m and method == "GET":
            chunk, h = self._page(s["comments"], query, path)
            return self._send(200, chunk, h)
        if m and method == "POST":
            c = {"id": new_id(), "body": body["body"]}
            s["comments"].append(c)
            return self._send(201, c)
        m = re.fullmatch(base + r"/notes/(\d+)", path)
        if m and method == "PUT":
            for c in s["comments"]:
                if c["id"] == int(m.group(2)):
                    c["body"] = body["body"]
                    return self._send(200, c)
            return self._send(404, {"message": "404 Not found"})
        m = re.fullmatch(base + "/discussions", path)
        if m and method == "GET":
            chunk, h = self._page(s["discussions"], query, path)
            return self._send(200, chunk, h)
        if m and method == "POST":
            d = {"id": "d%d" % new_id(), "notes": [{"body": body["body"]}]}
            s["discussions"].append(d)
            return self._send(201, d)
        return self._send(404, {"message": "Not Found"})

    def do_GET(self):
        self._handle("GET")

    def do_POST(self):
        self._handle("POST")

    def do_PATCH(self):
        self._handle("PATCH")

    def do_PUT(self):
        self._handle("PUT")


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORT_FILE + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(PORT_FILE + ".tmp", PORT_FILE)  # atomic: the test waits for it
server.serve_forever()
