/* Subcommands of the retour program, one file each; argv starts after the name. */
#ifndef RETOUR_TOOLS_COMMANDS_H
#define RETOUR_TOOLS_COMMANDS_H

int cmd_check(int argc, char **argv);
int cmd_test(int argc, char **argv);
int cmd_explain(int argc, char **argv);
int cmd_diff(int argc, char **argv);

#endif
