/* facts.h - keys that let facts from different articles and languages meet
 * (used by the story views). */
#ifndef RV_FACTS_H
#define RV_FACTS_H

#include <stddef.h>

/* The class of what a figure counts, so "soldats", "militaires", "troops"
 * and "soldiers" meet ("soldiers"); other nouns are folded and singularised
 * ("personnes" -> "personne"). Writes into out (cap bytes); returns the
 * length (0 for NULL or empty units). */
size_t rv_figure_unit_key(const char *unit, char *out, size_t cap);

/* True when two figures (value..value_max) may report the same quantity:
 * ranges overlap or values are within a factor of 1.5. */
int rv_figure_compatible(double v1, double m1, double v2, double m2);

#endif
