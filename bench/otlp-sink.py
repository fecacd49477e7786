#!/usr/bin/env python3
"""A local OTLP/HTTP endpoint for measuring what tracing costs the server: accepts POSTs to
/v1/traces, /v1/metrics and /v1/logs, reads the body, answers 200 with an empty protobuf message,
and keeps only counts (printed on SIGTERM).

    python3 bench/otlp-sink.py [PORT]      (default 4318, loopback only)
"""
import signal
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

counts = {"requests": 0, "bytes": 0}


class Sink(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        counts["requests"] += 1
        counts["bytes"] += len(body)
        known = self.path in ("/v1/traces", "/v1/metrics", "/v1/logs")
        self.send_response(200 if known else 404)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 4318
    server = ThreadingHTTPServer(("127.0.0.1", port), Sink)

    def stop(*_):
        print(f"otlp-sink: {counts['requests']} exports, {counts['bytes']} bytes", flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
