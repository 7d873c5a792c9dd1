/* See decision_asserts.h. */
#include <string.h>

#include "decision_asserts.h"

void assert_no_result(const retour_decision *d)
{
    char buf[8] = "x";
    assert_int_equal(retour_decision_outcome(d), RETOUR_OUTCOME_REJECT);
    assert_int_equal(retour_decision_basis(d), RETOUR_BASIS_WITHDRAWAL_RIGHT);
    assert_int_equal(retour_decision_refund(d), 0);
    assert_int_equal(retour_decision_deductions(d), 0);
    assert_int_equal(retour_decision_shipping_refunded(d), 0);
    assert_string_equal(retour_decision_currency(d), "");
    assert_int_equal(retour_decision_return_shipping(d), RETOUR_PAYER_CUSTOMER);
    assert_int_equal(retour_decision_withdrawal_deadline(d), RETOUR_DATE_NONE);
    assert_int_equal(retour_decision_return_by(d), RETOUR_DATE_NONE);
    assert_int_equal(retour_decision_refund_by(d), RETOUR_DATE_NONE);
    assert_string_equal(retour_decision_calendar(d), "");
    assert_int_equal(retour_decision_item_count(d), 0);
    assert_int_equal(retour_decision_item_outcome(d, 0), RETOUR_OUTCOME_REJECT);
    assert_int_equal(retour_decision_item_refund(d, 0), 0);
    assert_int_equal(retour_decision_item_deduction(d, 0), 0);
    assert_int_equal(retour_decision_item_remedy(d, 0), RETOUR_REMEDY_NONE);
    assert_int_equal(retour_decision_item_remedy_basis_points(d, 0), 0);
    assert_int_equal(retour_decision_store_credit(d), 0);
    assert_int_equal(retour_decision_reason_count(d), 0);
    assert_null(retour_decision_reason(d, 0));
    assert_null(retour_decision_deciding_reason(d));
    assert_int_equal(retour_decision_reason_message(d, 0, RETOUR_LANG_EN, buf, sizeof buf),
                     RETOUR_EINVAL);
    assert_string_equal(buf, "x");
    assert_int_equal(retour_decision_to_json(d, RETOUR_LANG_EN, buf, sizeof buf), RETOUR_EINVAL);
    assert_string_equal(buf, "x");
    assert_int_equal(retour_decision_to_json(d, RETOUR_LANG_EN, NULL, 0), RETOUR_EINVAL);
}
