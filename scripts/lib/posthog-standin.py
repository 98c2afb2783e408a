#!/usr/bin/env python3
"""A PostHog stand-in on 127.0.0.1 for the scripts: answers every POST with 200 and appends one line
per request to LOG: "METHOD PATH CONTENT-ENCODING EVENT,EVENT...". Writes its port to LOG.port
once it listens. Serves REQUESTS requests (default 1), then exits. With CERT and KEY (PEM files) it
speaks HTTPS.

Usage: posthog-standin.py LOG [REQUESTS [CERT KEY]]
"""
import gzip
import http.server
import json
import ssl
import sys

log = sys.argv[1]
requests = int(sys.argv[2]) if len(sys.argv) > 2 else 1
certificate = sys.argv[3:5]


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.headers.get("Content-Encoding") == "gzip":
            body = gzip.decompress(body)
        events = [e.get("event", "?") for e in json.loads(body).get("batch", [])]
        with open(log, "a") as f:
            f.write("%s %s %s %s\n" % (self.command, self.path, self.headers.get("Content-Encoding"), ",".join(events)))
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"status":1}')

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
if certificate:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    server.socket = context.wrap_socket(server.socket, server_side=True)
with open(log + ".port", "w") as f:
    f.write(str(server.server_address[1]))
for _ in range(requests):
    server.handle_request()
