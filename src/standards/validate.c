#include "standards/validate.h"

#include "core/util.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

typedef struct Validators {
  pcre2_code *system;
  pcre2_code **org;
  size_t norg;
} Validators;

static pcre2_code *compile(const char *pattern, char **err) {
  int code;
  PCRE2_SIZE offset;
  pcre2_code *re =
      pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF, &code, &offset, NULL);
  if (!re) {
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(code, msg, sizeof msg);
    *err = xasprintf("bad channel pattern /%s/ at %zu: %s", pattern, (size_t)offset, msg);
  }
  return re;
}

static bool matches(pcre2_code *re, const char *s) {
  pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
  int rc = pcre2_match(re, (PCRE2_SPTR)s, strlen(s), 0, 0, md, NULL);
  pcre2_match_data_free(md);
  return rc >= 0;
}

bool std_validators_compile(Standards *std, json_t *validation, char **err) {
  Validators *v = xcalloc(1, sizeof *v);
  std->validators = v;
  v->system = compile(json_string_value(json_object_get(validation, "system")), err);
  if (!v->system)
    return false;
  json_t *org = json_object_get(validation, "org");
  v->org = xcalloc(json_array_size(org), sizeof *v->org);
  for (size_t i = 0; i < json_array_size(org); i++) {
    v->org[v->norg] = compile(json_string_value(json_array_get(org, i)), err);
    if (!v->org[v->norg])
      return false;
    v->norg++;
  }
  return true;
}

bool std_validators_replace_org(Standards *std, char *const *patterns, size_t n) {
  Validators *v = std->validators;
  if (!v)
    return false;
  pcre2_code **org = xcalloc(n ? n : 1, sizeof *org);
  char *err = NULL;
  for (size_t i = 0; i < n; i++) {
    org[i] = str_starts_with(patterns[i], "^org:") ? compile(patterns[i], &err) : NULL;
    free(err);
    err = NULL;
    if (!org[i]) {
      for (size_t k = 0; k < i; k++)
        pcre2_code_free(org[k]);
      free(org);
      return false;
    }
  }
  for (size_t i = 0; i < v->norg; i++)
    pcre2_code_free(v->org[i]);
  free(v->org);
  v->org = org;
  v->norg = n;
  return true;
}

void std_validators_free(Standards *std) {
  Validators *v = std->validators;
  if (!v)
    return;
  pcre2_code_free(v->system);
  for (size_t i = 0; i < v->norg; i++)
    pcre2_code_free(v->org[i]);
  free(v->org);
  free(v);
  std->validators = NULL;
}

bool std_valid_channel(const Standards *std, const char *name) {
  const Validators *v = std->validators;
  if (str_starts_with(name, "system:"))
    return matches(v->system, name);
  if (str_starts_with(name, "org:")) {
    for (size_t i = 0; i < v->norg; i++)
      if (matches(v->org[i], name))
        return true;
  }
  return false;
}

/* The n-th ':'-separated field after "org:" (0 = org id), like the seed's
 * extract* regexes: each requires the fields before it to exist. */
static char *org_field(const char *channel, int n) {
  if (!str_starts_with(channel, "org:"))
    return NULL;
  const char *p = channel + 4;
  for (int i = 0;; i++) {
    const char *end = strchr(p, ':');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    if (len == 0)
      return NULL;
    if (i == n)
      return xstrndup(p, len);
    if (!end)
      return NULL;
    p = end + 1;
  }
}

char *std_extract_org_id(const char *channel) {
  return org_field(channel, 0);
}
char *std_extract_resource_type(const char *channel) {
  return org_field(channel, 1);
}
char *std_extract_resource_id(const char *channel) {
  return org_field(channel, 2);
}
