#!/usr/bin/env python3
"""A PostHog stand-in on 127.0.0.1 for the scripts: answers every POST with 200 and appends a line
per request to LOG, "METHOD PATH CONTENT-ENCODING EVENT,...", its port to LOG.port once it listens.
Serves REQUESTS requests (default 1; 0: until killed); with CERT and KEY (PEM files) over HTTPS.
Usage: posthog-standin.py LOG [REQUESTS [CERT KEY]]

Not shared with the Swift tests' HTTPStandIn (Tests/TestSupport), on purpose: that one lives in the
test process (scripted replies, hangs and closes, requests read back as values, one language in the
suite); the scripts need a process beside a release binary in its root filesystem, alive across
its runs, and Package.swift has no executable to start for that.
"""
import gzip, http.server, json, ssl, sys

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
if requests:
    for _ in range(requests):
        server.handle_request()
else:
    server.serve_forever()
