/* Requests read from YAML through the document tree (request_parse.c). */
#ifndef RETOUR_REQUEST_PARSE_H
#define RETOUR_REQUEST_PARSE_H

#include "request/request.h"

/* Reads a request from a node of a larger document (a test case's `request:`) into an
 * empty request; errors carry ctx's path as the prefix. */
struct retour__ctx;
struct retour__node;
int retour__request_parse_node(retour_request *request, const retour_policy *policy,
                               struct retour__ctx *ctx, const struct retour__node *root);

/* A consumer's country code (customer.country) into country; an error names what was
 * found. Shared by the YAML and the JSON readers. */
int retour__read_country(struct retour__ctx *ctx, const struct retour__node *n,
                         char country[3]);

#endif
