#ifndef RTLINT_CLI_COMMANDS_H
#define RTLINT_CLI_COMMANDS_H
#include "cli/options.h"

int cmd_check(const Options *o);
int cmd_rules(const Options *o);
int cmd_explain(const Options *o);
int cmd_standards(const Options *o);
int cmd_report(const Options *o);

#endif
