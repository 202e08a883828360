#ifndef RTLINT_RULES_CHANNEL_NAMING_H
#define RTLINT_RULES_CHANNEL_NAMING_H
#include "core/strmap.h"
#include "rules/ctx.h"

/* The UNIFIED_CHANNELS call that builds exactly this value, e.g.
 * "UNIFIED_CHANNELS.conversation(orgId, convId)"; NULL when no catalog shape
 * matches. Shared by the channel rules and their fixes. */
const char *channel_suggest_call(Arena *a, const Standards *std, const ValAlt *alt);

/* The value written at an alternative's building site, resolved there on its
 * own: holes named as the definition names them (`${orgId}`), whichever
 * caller's arguments reached it. Every use of one builder thus yields the
 * same finding at the builder. Empty when the site cannot be found. */
Value channel_site_value(RuleCtx *ctx, const ValAlt *alt);

/* True the first time `seen` meets alt's building site: a site reached from
 * many uses in one file is reported once (the same finding every time). */
bool channel_site_first_time(StrMap *seen, const ValAlt *alt);

/* Validates a value with every hole standing for one non-empty segment. */
bool channel_alt_valid(Arena *a, const Standards *std, const ValAlt *alt);

/* A hole stands for exactly one segment (no ':' inside). A value whose first
 * segment contains a hole (`${prefix}:conv:${id}`) cannot be judged: the hole
 * may hide several segments. */
bool channel_alt_judgeable(const ValAlt *alt);

/* True when some choice of one segment per hole passes validation: a hole in
 * a keyword position (`org:${orgId}:${resource}`) may be any keyword. Values
 * with more than three whole-segment holes count as possibly valid. */
bool channel_alt_may_be_valid(Arena *a, const Standards *std, const ValAlt *alt);

typedef enum ChannelHintKind {
  CHANNEL_HINT_NONE,
  CHANNEL_HINT_NEAR_MISS, /* one keyword off a catalog shape */
  CHANNEL_HINT_LEGACY,    /* a pre-standard shape from migrations.json */
  /* `RESOURCE:${orgId}`: the organization's RESOURCE channel, a catalog
   * function of the org id alone (the name has the id: nothing to supply) */
  CHANNEL_HINT_LEGACY_ORG,
} ChannelHintKind;

#define CHANNEL_MAX_PARAMS 4

/* What an invalid channel value probably meant. */
typedef struct ChannelHint {
  ChannelHintKind kind;
  const ChannelFn *fn; /* the UNIFIED_CHANNELS function */
  const char *shape;   /* fn's shape with parameter names: "org:{orgId}:conv:{convId}" */
  const char *call;    /* "UNIFIED_CHANNELS.conversation(orgId, convId)" */
  /* fn's arguments as the value spells them (a hole's expression, a quoted
   * literal); NULL where the value has none (a legacy name's org id). */
  const char *args[CHANNEL_MAX_PARAMS];
} ChannelHint;

/* Segment comparison against the catalog: a near miss differs from one shape
 * by one keyword (a similar word substituted, e.g. `conversation` for `conv`;
 * one keyword missing). A legacy shape starts with a prefix from
 * migrations.json's legacy_channels (`conversation:{}`, `typing:{}`) and needs
 * the org id the old name lacks: the call names the org parameter. An
 * organization-wide legacy name `RESOURCE:${ORG}` or `RESOURCE-${ORG}`, whose
 * one hole names an organization id (fix/org_id.h), is read as
 * `org:${ORG}:RESOURCE`: the one catalog function of the org id alone that
 * builds it or is its near miss (`metrics:${orgId}` -> metrics(orgId),
 * `presence:${orgId}` -> agentsPresence(orgId)); none on a tie. */
ChannelHint channel_hint(Arena *a, const Standards *std, const ValAlt *alt);

/* The UNIFIED_CHANNELS call a near-miss or legacy hint suggests, written to
 * replace [start, end) of m, or NULL. Every argument must mean something
 * there (fix/bound.h); an org id the old name lacks is filled with a name of
 * that role bound there and declared before it (organizationId, orgId,
 * organization_id, org_id, org.id, organization.id); any other missing
 * argument, or no such name: NULL. Never invents a name. */
const char *channel_hint_fix_call(Arena *a, const Module *m, uint32_t start, uint32_t end,
                                  const ChannelHint *h);

/* As channel_hint_fix_call, with `org` (a name the caller is about to bind
 * there, such as a prop it destructures) as the organization id a legacy
 * name lacks; the other arguments must be bound. */
const char *channel_hint_fix_call_with_org(Arena *a, const Module *m, uint32_t start, uint32_t end,
                                           const ChannelHint *h, const char *org);

/* Similarity of two keywords used by channel_hint: same word ignoring case,
 * one a prefix of the other (3+ chars), or a small edit distance. */
bool channel_keyword_similar(const char *x, const char *y);

#endif
