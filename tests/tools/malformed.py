#!/usr/bin/env python3
"""malformed.py - send broken HTTP requests to a loopback server in a loop.

    malformed.py PORT [--duration S]

Each case is sent on a fresh connection to 127.0.0.1:PORT; the answer (if
any) is read. Garbage request lines, huge headers and URLs, invalid UTF-8
and %-escapes, bad methods, CRLF and NUL in the path, lying bodies.
A server may refuse or close - but never answer 5xx, and a CRLF in the path
must never become a response header (505 to an unknown HTTP version is
the answer HTTP prescribes, counted apart). Prints one summary line and exits 1 on
a 5xx or an injected header:
    malformed: requests=N answered=N closed=N 2xx=N 3xx=N 4xx=N 5xx=N injected=N
"""
import argparse
import socket
import sys
import time

H = b"Host: 127.0.0.1\r\n"


def cases():
    yield b"\x00\x01\x02garbage\r\n\r\n"
    yield b"GET\r\n\r\n"
    yield b"GET / HTTP/9.9\r\n" + H + b"\r\n"
    yield b"GET /api/health\r\n\r\n"  # HTTP/0.9
    yield b"BREW /api/health HTTP/1.1\r\n" + H + b"\r\n"
    yield b"DELETE /api/stories/1 HTTP/1.1\r\n" + H + b"\r\n"
    yield b"POST /api/search HTTP/1.1\r\n" + H + b"Content-Length: 5\r\n\r\nhello"
    yield b"G\xc3\x28T / HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/search?q=%C3%28%ff%fe HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/search?q=\xff\xfe\xc0\xaf HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/search?q=%ZZ%4%%% HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/stories/%00 HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/health%0d%0aInjected:%20yes HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/search?q=a%0d%0aInjected:%20yes HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/health\r\nInjected: yes HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/he\x00alth HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /..%5c..%5cetc/passwd HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET //app.js HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /" + b"a" * 70000 + b" HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/search?q=" + b"x" * 40000 + b" HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/health HTTP/1.1\r\n" + H + b"X-Big: " + b"b" * 100000 + b"\r\n\r\n"
    yield b"GET /api/health HTTP/1.1\r\n" + H + b"".join(b"X-%d: v\r\n" % i for i in range(3000)) + b"\r\n"
    yield b"GET /api/health HTTP/1.1\r\n" + H + b"No colon here\r\n\r\n"
    yield b"GET /api/health HTTP/1.1\r\n" + H + b" folded: header\r\n\r\n"
    yield b"GET /api/health HTTP/1.1\r\n" + H + b"Content-Length: -1\r\n\r\n"
    yield b"GET /api/health HTTP/1.1\r\n" + H + b"Content-Length: 99999999999999999999\r\n\r\n"
    yield b"GET /api/health HTTP/1.1\r\n" + H + b"Content-Length: 10\r\nContent-Length: 3\r\n\r\nabc"
    yield b"GET /api/health HTTP/1.1\r\n" + H + b"Transfer-Encoding: chunked\r\n\r\nZZZ\r\nxx\r\n0\r\n\r\n"
    yield b"GET /api/health HTTP/1.1\r\n" + H + b"If-None-Match: " + b"\"x\"," * 2000 + b"\r\n\r\n"
    yield b"GET /api/stories?limit=99999999999999999999&offset=-5 HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/stories?" + b"&".join(b"a%d=1" % i for i in range(500)) + b" HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/articles/99999999999999999999999 HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/search/export?q=a&format=../../x HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET http://evil.example/api/health HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET * HTTP/1.1\r\n" + H + b"\r\n"
    yield b"GET /api/health HTTP/1.1\r\n\r\n"  # no Host
    yield b"GET /api/health HTTP/1.1\n" + b"Host: x\n\n"  # bare LF
    yield b"\r\n\r\n\r\n"
    yield b"GET /api/health HTTP/1.1\r\n" + H  # never finished: server times out


def status_of(resp):
    if not resp.startswith(b"HTTP/"):
        return None
    try:
        return int(resp.split(b" ", 2)[1])
    except (IndexError, ValueError):
        return None


def complete(resp):
    """A whole response read (headers and Content-Length bytes): the server
    may keep the connection open for the next request, so stop there."""
    head, sep, body = resp.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        k, _, v = line.partition(b":")
        if k.strip().lower() == b"content-length":
            try:
                return len(body) >= int(v.strip())
            except ValueError:
                return True
    return True


def send(port, req):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(3)
    resp = b""
    try:
        s.connect(("127.0.0.1", port))
        s.sendall(req)
        try:
            s.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        while len(resp) < 1 << 20 and not complete(resp):
            chunk = s.recv(65536)
            if not chunk:
                break
            resp += chunk
    except OSError:
        pass
    finally:
        s.close()
    return resp


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("port", type=int)
    ap.add_argument("--duration", type=float, default=15)
    a = ap.parse_args()
    end = time.monotonic() + min(a.duration, 600)
    n = answered = closed = injected = expected_505 = 0
    by = {2: 0, 3: 0, 4: 0, 5: 0}
    bad = []
    all_cases = list(cases())
    while time.monotonic() < end:
        for req in all_cases:
            if time.monotonic() >= end:
                break
            resp = send(a.port, req)
            n += 1
            st = status_of(resp)
            if st is None:
                closed += 1
                continue
            answered += 1
            by[st // 100] = by.get(st // 100, 0) + 1
            head = resp.split(b"\r\n\r\n", 1)[0]
            # 505 is the answer HTTP prescribes to an unknown version
            if st == 505 and b" HTTP/1." not in req.split(b"\r\n", 1)[0]:
                by[5] -= 1
                expected_505 += 1
            elif st >= 500 and len(bad) < 5:
                bad.append((st, req[:80]))
            if b"\r\ninjected:" in head.lower():
                injected += 1
                bad.append(("injected", req[:80]))
    print(f"malformed: requests={n} answered={answered} closed={closed} 2xx={by[2]} "
          f"3xx={by[3]} 4xx={by[4]} 5xx={by[5]} injected={injected} "
          f"505_for_bad_version={expected_505}")
    for b in bad:
        print(f"malformed: BAD {b[0]} for {b[1]!r}")
    return 1 if by[5] or injected else 0


if __name__ == "__main__":
    sys.exit(main())
