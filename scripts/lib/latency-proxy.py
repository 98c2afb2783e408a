#!/usr/bin/env python3
"""A TCP proxy on 127.0.0.1 that adds network latency and counts round trips, for scripts/bench.

Usage: latency-proxy.py TARGET_PORT DELAY_MS LOG_FILE
Listens on a free loopback port (written to LOG_FILE.port) and forwards each connection to
127.0.0.1:TARGET_PORT, each chunk DELAY_MS / 2 after it was read, in order: a request and its answer
cost DELAY_MS more than on loopback, as on a link with latency and no loss. A connection's end
appends {"round_trips", "connect_round_trips"} to LOG_FILE: the times the data flow turned from the
client to the server (a pipeline sent at once makes one; the unanswered Terminate none), and those
before the server's first ReadyForQuery (startup, authentication; the stream must be plain, as
with sslmode=disable). Standard library only; runs until killed.
"""
import asyncio, json, sys
READY_FOR_QUERY = b"Z\x00\x00\x00\x05"


async def main():
    target, delay, log_path = int(sys.argv[1]), float(sys.argv[2]) / 2000.0, sys.argv[3]
    log = open(log_path, "a", buffering=1)

    async def serve(client_reader, client_writer):
        state = {"last": None, "round_trips": 0, "connect_round_trips": None, "head": b""}
        try:
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", target)
        except OSError:
            client_writer.close()
            return

        def note(side, data):
            if side == "server" and state["last"] == "client":
                state["round_trips"] += 1
            state["last"] = side
            if side == "server" and state["connect_round_trips"] is None:
                state["head"] = (state["head"] + data)[-4096:]
                if READY_FOR_QUERY in state["head"]:
                    state["connect_round_trips"] = state["round_trips"]

        async def pump(reader, writer, side):
            loop, queue = asyncio.get_running_loop(), asyncio.Queue()

            async def deliver():
                while True:
                    due, data = await queue.get()
                    await asyncio.sleep(max(0.0, due - loop.time()))
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
                while data := await reader.read(65536):
                    note(side, data)
                    queue.put_nowait((loop.time() + delay, data))
            except (ConnectionError, OSError):
                pass
            queue.put_nowait((loop.time() + delay, None))
            await delivery

        await asyncio.gather(pump(client_reader, server_writer, "client"), pump(server_reader, client_writer, "server"))
        for writer in (server_writer, client_writer):
            writer.close()
        log.write(json.dumps({k: state[k] for k in ("round_trips", "connect_round_trips")}) + "\n")

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    with open(log_path + ".port", "w") as f:
        f.write("%d\n" % server.sockets[0].getsockname()[1])
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
