/* quotes.c - who said what: direct quotes and reported speech.
 *
 * Direct quotes are the spans between quotation marks (« », “ ”, „ “, ‹ ›,
 * " "); a quote is kept when a reporting verb next to it names a speaker
 * ("…», a déclaré John Kirby", "He added, “…”") or when it is long enough to
 * be speech rather than a scare-quoted word. Two quotes around one
 * attribution ("«…», a-t-il déclaré, «…»") are one quotation. Reported
 * speech is a sentence built on a reporting verb: "X said (that) …",
 * "…, X said.", "according to X, …", "selon X, …". Speakers are names
 * expanded to the article's entity ("Kirby" -> "John Kirby"); pronouns and
 * "le responsable" go to the last speaker named before.
 */
#include "analyze/analyze.h"
#include "analyze/ner_names.h"

#include "core/buf.h"
#include "core/date.h"
#include "core/utf8.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_QUOTES 2000
#define NAME_MAX_BYTES 120

typedef struct span {
	size_t s, e;
} span;

/* ---- small text helpers ---- */

static bool is_word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '\'';
}

static int32_t cp_at(const char *t, size_t i, size_t len)
{
	const char *p = t + i;
	return rv_utf8_next(&p, t + len);
}

static bool upper_at(const char *t, size_t i, size_t len)
{
	return rv_cp_is_upper(cp_at(t, i, len));
}

/* ASCII-case-insensitive word match at t[i] with a word boundary after. */
static bool word_at(const char *t, size_t i, size_t end, const char *w)
{
	size_t n = strlen(w);
	if (i + n > end || strncasecmp(t + i, w, n))
		return false;
	if (i + n < end && is_word_byte((unsigned char)t[i + n]) && w[n - 1] != '\'')
		return false;
	if (i > 0 && is_word_byte((unsigned char)t[i - 1]))
		return false;
	return true;
}

/* Where the first word of list starts in t[s..e), or (size_t)-1. */
static size_t word_in(const char *t, size_t s, size_t e, const char *const *list)
{
	for (size_t i = s; i < e; i++)
		for (const char *const *w = list; *w; w++)
			if (word_at(t, i, e, *w))
				return i;
	return (size_t)-1;
}

/* t[s..e) is one of the words of list (ASCII case aside). */
static bool in_words(const char *t, size_t s, size_t e, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == e - s && !strncasecmp(t + s, *list, e - s))
			return true;
	return false;
}

static size_t skip_space(const char *t, size_t i, size_t end)
{
	while (i < end) {
		unsigned char c = (unsigned char)t[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r')
			i++;
		else if (c == 0xC2 && i + 1 < end && (unsigned char)t[i + 1] == 0xA0)
			i += 2;
		else if (c == 0xE2 && i + 2 < end && (unsigned char)t[i + 1] == 0x80 &&
			 ((unsigned char)t[i + 2] == 0xAF || (unsigned char)t[i + 2] == 0x89))
			i += 3;
		else
			break;
	}
	return i;
}

/* A comma at t[i] that separates clauses: not the decimal comma of "1,2 million"
 * or the thousands comma of "3,000". */
static bool clause_comma(const char *t, size_t lo, size_t hi, size_t i)
{
	if (t[i] != ',')
		return false;
	return !(i > lo && i + 1 < hi && t[i - 1] >= '0' && t[i - 1] <= '9' && t[i + 1] >= '0' &&
		 t[i + 1] <= '9');
}

static size_t count_words(const char *t, size_t s, size_t e)
{
	size_t n = 0;
	bool in = false;
	for (size_t i = s; i < e; i++) {
		bool w = is_word_byte((unsigned char)t[i]) && t[i] != '-' && t[i] != '\'';
		if (w && !in)
			n++;
		in = w;
	}
	return n;
}

/* ---- quotation marks ---- */

/* The closing mark for an opening one at t[i] (its length in *olen), or 0. */
static int32_t closer_for(const char *t, size_t i, size_t len, size_t *olen)
{
	const char *p = t + i;
	int32_t cp = rv_utf8_next(&p, t + len);
	*olen = (size_t)(p - (t + i));
	switch (cp) {
	case 0xAB: return 0xBB;      /* « » */
	case 0x201C: return 0x201D;  /* “ ” */
	case 0x201E: return 0x201C;  /* „ “ */
	case 0x2039: return 0x203A;  /* ‹ › */
	case '"': return '"';
	default: return 0;
	}
}

/* ---- reporting verbs ---- */

static const char *const verbs_en[] = {
	"said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "stated",
	"states", "explained", "explains", "argued", "argues", "claimed", "claims", "insisted",
	"insists", "warned", "warns", "announced", "announces", "declared", "wrote", "writes",
	"asked", "asks", "replied", "responded", "continued", "concluded", "acknowledged",
	"admitted", "suggested", "suggests", "maintained", "contended", "observed", "remarked",
	"testified", "tweeted", "reported", "reports", "recalled", "stressed", "emphasized",
	"confirmed", "denied", "predicted", "promised", "urged", "echoed", "believes", "thinks",
	"believe", "think", "saying", "adding", "telling", "agreed", "reiterated", "countered",
	"conceded", "estimated", "revealed", "shows", "showed", "found", "pointed", "exclaimed",
	"confessed", "quipped", "joked", "shouted", "demanded", "complained", "cautioned",
	"recounted", "mused", "wondered", "answered", "emailed", "posted", "vowed", "pledged",
	"boasted", "charged", "agrees", "tweets", "responds", "replies", "concludes",
	"acknowledges", "admits", "recalls", "continues", "called", "calling", "described", "describing", "urged", "labeled",
	"dubbed", "termed", "branded", "praised", "criticized", "accused", "qualifié", "qualifie",
	"décrit", "dénoncé", "appelé", "noting", "arguing", "insisting", "warning", "explaining",
	"ajoutant", "soulignant", "précisant", "estimant", "affirmant", "déclarant", "expliquant",
	"assurant", "indiquant", NULL,
};

static const char *const verbs_fr[] = {
	"déclaré", "dit", "affirmé", "ajouté", "indiqué", "souligné", "expliqué", "estimé",
	"annoncé", "précisé", "assuré", "averti", "rappelé", "confié", "répondu", "martelé",
	"reconnu", "insisté", "lancé", "prévenu", "jugé", "noté", "observé", "commenté",
	"dénoncé", "écrit", "tweeté", "confirmé", "démenti", "promis", "regretté", "poursuivi",
	"déclare", "dit", "affirme", "ajoute", "indique", "souligne", "explique", "estime",
	"annonce", "précise", "assure", "avertit", "rappelle", "confie", "répond", "martèle",
	"reconnaît", "insiste", "lance", "prévient", "juge", "note", "observe", "commente",
	"dénonce", "écrit", "confirme", "dément", "promet", "regrette", "poursuit", "déclarait",
	"affirmait", "expliquait", "estimait", "soulignait", "indiquait", "ajoutait", "disait",
	"rapporte", "rapporté", "selon", "d'après", "relevé", "relève", NULL,
};

/* Looked up for every word of every sentence without quotes: the two lists
 * in one array under the project's string index (ner_names.h). */
static const char **verb_index;
static rv__strindex verb_ix;
/* verb_shapes[n] has bit (b % 64) set when a verb of n bytes starts with byte b: most
 * words are ruled out by it without a lookup */
static uint64_t verb_shapes[32];
static pthread_once_t verb_once = PTHREAD_ONCE_INIT;

static uint64_t verb_shape_bit(unsigned char first)
{
	return (uint64_t)1 << (first % 64);
}

/* French verbs as they are typed without accents ("a declare", "a precise"):
 * each accented verb once more, folded. They live as long as the index. */
static char *verb_folded_arena;

static bool has_non_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return true;
	return false;
}

/* The word t[0..n), accents and case dropped ("Déclaré", "declare"), is one of
 * the words of folded (written without accents, in lower case). */
static bool folded_word_in(const char *t, size_t n, const char *const *folded)
{
	char f[64]; /* on the stack: this runs at every verb met */
	if (!rv__ner_fold(t, n, f, sizeof f))
		return false;
	for (; *folded; folded++)
		if (!strcmp(f, *folded))
			return true;
	return false;
}

/* An accentless spelling that is an English word is left out: "precise". */
static bool folded_verb_kept(const char *f)
{
	return strcmp(f, "precise") != 0;
}

static void verb_build(void)
{
	size_t n = 0, folded_bytes = 0;
	for (int l = 0; l < 2; l++)
		for (const char *const *v = l ? verbs_fr : verbs_en; *v; v++) {
			n++;
			if (has_non_ascii(*v)) {
				n++;
				folded_bytes += strlen(*v) + 1;
			}
		}
	verb_index = malloc(n * sizeof *verb_index);
	verb_folded_arena = malloc(folded_bytes ? folded_bytes : 1);
	if (!verb_index || !verb_folded_arena) {
		free(verb_index);
		verb_index = NULL;
		return; /* verb_at then finds none */
	}
	n = 0;
	char *arena = verb_folded_arena;
	for (int l = 0; l < 2; l++)
		for (const char *const *v = l ? verbs_fr : verbs_en; *v; v++) {
			const char *forms[2] = { *v, NULL };
			char *f = has_non_ascii(*v) ? rv_utf8_fold(*v) : NULL;
			if (f && strlen(f) < strlen(*v) && folded_verb_kept(f)) {
				memcpy(arena, f, strlen(f) + 1);
				forms[1] = arena;
				arena += strlen(f) + 1;
			}
			free(f);
			for (int k = 0; k < 2 && forms[k]; k++) {
				verb_index[n++] = forms[k];
				if (strlen(forms[k]) < sizeof verb_shapes / sizeof *verb_shapes)
					verb_shapes[strlen(forms[k])] |= verb_shape_bit((unsigned char)*forms[k]);
			}
		}
	rv__strindex_build(&verb_ix, verb_index, n, sizeof *verb_index);
}

/* w: a lower-case word of n bytes */
static bool is_verb(const char *w, size_t n)
{
	pthread_once(&verb_once, verb_build);
	if (n >= sizeof verb_shapes / sizeof *verb_shapes ||
	    !(verb_shapes[n] & verb_shape_bit((unsigned char)w[0])))
		return false;
	return rv__strindex_find(&verb_ix, w) >= 0;
}

/* "Residents have been told to stay indoors", "Parents were warned": the
 * subject of a passive is who was spoken to, not who spoke. */
static bool passive_at(const char *t, size_t i, const char *w)
{
	static const char *const passive_verbs[] = { "told", "asked", "warned", "urged", "advised",
						     "informed", "reminded", NULL };
	bool listed = false;
	for (const char *const *v = passive_verbs; *v && !listed; v++)
		listed = !strcmp(w, *v);
	if (!listed)
		return false;
	size_t e = i;
	while (e > 0 && t[e - 1] == ' ')
		e--;
	size_t s = e;
	while (s > 0 && is_word_byte((unsigned char)t[s - 1]))
		s--;
	return in_words(t, s, e, (const char *const[]){ "been", "were", "was", "being", "be", "are",
							"is", "get", "got", NULL });
}

/* A reporting verb starting at t[i]: its byte length, or 0. */
static size_t verb_at(const char *t, size_t i, size_t end)
{
	char w[32];
	size_t n = 0;
	while (i + n < end && is_word_byte((unsigned char)t[i + n]) && t[i + n] != '-') {
		if (n + 1 >= sizeof w)
			return 0;
		char ch = t[i + n];
		w[n++] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
	}
	if (n < 2)
		return 0;
	w[n] = '\0';
	if (is_verb(w, n) && !passive_at(t, i, w))
		return n;
	if (n == 9 && !strcmp(w, "according") && word_at(t, i, end, "according to"))
		return 12;
	return 0;
}

/* Verbs that introduce speech without "that": "said the talks would go on". */
static bool core_verb(const char *t, size_t v, size_t vlen)
{
	/* folded: "declare" stands for "déclaré" and "déclare" */
	static const char *const core[] = {
		"said", "says", "say", "told", "tells", "added", "adds", "stated", "declared", "wrote",
		"writes", "argued", "claimed", "insisted", "warned", "explained", "noted", "announced",
		"declare", "dit", "affirme", "ajoute", "indique", "souligne", "explique", "estime",
		"annonce", "precise", "assure", "averti", NULL,
	};
	return folded_word_in(t + v, vlen, core);
}

/* The verb at t[v] is reflexive: "un incendie s'est déclaré" (broke out), "il
 * s'est dit inquiet", "elle se dit prête", "ne s'est pas déclaré". Not a
 * verb of saying, or one without quoted words. */
static bool reflexive_before(const char *t, size_t lo, size_t v)
{
	static const char *const be[] = { "est", "était", "sont", "étaient", "serait", "seraient",
					  "sera", "soit", "fut", NULL };
	static const char *const adverbs[] = { "pas", "jamais", "plus", "déjà", "aussi",
					       "également", "alors", "même", "encore", "toujours",
					       NULL };
	size_t s = v;
	for (int words = 0; words < 4; words++) {
		while (s > lo && t[s - 1] == ' ')
			s--;
		size_t ws = s;
		while (ws > lo && is_word_byte((unsigned char)t[ws - 1]))
			ws--;
		if (ws == s)
			return false;
		/* "s'est", "s’était", "s'y", "se" */
		if (in_words(t, ws, s, (const char *const[]){ "se", "s'", NULL }) ||
		    (s - ws > 2 && (t[ws] == 's' || t[ws] == 'S') &&
		     (t[ws + 1] == '\'' || (s - ws > 4 && !memcmp(t + ws + 1, "\xe2\x80\x99", 3)))))
			return true;
		if (!in_words(t, ws, s, be) && !in_words(t, ws, s, adverbs))
			return false;
		s = ws;
	}
	return false;
}

/* The first reporting verb in t[s..e): its offset, or (size_t)-1. */
static size_t find_verb(const char *t, size_t s, size_t e, size_t *vlen)
{
	/* each run of word bytes is tried once, at its start */
	for (size_t i = s; i < e;) {
		if (!is_word_byte((unsigned char)t[i])) {
			i++;
			continue;
		}
		size_t n = verb_at(t, i, e);
		if (n && !reflexive_before(t, s, i)) {
			*vlen = n;
			return i;
		}
		while (i < e && is_word_byte((unsigned char)t[i]))
			i++;
	}
	return (size_t)-1;
}

static const char *const pronouns[] = {
	"he", "she", "they", "il", "elle", "ils", "elles", "lui", "him", "her", "we", "nous",
	"t-il", "t-elle", "t-ils", "-t-il", "-t-elle", NULL,
};

static const char *const backref_nouns[] = {
	"responsable", "porte-parole", "spokesman", "spokeswoman", "spokesperson", "official",
	"ministre", "minister", "président", "president", "secretary", "secrétaire", "diplomate",
	"diplomat", "chef", "chief", "ambassadeur", "ambassador", "conseiller", "adviser",
	"advisor", "dirigeant", "leader", "officer", "général", "general", NULL,
};

static const char *const function_caps[] = {
	"The", "A", "An", "He", "She", "They", "It", "We", "I", "In", "On", "At", "But", "And",
	"Le", "La", "Les", "L'", "Un", "Une", "Il", "Elle", "Ils", "Elles", "Selon", "Mais",
	"Et", "Pour", "Dans", "Ce", "Cette", "This", "That", "According", "D'après", "En",
	"Au", "Aux", "Des", "Du", "De", "His", "Her", "Their", "As", "If", "When", "While",
	"After", "Before", "Mr", "Mrs", "Ms", "Dr", "M", "Mme", "So", "Yet", "Also", "Then",
	"There", "Here", "What", "Why", "How", "Who", "Lors", "Alors", "Après", "Avant",
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
	"February", "March", "April", "May", "June", "July", "August", "September", "October",
	"November", "December", "Lundi", "Mardi", "Mercredi", "Jeudi", "Vendredi", "Samedi",
	"Dimanche", "Let", "Significantly", "However", "Still", "Now", "Today", "Yesterday",
	"Amid", "Among", "During", "Despite", "Since", "Until", "Although", "Though", "Because",
	"Without", "Within", "Through", "Throughout", "Under", "Over", "Between", "Following",
	"Including", "Like", "Unlike", "Even", "Yet", "Instead", "Meanwhile", "Earlier", "Later",
	"Last", "Next", "Both", "Each", "Every", "Some", "Many", "Most", "Other", "Such", "Only",
	"Just", "Once", "Malgré", "Depuis", "Pendant", "Avec", "Sans", "Sous", "Sur", "Parmi",
	"Outre", "Ainsi", "Pourtant", "Cependant", NULL,
};

/* Capitalised name runs in t[s..e); returns the run nearest to pos (before
 * it when before is true, else after it). */

/* The addressee found after one verb (addressee_end): the speaker's search and
 * the reported words' start both ask for it. */
typedef struct addressee {
	size_t verb, from, to; /* the question: verb at, complement from, sentence to */
	size_t end;            /* the answer */
} addressee;

typedef struct ctx {
	rv_article *a;
	const char *t;
	size_t len;
	char *last_speaker;   /* borrowed from a->quotes */
	addressee last_addressee;
} ctx;

static bool known_form(const rv_article *a, const char *s, size_t n)
{
	if (!a)
		return true;
	for (size_t k = 0; k < a->n_entities; k++) {
		const rv_entity *e = &a->entities[k];
		if (strlen(e->name) == n && !memcmp(e->name, s, n))
			return true;
		for (size_t x = 0; x < e->aliases.len; x++)
			if (strlen(e->aliases.items[x]) == n && !memcmp(e->aliases.items[x], s, n))
				return true;
	}
	return false;
}

static bool find_name(const ctx *c, size_t s, size_t e, size_t pos, bool before, span *out)
{
	const char *t = c->t;
	size_t len = c->len;
	bool found = false;
	size_t i = s;
	while (i < e) {
		if (!is_word_byte((unsigned char)t[i]) || (i > s && is_word_byte((unsigned char)t[i - 1]))) {
			i++;
			continue;
		}
		size_t we = i;
		while (we < e && is_word_byte((unsigned char)t[we]))
			we++;
		if (!upper_at(t, i, len) || in_words(t, i, we, function_caps)) {
			i = we;
			continue;
		}
		/* extend over capitalised words, "de", "van", "von", initials */
		size_t rs = i, re = we;
		size_t j = we;
		for (;;) {
			size_t k = j;
			if (k < e && t[k] == '.' && j >= 1 && j - 1 >= rs &&
			    (j - 1 == rs || t[j - 2] == ' ') && upper_at(t, j - 1, len))
				k++; /* "John F. Kennedy" */
			k = skip_space(t, k, e);
			if (k >= e || k == j)
				break;
			size_t ke = k;
			while (ke < e && is_word_byte((unsigned char)t[ke]))
				ke++;
			if (ke == k)
				break;
			if (upper_at(t, k, len)) {
				re = ke;
				j = ke;
				continue;
			}
			if (in_words(t, k, ke, (const char *const[]){"de", "van", "von", "der", "da", "di",
								      "del", "bin", "al", NULL})) {
				size_t k2 = skip_space(t, ke, e);
				if (k2 < e && upper_at(t, k2, len)) {
					j = ke;
					continue;
				}
			}
			break;
		}
		bool one_word = true;
		for (size_t x = rs; x < re; x++)
			if (t[x] == ' ')
				one_word = false;
		/* a lone capitalised word is a name only if the entity pass saw one */
		if (one_word && !known_form(c->a, t + rs, re - rs)) {
			i = re;
			continue;
		}
		if (re - rs <= NAME_MAX_BYTES) {
			if (before ? rs < pos : rs >= pos) {
				bool better = !found || (before ? rs > out->s : rs < out->s);
				if (better) {
					out->s = rs;
					out->e = re;
					found = true;
				}
			}
		}
		i = re;
	}
	return found;
}

/* ---- speakers ---- */

static bool person_form_end(const ctx *c, span nm)
{
	for (size_t k = 0; k < c->a->n_entities; k++) {
		const rv_entity *e = &c->a->entities[k];
		if (!e->type || strcmp(e->type, "person"))
			continue;
		for (size_t x = 0; x <= e->aliases.len; x++) {
			const char *f = x ? e->aliases.items[x - 1] : e->name;
			size_t fl = strlen(f);
			if (fl <= nm.e - nm.s && !memcmp(c->t + nm.e - fl, f, fl))
				return true;
		}
	}
	return false;
}

/* The first name run after pos, preferring one that is a person. */
static bool find_person_after(const ctx *c, size_t s, size_t e, span *out)
{
	span first, nm, complement;
	bool any = false, person_complement = false;
	size_t p = s;
	while (p < e && find_name(c, p, e, p, false, &nm)) {
		/* a name after "de", "of" completes a noun ("la secrétaire générale
		 * de SUD-Dockers, Mathilde Garnier"): a person named after it is
		 * the speaker, else the complement itself when it is a person */
		size_t pb = nm.s;
		while (pb > s && c->t[pb - 1] == ' ')
			pb--;
		size_t pws = pb;
		while (pws > s && is_word_byte((unsigned char)c->t[pws - 1]))
			pws--;
		if (pws < pb && in_words(c->t, pws, pb, (const char *const[]){"in", "to", "on", "of",
									       "at", "for", "with", "from",
									       "à", "de", "du", "dans", "sur",
									       "avec", "pour", NULL})) {
			if (!person_complement && person_form_end(c, nm)) {
				complement = nm;
				person_complement = true;
			}
			p = nm.e;
			continue;
		}
		if (!any) {
			first = nm;
			any = true;
		}
		if (person_form_end(c, nm)) {
			*out = nm;
			return true;
		}
		p = nm.e;
	}
	if (person_complement) {
		*out = complement;
		return true;
	}
	if (any)
		*out = first;
	return any;
}

/* The gender a subject pronoun in t[s..e) gives: 'f' for "she", "elle", 'm' for "he",
 * "il", 0 for the rest ("they", "le responsable"; "her", "lui" may be the one spoken to). */
static int pronoun_gender(const char *t, size_t s, size_t e)
{
	size_t f = word_in(t, s, e, (const char *const[]){"she", "elle", "t-elle", NULL});
	size_t m = word_in(t, s, e, (const char *const[]){"he", "il", "t-il", NULL});
	if (f == (size_t)-1 && m == (size_t)-1)
		return 0;
	return f < m ? 'f' : 'm';
}

static bool covered(const rv_article *a, size_t s, size_t e, size_t from);

/* The person named nearest before pos (within 1500 bytes): for "il", "she"; of
 * that gender ('f', 'm') when the person's given name tells it. */
static char *nearest_person(const ctx *c, size_t pos, int gender)
{
	size_t lo = pos > 1500 ? pos - 1500 : 0;
	const char *best = NULL;
	size_t best_at = 0;
	for (size_t k = 0; k < c->a->n_entities; k++) {
		const rv_entity *e = &c->a->entities[k];
		if (!e->type || strcmp(e->type, "person"))
			continue;
		/* "she" is not "Donald Trump", "il" not "Hillary Clinton" */
		int eg = gender ? rv__ner_name_gender(e->name) : 0;
		if (eg && eg != gender)
			continue;
		for (size_t x = 0; x <= e->aliases.len; x++) {
			const char *f = x ? e->aliases.items[x - 1] : e->name;
			size_t fl = strlen(f);
			const char *h = c->t + lo;
			while (fl && (h = memmem(h, (size_t)(c->t + pos - h), f, fl))) {
				size_t at = (size_t)(h - c->t);
				/* a name inside a quotation already found is what was
				 * said, not someone "il" or "elle" can stand for */
				if (at + fl <= pos && (!best || at > best_at) &&
				    !covered(c->a, at, at + fl, 0)) {
					best = e->name;
					best_at = at;
				}
				h += fl;
				if (h >= c->t + pos)
					break;
			}
		}
	}
	return best ? rv_strdup(best) : NULL;
}

/* The quotation found so far that ends nearest before pos, or NULL. */
static const rv_quote *quote_before(const rv_article *a, size_t pos)
{
	const rv_quote *best = NULL;
	for (size_t k = 0; k < a->n_quotes; k++)
		if (a->quotes[k].end <= pos && (!best || a->quotes[k].end > best->end))
			best = &a->quotes[k];
	return best;
}


/* "Kirby" -> "John Kirby" when the article knows the person. */
static char *expand_name(const ctx *c, const char *s, size_t n)
{
	for (size_t k = 0; k < c->a->n_entities; k++) {
		const rv_entity *e = &c->a->entities[k];
		if (!e->type || strcmp(e->type, "person"))
			continue;
		bool hit = strlen(e->name) == n && !memcmp(e->name, s, n);
		for (size_t x = 0; !hit && x < e->aliases.len; x++)
			hit = strlen(e->aliases.items[x]) == n && !memcmp(e->aliases.items[x], s, n);
		if (hit)
			return rv_strdup(e->name);
	}
	return rv_strndup(s, n);
}

static const char *const office_words[] = {
	"ministre", "minister", "secrétaire", "secretary", "président", "présidente",
	"president", "directeur", "directrice", "director", "maire", "mayor", "préfet",
	"préfète", "prefect", "gouverneur", "governor", "procureur", "procureure",
	"prosecutor", "commissaire", "commissioner", "ambassadeur", "ambassadrice",
	"ambassador", "chef", "chief", "head", "patron", "patronne", "porte-parole",
	"spokesman", "spokeswoman", "spokesperson", "délégué", "déléguée", NULL,
};

static bool role_word(const char *t, size_t ws, size_t we)
{
	return in_words(t, ws, we, backref_nouns) || in_words(t, ws, we, office_words) ||
	       in_words(t, ws, we, (const char *const[]){"haut", "high", "représentant",
							 "representative", "vice-président",
							 "vice-présidente", "générale", "adjoint",
							 "adjointe", "deputy", "vice", NULL});
}

/* Where a role ending at t[end] starts: over the words of the title before it,
 * "le directeur général" (not "général"), "Senate Majority Leader" (not
 * "Leader"): role words, and capitalised words before a capitalised title. */
static size_t role_start(const char *t, size_t ws, size_t lo)
{
	bool caps = upper_at(t, ws, ws + 4);
	for (;;) {
		size_t pe = ws;
		while (pe > lo && t[pe - 1] == ' ')
			pe--;
		if (pe == ws)
			return ws;
		size_t ps = pe;
		while (ps > lo && is_word_byte((unsigned char)t[ps - 1]))
			ps--;
		if (ps == pe)
			return ws;
		if (!role_word(t, ps, pe) &&
		    !(caps && upper_at(t, ps, pe) && !in_words(t, ps, pe, function_caps)))
			return ws;
		ws = ps;
	}
}

/* Role words before a name: "le porte-parole du Pentagone, John Kirby". */
static char *role_before(const ctx *c, size_t name_s, size_t lo)
{
	const char *t = c->t;
	size_t i = name_s;
	while (i > lo && (t[i - 1] == ' ' || t[i - 1] == ','))
		i--;
	size_t end = i;
	size_t start = end;
	int words = 0;
	while (start > lo && words < 8) {
		size_t ws = start;
		while (ws > lo && t[ws - 1] == ' ')
			ws--;
		size_t we = ws;
		while (ws > lo && is_word_byte((unsigned char)t[ws - 1]))
			ws--;
		if (ws == we)
			break;
		if (role_word(t, ws, we)) {
			ws = role_start(t, ws, lo);
			if (end - ws > 2)
				return rv_strndup(t + ws, end - ws);
		}
		if (in_words(t, ws, we, (const char *const[]){"le", "la", "the", "l'", "a", "an", "un",
							      "une", "said", "a", "told", NULL}))
			break;
		start = ws;
		words++;
	}
	return NULL;
}

static const char *const auxiliaries[] = {
	"a", "avait", "ont", "avaient", "aurait", "has", "had", "have", "also", "aussi",
	"également", "encore", "then", "later", "ensuite", "will", "would", "is", "was", "were",
	"not", "never", "pas", "n'a", NULL,
};

/* A name run that completes an office: "le ministre des Transports", "the
 * Secretary of State". Where that noun phrase starts (its determiner when
 * there is one), or nm_s when the run is not such a complement. */
static size_t office_start(const ctx *c, size_t nm_s, size_t lo)
{
	static const char *const of_words[] = { "des", "du", "de", "of", "aux", "au", "la", "l'",
						"the", "d'", NULL };
	const char *t = c->t;
	size_t s = nm_s;
	int preps = 0;
	for (int hops = 0; hops < 4; hops++) {
		size_t we = s;
		while (we > lo && t[we - 1] == ' ')
			we--;
		size_t ws = we;
		/* "l'" and "d'" end with the apostrophe */
		if (ws > lo && t[ws - 1] == '\'')
			ws--;
		while (ws > lo && is_word_byte((unsigned char)t[ws - 1]))
			ws--;
		if (ws == we)
			return nm_s;
		if (preps > 0 && in_words(t, ws, we, office_words)) {
			size_t ds = ws;
			while (ds > lo && t[ds - 1] == ' ')
				ds--;
			size_t dw = ds;
			while (dw > lo && is_word_byte((unsigned char)t[dw - 1]))
				dw--;
			if (dw < ds && in_words(t, dw, ds, (const char *const[]){ "le", "la", "the", NULL }))
				return dw;
			return ws;
		}
		if (!in_words(t, ws, we, of_words))
			return nm_s;
		preps++;
		s = ws;
	}
	return nm_s;
}

/* The person entity inside a name run ("Pentagone John Kirby" -> "John
 * Kirby"), else the run itself, or the office it completes ("le ministre des
 * Transports", not "Transports"). */
static int set_speaker(ctx *c, span nm, size_t lo, char **speaker, char **role)
{
	const char *t = c->t;
	size_t best_len = 0, best_s = nm.s;
	const char *best = NULL;
	for (size_t k = 0; k < c->a->n_entities; k++) {
		const rv_entity *e = &c->a->entities[k];
		if (!e->type || strcmp(e->type, "person"))
			continue;
		for (size_t x = 0; x <= e->aliases.len; x++) {
			const char *f = x ? e->aliases.items[x - 1] : e->name;
			size_t fl = strlen(f);
			if (fl <= best_len || fl > nm.e - nm.s)
				continue;
			/* the form must end the run */
			if (!memcmp(t + nm.e - fl, f, fl)) {
				best_len = fl;
				best = e->name;
				best_s = nm.e - fl;
			}
		}
	}
	size_t office = best ? nm.s : office_start(c, nm.s, lo);
	if (office < nm.s) {
		char *np = rv_strndup(t + office, nm.e - office);
		/* "Le ministre" opening a sentence names the same speaker as
		 * "le ministre" inside one */
		if (np && *np >= 'A' && *np <= 'Z' && (word_at(np, 0, strlen(np), "Le") || word_at(np, 0, strlen(np), "La") ||
			   word_at(np, 0, strlen(np), "The")))
			*np = (char)(*np + 32);
		if (np)
			rv_str_squeeze(np);
		*speaker = np;
		*role = NULL;
		return *speaker ? 0 : -1;
	}
	*speaker = best ? rv_strdup(best) : expand_name(c, t + nm.s, nm.e - nm.s);
	*role = role_before(c, best ? best_s : nm.s, lo);
	return *speaker ? 0 : -1;
}

static size_t word_len_at(const char *t, size_t i, size_t e)
{
	size_t n = 0;
	while (i + n < e && is_word_byte((unsigned char)t[i + n]))
		n++;
	return n;
}

static bool is_participle(const char *t, size_t v, size_t vlen)
{
	static const char *const part[] = {
		"saying", "adding", "telling", "calling", "describing", "noting", "arguing",
		"insisting", "warning", "explaining", "ajoutant", "soulignant", "precisant",
		"estimant", "affirmant", "declarant", "expliquant", "assurant", "indiquant", NULL,
	};
	return folded_word_in(t + v, vlen, part);
}

/* A definite noun phrase ending right before vg ("the vice president",
 * "le responsable"): its start in *start and its word count after the
 * article, or 0. */
static int np_before(const ctx *c, size_t lo, size_t vg, size_t *start)
{
	const char *t = c->t;
	size_t s = vg;
	while (s > lo && t[s - 1] == ' ')
		s--;
	int words = 0;
	while (s > lo && words < 5) {
		size_t ws = s;
		while (ws > lo && is_word_byte((unsigned char)t[ws - 1]))
			ws--;
		if (ws == s)
			return 0;
		if (in_words(t, ws, s, (const char *const[]){"the", "le", "la", "les", "l'", NULL})) {
			*start = ws;
			return words;
		}
		if (in_words(t, ws, s, pronouns) || in_words(t, ws, s, auxiliaries) ||
		    in_words(t, ws, s, (const char *const[]){"that", "que", "and", "et", "but", "mais",
							     "who", "qui", NULL}))
			return 0;
		words++;
		s = ws;
		while (s > lo && t[s - 1] == ' ')
			s--;
	}
	return 0;
}

/* A noun that can be a subject without an article: a plural ("auditors",
 * "inspecteurs", "journaux") or a collective ("police"). A singular needs a
 * determiner, and "formally", "with", "intended to" are no subjects. */
static bool bare_subject_noun(const char *t, size_t ws, size_t we)
{
	static const char *const collective[] = { "police", "people", "staff", "personnel",
						  "gendarmerie", NULL };
	if (in_words(t, ws, we, collective))
		return true;
	if (we - ws < 4)
		return false;
	char z = t[we - 1];
	return (z == 's' || z == 'x') && t[we - 2] != 's' && t[we - 2] != '\'';
}

/* A bare common-noun subject ending right before vg and opening a clause: "two
 * weeks after auditors said", "après que des inspecteurs ont affirmé", "In Paris,
 * officials said", "and his team said". Its start, or (size_t)-1. Lower-case
 * words only: a capital may be a name that the name rules read. */
static size_t np_subject(const ctx *c, size_t lo, size_t vg, size_t v, size_t vlen)
{
	static const char *const possessives[] = {
		"his", "her", "their", "its", "our", "son", "sa", "ses", "leur", "leurs", "nos", NULL,
	};
	static const char *const opens[] = {
		"after", "when", "as", "because", "since", "while", "before", "until", "once", "and",
		"but", "que", "quand", "lorsque", "puisque", "tandis", "et", "mais", NULL,
	};
	static const char *const plural_dets[] = {
		"des", "les", "some", "several", "many", "most", "other", "plusieurs", "certains",
		"certaines", "nombre", NULL,
	};
	static const char *const not_nouns[] = {
		"that", "which", "who", "whom", "it", "there", "this", "these", "those", "qui", "ce",
		"cela", "ça", "on", "a", "an", "the", "un", "une", "le", "la", "l'", "not", "ne",
		"n'", "y", "en", "also", "only", "just", "then", "later", "still", "never", "to",
		NULL,
	};
	const char *t = c->t;
	size_t s = vg;
	bool det = false, plural = false;
	for (int words = 0; words < 4; words++) {
		while (s > lo && t[s - 1] == ' ')
			s--;
		if (s > lo && t[s - 1] == ',')
			return words && (plural || det) ? skip_space(t, s, vg) : (size_t)-1;
		size_t ws = s;
		while (ws > lo && is_word_byte((unsigned char)t[ws - 1]))
			ws--;
		if (ws == s)
			return (size_t)-1;
		if (words && in_words(t, ws, s, opens)) {
			/* "A look at his planes and helicopters suggests": "and" joins
			 * nouns; it opens a clause after a comma */
			size_t b = ws;
			while (b > lo && t[b - 1] == ' ')
				b--;
			if ((in_words(t, ws, s, (const char *const[]){ "and", "et", NULL }) &&
			     (b == lo || t[b - 1] != ',')) ||
			    !(plural || det))
				return (size_t)-1;
			return skip_space(t, s, vg);
		}
		if (det || upper_at(t, ws, c->len) || (t[ws] >= '0' && t[ws] <= '9') ||
		    in_words(t, ws, s, pronouns) || in_words(t, ws, s, auxiliaries) ||
		    in_words(t, ws, s, not_nouns) || in_words(t, ws, s, opens))
			return (size_t)-1;
		/* a plural takes "say", not "says": "helicopters suggests" has
		 * another subject */
		if (!words)
			plural = bare_subject_noun(t, ws, s) && !(vg == v && t[v + vlen - 1] == 's');
		det = in_words(t, ws, s, plural_dets) || in_words(t, ws, s, possessives);
		s = ws;
	}
	return (size_t)-1;
}

/* t[s..e) is lower-case words ending with a preposition, the head of a noun
 * phrase that a name completes: "les pompiers du", "le conseil régional de",
 * "the highway agency of", "officials in". */
static bool of_complement(const char *t, size_t s, size_t e)
{
	static const char *const preps[] = { "de", "du", "des", "d'", "of", "in", "at", "from",
					     "à", "au", "aux", NULL };
	size_t we = e;
	while (we > s && t[we - 1] == ' ')
		we--;
	size_t ws = we;
	while (ws > s && is_word_byte((unsigned char)t[ws - 1]))
		ws--;
	if (ws == we || ws == s || !in_words(t, ws, we, preps))
		return false;
	for (size_t i = s; i < ws; i++) {
		unsigned char ch = (unsigned char)t[i];
		if (ch != ' ' && !is_word_byte(ch))
			return false;
		if ((i == s || t[i - 1] == ' ') && upper_at(t, i, e))
			return false;
	}
	return true;
}

/* "l'entraîneur", "L’équipe": an article elided into its noun. */
static bool elided_article(const char *t, size_t i, size_t e)
{
	if (i + 2 >= e || (t[i] != 'l' && t[i] != 'L'))
		return false;
	return t[i + 1] == '\'' || (i + 4 < e && !memcmp(t + i + 1, "\xe2\x80\x99", 3));
}

/* The length of a word naming the day or the time of day of a saying at
 * t[i] ("lundi", "hier", "Tuesday", "soir" of "lundi soir"), else 0. */
static size_t day_word_at(const char *t, size_t i, size_t e)
{
	static const char *const days[] = {
		"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
		"soir", "matin", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
		"Sunday", "yesterday", "today", NULL,
	};
	size_t n = word_len_at(t, i, e);
	return n && in_words(t, i, i + n, days) ? n : 0;
}

/* Whether the name at t[ns] is the object in the clause t[s..ns): a
 * preposition right before it, or quoted words before it ("proposer
 * «un chemin» à Igor Vassiliev, a annoncé l'Elysée": the one offered it,
 * not who said it). */
static bool object_name(const char *t, size_t s, size_t ns)
{
	static const char *const prepositions[] = {
		"à", "au", "aux", "avec", "pour", "contre", "par", "to", "with", "for", "against", NULL,
	};
	for (size_t i = s; i < ns; i++)
		if (t[i] == '"' || !memcmp(t + i, "\xc2\xab", 2) || !memcmp(t + i, "\xe2\x80\x9c", 3))
			return true;
	size_t e = ns;
	while (e > s && t[e - 1] == ' ')
		e--;
	size_t w = e;
	while (w > s && is_word_byte((unsigned char)t[w - 1]))
		w--;
	return w < e && in_words(t, w, e, prepositions);
}

/* The word at t[i] opens the time or the occasion of a saying, not part of the
 * speaker's noun phrase: "after the game", "mardi soir", "in a statement",
 * "lors de la conférence", "dans un communiqué". */
static bool circumstance_at(const char *t, size_t i, size_t e)
{
	static const char *const always[] = {
		"after", "before", "during", "following", "when", "while", "yesterday", "today",
		"tonight", "earlier", "later", "après", "avant", "lors", "pendant", "hier",
		"aujourd'hui", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
		"dimanche", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
		"Sunday", NULL,
	};
	size_t n = word_len_at(t, i, e);
	if (!n)
		return false;
	if (in_words(t, i, i + n, always))
		return true;
	/* "on Monday", "in a statement", "at a news conference", "dans un communiqué" */
	if (in_words(t, i, i + n, (const char *const[]){ "on", "in", "at", "dans", NULL })) {
		size_t j = skip_space(t, i + n, e);
		size_t m = word_len_at(t, j, e);
		return m && (in_words(t, j, j + m, (const char *const[]){ "a", "an", "un", "une", NULL }) ||
			     (word_at(t, i, e, "on") && circumstance_at(t, j, e)));
	}
	return false;
}

/* ---- whom it was said to ---- */

static bool that_at(const char *t, size_t a, size_t e);

/* The longest name or alias of the article's entities (only people and
 * organisations when speakers_only) written at t[i] and ending on a word
 * boundary before e: its length, or 0; *name (may be NULL) gets the entity's
 * name. */
static size_t entity_form_at(const ctx *c, size_t i, size_t e, bool speakers_only,
			     const char **name)
{
	size_t best = 0;
	for (size_t k = 0; k < c->a->n_entities; k++) {
		const rv_entity *en = &c->a->entities[k];
		if (speakers_only && (!en->type || (strcmp(en->type, "person") &&
						    strcmp(en->type, "organization"))))
			continue;
		for (size_t x = 0; x <= en->aliases.len; x++) {
			const char *f = x ? en->aliases.items[x - 1] : en->name;
			size_t fl = strlen(f);
			if (fl > best && i + fl <= e && !memcmp(c->t + i, f, fl) &&
			    (i + fl == e || !is_word_byte((unsigned char)c->t[i + fl]))) {
				best = fl;
				if (name)
					*name = en->name;
			}
		}
	}
	return best;
}

/* A name at t[i]: the article's entity written there, else the capitalised
 * run starting there. Its end, or i. */
static size_t name_end_at(const ctx *c, size_t i, size_t e)
{
	size_t n = entity_form_at(c, i, e, false, NULL);
	if (n)
		return i + n;
	span nm;
	if (i < e && upper_at(c->t, i, c->len) && find_name(c, i, e, i, false, &nm) && nm.s == i)
		return nm.e;
	return i;
}

/* Nouns for whom words are said: "told reporters", "a déclaré à la presse". */
static const char *const audience_nouns[] = {
	"reporters", "reporter", "journalists", "journalist", "lawmakers", "senators",
	"supporters", "investors", "viewers", "listeners", "delegates", "colleagues",
	"newspaper", "paper", "broadcaster", "station", "agency", "radio", "television",
	"magazine", "interviewer", "audience", "crowd", "press", "presse", "journal",
	"journaux", "journalistes", "quotidien", "hebdomadaire", "chaîne", "site",
	"agence", "médias", "media", "proches", "élus", "militants", "salariés", NULL,
};

static const char *const object_pronouns[] = {
	"him", "her", "them", "us", "me", "you", NULL,
};

/* After the addressee of a verb of speech, the words that open what was said:
 * "told the Guardian on Monday that …", "a déclaré à l'AFP mardi que …":
 * "that", "que" within a few words with no punctuation between. Its
 * position, or i. */
static size_t that_after_addressee(const char *t, size_t i, size_t e)
{
	size_t j = skip_space(t, i, e);
	for (int n = 0; n < 6 && j < e; n++) {
		if (that_at(t, j, e))
			return j;
		size_t wl = word_len_at(t, j, e);
		if (!wl)
			break;
		j = skip_space(t, j + wl, e);
	}
	return i;
}

/* Where the person or outlet the words were said to ends, after a reporting
 * verb at t[v..v+vlen) whose complement starts at i: "told the BBC('s Jane
 * Roe)", "told reporters", "said to the paper", "a déclaré à l'AFP", "a
 * confié au Monde", "a expliqué aux journalistes". i when nothing is. */
static size_t find_addressee_end(const ctx *c, size_t v, size_t vlen, size_t i, size_t e)
{
	const char *t = c->t;
	size_t j = i;
	bool told = in_words(t, v, v + vlen, (const char *const[]){ "told", "tells", "tell", NULL });
	bool dative = false;
	size_t wl = word_len_at(t, j, e);
	if (!told && wl && in_words(t, j, j + wl, (const char *const[]){ "to", "à", "au", "aux", NULL })) {
		dative = true;
		j = skip_space(t, j + wl, e);
		wl = word_len_at(t, j, e);
	}
	if (!told && !dative)
		return i;
	if (wl && in_words(t, j, j + wl, object_pronouns))
		return j + wl;
	/* a determiner: "the", "a", "la", "ses", "l'"; "au", "aux" hold one */
	bool det = dative && in_words(t, i, i + word_len_at(t, i, e),
				      (const char *const[]){ "au", "aux", NULL });
	if (elided_article(t, j, e)) {
		j += t[j + 1] == '\'' ? 2 : 4;
		det = true;
	} else if (wl && in_words(t, j, j + wl,
				  (const char *const[]){ "the", "a", "an", "his", "her", "their", "its",
							 "la", "les", "le", "un", "une", "des", "ses",
							 "son", "sa", "leur", "leurs", "plusieurs",
							 NULL })) {
		j = skip_space(t, j + wl, e);
		det = true;
	}
	/* "au journal Ouest-France", "the local radio station": common nouns of
	 * the audience, then maybe its name */
	size_t end = i;
	for (int n = 0; n < 3; n++) {
		wl = word_len_at(t, j, e);
		if (!wl || upper_at(t, j, c->len))
			break;
		if (in_words(t, j, j + wl, audience_nouns)) {
			end = j + wl;
			j = skip_space(t, end, e);
			continue;
		}
		break;
	}
	size_t ne = name_end_at(c, j, e);
	if (ne > j) {
		end = ne;
		/* "CNN's Jake Tapper", "the BBC's Today programme" */
		if (ne + 2 < e && t[ne] == '\'' && t[ne + 1] == 's' && t[ne + 2] == ' ') {
			size_t k = skip_space(t, ne + 2, e);
			size_t ke = name_end_at(c, k, e);
			if (ke > k)
				end = ke;
		}
	}
	if (end == i && dative && det) {
		/* "à plusieurs reprises que", "à la radio locale que": after a
		 * dative preposition and a determiner (not "continued to defend
		 * the notion that"), a lower-case phrase up to "que" */
		size_t q = that_after_addressee(t, j, e);
		return q > j ? q : i;
	}
	return end;
}

/* find_addressee_end, once per verb and complement. */
static size_t addressee_end(ctx *c, size_t v, size_t vlen, size_t i, size_t e)
{
	addressee *last = &c->last_addressee;
	if (last->verb != v || last->from != i || last->to != e)
		*last = (addressee){ v, i, e, find_addressee_end(c, v, vlen, i, e) };
	return last->end;
}

static size_t sentence_start(const char *t, size_t lo, size_t i);

/* The person or organisation the article knows whose name opens the text at
 * pos (after an article: "Le département d'État", "The Pentagon"), or NULL. */
static const char *entity_at(const ctx *c, size_t pos, size_t end)
{
	const char *t = c->t;
	pos = skip_space(t, pos, end);
	size_t wl = word_len_at(t, pos, end);
	if (wl && in_words(t, pos, pos + wl, (const char *const[]){"le", "la", "les", "the", NULL}))
		pos = skip_space(t, pos + wl, end);
	else if (pos + 2 < end && (t[pos] == 'L' || t[pos] == 'l') && t[pos + 1] == '\'')
		pos += 2;
	else if (pos + 4 < end && (t[pos] == 'L' || t[pos] == 'l') && !memcmp(t + pos + 1, "\xe2\x80\x99", 3))
		pos += 4;
	const char *name = NULL;
	return entity_form_at(c, pos, end, true, &name) ? name : NULL;
}
static bool content_after(const char *t, size_t a, size_t e);

/* The speaker around a reporting verb at v in [lo, hi). */
static int speaker_near(ctx *c, size_t lo, size_t hi, size_t v, size_t vlen, char **speaker,
			char **role)
{
	const char *t = c->t;
	span nm;
	*speaker = NULL;
	*role = NULL;
	bool according = word_at(t, v, hi, "according to") || word_at(t, v, hi, "selon") ||
			 word_at(t, v, hi, "d'après");
	/* "a-t-il déclaré" / "déclare-t-il" / "selon lui" */
	size_t after = skip_space(t, v + vlen, hi);
	bool pron = false;
	for (size_t i = (v > lo + 8 ? v - 8 : lo); i < after + 8 && i < hi; i++)
		if (!strncmp(t + i, "-t-il", 5) || !strncmp(t + i, "-t-elle", 7))
			pron = true;
	/* "…, telling Reuters", "…, soulignant que": the subject of the main
	 * clause speaks, the name after a participle is the one spoken to */
	if (!according && is_participle(t, v, vlen)) {
		/* the sentence may begin before lo (a quote in the middle of it) */
		size_t sb = sentence_start(t, 0, v);
		span first_nm;
		/* "«…», a déclaré la présidence, en précisant que": the sentence's
		 * own quotation, already attributed, has the subject the participle
		 * shares (a name inside that quotation is what was said) */
		const rv_quote *prev = quote_before(c->a, v);
		if (prev && prev->speaker && prev->start >= sb) {
			*speaker = rv_strdup(prev->speaker);
			return *speaker ? 0 : -1;
		}
		/* "Le département d'État a ordonné …, expliquant que": a listed
		 * organisation or person opening the sentence */
		const char *ent = entity_at(c, sb, v);
		if (ent) {
			*speaker = rv_strdup(ent);
			return *speaker ? 0 : -1;
		}
		bool named = find_name(c, sb, v, sb, false, &first_nm) && first_nm.s < v;
		/* "However, he held his fire on Ben Carson, calling him …": a subject pronoun
		 * before the first name is the one who speaks */
		int g = pronoun_gender(t, sb, named ? first_nm.s : v);
		if (g) {
			*speaker = nearest_person(c, sb, g);
			if (*speaker)
				return 0;
		}
		if (named && (first_nm.s == sb || sb >= lo))
			return set_speaker(c, first_nm, sb, speaker, role);
		*speaker = nearest_person(c, v, 0);
		return *speaker || !c->last_speaker ? 0 : ((*speaker = rv_strdup(c->last_speaker)) ? 0 : -1);
	}
	if (!according && !pron) {
		/* the verb group: "a déclaré", "has also said" */
		size_t vg = v;
		for (;;) {
			size_t x = vg;
			while (x > lo && t[x - 1] == ' ')
				x--;
			size_t ws = x;
			while (ws > lo && is_word_byte((unsigned char)t[ws - 1]))
				ws--;
			if (ws < x && in_words(t, ws, x, auxiliaries)) {
				vg = ws;
				continue;
			}
			break;
		}
		size_t x = vg;
		while (x > lo && t[x - 1] == ' ')
			x--;
		/* punctuation right before the verb: the speaker comes after it */
		bool inverted = x == lo ||
				(x > lo && (t[x - 1] == ':' || t[x - 1] == ',' || t[x - 1] == '\'' ||
					    t[x - 1] == '"')) ||
				(x >= lo + 2 && !strncmp(t + x - 2, "\xc2\xbb", 2)) ||
				(x >= lo + 3 && (!strncmp(t + x - 3, "\xe2\x80\x9d", 3) ||
						 !strncmp(t + x - 3, "\xe2\x80\x99", 3)));
		/* "John Kirby said", "Kirby a déclaré" */
		if (find_name(c, vg > lo + 200 ? vg - 200 : lo, vg, vg, true, &nm)) {
			size_t z = skip_space(t, nm.e, vg);
			/* "Governor Mary Fallin (R-OK) said" */
			if (z < vg && t[z] == '(') {
				const char *cl = memchr(t + z, ')', vg - z);
				if (cl && cl - (t + z) < 40)
					z = skip_space(t, (size_t)(cl - t) + 1, vg);
			}
			if (z == vg)
				return set_speaker(c, nm, lo, speaker, role);
		}
		/* "the vice president said": a descriptive subject names the speaker;
		 * a bare role ("le responsable", "the official") points back */
		size_t nps;
		int npw = np_before(c, lo, vg, &nps);
		if (npw > 0) {
			size_t np_end = vg;
			while (np_end > nps && t[np_end - 1] == ' ')
				np_end--;
			if (npw == 1) {
				size_t ws = np_end;
				while (ws > nps && is_word_byte((unsigned char)t[ws - 1]))
					ws--;
				if (in_words(t, ws, np_end, backref_nouns) &&
				    (*speaker = nearest_person(c, v, 0)))
					return 0;
			}
			*speaker = rv_strndup(t + nps, np_end - nps);
			return *speaker ? 0 : -1;
		}
		/* "“…,” one user wrote": a short subject right after the quote */
		bool after_quote = lo > 0 && (t[lo - 1] == '"' || t[lo - 1] == '\'' ||
					      (lo >= 3 && (!memcmp(t + lo - 3, "\xe2\x80\x9d", 3) ||
							   !memcmp(t + lo - 3, "\xe2\x80\x99", 3))) ||
					      (lo >= 2 && !memcmp(t + lo - 2, "\xc2\xbb", 2)));
		if (after_quote) {
			size_t b = lo;
			while (b < vg && (t[b] == ' ' || t[b] == ','))
				b++;
			size_t e2 = vg;
			while (e2 > b && t[e2 - 1] == ' ')
				e2--;
			size_t nw2 = count_words(t, b, e2);
			bool plain = nw2 >= 1 && nw2 <= 4;
			for (size_t x2 = b; x2 < e2 && plain; x2++)
				if (!is_word_byte((unsigned char)t[x2]) && t[x2] != ' ' && t[x2] != '.')
					plain = false;
			for (size_t w0 = b; w0 < e2 && plain; ) {
				size_t w1 = w0;
				while (w1 < e2 && is_word_byte((unsigned char)t[w1]))
					w1++;
				if (w1 > w0 && (in_words(t, w0, w1, pronouns) ||
						in_words(t, w0, w1, (const char *const[]){"but", "and", "as",
											  "mais", "et", "or",
											  "while", NULL})))
					plain = false;
				w0 = w1 + 1;
			}
			if (plain) {
				*speaker = rv_strndup(t + b, e2 - b);
				return *speaker ? 0 : -1;
			}
		}
		/* "His campaign said", "Romney's associates said", "Another said": a
		 * short subject that opens the sentence */
		if (!inverted) {
			size_t sb = sentence_start(t, lo, vg);
			if (sb < lo)
				sb = lo;
			size_t se = vg;
			while (se > sb && t[se - 1] == ' ')
				se--;
			size_t nw3 = count_words(t, sb, se);
			bool ok = nw3 >= 1 && nw3 <= 5 && !memchr(t + sb, ',', se - sb) &&
				  !memchr(t + sb, '"', se - sb) && (unsigned char)t[sb] < 0x80;
			for (size_t w0 = sb; w0 < se && ok;) {
				size_t w1 = w0;
				while (w1 < se && is_word_byte((unsigned char)t[w1]))
					w1++;
				if (w1 > w0 && (in_words(t, w0, w1, pronouns) ||
						in_words(t, w0, w1, (const char *const[]){"that", "who", "which",
											  "and", "but", "if", "when",
											  "as", "while", "que", "qui",
											  "et", "mais", "si", "quand",
											  "because", "after", "before",
											  NULL})))
					ok = false;
				w0 = w1 + 1;
			}
			if (ok) {
				*speaker = rv_strndup(t + sb, se - sb);
				return *speaker ? 0 : -1;
			}
		}
		/* "Eric Fehrnstrom, a former adviser to Romney, said …" */
		size_t first = lo;
		while (first < vg && (t[first] == ' ' || t[first] == ','))
			first++;
		if (inverted && vg - first < 200 && find_name(c, first, vg, first, false, &nm) &&
		    nm.s == first && nm.e < vg && t[nm.e] == ',') {
			return set_speaker(c, nm, lo, speaker, role);
		}
		/* "…, a déclaré le porte-parole du Pentagone John Kirby", "…, said Ned Price";
		 * "…, a confié au Monde un proche du maire": not the one spoken to */
		size_t a2 = skip_space(t, addressee_end(c, v, vlen, after, hi), hi);
		/* "…, a annoncé lundi l'Elysée", "…, said Tuesday the agency": the
		 * day of the saying stands between the verb and its subject */
		for (size_t dl; (dl = day_word_at(t, a2, hi));)
			a2 = skip_space(t, a2 + dl, hi);
		if (word_at(t, a2, hi, "by"))
			a2 = skip_space(t, a2 + 2, hi);
		/* "said Mr. Burr", "a déclaré M. Price" */
		for (;;) {
			size_t wl = word_len_at(t, a2, hi);
			if (wl && a2 + wl < hi && t[a2 + wl] == '.' &&
			    in_words(t, a2, a2 + wl, (const char *const[]){"Mr", "Mrs", "Ms", "Dr", "Sen",
									   "Gov", "Rep", "Gen", "M", "Mme",
									   "Prof", NULL})) {
				a2 = skip_space(t, a2 + wl + 1, hi);
				continue;
			}
			break;
		}
		/* "Trump's attorney, Alan Garten, said Nunberg was …": a comma-set
		 * apposition before the verb and a clause after it; the speaker is
		 * the segment that is a name */
		if (inverted && x > lo && t[x - 1] == ',') {
			size_t segend = x - 1;
			for (int seg = 0; seg < 3 && segend > lo; seg++) {
				size_t segstart = segend;
				while (segstart > lo && t[segstart - 1] != ',' && segend - segstart < 200)
					segstart--;
				size_t a0 = skip_space(t, segstart, segend), a1 = segend;
				while (a1 > a0 && t[a1 - 1] == ' ')
					a1--;
				/* "Mr. Trump", "Sen. Graham": titles before the name */
				for (;;) {
					size_t wl = word_len_at(t, a0, a1);
					if (wl && a0 + wl < a1 && t[a0 + wl] == '.' &&
					    in_words(t, a0, a0 + wl, (const char *const[]){"Mr", "Mrs", "Ms", "Dr",
											   "Sen", "Gov", "Rep",
											   "Gen", "M", "Mme",
											   "Prof", NULL})) {
						a0 = skip_space(t, a0 + wl + 1, a1);
						continue;
					}
					break;
				}
				if (a1 > a0 && find_name(c, a0, a1, a0, false, &nm) && nm.s == a0 && nm.e == a1)
					return set_speaker(c, nm, lo, speaker, role);
				/* "Washington Post columnist Margaret Sullivan, …, wrote" */
				if (a1 > a0 && find_name(c, a0, a1, a1, true, &nm) && nm.e == a1 &&
				    person_form_end(c, nm) && count_words(t, a0, a1) <= 8 &&
				    !object_name(t, a0, nm.s))
					return set_speaker(c, nm, lo, speaker, role);
				if (segstart <= lo)
					break;
				segend = segstart - 1;
			}
		}
		/* "…, said Ned Price": the name right after the verb */
		if (inverted && find_name(c, a2, hi < a2 + 160 ? hi : a2 + 160, a2, false, &nm) &&
		    nm.s == a2)
			return set_speaker(c, nm, after, speaker, role);
		if (inverted && !content_after(t, v + vlen, hi) &&
		    (in_words(t, a2, a2 + word_len_at(t, a2, hi),
			      (const char *const[]){"the", "le", "la", "les", "l'", "un", "une", "a", "an",
						    "one", "another", "some", "several", "two", NULL}) ||
		     elided_article(t, a2, hi))) {
			/* "wrote the authors of the report": the noun phrase, or the
			 * person it names ("le porte-parole du Pentagone John Kirby");
			 * it ends before the time or place of the saying ("the Lyon
			 * coach after the game", "l'entraîneur mardi soir") */
			size_t npe = a2;
			while (npe < hi && t[npe] != ',' && t[npe] != '.' && t[npe] != '\n' &&
			       t[npe] != '"' && (unsigned char)t[npe] != 0xC2 && npe - a2 < 160 &&
			       !((unsigned char)t[npe] == 0xE2 && memcmp(t + npe, "\xe2\x80\x99", 3)) &&
			       !(npe > a2 && t[npe - 1] == ' ' && circumstance_at(t, npe, hi)))
				npe++;
			while (npe > a2 && t[npe - 1] == ' ')
				npe--;
			if (find_person_after(c, a2, npe, &nm) && person_form_end(c, nm))
				return set_speaker(c, nm, after, speaker, role);
			/* "le porte-parole du Pentagone, John Kirby": the name set
			 * after the noun phrase is who it is */
			size_t ap = npe < hi && t[npe] == ',' ? skip_space(t, npe + 1, hi) : hi;
			if (ap < hi && find_person_after(c, ap, hi < ap + 80 ? hi : ap + 80, &nm) &&
			    nm.s == ap && person_form_end(c, nm))
				return set_speaker(c, nm, after, speaker, role);
			/* "l’Elysée", "l'Unesco": one proper noun after an elided
			 * article is a noun phrase too (typographic apostrophes are
			 * word bytes, so count_words sees one word) */
			bool elided_name = elided_article(t, a2, hi) &&
					   upper_at(t, a2 + (t[a2 + 1] == '\'' ? 2 : 4), c->len);
			if (npe > a2 && (count_words(t, a2, npe) >= 2 || elided_name) &&
			    count_words(t, a2, npe) <= 12) {
				*speaker = rv_strndup(t + a2, npe - a2);
				return *speaker ? 0 : -1;
			}
		}
		if (inverted && find_person_after(c, a2, hi < a2 + 160 ? hi : a2 + 160, &nm) &&
		    nm.s <= a2 + 80) {
			return set_speaker(c, nm, after, speaker, role);
		}
		/* (a verb of speech, not "both surveys showed Shuster ahead") */
		size_t sub = inverted || !(core_verb(t, v, vlen) || content_after(t, v + vlen, hi))
				     ? (size_t)-1
				     : np_subject(c, lo, vg, v, vlen);
		if (sub != (size_t)-1) {
			size_t sub_e = vg;
			while (sub_e > sub && t[sub_e - 1] == ' ')
				sub_e--;
			*speaker = rv_strndup(t + sub, sub_e - sub);
			return *speaker ? 0 : -1;
		}
		/* an apposition: "Graham, a former candidate, said" */
		if (!inverted && find_name(c, vg > lo + 200 ? vg - 200 : lo, vg, vg, true, &nm) &&
		    vg - nm.e <= 60 && memchr(t + nm.e, ',', vg - nm.e)) {
			return set_speaker(c, nm, lo, speaker, role);
		}
	}
	if (according) {
		if (find_name(c, after, hi, after, false, &nm) && nm.s <= after + 60) {
			/* "selon les pompiers du Rhône", "according to officials in
			 * Kyiv": the name completes the noun phrase that is the source */
			if (nm.s > after && of_complement(t, after, nm.s)) {
				*speaker = rv_strndup(t + after, nm.e - after);
				return *speaker ? 0 : -1;
			}
			*speaker = expand_name(c, t + nm.s, nm.e - nm.s);
			return *speaker ? 0 : -1;
		}
		size_t e = after;
		while (e < hi && t[e] != ',' && t[e] != '.' && t[e] != '\n')
			e++;
		if (e > after && e - after < 80 && !in_words(t, after, e, pronouns)) {
			*speaker = rv_strndup(t + after, e - after);
			return *speaker ? 0 : -1;
		}
	}
	/* "Carson took the stage … and called it “…”": the sentence's subject */
	if (!according && !pron) {
		size_t sb = sentence_start(t, lo, v);
		if (sb < lo)
			sb = lo;
		span sn;
		if (find_name(c, sb, v, sb, false, &sn) && sn.s == sb && person_form_end(c, sn) &&
		    count_words(t, sn.e, v) <= 25)
			return set_speaker(c, sn, sb, speaker, role);
	}
	/* a pronoun or "le responsable": the last speaker (of the pronoun's gender) */
	size_t ps = v > lo + 40 ? v - 40 : lo;
	bool back = pron;
	int gender = pron ? pronoun_gender(t, v > lo + 8 ? v - 8 : lo, after + 8 < hi ? after + 8 : hi) : 0;
	for (size_t i = ps; i < v && !back; i++) {
		if (i > ps && is_word_byte((unsigned char)t[i - 1]))
			continue;
		size_t we = i;
		while (we < v && is_word_byte((unsigned char)t[we]))
			we++;
		if (we > i && in_words(t, i, we, pronouns)) {
			back = true;
			gender = pronoun_gender(t, i, we);
		}
		/* "le responsable", "the official" point back; "a spokesman" does not */
		if (we > i && in_words(t, i, we, backref_nouns)) {
			size_t d = i;
			while (d > lo && t[d - 1] == ' ')
				d--;
			size_t ds = d;
			while (ds > lo && is_word_byte((unsigned char)t[ds - 1]))
				ds--;
			if (ds < d && in_words(t, ds, d, (const char *const[]){"le", "la", "the", "l'", "ce",
									       "cette", "this", NULL}))
				back = true;
		}
	}
	for (size_t i = after; i < hi && i < after + 24 && !back; i++)
		if (word_at(t, i, hi, "he") || word_at(t, i, hi, "she") || word_at(t, i, hi, "il") ||
		    word_at(t, i, hi, "elle") || word_at(t, i, hi, "lui")) {
			back = true;
			gender = pronoun_gender(t, i, i + 4 < hi ? i + 4 : hi);
		}
	if (back) {
		*speaker = nearest_person(c, v, gender);
		if (!*speaker && c->last_speaker)
			*speaker = rv_strdup(c->last_speaker);
		if (*speaker)
			return 0;
	}
	/* a noun phrase subject: "the government said" */
	size_t e = v;
	while (e > lo && t[e - 1] == ' ')
		e--;
	size_t s = e;
	int words = 0;
	while (s > lo && words < 4) {
		size_t ws = s;
		while (ws > lo && is_word_byte((unsigned char)t[ws - 1]))
			ws--;
		if (ws == s)
			break;
		words++;
		if (in_words(t, ws, s, (const char *const[]){"the", "le", "la", "les", "l'", NULL})) {
			s = ws;
			if (e > s && !back) {
				*speaker = rv_strndup(t + s, e - s);
				return *speaker ? 0 : -1;
			}
			break;
		}
		s = ws;
		while (s > lo && t[s - 1] == ' ')
			s--;
	}
	return 0;
}

/* ---- output ---- */

static int add_quote(ctx *c, size_t s, size_t e, const char *text, size_t n, char *speaker,
		     char *role)
{
	rv_article *a = c->a;
	if (a->n_quotes >= MAX_QUOTES) {
		free(speaker);
		free(role);
		return 0;
	}
	rv_quote *p = realloc(a->quotes, (a->n_quotes + 1) * sizeof *p);
	if (!p) {
		free(speaker);
		free(role);
		return -1;
	}
	a->quotes = p;
	rv_quote *q = &a->quotes[a->n_quotes];
	q->text = rv_strndup(text, n);
	if (!q->text) {
		free(speaker);
		free(role);
		return -1;
	}
	rv_str_squeeze(q->text);
	/* "… for crumbs," she said: the comma English sets inside the marks
	 * belongs to the sentence around the quote, not to its words */
	size_t len = strlen(q->text);
	while (len && (q->text[len - 1] == ',' || q->text[len - 1] == ' '))
		q->text[--len] = '\0';
	q->speaker = speaker;
	q->role = role;
	q->start = s;
	q->end = e;
	a->n_quotes++;
	if (speaker)
		c->last_speaker = speaker;
	return 0;
}

/* ---- sentences ---- */

/* The dot at t[d] ends an abbreviation ("U.S.", "Mr.", "Sen.", "M."),
 * not a sentence. */
static bool abbrev_dot(const char *t, size_t lo, size_t d)
{
	size_t ws = d;
	while (ws > lo && (is_word_byte((unsigned char)t[ws - 1]) || t[ws - 1] == '.') && d - ws < 8)
		ws--;
	size_t n = d - ws;
	if (n == 0)
		return false;
	if (memchr(t + ws, '.', n))
		return true; /* U.S. */
	if (n == 1 && t[ws] >= 'A' && t[ws] <= 'Z')
		return true; /* initials, "M." */
	/* "Feb. 3", "Sept. 12": a month's abbreviation before its day (a full
	 * name takes no dot: "in May. 3 people" is two sentences) */
	if (t[ws] >= 'A' && t[ws] <= 'Z' && t[d + 1] == ' ' && t[d + 2] >= '0' && t[d + 2] <= '9' &&
	    rv_month_number(t + ws, n, RV_MONTH_ABBREVIATION))
		return true;
	/* "SPRINGFIELD, Ill. - ", "BOSTON, Mass. (AP)": a dateline's state */
	if (rv__us_state_abbreviation_length(t, ws, d + 1) == n + 1 && t[d + 1] == ' ' &&
	    (t[d + 2] == '-' || t[d + 2] == '(' || !strncmp(t + d + 2, "\xe2\x80\x94", 3) ||
	     !strncmp(t + d + 2, "\xe2\x80\x93", 3)))
		return true;
	static const char *const ab[] = {"Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen",
					 "Jr", "Sr", "Lt", "Col", "Capt", "Sgt", "Mme", "Mlle",
					 "Prof", "Rev", "Ft", "Mt", "Inc", "Corp", "Co", "No",
					 "vs", "etc", NULL};
	for (const char *const *a = ab; *a; a++)
		if (strlen(*a) == n && !memcmp(t + ws, *a, n))
			return true;
	return false;
}

/* A closing quote mark ending at t[i] (exclusive) right after a sentence
 * end: "…yet.” Ryan's campaign". Its length, or 0. */
static size_t closing_after_stop(const char *t, size_t lo, size_t i)
{
	size_t n = 0;
	if (i >= lo + 3 && !memcmp(t + i - 3, "\xe2\x80\x9d", 3))
		n = 3;
	else if (i >= lo + 2 && !memcmp(t + i - 2, "\xc2\xbb", 2))
		n = 2;
	else if (i >= lo + 1 && (t[i - 1] == '"' || t[i - 1] == '\''))
		n = 1;
	if (!n || i < lo + n + 1)
		return 0;
	char p = t[i - n - 1];
	return p == '.' || p == '!' || p == '?' ? n : 0;
}

static size_t sentence_start(const char *t, size_t lo, size_t i)
{
	while (i > lo) {
		char ch = t[i - 1];
		if (ch == '\n')
			break;
		if (t[i] == ' ' && closing_after_stop(t, lo, i))
			break;
		if ((ch == '.' || ch == '!' || ch == '?') && (t[i] == ' ' || upper_at(t, i, i + 4)) &&
		    !(ch == '.' && abbrev_dot(t, lo, i - 1)))
			break;
		i--;
	}
	return skip_space(t, i, i + 8);
}

static size_t sentence_end(const char *t, size_t i, size_t hi)
{
	while (i < hi) {
		char ch = t[i];
		if (ch == '\n')
			return i;
		if ((ch == '.' || ch == '!' || ch == '?') && (i + 1 >= hi || t[i + 1] == ' ' || t[i + 1] == '\n') &&
		    !(ch == '.' && i + 1 < hi && t[i + 1] == ' ' && abbrev_dot(t, i > 8 ? i - 8 : 0, i)))
			return i + 1;
		i++;
	}
	return hi;
}

/* ---- one paragraph ---- */

typedef struct qmark {
	size_t os, oe;   /* opening mark */
	size_t cs, ce;   /* closing mark (cs == ce == paragraph end when open) */
} qmark;

static size_t find_marks(const char *t, size_t ps, size_t pe, qmark *out, size_t cap)
{
	size_t n = 0;
	size_t i = ps;
	while (i < pe && n < cap) {
		size_t olen;
		int32_t close = closer_for(t, i, pe, &olen);
		/* ''…'' (two apostrophes, as some wires write quotes) */
		if (!close && t[i] == '\'' && i + 1 < pe && t[i + 1] == '\'' &&
		    !(i > ps && is_word_byte((unsigned char)t[i - 1]) && t[i - 1] != '\'')) {
			const char *q = NULL;
			for (size_t j = i + 2; j + 1 < pe; j++)
				if (t[j] == '\'' && t[j + 1] == '\'') {
					q = t + j;
					break;
				}
			if (q) {
				out[n++] = (qmark){i, i + 2, (size_t)(q - t), (size_t)(q - t) + 2};
				i = (size_t)(q - t) + 2;
				continue;
			}
		}
		if (!close) {
			i++;
			continue;
		}
		/* a straight quote inside a word is an inch mark or a typo */
		size_t j = i + olen;
		size_t cs = pe, ce = pe;
		while (j < pe) {
			const char *p = t + j;
			int32_t cp = rv_utf8_next(&p, t + pe);
			/* “…" : a typographic opener closed by a straight quote */
			if (cp == close || (close == 0x201D && cp == '"')) {
				cs = j;
				ce = (size_t)(p - t);
				break;
			}
			j = (size_t)(p - t);
		}
		if (cs == pe && close == '"') {
			i += olen;
			continue;
		}
		out[n++] = (qmark){i, i + olen, cs, ce};
		i = ce > i + olen ? ce : i + olen;
	}
	return n;
}

static bool covered(const rv_article *a, size_t s, size_t e, size_t from)
{
	for (size_t k = from; k < a->n_quotes; k++)
		if (a->quotes[k].start < e && s < a->quotes[k].end)
			return true;
	return false;
}

#define MAX_MARKS 64

/* Where the clause that holds a mixed quotation ends, at or before e: at a new clause
 * ("… “nice guy” and he didn’t …", "… “disqualifying” and asserting …", "… “crazy” and
 * said …", "but", "while", "; "), else at e. */
static size_t clause_end(const char *t, size_t s, size_t e)
{
	static const char *const subjects[] = {"he", "she", "they", "it", "i", "we", "you", "il",
					       "elle", "ils", "elles", "on", "nous", NULL};
	for (size_t i = s; i < e; i++) {
		if (t[i] == ';')
			return i;
		if (t[i] != ' ' || i + 1 >= e)
			continue;
		size_t w = i + 1;
		if (word_at(t, w, e, "but") || word_at(t, w, e, "while") || word_at(t, w, e, "mais"))
			return i;
		size_t n = 0;
		if (word_at(t, w, e, "and"))
			n = 3;
		else if (word_at(t, w, e, "et"))
			n = 2;
		if (!n)
			continue;
		size_t x = skip_space(t, w + n, e);
		size_t xe = x;
		while (xe < e && is_word_byte((unsigned char)t[xe]))
			xe++;
		if (xe == x)
			continue;
		if (in_words(t, x, xe, subjects) || verb_at(t, x, e) ||
		    (xe - x > 4 && (!strncmp(t + xe - 3, "ing", 3) || !strncmp(t + xe - 3, "ant", 3))))
			return i;
	}
	return e;
}

/* A few quoted words inside reported speech ("called the system “rotten to
 * the core” in a speech"): the quotation is the reported clause, from the
 * verb to the end of the sentence (or the next quote, limit), as a reader
 * needs it. Takes speaker and role; frees them when nothing is added. */
static int mixed_quote(ctx *c, size_t os, size_t qend, size_t limit, bool after, size_t v, size_t vlen,
		       char **speaker, char **role)
{
	const char *t = c->t;
	if (after || v == (size_t)-1 || v >= os || os - v > 200 || !*speaker) {
		free(*speaker);
		free(*role);
		*speaker = *role = NULL;
		return 0;
	}
	size_t cs = skip_space(t, v + vlen, os);
	if (word_at(t, cs, os, "that") || word_at(t, cs, os, "que"))
		cs = skip_space(t, cs + 4 - (t[cs] == 'q' || t[cs] == 'Q'), os);
	size_t end = clause_end(t, qend, sentence_end(t, qend, limit));
	while (end > qend && strchr(" .,;:", t[end - 1]))
		end--;
	int rc = add_quote(c, cs, end, t + cs, end - cs, *speaker, *role);
	*speaker = *role = NULL;
	return rc;
}

static int direct_quotes(ctx *c, size_t ps, size_t pe)
{
	const char *t = c->t;
	qmark m[MAX_MARKS];
	size_t n = find_marks(t, ps, pe, m, MAX_MARKS);
	for (size_t k = 0; k < n; k++) {
		size_t cs = m[k].oe, ce = m[k].cs;
		size_t words = count_words(t, cs, ce);
		if (!words)
			continue;
		size_t next_q = k + 1 < n ? m[k + 1].os : pe;
		/* attribution after the quote, up to the sentence end or the next quote */
		size_t ae = sentence_end(t, m[k].ce, next_q);
		size_t vlen = 0;
		size_t v = find_verb(t, m[k].ce, ae, &vlen);
		char *speaker = NULL, *role = NULL;
		/* a quote ending in a comma announces its attribution, even after a
		 * long apposition ("…,'' Benjamin J. Rhodes, Mr. Obama's deputy …, said") */
		bool comma_end = ce > cs && t[ce - 1] == ',';
		bool after = v != (size_t)-1 && (v - m[k].ce < 40 || (comma_end && v - m[k].ce < 200));
		/* "called them “crazy” and said …": a verb after "and" starts a clause of its
		 * own, it does not attribute the quote */
		if (after) {
			/* (after a comma only right after the quote: "…,” and then tweeted …") */
			size_t first = skip_space(t, m[k].ce, v);
			if (comma_end ? word_at(t, first, v, "and") || word_at(t, first, v, "et")
				      : word_in(t, m[k].ce, v, (const char *const[]){"and", "et", NULL}) != (size_t)-1)
				after = false;
		}
		if (after) {
			if (speaker_near(c, m[k].ce, ae, v, vlen, &speaker, &role))
				return -1;
		} else {
			/* attribution before: "X a déclaré : «", "He added, “" */
			size_t prev = k ? m[k - 1].ce : ps;
			size_t bs = sentence_start(t, prev, m[k].os);
			if (bs < prev)
				bs = prev;
			v = find_verb(t, bs, m[k].os, &vlen);
			if (v != (size_t)-1) {
				size_t v2, l2;
				/* the verb nearest the quote */
				while ((v2 = find_verb(t, v + vlen, m[k].os, &l2)) != (size_t)-1) {
					v = v2;
					vlen = l2;
				}
				if (speaker_near(c, bs, m[k].os, v, vlen, &speaker, &role))
					return -1;
				/* "…” said X, and described it as “…”": the same speaker */
				if (!speaker && k > 0 && c->last_speaker && c->a->n_quotes &&
				    c->a->quotes[c->a->n_quotes - 1].end >= prev &&
				    sentence_start(t, ps, m[k].os) <= m[k - 1].os &&
				    !(speaker = rv_strdup(c->last_speaker)))
					return -1;
			} else {
				/* "Carl Bialik: “…”": a name and a colon */
				size_t b = m[k].os;
				while (b > bs && t[b - 1] == ' ')
					b--;
				span nm;
				if (b > bs && t[b - 1] == ':' && find_name(c, bs, b - 1, b - 1, true, &nm) &&
				    skip_space(t, nm.e, b - 1) == b - 1) {
					if (set_speaker(c, nm, bs, &speaker, &role))
						return -1;
					v = b - 1; /* the colon stands for the verb */
					vlen = 0;
				}
			}
		}
		bool attributed = speaker != NULL || v != (size_t)-1;
		/* a quoted phrase inside a sentence ("the “Southern Strategy” that …",
		 * "described it as a “very positive step toward unification” that …")
		 * is a term or words inside reported speech: speech ends with
		 * punctuation */
		if (words < 10) {
			char in = ce > cs ? t[ce - 1] : 0;
			size_t na = skip_space(t, m[k].ce, pe);
			char out = na < pe ? t[na] : '.';
			size_t pb = m[k].os;
			while (pb > ps && t[pb - 1] == ' ')
				pb--;
			char before = pb > ps ? t[pb - 1] : ':';
			bool utterance = strchr(",.!?", in) || strchr(",.!?:;", out) || before == ':';
			if (!utterance || (words < 4 && k + 1 < n && m[k + 1].os - m[k].ce < 100 &&
					   !strchr(",.!?", in) && before != ':')) {
				if (mixed_quote(c, m[k].os, m[k].ce, next_q, after, v, vlen, &speaker, &role))
					return -1;
				continue;
			}
		}
		/* a short quote is speech only when the verb touches it */
		if (words < 4 && !after && (v == (size_t)-1 || m[k].os - (v + vlen) > 20) &&
		    !(k + 1 < n && m[k + 1].os - m[k].ce < 100)) {
			if (mixed_quote(c, m[k].os, m[k].ce, next_q, after, v, vlen, &speaker, &role))
				return -1;
			continue;
		}
		if (!attributed && words < 6) {
			continue; /* a scare-quoted word or title */
		}
		if (!attributed && words >= 6 && !speaker && c->last_speaker) {
			/* continuing speech: the speaker quoted just before */
			if (c->a->n_quotes && c->a->quotes[c->a->n_quotes - 1].end + 400 > m[k].os)
				speaker = rv_strdup(c->last_speaker);
		}
		if (!attributed && words < 6)
			continue;
		/* «…», a-t-il déclaré, «…»: one quotation */
		size_t qs = cs, qe = ce, qend = m[k].ce;
		rv_buf b;
		rv_buf_init(&b, 1 << 20);
		if (rv_buf_append(&b, t + cs, ce - cs)) {
			free(speaker);
			free(role);
			return -1;
		}
		for (;;) {
			if (k + 1 >= n || m[k + 1].os - m[k].ce > 100)
				break;
			size_t l2;
			size_t v2 = find_verb(t, m[k].ce, m[k + 1].os, &l2);
			if (v2 == (size_t)-1 || count_words(t, m[k].ce, m[k + 1].os) > 8)
				break;
			/* "…,” and then tweeted that she was “…”": what follows "that" is
			 * reported content, and "and" starts a clause of its own; an
			 * attribution between two halves of one quote has neither */
			if (word_in(t, m[k].ce, m[k + 1].os,
				    (const char *const[]){"that", "and", "que", "et", NULL}) != (size_t)-1)
				break;
			/* "«…», a déclaré X. «…», a dit Y": a sentence ends between
			 * them and the next quote has an attribution of its own, so it
			 * is a quotation of its own ("“…,” he said. “…”" goes on) */
			size_t gap_end = m[k + 1].os;
			while (gap_end > m[k].ce && t[gap_end - 1] == ' ')
				gap_end--;
			size_t stop = (size_t)-1;
			for (size_t g = m[k].ce; g < gap_end && stop == (size_t)-1; g++)
				if (strchr(".!?", t[g]) && !(t[g] == '.' && abbrev_dot(t, m[k].ce, g)))
					stop = g;
			/* "«…». Le ministre a répondu : «…»": the verb after the stop
			 * introduces the next quote */
			if (stop != (size_t)-1 && find_verb(t, stop, gap_end, &l2) != (size_t)-1)
				break;
			if (stop != (size_t)-1) {
				size_t after_next = k + 2 < n ? m[k + 2].os : pe, l3;
				size_t v3 = find_verb(t, m[k + 1].ce, sentence_end(t, m[k + 1].ce, after_next), &l3);
				if (v3 != (size_t)-1 && v3 - m[k + 1].ce < 40)
					break;
			}
			k++;
			if (rv_buf_putc(&b, ' ') || rv_buf_append(&b, t + m[k].oe, m[k].cs - m[k].oe)) {
				rv_buf_release(&b);
				free(speaker);
				free(role);
				return -1;
			}
			qe = m[k].cs;
			qend = m[k].ce;
		}
		(void)qe;
		int rc = add_quote(c, m[k].os > qs ? qs - 1 : qs, qend, rv_buf_str(&b), b.len, speaker, role);
		rv_buf_release(&b);
		if (rc)
			return -1;
	}
	return 0;
}

static bool that_at(const char *t, size_t a, size_t e)
{
	return word_at(t, a, e, "that") || word_at(t, a, e, "que") || word_at(t, a, e, "qu'") ||
	       (a + 5 <= e && !strncasecmp(t + a, "qu\xe2\x80\x99", 5));
}

/* "In the coming months, Trump said he would …": the content follows the
 * verb when "that" does or when a clause longer than an attribution does.
 * A comma and "as", "while", "alors que" within the first words after the
 * verb close an inverted attribution ("…, the port authority said, as the
 * storm …", "…, a indiqué la compagnie, alors que …"): what follows is the
 * writer's clause. ("…, he said, when she …" may be speech: not taken.) */
static bool content_after(const char *t, size_t a, size_t e)
{
	static const char *const writer_clause[] = { "as", "while", "whereas", "alors", "tandis",
						     NULL };
	a = skip_space(t, a, e);
	if (that_at(t, a, e))
		return true;
	size_t words = 0;
	for (size_t i = a; i < e && words <= 5; i++) {
		if (clause_comma(t, a, e, i)) {
			size_t w = skip_space(t, i + 1, e);
			if (in_words(t, w, w + word_len_at(t, w, e), writer_clause))
				return false;
			break;
		}
		if (is_word_byte((unsigned char)t[i]) && (i == a || !is_word_byte((unsigned char)t[i - 1])))
			words++;
	}
	return count_words(t, a, e) > 8;
}

/* "Senator Paula Grant, who chairs the committee, said …": the sentence opens
 * with its subject, set off by an apposition that ends at the verb; the
 * words before the verb are not the content. */
static bool apposition_subject(const ctx *c, size_t s, size_t v)
{
	const char *t = c->t;
	size_t x = v;
	while (x > s && t[x - 1] == ' ')
		x--;
	if (x <= s || t[x - 1] != ',')
		return false;
	span nm;
	if (!find_name(c, s, x, s, false, &nm) || nm.s != s)
		return false;
	size_t k = skip_space(t, nm.e, x);
	return k < x && t[k] == ',';
}

size_t rv__us_state_abbreviation_length(const char *t, size_t i, size_t e)
{
	/* AP style; the eight states it never shortens (Alaska, Hawaii, Idaho,
	 * Iowa, Maine, Ohio, Texas, Utah) are names like any other. "Tex." and
	 * "D.C." are older or local datelines' habits. */
	static const char *const states[] = {
		"Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.",
		"Ill.", "Ind.", "Kan.", "Ky.", "La.", "Md.", "Mass.", "Mich.", "Minn.",
		"Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.",
		"N.C.", "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.",
		"Tex.", "Vt.", "Va.", "Wash.", "W.Va.", "W. Va.", "Wis.", "Wyo.", "D.C.",
	};
	for (size_t k = 0; k < sizeof states / sizeof *states; k++) {
		size_t n = strlen(states[k]);
		/* "Ill.," or "Ill. (AP)", not the start of "Ill.-based" */
		if (n <= e - i && !memcmp(t + i, states[k], n) &&
		    (i + n == e || !is_word_byte((unsigned char)t[i + n])))
			return n;
	}
	return 0;
}

/* Whether t[s..e) is one to max words, each starting with a capital
 * ("CEDAR GROVE", "Winston-Salem"): a place's name, not a clause. */
static bool capitalised_words(const char *t, size_t s, size_t e, size_t max)
{
	size_t words = 0;
	for (size_t i = skip_space(t, s, e); i < e; i = skip_space(t, i, e)) {
		if (++words > max || !upper_at(t, i, e))
			return false;
		while (i < e && t[i] != ' ')
			i++;
	}
	return words > 0;
}

/* Reported speech in the sentences of a paragraph not already quoted. */
/* "VAUCLAIR, July 22 (ACP) - ", "PARIS (Reuters) — ", "LONDON, Feb. 3 --":
 * a wire dateline opening the sentence at s is where the story was filed,
 * not what anyone said. The index after it, or s. It is a dateline when
 * the first dash within a few words follows an agency in parentheses, a
 * place, a comma, a month and a day, or a place, a comma and a US state
 * ("SPRINGFIELD, Ill. - "). */
size_t rv__dateline_end(const char *t, size_t s, size_t e)
{
	size_t lim = s + 80 < e ? s + 80 : e;
	for (size_t i = s + 2; i + 3 < lim; i++) {
		if (t[i] != ' ')
			continue;
		size_t dash = 0;
		if (t[i + 1] == '-')
			dash = t[i + 2] == '-' ? 3 : t[i + 2] == ' ' ? 2 : 0;
		else if (i + 4 < lim && (!memcmp(t + i + 1, "\xe2\x80\x94", 3) || !memcmp(t + i + 1, "\xe2\x80\x93", 3)))
			dash = 4;
		if (!dash)
			continue;
		if (count_words(t, s, i) > 8)
			return s;
		bool agency = t[i - 1] == ')' && memchr(t + s, '(', i - s);
		/* "SPRINGFIELD, Ill. - ": a place, a comma and its state alone */
		const char *first_comma = memchr(t + s, ',', i - s);
		size_t state_at = first_comma ? skip_space(t, (size_t)(first_comma - t) + 1, i) : i;
		size_t state = rv__us_state_abbreviation_length(t, state_at, i);
		bool placed = state && skip_space(t, state_at + state, i) == i &&
			      capitalised_words(t, s, (size_t)(first_comma - t), 4);
		bool dated = false;
		for (const char *comma = memchr(t + s, ',', i - s); comma && !dated;
		     comma = memchr(comma + 1, ',', (size_t)(t + i - comma - 1))) {
			size_t w = skip_space(t, (size_t)(comma - t) + 1, i);
			dated = rv_month_and_day_length(t + w, word_len_at(t, w, i), i - w) > 0;
		}
		return agency || dated || placed ? skip_space(t, i + dash, e) : s;
	}
	return s;
}

static int reported_speech(ctx *c, size_t ps, size_t pe, size_t first_q)
{
	const char *t = c->t;
	size_t s = ps;
	while (s < pe) {
		s = skip_space(t, s, pe);
		size_t e = sentence_end(t, s, pe);
		if (e <= s)
			break;
		if (covered(c->a, s, e, first_q) || count_words(t, s, e) < 5) {
			s = e;
			continue;
		}
		size_t vlen;
		size_t v = find_verb(t, s, e, &vlen);
		if (v == (size_t)-1) {
			s = e;
			continue;
		}
		char *speaker = NULL, *role = NULL;
		if (speaker_near(c, s, e, v, vlen, &speaker, &role))
			return -1;
		size_t cs, ce;
		bool according = word_at(t, v, e, "according to") || word_at(t, v, e, "selon") ||
				 word_at(t, v, e, "d'après");
		size_t before_words = count_words(t, s, v);
		if (according && before_words <= 1) {
			/* "According to X, content." */
			cs = v;
			while (cs < e && !clause_comma(t, s, e, cs))
				cs++;
			cs = cs < e ? cs + 1 : v + vlen;
			ce = e;
		} else if (before_words >= 5 && (according || v - s > 20) &&
			   (memchr(t + s, ',', v - s) || according) &&
			   (according || !content_after(t, v + vlen, e)) &&
			   (according || !apposition_subject(c, s, v))) {
			/* "Content, X said." / "Content, according to X." */
			cs = rv__dateline_end(t, s, v);
			ce = v;
			/* "according to" starts its attribution; "X said" has its
			 * subject between the comma and the verb */
			while (!according && ce > s && !clause_comma(t, s, e, ce - 1))
				ce--;
			if (ce <= s + 10)
				ce = v;
			/* "… his father's (with an important exception, friends say: …)":
			 * the aside holds both the words and their attribution */
			for (size_t p = ce; p > s; p--)
				if (t[p - 1] == ')')
					break;
				else if (t[p - 1] == '(') {
					cs = p;
					break;
				}
			/* "… blamed the video while — according to emails … — knowing …":
			 * an aside, not an attribution of what comes before it */
			size_t d = v;
			while (d > s && t[d - 1] == ' ')
				d--;
			if (according && (t[d - 1] == '(' ||
					  (d >= s + 3 && (!memcmp(t + d - 3, "\xe2\x80\x94", 3) ||
							  !memcmp(t + d - 3, "\xe2\x80\x93", 3))))) {
				free(speaker);
				free(role);
				s = e;
				continue;
			}
			/* the attribution after the comma is short ("X said"), the
			 * content before it is a clause, not a name and its apposition */
			if (!according && count_words(t, ce, v) > 5) {
				free(speaker);
				free(role);
				s = e;
				continue;
			}
		} else {
			/* "X said (that) content." */
			cs = skip_space(t, v + vlen, e);
			/* "told reporters (that) …", "told the BBC on Monday that …",
			 * "a déclaré à l'AFP que …": whom it was said to is not what
			 * was said */
			size_t ad = addressee_end(c, v, vlen, cs, e);
			if (ad > cs || in_words(t, v, v + vlen,
						(const char *const[]){ "told", "tells", "tell", NULL }))
				cs = that_after_addressee(t, ad, e);
			if (cs == ad)
				cs = skip_space(t, ad, e);
			/* "told the Daily News, tax relief is …": the words never open
			 * with a comma */
			if (cs < e && t[cs] == ',')
				cs = skip_space(t, cs + 1, e);
			bool that = false;
			if (word_at(t, cs, e, "that") || word_at(t, cs, e, "que")) {
				cs = skip_space(t, cs + 4 - (t[cs] == 'q' || t[cs] == 'Q'), e);
				that = true;
			} else if (word_at(t, cs, e, "qu'") || !strncmp(t + cs, "qu\xe2\x80\x99", 5)) {
				cs += t[cs + 2] == '\'' ? 3 : 5;
				that = true;
			}
			/* "reiterated to ABC News that, in retrospect, …" */
			if (that && cs < e && t[cs] == ',')
				cs = skip_space(t, cs + 1, e);
			/* "has charged the campaign", "shows": not speech without "that" */
			if (!that && !core_verb(t, v, vlen)) {
				free(speaker);
				free(role);
				s = e;
				continue;
			}
			ce = e;
		}
		while (ce > cs && (t[ce - 1] == '.' || t[ce - 1] == ' ' || t[ce - 1] == ','))
			ce--;
		if (count_words(t, cs, ce) >= 4 && (speaker || according)) {
			if (add_quote(c, cs, ce, t + cs, ce - cs, speaker, role))
				return -1;
		} else {
			free(speaker);
			free(role);
		}
		s = e;
	}
	return 0;
}

int rv_find_quotes(rv_article *a, rv_error *err)
{
	if (!a->text)
		return RV_OK;
	/* work on a copy where no-break and thin spaces are plain spaces (same
	 * byte length, so offsets hold): the byte-level word scans need it */
	size_t len = strlen(a->text);
	char *norm = malloc(len + 1);
	if (!norm)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	memcpy(norm, a->text, len + 1);
	for (size_t i = 0; i + 1 < len; i++) {
		unsigned char b0 = (unsigned char)norm[i], b1 = (unsigned char)norm[i + 1];
		if (b0 == 0xC2 && b1 == 0xA0) {
			norm[i] = norm[i + 1] = ' ';
		} else if (b0 == 0xE2 && b1 == 0x80 && i + 2 < len &&
			   ((unsigned char)norm[i + 2] == 0xAF || (unsigned char)norm[i + 2] == 0x89 ||
			    (unsigned char)norm[i + 2] == 0x8A)) {
			norm[i] = norm[i + 1] = norm[i + 2] = ' ';
		}
	}
	ctx c = {a, norm, len, NULL, {(size_t)-1, 0, 0, 0}};
	size_t ps = 0;
	while (ps < c.len) {
		size_t pe = ps;
		while (pe < c.len && c.t[pe] != '\n')
			pe++;
		size_t first_q = a->n_quotes;
		if (pe > ps && (direct_quotes(&c, ps, pe) || reported_speech(&c, ps, pe, first_q))) {
			free(norm);
			return rv_fail(err, RV_ENOMEM, "out of memory");
		}
		ps = pe + 1;
	}
	free(norm);
	return RV_OK;
}
