/* Reading request text for the JSON API (evaluator.c): JSON through the direct reader,
 * anything else through the YAML parser. */
#ifndef RETOUR_API_EVALUATOR_H
#define RETOUR_API_EVALUATOR_H

#include "request/request.h"

/* Reads text as the request to evaluate. A text whose first character (after spaces and a
 * byte order mark) is '{' is read into json_request by retour_request_parse_json(); a
 * syntax error there, or any other text, goes to retour_request_parse(), whose new request
 * *yaml_request receives (the caller frees it; NULL when json_request was used). Errors
 * name the file "<request>". Returns 0 or the error of the reader that decided. */
int retour__request_read_text(retour_request *json_request, retour_request **yaml_request,
                              const retour_policy *policy, const char *text, size_t len,
                              const retour_options *options, retour_error *err);

#endif
