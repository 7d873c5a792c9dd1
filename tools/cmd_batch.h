/* retour eval --batch: one JSON request per line in, one JSON decision per line out. */
#ifndef RETOUR_CMD_BATCH_H
#define RETOUR_CMD_BATCH_H

/* Whether the arguments of `retour eval` ask for a batch run (--batch among them). */
int batch_requested(int argc, char **argv);

/* Runs `retour eval --batch ...` with the arguments after "eval"; returns the exit status:
 * 0 every line decided, 1 some lines had errors, 2 the run could not start. */
int cmd_batch(int argc, char **argv);

#endif
