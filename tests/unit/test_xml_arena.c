/* test_xml_arena.c - the per-thread arena libxml2 allocates from while a
 * page is parsed and walked. */
#include "test.h"

#include "extract/xml_arena.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

TEST(xml_arena_passes_through_outside_a_window)
{
	/* malloc'ed: the sanitizer build reports a leak or a bad free
	 * if the arena took it */
	char *p = rv__xml_arena_malloc(40);
	ASSERT(p);
	memset(p, 'x', 40);
	p = rv__xml_arena_realloc(p, 4000);
	ASSERT(p);
	ASSERT_EQ(p[39], 'x');
	rv__xml_arena_free(p);
	char *s = rv__xml_arena_strdup("plain");
	ASSERT_STR_EQ(s, "plain");
	free(s);
}

TEST(xml_arena_blocks_inside_a_window)
{
	char *before = rv__xml_arena_malloc(64); /* from malloc */
	ASSERT(before);
	memcpy(before, "from before the window", sizeof "from before the window");
	rv__xml_arena_begin();
	char *a = rv__xml_arena_malloc(3);
	char *b = rv__xml_arena_malloc(100);
	ASSERT(a && b && a != b);
	ASSERT_EQ((uintptr_t)a % 16, 0);
	ASSERT_EQ((uintptr_t)b % 16, 0);
	memcpy(a, "ab", 3);
	memset(b, 'b', 100);
	/* the newest block grows in place */
	char *b2 = rv__xml_arena_realloc(b, 5000);
	ASSERT(b2 == b);
	ASSERT_EQ(b2[99], 'b');
	/* an older one moves, with its bytes */
	char *a2 = rv__xml_arena_realloc(a, 50);
	ASSERT(a2 != a);
	ASSERT_STR_EQ(a2, "ab");
	/* freeing the newest block gives its room back */
	rv__xml_arena_free(a2);
	char *c = rv__xml_arena_malloc(50);
	ASSERT(c == a2);
	rv__xml_arena_free(b2); /* an older block: nothing happens */
	ASSERT_EQ(b2[0], 'b');
	/* larger than a chunk */
	char *big = rv__xml_arena_malloc((size_t)3 << 20);
	ASSERT(big);
	memset(big, 1, (size_t)3 << 20);
	/* a block from before the window is still malloc's */
	before = rv__xml_arena_realloc(before, 128);
	ASSERT_STR_EQ(before, "from before the window");
	rv__xml_arena_end();
	rv__xml_arena_free(before);
	/* the next window starts over in the kept chunk */
	rv__xml_arena_begin();
	char *d = rv__xml_arena_strdup("again");
	ASSERT_STR_EQ(d, "again");
	rv__xml_arena_end();
}

static int count_elements(const xmlNode *n)
{
	int k = 0;
	for (; n; n = n->next)
		if (n->type == XML_ELEMENT_NODE)
			k += 1 + count_elements(n->children);
	return k;
}

TEST(xml_arena_holds_parsed_trees)
{
	/* broken markup: the parser records errors, in its context and in
	 * the thread's last error, both inside the window */
	static const char page[] = "<html><head><title>T</title></head><body><div class=a>"
				   "<p>one<p>two &bogus; <b><i>three</b></i><table><td>x"
				   "</div></body></html>";
	for (int round = 0; round < 3; round++) {
		rv__xml_arena_begin();
		htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
		ASSERT(ctxt);
		htmlDocPtr doc = htmlCtxtReadMemory(ctxt, page, (int)strlen(page), NULL, "UTF-8",
						    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
							    HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
		htmlFreeParserCtxt(ctxt);
		ASSERT(doc);
		ASSERT_EQ(count_elements(xmlDocGetRootElement(doc)), 11);
		rv__xml_arena_end(); /* no xmlFreeDoc: the window takes the tree */
	}
	/* outside a window libxml2 allocates and frees as before, errors
	 * included (the last error holds nothing from the windows) */
	htmlDocPtr doc = htmlReadMemory(page, (int)strlen(page), NULL, "UTF-8",
					HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
						HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
	ASSERT(doc);
	ASSERT_EQ(count_elements(xmlDocGetRootElement(doc)), 11);
	xmlFreeDoc(doc);
}
