#ifndef RTLINT_RULES_APP_PATHS_H
#define RTLINT_RULES_APP_PATHS_H
#include <stdbool.h>

/* Where a file sits in a Next.js app, judged from its path relative to the
 * app folder (Module.app_path: the nearest package.json at or below the
 * project root, else the root), whatever the working folder. Folders are matched as whole path
 * SEGMENTS anywhere in the path, so `src/components/...` and
 * `fixtures/x/components/...` count as `components/`. The file name itself
 * is never a folder. Both '/' and '\\' separate segments. */

/* True when the consecutive folder segments of `dirs` ("app/api",
 * "components") occur among the folders of `path`. */
bool path_has_dirs(const char *path, const char *dirs);

/* A component or hook file (supabase-channel-direct): a .ts/.tsx file (not
 * .d.ts) under components/, hooks/ or app/, except app/api/ routes and
 * lib/realtime/ infrastructure (exempt even inside a component folder). */
bool path_is_component_code(const char *path);

/* What the project's configuration says a folder is, for the rules to ask
 * without depending on the configuration layer above them. */
typedef enum PathRole {
  PATH_ROLE_DEFAULT,        /* nothing configured: judge by the path */
  PATH_ROLE_COMPONENT,      /* under component_dirs */
  PATH_ROLE_INFRASTRUCTURE, /* under infrastructure_dirs: never component code */
  PATH_ROLE_OTHER,          /* component_dirs are configured and this is not under them */
} PathRole;

typedef struct PathRoles {
  PathRole (*role_of)(const void *ctx, const char *abs_path);
  const void *ctx;
} PathRoles;

struct Module;
/* path_is_component_code, unless the configured roles (may be NULL) say
 * otherwise. (supabase-channel-direct, channel-error-unhandled) */
bool module_is_component_code(const PathRoles *roles, const struct Module *m);

/* Under app/dashboard/, where OrganizationRealtimeProvider is mounted. */
bool path_is_dashboard(const char *path);

/* Widget code: a `widget/` folder anywhere in the path (components/widget/,
 * app/widget/), where useRealtime({ type: "widget" }) replaces the provider. */
bool path_is_widget(const char *path);

/* A file Next.js renders by itself: an app-router special file (page,
 * layout, template, default, loading, error, not-found, global-error) under
 * app/, or any pages-router file under pages/ (not pages/api/). */
bool path_is_route_file(const char *path);

#endif
