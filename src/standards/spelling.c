/* Near misses of UNIFIED_EVENTS values: the same words with other separators
 * or in other letter case. What counts as a separator, and whether case does,
 * is data (rules/migrations.json "event_spellings"), not code. */
#include "standards/standards.h"

#include <string.h>

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

const EventDef *std_event_near_miss(const Standards *std, const char *name) {
  if (!name || !*name || std_event_by_value(std, name))
    return NULL;
  const EventDef *found = NULL;
  for (size_t i = 0; i < std->nevents; i++) {
    if (!spelled_alike(std, name, std->events[i].value))
      continue;
    if (found)
      return NULL; /* two values spell alike: which one is meant cannot be told */
    found = &std->events[i];
  }
  return found;
}
