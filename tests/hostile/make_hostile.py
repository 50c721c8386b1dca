#!/usr/bin/env python3
"""Write the hostile-input corpus into a directory (argv[1]).

Big files are generated, not committed: a gzip bomb, a million nested tags,
a 10 MB attribute, JSON nested 100,000 deep ... Each file name says what it
is. Good articles (good-*.txt / good.jsonl) are mixed in: all of them must be
stored, whatever the hostile files do.
"""
import gzip
import os
import sys
import zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def write(name, data):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))


# good articles that must survive the batch
write('good-1.txt', 'La grève gagne le port de Valmer\n\nLes dockers de Valmer ont cessé le travail lundi, '
      'a annoncé le syndicat. Environ 1.200 grévistes étaient rassemblés devant les grilles.\n')
write('good-2.txt', 'Wildfire near Corvan doubles in size\n\nThe fire burned 3,500 hectares overnight, '
      'officials said on Tuesday, and about 2,000 people were evacuated.\n')
write('good.jsonl', '{"id":"good-3","title":"Recount ordered","text":"The electoral board ordered a recount '
      'of 14,000 ballots in the northern district."}\n')

# gzip bomb: 10 GB of zeros as a WARC.gz member (about 10 MB compressed).
# One full-flushed deflate block of 1 MB of zeros is independent of what came
# before, so it is compressed once and repeated; the trailer's CRC is not
# computed (a reader must give up long before reaching it).
c = zlib.compressobj(9, zlib.DEFLATED, -15)
block = c.compress(bytes(1 << 20)) + c.flush(zlib.Z_FULL_FLUSH)
head = b'WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 10737418240\r\n\r\n'
h = zlib.compressobj(9, zlib.DEFLATED, -15)
first = h.compress(head) + h.flush(zlib.Z_FULL_FLUSH)
with open(os.path.join(out, 'bomb.warc.gz'), 'wb') as f:
    f.write(b'\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03')  # gzip header, no name
    f.write(first)
    for _ in range(10240):
        f.write(block)
    f.write(b'\x03\x00')                    # final empty fixed block
    f.write(b'\x00\x00\x00\x00\x00\x00\x00\x00')  # CRC32 and size left wrong on purpose

# WARC whose Content-Length lies (longer than the file, then shorter)
body = b'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Les dockers de Valmer.</p></body></html>'
write('liar-long.warc', b'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/a\r\n'
      b'Content-Length: 99999999\r\n\r\n' + body)
write('liar-short.warc', b'WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://x.example/b\r\n'
      b'Content-Length: 10\r\n\r\n' + body + b'\r\n\r\nWARC/1.0\r\nContent-Length: -5\r\n\r\n')

# HTML with 1,000,000 nested tags, and a 10 MB attribute value
write('nested.html', '<html><body>' + '<div>' * 1000000 + 'deep text' + '</div>' * 1000000 + '</body></html>')
write('attr.html', '<html><body><p title="' + 'a' * (10 << 20) + '">x</p><p>Les dockers de Valmer.</p></body></html>')
write('scripts-only.html', '<html><head><script>' + 'var x=1;' * 100000 + '</script></head></html>')

# JSON nested 100,000 deep, and a JSONL line that is one huge string
write('deep.jsonl', '{"text":' + '[' * 100000 + ']' * 100000 + '}\n')
write('deep2.jsonl', '{"id":"deep2","text":"x","extra":' + '{"a":' * 100000 + '1' + '}' * 100000 + '}\n')

# dates and numbers beyond reason
write('year99999.jsonl', '{"id":"y99999","text":"Un texte daté de loin.","published":"99999-01-01T00:00:00Z"}\n'
      '{"id":"month13","text":"Un autre texte.","published":"2022-13-45"}\n')
write('digits.txt', 'Un chiffre immense\n\nLe budget atteint ' + '9' * 10000 + ' euros selon le ministre.\n')

# invalid UTF-8 of every kind: lone continuation, overlong, surrogates,
# truncated sequences, 5/6-byte forms, bytes 0xFE/0xFF, and NUL bytes
bad = (b'Titre\n\n'
       b'cont \x80\xbf overlong \xc0\xaf \xe0\x80\xaf surrogate \xed\xa0\x80 '
       b'truncated \xe2\x82 five \xf8\x88\x80\x80\x80 six \xfc\x84\x80\x80\x80\x80 '
       b'fe \xfe ff \xff end of the text about the Valmer port strike.\n')
write('bad-utf8.txt', bad)
write('nul-bytes.txt', b'Titre\x00\x00\x00 du texte\n' * 10)

# CRLF injection in URLs (JSONL url and a feed link)
write('crlf.jsonl', '{"id":"crlf","text":"Texte avec une URL piégée.","url":"http://x.example/a\\r\\nSet-Cookie: evil=1"}\n')
write('crlf-feed.xml', '<?xml version="1.0"?><rss version="2.0"><channel><item><title>T</title>'
      '<link>http://x.example/a&#13;&#10;Location: http://evil.example/</link><description>d</description>'
      '</item></channel></rss>')

# junk with a news-like name, and an empty file
write('junk.html', os.urandom(65536))
write('empty.txt', b'')
