/* entities.c - named entities in a text, with their surface variants folded.
 *
 * Rules over capitalised word runs, a hand-written gazetteer (ner_gazetteer.c)
 * and lists derived from CC0 / CC BY training data (ner_lexicon.h, made by
 * tools/ner/build_lexicon.py): whole names with their usual type, and per
 * word how often it is lower case, a capitalised common word, or part of a
 * person, organisation, place or other name. A run is typed by the first
 * evidence that speaks: gazetteer, known name, keywords ("Université",
 * "River"), a title before it ("M.", "Secretary of State"), the votes of its
 * words, the preposition before it, and its shape.
 */
#include "analyze/analyze.h"
#include "analyze/ner_lexicon.h"
#include "analyze/ner_names.h"
#include "analyze/ner_typer.h"
#include "analyze/ner_wordnet.h"

#include "core/date.h"
#include "core/utf8.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { T_PER, T_ORG, T_LOC, T_MISC, T_NONE };
static const char *const type_names[] = {"person", "organization", "location", "other"};

enum { K_WORD, K_NUM, K_PUNCT };
enum { F_CAP = 1, F_UPPER = 2, F_START = 4, F_DOT = 8 };

typedef struct tok {
	uint32_t s, e;
	uint8_t kind;
	uint8_t flags;
} tok;

#define MAX_TOKENS 200000
#define KEY_MAX 256

/* ---- word lists ---- */

/* Hash indexes over the generated tables, built once. */
static rv__strindex ix_words, ix_spans, ix_feats, ix_wn, ix_wnc;
static pthread_once_t ix_once = PTHREAD_ONCE_INIT;

static void ix_build(void)
{
	rv__strindex_build(&ix_words, rv__ner_words, sizeof rv__ner_words / sizeof *rv__ner_words,
			   sizeof *rv__ner_words);
	rv__strindex_build(&ix_spans, rv__ner_spans, sizeof rv__ner_spans / sizeof *rv__ner_spans,
			   sizeof *rv__ner_spans);
	rv__strindex_build(&ix_feats, rv__ner_feats, sizeof rv__ner_feats / sizeof *rv__ner_feats,
			   sizeof *rv__ner_feats);
	rv__strindex_build(&ix_wn, rv__ner_wn, sizeof rv__ner_wn / sizeof *rv__ner_wn, sizeof *rv__ner_wn);
	rv__strindex_build(&ix_wnc, rv__ner_wn_common, sizeof rv__ner_wn_common / sizeof *rv__ner_wn_common,
			   sizeof *rv__ner_wn_common);
}

/* A common noun of WordNet ("raw", "halo"). */
static bool wordnet_common(const char *key)
{
	pthread_once(&ix_once, ix_build);
	return rv__strindex_find(&ix_wnc, key) >= 0;
}

/* A common noun of WordNet or its English plural ("tensions", "casualties", "boxes"). */
static bool english_common_noun(const char *key)
{
	if (wordnet_common(key))
		return true;
	size_t n = strlen(key);
	if (n < 4 || n >= KEY_MAX || key[n - 1] != 's' || key[n - 2] == 's')
		return false;
	char w[KEY_MAX];
	memcpy(w, key, n + 1);
	w[n - 1] = '\0';
	if (wordnet_common(w))
		return true;
	if (n > 4 && !strcmp(key + n - 3, "ies")) {
		memcpy(w + n - 3, "y", 2);
		return wordnet_common(w);
	}
	if (key[n - 2] == 'e') {
		w[n - 2] = '\0';
		return wordnet_common(w);
	}
	return false;
}

/* French spellings of the classical and historical people English spells otherwise
 * ("Plutarque" Plutarch, "Platon" Plato, "Aristote" Aristotle, "Pompée" Pompey, "Tacite"
 * Tacitus, "Arrien" Arrian): one French ending rewritten to the English one, kept when
 * WordNet then knows a person. Defined below. */
static bool french_exonym_person(const char *key);

/* The type WordNet gives a proper name (ner_wordnet.h), or T_NONE. */
static int wordnet_type(const char *key)
{
	pthread_once(&ix_once, ix_build);
	long i = rv__strindex_find(&ix_wn, key);
	if (i < 0)
		return T_NONE;
	switch (rv__ner_wn[i].t) {
	case 'P': return T_PER;
	case 'O': return T_ORG;
	case 'L': return T_LOC;
	default: return T_MISC;
	}
}

static const unsigned char *word_counts(const char *key)
{
	pthread_once(&ix_once, ix_build);
	long i = rv__strindex_find(&ix_words, key);
	return i >= 0 ? rv__ner_words[i].n : NULL;
}

static int span_type(const char *key)
{
	pthread_once(&ix_once, ix_build);
	long i = rv__strindex_find(&ix_spans, key);
	return i >= 0 ? rv__ner_spans[i].type : T_NONE;
}

static bool in_list(const char *key, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(key, *list))
			return true;
	return false;
}

/* Capitalised at a sentence start but never a name on their own. */
static const char *const function_words[] = {
	"le", "la", "les", "l'", "un", "une", "des", "du", "de", "d'", "ce", "cet", "cette", "ces",
	"il", "elle", "ils", "elles", "on", "nous", "vous", "je", "j'", "dans", "pour", "par", "sur",
	"mais", "et", "ou", "en", "au", "aux", "a", "apres", "avant", "selon", "depuis", "lors",
	"quand", "si", "son", "sa", "ses", "leur", "leurs", "notre", "nos", "mon", "ma", "mes",
	"qui", "que", "quoi", "dont", "ou", "c'", "qu'", "s'", "n'", "ne", "pas", "tout", "tous",
	"toute", "toutes", "comme", "aussi", "ainsi", "alors", "puis", "enfin", "cependant",
	"pourtant", "toutefois", "entre", "contre", "vers", "chez", "sans", "sous", "avec",
	"the", "an", "in", "on", "at", "of", "to", "for", "from", "by", "with", "it", "he", "she",
	"they", "we", "i", "you", "this", "that", "these", "those", "his", "her", "their", "its",
	"our", "my", "your", "however", "after", "before", "during", "when", "while", "if",
	"but", "and", "or", "as", "since", "although", "though", "there", "here", "what", "which",
	"who", "whom", "where", "why", "how", "all", "some", "many", "most", "other", "such",
	"then", "also", "both", "each", "every", "no", "not", "yes", "one", "two", "three",
	"le", "lui", "eux", "cela", "ceci", "celui", "celle", "ceux", "plusieurs", "certains",
	"certaines", "parmi", "durant", "pendant", "malgre", "grace", "afin", "tandis", "lorsque",
	"puisque", "bien", "tres", "plus", "moins", "deja", "encore", "toujours", "jamais",
	"unlike", "besides", "despite", "among", "amongst", "within", "without", "throughout",
	"upon", "until", "unless", "whereas", "whether", "because", "following", "according",
	"toward", "towards", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless",
	"instead", "thus", "hence", "therefore", "additionally", "currently", "initially",
	"eventually", "finally", "originally", "previously", "subsequently", "recently", NULL,
};

static const char *const months_days[] = {
	"january", "february", "march", "april", "may", "june", "bc", "bce", "ad", "tv", "dvd",
	"cd", "ok", "web", "mr", "mrs", "ms", "july", "august", "september",
	"october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
	"friday", "saturday", "sunday", "janvier", "fevrier", "mars", "avril", "mai", "juin",
	"juillet", "aout", "septembre", "octobre", "novembre", "decembre", "lundi", "mardi",
	"mercredi", "jeudi", "vendredi", "samedi", "dimanche", NULL,
};

/* Words before a name that make it a person, dropped from the name. */
static const char *const titles[] = {
	"m", "mm", "mme", "mmes", "mlle", "mr", "mrs", "ms", "dr", "prof", "sir", "dame", "lord",
	"president", "presidente", "secretary", "minister", "ministre", "senator", "senateur",
	"sen", "rep", "gov", "governor", "gouverneur", "general", "gen", "col", "colonel",
	"capt", "captain", "capitaine", "lt", "sgt", "pope", "pape", "king", "queen", "roi", "reine",
	"prince", "princess", "princesse", "chancellor", "chancelier", "chanceliere", "judge",
	"juge", "mayor", "maire", "prefet", "prefete", "ambassador", "ambassadeur", "ambassadrice",
	"cardinal",
	"father", "pere", "herr", "frau", "senor", "premier", "spokesman",
	"spokeswoman", "porte-parole", "commissioner", "commissaire", "chief", "chef", "director",
	"directeur", "directrice", "professor", "professeur", "maitre", "me", "docteur", "emperor",
	"empereur", "imperatrice", "admiral", "amiral", "sheikh", "cheikh", "ayatollah", "prime",
	"duke", "duchess", "duc", "duchesse", "baron", "baronne", "marquis", "lady",
	"member", "members", "fellow", "fellows", "chairman", "chairwoman", "companion", "leader",
	"presidents", "ambassadors", "manager", "marshal", "kaiser", NULL,
};

static const char *const org_words[] = {
	"inc", "corp", "corporation", "ltd", "llc", "plc", "sa", "gmbh", "ag", "co", "company",
	"compagnie", "group", "groupe", "university", "universite", "universitat", "universidad",
	"college", "school", "ecole", "institute", "institut", "academy", "academie", "party",
	"parti", "ministry", "ministere", "department", "bank", "banque", "association", "club",
	"fc", "records", "airlines", "airways", "council", "conseil", "committee", "comite",
	"commission", "agency", "agence", "league", "ligue", "federation", "army", "armee",
	"navy", "force", "forces", "assembly", "assemblee", "parliament", "parlement", "court",
	"cour", "tribunal", "church", "eglise", "foundation", "fondation", "society", "societe",
	"union", "syndicat", "network", "reseau", "television", "radio", "press", "news",
	"times", "journal", "studios", "studio", "entertainment", "pictures", "motors",
	"industries", "technologies", "systems", "services", "orchestra", "orchestre", "band", "team", "equipe", "senate", "senat", "congress",
	"congres", "government", "gouvernement", "office", "bureau", "police", "guard", "garde",
	"brigade", "regiment", "division", "corps", "movement", "mouvement", "front", "alliance",
	"organisation", "organization", "organizacion", "fund", "fonds", "trust", "holdings",
	"partners", "label", "publishing", "editions", "press", "nations", "unies", "united",
	/* sports clubs: "SC Fribourg", "Dinamo Zagreb", "Werder Brême" */
	"sc", "ac", "cf", "afc", "sv", "fk", "nk", "dinamo", "dynamo", "sporting", "racing",
	"vfb", "vfl", "tsv", "tsg", "fsv", "ssv", "hc", "rfc", "bk", "ik", "hk", "sk", "ks", "rcd",
	"ud", "sd", "cd", "rc", "as",
	"olympique", "athletic", "atletico", "rovers", "wanderers", "eintracht", "borussia", "werder",
	"sparta", "spartak", "vitesse", "lokomotiv", "hotspur", "albion", "juniors",
	/* companies, services, bodies and media: "Atmos Energy", "Disney Channel" */
	"energy", "toys", "channel", "foods", "pharmaceuticals", "communications", "media",
	"software", "petroleum", "oil", "steel", "electric", "insurance", "capital", "ventures",
	"labs", "laboratories", "laboratoires", "brewery", "brewing", "railway", "railways",
	"railroad", "authority", "board", "squadron", "battalion", "bataillon", "escadrille",
	"fleet", "flotte", "marines", "seminary", "seminaire", "conservatory", "conservatoire",
	"clinic", "clinique", "magazine", "gazette", "herald", "tribune", "daily", "weekly",
	"broadcasting", "assurances", "presse", "quotidien", "hebdomadaire",
	"films", "productions", "recordings", "publications", "publishers", "airline", "aviation",
	"aerospace", "automotive", "electronics", "chemicals", "cosmetics", "telecom",
	"telecommunications", "motorsport", "liga", "sports", "interactive", "comics", "aircraft",
	"financial", "lega", NULL,
};

/* Common given names (EN, FR, DE, IT, ES, RU, AR, JA, ZH, KO), written for revue: a name of
 * two or more capitalised words that starts with one is a person. Women's names and names
 * borne by both are in female_names and unisex_names below, which count as given names too. */
static const char *const given_names[] = {
	"john", "james", "robert", "michael", "william", "david", "richard", "joseph", "thomas",
	"charles", "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul",
	"andrew", "joshua", "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward",
	"jason", "jeffrey", "ryan", "jacob", "gary", "nicholas", "eric", "jonathan", "stephen",
	"larry", "justin", "scott", "brandon", "benjamin", "samuel", "gregory", "alexander", "frank",
	"patrick", "raymond", "jack", "dennis", "jerry", "tyler", "aaron", "jose", "adam", "nathan",
	"henry", "douglas", "zachary", "peter", "kyle", "ethan", "walter", "noah", "jeremy",
	"christian", "keith", "roger", "gerald", "harold", "sean", "carl", "arthur", "lawrence",
	"dylan", "jesse", "bryan", "billy", "joe", "bruce", "gabriel", "logan", "albert", "willie",
	"alan", "juan", "wayne", "elijah", "randy", "roy", "vincent", "ralph", "eugene", "russell",
	"bobby", "mason", "philip", "louis", "harry", "howard", "fred", "ernest", "martin", "craig",
	"stanley", "shawn", "travis", "bradley", "leonard", "earl", "dale", "clarence", "tony",
	"neil", "ian", "jimmy", "jim", "tom", "bob", "bill", "mike", "steve", "dave", "nick", "matt",
	"ben", "tim", "ted", "alfred", "herbert", "hugh", "lewis", "oliver", "oscar", "max", "leo",
	"victor", "hugo", "felix", "rupert", "nigel", "graham", "colin", "stuart", "simon", "trevor",
	"barry", "clive", "derek", "julian", "adrian", "damian", "sebastian", "fabian", "maximilian",
	"cassian", "duncan", "gordon", "malcolm", "neville", "alexis", "pierre", "michel", "andre",
	"philippe", "alain", "bernard", "jacques", "christophe", "nicolas", "francois", "laurent",
	"frederic", "stephane", "pascal", "olivier", "thierry", "sebastien", "julien", "didier",
	"gerard", "antoine", "guillaume", "marc", "yves", "rene", "henri", "maurice", "georges",
	"jules", "emile", "lucien", "marcel", "gaston", "leon", "edouard", "fernand", "auguste",
	"gustave", "armand", "etienne", "benoit", "cedric", "fabien", "gilles", "herve", "jerome",
	"lionel", "mathieu", "maxime", "hans", "klaus", "jurgen", "wolfgang", "helmut", "gerhard",
	"heinrich", "friedrich", "wilhelm", "karl", "otto", "ernst", "werner", "dieter", "gunter",
	"uwe", "jorg", "stefan", "andreas", "markus", "ulrich", "rainer", "horst", "manfred",
	"giuseppe", "giovanni", "antonio", "mario", "luigi", "francesco", "angelo", "vincenzo",
	"pietro", "salvatore", "carlo", "alessandro", "marco", "luca", "matteo", "lorenzo", "roberto",
	"sergio", "massimo", "silvio", "paolo", "fabio", "carlos", "luis", "miguel", "javier",
	"manuel", "francisco", "pedro", "jorge", "alejandro", "rafael", "fernando", "pablo", "diego",
	"ramon", "enrique", "alberto", "raul", "ricardo", "eduardo", "joao", "lula", "vladimir",
	"dmitri", "sergei", "sergey", "ivan", "nikolai", "mikhail", "alexei", "alexey", "andrei",
	"boris", "yuri", "igor", "oleg", "viktor", "leonid", "anatoly", "volodymyr", "petro",
	"vitali", "mohammed", "muhammad", "mohamed", "ahmed", "ali", "hassan", "hussein", "omar",
	"abdul", "abdullah", "ibrahim", "khalid", "mahmoud", "youssef", "mustafa", "hamid", "recep",
	"bashar", "hiroshi", "takeshi", "kenji", "akira", "yuki", "haruki", "shinzo", "yoshihiko",
	"xi", "wang", "zhang", "chen", "liu", "park", "greg", "quincy", "stevie", "andy", "angus",
	"archie", "arnold", "barney", "bernie", "bert", "blake", "brad", "brett", "bruno", "bud",
	"buddy", "byron", "calvin", "cameron", "cecil", "chad", "chester", "chuck", "clark", "cliff",
	"clint", "cody", "conrad", "cornelius", "curtis", "dan", "danny", "darren", "dean", "dexter",
	"dick", "dominic", "don", "donnie", "doug", "drew", "dustin", "dwight", "eddie", "edgar",
	"edmund", "eli", "elliot", "elmer", "elton", "elvis", "emmett", "ernie", "errol", "evan",
	"ezra", "floyd", "forrest", "francis", "franklin", "freddie", "gene", "geoffrey", "gilbert",
	"glen", "glenn", "grant", "gus", "guy", "hal", "hank", "harvey", "hector", "herman", "homer",
	"horace", "hubert", "ike", "irving", "isaac", "jackie", "jake", "jared", "jay", "jeff",
	"jessie", "joel", "johnny", "jon", "jonah", "josh", "julius", "ken", "kenny", "kurt", "lance",
	"lenny", "leroy", "les", "lester", "lloyd", "lou", "lowell", "luke", "luther", "lyle",
	"marcus", "marvin", "mel", "melvin", "milton", "mitch", "monty", "morris", "murray", "myron",
	"ned", "norm", "norman", "otis", "owen", "percy", "perry", "pete", "phil", "quentin",
	"randall", "ray", "reggie", "rex", "rick", "ricky", "rob", "robbie", "rod", "rodney", "ron",
	"ronnie", "ross", "rudy", "rufus", "russ", "sammy", "seth", "sid", "sidney", "spencer",
	"stan", "teddy", "terrence", "theo", "tobias", "toby", "todd", "tommy", "troy", "ty", "vance",
	"vern", "vic", "vince", "wade", "wallace", "walt", "warren", "wes", "wesley", "wilbur",
	"will", "willis", "wilson", "woody", "zach", "alfonso", "alvaro", "andres", "cristiano",
	"emilio", "esteban", "federico", "felipe", "gonzalo", "guillermo", "ignacio", "jaime",
	"joaquin", "julio", "marcelo", "mariano", "octavio", "ruben", "santiago", "tomas", "vicente",
	"arnaud", "aurelien", "baptiste", "bertrand", "clement", "damien", "denis", "emmanuel",
	"fabrice", "florent", "gaetan", "gregoire", "hugues", "jean-claude", "jean-louis", "jean-luc",
	"jean-marc", "jean-marie", "jean-paul", "jean-pierre", "jean-yves", "jose-maria", "loic",
	"ludovic", "noel", "pierre-yves", "regis", "remi", "romain", "serge", "sylvain", "thibault",
	"tristan", "valentin", "xavier", "yann", "dietrich", "eberhard", "fritz", "gottfried",
	"gustav", "johann", "lothar", "ludwig", "matthias", "moritz", "reinhard", "rudolf",
	"siegfried", "sigmund", "volker", "haruto", "hideo", "hiro", "ichiro", "kazuo", "koji",
	"makoto", "masahiro", "naoki", "osamu", "ryu", "satoshi", "shigeru", "shinji", "takashi",
	"taro", "tetsuya", "yasuhiro", "yoshi", "yukio",
	/* given names of other languages (German, Dutch, Scandinavian, Italian, Spanish,
	 * Portuguese, Slavic, Hungarian, Turkish, Arabic, Indian, Japanese), written from
	 * general knowledge; names that are also cities ("Florence", "Milan") left out */
	"abel", "abraham", "achille", "adalbert", "adolfo", "adriaan", "adriano", "afonso",
	"agostino", "ahmad", "albrecht", "aldo", "aleksander", "aleksandr", "aleksei", "alessio",
	"alexandre", "alfredo", "alois", "alonso", "alonzo", "amadou", "amir", "amit", "amitabh",
	"ana", "andrej", "andrzej", "anil", "anselm", "antal", "anton", "antonin", "anupam", "aram",
	"archibald", "arjun", "arne", "arnulf", "arsene", "arturo", "arvid", "ashok", "augusto",
	"axel", "barnaby", "bartholomew", "bartosz", "basil", "bastian", "benedetto", "benedikt",
	"bernd", "bernhard", "bjorn", "blaise", "bogdan", "bohdan", "bohumil", "boualem", "branko",
	"burak", "caspar", "cesar", "chandra", "christof", "christoph", "claes", "claudio", "clemens",
	"colm", "constantin", "cosimo", "cristian", "csaba", "daisuke", "dario", "darius", "dawid",
	"dejan", "deniz", "desmond", "detlef", "devin", "dhruv", "dimitri", "dimitris", "dinesh",
	"dmitry", "domenico", "dominik", "dusan", "edgardo", "edoardo", "eduard", "egon", "eike",
	"einar", "eitan", "emanuele", "emil", "emre", "enrico", "enzo", "erich", "erik", "ernesto",
	"ettore", "eugen", "eugenio", "ferdinand", "filip", "filippo", "flavio", "florian", "folke",
	"franco", "franz", "frederik", "fumio", "gaspard", "gennaro", "georg", "gerardo", "giacomo",
	"gianluca", "gianni", "gilberto", "giorgio", "giulio", "graeme", "gregor", "gregorio",
	"grzegorz", "guido", "gunnar", "gustavo", "haakon", "hannes", "harald", "hasan", "hayato",
	"heiko", "heinz", "hendrik", "henrik", "hermann", "hideki", "hiroyuki", "hitoshi", "humberto",
	"ilya", "imran", "ismail", "istvan", "jacek", "jakob", "jakub", "jamal", "jana", "janusz",
	"jaroslav", "jaroslaw", "jens", "jesper", "jesus", "jiri", "joachim", "jochen", "johan",
	"johannes", "jonas", "jordi", "jorgen", "josef", "josep", "josip", "juergen", "kamal",
	"kamil", "karel", "karim", "karol", "kasper", "kazimierz", "kemal", "kenzo", "kiyoshi",
	"konrad", "konstantin", "krishna", "kristian", "krzysztof", "lamine", "lars", "laszlo",
	"leandro", "leif", "leonardo", "leopold", "luc", "lucas", "luciano", "lukas", "lukasz",
	"manoj", "marcos", "marek", "mariusz", "marko", "mateusz", "mattias", "maurizio", "maxim",
	"mehmet", "michal", "mikael", "miklos", "milos", "mirko", "miroslav", "mohammad", "niels",
	"nikita", "nikola", "nikolaos", "nils", "norbert", "octave", "olaf", "osman", "pavel",
	"pawel", "philipp", "pierluigi", "piero", "piet", "pieter", "piotr", "pradeep", "prakash",
	"pramod", "pranab", "radek", "radu", "rafal", "raffaele", "raimund", "rajesh", "rajiv",
	"rakesh", "raoul", "reinhold", "riccardo", "rik", "rocco", "rodrigo", "roland", "rolf",
	"romano", "rui", "ryszard", "samir", "sandro", "severin", "soren", "stanislas", "stanislav",
	"stanislaw", "stefano", "steffen", "sunil", "sven", "terence", "thilo", "thorsten", "tiago",
	"tibor", "timo", "tomasz", "torsten", "umberto", "urs", "valery", "vasily", "vito",
	"vittorio", "vladislav", "walther", "wiktor", "wilfried", "willem", "wojciech", "yannick",
	"yoshiro", "yusuf", "yvan", "zbigniew", "zdenek", "zoltan",
	/* more English ones (names that are also towns or common surnames first, such as
	 * "Austin", "Kent", "Nelson", "Marshall", left out) */
	"alastair", "alec", "allan", "allen", "alvin", "ambrose", "amos", "bertram", "brendan",
	"brent", "clifford", "cyril", "darryl", "duane", "edwin", "frederick", "gareth", "garrett",
	"garth", "gavin", "jarvis", "kelvin", "kirk", "merle", "micah", "nathaniel", "neal",
	"orville", "randolph", "reginald", "rudolph", "shane", "shaun", "silas", "solomon", "stewart",
	"theodore", "vernon", "wilfred", "willard", "wyatt",
	/* short and familiar forms (session 6; "Kerry", "Trent", "Lynn", "Rocky" are places too) */
	"nate", "kiefer", "wilf", "alf", "freddy", "zack", "zak", "jimmie", "jody", "joey", "johnnie",
	"kris", "lonnie", "marty", "mickey", "nicky", "ollie", "ozzie", "quinn", "rhett", "richie",
	"roscoe", "royce", "rusty", "scotty", "sonny", "sully", "timmy", "tommie", "trey", "tyrone",
	"vaughn", "wally", "wendell", "willy", "zeke",
	NULL,
};

static const char *const loc_words[] = {
	"river", "riviere", "fleuve", "lake", "lac", "mount", "mont", "mountain", "mountains",
	"montagne", "montagnes", "island", "islands", "ile", "iles", "county", "comte", "street",
	"rue", "avenue", "boulevard", "road", "city", "ville", "province", "region", "state",
	"etat", "valley", "vallee", "bay", "baie", "gulf", "golfe", "sea", "mer", "ocean",
	"desert", "forest", "foret", "park", "parc", "square", "place", "bridge", "pont",
	"station", "gare", "airport", "aeroport", "port", "canal", "strait", "cape",
	"cap", "peninsula", "peninsule", "district", "departement", "canton", "commune",
	"village", "town", "stadium", "stade", "arena", "castle", "chateau", "cathedral",
	"cathedrale", "abbey", "abbaye", "palace", "palais", "tower", "tour", "empire", "kingdom",
	"royaume", "republic", "republique", "sultanate", "sultanat", "caliphate", "califat",
	"emirate", "emirat", "duchy", "duche", "principality", "principaute",
	/* buildings and grounds are places ("British Museum", "Staples Center"); not "hall",
	 * a surname too */
	"museum", "musee", "hospital", "hopital", "theatre", "theater", "hotel", "oval", "center",
	"centre", "cemetery", "cimetiere", "memorial", "garden", "gardens", "jardin", "library",
	"bibliotheque", "mosque", "mosquee",
	/* roads, mostly numbered ("Interstate 93", "U.S. Route 30", "Highway 401") */
	"route", "interstate", "highway", "motorway", "freeway", "expressway", "autoroute",
	/* land and water features and grounds ("Amazon Basin", "Hoover Dam", "Monarch
	 * Wilderness", "Carlisle Grounds", "Morrison Formation") */
	"basin", "dam", "canyon", "cave", "caves", "beach", "wilderness", "reserve", "hemisphere",
	"krai", "oblast", "trail", "range", "ground", "grounds", "formation", "area", "creek",
	"corridor", "triangle", "fort", "stadio", "estadio", "greater", "caverns", "cavern", "mine",
	"peak", "peaks", "passage", "harbor", "harbour", "municipality", "manor", "arboretum",
	"coast", "parkway", "archipelago", "shelf", "preserve", "plateau", "priory", "plain",
	"meadows", "fortress", "turnpike", "mansion", "stadion", "site", "facility", "shipyard",
	"strip", NULL,
};

static const char *const misc_words[] = {
	"war", "guerre", "cup", "coupe", "award", "awards", "prix", "festival", "championship",
	"championnat", "games", "jeux", "olympics", "olympiques", "trophy", "trophee", "open",
	"series", "serie", "tour", "grand", "act", "treaty", "traite", "revolution", "battle",
	"bataille", "world", "mondial", "mondiale", "album", "edition", "expo", "day", "jour",
	"bowl", "league", "prize", "medal", "medaille", "oscar", "oscars", "grammy", "emmy",
	"bible", "coran", "torah", "christmas", "noel", "easter", "paques", "wars", "tournament",
	"regatta", "marathon", "handicap", "coppa", "copa", "trial", "acts", "agreement", "revolt",
	"awakening", "codex", "honours", "operation", "language", "testament", NULL,
};

static const char *const loc_preps[] = {
	"a", "en", "au", "aux", "in", "at", "from", "near", "vers", "pres", "to", "into",
	"across", "throughout", "outside", "inside", "dans", NULL,
};

static const char *const connectors[] = {
	"de", "du", "des", "d'", "of", "von", "van", "der", "den", "di", "da", "del", "della",
	"y", "al", "bin", "ben", "la", "le", "les", "the", "&", "sur",
	"de la", "l'", "el", "do", "dos", "das", "zu", "ibn", NULL,
};

/* One hash set over the word lists above: word -> bit per list. */
enum {
	L_FUNCTION = 1, L_MONTHS = 2, L_TITLES = 4, L_ORG = 8, L_LOC = 16, L_MISC = 32,
	L_LOCPREP = 64, L_CONNECTOR = 128, L_LHEAD = 256, L_FRHEAD = 512, L_FRADJ = 1024,
	L_FRNOUN = 2048, L_GIVEN = 4096,
	/* cue words around a name, by the type they point to */
	L_CUE_PER = 8192, L_CUE_LOC = 16384, L_CUE_ORG = 32768, L_CUE_MISC = 65536,
	/* nouns after a name: of science named after people, of a town's club */
	L_EPONYM = 131072, L_CLUB = 262144,
	/* football words of English text; team nicknames that are no plurals */
	L_SPORTS_EN = 524288, L_TEAM = 1048576,
	/* given names mostly women's (pronoun agreement in quotes.c) */
	L_FEMALE = 2097152, L_UNISEX = 4194304,
	/* German function words */
	L_DEFUNC = 8388608,
	L_COMPASS = 16777216,
	/* cue words of the name after "of", "de", "at" only */
	L_CUE_OF_LOC = 33554432, L_CUE_OF_ORG = 67108864,
};

/* French institutional and geographic names go on in lower case after their
 * head: "Ligue nationale de hockey", "Empire ottoman", "Mer noire". */
static const char *const fr_heads[] = {
	"ligue", "empire", "revolution", "guerre", "republique", "comite", "conseil", "parti",
	"union", "association", "federation", "societe", "academie", "jeux", "coupe", "ocean",
	"mer", "massif", "amerique", "musee", "universite", "eglise", "banque", "organisation",
	"assemblee", "cour", "championnat", "front", "mouvement", "confederation", "royaume",
	"armee", "marine", "garde", "golfe", "lac", "mont", "monts", "ile", "iles", "europe",
	"asie", "afrique", "traite", "declaration", "constitution", "communaute", "commission",
	"agence", "institut", "ecole", "compagnie", "premiere", "seconde", "deuxieme", "grande",
	"grand", "nouvelle", "haute", "basse", "moyen", "proche", "extreme", "parlement",
	"tribunal", "senat", "chambre", "ministere", "direction", "prix", "festival", "salon",
	"exposition", "bataille", "siege", "affaire", "concile", "dynastie", "regne", NULL,
};

/* The points of the compass: place words (L_LOC) that name no place by themselves at one
 * end of a name ("Hydrelec Sud", "North Calder", "Nord-Kivu"). */
static const char *const compass_points[] = {
	"north", "south", "east", "west", "nord", "sud", "est", "ouest", NULL,
};

static const char *const fr_adjectives[] = {
	"noire", "noir", "rouge", "rouges", "blanc", "blanche", "russe", "russes", "grand",
	"grande", "nord", "sud", "ouest", "majeure", "majeur", "junior", "unies", "unis", "libre",
	"democratique", "populaire", "atlantique", "pacifique", "indien", "ottoman", "romain",
	"romaine", "latine", "latin", "centrale", "central", "mondiale", "mondial", "olympique",
	"olympiques", "socialiste", "communiste", "ecologiste", "republicain", "democrate",
	"federal", "federale", "supreme", "constitutionnel", "general", "generale", "islamique",
	"arabe", "arabes", "sainte", "saint", "sacre", "germanique", "byzantin", "mineure",
	"baltique", "caspienne", "morte", NULL,
};

static const char *const fr_nouns[] = {
	"hockey", "baseball", "football", "basket-ball", "basketball", "rugby", "volley-ball",
	"handball", "tennis", "cyclisme", "ete", "hiver", "paix", "sante", "commerce", "securite",
	"defense", "justice", "culture", "cooperation", "developpement", "jeunesse", "nations",
	"droits", "homme", "travail", "energie", "independance", "liberation", "succession",
	"cent", "ans", "trente", "sept", "sciences", "arts", "lettres", "beaux-arts", NULL,
};

/* Lower-case first words of listed names ("département d'État"). */
static const char *const lower_heads[] = {
	"departement", "ministere", "maison", "conseil", "parlement", "union", "banque",
	"organisation", "commission", "fonds", "cour", "nations", "fédération", "federation",
	"pays", "ile", "bande", NULL,
};

/* Every word list above in one open-addressing table, word -> the lists
 * naming it (a bit each). Sized from the lists when built, so a longer
 * list cannot fill it. */
static struct wset_entry {
	const char *key;
	unsigned mask;
} *wset;
static size_t wset_mask;
static pthread_once_t wset_once = PTHREAD_ONCE_INIT;

static unsigned hash_str(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void wset_build(void); /* after the last list it holds */

/* The lists naming key, as bits (0: none). */
static unsigned word_lists(const char *key)
{
	pthread_once(&wset_once, wset_build);
	if (!wset)
		return 0;
	for (size_t h = hash_str(key) & wset_mask; wset[h].key; h = (h + 1) & wset_mask)
		if (!strcmp(wset[h].key, key))
			return wset[h].mask;
	return 0;
}

static bool in_set(const char *key, unsigned bit)
{
	return (word_lists(key) & bit) != 0;
}

/* ---- tokens ---- */

#define WORD_SET 4096

typedef struct scan {
	const char *text;
	size_t len;
	tok *t;
	size_t n, cap;
	uint32_t *lower;     /* hashes of the words written in lower case (note_words) */
	uint32_t *capital;   /* and of those written with a capital inside a sentence */
	struct kcache *kc;   /* folded token keys, computed once each (NULL: fold every time) */
	const char *lang;    /* "en|" when the text is English (the model has a prior of its own
			      * for it), else NULL */
	bool french;
	bool noun_caps;      /* the language capitalises every noun (German): a capital is no name */
} scan;

/* English text, for the rules that read English words: lang is set for English only. */
static bool english(const scan *sc)
{
	return sc->lang != NULL;
}

/* Folding is the costliest step of a lookup and the rules ask for the same token's
 * key many times: each token's key is folded once and kept in one buffer. */
typedef struct kcache {
	uint32_t *off;       /* per token: offset + 1 into buf, 0 = not folded yet */
	uint16_t *len;       /* per token: folded length, KC_NONE when it did not fit */
	char *buf;
	size_t used, cap;
} kcache;

#define KC_NONE 0xFFFFu

static int push_tok(scan *sc, size_t s, size_t e, int kind, int flags)
{
	if (sc->n == sc->cap) {
		if (sc->cap >= MAX_TOKENS)
			return -1;
		size_t nc = sc->cap ? sc->cap * 2 : 256;
		tok *p = realloc(sc->t, nc * sizeof *p);
		if (!p)
			return -1;
		sc->t = p;
		sc->cap = nc;
	}
	sc->t[sc->n++] = (tok){(uint32_t)s, (uint32_t)e, (uint8_t)kind, (uint8_t)flags};
	return 0;
}

static int32_t peek(const char *p, const char *end)
{
	return p < end ? rv_utf8_next(&p, end) : -1;
}

static bool is_apos(int32_t cp)
{
	return cp == '\'' || cp == 0x2019;
}

static bool is_elision(const char *s, size_t n)
{
	static const char *const el[] = {"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu",
					 "lorsqu", "puisqu", "quoiqu", NULL};
	char buf[8];
	if (n >= sizeof buf)
		return false;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)((s[i] >= 'A' && s[i] <= 'Z') ? s[i] + 32 : s[i]);
	buf[n] = '\0';
	return in_list(buf, el);
}

/* A lower-case word with a capital inside that names something: "easyJet", "iPhone" (the
 * capital inside a run of letters), "al-Qaeda", "el-Sisi" (after an Arabic article); not
 * "anti-American" or "non-European", adjectives. */
static bool camel_or_arabic(const char *w, size_t n)
{
	static const char *const articles[] = {"al-", "el-", "ad-", "an-", "ar-", "as-", "at-",
					       "az-", "ash-", NULL};
	for (const char *const *a = articles; *a; a++) {
		size_t al = strlen(*a);
		if (n > al && !memcmp(w, *a, al) && (unsigned char)w[al] >= 'A' && (unsigned char)w[al] <= 'Z')
			return true;
	}
	for (size_t k = 1; k < n; k++)
		if ((unsigned char)w[k] >= 'A' && (unsigned char)w[k] <= 'Z' && w[k - 1] >= 'a' && w[k - 1] <= 'z')
			return true;
	return false;
}

static int tokenize(scan *sc)
{
	const char *text = sc->text, *end = text + sc->len, *p = text;
	bool start = true;
	while (p < end) {
		const char *q = p;
		int32_t cp = rv_utf8_next(&q, end);
		if (cp < 0 || rv_cp_is_space(cp)) {
			if (cp == '\n')
				start = true;
			p = q;
			continue;
		}
		if (!rv_cp_is_alnum(cp)) {
			size_t s = (size_t)(p - text);
			if (push_tok(sc, s, (size_t)(q - text), K_PUNCT, 0))
				return -1;
			if (cp == '.' || cp == '!' || cp == '?' || cp == ':' || cp == ';' || cp == 0xAB ||
			    cp == '"' || cp == 0x201C || cp == 0x2014 || cp == 0x2013 || cp == '(' ||
			    cp == '[' || cp == 0x2022 || cp == '*')
				start = true;
			if (cp == '.' && sc->n >= 2 && sc->t[sc->n - 2].kind == K_WORD &&
			    sc->t[sc->n - 2].e == s)
				sc->t[sc->n - 2].flags |= F_DOT;
			p = q;
			continue;
		}
		/* A word: letters/digits with inner hyphens, apostrophes and dots of
		 * abbreviations (U.S.). */
		const char *ws = p;
		bool first_upper = rv_cp_is_upper(cp), digit = cp >= '0' && cp <= '9';
		bool all_upper = first_upper, has_lower = rv_cp_is_lower(cp), inner_upper = false;
		int nletters = 1;
		p = q;
		for (;;) {
			/* ASCII letters and digits, most of a word: as below, without decoding */
			unsigned char b = p < end ? (unsigned char)*p : 0;
			if (b >= 'a' && b <= 'z') {
				all_upper = false;
				has_lower = true;
				digit = false;
				nletters++;
				p++;
				continue;
			}
			if ((b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')) {
				if (b >= 'A') {
					digit = false;
					inner_upper = true;
				}
				nletters++;
				p++;
				continue;
			}
			const char *r = p;
			int32_t c = peek(r, end);
			if (c < 0)
				break;
			if (rv_cp_is_alnum(c)) {
				rv_utf8_next(&r, end);
				if (rv_cp_is_lower(c)) {
					all_upper = false;
					has_lower = true;
				} else if (rv_cp_is_upper(c)) {
					inner_upper = true;
				}
				if (!(c >= '0' && c <= '9'))
					digit = false;
				nletters++;
				p = r;
				continue;
			}
			rv_utf8_next(&r, end);
			int32_t nx = peek(r, end);
			if ((c == '-' || c == 0x2011) && nx > 0 && rv_cp_is_alnum(nx)) {
				p = r;
				continue;
			}
			/* "Black–Scholes", "Zermelo–Fraenkel", "Paris–Roubaix": an en dash between
			 * two capitalised words, without spaces, makes one name (WikiNEuRal EN: 34
			 * of 35 such pairs that hold a name are one) */
			if (c == 0x2013 && first_upper && !digit && nx > 0 && rv_cp_is_upper(nx)) {
				p = r;
				continue;
			}
			if (is_apos(c) && nx > 0 && rv_cp_is_alnum(nx)) {
				if (is_elision(ws, (size_t)(p - ws))) {
					/* l'Ontario: the elision is a word of its own */
					if (push_tok(sc, (size_t)(ws - text), (size_t)(r - text), K_WORD,
						     start ? F_START : 0))
						return -1;
					start = false;
					ws = r;
					p = r;
					const char *r2 = r;
					int32_t c2 = rv_utf8_next(&r2, end);
					first_upper = rv_cp_is_upper(c2);
					all_upper = first_upper;
					has_lower = rv_cp_is_lower(c2);
					digit = false;
					nletters = 0;
					continue;
				}
				/* English 's ends the word; O'Brien goes on */
				if ((nx == 's' || nx == 't') && !(r + 1 < end && rv_cp_is_alnum((unsigned char)r[1])))
					break;
				p = r;
				continue;
			}
			if (c == '.' && nletters == 1 && first_upper && nx > 0 && rv_cp_is_upper(nx)) {
				/* U.S., U.K.: keep the dots */
				const char *r2 = r;
				rv_utf8_next(&r2, end);
				if (r2 < end && *r2 == '.') {
					p = r2 + 1;
					nletters = 1;
					while (p + 1 < end && (unsigned char)p[0] < 0x80 &&
					       p[0] >= 'A' && p[0] <= 'Z' && p[1] == '.')
						p += 2;
					break;
				}
			}
			break;
		}
		int flags = 0;
		/* "easyJet", "iPhone", "al-Qaeda": a capital inside a word that starts in lower
		 * case makes a name too (not "pH" or "kWh") */
		if (first_upper || (inner_upper && has_lower && nletters >= 4 && rv_cp_is_lower(cp) &&
				    camel_or_arabic(ws, (size_t)(p - ws))))
			flags |= F_CAP;
		if (all_upper && nletters >= 2 && !has_lower)
			flags |= F_UPPER;
		if (start)
			flags |= F_START;
		if (push_tok(sc, (size_t)(ws - text), (size_t)(p - text), digit ? K_NUM : K_WORD, flags))
			return -1;
		start = false;
	}
	return 0;
}

/* Fold token i into the cache; false when out of memory. Apart from tok_key (and not
 * inlined in it), whose every other call finds the key there and should stay short. */
__attribute__((noinline)) static bool kcache_fill(const scan *sc, size_t i)
{
	kcache *kc = sc->kc;
	char key[KEY_MAX];
	size_t n = rv__ner_fold(sc->text + sc->t[i].s, sc->t[i].e - sc->t[i].s, key, sizeof key);
	if (!n) {
		kc->len[i] = KC_NONE;
		kc->off[i] = 1;
		return true;
	}
	if (kc->used + n + 1 > kc->cap) {
		size_t nc = kc->cap ? kc->cap * 2 : 4096;
		while (nc < kc->used + n + 1)
			nc *= 2;
		char *nb = realloc(kc->buf, nc);
		if (!nb)
			return false;
		kc->buf = nb;
		kc->cap = nc;
	}
	memcpy(kc->buf + kc->used, key, n + 1);
	kc->off[i] = (uint32_t)kc->used + 1;
	kc->len[i] = (uint16_t)n;
	kc->used += n + 1;
	return true;
}

static size_t tok_key(const scan *sc, size_t i, char *out, size_t cap)
{
	kcache *kc = sc->kc;
	if (!kc || cap > KEY_MAX || (!kc->off[i] && !kcache_fill(sc, i)))
		return rv__ner_fold(sc->text + sc->t[i].s, sc->t[i].e - sc->t[i].s, out, cap);
	/* as rv__ner_fold: 0 when the key does not fit in cap */
	if (kc->len[i] == KC_NONE || kc->len[i] >= cap) {
		if (cap)
			out[0] = '\0';
		return 0;
	}
	memcpy(out, kc->buf + kc->off[i] - 1, (size_t)kc->len[i] + 1);
	return kc->len[i];
}

static size_t span_key(const scan *sc, size_t i, size_t j, char *out, size_t cap)
{
	return rv__ner_fold(sc->text + sc->t[i].s, sc->t[j].e - sc->t[i].s, out, cap);
}

static bool is_connector(const char *key)
{
	return in_set(key, L_CONNECTOR);
}

static uint32_t key_hash(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h | 1; /* 0 marks an empty slot */
}

/* Hashes of the text's words of one kind (WORD_SET slots, open addressing): those
 * written in lower case, so a sentence-initial "Meanwhile" is common when
 * "meanwhile" occurs too; or those written with a capital inside a sentence, so a
 * sentence-initial "Luck" or "Saints" is the name the text writes elsewhere
 * ("Andrew Luck", "the Saints"). NULL when out of memory: nothing is seen. */
static uint32_t *note_words(const scan *sc, bool capitalised)
{
	char key[KEY_MAX];
	uint32_t *set = calloc(WORD_SET, sizeof *set);
	if (!set)
		return NULL;
	size_t used = 0;
	for (size_t i = 0; i < sc->n && used < WORD_SET / 2; i++) {
		if (sc->t[i].kind != K_WORD || sc->t[i].e - sc->t[i].s < 3)
			continue;
		if (capitalised ? !(sc->t[i].flags & F_CAP) || (sc->t[i].flags & (F_START | F_UPPER))
				: (sc->t[i].flags & F_CAP) != 0)
			continue;
		if (!tok_key(sc, i, key, sizeof key))
			continue;
		uint32_t h = key_hash(key);
		size_t slot = h & (WORD_SET - 1);
		while (set[slot] && set[slot] != h)
			slot = (slot + 1) & (WORD_SET - 1);
		if (!set[slot]) {
			set[slot] = h;
			used++;
		}
	}
	return set;
}

static bool word_seen(const uint32_t *set, const char *key)
{
	if (!set)
		return false;
	uint32_t h = key_hash(key);
	size_t slot = h & (WORD_SET - 1);
	while (set[slot]) {
		if (set[slot] == h)
			return true;
		slot = (slot + 1) & (WORD_SET - 1);
	}
	return false;
}

static bool seen_lower(const scan *sc, const char *key)
{
	return word_seen(sc->lower, key);
}

/* A capitalised word that starts a sentence and is a common word there. */
static bool common_at_start(const scan *sc, const char *key)
{
	if (in_set(key, L_FUNCTION))
		return true;
	char gt0;
	if (seen_lower(sc, key) && rv__ner_gaz_find(key, &gt0) < 0)
		return true;
	char t;
	if (rv__ner_gaz_find(key, &t) >= 0)
		return false;
	const unsigned char *n = word_counts(key);
	if (!n)
		return false;
	int name = n[0] + n[1] + n[2] + n[3] + n[4];
	return n[5] > name;
}

/* "Fort Baker also hosted", "Mount Hood is": the common nouns that open the names of
 * places stay in the name at a sentence start before a capitalised word, even when the text
 * writes them in lower case elsewhere ("tours of the fort"). */
static bool place_prefix(const scan *sc, size_t i, const char *key)
{
	static const char *const prefixes[] = { "fort", "mount", "lake", "cape", "port", NULL };
	return i + 1 < sc->n && sc->t[i + 1].kind == K_WORD && (sc->t[i + 1].flags & F_CAP) &&
	       !(sc->t[i + 1].flags & F_START) && sc->t[i + 1].s == sc->t[i].e + 1 && in_list(key, prefixes);
}

/* ---- the type model (ner_typer.h, tools/ner/train_typer.py) ---- */

/* f: a feature name of n bytes */
static void feat_addn(int sc[4], const char *f, size_t n)
{
	pthread_once(&ix_once, ix_build);
	long i = rv__strindex_findn(&ix_feats, f, n);
	if (i >= 0)
		for (int t = 0; t < 4; t++)
			sc[t] += rv__ner_feats[i].w[t];
}

static void feat_add(int sc[4], const char *f)
{
	feat_addn(sc, f, strlen(f));
}

/* feat_add of prefix + the first n bytes of word (snprintf was a twentieth of the pass). */
static void feat_add2(int sc[4], const char *prefix, const char *word, size_t n)
{
	char f[2 * KEY_MAX + 16];
	size_t pl = strlen(prefix);
	if (pl + n >= sizeof f)
		n = sizeof f - pl - 1;
	memcpy(f, prefix, pl);
	memcpy(f + pl, word, n);
	f[pl + n] = '\0';
	feat_addn(sc, f, pl + n);
}

/* Append s to the string of o bytes in out (cap bytes), cut as snprintf would; the new
 * length. Builds the model's feature names without a printf call each. */
static size_t append(char *out, size_t cap, size_t o, const char *s)
{
	size_t n = strlen(s);
	if (o + n >= cap)
		n = o + 1 < cap ? cap - 1 - o : 0;
	memcpy(out + o, s, n);
	out[o + n] = '\0';
	return o + n;
}

static bool is_apos_tok(const scan *sc, size_t k)
{
	const char *p = sc->text + sc->t[k].s;
	size_t n = sc->t[k].e - sc->t[k].s;
	return sc->t[k].kind == K_PUNCT && ((n == 1 && *p == '\'') || (n == 3 && !memcmp(p, "\xe2\x80\x99", 3)));
}

/* The folded word next to token i (step -1 or +1), as train_typer.py's ctx_word;
 * *at receives its index (or (size_t)-1). */
static void ctx_word(const scan *sc, size_t i, int step, char *out, size_t cap, size_t *at)
{
	long j = (long)i + step;
	while (j >= 0 && (size_t)j < sc->n && is_apos_tok(sc, (size_t)j))
		j += step;
	*at = (size_t)-1;
	if (j < 0 || (size_t)j >= sc->n) {
		append(out, cap, 0, step < 0 ? "^" : "$");
		return;
	}
	*at = (size_t)j;
	size_t n = tok_key(sc, (size_t)j, out, cap);
	while (n > 0 && out[n - 1] == '\'')
		out[--n] = '\0';
	if (!n)
		append(out, cap, 0, "_");
}

static const char *tok_shape(const scan *sc, size_t k)
{
	if (sc->t[k].kind == K_NUM)
		return "d";
	if (sc->t[k].flags & F_UPPER)
		return "X";
	if (sc->t[k].flags & F_CAP)
		return "Xx";
	return "x";
}

/* Weight x100, as the model's (measured on WikiNEuRal FR and EN: +0.004 F1 on both). */
#define LONE_WORD_PER_PENALTY 400

typedef struct mention {
	uint32_t s, e;       /* bytes of the name in the text */
	int type;
	int gaz_row;         /* gazetteer row or -1 */
	bool sure;           /* typed by a list, not a guess */
	bool guessed;        /* typed by the type model alone, no list, rule or cue */
	int score[4];        /* the model's scores when guessed */
} mention;

/* A context feature, and in a language with a prior of its own ("en|") its copy
 * for that language: the words around a name differ from language to language. */
static void ctx_feat(int sc4[4], const char *lang, const char *prefix, const char *word)
{
	feat_add2(sc4, prefix, word, strlen(word));
	if (lang) {
		char f[2 * KEY_MAX + 16];
		size_t o = append(f, sizeof f, 0, lang);
		o = append(f, sizeof f, o, prefix);
		append(f, sizeof f, o, word);
		feat_add(sc4, f);
	}
}

/* Scores of the span i..j for PER ORG LOC MISC (into score); the best type. */
static int typer(const scan *sc, size_t i, size_t j, int score[4])
{
	char f[2 * KEY_MAX + 16], w[KEY_MAX], w2[KEY_MAX];
	int sc4[4] = {0, 0, 0, 0};
	size_t at;
	feat_add(sc4, "b");
	/* the language's own prior (English: more MISC than the French training newspapers) */
	if (sc->lang)
		feat_add2(sc4, sc->lang, "b", 1);
	size_t nw = j - i + 1;
	char nf[] = "n:0";
	nf[2] = (char)('0' + (nw < 4 ? nw : 4));
	feat_add(sc4, nf);
	for (size_t k = i; k <= j; k++) {
		if (!tok_key(sc, k, w, sizeof w))
			continue;
		size_t wl = strlen(w);
		feat_add2(sc4, "w:", w, wl);
		char gt;
		if (rv__ner_gaz_find(w, &gt) >= 0) {
			char g1[2] = {gt, '\0'};
			feat_add2(sc4, "gw:", g1, 1);
		}
		if (k == i) {
			feat_add2(sc4, "f:", w, wl);
			/* first three characters (code points) */
			size_t b = 0;
			for (int c = 0; c < 3 && w[b]; c++) {
				b++;
				while (w[b] && ((unsigned char)w[b] & 0xC0) == 0x80)
					b++;
			}
			feat_add2(sc4, "p3:", w, b);
		}
		if (k == j) {
			feat_add2(sc4, "l:", w, wl);
			for (int len = 3; len <= 4; len++) {
				size_t e = wl, b = e;
				for (int c = 0; c < len && b > 0; c++) {
					b--;
					while (b > 0 && ((unsigned char)w[b] & 0xC0) == 0x80)
						b--;
				}
				feat_add2(sc4, len == 3 ? "s3:" : "s4:", w + b, e - b);
			}
		}
	}
	size_t o = append(f, sizeof f, 0, "sh:");
	for (size_t k = i; k <= j && k < i + 4; k++) {
		if (k > i)
			o = append(f, sizeof f, o, "_");
		o = append(f, sizeof f, o, tok_shape(sc, k));
	}
	feat_add(sc4, f);
	ctx_word(sc, i, -1, w, sizeof w, &at);
	ctx_feat(sc4, sc->lang, "pw:", w);
	if (at != (size_t)-1)
		ctx_word(sc, at, -1, w2, sizeof w2, &at);
	else
		append(w2, sizeof w2, 0, "^");
	o = append(f, sizeof f, 0, w2);
	o = append(f, sizeof f, o, "_");
	append(f, sizeof f, o, w);
	ctx_feat(sc4, sc->lang, "ppw:", f);
	ctx_word(sc, j, +1, w, sizeof w, &at);
	ctx_feat(sc4, sc->lang, "nw:", w);
	for (size_t k = i; k <= j; k++)
		if (memchr(sc->text + sc->t[k].s, '-', sc->t[k].e - sc->t[k].s)) {
			feat_add(sc4, "hy");
			break;
		}
	/* Lone surnames in the training newspapers mostly follow "M." or a title, which the
	 * rules settle before the model is asked: a lone word it sees is less often a person. */
	if (i == j)
		sc4[T_PER] -= LONE_WORD_PER_PENALTY;
	int best = 0;
	for (int t = 1; t < 4; t++)
		if (sc4[t] > sc4[best])
			best = t;
	memcpy(score, sc4, sizeof sc4);
	return best;
}

/* ---- mentions ---- */

typedef struct mlist {
	mention *m;
	size_t n, cap;
} mlist;

static int add_mention(mlist *ml, mention m)
{
	if (ml->n == ml->cap) {
		size_t nc = ml->cap ? ml->cap * 2 : 32;
		mention *p = realloc(ml->m, nc * sizeof *p);
		if (!p)
			return -1;
		ml->m = p;
		ml->cap = nc;
	}
	ml->m[ml->n++] = m;
	return 0;
}

static int letter_type(char c)
{
	switch (c) {
	case 'P': return T_PER;
	case 'O': return T_ORG;
	case 'L': return T_LOC;
	default: return T_MISC;
	}
}

/* Nouns that say what a name is, in the text around it. */
static const char *const cue_per[] = {
	"singer", "actor", "actress", "player", "writer", "author", "poet", "painter",
	"politician", "president", "minister", "director", "composer", "musician", "guitarist",
	"drummer", "footballer", "coach", "manager", "journalist", "scientist", "philosopher",
	"king", "queen", "emperor", "general", "son", "daughter", "wife", "husband", "brother",
	"sister", "father", "mother", "chanteur", "chanteuse", "acteur", "actrice", "joueur",
	"joueuse", "ecrivain", "auteur", "poete", "peintre", "homme", "femme", "compositeur",
	"musicien", "guitariste", "entraineur", "journaliste", "philosophe", "roi", "reine",
	"fils", "fille", "epouse", "epoux", "frere", "soeur", "pere", "mere", "rappeur",
	"realisateur", "producteur", "producer", "rapper", "boxer", "boxeur", "cycliste",
	"pilote", "driver", "pitcher", "lanceur", "bishop", "eveque", "saint", "featuring",
	"starring", "teammate", NULL,
};
static const char *const cue_loc[] = {
	"city", "town", "village", "capital", "river", "island", "country", "region",
	"province", "county", "state", "district", "municipality", "suburb", "mountain",
	"lake", "ville", "village", "capitale", "riviere", "fleuve", "ile", "pays", "region",
	"province", "comte", "etat", "commune", "quartier", "montagne", "lac", "departement",
	"canton", "arrondissement", "localite", "hameau", "port", NULL,
};
static const char *const cue_org[] = {
	"company", "band", "group", "club", "team", "party", "organization", "organisation",
	"university", "school", "label", "firm", "agency", "newspaper", "magazine", "channel",
	"network", "airline", "bank", "society", "societe", "entreprise", "groupe", "equipe",
	"parti", "universite", "ecole", "maison", "firme", "agence", "journal", "chaine",
	"compagnie", "banque", "association", "federation", "studio", "constructeur",
	"franchise", "duo",
	/* what a firm or a union is to the story: "le syndicat X", "l'exploitant, X" */
	"syndicat", "exploitant", "fabricant", "manufacturer", "filiale", "subsidiary",
	"employeur", "employer", "assureur", "insurer", "transporteur", "distributeur",
	"retailer", "laboratoire", "consortium", "conglomerate", "fournisseur", "supplier",
	"prestataire", "sous-traitant", NULL,
};
/* Nouns that type only the name they are of ("le maire de X", "the mayor of X", "les
 * habitants de X"; "les salariés de X", "workers at X"): right before a name they are a
 * title or the name's own kind ("le maire Moudenc", "the workers Vardel and Kossin" are
 * people). A town's office, people and surroundings, then a firm's people. */
static const char *const cue_of_place[] = {
	"maire", "mayor", "mairie", "prefet", "prefete", "prefecture", "habitants", "inhabitants",
	"residents", "outskirts", "banlieue", "environs", NULL,
};
static const char *const cue_of_firm[] = {
	"salaries", "employes", "employees", "workers", "shareholders", "actionnaires", NULL,
};
static const char *const cue_misc[] = {
	"film", "movie", "album", "song", "single", "novel", "book", "game", "series", "show",
	"opera", "play", "episode", "magazine", "chanson", "roman", "livre", "jeu", "serie",
	"emission", "piece", "opera", "titre", "manga", "anime", "videogame", "ep", "poem",
	"poeme", "language", "langue", "festival", "tournament", "tournoi", "war", "guerre",
	"battle", "bataille", "titled", "entitled", NULL,
};

/* Nouns of science named after people ("Hausdorff dimension", "Gröbner basis"). */
static const char *const eponym_nouns[] = {
	"algebra", "space", "spaces", "dimension", "theorem", "conjecture", "equation", "equations",
	"bound", "basis", "formula", "transform", "integral", "constant", "principle",
	"distribution", "plot", "diagram", "reaction", "notation", "operator", "matrix",
	"polynomial", "polynomials", "inequality", "lemma", "algorithm", "metric", "manifold",
	"bracket", "criterion", "paradox", "hypothesis", "syndrome", "invariant", "topology",
	"coefficient", "coefficients", "estimator", "sequence", "measure", NULL,
};
/* Nouns after a town that make it its club: "his Fulham debut", "the Everton manager". */
static const char *const club_nouns[] = {
	"manager", "debut", "fan", "fans", "player", "players", "squad", "chairman", "supporters",
	"captain", "youth", "academy", "reserves", "striker", "goalkeeper", "midfielder", "defender",
	"boss", "teammate", "teammates", NULL,
};
/* Words of football news in English text only, besides sports_words below (French "match",
 * "division" or "promotion" are too broad: measured -0.0001 F1 on WikiNEuRal FR, +0.0036
 * with the English ones on EN). */
static const char *const sports_words_en[] = {
	"season", "match", "matches", "draw", "drew", "manager", "signed", "signing", "contract",
	"division", "promoted", "promotion", "fixture", "playoff", "play-off", "derby", "rivals",
	"fc", "kit", "caps", "trophy", "semi-final", "semi-finals", "quarter-final", "cup", "final",
	/* results and roles ("a 2-0 win at Brighton", "his first game in charge", "first-team
	 * coach of Walsall") */
	"game", "games", "win", "loss", "defeat", "victory", "coach", "football", "rugby", "hurling",
	"first-team", "appearance", NULL,
};
/* Team names after a place that do not end in "s": "Chicago White Sox", "Miami Heat",
 * "Utah Jazz", "Orlando Magic", "Tampa Bay Lightning", "Minnesota Wild". */
static const char *const team_singulars[] = {
	"sox", "heat", "jazz", "magic", "thunder", "lightning", "wild", "crew", "galaxy", NULL,
};

/* Given names mostly borne by women, written from general knowledge: "she" and "elle" in
 * quotes.c look for one of them, "he" and "il" for another given name. */
static const char *const female_names[] = {
	/* session 6 */
	"allie", "arlene", "cassie", "dolores", "elise", "felicia", "glenda", "hilda", "imogen",
	"jocelyn", "kathy", "kitty", "laurie", "lora", "lorraine", "mamie", "margie", "marlene",
	"myrtle", "patsy", "patty", "rosalie", "shelly", "tanya", "terri", "vicki",
	"abby", "abigail", "ada", "addie", "adele", "adeline", "adriana", "agata", "agathe", "agnes",
	"agnieszka", "aida", "aiko", "aileen", "aimee", "akiko", "alba", "alejandra", "aleksandra",
	"alessandra", "alexandra", "alice", "alicia", "alina", "alison", "allison", "alma", "amanda",
	"amber", "amelia", "amelie", "amy", "anais", "anastasia", "angela", "angelina", "angie",
	"anika", "anita", "anja", "anke", "ann", "anna", "annabel", "anne", "anneke", "annette",
	"annie", "antonia", "ariana", "ariane", "ashley", "astrid", "audrey", "aurelie", "aurore",
	"ava", "ayumi", "barbara", "barbra", "beata", "beatrice", "beatriz", "becky", "belinda",
	"bella", "benedicte", "bernadette", "bessie", "beth", "betsy", "betty", "beverly", "beyonce",
	"billie", "bonnie", "brenda", "bridget", "brigitte", "britney", "brittany", "brooke",
	"candace", "capucine", "carla", "carmen", "carol", "carolina", "caroline", "carolyn",
	"carrie", "cassandra", "catalina", "caterina", "catherine", "cathy", "cecile", "cecilia",
	"celia", "celine", "chantal", "charlene", "charlotte", "cher", "cheryl", "chiara", "chloe",
	"christa", "christiane", "christina", "christine", "cicely", "cindy", "claire", "clara",
	"claudia", "claudine", "clemence", "colette", "colleen", "connie", "constance", "corinne",
	"courtney", "cristina", "crystal", "cynthia", "dagmar", "daisy", "dalia", "daniela",
	"danielle", "darlene", "dawn", "debbie", "deborah", "debra", "delphine", "denise", "diana",
	"diane", "dina", "dolly", "donatella", "donna", "dora", "doris", "dorota", "dorothy", "edith",
	"edna", "edwige", "eileen", "elaine", "eleanor", "elena", "eleni", "eliane", "elif", "elisa",
	"elisabeth", "eliza", "elizabeth", "elke", "ella", "ellen", "ellie", "elodie", "eloise",
	"elsa", "elzbieta", "emilia", "emilie", "emily", "emine", "emma", "emmanuelle", "erica",
	"erin", "estelle", "esther", "ethel", "eugenie", "eva", "eve", "evelyn", "evelyne",
	"fabienne", "faith", "fatima", "fatma", "faye", "federica", "felicity", "fernanda", "fiona",
	"flora", "florence", "frances", "francesca", "francoise", "frida", "gabriela", "gabrielle",
	"gail", "gemma", "genevieve", "geraldine", "germaine", "gillian", "gina", "ginette", "ginger",
	"giovanna", "gisela", "giulia", "gloria", "grace", "grazia", "greta", "gudrun", "gwen",
	"gwendolyn", "hana", "hannah", "harriet", "hattie", "hazel", "heather", "heidi", "heike",
	"helen", "helena", "helene", "helga", "hilary", "hillary", "holly", "ida", "indira", "ines",
	"inga", "ingrid", "irena", "irene", "irina", "iris", "isabel", "isabella", "isabelle",
	"ivana", "jacqueline", "jane", "janet", "janice", "janis", "jasmine", "jeanne", "jenna",
	"jennie", "jennifer", "jenny", "jessica", "jill", "joan", "joanna", "jodie", "josefa",
	"josephine", "josiane", "joy", "joyce", "judith", "judy", "julia", "juliana", "julianne",
	"julie", "juliette", "justyna", "kara", "karen", "karin", "katarina", "katarzyna", "kate",
	"katherine", "kathleen", "kathryn", "katie", "katja", "katy", "kay", "kayla", "keiko",
	"keira", "kimberly", "kirsten", "kristen", "kristina", "laetitia", "laila", "lana", "lara",
	"laura", "laure", "lauren", "laurence", "lea", "leah", "lena", "lillian", "lily", "linda",
	"lindsay", "lisa", "lisbeth", "liz", "liza", "lois", "lola", "loretta", "lorna", "louise",
	"lucia", "lucie", "lucille", "lucy", "luisa", "lydia", "mabel", "madeleine", "mae", "magda",
	"magdalena", "maggie", "malgorzata", "mandy", "manon", "manuela", "marcia", "margaret",
	"margarethe", "margit", "margo", "marguerite", "maria", "marianne", "marie", "marilyn",
	"marina", "marine", "marion", "marjorie", "marla", "marsha", "marta", "martha", "martine",
	"mary", "maryse", "mathilde", "mavis", "maxine", "meg", "megan", "melanie", "melissa",
	"mercedes", "meryl", "mia", "michelle", "mildred", "millie", "minnie", "miranda", "mireille",
	"miriam", "molly", "mona", "monica", "monique", "muriel", "myra", "nadia", "nadine", "nancy",
	"naoko", "naomi", "natalia", "natalie", "nathalie", "nell", "nicole", "nina", "noemi", "nora",
	"norma", "odette", "olga", "olive", "olivia", "opal", "paige", "pam", "pamela", "paola",
	"pascale", "patricia", "patrizia", "paula", "pauline", "pearl", "peggy", "penelope", "penny",
	"petra", "phoebe", "phyllis", "polly", "priscilla", "priya", "rachael", "rachel", "rebecca",
	"regine", "renata", "renate", "renee", "rita", "roberta", "rosa", "rosalind", "rose",
	"rosemary", "roxanne", "ruby", "ruth", "sabine", "sabrina", "sally", "samantha", "sandra",
	"sandrine", "sara", "sarah", "segolene", "selena", "serena", "shania", "sharon", "sheila",
	"shelley", "sherry", "shirley", "silvia", "sofia", "solange", "sonia", "sophia", "sophie",
	"stefanie", "stella", "stephanie", "sue", "susan", "susanne", "suzanne", "svetlana", "sylvia",
	"sylvie", "tamara", "tammy", "tara", "tatiana", "teresa", "tess", "thelma", "theresa",
	"therese", "tina", "tomoko", "trudy", "ulrike", "ursula", "valentina", "valeria", "valerie",
	"vanessa", "vera", "veronica", "veronika", "veronique", "vicky", "victoria", "viola",
	"violet", "virginia", "virginie", "wanda", "wendy", "whitney", "wilma", "yasmin", "yolanda",
	"yvette", "yvonne", "zelda", "zoe", "bernice", "blanche", "delia", "elsie", "fanny",
	"gertrude", "gladys", "henrietta", "madeline", "maureen", "nellie", "winifred",
	NULL,
};

/* German (and Luxembourgish) function words, capitalised at a sentence start ("Mit",
 * "Über") and "Sie" everywhere: in those languages they open no name. */
static const char *const de_function_words[] = {
	"aber", "als", "am", "an", "auch", "auf", "aus", "bei", "bis", "da", "damit", "dann",
	"das", "dass", "dem", "den", "denn", "der", "des", "die", "dies", "diese", "diesem",
	"diesen", "dieser", "dieses", "doch", "du", "durch", "ein", "eine", "einem", "einen",
	"einer", "eines", "er", "es", "fur", "gegen", "hier", "ich", "ihr", "ihre", "im", "in",
	"ist", "jetzt", "kein", "keine", "man", "mit", "nach", "nicht", "noch", "nun", "nur", "ob",
	"oder", "ohne", "schon", "sehr", "sein", "seine", "sie", "sind", "so", "uber", "um", "und",
	"uns", "unser", "unsere", "unter", "vom", "von", "vor", "war", "was", "weil", "wenn",
	"wer", "wie", "wir", "wo", "zu", "zum", "zur", "zwischen", NULL,
};

/* Given names borne by men and women alike (or by men in one language and women in
 * another): no gender. */
static const char *const unisex_names[] = {
	"alex", "andrea", "camille", "casey", "charlie", "chris", "claude", "dana", "dominique",
	"jamie", "jan", "jean", "jo", "jordan", "kelly", "kim", "lee", "leslie", "li", "marian",
	"michele", "morgan", "nicola", "pat", "robin", "sam", "sandy", "sasha", "simone", "terry",
	"toni", "tracy", "vivian", NULL,
};

static const struct {
	const char *const *words;
	unsigned bit;
} word_lists_all[] = {
	{ function_words, L_FUNCTION }, { months_days, L_MONTHS }, { titles, L_TITLES },
	{ org_words, L_ORG },		{ loc_words, L_LOC },	    { misc_words, L_MISC },
	{ loc_preps, L_LOCPREP },	{ connectors, L_CONNECTOR }, { lower_heads, L_LHEAD },
	{ fr_heads, L_FRHEAD },		{ fr_adjectives, L_FRADJ }, { fr_nouns, L_FRNOUN },
	{ given_names, L_GIVEN },	{ cue_per, L_CUE_PER },	    { cue_loc, L_CUE_LOC },
	{ cue_org, L_CUE_ORG },		{ cue_misc, L_CUE_MISC },	    { eponym_nouns, L_EPONYM },
	{ club_nouns, L_CLUB },		{ sports_words_en, L_SPORTS_EN }, { team_singulars, L_TEAM },
	{ female_names, L_FEMALE | L_GIVEN }, { unisex_names, L_UNISEX | L_GIVEN },
	{ de_function_words, L_DEFUNC }, { compass_points, L_LOC | L_COMPASS },
	{ cue_of_place, L_CUE_OF_LOC },	{ cue_of_firm, L_CUE_OF_ORG },
};

static void wset_build(void)
{
	size_t n = 0;
	for (size_t k = 0; k < sizeof word_lists_all / sizeof *word_lists_all; k++)
		for (const char *const *w = word_lists_all[k].words; *w; w++)
			n++;
	size_t cap = 1024;
	while (cap < 2 * n)
		cap *= 2;
	wset = calloc(cap, sizeof *wset); /* NULL: no word is in any list */
	if (!wset)
		return;
	wset_mask = cap - 1;
	for (size_t k = 0; k < sizeof word_lists_all / sizeof *word_lists_all; k++) {
		for (const char *const *w = word_lists_all[k].words; *w; w++) {
			size_t h = hash_str(*w) & wset_mask;
			while (wset[h].key && strcmp(wset[h].key, *w))
				h = (h + 1) & wset_mask;
			wset[h].key = *w;
			wset[h].mask |= word_lists_all[k].bit;
		}
	}
}

/* The type a cue word points to; the first list naming it wins, in the order
 * PER, LOC, ORG, MISC. */
static int cue_of(const char *key)
{
	unsigned m = word_lists(key);
	return m & L_CUE_PER ? T_PER : m & L_CUE_LOC ? T_LOC : m & L_CUE_ORG ? T_ORG
	     : m & L_CUE_MISC ? T_MISC : T_NONE;
}

/* The type a noun gives the name it is of, at or chez ("the mayor of X"). */
static int cue_of_name_after(const char *key)
{
	unsigned m = word_lists(key);
	return m & L_CUE_OF_LOC ? T_LOC : m & L_CUE_OF_ORG ? T_ORG : cue_of(key);
}

/* The cue type of a plural noun: "actors", "cities", "companies", "villes". */
static int plural_cue(const char *w)
{
	char one[KEY_MAX];
	size_t n = strlen(w);
	if (n < 4 || n >= sizeof one)
		return T_NONE;
	char last = w[n - 1];
	if (last != 's' && last != 'x')
		return T_NONE;
	memcpy(one, w, n - 1);
	one[n - 1] = '\0';
	int t = cue_of(one);
	if (t == T_NONE && n > 4 && !strcmp(w + n - 3, "ies")) {
		memcpy(one + n - 3, "y", 2);
		t = cue_of(one);
	}
	return t;
}

/* "released by Motown", "a member of Sparks", "coach of Walsall", "sold to Genoa", "his
 * career at Fulham": the two words before token i say a body follows. */
static bool body_cue_before(const scan *sc, size_t i)
{
	static const char *const pairs[][2] = {
		{"released", "by"}, {"member", "of"}, {"coach", "of"}, {"manager", "of"},
		{"sold", "to"}, {"career", "at"},
	};
	char w1[KEY_MAX], w2[KEY_MAX];
	if (i < 2 || sc->t[i - 1].kind != K_WORD || sc->t[i - 2].kind != K_WORD || !tok_key(sc, i - 1, w2, sizeof w2) ||
	    !tok_key(sc, i - 2, w1, sizeof w1))
		return false;
	for (size_t b = 0; b < sizeof pairs / sizeof *pairs; b++)
		if (!strcmp(w1, pairs[b][0]) && !strcmp(w2, pairs[b][1]))
			return true;
	return false;
}

/* An apposition naming a body: "l'exploitant, X", "its owner, the company, X" (a
 * determiner, an organisation's cue noun and a comma right before the name). */
static bool org_apposition(const scan *sc, size_t i)
{
	char w[KEY_MAX], d[KEY_MAX];
	static const char *const dets[] = { "l'", "la", "le", "the", "son", "sa", "its", "their",
					    "leur", "his", "her", NULL };
	/* who runs or owns a thing, beside the cue nouns of bodies */
	static const char *const runners[] = { "operator", "operateur", "owner", "proprietaire",
					       "gestionnaire", "concessionnaire", "union", "developer",
					       "promoteur", "builder", "maker", NULL };
	return i >= 3 && sc->t[i - 1].kind == K_PUNCT && sc->text[sc->t[i - 1].s] == ',' &&
	       sc->t[i - 2].kind == K_WORD && !(sc->t[i - 2].flags & F_CAP) &&
	       tok_key(sc, i - 2, w, sizeof w) && (cue_of(w) == T_ORG || in_list(w, runners)) &&
	       sc->t[i - 3].kind == K_WORD && tok_key(sc, i - 3, d, sizeof d) && in_list(d, dets);
}

static int cue_type(const scan *sc, size_t i, size_t j)
{
	char w[KEY_MAX];
	/* before: "the film X", "le groupe X", "la ville de X", "la préfète de l'Ysse" */
	if (i >= 1) {
		size_t p = i - 1;
		static const char *const articles[] = { "l'", "la", "le", "les", "the", NULL };
		/* with an article between ("de l'Ysse"), only a town's or a
		 * territory's office, people or surroundings: "les pays de l'OCDE"
		 * are no cue */
		char w3[KEY_MAX];
		if (p >= 3 && sc->t[p].kind == K_WORD && !(sc->t[p].flags & F_CAP) &&
		    tok_key(sc, p, w, sizeof w) && in_list(w, articles) && sc->t[p - 1].kind == K_WORD &&
		    tok_key(sc, p - 1, w, sizeof w) && (!strcmp(w, "de") || !strcmp(w, "of")) &&
		    sc->t[p - 2].kind == K_WORD && tok_key(sc, p - 2, w3, sizeof w3) &&
		    in_set(w3, L_CUE_OF_LOC))
			return T_LOC;
		bool of = false;
		if (sc->t[p].kind == K_WORD && !(sc->t[p].flags & F_CAP) && tok_key(sc, p, w, sizeof w) &&
		    (!strcmp(w, "de") || !strcmp(w, "of") || !strcmp(w, "d'")) && p >= 1) {
			p--;
			of = true;
		}
		if (sc->t[p].kind == K_WORD && !(sc->t[p].flags & F_CAP) && tok_key(sc, p, w, sizeof w)) {
			int t = of ? cue_of_name_after(w) : cue_of(w);
			/* "the son of X" is a person; "the president of X", "la secrétaire
			 * générale de X" is what X heads, a body or a place */
			static const char *const kin[] = {
				"son", "daughter", "wife", "husband", "brother", "sister", "father", "mother",
				"fils", "fille", "epouse", "epoux", "frere", "soeur", "pere", "mere",
				"teammate", NULL,
			};
			if (t == T_PER && of && !in_list(w, kin))
				t = T_NONE;
			if (t != T_NONE)
				return t;
			/* "workers at X", "les salariés chez X": a firm's people */
			if (p >= 1 && (!strcmp(w, "at") || !strcmp(w, "chez")) && sc->t[p - 1].kind == K_WORD &&
			    !(sc->t[p - 1].flags & F_CAP) && tok_key(sc, p - 1, w, sizeof w) &&
			    cue_of_name_after(w) == T_ORG)
				return T_ORG;
		}
	}
	/* "actors such as X", "cities including X", "des villes comme X": the kind named in the
	 * plural before the examples (the other names of the list follow, agree_in_lists) */
	if (i >= 3) {
		size_t p = i - 1;
		bool intro = false;
		if (sc->t[p].kind == K_WORD && tok_key(sc, p, w, sizeof w)) {
			if (!strcmp(w, "including") || !strcmp(w, "comme") || !strcmp(w, "notamment")) {
				intro = true;
				p--;
			} else if (!strcmp(w, "as") || !strcmp(w, "que")) {
				char w2[KEY_MAX];
				if (tok_key(sc, p - 1, w2, sizeof w2) &&
				    (!strcmp(w2, "such") || !strcmp(w2, "tels") || !strcmp(w2, "telles"))) {
					intro = true;
					p -= 2;
				}
			}
		}
		if (intro && sc->t[p].kind == K_WORD && !(sc->t[p].flags & F_CAP) && tok_key(sc, p, w, sizeof w)) {
			int t = plural_cue(w);
			if (t != T_NONE)
				return t;
		}
	}
	/* "the Satpura hills", "Moodna and Woodbury creeks", "Shelby counties", "the Dhasan and
	 * Ken rivers": in English, a name before a place noun in lower case is the place (the
	 * other names of the list follow, agree_in_lists) */
	if (english(sc) && j + 1 < sc->n && sc->t[j + 1].kind == K_WORD && !(sc->t[j + 1].flags & F_CAP) &&
	    tok_key(sc, j + 1, w, sizeof w)) {
		static const char *const place_nouns[] = {
			"river", "rivers", "creek", "creeks", "hills", "mountains", "valley", "valleys",
			"county", "counties", "village", "villages", "district", "districts", "island",
			"islands", "lake", "lakes", "stream", "streams", "peninsula", "canyon", "region",
			"constituency", NULL,
		};
		/* "the Motown label", "the Nissan brand", "the Likud party"; "the Babenberg
		 * dynasty" are its people */
		static const char *const body_nouns[] = { "label", "brand", "party", NULL };
		if (in_list(w, place_nouns))
			return T_LOC;
		if (in_list(w, body_nouns))
			return T_ORG;
		if (!strcmp(w, "dynasty"))
			return T_PER;
		/* "the POSIX standard", "the DVB standard" */
		if (!strcmp(w, "standard") || !strcmp(w, "standards"))
			return T_MISC;
	}
	/* after: "X, a city in", "X is an American band", "X est un film" */
	size_t k = j + 1;
	if (k < sc->n && sc->t[k].kind == K_PUNCT && sc->text[sc->t[k].s] == ',')
		k++;
	else if (k < sc->n && sc->t[k].kind == K_WORD && tok_key(sc, k, w, sizeof w) &&
		 (!strcmp(w, "is") || !strcmp(w, "was") || !strcmp(w, "est") || !strcmp(w, "etait") ||
		  !strcmp(w, "fut")))
		k++;
	else
		return T_NONE;
	if (k >= sc->n || sc->t[k].kind != K_WORD || !tok_key(sc, k, w, sizeof w) ||
	    !(!strcmp(w, "a") || !strcmp(w, "an") || !strcmp(w, "un") || !strcmp(w, "une") ||
	      !strcmp(w, "the")))
		return T_NONE;
	for (size_t m = k + 1; m < sc->n && m <= k + 4; m++) {
		if (sc->t[m].kind != K_WORD || !tok_key(sc, m, w, sizeof w))
			break;
		int t = cue_of(w);
		if (t != T_NONE)
			return t;
	}
	return T_NONE;
}

/* English endings of words for peoples and languages ("-ian", "-ese", "-ish", "-ic", "-ani",
 * "-ati"); long enough that "Ian" or "Rick" do not count. Not in French text, where they
 * end names of people and places ("Dioclétien", "Valenciennes"). */
static bool demonym_shape(const char *w)
{
	static const char *const ends[] = {"ian", "ese", "ish", "ic", "ani", "ati", "ean", NULL};
	size_t n = strlen(w);
	if (n < 6)
		return false;
	for (const char *const *e = ends; *e; e++) {
		size_t m = strlen(*e);
		if (!strcmp(w + n - m, *e))
			return true;
	}
	return false;
}

/* A word made from a person's name that WordNet knows: "Gaussian" (Gauss), "Abelian",
 * "Laplacian" (Laplace), "Euclidean", "Platonic" (Plato), "Marxism", "Marxist", "Kafkaesque". */
static bool eponym_adjective(const char *w)
{
	static const struct { const char *end; size_t keep; const char *add; } forms[] = {
		{"ian", 3, ""}, {"ian", 3, "e"}, {"ean", 3, ""}, {"ean", 3, "e"}, {"nic", 3, ""},
		{"ic", 2, ""}, {"ism", 3, ""}, {"ist", 3, ""}, {"esque", 5, ""}, {"ite", 3, ""},
	};
	size_t n = strlen(w);
	if (n < 6 || n >= KEY_MAX)
		return false;
	for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
		size_t el = strlen(forms[k].end), al = strlen(forms[k].add);
		if (n < el + 3 || strcmp(w + n - el, forms[k].end))
			continue;
		char stem[KEY_MAX];
		size_t sl = n - forms[k].keep;
		memcpy(stem, w, sl);
		memcpy(stem + sl, forms[k].add, al + 1);
		if (wordnet_type(stem) == T_PER)
			return true;
	}
	return false;
}

static bool listed_place(const scan *sc, size_t i, size_t j)
{
	char key[KEY_MAX], gt;
	if (!span_key(sc, i, j, key, sizeof key))
		return false;
	if (rv__ner_gaz_find(key, &gt) >= 0)
		return gt == 'L';
	return span_type(key) == T_LOC;
}

/* Plural words of places: "Colorado Springs", "Florida Keys" are no teams. */
static const char *const place_plurals[] = {
	"heights", "springs", "keys", "falls", "hills", "mountains", "islands", "lakes", "plains",
	"woods", "gardens", "rapids", "narrows", "sands", "flats", "isles", "highlands", "lowlands",
	"glades", "everglades", "rocks", "downs", "fields", "meadows", "pines", "oaks", "banks",
	"states", "territories", "provinces", "isles", "alpes", "iles", "terres", NULL,
};

static bool plural_word(const scan *sc, size_t k)
{
	char key[KEY_MAX];
	size_t n = sc->t[k].e - sc->t[k].s;
	const char *p = sc->text + sc->t[k].s;
	return sc->t[k].kind == K_WORD && (sc->t[k].flags & F_CAP) && !(sc->t[k].flags & F_UPPER) && n > 3 &&
	       p[n - 1] == 's' && p[n - 2] != 's' && p[n - 2] != 'u' && p[n - 2] != 'i' &&
	       tok_key(sc, k, key, sizeof key) && !in_list(key, place_plurals);
}


static bool singular_team_word(const scan *sc, size_t k)
{
	char key[KEY_MAX];
	return sc->t[k].kind == K_WORD && (sc->t[k].flags & F_CAP) && tok_key(sc, k, key, sizeof key) &&
	       in_set(key, L_TEAM);
}

/* A team: a listed place and a plural ("Detroit Tigers", "Kansas City Royals") or, in
 * French, the plural then "de" and the place ("Canadiens de Montréal"). */
static bool team_name(const scan *sc, size_t i, size_t j)
{
	char key[KEY_MAX];
	/* French: "Dodgers de Los Angeles" (whose last word looks plural too), "Rangers du
	 * Texas", "Panthers de la Floride" */
	for (size_t k = i; k < j; k++) {
		/* the nickname is the run's first capitalised words ("Red Wings"): not a person
		 * "des" a team */
		if (sc->t[k].kind == K_WORD && !(sc->t[k].flags & F_CAP))
			break;
		if (!plural_word(sc, k) || k + 2 > j || sc->t[k + 1].kind != K_WORD ||
		    !tok_key(sc, k + 1, key, sizeof key) ||
		    (strcmp(key, "de") && strcmp(key, "d'") && strcmp(key, "du") && strcmp(key, "des")))
			continue;
		size_t p = k + 2;
		if (!strcmp(key, "de") && p < j && sc->t[p].kind == K_WORD && !(sc->t[p].flags & F_CAP) &&
		    tok_key(sc, p, key, sizeof key) && (!strcmp(key, "la") || !strcmp(key, "l'")))
			p++;
		if (listed_place(sc, p, j))
			return true;
		break;
	}
	if (j == i || !(plural_word(sc, j) || singular_team_word(sc, j)))
		return false;
	for (size_t k = i; k < j; k++)
		if (listed_place(sc, i, k)) {
			for (size_t m = k + 1; m <= j; m++)
				if (sc->t[m].kind != K_WORD || !(sc->t[m].flags & F_CAP))
					return false;
			return true;
		}
	return false;
}

/* Lower-case words inside a person's name: "Antoine de Saint-Exupéry", "Ludwig van Beethoven". */
static const char *const name_particles[] = {
	"de", "d'", "du", "von", "van", "der", "den", "da", "di", "del", "dos", "ibn", "bin", "al", NULL,
};

/* A given name, or a compound one whose first part is ("Jean-François", "Heinz-Harald"). */
static bool given_name_word(const char *w)
{
	if (in_set(w, L_GIVEN))
		return true;
	const char *hy = strchr(w, '-');
	if (!hy || hy == w || (size_t)(hy - w) >= KEY_MAX)
		return false;
	char first[KEY_MAX];
	memcpy(first, w, (size_t)(hy - w));
	first[hy - w] = '\0';
	return in_set(first, L_GIVEN);
}

/* A given name (or one before a hyphen) opening i..j, then only capitalised words and
 * particles: a person's name. */
static bool given_name_run(const scan *sc, size_t i, size_t j)
{
	char w[KEY_MAX];
	if (j <= i || sc->t[i].kind != K_WORD || !tok_key(sc, i, w, sizeof w) || !given_name_word(w))
		return false;
	for (size_t k = i + 1; k <= j; k++)
		if (sc->t[k].kind == K_WORD && !(sc->t[k].flags & F_CAP) &&
		    !(k < j && tok_key(sc, k, w, sizeof w) && in_list(w, name_particles)))
			return false;
	return true;
}

/* The type of the name i..j; fills m's gaz_row, sure, guessed and score. */
/* Whether i..j opens with two or three single capitals each followed by a dot, with no
 * space between them ("C.F.", "R.S.C."), that spell a sports club's abbreviation. Such
 * letters are persons' initials too ("A.C. Green"), so a given name or a listed person
 * after them keeps the person. */
static bool club_initials(const scan *sc, size_t i, size_t j)
{
	static const char *const clubs[] = {
		"fc", "cf", "afc", "sc", "ac", "as", "cd", "ud", "sd", "rc", "rsc", "gd", "sbv",
		"ssc", "rfc", "sv", "fk", "nk", "sk", "ik", "bk", NULL,
	};
	/* one word of capitals each followed by a dot (the last dot may stand apart) */
	const tok *t = &sc->t[i];
	size_t len = t->e - t->s;
	if (t->kind != K_WORD || len < 3 || len > 6)
		return false;
	if (len % 2 && !(t->flags & F_DOT))
		return false;
	char letters[4], w[KEY_MAX];
	size_t n = 0;
	for (size_t x = 0; x < len; x++) {
		char c = sc->text[t->s + x];
		if (x % 2 ? c != '.' : !(c >= 'A' && c <= 'Z'))
			return false;
		if (!(x % 2))
			letters[n++] = (char)(c | 0x20);
	}
	letters[n] = '\0';
	if (!in_list(letters, clubs))
		return false;
	/* the rest must be a name no list or given name makes a person */
	for (size_t x = i + 1; x <= j; x++)
		if (sc->t[x].kind == K_WORD && tok_key(sc, x, w, sizeof w) &&
		    (in_set(w, L_GIVEN) || span_type(w) == T_PER))
			return false;
	return true;
}

/* Whether i..j ends in the plural of a WordNet common noun ("Lines", "Bolts") and opens
 * with no given name. */
static bool plural_last(const scan *sc, size_t i, size_t j)
{
	char w[KEY_MAX];
	if (!plural_word(sc, j) || !tok_key(sc, i, w, sizeof w) || given_name_word(w) || !tok_key(sc, j, w, sizeof w))
		return false;
	size_t n = strlen(w);
	w[n - 1] = '\0';
	return wordnet_common(w);
}

/* Whether the sentence of token i has no lower-case word of four letters or more within 30
 * tokens either side: a headline in title case ("Lakers Beat Celtics In Overtime"). */
static bool title_case_sentence(const scan *sc, size_t i)
{
	size_t a = i, b = i;
	while (a > 0 && i - a < 30 && !(sc->t[a].flags & F_START))
		a--;
	while (b + 1 < sc->n && b - i < 30 && !(sc->t[b + 1].flags & F_START))
		b++;
	for (size_t k = a; k <= b; k++)
		if (sc->t[k].kind == K_WORD && !(sc->t[k].flags & F_CAP) && sc->t[k].e - sc->t[k].s >= 4)
			return false;
	return true;
}

/* A name with a point of the compass at one end: "Hydrelec Sud", "North Calder",
 * "SUD-Dockers", "Nord-Kivu" (not two of them: "Nord-Ouest"). *head_place: the rest is a
 * place a list knows. */
static bool compass_name(const scan *sc, size_t i, size_t j, bool *head_place)
{
	char w[KEY_MAX], head[KEY_MAX], gt;
	*head_place = false;
	if (j > i) {
		size_t hi = i, hj = j;
		if (tok_key(sc, j, w, sizeof w) && in_set(w, L_COMPASS))
			hj = j - 1;
		else if (tok_key(sc, i, w, sizeof w) && in_set(w, L_COMPASS))
			hi = i + 1;
		else
			return false;
		/* "Allemagne de l'Est", "Nord de la Lusanie": the head is the name the
		 * point is of */
		while (hj > hi && tok_key(sc, hj, w, sizeof w) && is_connector(w))
			hj--;
		while (hi < hj && tok_key(sc, hi, w, sizeof w) && is_connector(w))
			hi++;
		if (!span_key(sc, hi, hj, head, sizeof head))
			return false;
	} else {
		if (sc->t[i].kind != K_WORD || !tok_key(sc, i, w, sizeof w))
			return false;
		char *first = strchr(w, '-'), *last = strrchr(w, '-');
		if (!first || !first[1] || first == w)
			return false;
		*first = '\0';
		bool pre = in_set(w, L_COMPASS);
		*first = '-';
		bool post = in_set(last + 1, L_COMPASS);
		if (pre == post)
			return false;
		snprintf(head, sizeof head, "%.*s", pre ? (int)strlen(first + 1) : (int)(last - w),
			 pre ? first + 1 : w);
	}
	if (in_set(head, L_COMPASS))
		return false;
	int hr = rv__ner_gaz_find(head, &gt);
	*head_place = (hr >= 0 && letter_type(gt) == T_LOC) || wordnet_type(head) == T_LOC ||
		      span_type(head) == T_LOC;
	return true;
}

static int classify(const scan *sc, size_t i, size_t j, bool titled, mention *m)
{
	char key[KEY_MAX], w[KEY_MAX];
	m->gaz_row = -1;
	m->sure = true;
	m->guessed = false;
	if (!span_key(sc, i, j, key, sizeof key))
		return T_MISC;
	char gt;
	int r = rv__ner_gaz_find(key, &gt);
	if (r >= 0) {
		m->gaz_row = r;
		return letter_type(gt);
	}
	int st = span_type(key);
	/* "his son Maxim", "a daughter named Sophie", "rescue Emily": in English, a lone given
	 * name is a person, whatever the old newspapers of the training data made of it (a
	 * restaurant, a firm) or the type model guesses; a place the lists know was found above */
	if (english(sc) && i == j && !(sc->t[i].flags & F_UPPER) && sc->t[i].kind == K_WORD &&
	    st != T_LOC && given_name_word(key))
		return T_PER;
	if (st != T_NONE && !(titled && st != T_PER))
		return st;
	m->sure = false;
	/* "John 12:5", "Leviticus 19:23", "RSS 2.0", "Direct3D 10.1": a name no list knows
	 * before a chapter and verse or a version is a book or a product */
	if (!titled && j + 3 < sc->n && sc->t[j + 1].kind == K_NUM && sc->t[j + 1].e - sc->t[j + 1].s <= 3 &&
	    sc->t[j + 2].kind == K_PUNCT && sc->t[j + 2].s == sc->t[j + 1].e &&
	    (sc->text[sc->t[j + 2].s] == '.' || sc->text[sc->t[j + 2].s] == ':') && sc->t[j + 3].kind == K_NUM &&
	    sc->t[j + 3].s == sc->t[j + 2].e)
		return T_MISC;
	/* a name WordNet knows ("Plutarch", "Leibniz", "Tagalog", "Stuttgart"; a title before it
	 * says person, below) */
	if (!titled) {
		int wt = wordnet_type(key);
		if (wt != T_NONE)
			return wt;
		if (sc->french && i == j && french_exonym_person(key))
			return T_PER;
	}
	if (titled)
		return T_PER;
	bool kw_org = false, kw_loc = false, kw_misc = false, has_num = false, kw_compass = false;
	for (size_t k = i; k <= j; k++) {
		if (sc->t[k].kind == K_NUM) {
			has_num = true;
			continue;
		}
		if (sc->t[k].kind != K_WORD || !tok_key(sc, k, w, sizeof w))
			continue;
		unsigned lists = word_lists(w);
		if (!(sc->t[k].flags & F_CAP) && (lists & L_CONNECTOR))
			continue;
		if (lists & L_ORG)
			kw_org = true;
		else if ((lists & L_COMPASS) && j > i && (k == i || k == j))
			kw_compass = true;
		else if (lists & L_LOC)
			kw_loc = true;
		else if (lists & L_MISC)
			kw_misc = true;
	}
	/* "Hurricane Sandy", "Typhoon Haiyan", "Cyclone Idai": a storm's name is an event */
	static const char *const storms[] = { "hurricane", "typhoon", "cyclone", "ouragan", NULL };
	if (j > i && tok_key(sc, i, w, sizeof w) && in_list(w, storms))
		return T_MISC;
	/* "Scottish League Cup", "Setanta Sports Cup", "Most Valuable Player Award": a cup, an
	 * award or a trophy at the end is the thing, whatever body runs it; "Air Force Base",
	 * "Air National Guard Base": so is a base, a place */
	if (j > i && tok_key(sc, j, w, sizeof w)) {
		static const char *const misc_heads[] = {
			"cup", "coupe", "award", "awards", "trophy", "trophee", "prize", "medal", NULL,
		};
		if (in_list(w, misc_heads))
			return T_MISC;
		if (!strcmp(w, "base"))
			return T_LOC;
	}
	/* "Walter Grand", "Óscar Freire", "Noël Godin": a given name first outweighs a word of
	 * events and awards ("Grand Prix", "Oscar", "Noël") */
	if (kw_misc && !kw_org && !kw_loc && !has_num && j - i < 3 && given_name_run(sc, i, j))
		return T_PER;
	/* "Adam West", "Mae West", "Jerry West": a given name and a point of the compass is a
	 * person whose surname that is, not a part of a land (those are named after places:
	 * "Belfast West", "Edinburgh East") */
	if ((kw_loc || kw_compass) && j == i + 1 && tok_key(sc, j, w, sizeof w) &&
	    in_set(w, L_COMPASS) && given_name_run(sc, i, j) && tok_key(sc, i, w, sizeof w) &&
	    rv__ner_gaz_find(w, &gt) < 0)
		return T_PER;
	/* "Tour de Berlin", "Tour of Britain", "Dubaï Tour": a race or a concert tour, not a
	 * tower ("Tour Eiffel", "Tour Montparnasse") */
	if (kw_loc && j > i && tok_key(sc, i, w, sizeof w) && !strcmp(w, "tour") && sc->t[i + 1].kind == K_WORD &&
	    !(sc->t[i + 1].flags & F_CAP) && tok_key(sc, i + 1, w, sizeof w) && is_connector(w))
		return T_MISC;
	if (kw_loc && j > i && tok_key(sc, j, w, sizeof w) && !strcmp(w, "tour"))
		return T_MISC;
	if (kw_org || team_name(sc, i, j))
		return T_ORG;
	/* "Hydrelec Sud", "Vaultrans Nord", "SUD-Dockers": a point of the compass before or
	 * after a name no list knows as a place makes no place by itself ("Lille Sud", "Belfast
	 * West" have a listed head, "Afrique du Sud" is listed whole): what the text says of it
	 * ("le groupe X", "l'exploitant, X", "workers at X"), else the model, but no person */
	bool compass_unknown = false;
	if (!kw_loc && !kw_misc && !has_num) {
		bool head_place = false;
		if (compass_name(sc, i, j, &head_place)) {
			if (head_place) {
				kw_loc = true;
			} else {
				int ct = cue_type(sc, i, j);
				if (ct != T_NONE)
					return ct;
				if (org_apposition(sc, i))
					return T_ORG;
				/* "la grève décidée par SUD-Dockers", "a report
				 * commissioned by Hydrelec Sud": an agent, not a place */
				if (i > 0 && sc->t[i - 1].kind == K_WORD && tok_key(sc, i - 1, w, sizeof w) &&
				    (!strcmp(w, "par") || !strcmp(w, "by")))
					return T_ORG;
				compass_unknown = true;
			}
		}
	} else if (kw_compass) {
		kw_loc = true;
	}
	/* a numbered road or place ("Interstate 93", "Route 66"); other names with a number are
	 * events, products and works ("Apollo 13", "UEFA Euro 2004") */
	if (has_num && kw_loc && !kw_misc)
		return T_LOC;
	if (kw_misc || has_num)
		return T_MISC;
	if (kw_loc)
		return T_LOC;
	/* "Victoria Azarenka", "François Hollande", "Antoine de Saint-Exupéry", "Jean-François
	 * Copé" */
	if (given_name_run(sc, i, j))
		return T_PER;
	/* "C.F. Pachuca", "R.S.C. Anderlecht", "A.F.C. Bournemouth": initials written close
	 * together that spell a sports club's abbreviation are the club, not a person's
	 * initials (in WikiNEuRal EN all 19 such runs are clubs) */
	if (j > i && club_initials(sc, i, j))
		return T_ORG;
	/* "J. R. R. Tolkien", "H. G. Wells": initials before a name */
	if (j > i + 1 && sc->t[i].kind == K_WORD && sc->t[i].e - sc->t[i].s == 1 && (sc->t[i].flags & F_CAP) &&
	    sc->t[i + 1].kind == K_PUNCT && sc->text[sc->t[i + 1].s] == '.' && sc->t[j].kind == K_WORD &&
	    sc->t[j].e - sc->t[j].s > 1 && (sc->t[j].flags & F_CAP) && !(sc->t[j].flags & F_UPPER))
		return T_PER;
	/* "Black–Scholes", "Hertzsprung–Russell", "Zermelo–Fraenkel": two names joined by an en
	 * dash are mostly the people a law, a model or a theory is named after (24 of the 34 in
	 * WikiNEuRal EN); with a listed place in it ("Paris–Roubaix", "Urbana–Champaign") the
	 * model decides */
	if (i == j && sc->t[i].kind == K_WORD && tok_key(sc, i, w, sizeof w)) {
		char *dash = strstr(w, "\xe2\x80\x93");
		if (dash && dash > w && dash[3]) {
			*dash = '\0';
			if (rv__ner_gaz_find(w, &gt) < 0 && rv__ner_gaz_find(dash + 3, &gt) < 0 &&
			    wordnet_type(w) != T_LOC && wordnet_type(dash + 3) != T_LOC)
				return T_PER;
		}
	}
	/* "Gaussian", "Riemannian", "Platonic", "Marxism", "Kafkaesque": in English, a word made
	 * from a person's name stands for the person (the WikiNEuRal convention) */
	if (english(sc) && i == j && !(sc->t[i].flags & F_UPPER) && sc->t[i].kind == K_WORD &&
	    tok_key(sc, i, w, sizeof w) && eponym_adjective(w))
		return T_PER;
	/* "Akkadian", "Gujarati", "Semitic", "Javanese": a lone word shaped like a people's or a
	 * language's adjective that no list knows as a person or place */
	if (!sc->french && i == j && !(sc->t[i].flags & F_UPPER) && sc->t[i].kind == K_WORD &&
	    tok_key(sc, i, w, sizeof w) && !in_set(w, L_GIVEN) && demonym_shape(w)) {
		const unsigned char *n = word_counts(w);
		if (!n || n[4] >= n[1] + n[3])
			return T_MISC;
	}
	/* "Sarmatians", "Hurrians", "Okinawans" are not, "Englishmen": in English, a lone plural
	 * of a people's word is the people, other ("the Moravians" and "the Ravens" are settled
	 * below, after the model) */
	if (english(sc) && i == j && !(sc->t[i].flags & F_UPPER) && sc->t[i].kind == K_WORD &&
	    !(i > 0 && tok_key(sc, i - 1, w, sizeof w) && !strcmp(w, "the")) && tok_key(sc, i, w, sizeof w)) {
		size_t wl = strlen(w);
		if (wl > 6 && w[wl - 1] == 's') {
			w[wl - 1] = '\0';
			if (demonym_shape(w) && !in_set(w, L_GIVEN))
				return T_MISC;
		}
		if (wl > 9 && !strcmp(w + wl - 3, "men")) {
			w[wl - 3] = '\0';
			if (demonym_shape(w))
				return T_MISC;
		}
	}
	/* a family or order of living things ("Geometridae", "Asteraceae", "Cryptocephalinae"):
	 * no person, place or organisation */
	if (i == j && tok_key(sc, i, w, sizeof w)) {
		static const char *const taxa[] = {"idae", "aceae", "inae", "oidea", NULL};
		size_t wl = strlen(w);
		for (const char *const *e = taxa; *e; e++) {
			size_t el = strlen(*e);
			if (wl > el + 3 && !strcmp(w + wl - el, *e))
				return T_MISC;
		}
	}
	/* "The Byrds", "The Harlequins": "The" and one plural word is a band or a team (listed
	 * places such as "The Bahamas" were found above) */
	if (j == i + 1 && sc->t[i].kind == K_WORD && (sc->t[i].flags & F_CAP) && tok_key(sc, i, w, sizeof w) &&
	    !strcmp(w, "the") && plural_word(sc, j) && tok_key(sc, j, w, sizeof w)) {
		size_t wl = strlen(w);
		w[wl - 1] = '\0';
		if (!demonym_shape(w) && !in_set(w, L_MISC))
			return T_ORG;
	}
	/* "A606", "M-104", "I-95": a road's number (A and B roads, motorways, interstates,
	 * national routes); "J-2", "M2" with one digit are products more often */
	if (i == j && sc->t[i].kind == K_WORD) {
		const char *code = sc->text + sc->t[i].s;
		size_t rl = sc->t[i].e - sc->t[i].s, d = 1;
		if (rl >= 3 && strchr("ABIMN", code[0])) {
			if (code[1] == '-')
				d = 2;
			size_t digits = 0;
			while (d + digits < rl && code[d + digits] >= '0' && code[d + digits] <= '9')
				digits++;
			if (d + digits == rl && digits >= 2 && digits <= 4)
				return T_LOC;
		}
	}
	/* "Stone & Webster", "Harrison & Harrison", "Marks & Spencer": names joined by an
	 * ampersand that no list or keyword knows are firms and bands */
	for (size_t k = i + 1; k < j; k++)
		if (sc->t[k].kind == K_PUNCT && sc->t[k].e == sc->t[k].s + 1 && sc->text[sc->t[k].s] == '&')
			return T_ORG;
	/* what the text says it is: "the film X", "X, a city in", "X est un groupe" */
	int ct = cue_type(sc, i, j);
	if (ct != T_NONE)
		return ct;
	/* "the Hausdorff dimension", "a Gröbner basis", "the Staudinger reaction": in English, an
	 * unknown name before a noun of science is the person it is named after */
	if (english(sc) && i == j && !(sc->t[i].flags & F_UPPER) && j + 1 < sc->n &&
	    sc->t[j + 1].kind == K_WORD && !(sc->t[j + 1].flags & F_CAP) &&
	    tok_key(sc, j + 1, w, sizeof w) && in_set(w, L_EPONYM))
		return T_PER;
	/* "Fulk's story": in English, an unknown lone name with a possessive is mostly a person
	 * (measured on WikiNEuRal EN: 71% of them; the model called a third of those places) */
	if (english(sc) && i == j && !(sc->t[i].flags & F_UPPER) && j + 2 < sc->n &&
	    is_apos_tok(sc, j + 1) && sc->t[j + 2].kind == K_WORD && sc->t[j + 2].e - sc->t[j + 2].s == 1 &&
	    sc->text[sc->t[j + 2].s] == 's')
		return T_PER;
	/* The word before an unknown name: French "du" goes with places, not people ("du Mans",
	 * "du Maine"); English "against" and "joined" mostly with teams, bands and companies
	 * ("against Millwall", "joined Motorola"), "at" and "near" with places (a town's club
	 * after "at" in a football sentence becomes the club below). Measured on the names the
	 * model types in WikiNEuRal: "du" LOC +31 of 194 (FR F1 +.0007), "against" ORG +36 of 53,
	 * "joined" +12 of 27 (EN F1 +.0019), "at" / "near" LOC +20 of 179 (+.0012); French "au"
	 * (-.0002) and English "a" / "an" as other (+.0002) were left out. */
	if (i > 0 && sc->t[i - 1].kind == K_WORD && !(sc->t[i - 1].flags & F_CAP) && tok_key(sc, i - 1, w, sizeof w)) {
		if (english(sc) && (!strcmp(w, "against") || !strcmp(w, "joined")))
			return T_ORG;
		/* "Serie B side Genoa", "the bands Lush and Ride"; "order Aulacocerida" (a rank
		 * of living things) */
		if (english(sc) && (!strcmp(w, "side") || !strcmp(w, "bands")))
			return T_ORG;
		if (english(sc) && !strcmp(w, "order"))
			return T_MISC;
		/* "released by Motown", "a member of Sparks", "coach of Walsall", "sold to Genoa",
		 * "his career at Fulham": bodies (WikiNEuRal EN: 25 names more right, none
		 * less) */
		if (english(sc) && body_cue_before(sc, i))
			return T_ORG;
		if (english(sc) && (!strcmp(w, "at") || !strcmp(w, "near")))
			return T_LOC;
		if (sc->french && !strcmp(w, "du"))
			return T_LOC;
		/* "a 2-1 loss to Fulham", "a draw with Rosenborg", "a win over Lyon", "local
		 * rivals Hibernian": a result or a rivalry is with a team */
		if (english(sc) && !strcmp(w, "rivals"))
			return T_ORG;
		static const char *const result_preps[] = { "to", "with", "over", NULL };
		static const char *const results[] = {
			"loss", "defeat", "draw", "win", "victory", "transfer", "loan", NULL,
		};
		char w2[KEY_MAX];
		if (english(sc) && in_list(w, result_preps) && i > 1 && sc->t[i - 2].kind == K_WORD &&
		    tok_key(sc, i - 2, w2, sizeof w2) && in_list(w2, results))
			return T_ORG;
		/* "written by Neeta Lulla", "designed by Javed Akhtar": in English, an unknown
		 * name of two words or more after "by" is mostly a person (100 of 123 in
		 * WikiNEuRal EN) */
		if (english(sc) && j > i && !strcmp(w, "by"))
			return T_PER;
	}
	/* "Ford Falcon", "Apple Lisa", "Volkswagen Beetle", "Adobe Flash": in English, a listed
	 * firm before words no list knows is one of its products ("BBC Scotland", with a place,
	 * is not) */
	if (english(sc) && j > i && tok_key(sc, i, w, sizeof w) && rv__ner_gaz_find(w, &gt) >= 0 && gt == 'O' &&
	    tok_key(sc, j, w, sizeof w) && rv__ner_gaz_find(w, &gt) < 0 && !given_name_word(w) &&
	    strcmp(w, "one") && strcmp(w, "two") && strcmp(w, "three") && strcmp(w, "four"))
		return T_MISC;
	/* no list or keyword knows it: the type model decides */
	int tt = typer(sc, i, j, m->score);
	if (compass_unknown && tt == T_PER)
		tt = m->score[T_ORG] >= m->score[T_LOC] ? T_ORG : T_LOC;
	/* French: "à Royan", "À Sète, …": a lone name the model calls a person after "à" is a place */
	if (tt == T_PER && sc->french && i == j && i > 0 && sc->t[i - 1].kind == K_WORD &&
	    sc->t[i - 1].e - sc->t[i - 1].s == 2 &&
	    (!memcmp(sc->text + sc->t[i - 1].s, "\xc3\xa0", 2) ||
	     !memcmp(sc->text + sc->t[i - 1].s, "\xc3\x80", 2)))
		return T_LOC;
	/* English: "in Marrowby", "In Thornbury, …": likewise after "in" (a person is seldom
	 * "in" someone) */
	if (tt == T_PER && english(sc) && i == j && i > 0 && sc->t[i - 1].kind == K_WORD &&
	    tok_key(sc, i - 1, w, sizeof w) && !strcmp(w, "in"))
		return T_LOC;
	/* "la secrétaire générale de SUD-Dockers, Mathilde Garnier", "the chairman of Calder,
	 * …": a lone name completing an office ("de", "of" after the office's noun) holds the
	 * office, a body (a town's mayor is a cue, above), not a person; not a guess
	 * the person named next to it in apposition could outvote as a list */
	if (i == j && i >= 2 && sc->t[i - 1].kind == K_WORD && tok_key(sc, i - 1, w, sizeof w) &&
	    (!strcmp(w, "de") || !strcmp(w, "of") || !strcmp(w, "d'")) && sc->t[i - 2].kind == K_WORD) {
		static const char *const offices[] = {
			"secretaire", "generale", "general", "president", "presidente", "directeur",
			"directrice", "chef", "patron", "patronne", "pdg", "ceo", "dirigeant", "dirigeante",
			"chairman", "chairwoman", "chair", "head", "boss", "delegue", "deleguee",
			"responsable", "tresorier", "tresoriere", "treasurer", "director", "manager",
			"founder", "cofounder", "co-founder", "fondateur", "fondatrice", "spokesman",
			"spokeswoman", "spokesperson", "porte-parole", "executive", "officer", "editor",
			"redacteur", "redactrice", "gerant", "gerante", NULL,
		};
		/* "secrétaire générale de X", not "le général de Gaulle" */
		bool general = tok_key(sc, i - 2, w, sizeof w) &&
			       (!strcmp(w, "general") || !strcmp(w, "generale"));
		if (general)
			general = i >= 3 && sc->t[i - 3].kind == K_WORD && tok_key(sc, i - 3, w, sizeof w) &&
				  in_list(w, offices) && strcmp(w, "general") && strcmp(w, "generale");
		if (general || (tok_key(sc, i - 2, w, sizeof w) && in_list(w, offices) &&
				strcmp(w, "general") && strcmp(w, "generale")))
			return T_ORG;
		/* "the king of Tolvania, Harald", "le roi de Neustrie": a realm */
		static const char *const rulers[] = { "king", "queen", "emperor", "empress", "roi",
						      "reine", "empereur", "imperatrice", NULL };
		if (tok_key(sc, i - 2, w, sizeof w) && in_list(w, rulers))
			return T_LOC;
	}
	/* "Greyhound Lines", "Meralco Bolts", "Ducks Unlimited": in English, a name the model
	 * calls a person whose last word is the plural of a common noun, and whose first word
	 * is no given name, is a firm, a team or a band (people's names are no plurals); not in
	 * a headline written in title case, where every word is capitalised */
	if (tt == T_PER && english(sc) && j > i && plural_last(sc, i, j) && !title_case_sentence(sc, i))
		return T_ORG;
	/* English: a lone capitalised common noun no list knows inside a sentence ("Raw",
	 * "Halo", "Link") is a title or a product named by a common word */
	if ((tt == T_PER || tt == T_LOC) && english(sc) && i == j && !(sc->t[i].flags & (F_START | F_UPPER)) &&
	    tok_key(sc, i, w, sizeof w) && wordnet_common(w))
		return T_MISC;
	/* "AR-15", "CYP3A4", "DSM-5", "Z80", "PDP-11": in English, one word of capitals and
	 * digits no list knows is a model, a standard or a product (the model mostly calls them
	 * firms), unless its letters are a listed organisation's ("BBC1", "ITV3": channels) */
	if (english(sc) && i == j && sc->t[i].kind == K_WORD && (sc->t[i].flags & F_CAP)) {
		const char *w0 = sc->text + sc->t[i].s;
		size_t wl = sc->t[i].e - sc->t[i].s, letters = 0, digits = 0;
		while (letters < wl && w0[letters] >= 'A' && w0[letters] <= 'Z')
			letters++;
		for (size_t k = 0; k < wl; k++)
			if (w0[k] >= '0' && w0[k] <= '9')
				digits++;
		if (digits && letters && letters < KEY_MAX) {
			char pre[KEY_MAX], gl;
			for (size_t k = 0; k < letters; k++)
				pre[k] = (char)(w0[k] - 'A' + 'a');
			pre[letters] = '\0';
			if (rv__ner_gaz_find(pre, &gl) >= 0 && gl == 'O')
				return T_ORG;
			return T_MISC;
		}
	}
	/* "Constitution of Japan", "List of Essential Medicines", "Lasso of Truth", "Order of
	 * Merit": in English, a common noun "of" something that the model calls an organisation
	 * is a work, a text or an award (bodies of that shape have their keywords: "Bank of",
	 * "University of") */
	if (tt == T_ORG && english(sc) && j > i + 1 && sc->t[i + 1].kind == K_WORD &&
	    !(sc->t[i + 1].flags & F_CAP) && tok_key(sc, i + 1, w, sizeof w) && !strcmp(w, "of") &&
	    tok_key(sc, i, w, sizeof w) && wordnet_common(w))
		return T_MISC;
	/* "Tiglath-Pileser III", "Mithridates V", "Shamshi-Adad III": a name no list knows ending
	 * in a regnal number is a ruler ("World War II" has its keyword, "Apple II" its firm) */
	if (tt != T_PER && english(sc) && j > i && sc->t[j].kind == K_WORD && (sc->t[j].flags & F_UPPER) &&
	    tok_key(sc, j, w, sizeof w)) {
		static const char *const regnal[] = {
			"ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "xi", "xii", "xiii", "xiv", "xv", "xvi", NULL,
		};
		if (in_list(w, regnal))
			return T_PER;
	}
	/* "PBS", "UCLA", "BAFTA", "KFC": in English, an acronym the model calls a place or a
	 * person is mostly an organisation (the model's own first choice for acronyms) */
	if ((tt == T_LOC || tt == T_PER) && english(sc) && i == j && sc->t[i].kind == K_WORD &&
	    (sc->t[i].flags & F_UPPER) && sc->t[i].e - sc->t[i].s >= 2 && sc->t[i].e - sc->t[i].s <= 6) {
		bool letters = true;
		for (size_t k = sc->t[i].s; k < sc->t[i].e; k++)
			if (!(sc->text[k] >= 'A' && sc->text[k] <= 'Z'))
				letters = false;
		if (letters)
			return T_ORG;
	}
	/* "SourceForge", "LaserWriter", "CinemaScope", "OpenGL": in English, one word that no
	 * list knows with a capital after a lower-case letter, and no name's particle first
	 * ("McLoughlin", "MacDowell", "DuPont", "LaFace"), is mostly a product or a service */
	if (english(sc) && i == j && sc->t[i].kind == K_WORD && (sc->t[i].flags & F_CAP) &&
	    !(sc->t[i].flags & F_UPPER)) {
		const char *w0 = sc->text + sc->t[i].s;
		size_t wl = sc->t[i].e - sc->t[i].s;
		bool inner = false;
		for (size_t k = 1; k + 1 < wl; k++)
			if (w0[k] >= 'a' && w0[k] <= 'z' && w0[k + 1] >= 'A' && w0[k + 1] <= 'Z')
				inner = true;
		static const char *const particles[] = {"Mc", "Mac", "Du", "De", "Di", "La", "Le", "Van", "Von", NULL};
		for (const char *const *p = particles; *p && inner; p++) {
			size_t pl = strlen(*p);
			if (wl > pl && !memcmp(w0, *p, pl) && w0[pl] >= 'A' && w0[pl] <= 'Z')
				inner = false;
		}
		/* "the MetroStars": a team, below */
		if (inner && !(i > 0 && plural_word(sc, i) && tok_key(sc, i - 1, w, sizeof w) && !strcmp(w, "the")))
			return T_MISC;
	}
	/* "the Orioles", "the Ravens": a team or a band; "the Moravians", "the Franks": a people */
	if (i == j && i > 0 && sc->t[i - 1].kind == K_WORD && plural_word(sc, i) && tok_key(sc, i - 1, w, sizeof w) &&
	    !strcmp(w, "the") && tok_key(sc, i, w, sizeof w)) {
		size_t n = strlen(w);
		w[n - 1] = '\0';
		if (demonym_shape(w) || (n > 4 && !strcmp(w + n - 3, "an")) || in_set(w, L_MISC))
			return T_MISC;
		return T_ORG;
	}
	/* "les Kirghizes", "des Vénètes", "aux Francs": a people, unless the model sees a place */
	if (tt != T_LOC && i == j && i > 0 && sc->t[i - 1].kind == K_WORD && sc->text[sc->t[i].e - 1] == 's' &&
	    tok_key(sc, i - 1, w, sizeof w) && (!strcmp(w, "les") || !strcmp(w, "des") || !strcmp(w, "aux")))
		return T_MISC;
	m->guessed = true;
	return tt;
}

static bool french_exonym_person(const char *key)
{
	static const char *const ends[][2] = {
		{"que", "ch"}, {"on", "o"}, {"ote", "otle"}, {"ere", "er"}, {"ee", "ey"}, {"ee", "y"},
		{"ee", "eo"}, {"ite", "itus"}, {"ien", "ian"}, {"e", "us"}, {"e", ""},
	};
	size_t n = strlen(key);
	if (n < 4 || n + 8 > KEY_MAX)
		return false;
	for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
		size_t m = strlen(ends[k][0]);
		if (n <= m + 2 || strcmp(key + n - m, ends[k][0]))
			continue;
		char alt[KEY_MAX];
		memcpy(alt, key, n - m);
		snprintf(alt + n - m, sizeof alt - (n - m), "%s", ends[k][1]);
		if (wordnet_type(alt) == T_PER)
			return true;
	}
	return false;
}

static bool known_span(const scan *sc, size_t i, size_t j)
{
	char key[KEY_MAX];
	char gt;
	if (!span_key(sc, i, j, key, sizeof key))
		return false;
	return rv__ner_gaz_find(key, &gt) >= 0 || span_type(key) != T_NONE;
}

/* Whether a listed name of several words opens at token i (below listed_phrase). */
static bool listed_opening(const scan *sc, size_t i, size_t j);

/* A listed place or organisation, after which a new name may start. */
static bool split_after(const scan *sc, size_t i, size_t j)
{
	char key[KEY_MAX];
	char gt;
	if (!span_key(sc, i, j, key, sizeof key))
		return false;
	return rv__ner_gaz_find(key, &gt) >= 0 && gt != 'P';
}

/* Words of football news: in their sentence, a town after "for", "against", "pour"… is
 * its club ("he joined Liverpool on loan", "prêté à Auxerre"). */
static const char *const sports_words[] = {
	"loan", "loaned", "striker", "midfielder", "defender", "goalkeeper", "footballer", "scored",
	"goals", "goal", "relegated", "relegation", "transfer", "transferred", "debut", "appearances",
	"squad", "club", "clubs", "league", "premiership", "pret", "prete", "attaquant", "milieu",
	"defenseur", "gardien", "footballeur", "buts", "relegue", "transfert", "transfere", "ligue",
	"championnat", NULL,
};


/* "his Fulham debut", "the Everton manager": a town before a club noun is the club. */
static bool club_before_noun(const scan *sc, size_t j)
{
	char key[KEY_MAX];
	return j + 1 < sc->n && sc->t[j + 1].kind == K_WORD && !(sc->t[j + 1].flags & F_CAP) &&
	       tok_key(sc, j + 1, key, sizeof key) && in_set(key, L_CLUB);
}
static const char *const sports_preps[] = {
	"for", "against", "to", "with", "at", "joined", "join", "joining", "beat", "beating",
	"defeated", "v", "vs", "over", "by", "pour", "contre", "rejoint", "rejoindre",
	NULL,
};

/* Verbs after a team that is the subject: "Chelsea were relegated", "Liverpool won". */
static const char *const sports_verbs[] = {
	"won", "beat", "defeated", "lost", "drew", "signed", "finished", "clinched", "were",
	"gagne", "battu", "perdu", NULL,
};

static bool sports_club(const scan *sc, size_t i, size_t j)
{
	char key[KEY_MAX];
	bool before = i > 0 && sc->t[i - 1].kind == K_WORD && tok_key(sc, i - 1, key, sizeof key) &&
		      in_list(key, sports_preps);
	bool after = j + 1 < sc->n && sc->t[j + 1].kind == K_WORD && tok_key(sc, j + 1, key, sizeof key) &&
		     in_list(key, sports_verbs);
	if (!before && !after)
		return false;
	size_t a = i;
	while (a > 0 && i - a < 60 && !(sc->t[a].flags & F_START))
		a--;
	for (size_t k = a; k < sc->n && k < i + 60; k++) {
		if (k > i && (sc->t[k].flags & F_START))
			break;
		if (sc->t[k].kind == K_WORD && !(sc->t[k].flags & F_CAP) && tok_key(sc, k, key, sizeof key) &&
		    (in_list(key, sports_words) || (!sc->french && in_set(key, L_SPORTS_EN))))
			return true;
	}
	return false;
}

/* A capitalised article inside a sentence that starts a name: "à La Rochelle", "Le Pen",
 * "La Nouvelle-Orléans", "by The Beatles". */
static bool name_article(const scan *sc, size_t i, const char *key)
{
	/* "A. R. Rahman", "L. Ron Hubbard": an initial, not the article */
	if (sc->t[i].e - sc->t[i].s == 1 && (sc->t[i].flags & F_CAP) && (sc->t[i].flags & F_DOT) &&
	    i + 2 < sc->n && sc->t[i + 2].kind == K_WORD && (sc->t[i + 2].flags & F_CAP) &&
	    sc->t[i + 2].s == sc->t[i + 1].e + 1)
		return true;
	if ((sc->t[i].flags & (F_START | F_UPPER)) || !(sc->t[i].flags & F_CAP) || i + 1 >= sc->n)
		return false;
	if (strcmp(key, "la") && strcmp(key, "le") && strcmp(key, "les") && strcmp(key, "l'") &&
	    strcmp(key, "the"))
		return false;
	const tok *u = &sc->t[i + 1];
	return u->kind == K_WORD && (u->flags & F_CAP) && !(u->flags & F_START) && u->s <= sc->t[i].e + 1;
}

/* Emit the names in the capitalised run i..j: strip titles and sentence
 * words from the front, split where a known name ends and another begins
 * ("Pentagone John Kirby") or a title sits inside ("U.S. Secretary of State
 * Antony Blinken"). */
/* Abbreviations of common nouns, written in capitals like the names of organisations. */
static const char *const common_acronyms[] = {
	"ceo", "cfo", "coo", "cto", "gdp", "gnp", "pib", "pdg", "pc", "cpu", "gpu", "os", "api",
	"url", "html", "pdf", "dvd", "cd", "cds", "tv", "lp", "ep", "mp", "mps", "pm", "fm",
	"rbi", "rbis", "era", "mvp", "dna", "adn", "rna", "arn", "vhs", "ddt", "lcd", "led", "gps",
	"sms", "usb", "ram", "rom", "suv", "vat", "tva", "ipo", "phd", "ko", "tko", "ufo", "ovni",
	"atm", "iq", "qi", "faq", "diy", "hq", "qg", "rsvp", "asap", "dj", "djs", "vip", "vips",
	"bbq", "hd", "3d", "4k", "vr", "rpg", "fps", "mmorpg", "dlc", "npc", "ui", "cgi", "mri",
	"irm", "icu", NULL,
};

/* An event's year after it belongs to it ("UEFA Euro 2008", "Série mondiale 1986"). */
static void join_year(const scan *sc, mention *m, size_t j)
{
	if (m->type == T_MISC && j + 1 < sc->n && sc->t[j + 1].kind == K_NUM &&
	    sc->t[j + 1].e - sc->t[j + 1].s == 4 && sc->t[j + 1].s == sc->t[j].e + 1 &&
	    sc->text[sc->t[j].e] == ' ' && (sc->text[sc->t[j + 1].s] == '1' || sc->text[sc->t[j + 1].s] == '2')) {
		m->e = sc->t[j + 1].e;
		m->gaz_row = -1;
	}
}

/* A name the lists know as no person ("Premier League", "Prince Edward Island"), whose first
 * word is no title then. */
static bool listed_thing(const scan *sc, size_t i, size_t j)
{
	char key[KEY_MAX], gt;
	if (!span_key(sc, i, j, key, sizeof key))
		return false;
	if (rv__ner_gaz_find(key, &gt) >= 0)
		return gt != 'P';
	int t = span_type(key);
	if (t == T_NONE)
		t = wordnet_type(key);
	return t != T_NONE && t != T_PER;
}

/* A name in a language that capitalises every noun: a listed name (WordNet's
 * too, but for lone person names), a given name and more capitalised words,
 * or one word that
 * is an acronym or has a capital inside a word ("CAE", "BAAINBw", "YouTube"). */
static bool noun_caps_name(const scan *sc, size_t i, size_t j)
{
	char key[KEY_MAX];
	/* "Sie", "Mit", "Über" open sentences (and "Sie" is capitalised everywhere): no
	 * names, though "MIT" and "Uber" are */
	if (i == j && !(sc->t[i].flags & F_UPPER) && tok_key(sc, i, key, sizeof key) && in_set(key, L_DEFUNC))
		return false;
	/* a lone word the training newspapers saw as a name ("auge", "revolution") is, in
	 * German, mostly a noun: only the hand-written gazetteer counts alone */
	char gt;
	if (i == j ? span_key(sc, i, j, key, sizeof key) && rv__ner_gaz_find(key, &gt) >= 0 : known_span(sc, i, j))
		return true;
	/* WordNet's places ("Bremen"); its lone person names are also German nouns
	 * ("Land", "Reich") */
	int wt = span_key(sc, i, j, key, sizeof key) ? wordnet_type(key) : T_NONE;
	if (wt != T_NONE && (wt != T_PER || j > i))
		return true;
	if (j > i && sc->t[i].kind == K_WORD && tok_key(sc, i, key, sizeof key) && in_set(key, L_GIVEN))
		return true;
	if (i != j || sc->t[i].kind != K_WORD)
		return false;
	if (sc->t[i].flags & F_UPPER)
		return true;
	/* a capital after a letter, not after a hyphen ("Nachwuchs-Flugzeugführer") */
	for (size_t b = sc->t[i].s + 1; b < sc->t[i].e; b++)
		if (sc->text[b] >= 'A' && sc->text[b] <= 'Z' &&
		    (((sc->text[b - 1] | 0x20) >= 'a' && (sc->text[b - 1] | 0x20) <= 'z') ||
		     (unsigned char)sc->text[b - 1] >= 0x80))
			return true;
	return false;
}

/* "Brent Hinds of Mastodon", "Boston Red Sox of the American League", "Gilan Province of
 * Iran", "Samajwadi Party of Mulayam Singh Yadav": in English, a person, a team or a place
 * inside a country, and a person after "of", are names of their own (WikiNEuRal EN splits
 * such runs; of its 20,000 names, 5 persons hold an "of"). Returns the "of" token or 0. */
static size_t of_split(const scan *sc, size_t i, size_t j)
{
	static const char *const parts_of_land[] = {
		"province", "governorate", "coast", "mountains", "caves", "region", "district", "county",
		"prefecture", "oblast", "valley", "peninsula", "desert", "basin", "plateau", NULL,
	};
	char w[KEY_MAX];
	for (size_t k = i + 1; k < j; k++) {
		if (sc->t[k].kind != K_WORD || (sc->t[k].flags & F_CAP) || !tok_key(sc, k, w, sizeof w) ||
		    strcmp(w, "of"))
			continue;
		size_t b = k + 1;
		if (b < j && sc->t[b].kind == K_WORD && !(sc->t[b].flags & F_CAP) && tok_key(sc, b, w, sizeof w) &&
		    !strcmp(w, "the"))
			b++;
		if (!(sc->t[b].kind == K_WORD && (sc->t[b].flags & F_CAP)))
			return 0;
		mention a = {0, 0, T_MISC, -1, false, false, {0, 0, 0, 0}};
		int ta = classify(sc, i, k - 1, false, &a);
		if (ta == T_PER && !a.guessed && k - 1 > i)
			return k;
		mention c = {0, 0, T_MISC, -1, false, false, {0, 0, 0, 0}};
		int tc = classify(sc, b, j, false, &c);
		/* "Ioannis Metaxas of Greece", "Aleksandar Durman of Zagreb": a guessed person
		 * of a listed place or organisation */
		if (ta == T_PER && k - 1 > i && c.gaz_row >= 0 && (tc == T_LOC || tc == T_ORG))
			return k;
		/* "Gilan Province of Iran", "East Coast of the United States" */
		if (ta == T_LOC && !a.guessed && k - 1 > i && tc == T_LOC && c.sure && tok_key(sc, k - 1, w, sizeof w) &&
		    in_list(w, parts_of_land))
			return k;
		if (c.guessed)
			return 0;
		if (((team_name(sc, i, k - 1) || (k - 1 > i && plural_word(sc, k - 1))) && tc == T_ORG) ||
		    (ta == T_ORG && !a.guessed && given_name_run(sc, b, j)))
			return k;
		return 0;
	}
	return 0;
}

/* The last word of a league, a cup or a tournament ("Premier League", "Community Shield"). */
static bool competition_word(const scan *sc, size_t j)
{
	static const char *const words[] = {
		"league", "division", "liga", "superliga", "championship", "championships", "cup", "shield",
		"trophy", "masters", "open", "series", "games", "tournament", "bowl", NULL,
	};
	char w[KEY_MAX];
	return sc->t[j].kind == K_WORD && (sc->t[j].flags & F_CAP) && tok_key(sc, j, w, sizeof w) &&
	       in_list(w, words);
}

/* "Jr", "Sr": the end of a person's name ("Martin Luther King Jr", "Lon Chaney Jr"). */
static bool junior(const scan *sc, size_t k)
{
	char w[KEY_MAX];
	return sc->t[k].kind == K_WORD && tok_key(sc, k, w, sizeof w) && (!strcmp(w, "jr") || !strcmp(w, "sr"));
}

/* "King's College", "Gresham's School", "St Paul's Cathedral": in English, a name in the
 * possessive (the apostrophe at k right after word j, then "s") before the head of a
 * school, a church or a hospital is the first word of its name; in WikiNEuRal EN every such
 * run is one gold name (before other words, 80 of 138 "X's Y" are). */
static bool possessive_head(const scan *sc, size_t j, size_t k)
{
	static const char *const heads[] = {
		"college", "school", "university", "academy", "cathedral", "church", "chapel", "abbey",
		"priory", "basilica", "hospital", "infirmary", NULL,
	};
	char w[KEY_MAX];
	return k + 2 < sc->n && is_apos_tok(sc, k) && sc->t[k].s == sc->t[j].e &&
	       sc->t[k + 1].kind == K_WORD && sc->t[k + 1].s == sc->t[k].e &&
	       sc->t[k + 1].e == sc->t[k + 1].s + 1 && sc->text[sc->t[k + 1].s] == 's' &&
	       sc->t[k + 2].kind == K_WORD && (sc->t[k + 2].flags & F_CAP) && !(sc->t[k + 2].flags & F_START) &&
	       tok_key(sc, k + 2, w, sizeof w) && in_list(w, heads);
}

/* "Thirty Years' War", "Cup Winners' Cup", "Workers' Party": in English, a capitalised plural
 * in the possessive (the apostrophe at k after word j; WikiNEuRal writes a space before it)
 * goes on with the capitalised words after it when one of them is a keyword of bodies,
 * places or events ("the Patriots' Tom Brady" is two names). In WikiNEuRal EN 9 of 10
 * capitalised "Xs' Y" are inside one gold name. */
static bool plural_possessive(const scan *sc, size_t j, size_t k)
{
	char w[KEY_MAX];
	const tok *t = &sc->t[j];
	if (k + 1 >= sc->n || !is_apos_tok(sc, k) || !(t->flags & F_CAP) || t->e - t->s < 3 ||
	    sc->text[t->e - 1] != 's' ||
	    !(sc->t[k].s == t->e || (sc->t[k].s == t->e + 1 && sc->text[t->e] == ' ')) ||
	    sc->t[k + 1].s != sc->t[k].e + 1)
		return false;
	for (size_t x = k + 1; x < sc->n && x < k + 5; x++) {
		if (sc->t[x].kind != K_WORD || !(sc->t[x].flags & F_CAP) || (sc->t[x].flags & F_START))
			return false;
		if (tok_key(sc, x, w, sizeof w) && in_set(w, L_ORG | L_LOC | L_MISC))
			return true;
	}
	return false;
}

/* "University of Texas at Austin", "University of North Carolina at Chapel Hill": the "at"
 * at k after a university "of" its state names the campus, inside the name (all 5 such runs
 * of WikiNEuRal EN are one name). */
static bool campus_at(const scan *sc, size_t i, size_t j, size_t k)
{
	char w[KEY_MAX];
	if (k + 1 >= sc->n || !tok_key(sc, k, w, sizeof w) || strcmp(w, "at") ||
	    sc->t[k + 1].kind != K_WORD || !(sc->t[k + 1].flags & F_CAP) || (sc->t[k + 1].flags & F_START))
		return false;
	for (size_t x = i; x + 1 < j; x++)
		if (tok_key(sc, x, w, sizeof w) && !strcmp(w, "university") && tok_key(sc, x + 1, w, sizeof w) &&
		    !strcmp(w, "of"))
			return true;
	return false;
}

/* Whether word k is one to four capital letters ("A", "AT", "M"). */
static bool letters_caps(const scan *sc, size_t k)
{
	size_t n = sc->t[k].e - sc->t[k].s;
	if (n < 1 || n > 4)
		return false;
	for (size_t x = 0; x < n; x++)
		if (!(sc->text[sc->t[k].s + x] >= 'A' && sc->text[sc->t[k].s + x] <= 'Z'))
			return false;
	return true;
}

/* Whether word k opens capitals joined by an ampersand without spaces before a capitalised
 * word ("A&M Records"): its "A" is no article. */
static bool amp_letters(const scan *sc, size_t k)
{
	return k + 3 < sc->n && letters_caps(sc, k) && sc->t[k + 1].kind == K_PUNCT &&
	       sc->t[k + 1].s == sc->t[k].e && sc->t[k + 1].e == sc->t[k + 1].s + 1 &&
	       sc->text[sc->t[k + 1].s] == '&' && sc->t[k + 2].s == sc->t[k + 1].e &&
	       sc->t[k + 2].kind == K_WORD && letters_caps(sc, k + 2) && sc->t[k + 3].kind == K_WORD &&
	       (sc->t[k + 3].flags & F_CAP) && !(sc->t[k + 3].flags & F_START);
}

static int emit_span(scan *sc, mlist *ml, size_t i, size_t j, int depth)
{
	char key[KEY_MAX];
	bool titled = false;
	while (i <= j) {
		if (!tok_key(sc, i, key, sizeof key))
			break;
		/* "Duke University", "Prince Edward Island", "King's College": a title before a lone
		 * name keyword belongs to the name */
		unsigned lists = word_lists(key);
		char nx[KEY_MAX];
		if ((lists & L_TITLES) && i < j &&
		    !(i + 1 == j && tok_key(sc, j, nx, sizeof nx) && in_set(nx, L_ORG | L_LOC | L_MISC)) &&
		    !listed_thing(sc, i, j) && !possessive_head(sc, i, i + 1)) {
			titled = true;
			i++;
			while (i < j && sc->t[i].kind == K_PUNCT)
				i++;
			/* "Secretary of State Antony Blinken": skip the rest of the role; "Fellow of
			 * the Royal Society": what follows is what the role is of, not a person */
			if (i + 2 <= j && sc->t[i].kind == K_WORD && !(sc->t[i].flags & F_CAP) &&
			    tok_key(sc, i, key, sizeof key) && is_connector(key)) {
				if (!(sc->t[i + 1].flags & F_CAP))
					titled = false;
				/* "Governor of Gresham's School": the school is the whole name */
				if (possessive_head(sc, i + 1, i + 2)) {
					titled = false;
					i++;
				} else {
					i += 2;
				}
			} else if (i + 1 == j && sc->t[i].kind == K_WORD && !(sc->t[i].flags & F_CAP) &&
				   tok_key(sc, i, key, sizeof key) && is_connector(key)) {
				/* "Secretary of Defense", "Minister of Finance": the one word after
				 * the role is what it is of, and a common noun there names nothing */
				titled = false;
				if (english(sc) && tok_key(sc, j, key, sizeof key) && english_common_noun(key))
					return 0;
			}
			continue;
		}
		if (((sc->t[i].flags & F_START) && common_at_start(sc, key) && !place_prefix(sc, i, key) &&
		     !listed_opening(sc, i, j)) ||
		    (lists & L_MONTHS) ||
		    ((lists & L_FUNCTION) && !name_article(sc, i, key) && !amp_letters(sc, i))) {
			i++;
			while (i <= j && !(sc->t[i].flags & F_CAP))
				i++;
			continue;
		}
		break;
	}
	/* "Geologist Farouk El-Baz", "Teammate Russell Ingall": in English, a common noun that
	 * opens a sentence before a given name is a role, not part of the name */
	if (english(sc) && i < j && (sc->t[i].flags & F_START) && !(sc->t[i].flags & F_UPPER) &&
	    sc->t[i + 1].kind == K_WORD && (sc->t[i + 1].flags & F_CAP) && tok_key(sc, i, key, sizeof key) &&
	    !word_lists(key) && wordnet_common(key)) {
		char gt, nx[KEY_MAX];
		if (rv__ner_gaz_find(key, &gt) < 0 && tok_key(sc, i + 1, nx, sizeof nx) && in_set(nx, L_GIVEN))
			i++;
	}
	/* "Residents of Marrowby", "Supporters of Ortega": a plural common noun and
	 * "of" opening a sentence are who, not a name ("Friends of the Earth" is
	 * a listed one) */
	if (english(sc) && i + 2 <= j && (sc->t[i].flags & F_START) && !(sc->t[i].flags & F_UPPER) &&
	    sc->t[i + 1].kind == K_WORD && !(sc->t[i + 1].flags & F_CAP) && tok_key(sc, i + 1, key, sizeof key) &&
	    !strcmp(key, "of") && sc->t[i + 2].kind == K_WORD && (sc->t[i + 2].flags & F_CAP) &&
	    tok_key(sc, i, key, sizeof key) &&
	    /* lists of words around names may hold it, not those of names' heads
	     * ("Bank of England", "University of Oxford") or titles ("Duke of") */
	    !(word_lists(key) & ~(unsigned)(L_CUE_PER | L_CUE_LOC | L_CUE_ORG | L_CUE_MISC |
					    L_CUE_OF_LOC | L_CUE_OF_ORG | L_SPORTS_EN | L_CLUB |
					    L_EPONYM)) &&
	    !wordnet_common(key) && english_common_noun(key) && !known_span(sc, i, j))
		i += 2;
	/* "Historian Ammianus Marcellinus", "Critic Kobena Mercer", "Actors Barbra Streisand": so
	 * is one before two capitalised words that are a person by themselves */
	if (english(sc) && i + 1 < j && (sc->t[i].flags & F_START) && !(sc->t[i].flags & F_UPPER) &&
	    sc->t[i + 1].kind == K_WORD && (sc->t[i + 1].flags & F_CAP) && tok_key(sc, i, key, sizeof key) &&
	    !word_lists(key) && english_common_noun(key) && !known_span(sc, i, j)) {
		char gt;
		mention rest = {0, 0, T_MISC, -1, false, false, {0, 0, 0, 0}};
		if (rv__ner_gaz_find(key, &gt) < 0 && classify(sc, i + 1, j, false, &rest) == T_PER)
			i++;
	}
	while (j >= i && j > 0 && sc->t[j].kind == K_WORD && !(sc->t[j].flags & F_CAP))
		j--;
	if (i > j || j == (size_t)-1)
		return 0;
	/* "Justin Verlander des Tigers de Détroit", "les Blues de Saint-Louis de la LNH": a team
	 * inside a run joined by connectors is a name of its own */
	if (depth < 8 && i + 2 < j && !team_name(sc, i, j)) {
		for (size_t a = i; a + 2 <= j; a++) {
			if (a > i && !(sc->t[a - 1].kind == K_WORD && !(sc->t[a - 1].flags & F_CAP) &&
				       tok_key(sc, a - 1, key, sizeof key) && is_connector(key)))
				continue;
			if (!plural_word(sc, a))
				continue;
			for (size_t b = j; b >= a + 2; b--) {
				if (b < j && !(sc->t[b + 1].kind == K_WORD && !(sc->t[b + 1].flags & F_CAP) &&
					       tok_key(sc, b + 1, key, sizeof key) && is_connector(key)))
					continue;
				if (!team_name(sc, a, b))
					continue;
				if (a > i + 1 && emit_span(sc, ml, i, a - 2, depth + 1))
					return -1;
				if (emit_span(sc, ml, a, b, depth + 1))
					return -1;
				size_t r = b + 2;
				while (r <= j && sc->t[r].kind == K_WORD && !(sc->t[r].flags & F_CAP))
					r++;
				return r <= j ? emit_span(sc, ml, r, j, depth + 1) : 0;
			}
		}
	}
	if (depth < 8 && i + 1 < j && english(sc) && !known_span(sc, i, j)) {
		size_t k = of_split(sc, i, j);
		if (k) {
			size_t b = k + 1;
			if (sc->t[b].kind == K_WORD && !(sc->t[b].flags & F_CAP))
				b++;
			if (emit_span(sc, ml, i, k - 1, depth + 1))
				return -1;
			return emit_span(sc, ml, b, j, depth + 1);
		}
	}
	if (depth < 8 && i < j && !known_span(sc, i, j)) {
		for (size_t k = i + 1; k <= j; k++) {
			/* "Jeffrey M. Jones": one letter inside a name is an initial, not "M." */
			if (sc->t[k].kind == K_WORD && (sc->t[k].flags & F_CAP) && sc->t[k].e - sc->t[k].s > 1 &&
			    tok_key(sc, k, key, sizeof key) && in_set(key, L_TITLES) && k < j &&
			    !(k + 1 == j && junior(sc, j) && given_name_run(sc, i, j)) &&
			    !(english(sc) && k + 1 == j && tok_key(sc, j, key, sizeof key) &&
			      in_set(key, L_ORG | L_LOC | L_MISC))) {
				if (emit_span(sc, ml, i, k - 1, depth + 1))
					return -1;
				return emit_span(sc, ml, k, j, depth + 1);
			}
		}
		for (size_t k = j - 1; k + 1 > i; k--) {
			if (!(sc->t[k + 1].flags & F_CAP))
				continue;
			/* split only before a person: "Pentagone John Kirby", not
			 * "Chicago White Sox" or "British Army" */
			mention tail = {0, 0, T_MISC, -1, false, false, {0, 0, 0, 0}};
			/* a team stays whole: "Chicago White Sox" is no place and a person */
			if (split_after(sc, i, k) && k + 1 < j &&
			    classify(sc, k + 1, j, false, &tail) == T_PER && !team_name(sc, i, j)) {
				if (emit_span(sc, ml, i, k, depth + 1))
					return -1;
				return emit_span(sc, ml, k + 1, j, depth + 1);
			}
		}
	}
	/* a title before the run: "M. Biden", "le président Macron" */
	if (!titled && i > 0) {
		size_t p = i - 1;
		if (sc->t[p].kind == K_PUNCT && sc->text[sc->t[p].s] == '.' && p > 0)
			p--;
		if (sc->t[p].kind == K_WORD && tok_key(sc, p, key, sizeof key) && in_set(key, L_TITLES))
			titled = true;
	}
	size_t len = sc->t[j].e - sc->t[i].s;
	if (i == j && len < 2)
		return 0;
	/* an abbreviation of a common noun ("CEO", "GDP", "DNA", "PDG", "PIB") names nothing */
	if (i == j && (sc->t[i].flags & F_UPPER) && tok_key(sc, i, key, sizeof key) &&
	    in_list(key, common_acronyms))
		return 0;
	/* "DVDs", "CEOs", "RBIs", "APIs": an abbreviation in the plural is a common noun (in
	 * WikiNEuRal EN, 3 of 41 such words are names) */
	if (i == j && sc->t[i].kind == K_WORD && len >= 3 && sc->text[sc->t[i].e - 1] == 's') {
		const char *w = sc->text + sc->t[i].s;
		size_t caps = 0;
		while (caps < len - 1 && w[caps] >= 'A' && w[caps] <= 'Z')
			caps++;
		char gt;
		if (caps == len - 1 && caps >= 2 && tok_key(sc, i, key, sizeof key) && rv__ner_gaz_find(key, &gt) < 0)
			return 0;
	}
	/* a keyword alone ("Parti", "Série", "University", "League") is a common noun */
	if (i == j && tok_key(sc, i, key, sizeof key) &&
	    in_set(key, L_ORG | L_LOC | L_MISC | L_FRHEAD | L_LHEAD)) {
		char gt;
		if (rv__ner_gaz_find(key, &gt) < 0 && span_type(key) == T_NONE)
			return 0;
	}
	/* a title alone ("the King", "Prime Minister") names nobody */
	if (tok_key(sc, j, key, sizeof key) && in_set(key, L_TITLES)) {
		size_t k = i;
		while (k < j && sc->t[k].kind == K_WORD && tok_key(sc, k, key, sizeof key) &&
		       (in_set(key, L_TITLES) || is_connector(key)))
			k++;
		if (k == j)
			return 0;
		/* "KMT Chairman", "Finance Minister", "UNICEF Goodwill Ambassador": in English, a
		 * title after a name is no part of it (and a common noun before it names
		 * nothing); titles that are surnames too ("Carole King", "George Duke") stay */
		static const char *const title_surnames[] = {
			"king", "queen", "duke", "pope", "prince", "bishop", "knight", "marshal", "earl",
			"baron", "bey", "khan", "shah", "sultan", "emperor", "lord", "count", NULL,
		};
		if (english(sc) && !known_span(sc, i, j) && depth < 8 && !given_name_run(sc, i, j) &&
		    !(tok_key(sc, i, key, sizeof key) && in_set(key, L_GIVEN)) && sc->t[j - 1].kind == K_WORD &&
		    !(tok_key(sc, j, key, sizeof key) && in_list(key, title_surnames))) {
			size_t e = j - 1;
			while (e > i && sc->t[e].kind != K_WORD)
				e--;
			if (e == i && tok_key(sc, i, key, sizeof key) && !(sc->t[i].flags & F_UPPER) &&
			    english_common_noun(key) && !word_lists(key))
				return 0;
			return emit_span(sc, ml, i, e, depth + 1);
		}
	}
	/* "Meanwhile,", "Unfortunately", "Excluding": a lone unknown word at a
	 * sentence start that looks like an adverb or a participle */
	if (i == j && (sc->t[i].flags & F_START) && !(sc->t[i].flags & F_UPPER) &&
	    tok_key(sc, i, key, sizeof key)) {
		char gt;
		const unsigned char *wc = word_counts(key);
		bool named = (wc && wc[1] + wc[2] + wc[3] + wc[4] > 0) || rv__ner_gaz_find(key, &gt) >= 0 ||
			     span_type(key) != T_NONE;
		size_t kl = strlen(key);
		/* French participles: "Sélectionné en équipe de France", "Évoluant au poste de" */
		const char *raw = sc->text + sc->t[i].s;
		size_t rl = sc->t[i].e - sc->t[i].s;
		bool fr_part = sc->french && kl > 5 &&
			       ((rl > 2 && !memcmp(raw + rl - 2, "\xc3\xa9", 2)) ||
				(rl > 3 && !memcmp(raw + rl - 3, "\xc3\xa9" "e", 3)) ||
				(rl > 3 && !memcmp(raw + rl - 3, "\xc3\xa9" "s", 3)) ||
				!strcmp(key + kl - 3, "ant"));
		bool shape = fr_part ||
			     (kl > 4 && (!strcmp(key + kl - 2, "ly") || !strcmp(key + kl - 3, "ing") ||
					 !strcmp(key + kl - 4, "ment") || !strcmp(key + kl - 4, "less"))) ||
			     (j + 1 < sc->n && sc->t[j + 1].kind == K_PUNCT && sc->text[sc->t[j + 1].s] == ',');
		/* "Prior to", "Unlike the", "Apart from", "Examples of": a preposition or an
		 * article right after says the word is a common one */
		char nx[KEY_MAX];
		if (j + 1 < sc->n && sc->t[j + 1].kind == K_WORD && !(sc->t[j + 1].flags & F_CAP) &&
		    tok_key(sc, j + 1, nx, sizeof nx) && !in_set(key, L_GIVEN) &&
		    (!strcmp(nx, "the") || !strcmp(nx, "a") || !strcmp(nx, "an") || !strcmp(nx, "to") ||
		     !strcmp(nx, "from") || !strcmp(nx, "of") || !strcmp(nx, "le") || !strcmp(nx, "la") ||
		     !strcmp(nx, "les") || !strcmp(nx, "un") || !strcmp(nx, "une") || !strcmp(nx, "du") ||
		     !strcmp(nx, "des")))
			shape = true;
		/* "Excavations at", "Tensions rose", "Footage of": in English, a common noun of
		 * WordNet (or its plural) before a word in lower case opens a sentence, it names
		 * nothing */
		if (!shape && english(sc) && j + 1 < sc->n && sc->t[j + 1].kind == K_WORD &&
		    !(sc->t[j + 1].flags & F_CAP) && !in_set(key, L_GIVEN) && english_common_noun(key) &&
		    !word_seen(sc->capital, key))
			shape = true;
		/* "Weakened by", "Modeled on", "Concerned about": an English participle, and
		 * "Low-cost carrier", "Year-long events": a compound in lower case after its
		 * hyphen, before a word in lower case */
		if (!shape && english(sc) && j + 1 < sc->n && sc->t[j + 1].kind == K_WORD &&
		    !(sc->t[j + 1].flags & F_CAP) && !in_set(key, L_GIVEN)) {
			const char *hy = memchr(raw, '-', rl);
			if ((kl > 5 && !strcmp(key + kl - 2, "ed")) ||
			    (hy && hy + 1 < raw + rl && hy[1] >= 'a' && hy[1] <= 'z'))
				shape = true;
		}
		/* "Philosophical works", "Volcanic rocks", "Numerous": an English adjective's
		 * ending before a word in lower case */
		if (!shape && english(sc) && kl > 6 && j + 1 < sc->n && sc->t[j + 1].kind == K_WORD &&
		    !(sc->t[j + 1].flags & F_CAP) &&
		    (!strcmp(key + kl - 4, "ical") || !strcmp(key + kl - 3, "ous") || !strcmp(key + kl - 3, "ive") ||
		     !strcmp(key + kl - 4, "onal") || !strcmp(key + kl - 4, "otic")))
			shape = true;
		if (!named && shape)
			return 0;
	}
	/* German writes every noun with a capital: there only what the lists know,
	 * a given name's run and acronyms are names ("Bremen", "Thomas Müller",
	 * "CAE"), not "Unterstützung" or "Dieser Vertrag"; a run nobody knows is
	 * read word by word ("Stadt Bremen" -> "Bremen"). */
	if (sc->noun_caps && !titled && !noun_caps_name(sc, i, j)) {
		if (i == j)
			return 0;
		for (size_t k = i; k <= j; k++)
			if (sc->t[k].kind == K_WORD && (sc->t[k].flags & F_CAP) && emit_span(sc, ml, k, k, depth + 1))
				return -1;
		return 0;
	}
	mention m = {sc->t[i].s, sc->t[j].e, T_MISC, -1, false, false, {0, 0, 0, 0}};
	m.type = classify(sc, i, j, titled, &m);
	/* "the Test", "a Rock": in English, a lone word only the type model calls a name, that
	 * the same text also writes in lower case, is a common word */
	if (m.guessed && i == j && english(sc) && !(sc->t[i].flags & F_UPPER) &&
	    tok_key(sc, i, key, sizeof key) && seen_lower(sc, key))
		return 0;
	int classified = m.type;
	/* a ground stays a place ("at Fenway Park", "Old Trafford"); "Workington Town" is a club */
	bool ground = j > i && tok_key(sc, j, key, sizeof key) && in_set(key, L_LOC) && strcmp(key, "town") &&
		      strcmp(key, "city");
	/* other: a guess, or one word a rule typed ("Hibernian"), not "Hurricane Laura" */
	if ((m.type == T_LOC || (m.type == T_MISC && !m.sure && (m.guessed || i == j))) && j - i < 3 && !ground &&
	    (club_before_noun(sc, j) || sports_club(sc, i, j) || (english(sc) && body_cue_before(sc, i))) &&
	    !rv__ner_gaz_country(m.gaz_row)) /* national sides stay places */
		m.type = T_ORG;
	/* a guessed person before a club noun is the club too ("his Fulham debut"), and so is, in
	 * English, a lone word no list calls a person in a football sentence after "for",
	 * "against"… ("played nine times for Burnley", "a loan to Alashkert", "a draw with
	 * Chesterfield", which the old newspapers name as a person, "against Everton's defence") */
	else if (m.type == T_PER && !m.sure && !titled && j - i < 2 &&
		 (club_before_noun(sc, j) || (i == j && english(sc) && sports_club(sc, i, j))))
		m.type = T_ORG;
	/* "UEFA Euro 2008", "Tour d'Italie 2011": so does a year after it */
	join_year(sc, &m, j);
	/* "2008 Summer Olympics", "2010 FIFA World Cup": the year belongs to the event; so it does
	 * to a league or a cup, which with its year is the season or the edition ("2010 Armenian
	 * Premier League", "2015 FA Community Shield") */
	if ((m.type == T_MISC || competition_word(sc, j)) && i > 0 && sc->t[i - 1].kind == K_NUM &&
	    sc->t[i - 1].e - sc->t[i - 1].s == 4 && sc->t[i - 1].e + 1 == sc->t[i].s &&
	    sc->text[sc->t[i - 1].e] == ' ' &&
	    (sc->text[sc->t[i - 1].s] == '1' || sc->text[sc->t[i - 1].s] == '2')) {
		m.s = sc->t[i - 1].s;
		m.gaz_row = -1;
		m.type = T_MISC;
	}
	if (m.type != classified)
		m.guessed = false;
	return add_mention(ml, m);
}

/* The longest listed name starting at token i that has lower-case words in
 * it ("Banque mondiale", "Union européenne", "Ligue nationale de hockey"):
 * its last token, or i - 1 when none. */
/* First words of the listed names of several words, so that most
 * capitalised words need no phrase lookups at all. */
static rv__strindex ix_first;
static const char **first_words;
static pthread_once_t first_once = PTHREAD_ONCE_INIT;

static void first_build(void)
{
	size_t ns = sizeof rv__ner_spans / sizeof *rv__ner_spans, n = 0;
	size_t cap = ns + 1024;
	first_words = calloc(cap, sizeof *first_words);
	if (!first_words)
		return;
	char buf[KEY_MAX];
	for (size_t k = 0; k < ns && n < cap; k++) {
		const char *sp = strchr(rv__ner_spans[k].key, ' ');
		if (!sp || (size_t)(sp - rv__ner_spans[k].key) >= sizeof buf)
			continue;
		memcpy(buf, rv__ner_spans[k].key, (size_t)(sp - rv__ner_spans[k].key));
		buf[sp - rv__ner_spans[k].key] = '\0';
		char *d = strdup(buf);
		if (d)
			first_words[n++] = d;
	}
	for (int r = 0; rv__ner_gazetteer[r] && n < cap; r++) {
		const char *at = NULL;
		char f[KEY_MAX];
		while (n < cap && rv__ner_gaz_next_folded(r, &at, f, sizeof f)) {
			char *sp = strchr(f, ' ');
			if (!sp)
				continue;
			*sp = '\0';
			char *d = strdup(f);
			if (d)
				first_words[n++] = d;
		}
	}
	rv__strindex_build(&ix_first, first_words, n, sizeof *first_words);
}

static size_t listed_phrase(const scan *sc, size_t i)
{
	char key[KEY_MAX];
	char gt;
	size_t best = i - 1;
	bool lower = false;
	pthread_once(&first_once, first_build);
	if (!tok_key(sc, i, key, sizeof key) || rv__strindex_find(&ix_first, key) < 0)
		return best;
	for (size_t j = i + 1; j < sc->n && j < i + 7; j++) {
		if (sc->t[j].kind == K_PUNCT)
			break;
		if (!(sc->t[j].flags & F_CAP))
			lower = true;
		if (!lower)
			continue;
		if (!span_key(sc, i, j, key, sizeof key))
			break;
		if (rv__ner_gaz_find(key, &gt) >= 0 || (span_type(key) != T_NONE && j > i + 1))
			best = j;
	}
	return best;
}

/* Whether a listed name of two words or more (a gazetteer row or a name of the
 * lexicon) opens at token i and ends by token j, in i's sentence: "Human Rights
 * Watch said", "Friends of the Earth said", "Médecins sans frontières a". The
 * name is known whole, so its first word opens the name, not only the
 * sentence, however common the word is elsewhere ("human", "friends"). */
static bool listed_opening(const scan *sc, size_t i, size_t j)
{
	char key[KEY_MAX];
	char gt;
	pthread_once(&first_once, first_build);
	size_t o = tok_key(sc, i, key, sizeof key);
	if (!o || rv__strindex_find(&ix_first, key) < 0)
		return false;
	for (size_t k = i + 1; k <= j && k < sc->n && k < i + 7; k++) {
		if (sc->t[k].flags & F_START)
			break;
		/* The span's key grows by the tokens' cached keys (a fold per span was a
		 * hundredth of the analysis): a space where white space parts them,
		 * nothing where they touch; anything else between them is folded whole. */
		const char *gap = sc->text + sc->t[k - 1].e;
		size_t gl = sc->t[k].s - sc->t[k - 1].e, g = 0;
		while (g < gl && (gap[g] == ' ' || gap[g] == '\t' || gap[g] == '\n' || gap[g] == '\r'))
			g++;
		char w[KEY_MAX];
		size_t n = g == gl ? tok_key(sc, k, w, sizeof w) : 0;
		if (n && o + (gl > 0) + n < sizeof key) {
			if (gl)
				key[o++] = ' ';
			memcpy(key + o, w, n + 1);
			o += n;
		} else {
			o = span_key(sc, i, k, key, sizeof key);
			if (!o)
				return false;
		}
		/* a word or a number ends a name of two words; "S." is one, an initial */
		if (sc->t[k].kind != K_PUNCT && (rv__ner_gaz_find(key, &gt) >= 0 || span_type(key) != T_NONE))
			return true;
	}
	return false;
}

/* A lower-case French adjective: a listed one or a typical ending. */
static bool fr_adjective(const char *key)
{
	static const char *const endings[] = {
		"ale", "ales", "aux", "aine", "aines", "ains", "aise", "aises", "ienne", "iennes",
		"iens", "ique", "iques", "elle", "elles", "ive", "ives", "oise", "oises", "aire",
		"aires", "ure", "ieure", "iste", "istes", "ane", "anes", "ais", "ain", NULL,
	};
	if (in_set(key, L_FRADJ))
		return true;
	if (in_set(key, L_FUNCTION) || !strcmp(key, "mais") || !strcmp(key, "jamais"))
		return false;
	size_t n = strlen(key);
	for (const char *const *e = endings; *e; e++) {
		size_t m = strlen(*e);
		if (n > m + 2 && !strcmp(key + n - m, *e))
			return true;
	}
	return false;
}

/* "Ligue nationale de hockey", "Jeux olympiques d'été de 2008": the last
 * token of a French name that goes on in lower case after its head, or i. */
static size_t french_name(const scan *sc, size_t i)
{
	char key[KEY_MAX];
	if (!tok_key(sc, i, key, sizeof key) || !in_set(key, L_FRHEAD))
		return i;
	size_t j = i, k = i + 1;
	bool lower = false;
	while (k < sc->n && k < i + 9) {
		const tok *u = &sc->t[k];
		if (u->kind == K_WORD && (u->flags & F_CAP) && !(u->flags & F_START)) {
			j = k++;
			continue;
		}
		if (u->kind != K_WORD || !tok_key(sc, k, key, sizeof key))
			break;
		if (fr_adjective(key)) {
			j = k++;
			lower = true;
			continue;
		}
		if (in_set(key, L_CONNECTOR)) {
			size_t m = k + 1;
			if (m < sc->n && sc->t[m].kind == K_WORD && tok_key(sc, m, key, sizeof key) &&
			    in_set(key, L_CONNECTOR) && !(sc->t[m].flags & F_CAP))
				m++;
			if (m >= sc->n)
				break;
			const tok *x = &sc->t[m];
			if (x->kind == K_WORD && (x->flags & F_CAP)) {
				j = m;
				k = m + 1;
				continue;
			}
			if (x->kind == K_WORD && tok_key(sc, m, key, sizeof key) && in_set(key, L_FRNOUN)) {
				j = m;
				k = m + 1;
				lower = true;
				continue;
			}
			if (x->kind == K_NUM && x->e - x->s == 4) {
				j = m;
				k = m + 1;
				continue;
			}
		}
		break;
	}
	return lower ? j : i;
}

/* French common nouns that head a name in lower case ("la guerre de Corée", "la mer
 * Noire", "le lac Léman", "la dynastie Han"), with the type of the whole name. */
static const struct lower_name_head {
	const char *key;
	int type;
} lower_name_heads[] = {
	/* not "tournoi", "rivière", "fleuve", "vallée", "siège", "championnat": those are common
	 * nouns before a name ("le tournoi de Wimbledon", "la rivière Schwalm") more often than
	 * part of it */
	{"guerre", T_MISC}, {"bataille", T_MISC}, {"traite", T_MISC},
	{"dynastie", T_MISC}, {"revolution", T_MISC}, {"coupe", T_MISC},
	{"mer", T_LOC}, {"lac", T_LOC},
	{"ile", T_LOC}, {"iles", T_LOC}, {"baie", T_LOC}, {"ocean", T_LOC}, {"golfe", T_LOC},
	{"mont", T_LOC}, {"monts", T_LOC}, {"massif", T_LOC},
	{"detroit", T_LOC}, {"peninsule", T_LOC},
	{"chateau", T_LOC}, {"palais", T_LOC}, {"stade", T_LOC}, {"gare", T_LOC},
	{"aeroport", T_LOC}, {"cathedrale", T_LOC}, {"abbaye", T_LOC}, {"comte", T_LOC},
	{"royaume", T_LOC}, {"universite", T_ORG}, {NULL, T_NONE},
};
/* Heads that are English words too ("province of Quebec", "the Delta Queen"): only in
 * French text. */
static const struct lower_name_head lower_name_heads_fr[] = {
	{"festival", T_MISC}, {"carnaval", T_MISC}, {"musee", T_LOC}, {"canal", T_LOC},
	{"bois", T_LOC}, {"chutes", T_LOC}, {"prefecture", T_LOC},
	{"cordillere", T_LOC}, {"boulevard", T_LOC}, {"cimetiere", T_LOC}, {"delta", T_LOC},
	{NULL, T_NONE},
};

/* Hash indexes over the two lists: the lookup runs for most lower-case words. */
static rv__strindex ix_lower_heads, ix_lower_heads_fr;
static pthread_once_t lower_heads_once = PTHREAD_ONCE_INIT;

static void lower_heads_build(void)
{
	/* the NULL row that ends each list is left out */
	rv__strindex_build(&ix_lower_heads, lower_name_heads,
			   sizeof lower_name_heads / sizeof *lower_name_heads - 1, sizeof *lower_name_heads);
	rv__strindex_build(&ix_lower_heads_fr, lower_name_heads_fr,
			   sizeof lower_name_heads_fr / sizeof *lower_name_heads_fr - 1,
			   sizeof *lower_name_heads_fr);
}

static int lower_name_type(const char *key, bool french)
{
	pthread_once(&lower_heads_once, lower_heads_build);
	long i = rv__strindex_find(&ix_lower_heads, key);
	if (i >= 0)
		return lower_name_heads[i].type;
	if (french && (i = rv__strindex_find(&ix_lower_heads_fr, key)) >= 0)
		return lower_name_heads_fr[i].type;
	return T_NONE;
}

/* The end of a name headed by a lower-case noun at token i ("guerre de Corée"):
 * connectors then capitalised words, or i when no name follows. */
static size_t lower_name(const scan *sc, size_t i)
{
	char key[KEY_MAX];
	size_t k = i + 1, j = i;
	for (int c = 0; c < 2 && k < sc->n && sc->t[k].kind == K_WORD && !(sc->t[k].flags & F_CAP) &&
			tok_key(sc, k, key, sizeof key) && is_connector(key);
	     c++)
		k++;
	while (k < sc->n && sc->t[k].kind == K_WORD && (sc->t[k].flags & F_CAP) && !(sc->t[k].flags & F_START)) {
		j = k++;
		/* "Tintin au pays des Soviets" is too long to guess; "guerre de Sept Ans" is not */
		if (k + 1 < sc->n && sc->t[k].kind == K_WORD && !(sc->t[k].flags & F_CAP) &&
		    tok_key(sc, k, key, sizeof key) && is_connector(key) && sc->t[k + 1].kind == K_WORD &&
		    (sc->t[k + 1].flags & F_CAP) && !(sc->t[k + 1].flags & F_START))
			k++;
	}
	return j;
}

/* Abbreviations whose dot does not end a name: initials, "St", "Mt", "Jr". */
static bool abbrev(const char *key)
{
	static const char *const ab[] = {"st", "mt", "ft", "jr", "sr", "ste", "bros", "co", NULL};
	if (key[0] && !key[1])
		return true;
	return in_list(key, ab);
}

/* ---- titles in quotation marks ---- */

/* 1 for an opening double quote (" « “), 2 for a closing one (" » ”), 3 for the ASCII one
 * (either), 0 otherwise. */
static int quote_kind(const scan *sc, size_t k)
{
	if (sc->t[k].kind != K_PUNCT)
		return 0;
	const char *p = sc->text + sc->t[k].s;
	size_t n = sc->t[k].e - sc->t[k].s;
	if (n == 1 && *p == '"')
		return 3;
	if (n == 2 && !memcmp(p, "\xc2\xab", 2))
		return 1;
	if (n == 3 && !memcmp(p, "\xe2\x80\x9c", 3))
		return 1;
	if (n == 2 && !memcmp(p, "\xc2\xbb", 2))
		return 2;
	if (n == 3 && !memcmp(p, "\xe2\x80\x9d", 3))
		return 2;
	return 0;
}

/* Verbs of speech next to a quotation say it is speech, not a title. */
static const char *const speech_words[] = {
	"said", "says", "say", "told", "added", "asked", "wrote", "explained", "stated", "declared",
	"according", "dit", "declare", "ajoute", "affirme", "explique", "estime", "selon",
	"indique", "precise", "souligne", "lance", "confie", "raconte", "reconnait", NULL,
};

/* A short quoted span that starts with a capital or a digit, ends with a word and has
 * no speech verb next to it is a title: a film, a song, a book, a game ("The Tunnel of
 * Love", « La Reine des neiges »). The index of the closing quote, or 0. */
static size_t quoted_title(const scan *sc, size_t i)
{
	char key[KEY_MAX];
	if (!(quote_kind(sc, i) & 1) || i + 1 >= sc->n)
		return 0;
	const tok *f = &sc->t[i + 1];
	if (!((f->kind == K_WORD && (f->flags & F_CAP)) || f->kind == K_NUM))
		return 0;
	size_t c = 0;
	for (size_t k = i + 1; k < sc->n && k <= i + 11; k++) {
		if (quote_kind(sc, k) & 2) {
			c = k;
			break;
		}
		if (quote_kind(sc, k))
			return 0;
	}
	if (!c || c == i + 1 || sc->t[c - 1].kind == K_PUNCT)
		return 0;
	if (memchr(sc->text + sc->t[i].e, '\n', sc->t[c].s - sc->t[i].e))
		return 0;
	/* a letter or a number ("A", "3") names nothing */
	if (c == i + 2 && (sc->t[i + 1].kind != K_WORD || sc->t[i + 1].e - sc->t[i + 1].s < 2))
		return 0;
	/* a species ("Homo erectus", "Acer capillipes"): a capitalised word, then one in lower case */
	if (c == i + 3 && sc->t[i + 2].kind == K_WORD && !(sc->t[i + 2].flags & F_CAP) &&
	    tok_key(sc, i + 1, key, sizeof key) && !in_set(key, L_FUNCTION))
		return 0;
	for (size_t k = i + 1; k < c; k++) {
		if (sc->t[k].kind != K_PUNCT)
			continue;
		char ch = sc->text[sc->t[k].s];
		if (ch == '.' || ch == '!' || ch == '?' || ch == ';')
			return 0;
	}
	/* "Nobody was answering the phone", "Generally favorable reviews": English writes the
	 * titles of works with capitals ("The Late Show with David Letterman"); two words in
	 * lower case that are no function words make a quoted phrase, not a title (French
	 * titles keep lower case: "Le Petit Prince", "Sur quelques points") */
	if (english(sc)) {
		int lower = 0;
		for (size_t k = i + 2; k < c; k++)
			if (sc->t[k].kind == K_WORD && !(sc->t[k].flags & F_CAP) && tok_key(sc, k, key, sizeof key) &&
			    !in_set(key, L_FUNCTION) && !is_connector(key))
				lower++;
		if (lower >= 2)
			return 0;
	}
	/* a nickname inside a name: Earvin "Magic" Johnson */
	if (i > 0 && c + 1 < sc->n && sc->t[i - 1].kind == K_WORD && (sc->t[i - 1].flags & F_CAP) &&
	    sc->t[c + 1].kind == K_WORD && (sc->t[c + 1].flags & F_CAP) && sc->t[c + 1].s <= sc->t[c].e + 1)
		return 0;
	/* speech: a verb of saying just before or after ("», a déclaré X": the
	 * comma and the auxiliary come first) */
	bool aux = c + 2 < sc->n && sc->t[c + 1].kind == K_PUNCT && sc->text[sc->t[c + 1].s] == ',' &&
		   sc->t[c + 2].kind == K_WORD && tok_key(sc, c + 2, key, sizeof key) &&
		   (!strcmp(key, "a") || !strcmp(key, "ont") || !strcmp(key, "avait") ||
		    !strcmp(key, "has") || !strcmp(key, "had"));
	size_t near[5] = {i >= 1 ? i - 1 : SIZE_MAX, i >= 2 ? i - 2 : SIZE_MAX, c + 1, c + 2,
			  aux ? c + 3 : SIZE_MAX};
	for (int x = 0; x < 5; x++) {
		size_t k = near[x];
		if (k == SIZE_MAX || k >= sc->n || sc->t[k].kind != K_WORD)
			continue;
		if (tok_key(sc, k, key, sizeof key) && in_list(key, speech_words))
			return 0;
	}
	return c;
}

/* What joins two names of one list: "Truro, and Provincetown", "Emerson et Lake". */
static bool list_joint(const char *s, size_t n)
{
	static const char *const joints[] = {", ", " and ", ", and ", " or ", ", or ", " & ",
					     " et ", ", et ", " ou ", NULL};
	for (const char *const *p = joints; *p; p++)
		if (strlen(*p) == n && !memcmp(s, *p, n))
			return true;
	return false;
}

/* "the towns of Brewster, Orleans, Eastham, Truro and Provincetown", "Keith Emerson and
 * Greg Lake": the names of one list are of one kind (in WikiNEuRal EN, 94 % of the names
 * listed side by side share a type), so a name only the type model typed takes the type
 * the other names of its list agree on. */
static void agree_in_lists(const scan *sc, mlist *ml)
{
	size_t a = 0;
	while (a < ml->n) {
		size_t b = a;
		while (b + 1 < ml->n && ml->m[b + 1].s >= ml->m[b].e &&
		       list_joint(sc->text + ml->m[b].e, ml->m[b + 1].s - ml->m[b].e))
			b++;
		if (b > a) {
			int votes[4] = {0, 0, 0, 0};
			int guesses = 0, voters = 0, best = 0;
			for (size_t k = a; k <= b; k++) {
				if (ml->m[k].guessed) {
					guesses++;
					continue;
				}
				votes[ml->m[k].type]++;
				voters++;
			}
			for (int t = 1; t < 4; t++)
				if (votes[t] > votes[best])
					best = t;
			if (guesses && voters && 2 * votes[best] > voters) {
				for (size_t k = a; k <= b; k++)
					if (ml->m[k].guessed)
						ml->m[k].type = best;
			} else if (!voters) {
				/* only guesses: the list takes the type of the model's summed scores */
				long sum[4] = {0, 0, 0, 0};
				for (size_t k = a; k <= b; k++)
					for (int t = 0; t < 4; t++)
						sum[t] += ml->m[k].score[t];
				int top = 0;
				for (int t = 1; t < 4; t++)
					if (sum[t] > sum[top])
						top = t;
				for (size_t k = a; k <= b; k++)
					ml->m[k].type = top;
			}
		}
		a = b + 1;
	}
}

/* Heads of organisations' names that "for" continues ("Center for Global Development"). */
static const char *const for_heads[] = {
	"center", "centre", "institute", "society", "organization", "organisation", "association",
	"council", "foundation", "committee", "endowment", "network", "alliance", "coalition", "fund",
	"commission", "agency", "office", "bureau", "americans", "people", "campaign", "movement",
	"party", "trust", "academy", "school", "college", "ministry", NULL,
};

/* Heads of names that an "of" and then an "and" stay inside ("Academy of Motion Picture
 * Arts and Sciences"). */
static const char *const of_and_heads[] = {
	"academy", "institute", "society", "university", "school", "ministry", "department", "college",
	"council", "commission", "association", "federation", "union", "faculty", "board", "bureau", NULL,
};

/* Last words of firms named after two things ("Pacific Gas and Electric Company"). */
static const char *const and_firm_ends[] = {
	"company", "club", "railroad", "railway", "corporation", "society", "association", "party",
	"foundation", "institute", NULL,
};

/* Where a name i..j goes on over the "and" at k, or 0: "Academy of Motion Picture Arts and
 * Sciences" (a head, "of", then the things it is of), "Boone and Crockett Club", "Kansas
 * and Oklahoma Railroad" (two plain names, then a firm's last word). In WikiNEuRal EN, 13
 * of 16 such runs are one name. */
static size_t and_join(const scan *sc, size_t i, size_t j, size_t k)
{
	char w[KEY_MAX];
	if (!tok_key(sc, k, w, sizeof w) || strcmp(w, "and") || k + 1 >= sc->n)
		return 0;
	size_t e = k + 1;
	if (!(sc->t[e].kind == K_WORD && (sc->t[e].flags & F_CAP)) || (sc->t[e].flags & F_START))
		return 0;
	/* the capitalised run after "and", which must not start a name of its own */
	bool head_after = false;
	while (e + 1 < sc->n && sc->t[e + 1].kind == K_WORD && (sc->t[e + 1].flags & F_CAP) &&
	       !(sc->t[e + 1].flags & F_START))
		e++;
	for (size_t x = k + 1; x <= e; x++)
		if (tok_key(sc, x, w, sizeof w) && in_list(w, of_and_heads))
			head_after = true;
	for (size_t x = i + 1; x < j; x++)
		if (sc->t[x].kind == K_WORD && !(sc->t[x].flags & F_CAP) && tok_key(sc, x, w, sizeof w) &&
		    !strcmp(w, "of") && tok_key(sc, x - 1, w, sizeof w) && in_list(w, of_and_heads))
			return head_after ? 0 : e;
	if (j > i + 1 || !tok_key(sc, e, w, sizeof w) || !in_list(w, and_firm_ends))
		return 0;
	for (size_t x = i; x <= j; x++)
		if (tok_key(sc, x, w, sizeof w) && in_set(w, L_ORG | L_LOC | L_MISC))
			return 0;
	return e;
}

static size_t find_mentions(scan *sc, mlist *ml)
{
	char key[KEY_MAX];
	size_t n = sc->n;
	for (size_t i = 0; i < n; i++) {
		tok *t = &sc->t[i];
		size_t qc = quoted_title(sc, i);
		if (qc) {
			/* the whole title is one name: a listed name keeps its type, the rest is other */
			mention m = {sc->t[i + 1].s, sc->t[qc - 1].e, T_MISC, -1, false, false, {0, 0, 0, 0}};
			char gt;
			if (span_key(sc, i + 1, qc - 1, key, sizeof key)) {
				int r = rv__ner_gaz_find(key, &gt);
				int st = span_type(key);
				int wt = wordnet_type(key);
				if (r >= 0) {
					m.type = letter_type(gt);
					m.gaz_row = r;
					m.sure = true;
				} else if (st != T_NONE) {
					m.type = st;
				} else if (wt != T_NONE) {
					m.type = wt;
				}
			}
			if (add_mention(ml, m))
				return (size_t)-1;
			i = qc;
			continue;
		}
		if (t->kind == K_WORD && !(t->flags & F_CAP) && i + 1 < n && tok_key(sc, i, key, sizeof key) &&
		    in_set(key, L_LHEAD)) {
			char gt;
			for (size_t j = i + 1; j < n && j < i + 5 && sc->t[j].kind == K_WORD; j++) {
				char k2[KEY_MAX];
				if ((sc->t[j].flags & F_CAP) && span_key(sc, i, j, k2, sizeof k2) &&
				    rv__ner_gaz_find(k2, &gt) >= 0) {
					mention m = {sc->t[i].s, sc->t[j].e, T_MISC, -1, false, false, {0, 0, 0, 0}};
					m.type = classify(sc, i, j, false, &m);
					if (add_mention(ml, m))
						return (size_t)-1;
					i = j;
					break;
				}
			}
			continue;
		}
		if (t->kind == K_WORD && !(t->flags & F_CAP) && i + 1 < n && (sc->t[i + 1].flags & F_CAP ||
		    (sc->t[i + 1].kind == K_WORD && sc->t[i + 1].e - sc->t[i + 1].s <= 3)) &&
		    tok_key(sc, i, key, sizeof key)) {
			int lt = lower_name_type(key, sc->french);
			size_t le = lt != T_NONE ? lower_name(sc, i) : i;
			if (le > i) {
				mention m = {sc->t[i].s, sc->t[le].e, lt, -1, false, false, {0, 0, 0, 0}};
				join_year(sc, &m, le);
				if (add_mention(ml, m))
					return (size_t)-1;
				i = le;
				continue;
			}
		}
		if (t->kind != K_WORD || !(t->flags & F_CAP))
			continue;
		size_t fp = french_name(sc, i);
		if (fp > i) {
			mention m = {sc->t[i].s, sc->t[fp].e, T_MISC, -1, false, false, {0, 0, 0, 0}};
			m.type = classify(sc, i, fp, false, &m);
			join_year(sc, &m, fp);
			if (add_mention(ml, m))
				return (size_t)-1;
			i = fp;
			continue;
		}
		/* a sentence-initial common word ("Pendant", "The") starts no name:
		 * without it "la Première Guerre mondiale" is found whole */
		if (tok_key(sc, i, key, sizeof key) && !amp_letters(sc, i) &&
		    ((in_set(key, L_FUNCTION) && !name_article(sc, i, key)) ||
		     ((t->flags & F_START) && common_at_start(sc, key) && !place_prefix(sc, i, key) &&
		      !listed_opening(sc, i, n - 1))))
			continue;
		size_t lp = listed_phrase(sc, i);
		/* a listed university before its campus is read on as a run ("at Austin") */
		if (lp + 1 > i && !campus_at(sc, i, lp, lp + 1)) {
			mention m = {sc->t[i].s, sc->t[lp].e, T_MISC, -1, false, false, {0, 0, 0, 0}};
			bool titled = false;
			m.type = classify(sc, i, lp, titled, &m);
			join_year(sc, &m, lp);
			if (add_mention(ml, m))
				return (size_t)-1;
			i = lp;
			continue;
		}
		size_t j = i;
		for (;;) {
			size_t k = j + 1;
			if (k >= n)
				break;
			tok *u = &sc->t[k];
			/* "St. Louis", "John F. Kennedy": an abbreviation's dot inside a name */
			if (u->kind == K_PUNCT && sc->text[u->s] == '.' && u->e == u->s + 1 && k + 1 < n &&
			    sc->t[j].kind == K_WORD && (sc->t[j].flags & F_CAP) && sc->t[j].e == u->s &&
			    sc->t[k + 1].kind == K_WORD && (sc->t[k + 1].flags & F_CAP) &&
			    sc->t[k + 1].s == u->e + 1 && tok_key(sc, j, key, sizeof key) && abbrev(key)) {
				j = k + 1;
				continue;
			}
			/* a name never runs over a line or sentence break */
			if (u->flags & F_START)
				break;
			if (u->kind == K_WORD && (u->flags & F_CAP)) {
				if (sc->t[j].flags & F_DOT && !(sc->t[j].flags & F_UPPER) &&
				    sc->t[j].e - sc->t[j].s > 2)
					break; /* "Paris. Londres" */
				j = k;
				continue;
			}
			/* "Stone & Webster", "Florida Power & Light", "Game & Watch": an ampersand
			 * with spaces between capitalised words is inside a name ("R&B" is none) (in WikiNEuRal EN, 13 of 23 such
			 * runs are one name and 9 more are part of a longer one) */
			if (u->kind == K_PUNCT && u->e == u->s + 1 && sc->text[u->s] == '&' && k + 1 < n &&
			    sc->t[j].e < u->s && u->e < sc->t[k + 1].s &&
			    sc->t[k + 1].kind == K_WORD && (sc->t[k + 1].flags & F_CAP) &&
			    !(sc->t[k + 1].flags & F_START) && sc->t[j].kind == K_WORD) {
				j = k + 1;
				continue;
			}
			/* "Texas A&M University", "A&M Records": a word of capitals joined to the
			 * next by an ampersand without spaces is one with it, inside a longer name;
			 * alone it stays apart ("R&B songs": 9 "R&B" in WikiNEuRal EN, 2 of them
			 * gold names) */
			if (u->kind == K_PUNCT && u->e == u->s + 1 && sc->text[u->s] == '&' && k + 1 < n &&
			    sc->t[j].e == u->s && u->e == sc->t[k + 1].s && sc->t[j].kind == K_WORD &&
			    letters_caps(sc, j) && sc->t[k + 1].kind == K_WORD && letters_caps(sc, k + 1) &&
			    (j > i || (k + 2 < n && sc->t[k + 2].kind == K_WORD && (sc->t[k + 2].flags & F_CAP) &&
				       !(sc->t[k + 2].flags & F_START)))) {
				j = k + 1;
				continue;
			}
			if (english(sc) && sc->t[j].kind == K_WORD && plural_possessive(sc, j, k)) {
				j = k + 1;
				continue;
			}
			if (english(sc) && sc->t[j].kind == K_WORD && possessive_head(sc, j, k)) {
				j = k + 2;
				continue;
			}
			if (!sc->noun_caps && u->kind == K_WORD && !(u->flags & F_CAP) && campus_at(sc, i, j, k)) {
				j = k + 1;
				continue;
			}
			if (!sc->noun_caps && u->kind == K_WORD && !(u->flags & F_CAP)) {
				size_t e = and_join(sc, i, j, k);
				if (e) {
					j = e;
					continue;
				}
			}
			/* "Center for Global Development", "Institute for Advanced Study", "People for
			 * the American Way": "for" after the head of an organisation's name goes on with
			 * it */
			if (!sc->noun_caps && u->kind == K_WORD && !(u->flags & F_CAP) && k + 1 < n &&
			    sc->t[j].kind == K_WORD && (sc->t[j].flags & F_CAP) && tok_key(sc, k, key, sizeof key) &&
			    !strcmp(key, "for") && tok_key(sc, j, key, sizeof key) && in_list(key, for_heads)) {
				size_t m = k + 1;
				if (m + 1 < n && sc->t[m].kind == K_WORD && !(sc->t[m].flags & F_CAP) &&
				    tok_key(sc, m, key, sizeof key) && !strcmp(key, "the"))
					m++;
				if (sc->t[m].kind == K_WORD && (sc->t[m].flags & F_CAP) && !(sc->t[m].flags & F_START)) {
					j = m;
					continue;
				}
			}
			/* "Apollo 13", but not a score or a range: "beat Lyon 2 - 1", nor a verse, a
			 * version or a measure: "John 12:5", "RSS 2.0", "Direct3D 10.1", "CHF 1.44" */
			if (u->kind == K_NUM && u->e - u->s <= 3 &&
			    !(k + 2 < n && sc->t[k + 1].kind == K_PUNCT && sc->t[k + 1].s == u->e &&
			      (sc->text[u->e] == '.' || sc->text[u->e] == ':') && sc->t[k + 2].kind == K_NUM) &&
			    !(k + 2 < n && sc->t[k + 1].kind == K_PUNCT && sc->t[k + 2].kind == K_NUM &&
			      (sc->text[sc->t[k + 1].s] == '-' ||
			       (sc->t[k + 1].e - sc->t[k + 1].s == 3 &&
				!memcmp(sc->text + sc->t[k + 1].s, "\xe2\x80\x93", 3))))) {
				j = k;
				break;
			}
			if (!sc->noun_caps && u->kind == K_WORD && !(u->flags & F_CAP) &&
			    tok_key(sc, k, key, sizeof key) && is_connector(key)) {
				size_t m = k + 1;
				/* "de la", "of the" */
				if (m < n && sc->t[m].kind == K_WORD && !(sc->t[m].flags & F_CAP) &&
				    tok_key(sc, m, key, sizeof key) && is_connector(key))
					m++;
				if (m < n && sc->t[m].kind == K_WORD && (sc->t[m].flags & F_CAP) &&
				    !(sc->t[m].flags & F_START)) {
					j = m;
					continue;
				}
			}
			break;
		}
		if (emit_span(sc, ml, i, j, 0))
			return (size_t)-1;
		i = j;
	}
	agree_in_lists(sc, ml);
	return ml->n;
}

/* ---- folding mentions into entities ---- */

typedef struct group {
	char *key;           /* folded name of the longest form */
	int gaz_row;
	int votes[4];
	int sure_votes[4];
	int rule_votes[4];   /* mentions a list or a rule typed, not the model alone guessed */
	int count;
	rv_strlist forms;    /* distinct surfaces */
	int *form_counts;
	int nwords;
} group;

static int form_add(group *g, const char *s, size_t n)
{
	for (size_t k = 0; k < g->forms.len; k++)
		if (strlen(g->forms.items[k]) == n && !memcmp(g->forms.items[k], s, n)) {
			g->form_counts[k]++;
			return 0;
		}
	char *c = rv_strndup(s, n);
	if (!c)
		return -1;
	int *fc = realloc(g->form_counts, (g->forms.len + 1) * sizeof *fc);
	if (!fc) {
		free(c);
		return -1;
	}
	g->form_counts = fc;
	fc[g->forms.len] = 1;
	return rv_strlist_push_take(&g->forms, c);
}

static int count_words(const char *key)
{
	int n = 1;
	for (; *key; key++)
		n += *key == ' ';
	return n;
}

static void groups_free(group *g, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		free(g[k].key);
		rv_strlist_release(&g[k].forms);
		free(g[k].form_counts);
	}
	free(g);
}

/* The indexes of the mentions longest first, in text order among equals: a counting
 * sort by byte length (stable; qsort's comparator calls were an eighth of folding
 * mentions into entities). NULL when out of memory; the caller frees it. */
static size_t *by_length(const mlist *ml)
{
	size_t maxlen = 0;
	for (size_t k = 0; k < ml->n; k++)
		if (ml->m[k].e - ml->m[k].s > maxlen)
			maxlen = ml->m[k].e - ml->m[k].s;
	/* zeroed: the analyser cannot see that the sort below fills every slot */
	size_t *order = calloc(ml->n + 1, sizeof *order);
	/* first[b]: the first slot of bucket b = maxlen - length (0: the longest) */
	size_t *first = calloc(maxlen + 2, sizeof *first);
	if (!order || !first) {
		free(order);
		free(first);
		return NULL;
	}
	for (size_t k = 0; k < ml->n; k++)
		first[maxlen - (ml->m[k].e - ml->m[k].s) + 1]++;
	for (size_t b = 1; b <= maxlen + 1; b++)
		first[b] += first[b - 1];
	for (size_t k = 0; k < ml->n; k++)
		order[first[maxlen - (ml->m[k].e - ml->m[k].s)]++] = k;
	free(first);
	return order;
}

/* Hash indexes over the groups of one article: by key, by gazetteer row, and by
 * each ending after a space ("biden" of "joe biden"), so that folding mentions
 * into groups is not a scan of all groups per mention. */
typedef struct gentry {
	unsigned hash;
	int next;            /* next entry of the bucket, -1 = none */
	size_t group;
	size_t off;          /* where the ending starts in the group's key */
} gentry;

typedef struct gindex {
	int *key_heads, *row_heads, *suf_heads;
	gentry *e;
	size_t n, cap, mask;
} gindex;

static unsigned row_hash(int row)
{
	return (unsigned)row * 2654435761u;
}

static int gindex_init(gindex *gi, size_t n)
{
	size_t cap = 64;
	while (cap < n * 2)
		cap *= 2;
	memset(gi, 0, sizeof *gi);
	gi->mask = cap - 1;
	gi->key_heads = malloc(cap * sizeof *gi->key_heads);
	gi->row_heads = malloc(cap * sizeof *gi->row_heads);
	gi->suf_heads = malloc(cap * sizeof *gi->suf_heads);
	if (!gi->key_heads || !gi->row_heads || !gi->suf_heads) {
		free(gi->key_heads);
		free(gi->row_heads);
		free(gi->suf_heads);
		memset(gi, 0, sizeof *gi);
		return -1;
	}
	memset(gi->key_heads, 0xff, cap * sizeof *gi->key_heads);
	memset(gi->row_heads, 0xff, cap * sizeof *gi->row_heads);
	memset(gi->suf_heads, 0xff, cap * sizeof *gi->suf_heads);
	return 0;
}

static void gindex_free(gindex *gi)
{
	free(gi->key_heads);
	free(gi->row_heads);
	free(gi->suf_heads);
	free(gi->e);
}

static int gindex_push(gindex *gi, int *heads, unsigned hash, size_t gk, size_t off)
{
	if (gi->n == gi->cap) {
		size_t nc = gi->cap ? gi->cap * 2 : 64;
		gentry *p = realloc(gi->e, nc * sizeof *p);
		if (!p)
			return -1;
		gi->e = p;
		gi->cap = nc;
	}
	size_t b = hash & gi->mask;
	gi->e[gi->n] = (gentry){hash, heads[b], gk, off};
	heads[b] = (int)gi->n++;
	return 0;
}

/* Index the new group k (its key and gazetteer row are set). */
static int gindex_add(gindex *gi, const group *g, size_t k)
{
	const char *key = g[k].key;
	if (gindex_push(gi, gi->key_heads, hash_str(key), k, 0))
		return -1;
	if (g[k].gaz_row >= 0 && gindex_push(gi, gi->row_heads, row_hash(g[k].gaz_row), k, 0))
		return -1;
	for (size_t o = 0; key[o]; o++)
		if (key[o] == ' ' && key[o + 1] && gindex_push(gi, gi->suf_heads, hash_str(key + o + 1), k, o + 1))
			return -1;
	return 0;
}

/* Lowest group whose key is key, or SIZE_MAX. */
static size_t gindex_key(const gindex *gi, const group *g, const char *key)
{
	unsigned h = hash_str(key);
	size_t best = SIZE_MAX;
	if (!gi->e)
		return best; /* nothing indexed yet */
	for (int x = gi->key_heads[h & gi->mask]; x >= 0; x = gi->e[x].next) {
		/* an indexed group has its key (the test is for clang-tidy, which cannot
		 * follow the index back to build_entities) */
		const char *gk = g[gi->e[x].group].key;
		if (gi->e[x].hash == h && gi->e[x].group < best && gk && !strcmp(gk, key))
			best = gi->e[x].group;
	}
	return best;
}

/* Lowest group with gazetteer row row, or SIZE_MAX. */
static size_t gindex_row(const gindex *gi, const group *g, int row)
{
	unsigned h = row_hash(row);
	size_t best = SIZE_MAX;
	if (!gi->e)
		return best;
	for (int x = gi->row_heads[h & gi->mask]; x >= 0; x = gi->e[x].next)
		if (gi->e[x].group < best && g[gi->e[x].group].gaz_row == row)
			best = gi->e[x].group;
	return best;
}

/* Lowest group that is mostly a person and whose key ends in " " + key ("biden" ->
 * "joe biden"), or ng. */
static size_t gindex_surname(const gindex *gi, const group *g, const char *key, size_t ng)
{
	unsigned h = hash_str(key);
	size_t best = ng;
	if (!gi->e)
		return best;
	for (int x = gi->suf_heads[h & gi->mask]; x >= 0; x = gi->e[x].next) {
		const gentry *e = &gi->e[x];
		const group *gr = &g[e->group];
		if (e->hash == h && e->group < best && gr->votes[T_PER] >= gr->count - gr->votes[T_PER] &&
		    !strcmp(gr->key + e->off, key))
			best = e->group;
	}
	return best;
}

/* Order the article's entities most mentioned first, in their order among equals: a
 * counting sort by count (an insertion sort moved a hundred entities per article
 * about). -1 when out of memory. */
static int most_mentioned_first(rv_article *a)
{
	size_t n = a->n_entities, maxc = 0;
	for (size_t x = 0; x < n; x++)
		if ((size_t)a->entities[x].count > maxc)
			maxc = (size_t)a->entities[x].count;
	/* first[b]: the first slot of bucket b = maxc - count (0: the most mentioned) */
	size_t *first = calloc(maxc + 2, sizeof *first);
	rv_entity *sorted = malloc((n + 1) * sizeof *sorted);
	if (!first || !sorted) {
		free(first);
		free(sorted);
		return -1;
	}
	for (size_t x = 0; x < n; x++)
		first[maxc - (size_t)a->entities[x].count + 1]++;
	for (size_t b = 1; b <= maxc + 1; b++)
		first[b] += first[b - 1];
	for (size_t x = 0; x < n; x++)
		sorted[first[maxc - (size_t)a->entities[x].count]++] = a->entities[x];
	memcpy(a->entities, sorted, n * sizeof *sorted);
	free(first);
	free(sorted);
	return 0;
}

/* "feb 19", "oct. 6", "19 fevrier", "march 4 2026" (folded): a date in a
 * dateline, not a name. */
static bool date_form(const char *key)
{
	int words = 0, months = 0, days = 0;
	for (const char *p = key; *p;) {
		while (*p == ' ' || *p == '.' || *p == ',')
			p++;
		size_t n = strcspn(p, " .,");
		if (!n)
			break;
		words++;
		bool digits = true;
		for (size_t k = 0; k < n; k++)
			digits &= p[k] >= '0' && p[k] <= '9';
		if (rv_month_number(p, n, RV_MONTH_ANY_FORM))
			months++;
		else if (digits && n <= 4)
			days++;
		else
			return false;
		p += n;
	}
	return months == 1 && days >= 1 && words <= 3;
}

/* A lone month word beside a day of the month, "by Jan. 15", "on 2 Nov":
 * a date the mention left the day out of (date_form sees only the name),
 * not "Jan" a person or "Nov" a place. */
static bool month_beside_day(const char *text, size_t len, const mention *m)
{
	if (!rv_month_number(text + m->s, m->e - m->s, RV_MONTH_ANY_FORM))
		return false;
	if (rv_month_and_day_length(text + m->s, m->e - m->s, len - m->s))
		return true;
	size_t b = m->s;
	if (!b || text[b - 1] != ' ')
		return false;
	while (b && text[b - 1] == ' ')
		b--;
	int n = 0;
	while (b && n < 3 && text[b - 1] >= '0' && text[b - 1] <= '9') {
		b--;
		n++;
	}
	return n >= 1 && n <= 2 && (!b || !(text[b - 1] >= '0' && text[b - 1] <= '9'));
}

static int build_entities(rv_article *a, const char *text, size_t len, const mlist *ml,
			  rv_error *err)
{
	group *g = NULL;
	size_t ng = 0;
	int rc = RV_OK;
	char key[KEY_MAX];
	/* longest mentions first, so "Biden" finds "Joe Biden" */
	size_t *order = by_length(ml);
	if (!order)
		return rv_fail(err, RV_ENOMEM, "out of memory");
	g = calloc(ml->n + 1, sizeof *g);
	gindex gi;
	if (!g || gindex_init(&gi, ml->n)) {
		free(order);
		free(g);
		return rv_fail(err, RV_ENOMEM, "out of memory");
	}
	for (size_t x = 0; x < ml->n; x++) {
		const mention *m = &ml->m[order[x]];
		if (!rv__ner_fold(text + m->s, m->e - m->s, key, sizeof key) || date_form(key) ||
		    month_beside_day(text, len, m))
			continue;
		/* the first group with the mention's gazetteer row or its key */
		size_t k = gindex_key(&gi, g, key);
		if (m->gaz_row >= 0) {
			size_t kr = gindex_row(&gi, g, m->gaz_row);
			if (kr < k)
				k = kr;
		}
		if (k == SIZE_MAX)
			k = ng;
		if (k == ng && (m->type == T_PER || !m->sure))
			k = gindex_surname(&gi, g, key, ng);
		if (k == ng) {
			g[ng].key = strdup(key);
			g[ng].gaz_row = m->gaz_row;
			if (!g[ng].key) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				goto out;
			}
			g[ng].nwords = count_words(key);
			ng++;
			if (gindex_add(&gi, g, ng - 1)) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				goto out;
			}
		}
		g[k].count++;
		g[k].votes[m->type]++;
		if (m->sure)
			g[k].sure_votes[m->type]++;
		if (!m->guessed)
			g[k].rule_votes[m->type]++;
		if (form_add(&g[k], text + m->s, m->e - m->s)) {
			rc = rv_fail(err, RV_ENOMEM, "out of memory");
			goto out;
		}
	}
	if (!ng)
		goto out;
	a->entities = calloc(ng, sizeof *a->entities);
	if (!a->entities) {
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
		goto out;
	}
	for (size_t k = 0; k < ng; k++) {
		group *gr = &g[k];
		int type = 0, bv = -1;
		bool any_sure = false;
		for (int t = 0; t < 4; t++)
			any_sure |= gr->sure_votes[t] > 0;
		/* a list decides alone; else a mention a rule typed ("signed for X": a club) counts
		 * twice, a guess of the model once: one rule outweighs a guess that ties it */
		for (int t = 0; t < 4; t++) {
			int v = any_sure ? gr->sure_votes[t] : gr->votes[t] + gr->rule_votes[t];
			if (v > bv) {
				bv = v;
				type = t;
			}
		}
		/* the name: the longest form, the most frequent among equals */
		size_t best = 0;
		for (size_t f = 1; f < gr->forms.len; f++) {
			size_t lf = strlen(gr->forms.items[f]), lb = strlen(gr->forms.items[best]);
			if (lf > lb || (lf == lb && gr->form_counts[f] > gr->form_counts[best]))
				best = f;
		}
		/* the article's own outlet, named in its text ("the Meridian Post
		 * reported"), is an organisation whatever its words look like */
		if (a->source && !strcasecmp(a->source, gr->forms.items[best]))
			type = T_ORG;
		rv_entity *e = &a->entities[a->n_entities++];
		rv_strlist_init(&e->aliases);
		e->name = gr->forms.items[best];
		gr->forms.items[best] = NULL;
		e->type = strdup(type_names[type]);
		e->count = gr->count;
		if (!e->type) {
			rc = rv_fail(err, RV_ENOMEM, "out of memory");
			goto out;
		}
		for (size_t f = 0; f < gr->forms.len; f++)
			if (gr->forms.items[f] && rv_strlist_push(&e->aliases, gr->forms.items[f])) {
				rc = rv_fail(err, RV_ENOMEM, "out of memory");
				goto out;
			}
	}
	if (most_mentioned_first(a))
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
out:
	free(order);
	gindex_free(&gi);
	groups_free(g, ng);
	return rc;
}

/* A paragraph's wire dateline ("VAUCLAIR, July 22 (ACP) – "): its bytes
 * [start, end), the agency's parentheses (open == close: none) and the US
 * state after the city ("Mass." of "BOSTON, Mass. (AP) —"; state_start ==
 * state_end: none). */
typedef struct dateline {
	size_t start, end, open, close;
	size_t state_start, state_end;
} dateline;

/* Wire digests past this many datelines keep the rest as text. */
#define MAX_DATELINES 256

/* The datelines opening the text's paragraphs, in order; how many. */
static size_t find_datelines(const char *text, size_t len, dateline *out)
{
	size_t n = 0;
	for (size_t p = 0; p < len && n < MAX_DATELINES;) {
		const char *nl = memchr(text + p, '\n', len - p);
		size_t end = nl ? (size_t)(nl - text) : len;
		size_t d = rv__dateline_end(text, p, end);
		if (d > p) {
			const char *open = memchr(text + p, '(', d - p);
			const char *close = open ? memchr(open, ')', (size_t)(text + d - open)) : NULL;
			const char *comma = memchr(text + p, ',', d - p);
			size_t state = comma ? (size_t)(comma - text) + 1 : d;
			while (state < d && text[state] == ' ')
				state++;
			size_t state_len = rv__us_state_abbreviation_length(text, state, d);
			out[n++] = (dateline){ p, d, close ? (size_t)(open - text) : d,
					      close ? (size_t)(close - text) : d, state,
					      state + state_len };
		}
		p = end + 1;
	}
	return n;
}

/* "PARIS (ACP) - Talks broke down": the word after a dateline opens its
 * sentence, as after a full stop ("Talks" is no name). A spaced hyphen
 * alone does not say so: headlines use it inside a sentence ("Mercato -
 * OL : …"). */
static void start_after_datelines(scan *sc, const dateline *dl, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		while (k < sc->n && sc->t[k].s < dl[i].end)
			k++;
		if (k < sc->n && (i + 1 == n || sc->t[k].s < dl[i + 1].start))
			sc->t[k].flags |= F_START;
	}
}

/* The agency a dateline credits is where the copy came from, like a
 * byline, not a name in the news; on a wire it would be in every story of
 * every event. Its mentions go, and the dateline's month ("LONDON, Feb. 3
 * --" made "Feb" a place) and US state ("Mass." was a name of its own,
 * typed at random: it only says which Boston); the place stays. */
static void drop_dateline_words(const char *text, const dateline *dl, size_t n, mlist *ml)
{
	size_t k = 0;
	for (size_t i = 0; i < ml->n; i++) {
		const mention *m = &ml->m[i];
		/* the last dateline that starts at or before the mention */
		size_t lo = 0, hi = n;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (dl[mid].start <= m->s)
				lo = mid + 1;
			else
				hi = mid;
		}
		const dateline *d = lo ? &dl[lo - 1] : NULL;
		bool drop = d && m->e <= d->end &&
			    ((m->s > d->open && m->e <= d->close) ||
			     (m->s >= d->state_start && m->e <= d->state_end) ||
			     rv_month_number(text + m->s, m->e - m->s, RV_MONTH_ANY_FORM));
		if (!drop)
			ml->m[k++] = *m;
	}
	ml->n = k;
}

static int find_in(rv_article *a, const char *text, size_t len, mlist *ml, rv_error *err)
{
	scan sc = {.text = text, .len = len};
	sc.french = a->lang && !strncmp(a->lang, "fr", 2) && (!a->lang[2] || a->lang[2] == '-');
	if (a->lang && !strncmp(a->lang, "en", 2) && (!a->lang[2] || a->lang[2] == '-'))
		sc.lang = "en|";
	sc.noun_caps = a->lang && (!strncmp(a->lang, "de", 2) || !strncmp(a->lang, "lb", 2)) &&
		       (!a->lang[2] || a->lang[2] == '-');

	kcache kc = {NULL, NULL, NULL, 0, 0};
	int rc = RV_OK;
	if (tokenize(&sc))
		rc = len > 0 && sc.n >= MAX_TOKENS ? RV_OK : rv_fail(err, RV_ENOMEM, "out of memory");
	if (rc == RV_OK && sc.n) {
		kc.off = calloc(sc.n, sizeof *kc.off);
		kc.len = calloc(sc.n, sizeof *kc.len);
		if (kc.off && kc.len)
			sc.kc = &kc;
	}
	dateline dl[MAX_DATELINES];
	size_t n_dl = rc == RV_OK ? find_datelines(text, len, dl) : 0;
	start_after_datelines(&sc, dl, n_dl);
	if (rc == RV_OK) {
		sc.lower = note_words(&sc, false);
		/* read by an English rule only */
		sc.capital = english(&sc) ? note_words(&sc, true) : NULL;
	}
	if (rc == RV_OK && find_mentions(&sc, ml) == (size_t)-1)
		rc = rv_fail(err, RV_ENOMEM, "out of memory");
	if (rc == RV_OK)
		drop_dateline_words(text, dl, n_dl, ml);
	free(sc.lower);
	free(sc.capital);
	free(sc.t);
	free(kc.off);
	free(kc.len);
	free(kc.buf);
	(void)a;
	return rc;
}

int rv_find_entities(rv_article *a, rv_error *err)
{
	const char *text = a->text ? a->text : "";
	mlist ml = {0};
	size_t len = strlen(text);
	int rc = find_in(a, text, len, &ml, err);
	if (rc == RV_OK)
		rc = build_entities(a, text, len, &ml, err);
	free(ml.m);
	return rc;
}

int rv__ner_name_gender(const char *name)
{
	char first[KEY_MAX];
	size_t n = strcspn(name, " ");
	if (!n || !rv__ner_fold(name, n, first, sizeof first))
		return 0;
	unsigned lists = word_lists(first);
	if (lists & L_UNISEX)
		return 0;
	if (lists & L_FEMALE)
		return 'f';
	return lists & L_GIVEN ? 'm' : 0;
}

bool rv__ner_name_prefix_word(const char *key)
{
	if (in_set(key, L_TITLES | L_CONNECTOR | L_FUNCTION) || in_list(key, common_acronyms))
		return true;
	/* "president-elect", "vice-president", "then-president-elect" */
	if (!strchr(key, '-'))
		return false;
	char part[KEY_MAX];
	for (const char *p = key; *p; p += *p == '-') {
		size_t n = strcspn(p, "-");
		if (n < sizeof part) {
			memcpy(part, p, n);
			part[n] = '\0';
			if (in_set(part, L_TITLES))
				return true;
		}
		p += n;
	}
	return false;
}
