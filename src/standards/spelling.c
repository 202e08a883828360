/* Near misses of UNIFIED_EVENTS values: the same words with other separators
 * or in other letter case; and synonyms: other words for the same event. What
 * counts as a separator, whether case does, and which words mean the same are
 * data (rules/migrations.json "event_spellings", "event_synonyms"), not code. */
#include "standards/standards.h"

#include <string.h>

/* Event values have a few words (message:status:delivered has three). */
#define EVENT_MAX_WORDS 8

static bool is_separator(const Standards *std, char c) {
  return c && std->event_separators && strchr(std->event_separators, c);
}

static char folded(const Standards *std, char c) {
  return std->event_ignore_case && c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
}

/* One for one: a separator for a separator, a letter for the same letter. */
static bool spelled_alike(const Standards *std, const char *a, const char *b) {
  for (; *a && *b; a++, b++) {
    if (is_separator(std, *a) && is_separator(std, *b))
      continue;
    if (folded(std, *a) != folded(std, *b))
      return false;
  }
  return *a == *b;
}

/* How many values name spells alike (at most 2: one is all that matters);
 * *found is the first. */
static size_t near_misses(const Standards *std, const char *name, const EventDef **found) {
  size_t count = 0;
  *found = NULL;
  if (!name || !*name || std_event_by_value(std, name))
    return 0;
  for (size_t i = 0; i < std->nevents && count < 2; i++)
    if (spelled_alike(std, name, std->events[i].value) && count++ == 0)
      *found = &std->events[i];
  return count;
}

const EventDef *std_event_near_miss(const Standards *std, const char *name) {
  const EventDef *found;
  /* Two values spell alike: which one is meant cannot be told. */
  return near_misses(std, name, &found) == 1 ? found : NULL;
}

typedef struct Word {
  const char *s;
  size_t len;
} Word;

static bool is_lower_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* typingBegan: a new word starts at B. */
static bool starts_camel_word(const char *p) {
  return *p >= 'A' && *p <= 'Z' && is_lower_or_digit(p[-1]);
}

static bool same_word(const Standards *std, Word a, Word b) {
  if (a.len != b.len)
    return false;
  for (size_t i = 0; i < a.len; i++)
    if (folded(std, a.s[i]) != folded(std, b.s[i]))
      return false;
  return true;
}

/* The catalog's word for w, w itself when the map has none. */
static Word catalog_word(const Standards *std, Word w) {
  for (size_t i = 0; i < std->nevent_synonyms; i++) {
    const WordSynonym *syn = &std->event_synonyms[i];
    if (same_word(std, w, (Word){syn->word, strlen(syn->word)}))
      return (Word){syn->canonical, strlen(syn->canonical)};
  }
  return w;
}

/* The words of name read through the synonyms; 0 when a word is empty (a
 * separator leads, trails or is doubled) or there are more than max. */
static size_t catalog_words(const Standards *std, const char *name, Word *out, size_t max) {
  size_t n = 0;
  const char *p = name;
  while (*p) {
    const char *start = p;
    for (p++; *p && !is_separator(std, *p) && !starts_camel_word(p); p++)
      ;
    if (is_separator(std, *start) || n == max)
      return 0;
    out[n++] = catalog_word(std, (Word){start, (size_t)(p - start)});
    if (is_separator(std, *p) && !*++p)
      return 0;
  }
  return n;
}

/* The same words, each used once, in any order. */
static bool same_words(const Standards *std, const Word *a, size_t na, const Word *b, size_t nb) {
  bool used[EVENT_MAX_WORDS] = {false};
  if (na != nb)
    return false;
  for (size_t i = 0; i < na; i++) {
    size_t j = 0;
    while (j < nb && (used[j] || !same_word(std, a[i], b[j])))
      j++;
    if (j == nb)
      return false;
    used[j] = true;
  }
  return true;
}

/* How many values have name's words (at most 2); *found is the first. */
static size_t synonyms(const Standards *std, const char *name, const EventDef **found) {
  Word words[EVENT_MAX_WORDS], theirs[EVENT_MAX_WORDS];
  size_t count = 0;
  *found = NULL;
  if (!name || std_event_by_value(std, name))
    return 0;
  size_t n = catalog_words(std, name, words, EVENT_MAX_WORDS);
  for (size_t i = 0; n > 0 && i < std->nevents && count < 2; i++) {
    size_t m = catalog_words(std, std->events[i].value, theirs, EVENT_MAX_WORDS);
    if (same_words(std, words, n, theirs, m) && count++ == 0)
      *found = &std->events[i];
  }
  return count;
}

const EventDef *std_event_synonym(const Standards *std, const char *name) {
  const EventDef *found;
  /* Two values have those words: which one is meant cannot be told. */
  return synonyms(std, name, &found) == 1 ? found : NULL;
}

bool std_event_resembles(const Standards *std, const char *name) {
  const EventDef *found;
  return near_misses(std, name, &found) > 0 || synonyms(std, name, &found) > 0;
}
