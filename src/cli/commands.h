#ifndef RTLINT_CLI_COMMANDS_H
#define RTLINT_CLI_COMMANDS_H
#include "cli/options.h"

int cmd_check(const Options *o);
int cmd_rules(const Options *o);
int cmd_explain(const Options *o);
int cmd_standards(const Options *o);
/* Combines the SARIF or JSON outputs of --shard runs into one report. */
int cmd_merge(const Options *o);
int cmd_report(const Options *o);

#endif
