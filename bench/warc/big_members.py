#!/usr/bin/env python3
"""big_members.py OUT - a .warc.gz of large gzip members: one 20 MB response
record, then 40 of 3 MB (generated words, one member per record). Measures
how the reader inflates members larger than 1 MB once its window has grown:
`bench_warc OUT` (see bench/warc/run.sh for building bench_warc)."""
import gzip, random, sys

random.seed(7)
words = ["".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(random.randint(2, 9)))
         for _ in range(5000)]

def page(n):
    out, size = [], 0
    while size < n:
        s = "<p>" + " ".join(random.choice(words) for _ in range(40)) + ".</p>\n"
        out.append(s)
        size += len(s)
    return ("<html><body>" + "".join(out) + "</body></html>").encode()

def member(body, i):
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(body) + body
    head = ("WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/%d\r\n"
            "WARC-Date: 2022-01-24T11:48:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            "Content-Length: %d\r\n\r\n" % (i, len(http))).encode()
    return gzip.compress(head + http + b"\r\n\r\n", 6)

big, mid = page(20 << 20), page(3 << 20)
with open(sys.argv[1], "wb") as f:
    f.write(member(big, 0))
    for i in range(1, 41):
        f.write(member(mid, i))
