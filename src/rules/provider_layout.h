#ifndef RTLINT_RULES_PROVIDER_LAYOUT_H
#define RTLINT_RULES_PROVIDER_LAYOUT_H
#include "rules/ctx.h"

/* The layouts Next.js's app router renders a page in: layout.tsx of the
 * page's folder and of every folder above it, up to app/. */

/* The nearest of them; NULL for a layout itself (its own JSX is not its
 * children), a pages-router file, or a page under no layout. */
const Module *layout_nearest(RuleCtx *ctx, const Module *page);

/* Whether one of them mounts OrganizationRealtimeProvider (renders an
 * element of that name): Phase 3 of the standards extends the provider to
 * more layouts than app/dashboard/'s. */
bool layout_mounts_provider(RuleCtx *ctx, const Module *page);

/* provider-context-outside's suggestion outside widget code: every route in
 * routes is mounted under the provider in its nearest layout, its one
 * `{children}` becoming `<OrganizationRealtimeProvider>{children}
 * </OrganizationRealtimeProvider>`, mounted as app/dashboard/layout.tsx mounts
 * it (no props) and imported from where that layout imports it. False, and
 * nothing added to d, unless every condition of
 * docs/rules/provider-context-outside.md holds (never the root layout). */
bool layout_provider_suggest(RuleCtx *ctx, Diag *d, const Module *const *routes, size_t n);

#endif
