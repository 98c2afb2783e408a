#!/usr/bin/env python3
"""A TCP proxy on 127.0.0.1 that adds network latency, and counts round trips, for scripts/bench.

Usage: latency-proxy.py TARGET_PORT DELAY_MS LOG_FILE
  Listens on a free loopback port (written to LOG_FILE.port once listening) and forwards every
  connection to 127.0.0.1:TARGET_PORT (the throwaway PostgreSQL). Each chunk read from either side
  is written to the other side DELAY_MS / 2 after it was read, in order, so a request and its
  answer together cost DELAY_MS more than on loopback: one simulated round trip. Chunks do not
  wait for each other, only for their own time, as on a real link with latency and no loss.
  Runs until killed.

What is counted, per connection (one JSON line appended to LOG_FILE when the connection ends):
  round_trips     the number of server replies: times the data flow turns from client->server to
                  server->client. A client that sends a whole pipeline in one go and then reads all
                  its answers makes one; psql sending one statement and waiting makes one per
                  statement. The client's final Terminate gets no answer and is not counted.
  connect_round_trips
                  those of round_trips that happened before the server's first ReadyForQuery
                  (the SSL negotiation, the startup message, authentication): the connection's
                  cost. null when the server's stream could not be followed (e.g. TLS).
  client_bursts   runs of client->server data between server replies (the Terminate included).
  bytes_up, bytes_down, seconds (connection open to close, as seen by the proxy).
Python 3 standard library only.
"""
import asyncio
import json
import struct
import sys
import time

SSL_REQUEST = 80877103
GSSENC_REQUEST = 80877104


class Counter:
    """Direction changes of one connection, and the server's first ReadyForQuery."""

    def __init__(self):
        self.last = None
        self.round_trips = 0
        self.client_bursts = 0
        self.bytes_up = 0
        self.bytes_down = 0
        self.connect_round_trips = None
        self.opened = time.monotonic()
        # Following the server's messages: after an SSLRequest the first answer is one byte.
        self.client_head = b""
        self.pending_single_bytes = 0
        self.server_buffer = b""
        self.following = True

    def client(self, data):
        self.bytes_up += len(data)
        if self.last != "client":
            self.client_bursts += 1
        self.last = "client"
        self._client_messages(data)

    def server(self, data):
        self.bytes_down += len(data)
        if self.last == "client":
            self.round_trips += 1
        self.last = "server"
        if self.connect_round_trips is None and self.following:
            self._server_messages(data)

    def _client_messages(self, data):
        # Only the untyped start of the stream matters: SSLRequest / GSSENCRequest (8 bytes each),
        # each answered by a single byte before the server's typed messages begin.
        if self.connect_round_trips is not None or len(self.client_head) >= 64:
            return
        self.client_head += data
        while len(self.client_head) >= 8:
            length, code = struct.unpack("!II", self.client_head[:8])
            if length == 8 and code in (SSL_REQUEST, GSSENC_REQUEST):
                self.pending_single_bytes += 1
                self.client_head = self.client_head[8:]
            else:
                self.client_head = b"x" * 64  # the startup message: stop looking
                break

    def _server_messages(self, data):
        self.server_buffer += data
        while self.server_buffer:
            if self.pending_single_bytes:
                answer = self.server_buffer[:1]
                self.server_buffer = self.server_buffer[1:]
                self.pending_single_bytes -= 1
                if answer != b"N":
                    self.following = False  # TLS or GSSAPI encryption: opaque from here
                    return
                continue
            if len(self.server_buffer) < 5:
                return
            kind = self.server_buffer[:1]
            (length,) = struct.unpack("!I", self.server_buffer[1:5])
            if len(self.server_buffer) < 1 + length:
                return
            self.server_buffer = self.server_buffer[1 + length:]
            if kind == b"Z":
                self.connect_round_trips = self.round_trips
                self.server_buffer = b""
                return

    def record(self):
        return {
            "round_trips": self.round_trips,
            "connect_round_trips": self.connect_round_trips,
            "client_bursts": self.client_bursts,
            "bytes_up": self.bytes_up,
            "bytes_down": self.bytes_down,
            "seconds": round(time.monotonic() - self.opened, 4),
        }


async def pump(reader, writer, delay, note):
    """Forwards reader to writer, each chunk `delay` seconds after it was read; EOF likewise."""
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def deliver():
        while True:
            due, data = await queue.get()
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            try:
                if data is None:
                    if writer.can_write_eof():
                        writer.write_eof()
                    return
                writer.write(data)
                await writer.drain()
            except (ConnectionError, OSError):
                return

    delivery = asyncio.create_task(deliver())
    try:
        while True:
            data = await reader.read(65536)
            if not data:
                break
            note(data)
            queue.put_nowait((loop.time() + delay, data))
    except (ConnectionError, OSError):
        pass
    queue.put_nowait((loop.time() + delay, None))
    await delivery


async def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    target_port, delay_ms, log_path = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
    if delay_ms < 0:
        sys.exit("DELAY_MS must not be negative")
    half = delay_ms / 2000.0
    log = open(log_path, "a", buffering=1)

    async def serve(client_reader, client_writer):
        counter = Counter()
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target_port)
        except OSError:
            client_writer.close()
            return
        await asyncio.gather(
            pump(client_reader, server_writer, half, counter.client),
            pump(server_reader, client_writer, half, counter.server),
        )
        for writer in (server_writer, client_writer):
            writer.close()
        log.write(json.dumps(counter.record()) + "\n")

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    with open(log_path + ".port", "w") as f:
        f.write("%d\n" % port)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
