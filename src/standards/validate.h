#ifndef RTLINT_STANDARDS_VALIDATE_H
#define RTLINT_STANDARDS_VALIDATE_H
#include "standards/standards.h"

#include <jansson.h>

/* Compiles the seed's isValidChannelName patterns ({system, org[]}). */
bool std_validators_compile(Standards *std, json_t *validation, char **err);
void std_validators_free(Standards *std);
/* Replaces the org patterns with the n given (a standards module's own
 * isValidChannelName list); false, and nothing changed, when one does not
 * start with "^org:" (the seed applies them to org names only) or does not
 * compile. */
bool std_validators_replace_org(Standards *std, char *const *patterns, size_t n);

/* Internal to the standards module: used when a learned file replaces them. */
void std_free_channels(Standards *std);
void std_free_events(Standards *std);

#endif
