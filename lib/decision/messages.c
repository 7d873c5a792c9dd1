/* Message templates in English and Dutch, and their expansion. Placeholders:
 * {date} {date2} {days} {days2} {amount} {percent} {category} {name} {other} {remedy} {cause}
 * {figures} {requirement}. */
#include "decision/messages.h"
#include "law/figures.h"
#include "base/names.h"
#include "base/money.h"

#include <stdio.h>
#include <string.h>

typedef struct templates {
    const char *en;
    const char *nl;
} templates;

static const templates table[RETOUR__R__COUNT] = {
    [RETOUR__R_WITHIN_WITHDRAWAL_PERIOD] = {
        "Withdrawal notified on {date2}, within the statutory withdrawal period that ends on {date}; no reason is needed.",
        "Herroeping gemeld op {date2}, binnen de wettelijke bedenktijd die eindigt op {date}; een reden is niet nodig." },
    [RETOUR__R_WITHDRAWAL_PERIOD_EXTENDED] = {
        "The consumer was not informed of the right of withdrawal, so the period is extended by {days} months, to {date}.",
        "De consument is niet over het herroepingsrecht geïnformeerd, dus de bedenktijd is met {days} maanden verlengd, tot {date}." },
    [RETOUR__R_WITHIN_SHOP_PERIOD] = {
        "Notified on {date2}, within the shop's own {days}-day return window that ends on {date}.",
        "Gemeld op {date2}, binnen de eigen retourtermijn van {days} dagen van de winkel, die eindigt op {date}." },
    [RETOUR__R_WITHDRAWAL_PERIOD_EXPIRED] = {
        "Notified on {date2}, after the return period ended on {date}.",
        "Gemeld op {date2}, nadat de retourtermijn op {date} was verlopen." },
    [RETOUR__R_EXCLUDED_SERVICES_PERFORMED] = {
        "A service fully performed with the consumer's express consent cannot be withdrawn from ({category}).",
        "Een dienst die met uitdrukkelijke instemming volledig is uitgevoerd, kan niet worden herroepen ({category})." },
    [RETOUR__R_EXCLUDED_PRICE_FLUCTUATION] = {
        "The price of {category} items depends on financial-market fluctuations, a legal exception to withdrawal.",
        "De prijs van {category}-artikelen hangt af van schommelingen op de financiële markt, een wettelijke uitzondering op herroeping." },
    [RETOUR__R_EXCLUDED_PERSONALISED] = {
        "{category} items are made to the consumer's specifications or clearly personalised, a legal exception to withdrawal.",
        "{category}-artikelen zijn volgens specificaties van de consument gemaakt of duidelijk persoonlijk, een wettelijke uitzondering op herroeping." },
    [RETOUR__R_EXCLUDED_PERISHABLE] = {
        "{category} items deteriorate or expire rapidly, a legal exception to withdrawal.",
        "{category}-artikelen bederven snel of raken snel verouderd, een wettelijke uitzondering op herroeping." },
    [RETOUR__R_EXCLUDED_UNSEALED_HYGIENE] = {
        "{category} items were sealed for health protection or hygiene reasons and have been unsealed, so they cannot be returned.",
        "{category}-artikelen waren om redenen van gezondheid of hygiëne verzegeld en zijn ontzegeld, dus ze kunnen niet retour." },
    [RETOUR__R_EXCLUDED_MIXED_GOODS] = {
        "{category} items are by nature inseparably mixed with other items after delivery, a legal exception to withdrawal.",
        "{category}-artikelen zijn na levering onscheidbaar vermengd met andere zaken, een wettelijke uitzondering op herroeping." },
    [RETOUR__R_EXCLUDED_ALCOHOL_FUTURE_DELIVERY] = {
        "{category} items are alcoholic beverages priced at the order and delivered after 30 days, a legal exception to withdrawal.",
        "{category}-artikelen zijn alcoholische dranken met een prijs bij bestelling en levering na 30 dagen, een wettelijke uitzondering op herroeping." },
    [RETOUR__R_EXCLUDED_URGENT_REPAIRS] = {
        "{category}: the consumer asked for a visit for urgent repairs or maintenance, a legal exception to withdrawal.",
        "{category}: de consument vroeg om een bezoek voor dringende reparatie of onderhoud, een wettelijke uitzondering op herroeping." },
    [RETOUR__R_EXCLUDED_UNSEALED_MEDIA] = {
        "{category} items are sealed audio, video or software and have been unsealed, so they cannot be returned.",
        "{category}-artikelen zijn verzegelde audio, video of software en zijn ontzegeld, dus ze kunnen niet retour." },
    [RETOUR__R_EXCLUDED_NEWSPAPER] = {
        "{category} items are newspapers, periodicals or magazines outside a subscription, a legal exception to withdrawal.",
        "{category}-artikelen zijn kranten of tijdschriften buiten een abonnement, een wettelijke uitzondering op herroeping." },
    [RETOUR__R_EXCLUDED_PUBLIC_AUCTION] = {
        "{category} items were bought at a public auction, a legal exception to withdrawal.",
        "{category}-artikelen zijn op een openbare veiling gekocht, een wettelijke uitzondering op herroeping." },
    [RETOUR__R_EXCLUDED_DATED_SERVICE] = {
        "{category} is a leisure, accommodation, transport or catering service for a specific date, a legal exception to withdrawal.",
        "{category} is een vrijetijds-, logies-, vervoers- of cateringdienst op een bepaalde datum, een wettelijke uitzondering op herroeping." },
    [RETOUR__R_EXCLUDED_DIGITAL_CONTENT] = {
        "{category} is digital content not on a tangible medium whose supply began with the consumer's consent, a legal exception to withdrawal.",
        "{category} is digitale inhoud zonder materiële drager waarvan de levering met instemming is begonnen, een wettelijke uitzondering op herroeping." },
    [RETOUR__R_SEAL_INTACT] = {
        "The seal of the {category} item is intact, so the exception for unsealed goods does not apply.",
        "De verzegeling van het {category}-artikel is intact, dus de uitzondering voor ontzegelde zaken geldt niet." },
    [RETOUR__R_PACKAGING_STATE_UNKNOWN] = {
        "{category} items may only be refused once unsealed, and the request does not say whether the seal is intact: check it.",
        "{category}-artikelen mogen alleen worden geweigerd als ze ontzegeld zijn, en de aanvraag zegt niet of de verzegeling intact is: controleer dit." },
    [RETOUR__R_EXCLUSION_WAIVED] = {
        "The shop takes {category} items back although the law would let it refuse them.",
        "De winkel neemt {category}-artikelen terug, hoewel de wet weigeren toestaat." },
    [RETOUR__R_EXCLUDED_BY_SHOP] = {
        "{category} items are not returnable in the shop's extended window; only the statutory period covers them, and it has ended.",
        "{category}-artikelen vallen niet onder de verlengde retourtermijn van de winkel; alleen de wettelijke bedenktijd geldt en die is verlopen." },
    [RETOUR__R_PACKAGING_OPENED_ALLOWED] = {
        "Opened packaging is no reason to refuse the return: the consumer may unpack and try the goods as in a shop.",
        "Een geopende verpakking is geen reden om de retour te weigeren: de consument mag het product uitpakken en proberen zoals in een winkel." },
    [RETOUR__R_DAMAGED_DEDUCTION] = {
        "The packaging is damaged beyond what trying requires: a deduction of {amount} ({percent}) for diminished value.",
        "De verpakking is verder beschadigd dan nodig om te proberen: een aftrek van {amount} ({percent}) voor waardevermindering." },
    [RETOUR__R_DAMAGED_REVIEW] = {
        "The packaging is damaged beyond what trying requires: a person must assess the diminished value; the right itself stays.",
        "De verpakking is verder beschadigd dan nodig om te proberen: een medewerker beoordeelt de waardevermindering; het recht zelf blijft." },
    [RETOUR__R_DAMAGED_ACCEPTED] = {
        "The packaging is damaged; the shop accepts this without deduction.",
        "De verpakking is beschadigd; de winkel accepteert dit zonder aftrek." },
    [RETOUR__R_MISSING_PACKAGING_DEDUCTION] = {
        "The original packaging is missing: a deduction of {amount} ({percent}) for diminished value.",
        "De originele verpakking ontbreekt: een aftrek van {amount} ({percent}) voor waardevermindering." },
    [RETOUR__R_MISSING_PACKAGING_REVIEW] = {
        "The original packaging is missing: a person must assess the diminished value; the right itself stays.",
        "De originele verpakking ontbreekt: een medewerker beoordeelt de waardevermindering; het recht zelf blijft." },
    [RETOUR__R_MISSING_PACKAGING_ACCEPTED] = {
        "The original packaging is missing; the shop accepts this without deduction.",
        "De originele verpakking ontbreekt; de winkel accepteert dit zonder aftrek." },
    [RETOUR__R_DEDUCTION_WAIVED_NOT_INFORMED] = {
        "No deduction for diminished value: the consumer was not informed of the right of withdrawal.",
        "Geen aftrek voor waardevermindering: de consument is niet over het herroepingsrecht geïnformeerd." },
    [RETOUR__R_OUTBOUND_SHIPPING_REFUNDED] = {
        "The whole order is withdrawn, so the outbound delivery cost of {amount} is refunded too.",
        "De hele bestelling wordt herroepen, dus ook de verzendkosten van {amount} worden terugbetaald." },
    [RETOUR__R_OUTBOUND_SHIPPING_NOT_REFUNDED] = {
        "The outbound delivery cost of {amount} is not refunded: only a withdrawal of the whole order gets it back, and in the shop's own window only when the policy says so.",
        "De verzendkosten van {amount} worden niet terugbetaald: alleen bij herroeping van de hele bestelling, en in de eigen termijn van de winkel alleen als het beleid dat zegt." },
    [RETOUR__R_REFUND_DEADLINE_CAPPED] = {
        "The policy allows {days} days to refund, more than the law's {days2}; the refund is due within {days2} days of the notice.",
        "Het beleid noemt {days} dagen om terug te betalen, meer dan de wettelijke {days2}; terugbetaling binnen {days2} dagen na de melding." },
    [RETOUR__R_RETURN_PERIOD_EXTENDED] = {
        "The policy gives {days} days to send the goods back, fewer than the law's {days2}; the consumer has {days2} days.",
        "Het beleid geeft {days} dagen om terug te sturen, minder dan de wettelijke {days2}; de consument heeft {days2} dagen." },
    [RETOUR__R_PRESUMED_DEFECT] = {
        "The problem appeared on {date2}, within {days} months of delivery: the law presumes the defect was there at delivery, so the shop may not refuse without proof otherwise.",
        "Het probleem ontstond op {date2}, binnen {days} maanden na levering: de wet neemt aan dat het gebrek er bij levering al was, dus de winkel mag niet weigeren zonder tegenbewijs." },
    [RETOUR__R_INSPECTION_REQUIRED] = {
        "The policy asks to inspect {category} items before deciding a presumed defect: a person decides after inspection.",
        "Het beleid vraagt {category}-artikelen te onderzoeken voordat over een vermoed gebrek wordt beslist: een medewerker beslist na onderzoek." },
    [RETOUR__R_EVIDENCE_REQUIRED] = {
        "The problem appeared on {date2}, after the {days}-month presumption period: the consumer must show that the defect was there at delivery; a person assesses the evidence.",
        "Het probleem ontstond op {date2}, na de vermoedenstermijn van {days} maanden: de consument moet aantonen dat het gebrek er bij levering al was; een medewerker beoordeelt het bewijs." },
    [RETOUR__R_EVIDENCE_REQUIRED_NO_PRESUMPTION] = {
        "The problem appeared on {date2}; no presumption applies, so the consumer must show that the defect was there at delivery; a person assesses the evidence.",
        "Het probleem ontstond op {date2}; er geldt geen vermoeden, dus de consument moet aantonen dat het gebrek er bij levering al was; een medewerker beoordeelt het bewijs." },
    [RETOUR__R_DEFECT_CONFIRMED] = {
        "A defect was established and the complaint falls within the guarantee, which ends on {date}: the consumer is entitled to a remedy.",
        "Er is een gebrek vastgesteld en de klacht valt binnen de garantie, die eindigt op {date}: de consument heeft recht op herstel." },
    [RETOUR__R_GUARANTEE_EXPIRED] = {
        "The problem appeared on {date2}, after the guarantee ended on {date}.",
        "Het probleem ontstond op {date2}, nadat de garantie op {date} was geëindigd." },
    [RETOUR__R_WITHIN_COMMERCIAL_GUARANTEE] = {
        "The legal guarantee has ended, but the shop's own {days}-month guarantee covers the item until {date}.",
        "De wettelijke garantie is voorbij, maar de eigen garantie van {days} maanden van de winkel dekt het artikel tot {date}." },
    [RETOUR__R_CUSTOMER_CAUSED_DAMAGE] = {
        "The damage was caused by the customer ({cause}), which is no lack of conformity: the guarantee does not cover it.",
        "De schade is door de klant veroorzaakt ({cause}); dat is geen gebrek: de garantie dekt het niet." },
    [RETOUR__R_WEAR_WITHIN_LIFESPAN] = {
        "Wear on a {category} item within its expected lifespan of {days} months: a person must judge whether it is normal wear or a defect.",
        "Slijtage aan een {category}-artikel binnen de verwachte levensduur van {days} maanden: een medewerker beoordeelt of het normale slijtage of een gebrek is." },
    [RETOUR__R_WEAR_BEYOND_LIFESPAN] = {
        "Wear on a {category} item after its expected lifespan of {days} months ended on {date}: normal wear is no defect.",
        "Slijtage aan een {category}-artikel na de verwachte levensduur van {days} maanden, die eindigde op {date}: normale slijtage is geen gebrek." },
    [RETOUR__R_REMEDY_CONSUMER_CHOICE] = {
        "The consumer chooses between repair and replacement and asked for {remedy}.",
        "De consument kiest tussen herstel en vervanging en vroeg om {remedy}." },
    [RETOUR__R_REMEDY_REPAIR_OR_REPLACE_FIRST] = {
        "Repair or replacement comes first; a price reduction or refund only when that is impossible, disproportionate or has failed. The shop offers {remedy}.",
        "Eerst herstel of vervanging; prijsverlaging of terugbetaling alleen als dat onmogelijk of onevenredig is of is mislukt. De winkel biedt {remedy} aan." },
    [RETOUR__R_REMEDY_AFTER_FAILED_REPAIR] = {
        "An earlier repair or replacement failed or was refused, so the consumer may have {remedy} as asked.",
        "Een eerder herstel of vervanging is mislukt of geweigerd, dus de consument krijgt {remedy} zoals gevraagd." },
    [RETOUR__R_SHORT_TERM_REJECT] = {
        "The problem appeared within the short-term right to reject, which ends on {date}: the consumer may reject the goods for a full refund.",
        "Het probleem ontstond binnen het kortetermijnrecht om af te wijzen, dat eindigt op {date}: de consument mag de zaak weigeren tegen volledige terugbetaling." },
    [RETOUR__R_PRICE_REDUCTION_TO_AGREE] = {
        "A price reduction must be proportionate to the defect: a person agrees the amount with the consumer.",
        "Een prijsverlaging moet in verhouding staan tot het gebrek: een medewerker spreekt het bedrag af met de consument." },
    [RETOUR__R_GOODWILL_RULE] = {
        "Goodwill rule '{name}' applies: {remedy}.",
        "Coulanceregel '{name}' is van toepassing: {remedy}." },
    [RETOUR__R_FREQUENT_CLAIMS] = {
        "This is the customer's claim number {days} in the last 12 months, at or above the policy's review threshold of {days2}: a person decides; no legal right is refused for it.",
        "Dit is claim nummer {days} van de klant in de afgelopen 12 maanden, op of boven de drempel van {days2} in het beleid: een medewerker beslist; geen wettelijk recht wordt daarom geweigerd." },
    [RETOUR__R_HIGH_AMOUNT] = {
        "The request is worth {amount}, at or above the policy's review threshold: a person decides; no legal right is refused for it.",
        "De aanvraag is {amount} waard, op of boven de drempel in het beleid: een medewerker beslist; geen wettelijk recht wordt daarom geweigerd." },
    [RETOUR__R_POLICY_BELOW_LEGAL_FLOOR] = {
        "The policy's {name} gives the consumer less than the law; it does not apply here and the law decides.",
        "De bepaling {name} in het beleid geeft de consument minder dan de wet; die geldt hier niet en de wet beslist." },
    [RETOUR__R_FLOOR_NOT_RETURNABLE] = {
        "The policy makes {category} items non-returnable, but that is no legal exception: within the statutory period they may be withdrawn like any other goods.",
        "Het beleid sluit {category}-artikelen uit van retour, maar dat is geen wettelijke uitzondering: binnen de wettelijke bedenktijd mogen ze zoals andere artikelen worden herroepen." },
    [RETOUR__R_RESTOCKING_FEE_DEDUCTED] = {
        "Outside the statutory period the shop's restocking fee applies: {amount} ({percent}) is deducted.",
        "Buiten de wettelijke bedenktijd gelden de verwerkingskosten van de winkel: {amount} ({percent}) wordt afgetrokken." },
    [RETOUR__R_OPENED_PACKAGING_DEDUCTION] = {
        "Outside the statutory period the shop's terms charge for opened packaging: {amount} ({percent}) is deducted.",
        "Buiten de wettelijke bedenktijd rekent de winkel voor geopende verpakking: {amount} ({percent}) wordt afgetrokken." },
    [RETOUR__R_OPENED_PACKAGING_REFUSED] = {
        "Outside the statutory period the shop's terms take back only unopened goods, and the packaging was opened.",
        "Buiten de wettelijke bedenktijd neemt de winkel alleen ongeopende artikelen terug, en de verpakking is geopend." },
    [RETOUR__R_DAMAGED_REFUSED] = {
        "Outside the statutory period the shop's terms refuse goods with damaged packaging.",
        "Buiten de wettelijke bedenktijd weigert de winkel artikelen met beschadigde verpakking." },
    [RETOUR__R_MISSING_PACKAGING_REFUSED] = {
        "Outside the statutory period the shop's terms refuse goods without their original packaging.",
        "Buiten de wettelijke bedenktijd weigert de winkel artikelen zonder originele verpakking." },
    [RETOUR__R_PERIOD_MOVED_TO_WORKING_DAY] = {
        "The period's last day, {date2}, is a Saturday, Sunday or public holiday, so the period ends at the end of the next working day, {date}; a notice on that day is in time.",
        "De laatste dag van de termijn, {date2}, is een zaterdag, zondag of feestdag, dus de termijn loopt door tot en met de eerstvolgende werkdag, {date}; een melding op die dag is op tijd." },
    [RETOUR__R_RETURN_BY_MOVED_TO_WORKING_DAY] = {
        "The last day to send the goods back, {date2}, is a Saturday, Sunday or public holiday, so it moves to the next working day, {date}.",
        "De laatste dag om de goederen terug te sturen, {date2}, is een zaterdag, zondag of feestdag, dus die schuift op naar de eerstvolgende werkdag, {date}." },
    [RETOUR__R_REFUND_BY_MOVED_TO_WORKING_DAY] = {
        "The shop's last day to refund, {date2}, is a Saturday, Sunday or public holiday, so it moves to the next working day, {date}.",
        "De laatste dag voor de winkel om terug te betalen, {date2}, is een zaterdag, zondag of feestdag, dus die schuift op naar de eerstvolgende werkdag, {date}." },
    [RETOUR__R_CONTRACT_DATE_ASSUMED] = {
        "No order date was given: the contract is taken as concluded by the first delivery, {date}, so the legal guarantee in force then applies ({name}).",
        "Er is geen besteldatum opgegeven: de overeenkomst geldt als gesloten op de eerste levering, {date}, dus de wettelijke garantie van dat moment geldt ({name})." },
    [RETOUR__R_CONSUMER_COUNTRY_LAW] = {
        "The consumer lives in {name}, a country the shop sells to: where the law of {name} protects the consumer more than that of {other}, it applies. {figures}",
        "De consument woont in {name}, een land waaraan de winkel verkoopt: waar het recht van {name} de consument meer beschermt dan dat van {other}, geldt het. {figures}" },
    [RETOUR__R_CATEGORY_NOT_LISTED] = {
        "The policy does not list the category '{category}', so its default category '{name}' decides.",
        "Het beleid noemt de categorie '{category}' niet, dus de standaardcategorie '{name}' beslist." },
    [RETOUR__R_CATEGORY_NOT_LISTED_NO_DEFAULT] = {
        "The policy does not list the category '{category}' and has no default category, so the item is decided without a category.",
        "Het beleid noemt de categorie '{category}' niet en heeft geen standaardcategorie, dus het artikel wordt zonder categorie beoordeeld." },
    [RETOUR__R_CATEGORY_NOT_LISTED_LETTER_CASE] = {
        "The policy does not list the category '{category}': a listed category differs from it only in upper and lower case, and names must match exactly. The default category '{name}' decides.",
        "Het beleid noemt de categorie '{category}' niet: een genoemde categorie verschilt er alleen in hoofd- en kleine letters van, en namen moeten precies overeenkomen. De standaardcategorie '{name}' beslist." },
    [RETOUR__R_CATEGORY_NOT_LISTED_LETTER_CASE_NO_DEFAULT] = {
        "The policy does not list the category '{category}': a listed category differs from it only in upper and lower case, and names must match exactly. The policy has no default category, so the item is decided without a category.",
        "Het beleid noemt de categorie '{category}' niet: een genoemde categorie verschilt er alleen in hoofd- en kleine letters van, en namen moeten precies overeenkomen. Het beleid heeft geen standaardcategorie, dus het artikel wordt zonder categorie beoordeeld." },
    [RETOUR__R_CATEGORY_ID_NOT_LISTED] = {
        "The policy lists no category with the given category id, so its default category '{name}' decides.",
        "Het beleid noemt geen categorie met de opgegeven categorie-id, dus de standaardcategorie '{name}' beslist." },
    [RETOUR__R_CATEGORY_ID_NOT_LISTED_NO_DEFAULT] = {
        "The policy lists no category with the given category id and has no default category, so the item is decided without a category.",
        "Het beleid noemt geen categorie met de opgegeven categorie-id en heeft geen standaardcategorie, dus het artikel wordt zonder categorie beoordeeld." },
    [RETOUR__R_WITHIN_SHOP_PERIOD_WORKING_DAYS] = {
        "Notified on {date2}, within the shop's own return window of {days} working days that ends on {date}.",
        "Gemeld op {date2}, binnen de eigen retourtermijn van {days} werkdagen van de winkel, die eindigt op {date}." },
    [RETOUR__R_WITHIN_SHOP_PERIOD_GOODS_SENT] = {
        "The goods were sent back on {date2}, within the shop's own return window that ends on {date}; its terms count the day the goods are sent.",
        "De goederen zijn op {date2} teruggestuurd, binnen de eigen retourtermijn van de winkel die eindigt op {date}; de voorwaarden tellen de dag van verzending." },
    [RETOUR__R_WITHIN_SHOP_PERIOD_GOODS_RECEIVED] = {
        "The shop received the goods back on {date2}, within its own return window that ends on {date}; its terms count the day the goods arrive.",
        "De winkel heeft de goederen op {date2} terugontvangen, binnen de eigen retourtermijn die eindigt op {date}; de voorwaarden tellen de dag van ontvangst." },
    [RETOUR__R_PERIOD_EXPIRED_GOODS_SENT] = {
        "The goods were sent back on {date2}, after the shop's own return window ended on {date}; its terms count the day the goods are sent.",
        "De goederen zijn op {date2} teruggestuurd, nadat de eigen retourtermijn van de winkel op {date} was verlopen; de voorwaarden tellen de dag van verzending." },
    [RETOUR__R_PERIOD_EXPIRED_GOODS_RECEIVED] = {
        "The shop received the goods back on {date2}, after its own return window ended on {date}; its terms count the day the goods arrive.",
        "De winkel heeft de goederen op {date2} terugontvangen, nadat de eigen retourtermijn op {date} was verlopen; de voorwaarden tellen de dag van ontvangst." },
    [RETOUR__R_RETURN_PERIOD_EXTENDED_WORKING_DAYS] = {
        "The policy gives {days} working days to send the goods back, which end on {date2}, before the law's 14 days from the notice; the consumer has until {date}.",
        "Het beleid geeft {days} werkdagen om terug te sturen, die eindigen op {date2}, eerder dan de wettelijke 14 dagen na de melding; de consument heeft tot {date}." },
    [RETOUR__R_REFUND_DEADLINE_CAPPED_WORKING_DAYS] = {
        "The policy allows {days} working days to refund, which end on {date2}, later than the law's 14 days from the notice; the refund is due by {date}.",
        "Het beleid noemt {days} werkdagen om terug te betalen, die eindigen op {date2}, later dan de wettelijke 14 dagen na de melding; terugbetaling uiterlijk op {date}." },
    [RETOUR__R_REFUND_AFTER_GOODS_RECEIVED] = {
        "Outside the statutory period the shop's terms count the refund from the day it received the goods back, {date2}: it is due by {date}.",
        "Buiten de wettelijke bedenktijd rekent de winkel de terugbetaling vanaf de dag dat de goederen terug zijn, {date2}: die is verschuldigd uiterlijk op {date}." },
    [RETOUR__R_RESTOCKING_FEE_MINIMUM] = {
        "Outside the statutory period the shop's restocking fee applies: {percent} of the item's value is less than the fee's minimum, so {amount} is deducted.",
        "Buiten de wettelijke bedenktijd gelden de verwerkingskosten van de winkel: {percent} van de waarde is minder dan het minimum, dus {amount} wordt afgetrokken." },
    [RETOUR__R_RESTOCKING_FEE_MAXIMUM] = {
        "Outside the statutory period the shop's restocking fee applies: {percent} of the item's value is more than the fee's maximum, so {amount} is deducted.",
        "Buiten de wettelijke bedenktijd gelden de verwerkingskosten van de winkel: {percent} van de waarde is meer dan het maximum, dus {amount} wordt afgetrokken." },
    [RETOUR__R_REQUIREMENT_MISSING] = {
        "Outside the statutory period the shop's terms take a return only with {requirement}, and the request does not show it.",
        "Buiten de wettelijke bedenktijd neemt de winkel een retour alleen aan met {requirement}, en de aanvraag laat dat niet zien." },
    [RETOUR__R_REQUIREMENT_MISSING_ITEM] = {
        "Outside the statutory period the shop's terms take goods back only with {requirement}, and this item comes back without it.",
        "Buiten de wettelijke bedenktijd neemt de winkel artikelen alleen terug met {requirement}, en dit artikel komt zonder terug." },
    [RETOUR__R_NOTICE_LATE] = {
        "The problem was noticed on {date2} and had to be reported within {days} months, by {date}; the complaint came later, so the right to a remedy is lost.",
        "Het probleem is op {date2} ontdekt en moest binnen {days} maanden worden gemeld, uiterlijk op {date}; de klacht kwam later, dus het recht op herstel is vervallen." },
    [RETOUR__R_REQUIREMENT_MISSING_COMPLAINT] = {
        "Only the shop's own guarantee covers the item, and its terms take a complaint only with {requirement}, which the request does not show.",
        "Alleen de eigen garantie van de winkel dekt het artikel, en de voorwaarden nemen een klacht alleen aan met {requirement}, wat de aanvraag niet laat zien." },
    [RETOUR__R_WITHDRAWAL_INFORMATION_WRONG] = {
        "The terms state a withdrawal period of {days} days, shorter than the law's {days2}: the consumer was not properly informed of the right of withdrawal, so the period is extended by 12 months, to {date}.",
        "De voorwaarden noemen een bedenktijd van {days} dagen, korter dan de wettelijke {days2}: de consument is niet juist over het herroepingsrecht geïnformeerd, dus de bedenktijd is met 12 maanden verlengd, tot {date}." },
    [RETOUR__R_WITHDRAWAL_INFORMATION_WRONG_WORKING_DAYS] = {
        "The terms state a withdrawal period of {days} working days, which can end before the law's {days2} days: the consumer was not properly informed of the right of withdrawal, so the period is extended by 12 months, to {date}.",
        "De voorwaarden noemen een bedenktijd van {days} werkdagen, die voor de wettelijke {days2} dagen kan eindigen: de consument is niet juist over het herroepingsrecht geïnformeerd, dus de bedenktijd is met 12 maanden verlengd, tot {date}." },
    [RETOUR__R_REFUND_AFTER_GOODS_RECEIVED_UNKNOWN] = {
        "Outside the statutory period the shop's terms count the refund from the day it receives the goods back; that day is not known yet, so the refund has no date.",
        "Buiten de wettelijke bedenktijd rekent de winkel de terugbetaling vanaf de dag dat de goederen terug zijn; die dag is nog niet bekend, dus de terugbetaling heeft geen datum." },
};

/* Remedies and causes in words, per language ({percent} where a grant has one). */
static const templates remedy_words[RETOUR_REMEDY__COUNT] = {
    { "no remedy", "geen herstel" },
    { "repair", "herstel" },
    { "replacement", "vervanging" },
    { "a refund", "terugbetaling" },
    { "a price reduction", "prijsverlaging" },
    { "store credit", "tegoed" },
    { "an exchange", "een ruil" },
    { "a refund of {percent}", "terugbetaling van {percent}" },
    { "a repair at {percent} off", "herstel met {percent} korting" },
};
static const templates cause_words[RETOUR_CAUSE__COUNT] = {
    { "admitted by the customer", "door de klant erkend" },
    { "defect", "gebrek" },
    { "wear", "slijtage" },
    { "misuse", "verkeerd gebruik" },
    { "an accident", "een ongeluk" },
};

static const templates requirement_words[RETOUR__REQ__COUNT] = {
    { "its return form", "het retourformulier" },
    { "the invoice", "de factuur" },
    { "the original receipt", "de originele kassabon" },
    { "a return number", "een retournummer" },
    { "registered post", "aangetekende verzending" },
    { "the shop's prior consent", "voorafgaande toestemming van de winkel" },
    { "a customer account", "een klantaccount" },
    { "photos of the goods", "foto's van de goederen" },
    { "the original packaging", "de originele verpakking" },
    { "a written notice", "een schriftelijke melding" },
};

static int expand(char *buf, size_t size, const char *t, retour_lang lang,
                  const retour__params *params, const char *currency, int decimals);

/* snprintf(buf, size, "%s", s) for a string of known length, without the format. */
static int put_text(char *buf, size_t size, const char *s, size_t len)
{
    if (size) {
        size_t copy = len < size - 1 ? len : size - 1;
        memcpy(buf, s, copy);
        buf[copy] = '\0';
    }
    return (int)len;
}

/* snprintf(buf, size, "%s%s", a, b) for strings of known length, without the format. */
static int put_pair(char *buf, size_t size, const char *a, size_t alen, const char *b,
                    size_t blen)
{
    put_text(buf, size, a, alen);
    if (size > alen)
        put_text(buf + alen, size - alen, b, blen);
    return (int)(alen + blen);
}

/* snprintf(buf, size, "%d", v). */
static int put_number(char *buf, size_t size, int v)
{
    char digits[16], *end = digits + sizeof digits, *p = end;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        *--p = '-';
    return put_text(buf, size, p, (size_t)(end - p));
}

/* The figures another law gave, in words (days2: RETOUR__FIG_* bits, law/figures.h). */
static const templates figure_words[RETOUR__FIG__COUNT] = {
    { "the right of withdrawal itself", "het herroepingsrecht zelf" },
    { "its public holidays, which also move deadlines",
      "de feestdagen daar, die termijnen ook verschuiven" },
    { "the legal guarantee period", "de wettelijke garantietermijn" },
    { "conformity over the expected lifespan", "conformiteit over de verwachte levensduur" },
    { "the presumption period", "de termijn van het vermoeden" },
    { "the short-term right to reject", "het recht om kort na levering te weigeren" },
    { "the time to report a defect", "de termijn om een gebrek te melden" },
};

/* "From the law of ES: a, b and c." or, with no figure, that the other law decides. */
static int put_figures(char *buf, size_t size, retour_lang lang, const retour__params *p,
                       const char *currency, int decimals)
{
    int nl = lang == RETOUR_LANG_NL;
    unsigned bits = (unsigned)p->days2;
    if (bits == 0)
        return expand(buf, size,
                      nl ? "Hier beschermt het recht van {other} even veel: dat beslist."
                         : "Here the law of {other} protects as much: it decides.",
                      lang, p, currency, decimals);
    int total = expand(buf, size, nl ? "Uit het recht van {name}: " : "From the law of {name}: ",
                       lang, p, currency, decimals);
    unsigned left = bits;
    for (int k = 0; k < RETOUR__FIG__COUNT; k++) {
        if (!(bits & (1u << k)))
            continue;
        left &= ~(1u << k);
        const char *word = nl ? figure_words[k].nl : figure_words[k].en;
        const char *joint = left == 0 ? "." : (left & (left - 1)) == 0 ? (nl ? " en " : " and ")
                                                                         : ", ";
        size_t used = (size_t)total < size ? (size_t)total : size;
        total += put_pair(size > used ? buf + used : NULL, size > used ? size - used : 0, word,
                          strlen(word), joint, strlen(joint));
    }
    return total;
}

static int put_value(char *buf, size_t size, const char *name, size_t name_len,
                     retour_lang lang, const retour__params *p, const char *currency,
                     int decimals)
{
#define IS(s) (name_len == sizeof(s) - 1 && memcmp(name, s, sizeof(s) - 1) == 0)
    if (IS("date") || IS("date2")) {
        char d[11];
        if (retour_date_format(d, IS("date") ? p->date : p->date2))
            return put_text(buf, size, "?", 1);
        return put_text(buf, size, d, 10);
    }
    if (IS("days"))
        return put_number(buf, size, p->days);
    if (IS("days2"))
        return put_number(buf, size, p->days2);
    if (IS("amount")) {
        char m[40];
        size_t clen = strlen(currency);
        int n = retour__money_format(m + 1, sizeof m - 1, p->amount, decimals);
        m[0] = ' ';
        return put_pair(buf, size, currency, clen, m, n < 0 ? 1 : (size_t)n + 1);
    }
    if (IS("percent")) {
        if (p->basis_points <= 0)
            return put_text(buf, size, "fixed", 5);
        /* "12%" or "12.50%": the basis points as money with two decimals. */
        char m[40];
        int n = retour__money_format(m, sizeof m - 1, p->basis_points, 2);
        if (n < 0)
            n = 0;
        if (p->basis_points % 100 == 0 && n >= 3)
            n -= 3;
        m[n++] = '%';
        return put_text(buf, size, m, (size_t)n);
    }
    if (IS("category"))
        return p->category ? put_text(buf, size, p->category, strlen(p->category))
                           : put_text(buf, size, "", 0);
    if (IS("name"))
        return p->name ? put_text(buf, size, p->name, strlen(p->name)) : put_text(buf, size, "", 0);
    if (IS("other"))
        return p->other ? put_text(buf, size, p->other, strlen(p->other)) : put_text(buf, size, "", 0);
    if (IS("requirement")) {
        const templates *w = &requirement_words[(unsigned)p->requirement % RETOUR__REQ__COUNT];
        const char *word = lang == RETOUR_LANG_NL ? w->nl : w->en;
        return put_text(buf, size, word, strlen(word));
    }
    if (IS("figures"))
        return put_figures(buf, size, lang, p, currency, decimals);
    if (IS("remedy") || IS("cause")) {
        const templates *w = IS("remedy") ? &remedy_words[(unsigned)p->grant % RETOUR_REMEDY__COUNT]
                                          : &cause_words[(unsigned)p->cause % RETOUR_CAUSE__COUNT];
        return expand(buf, size, lang == RETOUR_LANG_NL ? w->nl : w->en, lang, p, currency,
                      decimals);
    }
#undef IS
    /* Not reached with the templates above: an unknown placeholder stays as written. */
    int n = put_pair(buf, size, "{", 1, name, name_len);
    n += put_pair(size > (size_t)n ? buf + n : NULL, size > (size_t)n ? size - (size_t)n : 0,
                  "}", 1, "", 0);
    return n;
}

/* Copies template t into buf with its placeholders expanded; returns the full length. */
static int expand(char *buf, size_t size, const char *t, retour_lang lang,
                  const retour__params *params, const char *currency, int decimals)
{
    size_t out = 0;
    while (*t) {
        const char *open = strchr(t, '{');
        size_t lit = open ? (size_t)(open - t) : strlen(t);
        if (out < size)
            memcpy(buf + out, t, lit < size - out ? lit : size - out);
        out += lit;
        t += lit;
        if (!open)
            break;
        const char *close = strchr(open, '}');
        if (!close)
            break;
        /* Values are written in place, so a long category name is never cut short. */
        char *at = out < size ? buf + out : NULL;
        int n = put_value(at, at ? size - out : 0, open + 1, (size_t)(close - open - 1), lang,
                          params, currency, decimals);
        if (n > 0)
            out += (size_t)n;
        t = close + 1;
    }
    if (size)
        buf[out < size ? out : size - 1] = '\0';
    return (int)out;
}

int retour__message_format(char *buf, size_t size, retour__code code, retour_lang lang,
                           const retour__params *params, const char *currency, int decimals)
{
    if ((unsigned)code >= RETOUR__R__COUNT)
        return -1;
    const char *t = lang == RETOUR_LANG_NL ? table[code].nl : table[code].en;
    int out = expand(buf, size, t, lang, params, currency, decimals);
    /* Templates may start with a category name: a sentence starts with a capital. */
    if (size && buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
    return out;
}

/* Why a traced step applied or not where it records no reason (trace.h). */
static const templates notes[RETOUR__N__COUNT] = {
    [RETOUR__N_NONE] = { "", "" },
    [RETOUR__N_STATUTORY_PERIOD_OVER] = {
        "Notified on {date2}, after the statutory withdrawal period ended on {date}.",
        "Gemeld op {date2}, nadat de wettelijke bedenktijd op {date} was geëindigd." },
    [RETOUR__N_NO_STATUTORY_RIGHT] = {
        "The jurisdiction gives no statutory right of withdrawal; only the shop's own window counts.",
        "Het rechtsgebied kent geen wettelijk herroepingsrecht; alleen de eigen termijn van de winkel telt." },
    [RETOUR__N_NO_EXCLUSION] = {
        "No legal exception to withdrawal applies to {category} items.",
        "Voor {category}-artikelen geldt geen wettelijke uitzondering op herroeping." },
    [RETOUR__N_SHOP_EXCLUSION_STATUTORY] = {
        "The shop does not take {category} items back in its own window, but that does not limit the statutory right of withdrawal.",
        "De winkel neemt {category}-artikelen in de eigen termijn niet terug, maar dat beperkt het wettelijke herroepingsrecht niet." },
    [RETOUR__N_PACKAGING_INTACT] = {
        "The packaging is sealed or not stated: no packaging rule applies.",
        "De verpakking is verzegeld of niet opgegeven: geen verpakkingsregel van toepassing." },
    [RETOUR__N_WITHIN_LEGAL_GUARANTEE] = {
        "The problem appeared on {date2}, within the legal guarantee that ends on {date}.",
        "Het probleem ontstond op {date2}, binnen de wettelijke garantie die eindigt op {date}." },
    [RETOUR__N_NOT_CAUSED] = {
        "Nothing shows that the customer caused the damage.",
        "Niets wijst erop dat de klant de schade heeft veroorzaakt." },
    [RETOUR__N_NOT_WEAR] = {
        "The problem is not reported as wear.",
        "Het probleem is niet als slijtage gemeld." },
    [RETOUR__N_NO_DEFECT_ESTABLISHED] = {
        "No defect has been established yet.",
        "Er is nog geen gebrek vastgesteld." },
    [RETOUR__N_NO_INSPECTION] = {
        "The policy does not ask to inspect {category} items first.",
        "Het beleid vraagt niet om {category}-artikelen eerst te onderzoeken." },
    [RETOUR__N_CLAIMS_BELOW] = {
        "This is the customer's claim number {days} in the last 12 months, below the policy's review threshold of {days2}.",
        "Dit is claim nummer {days} van de klant in de afgelopen 12 maanden, onder de drempel van {days2} in het beleid." },
    [RETOUR__N_AMOUNT_BELOW] = {
        "The request is worth {amount}, below the policy's review threshold.",
        "De aanvraag is {amount} waard, onder de drempel in het beleid." },
    [RETOUR__N_GW_TYPE] = {
        "Goodwill rule '{name}' does not apply: it is for another type of request.",
        "Coulanceregel '{name}' is niet van toepassing: die geldt voor een ander soort aanvraag." },
    [RETOUR__N_GW_EXCLUDED] = {
        "Goodwill rule '{name}' does not apply: it does not cover items under an exclusion.",
        "Coulanceregel '{name}' is niet van toepassing: die geldt niet voor uitgesloten artikelen." },
    [RETOUR__N_GW_ORDERS] = {
        "Goodwill rule '{name}' does not apply: it asks for at least {days2} orders, the customer has {days}.",
        "Coulanceregel '{name}' is niet van toepassing: die vraagt minstens {days2} bestellingen, de klant heeft er {days}." },
    [RETOUR__N_GW_SPEND] = {
        "Goodwill rule '{name}' does not apply: the customer's lifetime spend is below {amount}.",
        "Coulanceregel '{name}' is niet van toepassing: de klant heeft in totaal minder dan {amount} besteed." },
    [RETOUR__N_GW_AMOUNT] = {
        "Goodwill rule '{name}' does not apply: the item is worth more than {amount}.",
        "Coulanceregel '{name}' is niet van toepassing: het artikel is meer dan {amount} waard." },
    [RETOUR__N_GW_DAYS_LATE] = {
        "Goodwill rule '{name}' does not apply: {days} days late, the rule allows at most {days2}.",
        "Coulanceregel '{name}' is niet van toepassing: {days} dagen te laat, de regel staat hoogstens {days2} toe." },
    [RETOUR__N_GW_GOODWILL] = {
        "Goodwill rule '{name}' does not apply: {days} goodwill gestures in the last 12 months, the rule allows at most {days2}.",
        "Coulanceregel '{name}' is niet van toepassing: {days} coulancegebaren in de afgelopen 12 maanden, de regel staat hoogstens {days2} toe." },
    [RETOUR__N_GW_CLAIMS] = {
        "Goodwill rule '{name}' does not apply: {days} claims in the last 12 months, the rule allows at most {days2}.",
        "Coulanceregel '{name}' is niet van toepassing: {days} claims in de afgelopen 12 maanden, de regel staat hoogstens {days2} toe." },
    [RETOUR__N_GW_CAUSE] = {
        "Goodwill rule '{name}' does not apply: the cause ({cause}) is not one the rule covers.",
        "Coulanceregel '{name}' is niet van toepassing: de oorzaak ({cause}) valt niet onder de regel." },
    [RETOUR__N_GW_CAUSE_UNKNOWN] = {
        "Goodwill rule '{name}' does not apply: it covers certain causes only, and the cause is not known.",
        "Coulanceregel '{name}' is niet van toepassing: die geldt alleen voor bepaalde oorzaken, en de oorzaak is onbekend." },
    [RETOUR__N_GW_ADMITS] = {
        "Goodwill rule '{name}' does not apply: whether the customer admits the damage does not fit the rule.",
        "Coulanceregel '{name}' is niet van toepassing: of de klant de schade erkent, past niet bij de regel." },
    [RETOUR__N_GW_CATEGORY] = {
        "Goodwill rule '{name}' does not apply: the rule does not cover {category} items.",
        "Coulanceregel '{name}' is niet van toepassing: de regel geldt niet voor {category}-artikelen." },
};

int retour__note_format(char *buf, size_t size, retour__note note, retour_lang lang,
                        const retour__params *params, const char *currency, int decimals)
{
    if ((unsigned)note >= RETOUR__N__COUNT)
        return -1;
    const char *t = lang == RETOUR_LANG_NL ? notes[note].nl : notes[note].en;
    int out = expand(buf, size, t, lang, params, currency, decimals);
    if (size && buf[0] >= 'a' && buf[0] <= 'z')
        buf[0] = (char)(buf[0] - 'a' + 'A');
    return out;
}
