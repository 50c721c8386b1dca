#!/usr/bin/env python3
"""slowloris.py - hold many slow connections open against a loopback server.

    slowloris.py PORT [--conns N] [--duration S] [--interval S]

Opens N connections to 127.0.0.1:PORT, sends the start of a request, then
one more header byte per connection every INTERVAL seconds, so the request
never ends. Reopens connections the server closes. Stops by itself after
DURATION seconds and prints one summary line:
    slowloris: conns=N opened=N refused=N closed_by_server=N held_at_end=N
Only loopback: the host is fixed to 127.0.0.1.
"""
import argparse
import socket
import sys
import time


def open_conn(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(2)
    s.connect(("127.0.0.1", port))
    s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
    s.setblocking(False)
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("--conns", type=int, default=100)
    ap.add_argument("--duration", type=float, default=15)
    ap.add_argument("--interval", type=float, default=2)
    a = ap.parse_args()
    a.conns = max(1, min(a.conns, 1000))
    end = time.monotonic() + min(a.duration, 600)
    socks = []
    opened = refused = closed = 0

    def fill():
        nonlocal opened, refused
        while len(socks) < a.conns and time.monotonic() < end:
            try:
                socks.append(open_conn(a.port))
                opened += 1
            except OSError:
                refused += 1
                return

    fill()
    while time.monotonic() < end:
        time.sleep(min(a.interval, max(0.0, end - time.monotonic())))
        alive = []
        for s in socks:
            try:
                # anything the server sends (an error page) or EOF means it
                # gave up on this connection
                try:
                    if s.recv(4096, socket.MSG_PEEK) is not None:
                        raise OSError("server answered or closed")
                except BlockingIOError:
                    pass
                s.send(b"a")
                alive.append(s)
            except OSError:
                closed += 1
                s.close()
        socks[:] = alive
        fill()
    held = len(socks)
    for s in socks:
        s.close()
    print(f"slowloris: conns={a.conns} opened={opened} refused={refused} "
          f"closed_by_server={closed} held_at_end={held}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
