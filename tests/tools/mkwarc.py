#!/usr/bin/env python3
"""mkwarc.py - write a WARC archive for tests and benchmarks.

usage: mkwarc.py OUT [--gzip member|whole|none] [--extras] [--repeat N] HTML|DIR...
Each HTML file (plain or .gz) becomes a `response` record with HTTP headers,
with a request record before it. --extras adds warcinfo, metadata, a 404, a
301, an image, a resource record and a chunked+gzip response, so a reader
meets every record kind. --repeat N writes each page N times, perturbed
(a counter in the title and body) so every copy is a distinct article.
"""
import gzip, os, sys, uuid, zlib

def record(wtype, uri, block, ctype, date="2022-01-24T11:48:00Z"):
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
            "WARC-Date: %s\r\n" % (wtype, uuid.uuid4(), date))
    if uri:
        head += "WARC-Target-URI: %s\r\n" % uri
    head += "Content-Type: %s\r\nContent-Length: %d\r\n\r\n" % (ctype, len(block))
    return head.encode() + block + b"\r\n\r\n"

def http(status, ctype, body, extra=""):
    h = "HTTP/1.1 %s\r\nDate: Mon, 24 Jan 2022 11:48:00 GMT\r\n" % status
    if ctype:
        h += "Content-Type: %s\r\n" % ctype
    h += extra + "Content-Length: %d\r\n\r\n" % len(body)
    return h.encode() + body

def response(uri, body, status="200 OK", ctype="text/html; charset=utf-8", extra=""):
    return record("response", uri, http(status, ctype, body, extra),
                  "application/http; msgtype=response")

def request(uri):
    return record("request", uri, b"GET / HTTP/1.1\r\nHost: example.org\r\n\r\n",
                  "application/http; msgtype=request")

def extras():
    out = [record("warcinfo", None, b"software: mkwarc\r\n", "application/warc-fields")]
    out.append(response("http://example.org/missing", b"<html>gone</html>", "404 Not Found"))
    out.append(response("http://example.org/moved", b"", "301 Moved Permanently",
                        extra="Location: http://example.org/\r\n"))
    out.append(response("http://example.org/a.png", b"\x89PNG\r\n\x1a\n....", ctype="image/png"))
    out.append(record("metadata", "http://example.org/", b"fetchTimeMs: 12\r\n",
                      "application/warc-fields"))
    page = (b"<html><head><title>Chunked harbour report</title></head><body><article>"
            + b"<p>The harbour authority reopened the north quay after repairs lasting "
            + b"eleven weeks, officials said on Monday.</p>" * 3 + b"</article></body></html>")
    z = gzip.compress(page)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(z), z)
    out.append(response("http://example.org/chunked", chunked,
                        extra="Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"))
    res = (b"<html><head><title>Resource record page</title></head><body><article>"
           + b"<p>A resource record holds the page itself, without HTTP headers, "
           + b"as a crawler that saved a file would write it.</p>" * 3 + b"</article></body></html>")
    out.append(record("resource", "http://example.org/resource", res, "text/html"))
    return out

def main():
    args = sys.argv[1:]
    out, mode, repeat, want_extras, pages = None, "member", 1, False, []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--gzip":
            mode = args[i + 1]; i += 2; continue
        if a == "--repeat":
            repeat = int(args[i + 1]); i += 2; continue
        if a == "--extras":
            want_extras = True; i += 1; continue
        if out is None:
            out = a
        else:
            pages.append(a)
        i += 1
    files = []
    for p in pages:
        if os.path.isdir(p):
            for root, _, names in sorted(os.walk(p)):
                files += [os.path.join(root, n) for n in sorted(names)
                          if n.endswith(".html") or n.endswith(".html.gz")]
        else:
            files.append(p)
    bodies = []
    for p in files:
        data = open(p, "rb").read()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        bodies.append(data)
    f = open(out, "wb")
    whole = zlib.compressobj(6, zlib.DEFLATED, 31) if mode == "whole" else None
    def put(rec):
        if mode == "member":
            f.write(gzip.compress(rec, 6))
        elif whole:
            f.write(whole.compress(rec))
        else:
            f.write(rec)
    if want_extras:
        for r in extras():
            put(r)
    n = 0
    for k in range(repeat):
        for j, body in enumerate(bodies):
            n += 1
            uri = "http://news.example/%d/%d" % (k, j)
            if k:
                tag = b" [copy %d]" % k
                body = body.replace(b"</title>", tag + b"</title>", 1)
                body = body.replace(b"</p>", tag + b" Bulletin %d.</p>" % n, 1)
            put(request(uri))
            put(response(uri, body))
    if whole:
        f.write(whole.flush())
    f.close()

if __name__ == "__main__":
    main()
