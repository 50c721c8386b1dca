"""readability-lxml on the same pages: prints "pages seconds" (CPU time of the processing only)."""
import sys, time
from readability import Document

pages, total = 0, 0.0
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        raw = f.read()
    t0 = time.process_time()
    try:
        doc = Document(raw)
        doc.title()
        doc.summary()
    except Exception:
        pass
    total += time.process_time() - t0
    pages += 1
print(pages, "%.6f" % total)
