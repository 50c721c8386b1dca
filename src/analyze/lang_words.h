/* lang_words.h - the word lists behind language identification (lang.c).
 *
 * For each language scored by n-grams: its most frequent function words,
 * written by hand (space separated, lower case, NFC). They decide what
 * character n-grams leave close: a short sentence in Portuguese or Galician
 * looks alike letter by letter, but "não", "uma" and "pelo" do not.
 */
#ifndef RV_LANG_WORDS_H
#define RV_LANG_WORDS_H

struct rv__lang_words {
	const char *code;  /* ISO 639-1 */
	const char *words; /* space separated */
};

extern const struct rv__lang_words rv__lang_words[];
extern const unsigned rv__lang_words_count;

#endif
