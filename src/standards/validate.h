#ifndef RTLINT_STANDARDS_VALIDATE_H
#define RTLINT_STANDARDS_VALIDATE_H
#include "standards/standards.h"

#include <jansson.h>

/* Compiles the seed's isValidChannelName patterns ({system, org[]}). */
bool std_validators_compile(Standards *std, json_t *validation, char **err);
void std_validators_free(Standards *std);

/* Internal to the standards module: used when a learned file replaces them. */
void std_free_channels(Standards *std);
void std_free_events(Standards *std);

#endif
