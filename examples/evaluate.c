/* The shortest useful program: decide one request against one policy.
 *   evaluate POLICY.yaml REQUEST.yaml */
#include <retour.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s POLICY REQUEST\n", argv[0]);
        return 2;
    }
    retour_error err;
    retour_policy *policy = NULL;
    retour_request *request = NULL;
    retour_decision *decision = NULL;
    int rc = retour_policy_load_file(&policy, argv[1], NULL, &err);
    if (rc == 0)
        rc = retour_request_load_file(&request, policy, argv[2], NULL, &err);
    if (rc == 0)
        rc = retour_decision_new(&decision, NULL);
    if (rc == 0)
        rc = retour_evaluate(decision, policy, request, &err);
    if (rc == 0) {
        printf("%s\n", retour_outcome_name(retour_decision_outcome(decision)));
        for (size_t i = 0; i < retour_decision_reason_count(decision); i++)
            printf("  %s\n", retour_decision_reason(decision, i)->code);
    } else {
        fprintf(stderr, "%s:%d:%d: %s: %s\n", err.file, err.line, err.column, err.path,
                err.message);
    }
    retour_decision_free(decision);
    retour_request_free(request);
    retour_policy_free(policy);
    return rc == 0 ? 0 : 1;
}
