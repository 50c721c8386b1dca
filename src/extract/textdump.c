/* textdump.c - an article from a crawler's plain-text dump.
 *
 * A dump is the page's text nodes, one per line, in document order: the
 * article is in there between navigation, metadata residue, comment threads
 * and "related" lists. We read it in three passes:
 *
 *   1. classify every line by its shape (a bare URL, an ISO timestamp, a
 *      lower-case keyword, a contact line, a number run, a known prompt,
 *      a line of prose ...);
 *   2. find the body: it starts at the first line of prose after the title
 *      and ends at the last line of prose before the marker that opens a
 *      comment thread or a list of other articles (README "Text dumps");
 *   3. take the metadata from the lines around it, strongest evidence
 *      first, and clean the body paragraphs (textdump_clean.c: glued
 *      paragraphs split, photo credits and the closing pitch cut).
 *
 * Line measures (letters, words, sentence ends) are in textdump_text.c.
 * The rules look at shape (length, case, punctuation, numbers, links,
 * repetition, position) first; the phrase lists below are only the
 * well-known prompts in FR/EN/DE/ES.
 */
#include "extract/extract.h"
#include "extract/textdump_int.h"
#include "core/buf.h"
#include "core/date.h"
#include "core/utf8.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>

/* Bound the work on a hostile dump: lines past this are not read. */
#define MAX_LINES 20000
#define MAX_LINE_BYTES ((size_t)1 << 20)
#define TITLE_WINDOW 200

/* "Contactez la rédaction :", "Write to us:", "Tél." before an address is
 * a prompt, not the outlet's name: its first word (folded: no case, no
 * accents) says so, or it ends in a colon after a lower-case word. */
static bool contact_prompt(const char *name)
{
	static const char *const prompts[] = {
		"contact", "contactez", "contactez-nous", "contacter", "contacts", "ecrivez",
		"ecrivez-nous", "ecrire", "email", "e-mail", "mail", "courriel", "tel", "telephone",
		"phone", "fax", "write", "joindre", "pour", "for", "redaction", "newsroom",
		"service", "nous", "us", "par", "by", NULL,
	};
	char *folded = rv_utf8_fold(name);
	if (!folded)
		return false;
	size_t n = strcspn(folded, " :.");
	bool prompt = false;
	for (const char *const *p = prompts; *p && !prompt; p++)
		prompt = strlen(*p) == n && !strncmp(folded, *p, n);
	free(folded);
	size_t len = strlen(name);
	while (len && name[len - 1] == ' ')
		len--;
	if (!prompt && len && name[len - 1] == ':') {
		size_t w = len - 1;
		while (w && name[w - 1] == ' ')
			w--;
		size_t ws = w;
		while (ws && name[ws - 1] != ' ')
			ws--;
		prompt = ws < w && !rv_cp_is_upper(rv__td_first_cp(name + ws));
	}
	return prompt;
}

enum kind {
	K_JUNK,       /* no words: numbers, symbols, "1920 1080 true", bare years */
	K_TEXT,       /* words: a title, a paragraph, a heading, a teaser ... */
	K_URL,        /* a link (with at most a few words around it) */
	K_IMAGE,      /* an image URL, maybe after a name (author avatar) */
	K_XPATH,      /* extraction residue: /html/head/meta[...] */
	K_DATE,       /* a line that is only a timestamp */
	K_CONTACT,    /* publisher contact: e-mail, phone */
	K_LOCALE,     /* fr_FR */
	K_KEYWORD,    /* a short lower-case line: a tag */
	K_TAGLINE,    /* "a, b c, d": the tag list */
	K_BREADCRUMB, /* Home » World » ... */
	K_BOILER,     /* a share/subscribe/navigation prompt */
	K_STOP,       /* opens a list of other articles or an author box */
	K_LINK,       /* "À lire aussi : <title>": a link inside the story */
	K_COMMENTS,   /* opens a comment thread */
	K_COMMENT,    /* a comment's header: "Posté par X, <date>" */
	K_BYLINE,     /* "Par X" / "By X" */
};

struct line {
	char *s; /* squeezed text, owned */
	size_t words;
	enum kind kind;
	uint64_t hash;  /* of s, to spot repeated lines cheaply */
	bool prose;     /* reads like a paragraph of the article */
	bool truncated; /* ends with "..." / "…": a teaser or a meta lead */
	bool has_date;  /* rv_date_find found a date in it */
	rv_date date;
	size_t date_at, date_len;
};

/* ---------------------------------------------------------------- text */

/* f starts with phrase as whole words. */
static bool starts_phrase(const char *f, const char *phrase)
{
	size_t n = strlen(phrase);
	if (strncmp(f, phrase, n))
		return false;
	return !isalnum((unsigned char)f[n]) && !((unsigned char)f[n] & 0x80);
}

/* f is one of the phrases, with at most a count or punctuation after it
 * ("6 commentaires", "comments (12)"; not "reactions des elus"). */
static bool whole_phrase(const char *f, const char *const *list)
{
	for (size_t i = 0; list[i]; i++) {
		if (!starts_phrase(f, list[i]))
			continue;
		const char *p = f + strlen(list[i]);
		while (*p && !isalpha((unsigned char)*p) && !((unsigned char)*p & 0x80))
			p++;
		if (!*p)
			return true;
	}
	return false;
}

static bool any_phrase(const char *f, const char *const *list)
{
	for (size_t i = 0; list[i]; i++)
		if (starts_phrase(f, list[i]))
			return true;
	return false;
}

/* Folded (no accents, lower case). Lines that open a list of other
 * articles, an author box or a site widget: the article is over. */
static const char *const stop_phrases[] = {
    "check also",
    "see also",
    "read also",
    "read more",
    "related",
    "related articles",
    "related posts",
    "related stories",
    "you might also enjoy",
    "you might also like",
    "you may also like",
    "more updates",
    "more stories",
    "more from",
    "stay connected",
    "recommended",
    "most read",
    "most popular",
    "top stories",
    "trending",
    "about the author",
    "sur le meme sujet",
    "a lire aussi",
    "lire aussi",
    "voir aussi",
    "a voir aussi",
    "articles similaires",
    "dans la meme rubrique",
    "les plus lus",
    "le fil info",
    "voir plus d'articles",
    "le meilleur de l'actu",
    "a la une",
    "das konnte sie auch interessieren",
    "auch interessant",
    "mehr zum thema",
    "weitere artikel",
    "meistgelesen",
    "uber den autor",
    "te puede interesar",
    "tambien te puede interesar",
    "noticias relacionadas",
    "mas noticias",
    "lo mas leido",
    "sobre el autor",
    "relacionado",
    NULL,
};

/* Folded. "À lire aussi : <other title>", "Read more: <other title>": a
 * link to another article, set inside the story, which goes on after it. */
static const char *const link_phrases[] = {
    "a lire aussi",   "lire aussi",  "a lire egalement", "lire egalement", "a voir aussi",
    "voir aussi",     "read more",   "read also",        "also read",      "see also",
    "lesen sie auch", "lea tambien", "lee tambien",      "ver tambien",    NULL,
};

/* Lines that open a comment thread. */
static const char *const comment_phrases[] = {
    "leave a reply",
    "leave a comment",
    "comments",
    "responses",
    "replies",
    "laisser une reponse",
    "laisser un commentaire",
    "commentaires",
    "commentaire",
    "reactions",
    "reagissez",
    "kommentare",
    "kommentar",
    "schreiben sie einen kommentar",
    "comentarios",
    "deja un comentario",
    "deja una respuesta",
    NULL,
};

/* f (folded) starts with a link phrase and a colon, dash or arrow:
 * "a lire aussi : ...", "read more - ...". */
static bool link_title_follows(const char *f)
{
	size_t best = 0;
	for (size_t i = 0; link_phrases[i]; i++)
		if (starts_phrase(f, link_phrases[i]) && strlen(link_phrases[i]) > best)
			best = strlen(link_phrases[i]);
	const char *p = f + best;
	while (*p == ' ')
		p++;
	return best && (*p == ':' || *p == '-' || *p == '>' || *p == '|' ||
	                rv_str_starts_with(p, "\xE2\x80\x93") || rv_str_starts_with(p, "\xC2\xBB"));
}

/* A comment's header: who posted it (with a date on the same line). */
static const char *const poster_phrases[] = {
    "poste par",       "publie par",   "posted by",     "posted on",   "submitted by",
    "geschrieben von", "verfasst von", "publicado por", "escrito por", NULL,
};

/* Prompts and page furniture (the whole line is one of these, or starts
 * with one and is short). */
static const char *const boiler_phrases[] = {
    "share",
    "share post",
    "share this",
    "share on",
    "tweet",
    "print",
    "email",
    "e-mail",
    "subscribe",
    "sign up",
    "sign in",
    "log in",
    "newsletter",
    "newsletters",
    "follow us",
    "see all",
    "see more",
    "load more",
    "more comments",
    "show more",
    "advertisement",
    "partager",
    "partagez",
    "imprimer",
    "abonnez-vous",
    "s'abonner",
    "je m'abonne",
    "inscrivez-vous",
    "je m'inscris",
    "s'inscrire",
    "voir tout",
    "voir plus",
    "lire la suite",
    "plus de commentaires",
    "suivez-nous",
    "publicite",
    "temps de lecture",
    "teilen",
    "drucken",
    "abonnieren",
    "jetzt abonnieren",
    "anmelden",
    "mehr anzeigen",
    "lesezeit",
    "anzeige",
    "werbung",
    "compartir",
    "imprimir",
    "suscribete",
    "suscribirse",
    "registrate",
    "ver mas",
    "ver todo",
    "leer mas",
    "tiempo de lectura",
    "publicidad",
    "votre adresse",
    "your email address",
    "ihre e-mail-adresse",
    "tu direccion de correo",
    "required fields",
    /* credits of a picture on their own line */
    "photo",
    "photos",
    "foto",
    "fotos",
    "bild",
    "image",
    "credit",
    "credits",
    "credit photo",
    "illustration",
    "imagen",
    "quelle",
    NULL,
};

/* An author box's heading ("À propos X"), unless it is about a topic. */
static const char *const about_phrases[] = {
    "a propos",
    "about",
    NULL,
};
static const char *const about_topic_phrases[] = {
    "a propos de", "a propos du", "a propos des", "a propos d'", "about the",
    "uber die",    "uber den",    "uber das",     NULL,
};

/* Boilerplate words that are only a credit when a colon or slash follows
 * ("Foto: dpa", "Photo: AFP/Jane Doe"); "Photos of the day" is a heading. */
static const char *const credit_phrases[] = {
    "photo",   "photos",       "foto",         "fotos",  "bild",   "image", "credit",
    "credits", "credit photo", "illustration", "imagen", "quelle", NULL,
};

/* Words in a byline before the names. */
static const char *const byline_phrases[] = {
    "par", "by", "von", "por", "written by", "redige par", "ecrit par", NULL,
};

/* ---------------------------------------------------------------- tokens */

static bool is_image_url(const char *t, size_t n)
{
	static const char *const ext[] = {".jpg", ".jpeg", ".png", ".gif", ".webp",
	                                  ".svg", ".avif", ".bmp", NULL};
	size_t end = n;
	for (size_t i = 0; i < n; i++)
		if (t[i] == '?' || t[i] == '#') {
			end = i;
			break;
		}
	for (size_t i = 0; ext[i]; i++) {
		size_t k = strlen(ext[i]);
		if (end >= k && !strncasecmp(t + end - k, ext[i], k))
			return true;
	}
	return false;
}

static bool is_email_token(const char *t, size_t n)
{
	const char *at = memchr(t, '@', n);
	return at && at > t && memchr(at, '.', n - (size_t)(at - t)) && !rv__td_is_url_token(t, n);
}

/* "+74956456601", "+33 1 23 45 67 89" starts, "01.23.45.67.89". */
static bool is_phone_token(const char *t, size_t n)
{
	size_t digits = 0, other = 0;
	for (size_t i = 0; i < n; i++) {
		if (isdigit((unsigned char)t[i]))
			digits++;
		else if (t[i] != '+' && t[i] != '.' && t[i] != '-' && t[i] != '(' && t[i] != ')')
			other++;
	}
	return !other && digits >= 8 && (t[0] == '+' || digits >= 10);
}

static bool is_xpath_token(const char *t, size_t n)
{
	return (n > 5 && !strncmp(t, "/html", 5)) || memmem(t, n, "[@", 2) || memmem(t, n, "/@", 2);
}

/* Tokens that carry no words: numbers, sizes, booleans, lone symbols. */
static bool is_filler_token(const char *t, size_t n)
{
	if ((n == 4 && !strncmp(t, "true", 4)) || (n == 5 && !strncmp(t, "false", 5)) ||
	    (n == 4 && !strncmp(t, "null", 4)))
		return true;
	struct rv__td_letters c = rv__td_count_letters(t, n);
	return c.letters < 2;
}

/* The next space-separated token at *p: false at the end. */
static bool next_token(const char **p, const char **t, size_t *n)
{
	const char *s = *p;
	while (*s == ' ')
		s++;
	if (!*s)
		return false;
	const char *e = strchr(s, ' ');
	*t = s;
	*n = e ? (size_t)(e - s) : strlen(s);
	*p = s + *n;
	return true;
}

/* t and n are names this declares, so they cannot be parenthesised. */
/* NOLINTBEGIN(bugprone-macro-parentheses) */
#define FOR_TOKENS(s, t, n)                                                                        \
	for (const char *t##_p = (s), *t = NULL; t##_p; t##_p = NULL)                              \
		for (size_t n = 0; next_token(&t##_p, &t, &n);)
/* NOLINTEND(bugprone-macro-parentheses) */

/* A person's name: 2-4 words, capitalised (particles allowed), no digits. */
bool rv__textdump_is_name(const char *s)
{
	static const char *const particles[] = {"de",  "du",  "des", "la", "le", "von",
	                                        "van", "der", "den", "da", "di", "del",
	                                        "dos", "bin", "al",  "y",  "e",  NULL};
	size_t words = 0, caps = 0;
	if (!*s || strlen(s) > 60)
		return false;
	FOR_TOKENS(s, t, n)
	{
		words++;
		int32_t cp = rv__td_first_cp(t);
		struct rv__td_letters c = rv__td_count_letters(t, n);
		if (c.digits || memchr(t, '@', n) || memchr(t, '/', n) || memchr(t, ':', n))
			return false;
		if (rv_cp_is_upper(cp)) {
			/* "AFP", "CNN": agencies, not people. */
			if (c.upper == c.letters && c.letters <= 4)
				return false;
			caps++;
		} else {
			bool part = false;
			for (size_t i = 0; particles[i]; i++)
				if (strlen(particles[i]) == n && !strncmp(t, particles[i], n))
					part = true;
			if (!part)
				return false;
		}
	}
	return words >= 2 && words <= 5 && caps >= 2;
}

/* A time right after a date that rv_date_find left without one:
 * "à 10:05", "at 10:05", "um 10.05 Uhr", "a las 10:05", "10h05", with its
 * 12-hour marker and zone ("2026-03-04 at 10:15 PM"). */
static void time_after(const char *s, rv_date *d, size_t *len)
{
	static const char *const leads[] = {"\xC3\xA0 ", "a ",   "at ", "um ",
	                                    "a las ",    "kl. ", NULL};
	const char *p = s + *len;
	while (*p == ' ' || *p == ',' || *p == '-' || *p == '|')
		p++;
	bool german = false;
	for (size_t i = 0; leads[i]; i++)
		if (!strncmp(p, leads[i], strlen(leads[i]))) {
			german = !strcmp(leads[i], "um ");
			p += strlen(leads[i]);
			break;
		}
	int h = 0, m = 0, k = 0;
	while (k < 2 && isdigit((unsigned char)p[k]))
		h = h * 10 + (p[k++] - '0');
	if (!k || (p[k] != ':' && p[k] != 'h' && p[k] != 'H' && p[k] != '.'))
		return;
	const char *q = p + k + 1;
	if (!isdigit((unsigned char)q[0]) || !isdigit((unsigned char)q[1]) ||
	    isdigit((unsigned char)q[2]))
		return;
	m = (q[0] - '0') * 10 + (q[1] - '0');
	if (h > 23 || m > 59)
		return;
	d->hour = h;
	d->minute = m;
	d->has_time = true;
	q += 2;
	/* "um 12.15 am Montag": German "am" is "on" */
	if (!german)
		q += rv_date_clock_suffix(q, d);
	*len = (size_t)(q - s);
}

/* rv_date_find, and the German "14. März 2023" it does not read yet (the
 * day's dot is taken for a numeric date): retried with that dot removed,
 * offsets mapped back to s. */
static bool find_date_only(const char *s, rv_date *d, size_t *at, size_t *len);

static bool find_date(const char *s, rv_date *d, size_t *at, size_t *len)
{
	if (!find_date_only(s, d, at, len))
		return false;
	if (!d->has_time) {
		time_after(s + *at, d, len);
	}
	return true;
}

static bool find_date_only(const char *s, rv_date *d, size_t *at, size_t *len)
{
	if (rv_date_find(s, d, at, len))
		return true;
	size_t n = strlen(s);
	char *c = malloc(n + 1);
	if (!c)
		return false;
	size_t j = 0, dropped_at = (size_t)-1;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '.' && i > 0 && isdigit((unsigned char)s[i - 1]) && s[i + 1] == ' ' &&
		    (isalpha((unsigned char)s[i + 2]) || ((unsigned char)s[i + 2] & 0x80)) &&
		    dropped_at == (size_t)-1) {
			dropped_at = i;
			continue;
		}
		c[j++] = s[i];
	}
	c[j] = '\0';
	bool ok = dropped_at != (size_t)-1 && rv_date_find(c, d, at, len);
	if (ok) {
		if (*at >= dropped_at)
			(*at)++;
		else if (*at + *len > dropped_at)
			(*len)++;
	}
	free(c);
	return ok;
}

static int byline_names(const char *s, size_t len, rv_strlist *out);

/* Dates are read from short lines (datelines, comment headers) and from
 * the end of a lead; a year has four digits. Skipping the rest keeps the
 * month-name search off the body's long paragraphs. */
static bool maybe_dated(const char *s, size_t len, size_t words)
{
	size_t run = 0, first_year = (size_t)-1, last_year = (size_t)-1;
	for (size_t i = 0; i < len; i++) {
		run = isdigit((unsigned char)s[i]) ? run + 1 : 0;
		if (run == 4) {
			last_year = i;
			if (first_year == (size_t)-1)
				first_year = i;
		}
	}
	if (last_year == (size_t)-1)
		return false;
	/* short lines, a lead ending with its date, or a dateline opening a
	 * paragraph */
	return words <= 30 || len - last_year <= 80 || first_year <= 40;
}

/* ---------------------------------------------------------------- breadcrumbs */

/* Walks the crumb separators of a line (" » ", " › ", " > "). A » or ›
 * that closes a « or ‹ opened before it is a quote, not a separator:
 * "Accueil » FAITS DIVERS » Feu. « Une nuit d'enfer » pour ..." has two. */
struct crumb_walk {
	const char *p;
	int open_double, open_single; /* « and ‹ not closed yet */
};

/* The next separator (NULL: none); *len gets its length. */
static const char *crumb_next(struct crumb_walk *w, size_t *len)
{
	for (const char *p = w->p; *p; p++) {
		if (rv_str_starts_with(p, "\xC2\xAB")) {
			w->open_double++;
		} else if (rv_str_starts_with(p, "\xE2\x80\xB9")) {
			w->open_single++;
		} else if (rv_str_starts_with(p, "\xC2\xBB")) {
			if (w->open_double)
				w->open_double--;
		} else if (rv_str_starts_with(p, "\xE2\x80\xBA")) {
			if (w->open_single)
				w->open_single--;
		} else if (*p == ' ') {
			size_t n = rv_str_starts_with(p, " \xC2\xBB ")       ? 4
			           : rv_str_starts_with(p, " \xE2\x80\xBA ") ? 5
			           : rv_str_starts_with(p, " > ")            ? 3
			                                                     : 0;
			bool closes = (n == 4 && w->open_double) || (n == 5 && w->open_single);
			if (n && !closes) {
				w->p = p + n;
				*len = n;
				return p;
			}
		}
	}
	w->p = NULL;
	return NULL;
}

/* "Vous êtes ici : Accueil > Monde": the prompt is not a crumb. Returns
 * where the crumbs start. */
static const char *skip_here_prompt(const char *s)
{
	static const char *const prompts[] = {
	    "vous etes ici", "you are here", "sie sind hier", "esta aqui", "estas aqui", NULL,
	};
	const char *colon = strchr(s, ':');
	if (!colon || colon - s > 40)
		return s;
	char *head = rv_strndup(s, (size_t)(colon - s));
	char *f = head ? rv__td_fold(head) : NULL;
	bool prompt = false;
	for (size_t i = 0; f && prompts[i] && !prompt; i++)
		prompt = starts_phrase(f, prompts[i]);
	free(f);
	free(head);
	return prompt ? rv_str_ltrim(colon + 1) : s;
}

/* Home » World » Title: the crumbs before the last are a few words each
 * (the last may be the whole title); « quotes » in prose are not crumbs. */
static bool is_breadcrumb(const char *s, size_t words)
{
	if (words > 40)
		return false;
	struct crumb_walk w = {.p = skip_here_prompt(s)};
	const char *seg = w.p, *sep;
	size_t len, seps = 0;
	while ((sep = crumb_next(&w, &len))) {
		char *crumb = rv_strndup(seg, (size_t)(sep - seg));
		if (!crumb)
			return false;
		size_t n = rv__td_count_words(crumb);
		struct rv__td_letters c = rv__td_count_letters(crumb, strlen(crumb));
		bool quoted = strstr(crumb, "\xC2\xAB") || strstr(crumb, "\xE2\x80\xB9");
		free(crumb);
		if (!n || n > 5 || !c.letters || quoted)
			return false;
		seps++;
		seg = sep + len;
	}
	return seps > 0;
}

/* The last crumb of a breadcrumb (often the page's title). */
static const char *crumb_tail(const char *s)
{
	struct crumb_walk w = {.p = skip_here_prompt(s)};
	const char *tail = w.p;
	size_t len;
	for (const char *sep; (sep = crumb_next(&w, &len));)
		tail = sep + len;
	return tail;
}

/* The first crumb when it names the outlet ("Le Journal de Valmont >
 * Sport > ..."), not the home page or a section ("Accueil", "News",
 * "Monde"). New string, or NULL. */
static char *crumb_outlet(const char *s)
{
	static const char *const generic[] = {
	    "accueil",      "home",       "homepage",    "start",     "startseite",
	    "inicio",       "portada",    "news",        "actualite", "actualites",
	    "actu",         "actus",      "info",        "infos",     "une",
	    "la une",       "a la une",   "nachrichten", "noticias",  "index",
	    "front page",   "monde",      "world",       "france",    "international",
	    "politique",    "politics",   "economie",    "economy",   "business",
	    "sport",        "sports",     "culture",     "societe",   "society",
	    "faits divers", "sante",      "health",      "science",   "sciences",
	    "tech",         "technology", "opinion",     "opinions",  "region",
	    "regions",      "local",      "national",    "europe",    "environnement",
	    "environment",  "planete",    "lifestyle",   "education", "justice",
	    "meteo",        "weather",    "people",      "media",     "medias",
	    NULL,
	};
	struct crumb_walk w = {.p = skip_here_prompt(s)};
	const char *first = w.p;
	size_t len;
	const char *sep = crumb_next(&w, &len);
	if (!sep)
		return NULL;
	char *name = rv_strndup(first, (size_t)(sep - first));
	if (!name)
		return NULL;
	rv_str_squeeze(name);
	char *f = rv__td_fold(name);
	bool outlet = f && !whole_phrase(f, generic) && strlen(name) >= 2 &&
	              !rv_cp_is_lower(rv__td_first_cp(name));
	free(f);
	if (!outlet) {
		free(name);
		return NULL;
	}
	return name;
}

/* "2026", "2003-2026": a year or a span of years. */
static bool year_token(const char *t, size_t n)
{
	size_t k = 0;
	while (k < n && isdigit((unsigned char)t[k]))
		k++;
	return k == 4 && (t[0] == '1' || t[0] == '2') &&
	       (k == n || t[k] == '-' || t[k] == ',' || t[k] == '.' ||
	        rv_str_starts_with(t + k, "\xE2\x80\x93"));
}

/* A copyright notice: "©", "(c)" or "Copyright", with a year or "All
 * rights reserved" (a "© AFP" photo credit has neither). f is s folded. */
static bool copyright_notice(const char *s, const char *f)
{
	static const char *const rights[] = {
	    "all rights reserved",
	    "tous droits reserves",
	    "alle rechte vorbehalten",
	    "todos los derechos reservados",
	    NULL,
	};
	if (!rv_str_starts_with(s, "\xC2\xA9") && !rv_str_istarts_with(s, "(c)") &&
	    !rv_str_istarts_with(s, "copyright"))
		return false;
	FOR_TOKENS(s, t, n)
	{
		if (year_token(t, n) ||
		    (n > 2 && rv_str_starts_with(t, "\xC2\xA9") && year_token(t + 2, n - 2)))
			return true;
	}
	for (size_t i = 0; f && rights[i]; i++)
		if (strstr(f, rights[i]))
			return true;
	return false;
}

/* The outlet a copyright notice names: "© Le Journal de Valmont 2026 –
 * Tous droits réservés", "© 2026 Northern Ledger. All rights reserved",
 * "Copyright © 2003-2026 The Herald, Inc.". New string, or NULL. */
static char *copyright_outlet(const char *s)
{
	static const char *const rights_words[] = {"all", "tous", "alle", "todos", NULL};
	const char *start = NULL, *end = NULL;
	FOR_TOKENS(s, t, n)
	{
		/* the mark and the years before the name */
		const char *u = t;
		size_t un = n;
		if (rv_str_starts_with(u, "\xC2\xA9"))
			u += 2;
		else if (un >= 3 && !strncasecmp(u, "(c)", 3))
			u += 3;
		else if (un == 9 && !strncasecmp(u, "copyright", 9))
			u += 9;
		un -= (size_t)(u - t);
		bool year = un && year_token(u, un);
		bool words = rv__td_count_letters(t, n).letters > 0;
		/* the name ends at a year, a dash, a pipe, a mark or "All rights" */
		bool rights = false;
		for (size_t i = 0; rights_words[i]; i++)
			rights = rights || (strlen(rights_words[i]) == n &&
			                    !strncasecmp(t, rights_words[i], n));
		if (u != t || year || !words || rights) {
			if (start)
				break;
			continue;
		}
		if (!start)
			start = t;
		end = t + n;
		if (t[n - 1] == ',' || t[n - 1] == '.' || t[n - 1] == ';') {
			end--;
			break;
		}
	}
	if (!start || end <= start)
		return NULL;
	char *out = rv_strndup(start, (size_t)(end - start));
	if (out && (rv__td_count_words(out) > 6 || strpbrk(out, "/@") ||
	            rv_cp_is_lower(rv__td_first_cp(out)) ||
	            rv__td_count_letters(out, strlen(out)).letters < 2)) {
		free(out);
		out = NULL;
	}
	return out;
}

/* name could be what the host spells: "Le Journal de Valmont" and
 * "journaldevalmont.example" (its letters and digits, one inside the
 * other, at least four of them). */
static bool names_host(const char *name, const char *host)
{
	char *f = rv__td_fold(name);
	if (!f)
		return false;
	size_t k = 0;
	for (const char *p = f; *p; p++)
		if (isalnum((unsigned char)*p))
			f[k++] = *p;
	f[k] = '\0';
	char *label = rv_strndup(host, strcspn(host, "."));
	bool same = label && strlen(label) >= 4 && k >= 4 && (strstr(f, label) || strstr(label, f));
	free(label);
	free(f);
	return same;
}

/* What follows a line's date, past the ", " or " - " after it. */
static const char *after_date(const struct line *l)
{
	const char *after = l->s + l->date_at + l->date_len;
	while (*after == ',' || *after == ' ' || *after == '-' || *after == '|')
		after++;
	return after;
}

/* "The strike goes on. Dozens of ships... 02.03.2026, Outlet": a teaser cut
 * before its date and the outlet's name is the page's lead, not prose. */
static bool meta_lead(const struct line *l)
{
	if (!l->date_at || rv__td_count_words(after_date(l)) > 4)
		return false;
	char *lead = rv_strndup(l->s, rv_str_rtrim_len(l->s, l->date_at));
	bool cut = lead && rv__td_is_truncated(lead);
	free(lead);
	return cut;
}

/* ---------------------------------------------------------------- classify */

static void classify(struct line *l)
{
	const char *s = l->s;
	size_t len = strlen(s);
	l->words = rv__td_count_words(s);
	struct rv__td_letters all = rv__td_count_letters(s, len);
	if (all.letters < 2 && !all.digits) {
		l->kind = K_JUNK;
		return;
	}

	size_t urls = 0, images = 0, emails = 0, phones = 0, xpaths = 0, fillers = 0;
	FOR_TOKENS(s, t, n)
	{
		if (rv__td_is_url_token(t, n)) {
			urls++;
			if (is_image_url(t, n))
				images++;
		} else if (is_email_token(t, n)) {
			emails++;
		} else if (is_phone_token(t, n)) {
			phones++;
		} else if (is_xpath_token(t, n)) {
			xpaths++;
		}
		if (is_filler_token(t, n))
			fillers++;
	}
	l->has_date =
	    maybe_dated(s, len, l->words) && find_date(s, &l->date, &l->date_at, &l->date_len);
	l->truncated = rv__td_is_truncated(s) || (l->has_date && meta_lead(l));

	if (xpaths && xpaths * 2 >= l->words) {
		l->kind = K_XPATH;
		return;
	}
	if (images && l->words <= images + 5) {
		l->kind = K_IMAGE;
		return;
	}
	if (urls && l->words <= urls + 3) {
		l->kind = K_URL;
		return;
	}
	if ((emails || phones) && l->words <= 25) {
		l->kind = K_CONTACT;
		return;
	}
	rv_date iso;
	if (rv_date_parse_iso(s, &iso)) {
		l->kind = K_DATE;
		l->has_date = true;
		l->date = iso;
		l->date_at = 0;
		l->date_len = len;
		return;
	}
	if (fillers == l->words) {
		l->kind = K_JUNK;
		return;
	}
	/* fr_FR, en-US, de_DE */
	if ((len == 5 && islower((unsigned char)s[0]) && islower((unsigned char)s[1]) &&
	     (s[2] == '_' || s[2] == '-') && isupper((unsigned char)s[3]) &&
	     isupper((unsigned char)s[4]))) {
		l->kind = K_LOCALE;
		return;
	}
	if (is_breadcrumb(s, l->words)) {
		l->kind = K_BREADCRUMB;
		return;
	}

	/* Known phrases are only looked for in short lines (the longest
	 * test is a comment header's 25 words): long lines skip the fold. */
	char *f = l->words <= 25 ? rv__td_fold(s) : NULL;
	if (!f) {
		l->kind = K_TEXT;
		goto shape;
	}
	size_t fw = l->words;
	/* "6 Commentaires", "Sur le même sujet (2)": a count may lead or follow. */
	const char *g = f;
	while (isdigit((unsigned char)*g))
		g++;
	if (g != f && *g == ' ')
		g++;
	else
		g = f;

	l->kind = K_TEXT;
	if (fw <= 25 && l->has_date && any_phrase(g, poster_phrases))
		l->kind = K_COMMENT;
	else if (fw <= 5 && any_phrase(g, comment_phrases))
		l->kind = K_COMMENTS;
	else if (any_phrase(f, link_phrases) && !whole_phrase(g, link_phrases) &&
	         (link_title_follows(f) || !rv__td_ends_sentence(s)))
		l->kind = K_LINK; /* "See also the minister's answer." stays prose */
	else if (fw <= 6 && any_phrase(g, stop_phrases))
		l->kind = K_STOP;
	else if ((fw <= 6 || (fw <= 14 && !rv__td_ends_sentence(s))) &&
	         any_phrase(g, boiler_phrases) &&
	         (!any_phrase(g, credit_phrases) || strpbrk(s, ":/")))
		l->kind = K_BOILER; /* NOLINT(bugprone-branch-clone): separate rules, same kind */
	else if (fw <= 12 && (rv_str_starts_with(s, "\xC2\xA9") || rv_str_istarts_with(s, "(c) ") ||
	                      copyright_notice(s, f)))
		l->kind = K_BOILER; /* © 2023 Outlet, All rights reserved */
	else if (fw >= 3 && (fw <= 12 || (l->has_date && fw <= 24)) &&
	         any_phrase(f, byline_phrases)) {
		/* "Par ailleurs, ..." is prose: a byline names people, before
		 * its date ("Par Marc Dupin | Publié le 01/09/2026 à 07h15"). */
		rv_strlist names;
		rv_strlist_init(&names);
		if (byline_names(s, l->has_date ? l->date_at : len, &names) == RV_OK && names.len)
			l->kind = K_BYLINE;
		rv_strlist_release(&names);
	} else if (fw <= 4 && any_phrase(f, about_phrases) && !any_phrase(f, about_topic_phrases) &&
	           !all.digits && !strpbrk(s, ".!?"))
		l->kind = K_BOILER; /* an author box: "À propos X", "About X" */
	free(f);
	if (l->kind != K_TEXT)
		return;
shape:;
	int32_t c0 = rv__td_first_cp(s);
	bool sentence_punct = strpbrk(s, ".!?;") != NULL;
	/* Reading-time and count widgets: "2 min", "5 min read". */
	if (l->words <= 6 && all.digits && strstr(s, "min") && !rv__td_ends_sentence(s)) {
		l->kind = K_BOILER;
		return;
	}
	if (strchr(s, ',') && !sentence_punct && !l->has_date) {
		/* a tag list: at least three short comma-separated items */
		size_t items = 1, longest = 0, cur = 0;
		bool lower = true;
		FOR_TOKENS(s, t, n)
		{
			cur++;
			if (t[n - 1] == ',') {
				items++;
				if (cur > longest)
					longest = cur;
				cur = 0;
			}
			if (rv_cp_is_upper(rv__td_first_cp(t)))
				lower = false;
		}
		if (cur > longest)
			longest = cur;
		if (items >= 3 && longest <= 4 && (lower || items * 2 >= l->words))
			if (lower || items >= 4) {
				l->kind = K_TAGLINE;
				return;
			}
	}
	if (l->words <= 4 && rv_cp_is_lower(c0) && !sentence_punct && !all.digits && len <= 48) {
		l->kind = K_KEYWORD;
		return;
	}
	l->prose = !l->truncated && l->words >= 10 && (rv__td_ends_sentence(s) || l->words >= 30) &&
	           all.upper * 2 < all.letters;
}

/* ---------------------------------------------------------------- state */

struct dump {
	struct line *lines;
	size_t n;
	const rv_record *rec;
	rv_article *a;
	size_t title_line; /* index, or n when none */
	size_t body_start; /* first body line, n when none */
	size_t body_end;   /* one past the last body line */
	char *source_text; /* outlet named by a contact or lead line */
	char *copyright;   /* outlet named by "© Outlet 2026" */
	char *crumb;       /* first crumb of a breadcrumb, when not "Home" */
	bool has_fetched;
	rv_date fetched;
};

static void dump_release(struct dump *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->lines[i].s);
	free(d->lines);
	free(d->source_text);
	free(d->copyright);
	free(d->crumb);
}

static int split_lines(struct dump *d, const char *text, size_t len)
{
	size_t cap = 64;
	d->lines = calloc(cap, sizeof *d->lines);
	if (!d->lines)
		return RV_ENOMEM;
	const char *p = text, *end = text + len;
	while (p < end && d->n < MAX_LINES) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (n > MAX_LINE_BYTES) /* at a character, or the line reads as junk */
			n = rv_utf8_prefix(p, n, MAX_LINE_BYTES);
		char *s = rv_strndup(p, n);
		if (!s)
			return RV_ENOMEM;
		/* Bullets of lists and comment threads carry no text. */
		rv_str_squeeze(s);
		const char *b = s;
		while (rv_str_starts_with(b, "\xE2\x80\xA2") || rv_str_starts_with(b, "* ") ||
		       rv_str_starts_with(b, "- ") || rv_str_starts_with(b, "\xC2\xB7"))
			b = rv_str_ltrim(b + (b[0] == '*' || b[0] == '-' ? 1
			                      : b[0] == '\xC2'           ? 2
			                                                 : 3));
		if (b != s)
			memmove(s, b, strlen(b) + 1);
		p = nl ? nl + 1 : end;
		if (!*s) {
			free(s);
			continue;
		}
		if (d->n == cap) {
			cap *= 2;
			struct line *nl2 = realloc(d->lines, cap * sizeof *nl2);
			if (!nl2) {
				free(s);
				return RV_ENOMEM;
			}
			d->lines = nl2;
		}
		memset(&d->lines[d->n], 0, sizeof *d->lines);
		d->lines[d->n].s = s;
		d->lines[d->n].hash = XXH3_64bits(s, strlen(s));
		classify(&d->lines[d->n]);
		d->n++;
	}
	return RV_OK;
}

static size_t line_count(const struct dump *d, const struct line *l)
{
	size_t c = 0;
	for (size_t i = 0; i < d->n; i++)
		if (d->lines[i].hash == l->hash && !strcmp(d->lines[i].s, l->s))
			c++;
	return c;
}

/* ---------------------------------------------------------------- body */

static bool title_shaped(const struct line *l)
{
	if (!l->s)
		return false;
	size_t len = strlen(l->s);
	if (l->kind != K_TEXT || l->truncated || len < 15 || len > 300)
		return false;
	if (l->words < 4 || l->words > 40)
		return false;
	struct rv__td_letters c = rv__td_count_letters(l->s, len);
	return c.letters * 2 > rv_utf8_length(l->s) && !rv_cp_is_lower(rv__td_first_cp(l->s));
}

/* A marker inside the story: a "Related" box or a "Read more" button
 * between two parts of the article, a comment count under the headline.
 * The story goes on past marker i when the lines up to the next marker
 * hold at least two paragraphs and a third as much prose as the body so
 * far, and no comment header (a thread is never the story). */
static bool more_story_after(const struct dump *d, size_t i, size_t body_bytes)
{
	size_t bytes = 0, paras = 0;
	for (size_t j = i + 1; j < d->n; j++) {
		const struct line *l = &d->lines[j];
		if (l->kind == K_COMMENT)
			return false;
		if (l->kind == K_STOP || l->kind == K_COMMENTS)
			break;
		if (l->prose && l->kind == K_TEXT) {
			bytes += strlen(l->s);
			paras++;
		}
	}
	return paras >= 2 && bytes * 3 >= body_bytes;
}

static void find_title_and_body(struct dump *d)
{
	d->title_line = d->n;
	d->body_start = d->n;
	d->body_end = d->n;
	size_t first_prose = d->n;
	for (size_t i = 0; i < d->n; i++)
		if (d->lines[i].prose && d->lines[i].kind == K_TEXT) {
			first_prose = i;
			break;
		}
	/* The title is a heading-shaped line above the body; a line the page
	 * repeats (title + og:title, breadcrumb tail) is the stronger one. */
	size_t best = d->n;
	int best_score = -1;
	/* Titles are near the top: look at a bounded number of lines. */
	size_t head_end = first_prose < TITLE_WINDOW ? first_prose : TITLE_WINDOW;
	for (size_t i = 0; i < head_end && i < d->n; i++) {
		struct line *l = &d->lines[i];
		if (!title_shaped(l))
			continue;
		int score = 1;
		size_t rep = line_count(d, l);
		if (rep > 1)
			score += 2;
		for (size_t j = 0; j < head_end; j++)
			if (d->lines[j].kind == K_BREADCRUMB &&
			    !strcmp(crumb_tail(d->lines[j].s), l->s))
				score += 2;
		if (rv__td_ends_sentence(l->s))
			score -= 1;
		if (score > best_score) {
			best_score = score;
			best = i;
		}
	}
	/* No heading above the prose: a heading-shaped first line still is one
	 * (some dumps start with the title and the lead on one screen). */
	d->title_line = best;
	if (best == d->n && first_prose < d->n && title_shaped(&d->lines[first_prose]) &&
	    !rv__td_ends_sentence(d->lines[first_prose].s))
		d->title_line = first_prose;
	/* Still none: a short headline ("Port strike ends", "Grève au port")
	 * opening the dump above the prose is the title. */
	for (size_t i = 0; d->title_line == d->n && i < first_prose && i < d->n; i++) {
		const struct line *l = &d->lines[i];
		if (l->kind == K_JUNK || l->kind == K_IMAGE)
			continue;
		if (l->kind == K_TEXT && !l->truncated && l->words >= 2 && strlen(l->s) >= 8 &&
		    !rv__td_ends_sentence(l->s) && !rv_cp_is_lower(rv__td_first_cp(l->s)))
			d->title_line = i;
		break;
	}

	for (size_t i = 0; i < d->n; i++) {
		struct line *l = &d->lines[i];
		if (i == d->title_line || !l->prose || l->kind != K_TEXT)
			continue;
		if (d->title_line < d->n && !strcmp(l->s, d->lines[d->title_line].s))
			continue;
		d->body_start = i;
		break;
	}
	if (d->body_start == d->n) {
		/* No paragraph-sized line: a brief. Take the sentences there are,
		 * up to the first marker. */
		for (size_t i = 0; i < d->n; i++) {
			struct line *l = &d->lines[i];
			enum kind k = l->kind;
			if (k == K_STOP || k == K_COMMENTS ||
			    (k == K_COMMENT && d->body_start < d->n))
				break;
			if (k != K_TEXT || i == d->title_line || l->truncated || l->words < 6 ||
			    !rv__td_ends_sentence(l->s))
				continue;
			if (d->body_start == d->n)
				d->body_start = i;
			d->body_end = i + 1;
		}
		return;
	}
	/* The body runs to the last prose line before the first marker that
	 * opens comments or other articles. */
	size_t last = d->body_start, body_bytes = 0;
	for (size_t i = d->body_start; i < d->n; i++) {
		enum kind k = d->lines[i].kind;
		if (k == K_COMMENT)
			break;
		if (k == K_STOP || k == K_COMMENTS) {
			if (!more_story_after(d, i, body_bytes))
				break;
			continue;
		}
		if (d->lines[i].prose && k == K_TEXT) {
			last = i;
			body_bytes += strlen(d->lines[i].s);
		}
	}
	/* Short closing sentences right after the last long one still belong
	 * to the article ("The minister meets them on Friday."). */
	for (size_t i = last + 1; i < d->n; i++) {
		struct line *l = &d->lines[i];
		if (l->kind == K_JUNK)
			continue;
		if (l->kind != K_TEXT || l->truncated || l->words < 6 ||
		    !rv__td_ends_sentence(l->s))
			break;
		last = i;
	}
	d->body_end = last + 1;
}

/* ---------------------------------------------------------------- metadata */

static void keep_date(rv_date *slot, bool *have, const rv_date *d)
{
	if (!*have) {
		*slot = *d;
		*have = true;
	}
}

static bool after_crawl(const struct dump *d, const rv_date *x)
{
	return d->has_fetched && rv_date_days(x) > rv_date_days(&d->fetched);
}

/* Dates in the URL path: /2022/01/24/, /20220124/, /2022-01-24/. */
bool rv__textdump_url_date(const char *url, rv_date *out)
{
	const char *p = strstr(url, "://");
	p = p ? strchr(p + 3, '/') : NULL;
	if (!p)
		return false;
	for (; *p; p++) {
		if (*p != '/' && *p != '-' && *p != '_')
			continue;
		const char *s = p + 1;
		int y = 0, m = 0, dd = 0;
		int k = 0;
		while (k < 4 && isdigit((unsigned char)s[k]))
			y = y * 10 + (s[k++] - '0');
		if (k != 4)
			continue;
		s += 4;
		char sep = *s;
		if (sep == '/' || sep == '-' || sep == '_')
			s++;
		else
			sep = 0;
		if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
			continue;
		m = (s[0] - '0') * 10 + (s[1] - '0');
		s += 2;
		if (sep && *s == sep)
			s++;
		else if (sep)
			continue;
		if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
			continue;
		dd = (s[0] - '0') * 10 + (s[1] - '0');
		s += 2;
		if (isdigit((unsigned char)*s))
			continue; /* 8 digits inside a longer id */
		rv_date d = {.year = y, .month = m, .day = dd};
		if (rv_date_check(&d)) {
			*out = d;
			return true;
		}
	}
	return false;
}

/* A clean outlet name from a host: "fr.sputniknews.com" -> "sputniknews.com". */
char *rv__textdump_host_name(const char *url)
{
	const char *p = strstr(url, "://");
	p = p ? p + 3 : url;
	size_t n = strcspn(p, "/:?#");
	char *host = rv_strndup(p, n);
	if (!host)
		return NULL;
	for (char *c = host; *c; c++)
		*c = (char)tolower((unsigned char)*c);
	char *h = host;
	/* Drop leading labels that name a device or a language edition, while
	 * two labels remain. */
	for (;;) {
		char *dot = strchr(h, '.');
		if (!dot || !strchr(dot + 1, '.'))
			break;
		size_t k = (size_t)(dot - h);
		bool lang = k == 2 || (k == 5 && h[2] == '-');
		if (lang || (k == 3 && !strncmp(h, "www", 3)) || (k == 1 && h[0] == 'm') ||
		    (k == 3 && !strncmp(h, "amp", 3)) || (k == 6 && !strncmp(h, "mobile", 6)))
			h = dot + 1;
		else
			break;
	}
	char *out = rv_strdup(h);
	free(host);
	return out;
}

/* Names after a byline word: "Par Jean Dupont et Marie Curie, à Paris",
 * read in s[0..len) (a date ends them). Appends the names to out
 * (unique); returns RV_OK or RV_ENOMEM. */
/* Cut s where a word opens a byline's date or time: "Published",
 * "Publié", "Mis (à jour)", "Updated", "Posted", "le", "on". */
static void cut_at_date_word(char *s)
{
	static const char *const words[] = { "published", "publie", "publiee", "updated", "update",
					     "mis", "modifie", "posted", "poste", "le", "on", "am",
					     "el", "il", "actualise", NULL };
	for (char *w = s; *w;) {
		while (*w == ' ')
			w++;
		size_t n = strcspn(w, " ");
		if (!n)
			break;
		char *word = rv_strndup(w, n);
		char *f = word ? rv__td_fold(word) : NULL;
		bool stop = false;
		for (size_t i = 0; f && words[i] && !stop; i++)
			stop = !strcmp(f, words[i]);
		free(word);
		free(f);
		if (stop && w > s) {
			w[-1] = '\0';
			return;
		}
		w += n;
	}
}

static int byline_names(const char *s, size_t len, rv_strlist *out)
{
	char *f = rv__td_fold(s);
	if (!f)
		return RV_ENOMEM;
	size_t marker_words = 0;
	for (size_t i = 0; byline_phrases[i]; i++)
		if (starts_phrase(f, byline_phrases[i])) {
			size_t k = rv__td_count_words(byline_phrases[i]);
			if (k > marker_words)
				marker_words = k;
		}
	free(f);
	if (!marker_words)
		return RV_OK;
	/* Folding may change byte lengths ("rédigé"): skip words, not bytes. */
	const char *p = s;
	for (size_t w = 0; w < marker_words; w++) {
		p = rv_str_ltrim(p);
		while (*p && *p != ' ')
			p++;
	}
	p = rv_str_ltrim(p);
	if (p >= s + len)
		return RV_OK;
	char *names = rv_strndup(p, len - (size_t)(p - s));
	if (!names)
		return RV_ENOMEM;
	/* Stop at what follows the names: a comma, a pipe, a dash, a digit,
	 * or the word that opens the date ("By Jane Roe Published 3 March"). */
	names[strcspn(names, ",|;(0123456789")] = '\0';
	cut_at_date_word(names);
	char *dash = strstr(names, " - ");
	if (dash)
		*dash = '\0';
	/* " et ", " and ", " und ", " y " separate several names. */
	for (char *c = names; *c; c++) {
		static const char *const seps[] = {" et ", " and ", " und ", " y ", " & ", NULL};
		for (size_t i = 0; seps[i]; i++) {
			size_t k = strlen(seps[i]);
			if (!strncmp(c, seps[i], k)) {
				*c = '\n';
				memset(c + 1, ' ', k - 1);
			}
		}
	}
	int rc = RV_OK;
	char *save = NULL;
	for (char *tok = strtok_r(names, "\n", &save); tok; tok = strtok_r(NULL, "\n", &save)) {
		rv_str_squeeze(tok);
		/* A name ends with a capitalised word: "Jean Dupont le" and
		 * "Jane Roe on" led to a date. */
		for (char *sp;
		     (sp = strrchr(tok, ' ')) && !rv_cp_is_upper(rv__td_first_cp(sp + 1));)
			*sp = '\0';
		/* "By Jane Roe. Published …": the sentence's stop, not the name's;
		 * an initial keeps its dot ("Jane R.") */
		size_t n = strlen(tok);
		const char *last = strrchr(tok, ' ');
		last = last ? last + 1 : tok;
		if (n > 1 && tok[n - 1] == '.' && (size_t)(tok + n - 1 - last) >= 2)
			tok[n - 1] = '\0';
		if (rv__textdump_is_name(tok) && (rc = rv_strlist_push_unique(out, tok, true)))
			break;
	}
	free(names);
	return rc;
}

static int add_byline(rv_article *a, const char *s)
{
	return byline_names(s, strlen(s), &a->authors);
}

static int add_tag(rv_article *a, const char *t, size_t n)
{
	char *tag = rv_strndup(t, n);
	if (!tag)
		return RV_ENOMEM;
	rv_str_squeeze(tag);
	size_t k = strlen(tag);
	while (k && (tag[k - 1] == ',' || tag[k - 1] == ';'))
		tag[--k] = '\0';
	int rc = *tag ? rv_strlist_push_unique(&a->tags, tag, true) : RV_OK;
	free(tag);
	return rc;
}

static int set_date(char **slot, const rv_date *d)
{
	char iso[RV_DATE_ISO_MAX];
	rv_date_format(d, iso);
	return rv_str_set(slot, iso);
}

/* Text before a date that ends a line ("... 24.01.2022, Sputnik France"):
 * the lead; the words after the date name the outlet. */
static int read_lead(struct dump *d, const struct line *l)
{
	rv_article *a = d->a;
	const char *after = after_date(l);
	if (*after && rv__td_count_words(after) <= 4 && rv_cp_is_upper(rv__td_first_cp(after)) &&
	    !d->source_text) {
		d->source_text = rv_strdup(after);
		if (!d->source_text)
			return RV_ENOMEM;
	}
	if (!a->description && l->date_at > 0) {
		char *desc = rv_strndup(l->s, l->date_at);
		if (!desc)
			return RV_ENOMEM;
		rv_str_squeeze(desc);
		size_t k = strlen(desc);
		while (k && (desc[k - 1] == ',' || desc[k - 1] == ' ' || desc[k - 1] == '-'))
			desc[--k] = '\0';
		if (rv__td_count_words(desc) >= 5)
			rv_str_take(&a->description, desc);
		else
			free(desc);
	}
	return RV_OK;
}

/* A dateline with its update after the publication ("Publié le … - Mis à
 * jour le …", "Published …, updated …"): true with the update's day in
 * *update (l->date is the publication's). */
static bool dated_with_update(const struct line *l, rv_date *update)
{
	return rv_date_after_update_words(l->s, l->date_at + 1, update);
}

static int read_metadata(struct dump *d)
{
	rv_article *a = d->a;
	rv_date meta[2], text_date, comment_min, mod_date, update_date;
	bool have_mod = false;
	size_t n_meta = 0;
	bool have_text = false, have_comment = false;
	int rc = RV_OK;
	enum { Z_PAGE, Z_COMMENTS, Z_RELATED } zone = Z_PAGE;
	size_t keyword_run = 0;

	for (size_t i = 0; i < d->n && !rc; i++) {
		struct line *l = &d->lines[i];
		bool head = i < d->body_start;
		if (i >= d->body_end || head) {
			if (l->kind == K_COMMENTS || (l->kind == K_COMMENT && !head))
				zone = Z_COMMENTS;
			else if (l->kind == K_STOP && !head)
				zone = Z_RELATED;
		}
		if (l->kind != K_KEYWORD)
			keyword_run = 0;
		switch (l->kind) {
		case K_URL:
			if (!a->url && zone == Z_PAGE) {
				FOR_TOKENS(l->s, t, n)
				{
					if (rv__td_is_url_token(t, n) && !a->url) {
						char *u = rv_strndup(t, n);
						if (!u)
							return RV_ENOMEM;
						if (!strncmp(u, "www.", 4)) {
							char *full = malloc(n + 9);
							if (!full) {
								free(u);
								return RV_ENOMEM;
							}
							snprintf(full, n + 9, "https://%s", u);
							free(u);
							u = full;
						}
						rv_str_take(&a->url, u);
					}
				}
			}
			break;
		case K_IMAGE: {
			/* "Name https://.../avatar.jpg": the author's picture. */
			const char *u = strstr(l->s, "http");
			if (!u)
				u = strstr(l->s, "www.");
			if (u && u > l->s) {
				char *name = rv_strndup(l->s, (size_t)(u - l->s));
				if (!name)
					return RV_ENOMEM;
				rv_str_squeeze(name);
				if (rv__textdump_is_name(name) && zone == Z_PAGE)
					rc = rv_strlist_push_unique(&a->authors, name, true);
				free(name);
			} else if (u && !a->image && zone == Z_PAGE) {
				size_t n = strcspn(u, " ");
				char *img = rv_strndup(u, n);
				if (!img)
					return RV_ENOMEM;
				rv_str_take(&a->image, img);
			}
			break;
		}
		case K_DATE:
			/* The first timestamp is the publication; the latest one
			 * after it, the last modification. */
			if (zone == Z_PAGE && !after_crawl(d, &l->date)) {
				if (n_meta == 0)
					meta[n_meta++] = l->date;
				else if (rv_date_cmp(&l->date, &meta[0]) > 0 &&
				         (n_meta == 1 || rv_date_cmp(&l->date, &meta[1]) > 0)) {
					meta[1] = l->date;
					n_meta = 2;
				}
			}
			break;
		case K_CONTACT:
			if (!d->source_text) {
				/* The words before the first address name the outlet. */
				size_t w = 0;
				const char *stop = NULL;
				FOR_TOKENS(l->s, t, n)
				{
					if (!stop &&
					    (is_email_token(t, n) || is_phone_token(t, n) ||
					     rv__td_is_url_token(t, n)))
						stop = t;
					if (!stop)
						w++;
				}
				if (stop && w >= 1 && w <= 4) {
					char *name = rv_strndup(l->s, (size_t)(stop - l->s));
					if (!name)
						return RV_ENOMEM;
					rv_str_squeeze(name);
					if (rv_cp_is_upper(rv__td_first_cp(name)) && !contact_prompt(name))
						d->source_text = name;
					else
						free(name);
				}
			}
			break;
		case K_BREADCRUMB:
			if (!d->crumb && head)
				d->crumb = crumb_outlet(l->s);
			break;
		case K_BOILER:
			if (!d->copyright) {
				char *f = rv__td_fold(l->s);
				if (copyright_notice(l->s, f))
					d->copyright = copyright_outlet(l->s);
				free(f);
			}
			break;
		case K_LOCALE:
			if (!a->lang) {
				char *lang = rv_strndup(l->s, 2);
				if (!lang)
					return RV_ENOMEM;
				rv_str_take(&a->lang, lang);
			}
			break;
		case K_KEYWORD:
			keyword_run++;
			/* A run of keyword lines is the tag list; a lone one repeats a tag. */
			if (zone == Z_PAGE && keyword_run == 2)
				rc = add_tag(a, d->lines[i - 1].s, strlen(d->lines[i - 1].s));
			if (!rc && zone == Z_PAGE && keyword_run >= 2)
				rc = add_tag(a, l->s, strlen(l->s));
			break;
		case K_TAGLINE:
			if (zone != Z_COMMENTS) {
				const char *p = l->s;
				while (*p && !rc) {
					size_t n = strcspn(p, ",");
					rc = add_tag(a, p, n);
					p += n;
					if (*p == ',')
						p++;
				}
			}
			break;
		case K_BYLINE:
			if (zone != Z_PAGE)
				break;
			rc = byline_names(l->s, l->has_date ? l->date_at : strlen(l->s),
			                  &a->authors);
			if (!rc && l->has_date && !after_crawl(d, &l->date)) {
				/* "Par X | Mis à jour le ...": the words before the
				 * date say which day it is. */
				size_t n;
				if (rv_date_update_words(l->s, l->date_at, &n) < l->date_at) {
					keep_date(&mod_date, &have_mod, &l->date);
				} else {
					keep_date(&text_date, &have_text, &l->date);
					/* "Par X | Publié le …, modifié le …": the
					 * second day is the update's */
					if (dated_with_update(l, &update_date) &&
					    !after_crawl(d, &update_date))
						keep_date(&mod_date, &have_mod, &update_date);
				}
			}
			break;
		case K_COMMENT:
			if (zone == Z_COMMENTS && l->has_date && !after_crawl(d, &l->date)) {
				if (!have_comment || rv_date_cmp(&l->date, &comment_min) < 0)
					comment_min = l->date;
				have_comment = true;
			} else if (head && l->has_date) {
				/* "Posted by X on <date>" above the article is its byline. */
				if (!after_crawl(d, &l->date))
					keep_date(&text_date, &have_text, &l->date);
				/* "Posted by Name on <date>": the names follow "by". */
				const char *b = strstr(l->s, " by ");
				if (!b)
					b = strstr(l->s, " par ");
				if (b && (size_t)(b - l->s) < l->date_at) {
					char *by =
					    rv_strndup(b + 1, l->date_at - (size_t)(b + 1 - l->s));
					if (!by)
						return RV_ENOMEM;
					rc = add_byline(a, by);
					free(by);
				}
			}
			break;
		case K_TEXT:
			if (head && l->has_date && l->words <= 24 && !after_crawl(d, &l->date) &&
			    dated_with_update(l, &update_date)) {
				/* "Publié le 14/03 à 10h05 - Mis à jour le 16/03 à 08h30",
				 * "Published March 14, 2026, updated March 16": both days */
				keep_date(&text_date, &have_text, &l->date);
				if (!after_crawl(d, &update_date))
					keep_date(&mod_date, &have_mod, &update_date);
			} else if (zone == Z_COMMENTS && l->has_date && l->words <= 25 &&
			    !after_crawl(d, &l->date)) {
				if (!have_comment || rv_date_cmp(&l->date, &comment_min) < 0)
					comment_min = l->date;
				have_comment = true;
			} else if (head && l->has_date && !after_crawl(d, &l->date) &&
			           (l->words <= 10 || rv__td_count_words(after_date(l)) <= 4)) {
				/* A dateline, or a lead that ends with its date. */
				size_t len = strlen(l->s), n;
				if (l->words <= 10 && rv_date_update_words(l->s, len, &n) < len)
					keep_date(&mod_date, &have_mod, &l->date);
				else
					keep_date(&text_date, &have_text, &l->date);
				rc = read_lead(d, l);
			} else if (!have_text && l->has_date && l->date_at <= 2 &&
			           zone != Z_COMMENTS && !after_crawl(d, &l->date)) {
				/* A dateline opening a paragraph ("Mar 24, 2026 19:30
				 * GMT The strike...") dates the story it starts. */
				keep_date(&text_date, &have_text, &l->date);
			}
			break;
		default: break;
		}
	}
	if (rc)
		return rc;

	if (n_meta) {
		rc = set_date(&a->published, &meta[0]);
		if (!rc)
			rc = rv_str_set(&a->published_source, "meta");
		if (!rc && n_meta > 1)
			rc = set_date(&a->modified, &meta[1]);
	} else if (have_text) {
		rc = set_date(&a->published, &text_date);
		if (!rc)
			rc = rv_str_set(&a->published_source, "text");
	} else {
		rv_date ud;
		const char *url = a->url ? a->url : d->rec->url;
		if (url && rv__textdump_url_date(url, &ud) && !after_crawl(d, &ud) &&
		    !(have_comment && rv_date_days(&ud) > rv_date_days(&comment_min))) {
			rc = set_date(&a->published, &ud);
			if (!rc)
				rc = rv_str_set(&a->published_source, "url");
		} else if (have_comment) {
			/* A comment is written after the article: its day is an
			 * upper bound, and the best guess we have. */
			rv_date day = {.year = comment_min.year,
			               .month = comment_min.month,
			               .day = comment_min.day};
			rc = set_date(&a->published, &day);
			if (!rc)
				rc = rv_str_set(&a->published_source, "comments");
			a->published_inferred = true;
		}
	}
	if (!rc && have_mod && !a->modified && (!n_meta || rv_date_cmp(&mod_date, &meta[0]) > 0) &&
	    (!have_text || rv_date_cmp(&mod_date, &text_date) >= 0))
		rc = set_date(&a->modified, &mod_date);
	if (rc)
		return rc;

	/* The outlet, strongest evidence first: a contact or lead line, the
	 * copyright notice, the first crumb (when it is the host's name or
	 * there is no host), the host. */
	const char *url = a->url ? a->url : d->rec->url;
	char *host = url ? rv__textdump_host_name(url) : NULL;
	if (url && !host)
		return RV_ENOMEM;
	bool crumb_fits = d->crumb && (!host || !*host || names_host(d->crumb, host));
	char **pick = &host;
	if (d->source_text)
		pick = &d->source_text;
	else if (d->copyright)
		pick = &d->copyright;
	else if (crumb_fits)
		pick = &d->crumb;
	else if (host && !*host)
		pick = NULL;
	if (pick && *pick) {
		rv_str_take(&a->source, *pick);
		*pick = NULL;
	}
	free(host);
	/* An outlet is not an author. */
	if (a->source) {
		for (size_t i = 0; i < a->authors.len; i++) {
			if (!strcasecmp(a->authors.items[i], a->source)) {
				free(a->authors.items[i]);
				memmove(&a->authors.items[i], &a->authors.items[i + 1],
				        (a->authors.len - i - 1) * sizeof *a->authors.items);
				a->authors.len--;
				i--;
			}
		}
	}
	return RV_OK;
}

/* ---------------------------------------------------------------- paragraphs */

/* Hashes of the paragraphs kept, to drop repeats in linear time. */
struct seen {
	uint64_t *slots; /* 0 = empty */
	size_t cap, len;
};

static int seen_add(struct seen *set, uint64_t h, bool *fresh)
{
	h |= 1; /* never 0 */
	if ((set->len + 1) * 2 > set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 64;
		uint64_t *slots = calloc(cap, sizeof *slots);
		if (!slots)
			return RV_ENOMEM;
		for (size_t i = 0; i < set->cap; i++) {
			uint64_t v = set->slots[i];
			if (!v)
				continue;
			size_t j = (size_t)(v % cap);
			while (slots[j])
				j = (j + 1) % cap;
			slots[j] = v;
		}
		free(set->slots);
		set->slots = slots;
		set->cap = cap;
	}
	size_t j = (size_t)(h % set->cap);
	while (set->slots[j]) {
		if (set->slots[j] == h) {
			*fresh = false;
			return RV_OK;
		}
		j = (j + 1) % set->cap;
	}
	set->slots[j] = h;
	set->len++;
	*fresh = true;
	return RV_OK;
}

static int push_paragraph(rv_article *a, struct seen *seen, const char *s, size_t n)
{
	char *p = rv_strndup(s, n);
	if (!p)
		return RV_ENOMEM;
	rv_str_squeeze(p);
	size_t len = strlen(p);
	struct rv__td_letters c = rv__td_count_letters(p, len);
	bool fresh = false;
	int rc = c.letters < 2 ? RV_OK : seen_add(seen, XXH3_64bits(p, len), &fresh);
	if (rc || !fresh) {
		free(p);
		return rc;
	}
	return rv_strlist_push_take(&a->paragraphs, p);
}

/* A short line is a heading when a paragraph follows it (a caption or a
 * credit is followed by more furniture). */
static bool heads_prose(const struct dump *d, size_t i)
{
	for (size_t j = i + 1; j < d->body_end; j++) {
		const struct line *l = &d->lines[j];
		if (l->kind == K_JUNK || l->kind == K_IMAGE)
			continue;
		return l->kind == K_TEXT && l->prose;
	}
	return false;
}

/* A marker line the story went on past, with words of its own after the
 * marker phrase ("Réactions des élus", not "Comments (12)"): a heading. */
static bool marker_heading(const struct line *l)
{
	if ((l->kind != K_COMMENTS && l->kind != K_STOP) || l->words < 3)
		return false;
	char *f = rv__td_fold(l->s);
	if (!f)
		return false;
	bool heading = !whole_phrase(f, l->kind == K_STOP ? stop_phrases : comment_phrases);
	free(f);
	return heading;
}

/* Line i comes right after a "Lire aussi" / "Related" marker (furniture
 * between them aside) that is not a heading of the story. */
static bool after_marker(const struct dump *d, size_t i)
{
	while (i-- > d->body_start) {
		const struct line *l = &d->lines[i];
		if (l->kind == K_JUNK || l->kind == K_IMAGE)
			continue;
		return l->kind == K_STOP && !marker_heading(l);
	}
	return false;
}

/* "Aug 31, 2026 22:05 GMT Rotherwood United sold …": a dateline glued
 * before the story's first words is the date (read elsewhere), not text. */
static void cut_dateline(char *p)
{
	rv_date dt;
	size_t at = 0, n = 0;
	if (!rv_date_find(p, &dt, &at, &n) || at != 0 || !n)
		return;
	const char *r = p + n;
	static const char *const zones[] = { " GMT", " UTC", " CET", " CEST", " BST", " EST", " EDT",
					     " PST", " PDT", NULL };
	for (const char *const *z = zones; *z; z++)
		if (rv_str_starts_with(r, *z) && (r[strlen(*z)] == ' ' || !r[strlen(*z)])) {
			r += strlen(*z);
			break;
		}
	while (*r == ' ' || *r == ',' || *r == ':' || *r == '-' || *r == '|')
		r++;
	if (rv_str_starts_with(r, "\xE2\x80\x93 ") || rv_str_starts_with(r, "\xE2\x80\x94 "))
		r += 4;
	/* only before a sentence: "12 mars 2026" alone may be a heading */
	if (rv__td_count_words(r) < 5 || !rv_cp_is_upper(rv__td_first_cp(r)))
		return;
	memmove(p, r, strlen(r) + 1);
}

static int build_body(struct dump *d)
{
	rv_article *a = d->a;
	const char *title = d->title_line < d->n ? d->lines[d->title_line].s : NULL;
	struct seen seen = {0};
	int rc = RV_OK;
	for (size_t i = d->body_start; i < d->body_end && !rc; i++) {
		struct line *l = &d->lines[i];
		if (title && !strcmp(l->s, title))
			continue;
		if (l->kind != K_TEXT && !(marker_heading(l) && heads_prose(d, i)))
			continue;
		/* "Lire aussi" then a short line: that line is the other
		 * article's title, not a heading of this one. */
		if (!l->prose && after_marker(d, i))
			continue;
		/* Short lines between paragraphs are headings when they read
		 * like words; a teaser ending in "..." is not the article's. */
		if (!l->prose && (l->truncated || l->words < 3))
			continue;
		if (!l->prose && !(l->words >= 6 && rv__td_ends_sentence(l->s)) &&
		    !heads_prose(d, i))
			continue;
		rv_strlist parts;
		rv_strlist_init(&parts);
		rc = rv__textdump_split_glued(l->s, &parts);
		for (size_t j = 0; j < parts.len && !rc; j++) {
			rv__textdump_strip_credits(parts.items[j]);
			rv__textdump_tidy(parts.items[j]);
			if (!a->paragraphs.len)
				cut_dateline(parts.items[j]);
			rc = push_paragraph(a, &seen, parts.items[j], strlen(parts.items[j]));
		}
		rv_strlist_release(&parts);
	}
	free(seen.slots);
	if (!rc && a->paragraphs.len) {
		char **last = &a->paragraphs.items[a->paragraphs.len - 1];
		rc = rv__textdump_cut_pitch(last);
		if (!rc && !**last) {
			/* The pitch was a paragraph of its own: its lead-in ("quality
			 * journalism matters more than ever") may end the one before. */
			free(*last);
			a->paragraphs.len--;
			if (a->paragraphs.len)
				rc = rv__textdump_cut_pitch_lead(
				    &a->paragraphs.items[a->paragraphs.len - 1]);
			if (!rc && a->paragraphs.len &&
			    !a->paragraphs.items[a->paragraphs.len - 1][0]) {
				free(a->paragraphs.items[a->paragraphs.len - 1]);
				a->paragraphs.len--;
			}
		}
	}
	return rc;
}

static int set_title(struct dump *d)
{
	rv_article *a = d->a;
	if (d->title_line >= d->n)
		return RV_OK;
	char *t = rv_strdup(d->lines[d->title_line].s);
	if (!t)
		return RV_ENOMEM;
	/* "Title - Outlet", "Title | Outlet" */
	if (a->source) {
		static const char *const seps[] = {" - ", " | ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
		                                   NULL};
		for (size_t i = 0; seps[i]; i++) {
			size_t tl = strlen(t), sl = strlen(seps[i]), ol = strlen(a->source);
			if (tl > sl + ol && !strcasecmp(t + tl - ol, a->source) &&
			    !strncmp(t + tl - ol - sl, seps[i], sl))
				t[tl - ol - sl] = '\0';
		}
	}
	rv_str_take(&a->title, t);
	return RV_OK;
}

int rv_extract_textdump(const char *text, size_t len, const rv_record *rec, rv_article *out,
                        rv_error *err)
{
	struct dump d = {0};
	d.rec = rec;
	d.a = out;
	if (rec->fetched_at && rv_date_parse(rec->fetched_at, &d.fetched))
		d.has_fetched = true;
	int rc = split_lines(&d, text, len);
	if (!rc) {
		find_title_and_body(&d);
		rc = read_metadata(&d);
	}
	if (!rc)
		rc = set_title(&d);
	if (!rc)
		rc = build_body(&d);
	if (!rc && !out->description && out->paragraphs.len &&
	    strlen(out->paragraphs.items[0]) <= 400)
		rc = rv_str_set(&out->description, out->paragraphs.items[0]);
	dump_release(&d);
	if (rc)
		return rv_fail(err, rc, "out of memory");
	return RV_OK;
}
