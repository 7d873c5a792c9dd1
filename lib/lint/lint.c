/* The legal lint: clauses of a policy that a statutory withdrawal or the legal guarantee
 * sets aside (errors), clauses that are lawful but risky (warnings), and clauses lawful
 * only for the days a shop adds (info). Each names its article and a concrete fix, in
 * English or Dutch. The facts behind each rule: ../shared/law/consumer-law.md section 7;
 * docs/lint.md lists the codes. */
#include "lint/lint.h"

#include "policy/policy.h"
#include "law/calendar.h"
#include "base/date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

typedef struct lint {
    retour__sink *sink;
    const retour_policy *p;
    const char *text; /* the policy text, to turn line and column into a byte offset */
    size_t len;
    int dutch; /* messages in Dutch */
} lint;

/* Byte offset of 1-based line and column (characters, UTF-8) in the text, so that the
 * findings sort among the schema's diagnostics. */
static size_t offset_at(const lint *l, int line, int column)
{
    size_t at = 0;
    for (int n = 1; n < line && at < l->len; at++)
        if (l->text[at] == '\n')
            n++;
    for (int c = 1; c < column && at < l->len; c++) {
        at++; /* a character's continuation bytes belong to it */
        while (at < l->len && ((unsigned char)l->text[at] & 0xC0) == 0x80)
            at++;
    }
    return at;
}

#define TEXT(l, en, nl) ((l)->dutch ? (nl) : (en))

/* Records one finding at src (line 0: not tied to a place). */
static int finding(lint *l, retour_severity severity, const char *code, retour__src src,
                   const char *path, const char *law, const char *message, const char *fix)
{
    retour__place place = { l->p->file, 0, 0, 0 };
    const retour__place *at = NULL;
    if (src.line > 0) {
        place.line = (size_t)src.line - 1;
        place.column = (size_t)src.column - 1;
        place.offset = offset_at(l, src.line, src.column);
        at = &place;
    }
    return retour__sink_add_finding(l->sink, severity, code, at, path, message, law, fix);
}

/* ---- days counted as working days ----------------------------------------------------- */

/* The days the lint tries a working-day count on: every start in the years whose closed
 * days a policy lists at load (law/calendar.h), in the jurisdiction's calendar. */
#define SPAN_DAYS (RETOUR__CLOSED_YEARS * 366)

typedef struct working_span {
    unsigned char open[SPAN_DAYS]; /* 1: a working day */
    retour_date first;
    int count;
} working_span;

static void span_init(working_span *w, const retour_policy *p)
{
    retour__holidays h;
    retour__holidays_init(&h, p->calendar);
    retour_date_from_ymd(&w->first, RETOUR__CLOSED_FIRST_YEAR, 1, 1);
    w->count = SPAN_DAYS;
    for (int i = 0; i < w->count; i++)
        w->open[i] = (unsigned char)retour__holidays_is_working_day(&h, w->first + i);
}

/* The worst case of a count of n working days from a start against the law's law_days
 * calendar days from it (moved to a working day, as decisions move it): a start where the
 * count ends before the law's day (later 0: a window that must last at least that long)
 * or after it (later 1: a deadline the law caps), the furthest from it in calendar days.
 * 0 when no start of the span gives one. */
typedef struct worst_case {
    retour_date start, end, law;
} worst_case;

static int working_days_worst(const working_span *w, int n, int law_days, int later,
                              worst_case *worst)
{
    int found = 0, e = 0;
    /* e: the n-th working day after start i, moved along with i (it never goes back). */
    for (int k = 0; k < n; k++)
        do
            e++;
        while (e < w->count && !w->open[e]);
    for (int i = 0; e < w->count && i + law_days < w->count; i++) {
        if (i > 0 && w->open[i]) /* day i left the count: one more at its end */
            do
                e++;
            while (e < w->count && !w->open[e]);
        if (e >= w->count)
            break;
        int law = i + law_days;
        while (law < w->count && !w->open[law])
            law++;
        if (law >= w->count)
            break;
        int bad = later ? e > law : e < law;
        if (bad && (!found || (later ? e - i > worst->end - worst->start
                                     : e - i < worst->end - worst->start))) {
            worst->start = w->first + i;
            worst->end = w->first + e;
            worst->law = w->first + law;
            found = 1;
        }
    }
    return found;
}

/* The smallest count from n up (later 0), or the largest from n down (later 1, at least
 * 1), that no start makes end on the wrong side of the law's day. */
static int working_days_lawful(const working_span *w, int n, int law_days, int later)
{
    worst_case wc;
    if (later && n > law_days)
        n = law_days; /* more working days than the law's calendar days never fit */
    while (n > 1 && n < law_days * 2 && working_days_worst(w, n, law_days, later, &wc))
        n += later ? -1 : 1;
    return n;
}

/* One finding for a working-day count: the worst start and how many days it then gives.
 * what_en and what_nl name the count with %d for the number ("a refund within %d working
 * days"); from_en and from_nl what it counts from. */
static int working_days_finding(lint *l, const working_span *w, int n, int law_days, int later,
                                const char *code, retour__src src, const char *path,
                                const char *law, const char *what_en, const char *what_nl,
                                const char *from_en, const char *from_nl, const char *key)
{
    worst_case wc;
    if (!working_days_worst(w, n, law_days, later, &wc))
        return RETOUR_OK;
    char start[11], end[11], law_end[11], what[96], msg[480], fix[240];
    retour_date_format(start, wc.start);
    retour_date_format(end, wc.end);
    retour_date_format(law_end, wc.law);
    const char *pattern = l->dutch ? what_nl : what_en, *at = strstr(pattern, "%d");
    snprintf(what, sizeof what, "%.*s%d%s", (int)(at - pattern), pattern, n, at + 2);
    int lawful = working_days_lawful(w, n, law_days, later);
    snprintf(msg, sizeof msg,
             later ? TEXT(l, "%s can end %d days after %s: from %s, over weekends and public "
                             "holidays, it ends on %s, later than the law's %d days, which end "
                             "on %s",
                          "%s kan %d dagen na %s eindigen: vanaf %s, over weekenden en "
                          "feestdagen, eindigt die op %s, later dan de wettelijke %d dagen, "
                          "die eindigen op %s")
                   : TEXT(l, "%s can end %d days after %s: from %s it ends on %s, before the "
                             "law's %d days, which end on %s",
                          "%s kan %d dagen na %s eindigen: vanaf %s eindigt die op %s, eerder "
                          "dan de wettelijke %d dagen, die eindigen op %s"),
             what, (int)(wc.end - wc.start), l->dutch ? from_nl : from_en, start, end, law_days,
             law_end);
    if (strcmp(key, "days") == 0) {
        /* Terms that state a shorter period misinform the consumer (art. 6(1)(h), 10). */
        size_t used = strlen(msg);
        snprintf(msg + used, sizeof msg - used,
                 TEXT(l, "; terms that state it misinform the consumer, whose period then runs "
                         "12 months longer (%s)",
                      "; voorwaarden die dat noemen informeren de consument verkeerd, wiens "
                      "bedenktijd dan 12 maanden langer loopt (%s)"),
                 l->p->law_extension);
    }
    snprintf(fix, sizeof fix,
             later ? TEXT(l, "write %s: %d or less (working days then never run past the law's "
                             "%d calendar days), or count calendar days: counting: calendar_days",
                          "schrijf %s: %d of minder (dan lopen de werkdagen nooit voorbij de "
                          "wettelijke %d kalenderdagen), of tel kalenderdagen: counting: "
                          "calendar_days")
                   : TEXT(l, "write %s: %d or more (working days then never end before the "
                             "law's %d calendar days), or count calendar days: counting: "
                             "calendar_days",
                          "schrijf %s: %d of meer (dan eindigen de werkdagen nooit voor de "
                          "wettelijke %d kalenderdagen), of tel kalenderdagen: counting: "
                          "calendar_days"),
             key, lawful, law_days);
    return finding(l, RETOUR_SEVERITY_ERROR, code, src, path, law, msg, fix);
}

/* withdrawal.counting: working_days. Each count the law floors or caps in calendar days is
 * tried from every day of the span: the window and the time to send the goods back must
 * never end before the law's 14 days, the refund never after them. */
static int lint_working_days(lint *l, working_span *w)
{
    const retour_policy *p = l->p;
    const retour__jurisdiction *j = p->jurisdiction;
    int rc = RETOUR_OK;
    span_init(w, p);
    if (p->src_days.line)
        rc = working_days_finding(l, w, p->days, j->withdrawal_days, 0,
                                  "withdrawal-period-too-short", p->src_days, "withdrawal.days",
                                  p->law_period, "a withdrawal window of %d working days",
                                  "een bedenktijd van %d werkdagen", "delivery", "levering",
                                  "days");
    if (rc == RETOUR_OK && p->src_return_days.line)
        rc = working_days_finding(l, w, p->return_days, j->return_days, 0,
                                  "return-window-too-short", p->src_return_days,
                                  "withdrawal.return_within_days", p->law_return,
                                  "%d working days to send the goods back",
                                  "%d werkdagen om terug te sturen", "the notice", "de melding",
                                  "return_within_days");
    if (rc == RETOUR_OK && p->src_refund_days.line)
        rc = working_days_finding(l, w, p->refund_days, j->refund_days, 1, "refund-too-late",
                                  p->src_refund_days, "withdrawal.refund_within_days",
                                  p->law_refund, "a refund within %d working days",
                                  "terugbetaling binnen %d werkdagen", "the notice", "de melding",
                                  "refund_within_days");
    return rc;
}

/* ---- the withdrawal window ---------------------------------------------------------- */

static int lint_window(lint *l)
{
    const retour_policy *p = l->p;
    const retour__jurisdiction *j = p->jurisdiction;
    char msg[480], fix[240];
    int rc = RETOUR_OK;
    int working = p->counting == RETOUR__COUNTING_WORKING_DAYS;
    if (p->days < j->withdrawal_days && !(working && p->src_days.line)) {
        snprintf(msg, sizeof msg,
                 TEXT(l, "a withdrawal window of %d days is shorter than the law's %d days from "
                         "delivery; the consumer keeps the %d days whatever the terms say, and "
                         "terms that state fewer misinform the consumer, whose period then runs "
                         "12 months longer (%s)",
                      "een bedenktijd van %d dagen is korter dan de wettelijke %d dagen na "
                      "levering; de consument houdt die %d dagen, wat de voorwaarden ook zeggen, "
                      "en voorwaarden die er minder noemen informeren de consument verkeerd, "
                      "wiens bedenktijd dan 12 maanden langer loopt (%s)"),
                 p->days, j->withdrawal_days, j->withdrawal_days, p->law_extension);
        snprintf(fix, sizeof fix,
                 TEXT(l, "write days: %d or more, or leave days out",
                      "schrijf days: %d of meer, of laat days weg"),
                 j->withdrawal_days);
        rc = finding(l, RETOUR_SEVERITY_ERROR, "withdrawal-period-too-short", p->src_days,
                     "withdrawal.days", p->law_period, msg, fix);
    }
    if (rc == RETOUR_OK && p->starts == RETOUR__START_ORDER) {
        int always = p->days <= j->withdrawal_days;
        snprintf(msg, sizeof msg,
                 always ? TEXT(l, "a window counted from the order ends before the law's %d days "
                                  "from delivery",
                               "een termijn vanaf de bestelling eindigt voor de wettelijke %d "
                               "dagen na levering")
                        : TEXT(l, "a window counted from the order can end before the law's %d "
                                  "days from delivery when delivery is slow",
                               "een termijn vanaf de bestelling kan eindigen voor de wettelijke "
                               "%d dagen na levering als de levering lang duurt"),
                 j->withdrawal_days);
        rc = finding(l, always ? RETOUR_SEVERITY_ERROR : RETOUR_SEVERITY_WARNING,
                     "withdrawal-starts-at-order", p->src_starts, "withdrawal.starts",
                     p->law_period, msg,
                     TEXT(l, "write starts: delivery (the law counts from the day the consumer "
                             "receives the last good)",
                          "schrijf starts: delivery (de wet telt vanaf de dag dat de consument "
                          "het laatste artikel ontvangt)"));
    }
    if (rc == RETOUR_OK && !p->informed)
        rc = finding(l, RETOUR_SEVERITY_WARNING, "consumer-not-informed", p->src_informed,
                     "withdrawal.informed", p->law_extension,
                     TEXT(l, "consumers not told about the right of withdrawal get 12 months "
                             "more and owe nothing for diminished value",
                          "consumenten die niet over het herroepingsrecht zijn geïnformeerd "
                          "krijgen 12 maanden extra en betalen niets voor waardevermindering"),
                     TEXT(l, "inform consumers before the contract (model withdrawal form) and "
                             "write informed: true",
                          "informeer consumenten voor de overeenkomst (modelformulier voor "
                          "herroeping) en schrijf informed: true"));
    return rc;
}

static int lint_deadlines(lint *l)
{
    const retour_policy *p = l->p;
    const retour__jurisdiction *j = p->jurisdiction;
    char msg[320], fix[200];
    int rc = RETOUR_OK;
    int working = p->counting == RETOUR__COUNTING_WORKING_DAYS; /* see lint_working_days */
    if (p->refund_days > j->refund_days && !(working && p->src_refund_days.line)) {
        snprintf(msg, sizeof msg,
                 TEXT(l, "a refund within %d days is later than the law allows: at most %d days "
                         "after the notice of withdrawal",
                      "terugbetaling binnen %d dagen is later dan de wet toestaat: uiterlijk %d "
                      "dagen na de melding van herroeping"),
                 p->refund_days, j->refund_days);
        snprintf(fix, sizeof fix,
                 TEXT(l, "write refund_within_days: %d or less", "schrijf refund_within_days: %d of minder"),
                 j->refund_days);
        rc = finding(l, RETOUR_SEVERITY_ERROR, "refund-too-late", p->src_refund_days,
                     "withdrawal.refund_within_days", p->law_refund, msg, fix);
    }
    if (rc == RETOUR_OK && p->return_days < j->return_days && !(working && p->src_return_days.line)) {
        snprintf(msg, sizeof msg,
                 TEXT(l, "%d days to send the goods back is less than the consumer's %d days "
                         "after the notice",
                      "%d dagen om terug te sturen is minder dan de %d dagen na de melding die "
                      "de consument heeft"),
                 p->return_days, j->return_days);
        snprintf(fix, sizeof fix,
                 TEXT(l, "write return_within_days: %d or more", "schrijf return_within_days: %d of meer"),
                 j->return_days);
        rc = finding(l, RETOUR_SEVERITY_ERROR, "return-window-too-short", p->src_return_days,
                     "withdrawal.return_within_days", p->law_return, msg, fix);
    }
    return rc;
}

/* ---- conditions, fees and shipping ---------------------------------------------------- */

/* A restocking fee, the policy's or a category's (path): art. 13(1) and 14. */
static int lint_fee(lint *l, const retour__pkg_rule *fee, const char *path)
{
    return finding(l, RETOUR_SEVERITY_ERROR, "restocking-fee", fee->src, path, l->p->law_refund,
                   TEXT(l, "no restocking, handling or processing fee may be charged on a "
                           "statutory withdrawal; only the direct return cost and diminished "
                           "value may be",
                        "bij een wettelijke herroeping mogen geen verwerkings- of "
                        "administratiekosten worden gerekend; alleen de directe "
                        "retourkosten en waardevermindering"),
                   TEXT(l, "write restocking_fee: none; charge diminished value through "
                           "packaging deductions instead",
                        "schrijf restocking_fee: none; reken waardevermindering via de "
                        "aftrekken onder packaging"));
}

/* withdrawal.requires: any unequivocal statement withdraws, the model form is optional (art.
 * 11(1)); the original packaging costs at most diminished value (art. 14(2)). One finding
 * per word, at its place in the list. */
static int lint_requirements(lint *l)
{
    static const struct { const char *en, *nl; } why[RETOUR__REQ__WITHDRAWAL] = {
        { "the model form is optional: any unequivocal statement withdraws (a letter, an "
          "e-mail, a message)",
          "het modelformulier is optioneel: elke ondubbelzinnige verklaring is een herroeping "
          "(een brief, een e-mail, een bericht)" },
        { "a withdrawal needs no invoice: any unequivocal statement suffices",
          "een herroeping heeft geen factuur nodig: elke ondubbelzinnige verklaring volstaat" },
        { "a withdrawal needs no original receipt: any unequivocal statement suffices",
          "een herroeping heeft geen originele kassabon nodig: elke ondubbelzinnige verklaring "
          "volstaat" },
        { "a return number may be offered, but the withdrawal cannot depend on it",
          "een retournummer mag worden aangeboden, maar de herroeping mag er niet van afhangen" },
        { "the consumer may send the notice and the goods any way; registered post cannot be "
          "required",
          "de consument mag de melding en de goederen op elke manier versturen; aangetekende "
          "verzending mag niet worden geëist" },
        { "a withdrawal needs no consent of the shop: it is the consumer's right",
          "een herroeping heeft geen toestemming van de winkel nodig: het is het recht van de "
          "consument" },
        { "a withdrawal cannot depend on a customer account; guests may withdraw too",
          "een herroeping mag niet afhangen van een klantaccount; ook gasten mogen herroepen" },
        { "photos cannot be a condition of a withdrawal",
          "foto's mogen geen voorwaarde zijn voor een herroeping" },
        { "goods may come back without their original packaging; its loss can cost at most a "
          "deduction for diminished value, never the right",
          "artikelen mogen zonder originele verpakking terugkomen; het verlies ervan kost "
          "hoogstens een aftrek voor waardevermindering, nooit het recht" },
    };
    const retour_policy *p = l->p;
    const retour__citations *cite = &p->jurisdiction->cite;
    char fix[240];
    for (int k = 0; k < RETOUR__REQ__WITHDRAWAL; k++) {
        if (!(p->requires & (1u << k)))
            continue;
        int packaging = k == RETOUR__REQ_ORIGINAL_PACKAGING;
        if (packaging)
            snprintf(fix, sizeof fix, "%s",
                     TEXT(l, "remove original_packaging from requires and set packaging.missing "
                             "to a deduction or review",
                          "haal original_packaging uit requires en zet packaging.missing op een "
                          "aftrek of review"));
        else
            snprintf(fix, sizeof fix,
                     TEXT(l, "remove %s from requires (the shop may ask for it, not make it a "
                             "condition)",
                          "haal %s uit requires (de winkel mag erom vragen, maar het geen "
                          "voorwaarde maken)"),
                     retour__requirement_names[k]);
        int rc = finding(l, RETOUR_SEVERITY_ERROR, "withdrawal-requirement", p->src_require[k],
                         "withdrawal.requires", packaging ? p->law_handling : cite->exercise,
                         l->dutch ? why[k].nl : why[k].en, fix);
        if (rc)
            return rc;
    }
    return RETOUR_OK;
}

static int lint_conditions(lint *l, int extra_days)
{
    const retour_policy *p = l->p;
    int rc = RETOUR_OK;
    if (p->reason_required)
        rc = finding(l, RETOUR_SEVERITY_ERROR, "reason-required", p->src_reason_required,
                     "withdrawal.reason_required", p->law_period,
                     TEXT(l, "a consumer may withdraw without giving any reason; a shop may ask "
                             "for one but not make it a condition",
                          "een consument mag herroepen zonder opgave van redenen; een winkel "
                          "mag ernaar vragen, maar het niet als voorwaarde stellen"),
                     TEXT(l, "write reason_required: false (a reason field in the form may stay "
                             "optional)",
                          "schrijf reason_required: false (een veld voor de reden mag optioneel "
                          "blijven)"));
    if (rc == RETOUR_OK && p->restocking.action != RETOUR__PKG_ACCEPT)
        rc = lint_fee(l, &p->restocking, "withdrawal.restocking_fee");
    if (rc == RETOUR_OK && !p->refund_outbound)
        rc = finding(l, extra_days ? RETOUR_SEVERITY_INFO : RETOUR_SEVERITY_ERROR,
                     "outbound-shipping-not-refunded", p->src_refund_outbound,
                     "withdrawal.refund_outbound_shipping", p->law_refund,
                     extra_days
                         ? TEXT(l, "outbound shipping is kept only in the days the shop adds; "
                                   "a statutory withdrawal of the whole order gets the standard "
                                   "delivery cost back",
                                "verzendkosten worden alleen in de extra dagen van de winkel "
                                "ingehouden; bij een wettelijke herroeping van de hele "
                                "bestelling worden de standaard verzendkosten terugbetaald")
                         : TEXT(l, "the standard outbound delivery cost must be refunded when "
                                   "the whole order is withdrawn",
                                "de standaard verzendkosten moeten worden terugbetaald als de "
                                "hele bestelling wordt herroepen"),
                     extra_days
                         ? TEXT(l, "say in the terms that this applies to the extra days only",
                                "vermeld in de voorwaarden dat dit alleen voor de extra dagen "
                                "geldt")
                         : TEXT(l, "write refund_outbound_shipping: true (only a surcharge for "
                                   "express delivery may be kept)",
                                "schrijf refund_outbound_shipping: true (alleen een toeslag "
                                "voor snelle levering mag worden ingehouden)"));
    if (rc == RETOUR_OK && p->condition == RETOUR__COND_UNUSED)
        rc = finding(l, RETOUR_SEVERITY_ERROR, "condition-unused", p->src_condition,
                     "withdrawal.condition", p->law_handling,
                     TEXT(l, "goods need not come back unused: the consumer may try them as in "
                             "a shop, and handling beyond that costs a deduction for diminished "
                             "value, not the right",
                          "artikelen hoeven niet ongebruikt terug te komen: de consument mag ze "
                          "passen en proberen zoals in een winkel, en meer dan dat kost een "
                          "aftrek voor waardevermindering, niet het recht"),
                     TEXT(l, "write condition: any and set deductions under packaging",
                          "schrijf condition: any en stel aftrekken in onder packaging"));
    if (rc == RETOUR_OK && p->condition == RETOUR__COND_UNDAMAGED)
        rc = finding(l, RETOUR_SEVERITY_WARNING, "condition-undamaged", p->src_condition,
                     "withdrawal.condition", p->law_handling,
                     TEXT(l, "\"undamaged\" is lawful only as a deduction for diminished value; "
                             "it never takes away the right of withdrawal",
                          "\"onbeschadigd\" mag alleen betekenen dat waardevermindering wordt "
                          "afgetrokken; het neemt het herroepingsrecht nooit weg"),
                     TEXT(l, "write condition: any and state the deduction under packaging",
                          "schrijf condition: any en noem de aftrek onder packaging"));
    return rc;
}

/* When the withdrawal is in time, and when the refund is due: art. 11(2), 13(1), 13(3). */
static int lint_timing(lint *l)
{
    const retour_policy *p = l->p;
    const retour__citations *cite = &p->jurisdiction->cite;
    int rc = RETOUR_OK;
    if (p->timely != RETOUR__TIMELY_NOTIFIED)
        rc = finding(l, RETOUR_SEVERITY_ERROR, "timely-when-goods", p->src_timely,
                     "withdrawal.timely_when", cite->timely,
                     p->timely == RETOUR__TIMELY_GOODS_SENT
                         ? TEXT(l, "a withdrawal is in time when the consumer sends the notice "
                                   "within the period; the goods may follow within 14 days of "
                                   "the notice, so they need not be sent within the period",
                                "een herroeping is op tijd als de consument de melding binnen "
                                "de termijn verstuurt; de goederen mogen binnen 14 dagen na de "
                                "melding volgen, dus hoeven niet binnen de termijn verstuurd te "
                                "zijn")
                         : TEXT(l, "a withdrawal is in time when the consumer sends the notice "
                                   "within the period; the goods need not reach the shop within "
                                   "it (they may be sent within 14 days of the notice)",
                                "een herroeping is op tijd als de consument de melding binnen "
                                "de termijn verstuurt; de goederen hoeven de winkel niet binnen "
                                "de termijn te bereiken (ze mogen binnen 14 dagen na de melding "
                                "worden verstuurd)"),
                     TEXT(l, "write timely_when: notified, or leave it out",
                          "schrijf timely_when: notified, of laat het weg"));
    if (rc == RETOUR_OK && p->refund_from == RETOUR__REFUND_FROM_GOODS_RECEIVED)
        rc = finding(l, RETOUR_SEVERITY_ERROR, "refund-counted-from-receipt", p->src_refund_from,
                     "withdrawal.refund_counted_from", p->law_refund,
                     TEXT(l, "the refund is due within 14 days of the notice of withdrawal, not "
                             "of the day the goods come back; the shop may wait for the goods "
                             "or the proof that they were sent, but the 14 days keep running",
                          "de terugbetaling is verschuldigd binnen 14 dagen na de melding van "
                          "herroeping, niet na de dag dat de goederen terug zijn; de winkel mag "
                          "wachten op de goederen of het bewijs van verzending, maar de 14 "
                          "dagen lopen door"),
                     TEXT(l, "write refund_counted_from: notification, and refund_withheld_until: "
                             "goods_or_proof_of_dispatch to wait for the goods",
                          "schrijf refund_counted_from: notification, en refund_withheld_until: "
                          "goods_or_proof_of_dispatch om op de goederen te wachten"));
    if (rc == RETOUR_OK && p->withheld == RETOUR__WITHHELD_GOODS_RECEIVED)
        rc = finding(l, RETOUR_SEVERITY_ERROR, "refund-withheld-until-received", p->src_withheld,
                     "withdrawal.refund_withheld_until", cite->withhold,
                     TEXT(l, "the refund may be withheld only until the goods are back or the "
                             "consumer shows they were sent, whichever comes first; proof of "
                             "dispatch ends the wait",
                          "de terugbetaling mag alleen worden opgehouden tot de goederen terug "
                          "zijn of de consument aantoont dat ze zijn verstuurd, wat het eerst "
                          "komt; een verzendbewijs beëindigt het wachten"),
                     TEXT(l, "write refund_withheld_until: goods_or_proof_of_dispatch",
                          "schrijf refund_withheld_until: goods_or_proof_of_dispatch"));
    return rc;
}

static const char *function_fix(const lint *l)
{
    return TEXT(l, "offer the withdrawal function on the shop's online interface and write "
                   "function: true",
                "bied de herroepingsfunctie aan in de webwinkel en schrijf function: true");
}

/* How the refund is paid, who bears the return shipment's risk, the online withdrawal
 * function: art. 13(1), BGB §355(3), art. 11a. */
static int lint_refund_risk_function(lint *l)
{
    const retour_policy *p = l->p;
    const retour__jurisdiction *j = p->jurisdiction;
    const retour__citations *cite = &j->cite;
    char msg[360];
    int rc = RETOUR_OK;
    if (p->refund_method == RETOUR__METHOD_STORE_CREDIT ||
        p->refund_method == RETOUR__METHOD_VOUCHER)
        rc = finding(l, RETOUR_SEVERITY_ERROR, "refund-not-original-payment",
                     p->src_refund_method, "withdrawal.refund_method", p->law_refund,
                     TEXT(l, "a withdrawal is refunded by the same means of payment the "
                             "consumer used, free of charge; store credit or a voucher only when "
                             "the consumer expressly agrees",
                          "een herroeping wordt kosteloos terugbetaald met hetzelfde "
                          "betaalmiddel dat de consument gebruikte; tegoed of een waardebon "
                          "alleen als de consument daar uitdrukkelijk mee instemt"),
                     TEXT(l, "write refund_method: original_payment, or consumer_choice to "
                             "offer credit beside the refund",
                          "schrijf refund_method: original_payment, of consumer_choice om "
                          "tegoed naast terugbetaling aan te bieden"));
    if (rc == RETOUR_OK && p->return_risk_consumer) {
        if (cite->return_risk)
            rc = finding(l, RETOUR_SEVERITY_ERROR, "return-risk-consumer", p->src_return_risk,
                         "withdrawal.return_risk", cite->return_risk,
                         TEXT(l, "the trader bears the risk of the return shipment: goods lost "
                                 "or damaged on the way back are the shop's loss once the "
                                 "consumer has sent them",
                              "de handelaar draagt het risico van de terugzending: wat op de "
                              "terugweg verloren gaat of beschadigt, is voor rekening van de "
                              "winkel zodra de consument het heeft verstuurd"),
                         TEXT(l, "write return_risk: shop", "schrijf return_risk: shop"));
        else {
            snprintf(msg, sizeof msg,
                     TEXT(l, "who bears the risk of the return shipment is not settled for %s "
                             "in libretour's law tables (the directive leaves it open; in "
                             "Germany it is the trader's); the clause may not hold",
                          "wie het risico van de terugzending draagt, is voor %s niet "
                          "vastgelegd in de wettabellen van libretour (de richtlijn laat het "
                          "open; in Duitsland is het de handelaar); de bepaling houdt mogelijk "
                          "geen stand"),
                     p->jurisdiction_code);
            rc = finding(l, RETOUR_SEVERITY_WARNING, "return-risk-consumer", p->src_return_risk,
                         "withdrawal.return_risk", p->law_return, msg,
                         TEXT(l, "write return_risk: shop, or have the clause checked against "
                                 "national law",
                              "schrijf return_risk: shop, of laat de bepaling toetsen aan het "
                              "nationale recht"));
        }
    }
    if (rc == RETOUR_OK && !p->function && cite->function) {
        char from[11];
        retour_date_format(from, j->function_from);
        snprintf(msg, sizeof msg,
                 TEXT(l, "contracts concluded online from %s must let the consumer withdraw "
                         "through an online withdrawal function ('withdraw from contract "
                         "here'), available throughout the withdrawal period",
                      "bij online gesloten overeenkomsten vanaf %s moet de consument kunnen "
                      "herroepen via een online herroepingsfunctie ('hier de overeenkomst "
                      "herroepen'), beschikbaar gedurende de hele bedenktijd"),
                 from);
        rc = finding(l, RETOUR_SEVERITY_ERROR, "withdrawal-function-missing", p->src_function,
                     "withdrawal.function", cite->function, msg, function_fix(l));
    } else if (rc == RETOUR_OK && !p->function && j->eea) {
        rc = finding(l, RETOUR_SEVERITY_WARNING, "withdrawal-function-missing", p->src_function,
                     "withdrawal.function", RETOUR__CRD " art. 11a",
                     TEXT(l, "whether the EEA Agreement brings in the online withdrawal "
                             "function (art. 11a of Directive 2011/83/EU) is not verified; "
                             "member states require it for contracts from 2026-06-19",
                          "of de EER-overeenkomst de online herroepingsfunctie (art. 11a van "
                          "Richtlijn 2011/83/EU) overneemt, is niet geverifieerd; lidstaten "
                          "eisen haar voor overeenkomsten vanaf 2026-06-19"),
                     function_fix(l));
    }
    return rc;
}

/* ---- packaging ------------------------------------------------------------------------- */

static int lint_rule(lint *l, const retour__pkg_rule *rule, const char *path, int opened)
{
    const retour_policy *p = l->p;
    char msg[320];
    if (opened && rule->action != RETOUR__PKG_ACCEPT)
        return finding(l, RETOUR_SEVERITY_ERROR, "opened-packaging-refused", rule->src, path,
                       p->law_handling,
                       TEXT(l, "opened packaging may be neither refused nor charged: the "
                               "consumer may unpack the goods to try them (only hygiene-sealed "
                               "goods and sealed media lose the right once unsealed)",
                            "geopende verpakking mag niet worden geweigerd of in rekening "
                            "gebracht: de consument mag uitpakken om te proberen (alleen "
                            "hygiënisch verzegelde artikelen en verzegelde media verliezen het "
                            "recht na openen)"),
                       TEXT(l, "write opened: accept; mark really sealed goods with exclusion: "
                               "hygiene_sealed or sealed_media on their category",
                            "schrijf opened: accept; geef echt verzegelde artikelen exclusion: "
                            "hygiene_sealed of sealed_media in hun categorie"));
    if (rule->action == RETOUR__PKG_REJECT)
        return finding(l, RETOUR_SEVERITY_ERROR, "packaging-damage-refused", rule->src, path,
                       p->law_handling,
                       TEXT(l, "damaged or missing packaging may cost a deduction for "
                               "diminished value, never the right of withdrawal",
                            "beschadigde of ontbrekende verpakking mag een aftrek voor "
                            "waardevermindering kosten, nooit het herroepingsrecht"),
                       TEXT(l, "write 'deduct N%', a fixed 'deduct AMOUNT' or review",
                            "schrijf 'deduct N%', een vaste 'deduct BEDRAG' of review"));
    if (rule->action == RETOUR__PKG_DEDUCT_PERCENT && rule->basis_points > 5000) {
        snprintf(msg, sizeof msg,
                 TEXT(l, "a deduction of %d%% for packaging alone is more than half the value; "
                         "it must match the diminished value, and customers will contest it",
                      "een aftrek van %d%% voor alleen de verpakking is meer dan de helft van "
                      "de waarde; die moet overeenkomen met de waardevermindering, en klanten "
                      "zullen hem betwisten"),
                 (int)(rule->basis_points / 100));
        return finding(l, RETOUR_SEVERITY_WARNING, "deduction-above-half", rule->src, path,
                       p->law_handling, msg,
                       TEXT(l, "use a lower percentage, or review to let a person assess the "
                               "loss",
                            "gebruik een lager percentage, of review zodat een medewerker het "
                            "verlies beoordeelt"));
    }
    return RETOUR_OK;
}

static int is_strict(const retour__pkg_rule *rule)
{
    return rule->action == RETOUR__PKG_REVIEW || rule->action == RETOUR__PKG_REJECT ||
           ((rule->action == RETOUR__PKG_DEDUCT_PERCENT && rule->basis_points > 0) ||
            (rule->action == RETOUR__PKG_DEDUCT_AMOUNT && rule->amount > 0));
}

static int lint_packaging(lint *l, int extra_days)
{
    const retour_policy *p = l->p;
    int rc;
    if ((rc = lint_rule(l, &p->opened, "packaging.opened", 1)) ||
        (rc = lint_rule(l, &p->damaged, "packaging.damaged", 0)) ||
        (rc = lint_rule(l, &p->missing, "packaging.missing", 0)))
        return rc;
    const retour__pkg_rule *strict = is_strict(&p->damaged) ? &p->damaged
                                     : is_strict(&p->missing) ? &p->missing : NULL;
    if (extra_days || strict == NULL || p->days < p->jurisdiction->withdrawal_days)
        return RETOUR_OK; /* a shorter window is an error of its own */
    return finding(l, RETOUR_SEVERITY_WARNING, "strict-minimum-window", p->src_days,
                   "withdrawal.days", p->law_period,
                   TEXT(l, "the legal minimum window with strict packaging rules is lawful, but "
                           "it is what customers complain about in reviews",
                        "de wettelijke minimale termijn met strenge regels voor de verpakking "
                        "is toegestaan, maar daar klagen klanten over in reviews"),
                   TEXT(l, "give a few days more than the law, or accept packaging damage "
                           "without deduction",
                        "geef een paar dagen meer dan de wet, of accepteer schade aan de "
                        "verpakking zonder aftrek"));
}

/* ---- categories: only the law's exceptions ---------------------------------------------- */

/* The legal exception a category's name suggests, or NONE. */
static retour__exclusion suggested_exception(const char *name)
{
    static const struct { const char *word; retour__exclusion e; } hints[] = {
        { "underwear", RETOUR__EXCL_HYGIENE_SEALED }, { "lingerie", RETOUR__EXCL_HYGIENE_SEALED },
        { "swim", RETOUR__EXCL_HYGIENE_SEALED },      { "cosmetic", RETOUR__EXCL_HYGIENE_SEALED },
        { "hygien", RETOUR__EXCL_HYGIENE_SEALED },    { "earring", RETOUR__EXCL_HYGIENE_SEALED },
        { "piercing", RETOUR__EXCL_HYGIENE_SEALED },  { "makeup", RETOUR__EXCL_HYGIENE_SEALED },
        { "food", RETOUR__EXCL_PERISHABLE },          { "flower", RETOUR__EXCL_PERISHABLE },
        { "fresh", RETOUR__EXCL_PERISHABLE },         { "perishable", RETOUR__EXCL_PERISHABLE },
        { "custom", RETOUR__EXCL_PERSONALISED },      { "personal", RETOUR__EXCL_PERSONALISED },
        { "engrav", RETOUR__EXCL_PERSONALISED },      { "bespoke", RETOUR__EXCL_PERSONALISED },
        { "made_to", RETOUR__EXCL_PERSONALISED },     { "software", RETOUR__EXCL_SEALED_MEDIA },
        { "dvd", RETOUR__EXCL_SEALED_MEDIA },         { "blu", RETOUR__EXCL_SEALED_MEDIA },
        { "media", RETOUR__EXCL_SEALED_MEDIA },       { "music", RETOUR__EXCL_SEALED_MEDIA },
        { "game", RETOUR__EXCL_SEALED_MEDIA },        { "magazine", RETOUR__EXCL_NEWSPAPER },
        { "newspaper", RETOUR__EXCL_NEWSPAPER },      { "download", RETOUR__EXCL_DIGITAL_CONTENT },
        { "ebook", RETOUR__EXCL_DIGITAL_CONTENT },    { "digital", RETOUR__EXCL_DIGITAL_CONTENT },
    };
    char lower[64];
    size_t n = strlen(name);
    if (n >= sizeof lower)
        n = sizeof lower - 1;
    for (size_t i = 0; i < n; i++)
        lower[i] = (char)tolower((unsigned char)name[i]);
    lower[n] = '\0';
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
        if (strstr(lower, hints[i].word))
            return hints[i].e;
    return RETOUR__EXCL_NONE;
}

static int lint_category(lint *l, const retour__category *c, int extra_days)
{
    const retour_policy *p = l->p;
    char msg[400], fix[320], path[96];
    if (c->own_fee && c->restocking.action != RETOUR__PKG_ACCEPT) {
        snprintf(path, sizeof path, "categories.%s.restocking_fee", c->name);
        int rc = lint_fee(l, &c->restocking, path);
        if (rc)
            return rc;
    }
    if (c->returnable)
        return RETOUR_OK;
    snprintf(path, sizeof path, "categories.%s.returnable", c->name);
    if (extra_days) {
        snprintf(msg, sizeof msg,
                 TEXT(l, "'%s' is not returnable in the days the shop adds; in the statutory "
                         "period it stays returnable, as no legal exception covers it",
                      "'%s' is niet retour te sturen in de extra dagen van de winkel; in de "
                      "wettelijke bedenktijd wel, want geen wettelijke uitzondering dekt het"),
                 c->name);
        return finding(l, RETOUR_SEVERITY_INFO, "not-a-legal-exception", c->src_returnable, path,
                       p->law_period, msg,
                       TEXT(l, "say in the terms that the restriction applies to the extra "
                               "days only",
                            "vermeld in de voorwaarden dat de beperking alleen voor de extra "
                            "dagen geldt"));
    }
    retour__exclusion e = c->exclusion != RETOUR__EXCL_NONE ? RETOUR__EXCL_NONE
                                                           : suggested_exception(c->name);
    snprintf(msg, sizeof msg,
             TEXT(l, "'%s' is the shop's own exclusion, not one of the law's exceptions: "
                     "consumers may withdraw from these goods like any others",
                  "'%s' is een eigen uitsluiting van de winkel, geen wettelijke uitzondering: "
                  "consumenten mogen deze artikelen herroepen zoals alle andere"),
             c->name);
    if (e != RETOUR__EXCL_NONE)
        snprintf(fix, sizeof fix,
                 TEXT(l, "remove returnable: false; if the goods really qualify, write "
                         "exclusion: %s (art. 16(%c))",
                      "verwijder returnable: false; als de artikelen er echt onder vallen, "
                      "schrijf exclusion: %s (art. 16(%c))"),
                 retour__exclusion_ids[e], retour__exclusion_letter(e));
    else
        snprintf(fix, sizeof fix, "%s",
                 TEXT(l, "remove returnable: false (no legal exception fits), or give more "
                         "days than the law and keep the restriction for those days",
                      "verwijder returnable: false (geen wettelijke uitzondering past), of geef "
                      "meer dagen dan de wet en houd de beperking voor die dagen"));
    return finding(l, RETOUR_SEVERITY_ERROR, "not-a-legal-exception", c->src_returnable, path,
                   e != RETOUR__EXCL_NONE ? p->law_exception[e] : p->law_period, msg, fix);
}

/* ---- complaints and review ------------------------------------------------------------ */

static int lint_complaints(lint *l)
{
    const retour_policy *p = l->p;
    const retour__guarantee_law *g = p->guarantee;
    char msg[480], fix[200];
    int rc = RETOUR_OK;
    if (g->months > 0 && p->guarantee_months > 0 && p->guarantee_months < g->months) {
        snprintf(msg, sizeof msg,
                 TEXT(l, "a guarantee of %d months is shorter than the legal guarantee of %d "
                         "months, which applies anyway; terms that suggest otherwise mislead",
                      "een garantie van %d maanden is korter dan de wettelijke garantie van %d "
                      "maanden, die hoe dan ook geldt; voorwaarden die anders suggereren "
                      "misleiden"),
                 p->guarantee_months, g->months);
        rc = finding(l, RETOUR_SEVERITY_WARNING, "guarantee-shorter-than-law",
                     p->src_guarantee_months, "complaints.guarantee_months", g->law_period, msg,
                     TEXT(l, "leave guarantee_months out, or offer more than the legal period",
                          "laat guarantee_months weg, of bied meer dan de wettelijke termijn"));
    }
    if (rc == RETOUR_OK && p->presumption_months > 0 &&
        p->presumption_months < g->presumption_months) {
        snprintf(msg, sizeof msg,
                 TEXT(l, "a presumption of %d months is shorter than the law's %d: within them "
                         "the shop must prove the goods were fine at delivery",
                      "een vermoeden van %d maanden is korter dan de wettelijke %d: binnen die "
                      "termijn moet de winkel bewijzen dat het artikel bij levering in orde was"),
                 p->presumption_months, g->presumption_months);
        snprintf(fix, sizeof fix,
                 TEXT(l, "write presumption_months: %d or leave it out",
                      "schrijf presumption_months: %d of laat het weg"),
                 g->presumption_months);
        rc = finding(l, RETOUR_SEVERITY_ERROR, "presumption-too-short",
                     p->src_presumption_months, "complaints.presumption_months",
                     g->law_presumption, msg, fix);
    }
    if (rc == RETOUR_OK && g->months > 0 &&
        (p->remedy == RETOUR_REMEDY_REFUND || p->remedy == RETOUR_REMEDY_STORE_CREDIT))
        rc = finding(l, RETOUR_SEVERITY_ERROR, "remedy-denies-repair", p->src_remedy,
                     "complaints.remedy", g->law_remedy_order,
                     p->credit_note
                         ? TEXT(l, "a credit note is no remedy the consumer must accept: the "
                                   "consumer chooses repair or replacement first, then a price "
                                   "reduction or a refund",
                                "een tegoedbon is geen herstel dat de consument moet "
                                "accepteren: de consument kiest eerst herstel of vervanging, "
                                "daarna prijsverlaging of terugbetaling")
                         : TEXT(l, "the consumer chooses repair or replacement first; a refund "
                                   "or store credit comes only when that fails or is impossible",
                                "de consument kiest eerst herstel of vervanging; terugbetaling "
                                "of tegoed komt pas als dat mislukt of onmogelijk is"),
                     TEXT(l, "write remedy: repair or remedy: replace (the first remedy the "
                             "shop offers; the consumer may choose the other)",
                          "schrijf remedy: repair of remedy: replace (wat de winkel eerst "
                          "aanbiedt; de consument mag het andere kiezen)"));
    if (rc == RETOUR_OK && g->months > 0 && p->remedy_only)
        rc = finding(l, RETOUR_SEVERITY_ERROR, "remedy-denies-choice", p->src_remedy,
                     "complaints.remedy", g->law_remedy_order,
                     p->remedy_only == RETOUR_REMEDY_REPAIR
                         ? TEXT(l, "the consumer chooses between repair and replacement; "
                                   "\"repair only\" takes that choice away",
                                "de consument kiest tussen herstel en vervanging; \"alleen "
                                "herstel\" neemt die keuze weg")
                         : TEXT(l, "the consumer chooses between repair and replacement; "
                                   "\"replacement only\" takes that choice away",
                                "de consument kiest tussen herstel en vervanging; \"alleen "
                                "vervanging\" neemt die keuze weg"),
                     TEXT(l, "write remedy: repair or remedy: replace (the first remedy the "
                             "shop offers; the consumer may choose the other)",
                          "schrijf remedy: repair of remedy: replace (wat de winkel eerst "
                          "aanbiedt; de consument mag het andere kiezen)"));
    if (rc == RETOUR_OK && g->months > 0 && p->notice_months > 0) {
        if (g->notice_months == 0) {
            snprintf(msg, sizeof msg,
                     TEXT(l, "the law of %s sets consumers no time to report a defect, as far "
                             "as libretour's law tables know (member states may require "
                             "notice within no less than 2 months of detecting it; NL, BE and SE "
                             "do): a complaint cannot be refused for coming late",
                          "het recht van %s legt consumenten geen termijn op om een gebrek te "
                          "melden, voor zover de wettabellen van libretour weten (lidstaten "
                          "mogen melding binnen minstens 2 maanden na ontdekking eisen; NL, BE "
                          "en SE doen dat): een klacht mag niet worden geweigerd omdat die laat "
                          "komt"),
                     p->jurisdiction_code);
            rc = finding(l, RETOUR_SEVERITY_ERROR, "notice-duty-not-in-law",
                         p->src_notice_months, "complaints.notice_within_months", g->law_notice,
                         msg,
                         TEXT(l, "remove notice_within_months, or keep it for the shop's own "
                                 "guarantee only",
                              "verwijder notice_within_months, of houd het alleen voor de eigen "
                              "garantie van de winkel"));
        } else if (p->notice_months < g->notice_months) {
            snprintf(msg, sizeof msg,
                     TEXT(l, "%d %s to report a defect is shorter than the law's %d months "
                             "from detecting it",
                          "%d %s om een gebrek te melden is korter dan de wettelijke %d "
                          "maanden na ontdekking"),
                     p->notice_months,
                     p->notice_months == 1 ? TEXT(l, "month", "maand")
                                           : TEXT(l, "months", "maanden"),
                     g->notice_months);
            snprintf(fix, sizeof fix,
                     TEXT(l, "write notice_within_months: %d or more, or leave it out",
                          "schrijf notice_within_months: %d of meer, of laat het weg"),
                     g->notice_months);
            rc = finding(l, RETOUR_SEVERITY_ERROR, "notice-period-too-short",
                         p->src_notice_months, "complaints.notice_within_months", g->law_notice,
                         msg, fix);
        }
    }
    if (rc == RETOUR_OK && g->months > 0 && p->notice_form)
        rc = finding(l, p->notice_form == 2 ? RETOUR_SEVERITY_ERROR : RETOUR_SEVERITY_WARNING,
                     "notice-form-required", p->src_notice_form, "complaints.notice_form",
                     g->law_notice,
                     p->notice_form == 2
                         ? TEXT(l, "a form cannot be a condition of the legal guarantee: a "
                                   "complaint made in any way counts",
                                "een formulier mag geen voorwaarde zijn voor de wettelijke "
                                "garantie: een klacht telt op elke manier")
                         : TEXT(l, "the legal guarantee does not depend on the form of the "
                                   "complaint: one made by phone or in the shop counts too; "
                                   "written notice is lawful as a request, not as a condition",
                                "de wettelijke garantie hangt niet af van de vorm van de klacht: "
                                "ook een klacht per telefoon of in de winkel telt; schriftelijk "
                                "melden mag een verzoek zijn, geen voorwaarde"),
                     TEXT(l, "write notice_form: any (offer the form as one way to complain)",
                          "schrijf notice_form: any (bied het formulier aan als een van de "
                          "manieren om te klagen)"));
    return rc;
}

static int lint_review(lint *l)
{
    const retour_policy *p = l->p;
    if (p->review_claims != 1 && p->review_amount != 0)
        return RETOUR_OK;
    int claims = p->review_claims == 1;
    return finding(l, RETOUR_SEVERITY_WARNING, "review-holds-every-request",
                   claims ? p->src_review_claims : p->src_review_amount,
                   claims ? "review.claims_last_year" : "review.amount", p->law_refund,
                   TEXT(l, "this threshold sends every request to a person; a review never "
                           "reduces a legal right, and the refund deadline keeps running",
                        "deze drempel stuurt elke aanvraag naar een medewerker; een "
                        "beoordeling vermindert nooit een wettelijk recht, en de "
                        "terugbetaaltermijn loopt door"),
                   TEXT(l, "raise the threshold so that it catches only unusual requests",
                        "verhoog de drempel zodat alleen ongebruikelijke aanvragen worden "
                        "tegengehouden"));
}

/* The working-day span lives here, on the stack, only while it is needed. */
static int lint_working(lint *l)
{
    working_span w;
    return lint_working_days(l, &w);
}

int retour__lint(retour__sink *sink, const retour_policy *p, const char *text, size_t len,
                 retour_lang lang)
{
    lint l = { sink, p, text, len, lang == RETOUR_LANG_NL };
    const retour__jurisdiction *j = p->jurisdiction;
    int rc = RETOUR_OK;
    if (j->statutory) {
        /* Clauses lawful as limits on the days a shop adds on top of the law (working days:
         * 14 or more always end after the law's 14 calendar days). */
        int working = p->counting == RETOUR__COUNTING_WORKING_DAYS;
        int extra_days = p->starts == RETOUR__START_DELIVERY &&
                         (working && p->src_days.line ? p->days >= j->withdrawal_days
                                                      : p->days > j->withdrawal_days);
        if ((rc = lint_window(&l)) || (working && (rc = lint_working(&l))) ||
            (rc = lint_deadlines(&l)) || (rc = lint_timing(&l)) || (rc = lint_requirements(&l)) ||
            (rc = lint_refund_risk_function(&l)) ||
            (rc = lint_conditions(&l, extra_days)) || (rc = lint_packaging(&l, extra_days)))
            return rc;
        for (size_t i = 0; i < p->category_count; i++)
            if ((rc = lint_category(&l, &p->categories[i], extra_days)))
                return rc;
    }
    if ((rc = lint_complaints(&l)) || (rc = lint_review(&l)))
        return rc;
    return RETOUR_OK;
}
