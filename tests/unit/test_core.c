/* Tests of src/core: buffers, strings, UTF-8. */
#include "test.h"
#include "core/article.h"
#include "core/buf.h"
#include "core/error.h"
#include "core/sort.h"
#include "core/str.h"
#include "core/utf8.h"

#include <utf8proc.h>

TEST(buf_refuses_to_grow_past_max)
{
	rv_buf b;
	rv_buf_init(&b, 8);
	ASSERT_EQ(rv_buf_puts(&b, "12345678"), RV_OK);
	ASSERT_EQ(rv_buf_putc(&b, 'x'), RV_EINPUT);
	ASSERT_STR_EQ(rv_buf_str(&b), "12345678");
	ASSERT_EQ(b.len, 8);
	rv_buf_release(&b);
}

TEST(buf_printf_and_detach)
{
	rv_buf b;
	rv_buf_init(&b, 0);
	ASSERT_STR_EQ(rv_buf_str(&b), "");
	for (int i = 0; i < 1000; i++)
		ASSERT_EQ(rv_buf_printf(&b, "%d,", i), RV_OK);
	char *s = rv_buf_detach(&b);
	ASSERT(!strncmp(s, "0,1,2,", 6));
	ASSERT(rv_str_ends_with(s, "999,"));
	ASSERT(b.data == NULL);
	free(s);
	char *empty = rv_buf_detach(&b);
	ASSERT_STR_EQ(empty, "");
	free(empty);
}

TEST(str_squeeze_and_trim)
{
	char s[] = "  a \t b\n\n c  ";
	rv_str_squeeze(s);
	ASSERT_STR_EQ(s, "a b c");
	ASSERT(rv_str_empty("  \n"));
	ASSERT(!rv_str_empty(" x"));
	long v;
	ASSERT(rv_parse_long("42", &v) && v == 42);
	ASSERT(!rv_parse_long("42x", &v));
	ASSERT(!rv_parse_long("", &v));
	ASSERT(!rv_parse_long("99999999999999999999999", &v));
}

TEST(strlist_unique_and_join)
{
	rv_strlist l;
	rv_strlist_init(&l);
	rv_strlist_push_unique(&l, "Ukraine", true);
	rv_strlist_push_unique(&l, "ukraine", true);
	rv_strlist_push_unique(&l, "OTAN", true);
	ASSERT_EQ(l.len, 2);
	char *j = rv_strlist_join(&l, ", ");
	ASSERT_STR_EQ(j, "Ukraine, OTAN");
	free(j);
	rv_strlist_release(&l);
	ASSERT_EQ(l.len, 0);
}

TEST(utf8_clean_repairs_and_normalises)
{
	/* invalid byte, overlong encoding, NUL, control char, decomposed é */
	const char in[] = "a\xff" "b\xc0\xaf" "c\x00" "d\x01" "e\xcc\x81";
	size_t bad = 0;
	char *out = rv_utf8_clean(in, sizeof in - 1, &bad);
	ASSERT(bad >= 2);
	ASSERT(rv_utf8_valid(out, strlen(out)));
	ASSERT_CONTAINS(out, "a\xEF\xBF\xBD" "b");
	ASSERT(strchr(out, '\x01') == NULL);
	ASSERT(rv_str_ends_with(out, "d\xc3\xa9")); /* NFC é */
	free(out);
}

TEST(utf8_fold_strips_case_and_accents)
{
	char *f = rv_utf8_fold("États-Unis ÉLYSÉE Kyïv");
	ASSERT_STR_EQ(f, "etats-unis elysee kyiv");
	free(f);
	char *g = rv_utf8_fold("bad \xff byte");
	ASSERT(g != NULL);
	free(g);
}

/* The ASCII shortcut gives what utf8proc gives, for every ASCII byte. */
TEST(utf8_fold_ascii_matches_utf8proc)
{
	char all[128];
	for (int i = 1; i < 128; i++)
		all[i - 1] = (char)i;
	all[127] = '\0';
	utf8proc_uint8_t *want = NULL;
	ASSERT(utf8proc_map((const utf8proc_uint8_t *)all, 0, &want,
			    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
				    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) == 127);
	char *got = rv_utf8_fold(all);
	ASSERT_STR_EQ(got, (const char *)want);
	free(got);
	free(want);
	char *empty = rv_utf8_fold("");
	ASSERT_STR_EQ(empty, "");
	free(empty);
}

TEST(utf8_next_never_reads_past_end)
{
	/* a truncated 3-byte sequence at the very end */
	static const char p[2] = { (char)0xe2, (char)0x82 };
	const char *s = p;
	ASSERT(rv_utf8_next(&s, p + 2) < 0);
	ASSERT(s == p + 1);
}

/* The inline ASCII and two-byte paths give what utf8proc gives, for every lead
 * byte with every second byte, and at the end of the input. */
TEST(utf8_next_inline_matches_utf8proc)
{
	for (int b0 = 0; b0 < 256; b0++) {
		for (int b1 = 0; b1 < 256; b1++) {
			const char in[3] = { (char)b0, (char)b1, (char)0x80 };
			for (size_t len = 1; len <= 3; len++) {
				const char *fast = in, *slow = in;
				int32_t cf = rv_utf8_next(&fast, in + len);
				int32_t cs = rv_utf8_next_slow(&slow, in + len);
				if (cf != cs || fast != slow)
					TEST_FAIL("bytes %02x %02x (%zu): %d +%td, utf8proc %d +%td", b0, b1, len,
						  cf, fast - in, cs, slow - in);
			}
		}
	}
}

TEST(utf8_prefix_cuts_at_a_character)
{
	const char *s = "Норвальске"; /* two bytes a letter */
	ASSERT_EQ(rv_utf8_prefix(s, strlen(s), 5), 4);
	ASSERT_EQ(rv_utf8_prefix(s, strlen(s), 6), 6);
	ASSERT_EQ(rv_utf8_prefix(s, strlen(s), 100), strlen(s));
	ASSERT_EQ(rv_utf8_prefix("abc", 3, 2), 2);
	ASSERT_EQ(rv_utf8_prefix("é", 2, 1), 0);
	for (size_t max = 0; max <= strlen(s); max++)
		ASSERT(rv_utf8_valid(s, rv_utf8_prefix(s, strlen(s), max)));
}

TEST(cp_classes_inline_match_utf8proc)
{
	for (int32_t cp = -2; cp < 0x3000; cp++) {
		ASSERT(rv_cp_is_alnum(cp) == rv_cp_is_alnum_slow(cp));
		ASSERT(rv_cp_is_upper(cp) == rv_cp_is_upper_slow(cp));
		ASSERT(rv_cp_is_lower(cp) == rv_cp_is_lower_slow(cp));
		ASSERT(rv_cp_is_space(cp) == rv_cp_is_space_slow(cp));
	}
}

TEST(error_messages_are_formatted)
{
	rv_error e;
	rv_error_clear(&e);
	ASSERT_EQ(rv_fail(&e, RV_EINPUT, "%s: empty file", "x.txt"), RV_EINPUT);
	ASSERT_STR_EQ(e.msg, "x.txt: empty file");
	ASSERT_EQ(rv_fail(NULL, RV_ERR, "ignored"), RV_ERR);
}

/* An article with no outlet is shown by its file's name, marked as a file. */
TEST(outlet_label_of_an_unnamed_outlet)
{
	char *l = rv_outlet_label("Le Courrier du Rhône", "examples/text/a.txt");
	ASSERT_STR_EQ(l, "Le Courrier du Rhône");
	free(l);
	l = rv_outlet_label(NULL, "examples/text/coastal-dam-01.txt");
	ASSERT_STR_EQ(l, "[coastal-dam-01.txt]");
	free(l);
	l = rv_outlet_label("", "wire.jsonl#3");
	ASSERT_STR_EQ(l, "[wire.jsonl#3]");
	free(l);
}

struct keyed {
	int key;
	int seen; /* the order it came in */
};

static int keyed_by_key(const void *x, const void *y)
{
	const struct keyed *a = x, *b = y;
	return (a->key > b->key) - (a->key < b->key);
}

TEST(sort_stable_keeps_the_order_of_equals)
{
	/* 1,000 elements of 7 keys, odd sizes of runs: by key, and among one
	 * key in the order they came (qsort may not) */
	struct keyed v[1000];
	unsigned r = 12345;
	for (int i = 0; i < 1000; i++) {
		r = r * 1103515245u + 12345u;
		v[i] = (struct keyed){ (int)((r >> 16) % 7), i };
	}
	ASSERT(rv_sort_stable(v, 1000, sizeof *v, keyed_by_key));
	for (int i = 1; i < 1000; i++) {
		ASSERT(v[i - 1].key <= v[i].key);
		if (v[i - 1].key == v[i].key)
			ASSERT(v[i - 1].seen < v[i].seen);
	}
	struct keyed one = { 3, 0 };
	ASSERT(rv_sort_stable(&one, 1, sizeof one, keyed_by_key));
	ASSERT(rv_sort_stable(NULL, 0, sizeof one, keyed_by_key));
	ASSERT_EQ(one.key, 3);
}
