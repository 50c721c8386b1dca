/* Tests of src/ingest: sniffing, JSONL records, rejections. */
#include "test.h"
#include "ingest/ingest.h"

#include "core/buf.h"
#include "core/str.h"

#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

struct seen {
	int records;
	int rejects;
	char refs[16][128];
	char reasons[16][256];
	char titles[16][128];
	char heads[16][32]; /* the record's first bytes */
	char tails[16][32]; /* and its last */
	char authors[16][64], tags[16][64];
	size_t n_authors[16];
	rv_format formats[16];
};

static int on_record(const rv_record *rec, void *ctx)
{
	struct seen *s = ctx;
	if (s->records < 16) {
		snprintf(s->refs[s->records], 128, "%s", rec->ref);
		snprintf(s->titles[s->records], 128, "%s", rec->title ? rec->title : "");
		s->formats[s->records] = rec->format;
		char *au = rec->authors ? rv_strlist_join(rec->authors, ";") : NULL;
		char *tg = rec->tags ? rv_strlist_join(rec->tags, ";") : NULL;
		snprintf(s->authors[s->records], 64, "%s", au ? au : "");
		s->n_authors[s->records] = rec->authors ? rec->authors->len : 0;
		snprintf(s->tags[s->records], 64, "%s", tg ? tg : "");
		free(au);
		free(tg);
		snprintf(s->heads[s->records], 32, "%.*s", (int)(rec->len < 31 ? rec->len : 31),
			 rec->data ? rec->data : "");
		size_t t = rec->len < 31 ? rec->len : 31;
		snprintf(s->tails[s->records], 32, "%.*s", (int)t,
			 rec->data ? rec->data + rec->len - t : "");
	}
	s->records++;
	return RV_OK;
}

static void on_reject(const char *ref, const char *reason, void *ctx)
{
	struct seen *s = ctx;
	if (s->rejects < 16)
		snprintf(s->reasons[s->rejects], 256, "%s: %s", ref, reason);
	s->rejects++;
}

static rv_ingest_opts opts_for(struct seen *s, rv_format f)
{
	rv_ingest_opts o = { f, on_record, on_reject, s };
	return o;
}

TEST(sniff_formats)
{
	ASSERT_EQ(rv_sniff_format("<!DOCTYPE html><html>", 21, "x"), RV_FORMAT_HTML);
	ASSERT_EQ(rv_sniff_format("  <p>hello</p>", 14, "page"), RV_FORMAT_HTML);
	ASSERT_EQ(rv_sniff_format("{\"text\":\"a\"}\n", 13, "x"), RV_FORMAT_JSONL);
	ASSERT_EQ(rv_sniff_format("WARC/1.0\r\n", 10, "x"), RV_FORMAT_WARC);
	ASSERT_EQ(rv_sniff_format("\x1f\x8b\x08", 3, "a.gz"), RV_FORMAT_WARC);
	ASSERT_EQ(rv_sniff_format("<?xml version=\"1.0\"?><rss version=\"2.0\">", 40, "f"), RV_FORMAT_FEED);
	ASSERT_EQ(rv_sniff_format("Accueil » MONDE\n\nTitre", 23, "a.txt"), RV_FORMAT_TEXT);
	ASSERT_EQ(rv_sniff_format("plain", 5, "a.jsonl"), RV_FORMAT_JSONL);
}

TEST(jsonl_records_refs_and_rejects)
{
	const char data[] =
		"{\"id\":\"a1\",\"text\":\"Un texte.\",\"title\":\"Titre\"}\n"
		"\n"
		"{\"text\":\"no id here\"}\n"
		"not json at all\n"
		"[1,2,3]\n"
		"{\"url\":\"no text\"}\n"
		"{\"id\":\"h1\",\"title\":\"Headline only\"}\n"
		"{\"id\":7,\"html\":\"<p>x</p>\"}\r\n";
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("in.jsonl", data, sizeof data - 1, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 4);
	ASSERT_STR_EQ(s.refs[0], "a1");
	ASSERT_STR_EQ(s.titles[0], "Titre");
	ASSERT_STR_EQ(s.refs[1], "in.jsonl#3");
	ASSERT_STR_EQ(s.refs[2], "h1");
	ASSERT_STR_EQ(s.titles[2], "Headline only");
	ASSERT_STR_EQ(s.refs[3], "7");
	ASSERT_EQ(s.formats[3], RV_FORMAT_HTML);
	ASSERT_EQ(s.rejects, 3);
	ASSERT_CONTAINS(s.reasons[0], "in.jsonl#4: malformed JSON");
	ASSERT_CONTAINS(s.reasons[1], "in.jsonl#5: not a JSON object");
	ASSERT_CONTAINS(s.reasons[2], "no \"text\" or \"html\"");
}

/* "published" is ISO 8601 (or the RSS form) and not in the future, or the
 * record is refused with the reason; "authors" and "tags" are read. */
TEST(jsonl_dates_authors_tags)
{
	const char data[] =
		"{\"id\":\"ok\",\"text\":\"T.\",\"published\":\"2026-03-02T10:00+01:00\","
		"\"authors\":[\"Ana Ruiz\",\"Tom Hale\"],\"tags\":\"Port\"}\n"
		"{\"id\":\"rss\",\"text\":\"T.\",\"published\":\"Mon, 02 Mar 2026 10:00:00 GMT\","
		"\"authors\":\"Léa Morel\"}\n"
		"{\"id\":\"slash\",\"text\":\"T.\",\"published\":\"03/02/2026\"}\n"
		"{\"id\":\"hour\",\"text\":\"T.\",\"published\":\"2026-03-01T25:00\"}\n"
		"{\"id\":\"feb30\",\"text\":\"T.\",\"published\":\"2026-02-30\"}\n"
		"{\"id\":\"word\",\"text\":\"T.\",\"published\":\"yesterday\"}\n"
		"{\"id\":\"future\",\"text\":\"T.\",\"published\":\"2099-01-01\"}\n";
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("d.jsonl", data, sizeof data - 1, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 2);
	ASSERT_STR_EQ(s.authors[0], "Ana Ruiz;Tom Hale");
	ASSERT_STR_EQ(s.tags[0], "Port");
	ASSERT_STR_EQ(s.authors[1], "Léa Morel");
	ASSERT_EQ(s.rejects, 5);
	ASSERT_CONTAINS(s.reasons[0], "d.jsonl#3: \"published\": \"03/02/2026\" is not an ISO 8601 date");
	ASSERT_CONTAINS(s.reasons[1], "2026-03-01T25:00");
	/* the form is right, the day does not exist */
	ASSERT_CONTAINS(s.reasons[2], "d.jsonl#5: \"published\": \"2026-02-30\" is not a real day");
	ASSERT_NOT_CONTAINS(s.reasons[2], "ISO 8601");
	ASSERT_CONTAINS(s.reasons[3], "yesterday");
	ASSERT_CONTAINS(s.reasons[4], "is in the future");
}

TEST(jsonl_line_in_windows_1252_is_read_not_rejected)
{
	/* an export from a Windows tool: é as 0xE9, curly quotes as 0x93 0x94;
	 * a UTF-8 line beside it stays as it is */
	const char data[] =
		"{\"id\":\"w1\",\"title\":\"Le pr\xe9" "fet ferme la terrasse\","
		"\"text\":\"Il a parl\xe9 de \x93s\xe9" "curit\xe9\x94.\"}\n"
		"{\"id\":\"u1\",\"title\":\"La pr\xc3\xa9" "fecture confirme\",\"text\":\"T.\"}\n";
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("w.jsonl", data, sizeof data - 1, &o, NULL), RV_OK);
	ASSERT_EQ(s.rejects, 0);
	ASSERT_EQ(s.records, 2);
	ASSERT_STR_EQ(s.titles[0], "Le pr\xc3\xa9" "fet ferme la terrasse");
	ASSERT_STR_EQ(s.titles[1], "La pr\xc3\xa9" "fecture confirme");
}

TEST(empty_and_binary_inputs_are_rejected)
{
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("empty.txt", "", 0, &o, NULL), RV_OK);
	const char bin[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00\x00";
	ASSERT_EQ(rv_ingest_buffer("page.html", bin, sizeof bin - 1, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 0);
	ASSERT_EQ(s.rejects, 2);
	ASSERT_CONTAINS(s.reasons[0], "empty.txt: empty file");
	ASSERT_CONTAINS(s.reasons[1], "page.html: binary data");
	/* a JSONL file of blank lines is empty too, not a silent success */
	const char blank[] = "\n  \r\n\t\n";
	ASSERT_EQ(rv_ingest_buffer("blank.jsonl", blank, sizeof blank - 1, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 0);
	ASSERT_EQ(s.rejects, 3);
	ASSERT_CONTAINS(s.reasons[2], "blank.jsonl: empty file (blank lines only)");
}

/* UTF-16 is read, not called binary; a UTF-8 mark before a JSONL file does
 * not cost it its first record. */
TEST(byte_order_marks)
{
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	const char le[] = "\xFF\xFEG\0r\0\xE8\0v\0e\0\n\0\n\0L\0e\0 \0p\0o\0r\0t\0.\0";
	const char be[] = "\xFE\xFF\0G\0r\0\xE8\0v\0e";
	ASSERT_EQ(rv_ingest_buffer("le.txt", le, sizeof le - 1, &o, NULL), RV_OK);
	ASSERT_EQ(rv_ingest_buffer("be.txt", be, sizeof be - 1, &o, NULL), RV_OK);
	const char jsonl[] = "\xEF\xBB\xBF{\"id\":\"first\",\"text\":\"Un.\"}\n{\"id\":\"second\",\"text\":\"Deux.\"}\n";
	ASSERT_EQ(rv_ingest_buffer("in.jsonl", jsonl, sizeof jsonl - 1, &o, NULL), RV_OK);
	ASSERT_EQ(s.rejects, 0);
	ASSERT_EQ(s.records, 4);
	ASSERT_STR_EQ(s.heads[0], "Grève\n\nLe port.");
	ASSERT_EQ(s.formats[0], RV_FORMAT_TEXT);
	ASSERT_STR_EQ(s.heads[1], "Grève");
	ASSERT_STR_EQ(s.refs[2], "first");
	ASSERT_STR_EQ(s.refs[3], "second");
}

TEST(missing_path_is_rejected_not_fatal)
{
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_path("/nonexistent/revue/x.txt", &o, NULL), RV_OK);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reasons[0], "No such file");
}

TEST(directories_are_walked_in_name_order)
{
	char dir[] = "/tmp/revue-test-XXXXXX";
	ASSERT(mkdtemp(dir));
	char path[256];
	const char *names[] = { "b.txt", "a.txt", ".hidden.txt", "README.md", "MANIFEST.tsv" };
	for (int i = 0; i < 5; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		FILE *f = fopen(path, "w");
		fputs("Un titre\n\nUn paragraphe assez long pour compter comme un texte.\n", f);
		fclose(f);
	}
	snprintf(path, sizeof path, "%s/sub", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/sub/c.txt", dir);
	FILE *f = fopen(path, "w");
	fputs("Autre texte\n", f);
	fclose(f);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_path(dir, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 3);
	ASSERT(rv_str_ends_with(s.refs[0], "/a.txt"));
	ASSERT(rv_str_ends_with(s.refs[1], "/b.txt"));
	ASSERT(rv_str_ends_with(s.refs[2], "/sub/c.txt"));
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ASSERT_EQ(system(cmd), 0);
}

/* A named pipe in a crawl folder blocked open() for ever, with the batch's
 * articles not yet committed: it is rejected as what it is, unopened, and
 * the walk goes on. */
TEST(named_pipe_in_a_directory_is_rejected_not_opened)
{
	char dir[] = "/tmp/revue-test-XXXXXX";
	ASSERT(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof path, "%s/a-pipe", dir);
	ASSERT_EQ(mkfifo(path, 0600), 0);
	snprintf(path, sizeof path, "%s/b.txt", dir);
	FILE *f = fopen(path, "w");
	ASSERT(f);
	fputs("Un titre\n\nUn paragraphe assez long pour compter comme un texte.\n", f);
	fclose(f);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_path(dir, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 1);
	ASSERT(rv_str_ends_with(s.refs[0], "/b.txt"));
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reasons[0], "/a-pipe: not a regular file");
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ASSERT_EQ(system(cmd), 0);
}

/* Symlinks that point back up the tree (two of them make the walk
 * exponential: 2^32 paths before the depth limit) are followed once: every
 * directory is read once, and each loop is named. */
TEST(symlink_loops_read_each_directory_once)
{
	char dir[] = "/tmp/revue-test-XXXXXX";
	ASSERT(mkdtemp(dir));
	char path[256], target[256];
	snprintf(path, sizeof path, "%s/sub", dir);
	ASSERT_EQ(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/sub/a.txt", dir);
	FILE *f = fopen(path, "w");
	ASSERT(f);
	fputs("Un titre\n\nUn paragraphe assez long pour compter comme un texte.\n", f);
	fclose(f);
	snprintf(path, sizeof path, "%s/sub/again", dir);
	ASSERT_EQ(symlink("../sub", path), 0);
	snprintf(path, sizeof path, "%s/sub/up", dir);
	ASSERT_EQ(symlink("..", path), 0);
	/* a second way into a directory read already is not a loop, and not
	 * read twice either */
	snprintf(path, sizeof path, "%s/z-link", dir);
	snprintf(target, sizeof target, "%s/sub", dir);
	ASSERT_EQ(symlink(target, path), 0);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_path(dir, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 1);
	ASSERT(rv_str_ends_with(s.refs[0], "/sub/a.txt"));
	ASSERT_EQ(s.rejects, 2);
	ASSERT_CONTAINS(s.reasons[0], "/sub/again: symlink loop");
	ASSERT_CONTAINS(s.reasons[1], "/sub/up: symlink loop");
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ASSERT_EQ(system(cmd), 0);
}

/* The directories met are indexed by inode: after hundreds of them (the
 * index grown several times over), a link back to the first is still known
 * as a loop, and a second way into an early one is still not read twice. */
TEST(walk_index_keeps_early_directories_known)
{
	char dir[] = "/tmp/revue-test-XXXXXX";
	ASSERT(mkdtemp(dir));
	char path[256], target[256];
	snprintf(path, sizeof path, "%s/a", dir);
	ASSERT_EQ(mkdir(path, 0700), 0);
	snprintf(path, sizeof path, "%s/a/t.txt", dir);
	FILE *f = fopen(path, "w");
	ASSERT(f);
	fputs("Un titre\n\nUn paragraphe assez long pour compter comme un texte.\n", f);
	fclose(f);
	for (int i = 0; i < 300; i++) {
		snprintf(path, sizeof path, "%s/b%03d", dir, i);
		ASSERT_EQ(mkdir(path, 0700), 0);
	}
	snprintf(path, sizeof path, "%s/b299/up", dir);
	ASSERT_EQ(symlink("..", path), 0);
	snprintf(path, sizeof path, "%s/z-link", dir);
	snprintf(target, sizeof target, "%s/a", dir);
	ASSERT_EQ(symlink(target, path), 0);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_path(dir, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 1);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reasons[0], "/b299/up: symlink loop");
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	ASSERT_EQ(system(cmd), 0);
}

/* A gzip file that holds no WARC is read as the file it holds: its format
 * from the name without .gz, its refs from the file's own name. */
/* gzip the bytes in b (owned by the caller) into a new buffer. */
static void gzip_buf(rv_buf *b)
{
	z_stream zs = { 0 };
	ASSERT_EQ(deflateInit2(&zs, 1, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	size_t bound = deflateBound(&zs, (uLong)b->len) + 64;
	unsigned char *tmp = malloc(bound);
	ASSERT(tmp);
	zs.next_in = (Bytef *)b->data;
	zs.avail_in = (uInt)b->len;
	zs.next_out = tmp;
	zs.avail_out = (uInt)bound;
	ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
	size_t n = bound - zs.avail_out;
	deflateEnd(&zs);
	rv_buf_reset(b);
	ASSERT_EQ(rv_buf_append(b, tmp, n), RV_OK);
	free(tmp);
}

/* A gzip inside a gzip inside a gzip ... (94 KB for 3,000 layers) was
 * unwrapped by recursion until the stack overflowed: the whole batch died
 * with SIGSEGV. One layer is read; a gzip of a gzip is named and refused. */
TEST(gzip_inside_gzip_is_refused_not_recursed)
{
	rv_buf b;
	rv_buf_init(&b, (size_t)1 << 26);
	rv_buf_puts(&b, "<html><head><title>Nested</title></head><body><p>The quay reopened on "
			"Monday after the strike ended.</p></body></html>");
	for (int i = 0; i < 3000; i++)
		gzip_buf(&b);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("deep.html.gz", b.data, b.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 0);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reasons[0], "deep.html.gz: a gzip file inside a gzip file");
	rv_buf_release(&b);
}

TEST(gzip_of_a_page_or_jsonl)
{
	const char plain[] = "{\"id\":\"g1\",\"title\":\"Fire in Saint-Marcel\",\"text\":\"A fire broke out.\"}\n";
	unsigned char gz[512];
	z_stream zs = { 0 };
	ASSERT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (Bytef *)plain;
	zs.avail_in = sizeof plain - 1;
	zs.next_out = gz;
	zs.avail_out = sizeof gz;
	ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
	size_t n = sizeof gz - zs.avail_out;
	deflateEnd(&zs);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("wire.jsonl.gz", (const char *)gz, n, &o, NULL), RV_OK);
	ASSERT_EQ(s.rejects, 0);
	ASSERT_EQ(s.records, 1);
	ASSERT_STR_EQ(s.refs[0], "g1");
	ASSERT_STR_EQ(s.titles[0], "Fire in Saint-Marcel");
}

/* gzip n bytes of p as one member appended to out. */
static void gz_member(rv_buf *out, const char *p, size_t n)
{
	rv_buf b;
	rv_buf_init(&b, (size_t)1 << 30);
	ASSERT_EQ(rv_buf_append(&b, p, n), RV_OK);
	gzip_buf(&b);
	ASSERT_EQ(rv_buf_append(out, b.data, b.len), RV_OK);
	rv_buf_release(&b);
}

static const char two_lines[] =
	"{\"id\":\"m1\",\"title\":\"Harbour reopens\",\"text\":\"The harbour of Valmer reopened.\"}\n"
	"{\"id\":\"m2\",\"title\":\"Bridge closed\",\"text\":\"The bridge at Corvan closed.\"}\n";

static const char page[] =
	"<html><head><title>Quay strike ends</title></head><body><article>"
	"<p>The dockers of Valmer went back to work on Monday after a strike of nine days.</p>"
	"<p>Talks with the port authority resume next week, the union said.</p>"
	"</article></body></html>\n";

/* `cat a.gz b.gz > c.gz`, pigz, bgzip: a gzip file is every member in
 * order, as gzip -d reads it. Only the first was read, without a word. */
TEST(gzip_every_member_is_read)
{
	rv_buf gz;
	rv_buf_init(&gz, 1 << 20);
	const char *second = strchr(two_lines, '\n') + 1;
	gz_member(&gz, two_lines, (size_t)(second - two_lines));
	gz_member(&gz, second, strlen(second));
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("wire.jsonl.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.rejects, 0);
	ASSERT_EQ(s.records, 2);
	ASSERT_STR_EQ(s.refs[0], "m1");
	ASSERT_STR_EQ(s.refs[1], "m2");
	/* a page cut into members anywhere (bgzip's blocks) is one page, whole */
	rv_buf_reset(&gz);
	size_t half = sizeof page / 2;
	gz_member(&gz, page, half);
	gz_member(&gz, page + half, sizeof page - 1 - half);
	memset(&s, 0, sizeof s);
	ASSERT_EQ(rv_ingest_buffer("quay.html.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.rejects, 0);
	ASSERT_EQ(s.records, 1);
	ASSERT_EQ(s.formats[0], RV_FORMAT_HTML);
	ASSERT_STR_EQ(s.refs[0], "quay.html.gz");
	ASSERT_CONTAINS(s.heads[0], "<html><head><title>Quay");
	ASSERT_CONTAINS(s.tails[0], "</article></body></html>\n");
	rv_buf_release(&gz);
}

/* NULs after the last member are padding (tape blocks, preallocated
 * files): ignored. Other bytes there are named with their compressed
 * offset; what came before them is read. */
TEST(gzip_trailing_zeros_ignored_junk_named)
{
	rv_buf gz;
	rv_buf_init(&gz, 1 << 20);
	gz_member(&gz, two_lines, strlen(two_lines));
	size_t end = gz.len;
	char zeros[1024] = { 0 };
	ASSERT_EQ(rv_buf_append(&gz, zeros, sizeof zeros), RV_OK);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("pad.jsonl.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.rejects, 0);
	ASSERT_EQ(s.records, 2);
	/* a stream of records, and one document: both read */
	for (int single = 0; single < 2; single++) {
		const char *plain = single ? page : two_lines;
		const char *name = single ? "junk.html.gz" : "junk.jsonl.gz";
		rv_buf_reset(&gz);
		gz_member(&gz, plain, strlen(plain));
		end = gz.len;
		rv_buf_puts(&gz, "this is not gzip");
		memset(&s, 0, sizeof s);
		ASSERT_EQ(rv_ingest_buffer(name, gz.data, gz.len, &o, NULL), RV_OK);
		ASSERT_EQ(s.records, single ? 1 : 2);
		ASSERT_EQ(s.rejects, 1);
		char want[200];
		snprintf(want, sizeof want,
			 "%s: data after the last gzip member is not gzip (compressed offset %zu), "
			 "ignored; the %zu bytes inflated before it were read",
			 name, end, strlen(plain));
		ASSERT_STR_EQ(s.reasons[0], want);
	}
	rv_buf_release(&gz);
}

/* Lines 1 and 2 flushed, then line 3: cut inside line 3's deflate data. */
static void cut_jsonl(rv_buf *out)
{
	static const char line3[] = "{\"id\":\"m3\",\"title\":\"Ferry late\",\"text\":\"The ferry "
				    "from Corvan to Valmer was two hours late on Friday.\"}\n";
	unsigned char gz[4096];
	z_stream zs = { 0 };
	ASSERT_EQ(deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_out = gz;
	zs.avail_out = sizeof gz;
	zs.next_in = (Bytef *)two_lines;
	zs.avail_in = sizeof two_lines - 1;
	ASSERT_EQ(deflate(&zs, Z_SYNC_FLUSH), Z_OK);
	size_t flushed = sizeof gz - zs.avail_out;
	zs.next_in = (Bytef *)line3;
	zs.avail_in = sizeof line3 - 1;
	ASSERT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
	size_t n = sizeof gz - zs.avail_out;
	deflateEnd(&zs);
	size_t cut = flushed + (n - 8 - flushed) / 2; /* half of line 3, no trailer */
	rv_buf_reset(out);
	ASSERT_EQ(rv_buf_append(out, gz, cut), RV_OK);
}

/* A cut JSONL file: every complete line before the cut is read, the cut
 * line is refused by the JSONL reader, and the cut is named (it was taken
 * in silence). */
TEST(gzip_cut_jsonl_keeps_complete_lines)
{
	rv_buf gz;
	rv_buf_init(&gz, 1 << 20);
	cut_jsonl(&gz);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("cut.jsonl.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 2);
	ASSERT_STR_EQ(s.refs[1], "m2");
	ASSERT_EQ(s.rejects, 2);
	ASSERT_CONTAINS(s.reasons[0], "cut.jsonl.gz#3: malformed JSON");
	char want[64];
	snprintf(want, sizeof want, "compressed offset %zu", gz.len);
	ASSERT_CONTAINS(s.reasons[1], "cut.jsonl.gz: gzip file cut short after ");
	ASSERT_CONTAINS(s.reasons[1], " bytes inflated (");
	ASSERT_CONTAINS(s.reasons[1], want);
	ASSERT_CONTAINS(s.reasons[1], "the complete records inflated before it were read");
	rv_buf_release(&gz);
}

/* Damaged data in a JSONL file stops inflating there, as gzip -d does: what
 * came before is read, the damage named with zlib's reason and offset. */
TEST(gzip_damaged_jsonl_keeps_what_came_before)
{
	rv_buf gz;
	rv_buf_init(&gz, 1 << 20);
	const char *second = strchr(two_lines, '\n') + 1;
	gz_member(&gz, two_lines, (size_t)(second - two_lines));
	size_t member2 = gz.len;
	gz_member(&gz, second, strlen(second));
	for (size_t k = member2 + 10; k < member2 + 30; k++)
		gz.data[k] = (char)0xff; /* the second member's deflate data */
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("bad.jsonl.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 1);
	ASSERT_STR_EQ(s.refs[0], "m1");
	ASSERT_EQ(s.rejects, 1);
	char want[160];
	snprintf(want, sizeof want, "after %zu bytes inflated; the complete records inflated "
				    "before it were read",
		 (size_t)(second - two_lines));
	ASSERT_CONTAINS(s.reasons[0], "bad.jsonl.gz: damaged gzip file (invalid block type at "
				      "compressed offset ");
	ASSERT_CONTAINS(s.reasons[0], want);
	/* only the CRC is wrong: every line came out, the check failed */
	rv_buf_reset(&gz);
	gz_member(&gz, two_lines, strlen(two_lines));
	gz.data[gz.len - 8] ^= 0x55;
	memset(&s, 0, sizeof s);
	ASSERT_EQ(rv_ingest_buffer("crc.jsonl.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 2);
	ASSERT_EQ(s.rejects, 1);
	snprintf(want, sizeof want,
		 "crc.jsonl.gz: damaged gzip file (incorrect data check at compressed offset %zu) "
		 "after %zu bytes inflated",
		 gz.len - 4, strlen(two_lines));
	ASSERT_CONTAINS(s.reasons[0], want);
	rv_buf_release(&gz);
}

/* A cut or damaged page, feed or text dump is one document: stored, it
 * would pass for the whole article. It is refused with the reason. */
TEST(gzip_cut_or_damaged_page_is_refused)
{
	rv_buf gz;
	rv_buf_init(&gz, 1 << 20);
	gz_member(&gz, page, sizeof page - 1);
	size_t whole = gz.len;
	gz.len = whole - 20; /* the trailer and the end of the deflate data */
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("cut.html.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 0);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reasons[0], "cut.html.gz: gzip file cut short after ");
	ASSERT_CONTAINS(s.reasons[0], "not read: part of one html document would be stored as "
				      "if it were whole");
	/* every byte inflates, the CRC says they are wrong */
	gz.len = whole;
	gz.data[whole - 8] ^= 0x55;
	memset(&s, 0, sizeof s);
	ASSERT_EQ(rv_ingest_buffer("crc.html.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 0);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reasons[0], "crc.html.gz: damaged gzip file (incorrect data check at "
				      "compressed offset ");
	ASSERT_CONTAINS(s.reasons[0], "not read");
	/* a forced format decides as a sniffed one */
	rv_ingest_opts text = opts_for(&s, RV_FORMAT_TEXT);
	memset(&s, 0, sizeof s);
	ASSERT_EQ(rv_ingest_buffer("crc.gz", gz.data, gz.len, &text, NULL), RV_OK);
	ASSERT_EQ(s.records, 0);
	ASSERT_CONTAINS(s.reasons[0], "not read: part of one text document");
	rv_buf_release(&gz);
}

/* A JSONL file is a stream: its gzip may hold more than one page may
 * (64 MB), as a plain .jsonl does; it is inflated into a temporary file,
 * not memory. A page is still bounded at 64 MB, and a bomb with it. */
TEST(gzip_jsonl_past_64_mb_is_read_a_page_is_bounded)
{
	size_t big = RV_INGEST_MAX_FILE + ((size_t)1 << 20);
	char *blank = malloc(big);
	ASSERT(blank);
	/* blank lines of spaces, at random, so that the file does not inflate
	 * like a gzip bomb (gzip_bomb_of_blank_lines_is_refused) */
	uint32_t x = 12345;
	for (size_t i = 0; i < big; i++) {
		x = x * 1103515245u + 12345u;
		blank[i] = (x >> 16) & 1 ? ' ' : '\n';
	}
	rv_buf plain, gz;
	rv_buf_init(&plain, big + 4096);
	rv_buf_init(&gz, (size_t)1 << 30);
	const char *second = strchr(two_lines, '\n') + 1;
	rv_buf_append(&plain, two_lines, (size_t)(second - two_lines));
	rv_buf_append(&plain, blank, big);
	rv_buf_puts(&plain, second);
	free(blank);
	gz_member(&gz, plain.data, plain.len);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("big.jsonl.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.rejects, 0);
	ASSERT_EQ(s.records, 2);
	ASSERT_STR_EQ(s.refs[1], "m2");
	/* the same bytes as a page */
	memcpy(plain.data, "<html>", 6);
	rv_buf_reset(&gz);
	gz_member(&gz, plain.data, plain.len);
	memset(&s, 0, sizeof s);
	ASSERT_EQ(rv_ingest_buffer("big.html.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 0);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_STR_EQ(s.reasons[0], "big.html.gz: gzip file larger than 64 MB once inflated");
	rv_buf_release(&plain);
	rv_buf_release(&gz);
}

/* A stream format may inflate to 16 GB, but not from a small file: 65 MB
 * of blank lines in 64 KB of gzip would have filled the temporary disk had
 * it gone on to the bound. */
TEST(gzip_bomb_of_blank_lines_is_refused)
{
	size_t big = RV_INGEST_MAX_FILE + ((size_t)1 << 20);
	char *blank = malloc(big);
	ASSERT(blank);
	memset(blank, '\n', big);
	rv_buf gz;
	rv_buf_init(&gz, (size_t)1 << 30);
	gz_member(&gz, two_lines, strlen(two_lines));
	gz_member(&gz, blank, big);
	free(blank);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("bomb.jsonl.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 0);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reasons[0], "bomb.jsonl.gz: gzip file inflates over 200 times its size");
	rv_buf_release(&gz);
}

/* Whether a gzip file holds a WARC is told by its first inflated bytes,
 * across members: a first member that is empty (`gzip </dev/null`, then
 * cat) says nothing. An empty page.html.gz was taken for an archive with no
 * records, in silence; a page after an empty member was "not a WARC". */
TEST(gzip_empty_member_first_or_alone)
{
	rv_buf gz;
	rv_buf_init(&gz, 1 << 20);
	gz_member(&gz, "", 0);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	ASSERT_EQ(rv_ingest_buffer("empty.html.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 0);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_STR_EQ(s.reasons[0], "empty.html.gz: empty file (the gzip file holds nothing)");
	gz_member(&gz, page, sizeof page - 1);
	memset(&s, 0, sizeof s);
	ASSERT_EQ(rv_ingest_buffer("late.html.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.rejects, 0);
	ASSERT_EQ(s.records, 1);
	ASSERT_EQ(s.formats[0], RV_FORMAT_HTML);
	/* and a gzip of a gzip behind an empty member is still one layer too many */
	rv_buf inner;
	rv_buf_init(&inner, 1 << 20);
	gz_member(&inner, "", 0);
	gz_member(&inner, page, sizeof page - 1);
	rv_buf_reset(&gz);
	gz_member(&gz, inner.data, inner.len);
	memset(&s, 0, sizeof s);
	ASSERT_EQ(rv_ingest_buffer("twice.html.gz", gz.data, gz.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 0);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reasons[0], "twice.html.gz: a gzip file inside a gzip file");
	rv_buf_release(&inner);
	rv_buf_release(&gz);
}

/* Nowhere to inflate to: the file is named with the reason, the walk goes on. */
TEST(gzip_without_a_temporary_directory_is_named)
{
	rv_buf gz;
	rv_buf_init(&gz, 1 << 20);
	gz_member(&gz, two_lines, strlen(two_lines));
	/* the variable comes back before any assertion can end the test,
	 * or every later gzip test would fail for want of it */
	const char *was = getenv("TMPDIR");
	char *saved = was ? strdup(was) : NULL;
	ASSERT_EQ(setenv("TMPDIR", "/nonexistent/revue-test", 1), 0);
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_AUTO);
	int rc = rv_ingest_buffer("t.jsonl.gz", gz.data, gz.len, &o, NULL);
	if (saved)
		setenv("TMPDIR", saved, 1);
	else
		unsetenv("TMPDIR");
	free(saved);
	ASSERT_EQ(rc, RV_OK);
	ASSERT_EQ(s.records, 0);
	ASSERT_EQ(s.rejects, 1);
	ASSERT_CONTAINS(s.reasons[0], "t.jsonl.gz: cannot make a temporary file to inflate into: ");
	rv_buf_release(&gz);
}

/* A record names at most RV_INGEST_MAX_NAMES authors, however long its list. */
TEST(jsonl_author_list_is_bounded)
{
	rv_buf line;
	rv_buf_init(&line, 1 << 20);
	rv_buf_puts(&line, "{\"id\":\"many\",\"text\":\"T.\",\"authors\":[");
	for (int i = 0; i < 1000; i++)
		rv_buf_printf(&line, "%s\"Author %d\"", i ? "," : "", i);
	rv_buf_puts(&line, "]}\n");
	struct seen s = { 0 };
	rv_ingest_opts o = opts_for(&s, RV_FORMAT_JSONL);
	ASSERT_EQ(rv_ingest_buffer("m.jsonl", rv_buf_str(&line), line.len, &o, NULL), RV_OK);
	ASSERT_EQ(s.records, 1);
	ASSERT_EQ(s.n_authors[0], RV_INGEST_MAX_NAMES);
	rv_buf_release(&line);
}
