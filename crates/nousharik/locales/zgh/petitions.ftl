# ⵜⵉⵙⵓⵜⵔⵉⵏ ⵉ ⵉⴳⵔⴰⵡⵏ (petitions). Tifinagh, IRCAM orthography.
# Plurals select on exact numbers ([0], [1]) because CLDR has no plural rules for zgh.
# Terms: ⵜⴰⵙⵓⵜⵔⵜ petition, ⴰⵣⵔⴰⴳ signature (ⵣⵔⴳ to sign), ⴰⵎⵙⵙⴰⵡⴰⵍ representative (وكيل),
# ⵜⴰⵡⵚⵍⵜ receipt, ⴰⵙⵖⵜⵙ decision, ⴰⴳⵔⴰⵡ council, ⴰⴱⵉⵔⵓ ⵏ ⵓⴳⵔⴰⵡ bureau. Several legal terms
# have no settled standard form yet: review before production (see the README's list).
petitions-nav = ⵜⵉⵙⵓⵜⵔⵉⵏ
petitions-register-title = ⴰⵎⵙⵍⴰⵢ ⵏ ⵜⵙⵓⵜⵔⵉⵏ
petitions-register-lead = ⴽⵓ ⵜⴰⵙⵓⵜⵔⵜ ⵉⵍⴰⵏ ⵉⵣⵔⴰⴳⵏ ⵏⵖ ⵉⵜⵜⵓⵙⵔⵙⵏ ⵖⵔ ⵢⴰⵏ ⵓⴳⵔⴰⵡ, ⴰⴽⴷ ⵡⴰⴷⴷⴰⴷ ⵏⵏⵙ ⴷ ⵓⵎⵣⵔⵓⵢ ⵏⵏⵙ ⵉⵎⵎⴻⴷⵏ.
petitions-register-empty = ⵓⵔ ⵜⵍⵍⵉ ⵜⴰⵙⵓⵜⵔⵜ ⵉⵎⵙⴰⵙⴰⵏ ⴷ ⵉⵙⵙⵉⴼⴹⵏ ⴰⴷ.
petitions-register-count = { $count ->
    [1] ⵢⴰⵜ ⵜⴰⵙⵓⵜⵔⵜ
   *[other] { $count } ⵏ ⵜⵙⵓⵜⵔⵉⵏ
}
petitions-mine-title = ⵜⵉⵙⵓⵜⵔⵉⵏ ⵉⵏⵓ
petitions-new-link = ⴰⵔⵓ ⵢⴰⵜ ⵜⵙⵓⵜⵔⵜ
petitions-open-data = ⵉⵙⴼⴽⴰ ⵉⵕⵥⵎⵏ:
petitions-filter-territory = ⴰⵎⵏⴰⴹ
petitions-filter-level = ⴰⵙⵡⵉⵔ
petitions-filter-state = ⴰⴷⴷⴰⴷ
petitions-filter-kind = ⴰⵏⴰⵡ
petitions-filter-all = ⴰⴽⴽⵯ
petitions-filter-apply = ⵙⵙⵉⴼⴹ
petitions-col-title = ⴰⵣⵡⵍ
petitions-col-state = ⴰⴷⴷⴰⴷ
petitions-col-signatures = ⵉⵣⵔⴰⴳⵏ
petitions-overdue = ⵉⵣⵔⵉ ⵓⵣⵎⵣ
petitions-overdue-long = ⴰⵙⵖⵜⵙ ⵏ ⵓⴳⵔⴰⵡ ⵉⵜⵜⵡⴰⵙⵙⵓⵎⵎⵔ: ⵉⵣⵔⵉ ⵓⵣⵎⵣ ⴰⵏⴰⵎⵓⵙ.

petitions-state-draft = ⴰⵏⵖⵎⵉⵙ ⴰⵎⵣⵡⴰⵔⵓ
petitions-state-open = ⵜⵕⵥⵎ ⵉ ⵉⵣⵔⴰⴳⵏ
petitions-state-deposited = ⵜⵜⵓⵙⵔⵙ, ⵜⵜⵔⴰⵊⵓ ⴰⵙⵖⵜⵙ ⵏ ⵓⴱⵉⵔⵓ
petitions-state-admissible = ⵜⵜⵓⵇⴱⴰⵍ
petitions-state-inadmissible = ⵓⵔ ⵜⵜⵓⵇⴱⴰⵍ
petitions-state-referred = ⵜⵜⵓⵣⵏ ⵖⵔ ⵢⴰⵜ ⵜⵙⵇⵇⵉⵎⵜ ⵜⵓⵏⵚⵉⴱⵜ
petitions-state-on-agenda = ⵜⵍⵍⴰ ⴳ ⵜⵍⴳⴰⵎⵜ ⵏ ⵜⵎⵓⵏⵜ ⵏ ⵓⴳⵔⴰⵡ
petitions-state-decided = ⵉⴱⴷⴷ ⴳⵉⵙ ⵓⴳⵔⴰⵡ
petitions-state-withdrawn = ⵜⵜⵓⵙⵏⵜⵍ
petitions-state-submitted-nationally = ⴰⵙⴰⴷⴰⴼ ⵉⵜⵜⵓⵣⵏ ⵖⵔ ⵜⵡⵡⵓⵔⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ

petitions-level-region = ⴰⴳⵔⴰⵡ ⵏ ⵜⵎⵏⴰⴹⵜ
petitions-level-prefecture-province = ⴰⴳⵔⴰⵡ ⵏ ⵜⵎⵏⴱⴰⴹⵜ ⵏⵖ ⵜⵙⴳⴰ
petitions-level-commune = ⴰⴳⵔⴰⵡ ⵏ ⵜⴳⵎⴰⵙⵜ
petitions-level-national-petition = ⵜⴰⵙⵓⵜⵔⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ (ⴰⵙⵏⵓⵎⵎⵙ ⵏ ⵜⵏⴱⴰⴹⵜ ⵏⵖ ⴰⴱⵔⵍⴰⵎⴰⵏ)
petitions-level-legislative-motion = ⴰⵙⵓⵜⵔ ⴳ ⵓⵏⵏⴰⵔ ⵏ ⵓⵙⵏⵓⴱⴳ
petitions-kind-citizen = ⵜⴰⵙⵓⵜⵔⵜ ⵏ ⵉⵖⵍⵏⴰⵡⵏ
petitions-kind-association = ⵜⴰⵙⵓⵜⵔⵜ ⵏ ⵜⵎⵙⵙⵓⵔⴰ

petitions-ground-constitutional-constants = ⵜⵙⵙⵓⴷⵓ ⵜⵉⵏⵎⵍⵉⵏ ⵉⵎⵣⴳⴰⵍⵏ ⵏ ⵓⵙⵉⴳⵣ 1 ⵏ ⵜⵎⵏⴹⵉⵍⵜ
petitions-ground-outside-competence = ⵓⵔ ⵜⴽⵛⵉⵎ ⴳ ⵜⵣⵎⵉⵔⵉⵏ ⵏ ⵓⴳⵔⴰⵡ
petitions-ground-signatures-insufficient = ⵉⵣⵔⴰⴳⵏ ⵉⵖⵓⴷⴰⵏ ⵓⵔ ⵇⴷⴷⵏ
petitions-ground-association-conditions = ⵜⴰⵎⵙⵙⵓⵔⵜ ⵓⵔ ⵜⵙⵎⴷ ⵉⵙⵜⴰⵢⵏ ⵉⵏⴰⵎⵓⵙⵏ
petitions-ground-documents-missing = ⵅⵚⵚⴰⵏⵜ ⴽⵔⴰ ⵏ ⵜⵙⵏⴰⴷⵉⵏ ⵉⵍⴰⵇⵏ
petitions-mark-checked = ⵉⵜⵜⵓⵙⵙⵏⵜⵍ
petitions-mark-to-confirm = ⵉⵍⴰⵇ ⴰⴷ ⵉⵜⵜⵓⵙⵏⵜⵎ

petitions-fact-council = ⴰⴳⵔⴰⵡ
petitions-fact-kind = ⴰⵏⴰⵡ
petitions-fact-association = ⵜⴰⵎⵙⵙⵓⵔⵜ
petitions-fact-field = ⴰⵏⵏⴰⵔ ⵏ ⵜⵎⵙⴽⵉⵡⵉⵏ
petitions-fact-representative = ⴰⵎⵙⵙⴰⵡⴰⵍ
petitions-fact-deputy = ⴰⵎⵙⵙⴰⵡⴰⵍ ⵡⵉⵙ ⵙⵉⵏ
petitions-fact-filed = ⵜⵜⵓⴼⴽ ⴳ ⵜⵙⵏⵙⵍⵜ ⴰⵙⵙ
petitions-fact-receipt = ⵓⵟⵟⵓⵏ ⵏ ⵜⵡⵚⵍⵜ
petitions-fact-deposited = ⵜⵜⵓⵙⵔⵙ ⴰⵙⵙ
petitions-fact-deadline = ⴰⵣⵎⵣ ⴰⵏⴳⴳⴰⵔⵓ ⵏ ⵓⵙⵖⵜⵙ
petitions-fact-admissibility = ⴰⵙⵖⵜⵙ ⵏ ⵓⴱⵉⵔⵓ ⴰⵙⵙ
petitions-fact-ground = ⴰⵙⵍⴳⴰⵎ ⴰⵏⴰⵎⵓⵙ ⵏ ⵓⴳⵢⴰ
petitions-fact-bureau-reasons = ⵜⵉⵎⵏⵜⵉⵍⵉⵏ ⵏ ⵓⴱⵉⵔⵓ
petitions-fact-committee = ⵜⴰⵙⵇⵇⵉⵎⵜ ⵜⵓⵏⵚⵉⴱⵜ
petitions-fact-session = ⵜⴰⵎⵓⵏⵜ ⵏ ⵓⴳⵔⴰⵡ
petitions-fact-decision = ⴰⵙⵖⵜⵙ ⵏ ⵓⴳⵔⴰⵡ
petitions-fact-votes = ⵉⴼⵔⴰⵏ
petitions-fact-decided = ⵉⴱⴷⴷ ⴳⵉⵙ ⴰⵙⵙ
petitions-fact-rules = ⵉⵍⵓⴳⵏ ⵉⵜⵜⵓⵙⵙⵎⵔⵙⵏ
petitions-fact-request = ⴰⵙⵓⵜⵔ
petitions-fact-reasons = ⵜⵉⵎⵏⵜⵉⵍⵉⵏ
petitions-votes = ⵙ ⵢⵉⵀ: { $for }, ⵙ ⵓⵀⵓ: { $against }, ⵓⵔ ⴷ ⴼⵔⵏ: { $abstentions }
petitions-votes-for = ⵉⴼⵔⴰⵏ ⵙ ⵢⵉⵀ
petitions-votes-against = ⵉⴼⵔⴰⵏ ⵙ ⵓⵀⵓ
petitions-votes-abstentions = ⵓⵔ ⴷ ⴼⵔⵏ
petitions-days-left = { $count ->
    [0] ⴰⵙⵙ ⴰⵏⴳⴳⴰⵔⵓ
    [1] ⵉⵇⵇⵉⵎ ⵢⴰⵏ ⵡⴰⵙⵙ
   *[other] ⵇⵇⵉⵎⵏ { $count } ⵏ ⵡⵓⵙⵙⴰⵏ
}
petitions-signatures-count = { $count ->
    [1] ⵢⴰⵏ ⵓⵣⵔⴰⴳ
   *[other] { $count } ⵏ ⵉⵣⵔⴰⴳⵏ
}
petitions-documents = ⵜⵉⵙⵏⴰⴷⵉⵏ
petitions-receipt-download = ⵜⴰⵡⵚⵍⵜ ⵏ ⵓⵙⵔⵙ (PDF, ⵙ ⵜⵄⵔⴰⴱⵜ ⴷ ⵜⴼⵕⴰⵏⵙⵉⵙⵜ)
petitions-list-pdf = ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵉⵣⵔⴰⴳⵏ (PDF)
petitions-list-csv = ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵉⵣⵔⴰⴳⵏ (CSV)

petitions-progress-title = ⵉⵣⵔⴰⴳⵏ
petitions-progress-count = { $count } ⵏ ⵉⵣⵔⴰⴳⵏ ⵉⵖⵓⴷⴰⵏ ⵙⴳ { $required } ⵉⵍⴰⵇⵏ
petitions-progress-spread = ⴰⵏⴰⵎⵓⵙ ⵉⵙⵙⵓⵜⵓⵔ ⵉⵣⵔⴰⴳⵏ ⵙⴳ ⴽⵓ ⵜⴰⵎⵏⴱⴰⴹⵜ ⴷ ⴽⵓ ⵜⴰⵙⴳⴰ ⵏ ⵜⵎⵏⴰⴹⵜ
petitions-progress-subdivision = ⵜⴰⵎⵏⴱⴰⴹⵜ ⵏⵖ ⵜⴰⵙⴳⴰ
petitions-progress-required = ⵉⵍⴰⵇⵏ

petitions-sign-title = ⵣⵔⴳ ⵜⴰⵙⵓⵜⵔⵜ ⴰⴷ
petitions-sign-login = ⴽⵛⵎ ⴰⴷ ⵜⵣⵔⴳⴷ ⵜⴰⵙⵓⵜⵔⵜ ⴰⴷ
petitions-sign-name = ⵉⵙⵎ ⴰⵎⵓⵍⵍⵉ ⵣⵓⵏⴷ ⴳ ⵜⴽⴰⵔⴹⴰ ⵏ ⵜⵎⴰⴳⵉⵜ
petitions-sign-cin = ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵔⴹⴰ ⵜⴰⵖⵍⵏⴰⵡⵜ ⵏ ⵜⵎⴰⴳⵉⵜ (CIN)
petitions-sign-cin-hint = ⵢⴰⵏ ⵏⵖ ⵙⵉⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴷ ⵡⵓⵟⵟⵓⵏⵏ, ⴰⵎⴷ AB123456. ⵉⵜⵜⵓⵃⴹⴰ ⵙ ⵓⵙⵏⵜⵍ, ⵓⵔ ⵉⵜⵜⵓⴼⴽⴰ ⵖⴰⵙ ⵉ ⵓⴳⵔⴰⵡ ⴰⴽⴷ ⵜⵍⴳⴰⵎⵜ ⵏ ⵉⵣⵔⴰⴳⵏ.
petitions-sign-basis = ⵣⵔⴳⵖ ⵣⵓⵏⴷ
petitions-sign-basis-resident = ⴰⵎⵣⴷⴰⵖ ⵏ ⵓⵎⵏⴰⴹ ⴰⴷ (ⴰⵣⴷⴰⵖ ⵉⵜⵜⵓⵙⵙⵏⵜⵍ)
petitions-sign-basis-activity = ⴰⴼⵔⴷ ⵉⵙⴽⴰⵔⵏ ⵜⴰⵎⵙⴽⵉⵡⵜ ⵜⴰⴷⴰⵎⵙⴰⵏⵜ, ⵜⴰⵙⵏⵣⵣⴰⵔⵜ ⵏⵖ ⵜⴰⵎⵙⵍⴰⵢⵜ ⴳ ⵓⵎⵏⴰⴹ ⴰⴷ
petitions-sign-activity-place = ⴰⴷⵖⴰⵔ ⵏ ⵜⵎⵙⴽⵉⵡⵜ
petitions-sign-activity-description = ⵜⴰⵎⵙⴽⵉⵡⵜ (ⴰⵎⴷ ⵜⴰⵃⴰⵏⵓⵜ, ⵜⴰⵥⵓⵕⵉ, ⵜⴰⵎⵙⵍⴰⵢⵜ)
petitions-sign-roll = ⵙⵎⴷⵖ ⵉⵙⵜⴰⵢⵏ ⵏ ⵓⵣⵎⵎⴻⵎ ⴳ ⵜⵍⴳⴰⵎⵉⵏ ⵏ ⵓⴼⵔⴰⵏ ⵜⵉⵎⴰⵜⴰⵢⵉⵏ, ⴷ ⴷⴰⵔⵉ ⵢⴰⵜ ⵜⵏⴼⵓⵜ ⵜⵓⵙⵔⵉⴷⵜ ⵜⴰⵎⵢⴰⵏⴰⵡⵜ ⴳ ⵓⵙⵓⵜⵔ ⴰⴷ.
petitions-consent-title = ⴰⵇⴱⴰⵍ (ⵜⴰⵍⵖⴰ 1)
petitions-consent-v1 = ⵙ ⵓⵣⵔⴰⴳ, ⵜⵇⴱⵍⴷ ⴰⴷ ⵉⵜⵜⵓⵙⵎⵔⵙ ⵉⵙⵎ ⵏⵏⴽ ⴷ ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵔⴹⴰ ⵏⵏⴽ ⴰⴷ ⵜⵜⵓⵙⵙⵏⵜⵍⵏ ⵉⵣⵔⴰⴳⵏ ⵏ ⵜⵙⵓⵜⵔⵜ ⴰⴷ, ⴷ ⴰⴷ ⵜⵜⵓⴼⴽⴰⵏ ⵉ ⵓⴳⵔⴰⵡ ⵎⵉ ⵜⵜⵓⵣⵏ (ⴰⵏⴰⵎⵓⵙ 09-08). ⴰⵟⵟⵓⵏ ⵉⵜⵜⵓⵃⴹⴰ ⵙ ⵓⵙⵏⵜⵍ, ⵖⴰⵙ ⵉⵎⵙⵖⵓⵍⵏ ⵉⵙⵓⵔⴳⵏ ⵏ ⵓⴳⵔⴰⵡ ⴰⵢ ⵉⵣⵎⵔⵏ ⴰⴷ ⵜ ⵖⵔⵏ, ⴷ ⵉⵜⵜⵓⴽⴽⴰⵙ ⵎⵍⵎⵉ ⵉⵎⵎⵓⵔⵙ ⵓⵣⵎⵣ ⴰⵏⴰⵎⵓⵙ ⵏ ⵓⵃⴹⴰ. ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⴽⴽⵙⴷ ⴰⵣⵔⴰⴳ ⵏⵏⴽ ⴰⵔ ⴰⵙⵔⵙ ⵏ ⵜⵙⵓⵜⵔⵜ.
petitions-consent-accept = ⵖⵔⵉⵖ ⴰⴹⵕⵉⵚ ⴰⴷ ⴷ ⵇⴱⵍⵖ ⵜ.
petitions-sign-notify = ⴰⵣⵏ ⵉⵢⵉ ⴰⵙⵖⵜⵙ ⵏ ⵓⴳⵔⴰⵡ ⵙ ⵉⵎⴰⵢⵍ.
petitions-sign-submit = ⵣⵔⴳ
petitions-signed-title = ⴰⵣⵔⴰⴳ ⵏⵏⴽ
petitions-signed-on = ⵜⵣⵔⴳⴷ ⵜⴰⵙⵓⵜⵔⵜ ⴰⴷ ⴰⵙⵙ
petitions-unsign-submit = ⴽⴽⵙ ⴰⵣⵔⴰⴳ ⵉⵏⵓ

petitions-rep-title = ⵜⵉⴳⴰⵡⵉⵏ ⵏ ⵓⵎⵙⵙⴰⵡⴰⵍ
petitions-open-submit = ⵕⵥⵎ ⵉ ⵉⵣⵔⴰⴳⵏ
petitions-deposit-submit = ⵙⵔⵙ ⵖⵔ ⵓⴳⵔⴰⵡ
petitions-export-submit = ⴰⵣⵏ ⴰⵙⴰⴷⴰⴼ ⵉ ⵜⵡⵡⵓⵔⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ
petitions-withdraw-submit = ⴽⴽⵙ ⵜⴰⵙⵓⵜⵔⵜ

petitions-paper-title = ⵜⵉⵍⴳⴰⵎⵉⵏ ⵏ ⵉⵣⵔⴰⴳⵏ ⵖⴼ ⵜⴽⴰⵔⴹⴰ
petitions-paper-lead = ⴰⵔⵓ ⴽⵓ ⵜⵉⵔⵉ ⵏ ⵜⵉⵙⵏⴰⴷⵉⵏ ⵙⵏⴰⵜ ⵜⵉⴽⴽⴰⵍ, ⵢⴰⵜ ⴱⵍⴰ ⵜⴰⵢⵢⴰⴹ: ⵜⵉⴽⴽⵍⵜ ⵜⵉⵙ ⵙⵏⴰⵜ ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⴻⵜⵜⵓⴳ ⵙ ⵢⴰⵏ ⵓⴳⵎⴰⵎ ⵢⴰⴹⵏ ⵏ ⵜⵙⵇⵇⵉⵎⵜ; ⴰⵣⵔⴰⴳ ⵓⵔ ⵉⵜⵜⵓⵙⵎⵉⴹⵏ ⵖⴰⵙ ⵎⴽ ⵎⵙⴰⵙⴰⵏⵜ ⵙⵏⴰⵜ ⵜⵉⴽⴽⴰⵍ.
petitions-paper-pending = { $count ->
    [0] ⵓⵔ ⵜⵍⵍⵉ ⵜⵉⵔⵉ ⵉⵜⵜⵔⴰⵊⵓⵏ ⵜⵉⴽⴽⵍⵜ ⵜⵉⵙ ⵙⵏⴰⵜ.
    [1] ⵢⴰⵜ ⵜⵉⵔⵉ ⵜⵜⵔⴰⵊⵓ ⵜⵉⴽⴽⵍⵜ ⵜⵉⵙ ⵙⵏⴰⵜ.
   *[other] { $count } ⵏ ⵜⵉⵔⵉⵡⵉⵏ ⵜⵜⵔⴰⵊⵓⵏⵜ ⵜⵉⴽⴽⵍⵜ ⵜⵉⵙ ⵙⵏⴰⵜ.
}
petitions-paper-sheet = ⴰⵙⵍⴳⵏ ⵏ ⵜⴽⴰⵔⴹⴰ
petitions-paper-place = ⴰⴷⵖⴰⵔ ⵏ ⵓⵣⴷⴰⵖ ⵉⵜⵜⵓⵔⴰⵏ ⴳ ⵜⴽⴰⵔⴹⴰ
petitions-paper-submit = ⵣⵎⵎⴻⵎ ⵜⵉⵔⵉ ⴰⴷ
petitions-paper-discard = ⴽⴽⵙ ⵜⵉⴽⴽⵍⵜ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ ⵏ CIN ⴰⴷ
petitions-paper-awaiting = ⵜⵜⵓⵣⵎⵎⴻⵎ ⵜⵉⴽⴽⵍⵜ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ. ⴰⴷ ⵜⵜⵓⵙⵎⵉⴹⵏ ⵎⵍⵎⵉ ⵜⵎⵙⴰⵙⴰ ⴷⵉⴷⵙ ⵜⵉⴽⴽⵍⵜ ⵜⵉⵙ ⵙⵏⴰⵜ ⵏ ⵜⵉⵔⵉ ⵏⵏⴰ.
petitions-paper-confirmed = ⵎⵙⴰⵙⴰⵏⵜ ⵙⵏⴰⵜ ⵜⵉⴽⴽⴰⵍ: ⴰⵣⵔⴰⴳ ⵉⵜⵜⵓⵙⵎⵉⴹⵏ.
petitions-paper-mismatch = ⵜⵉⴽⴽⵍⵜ ⵜⵉⵙ ⵙⵏⴰⵜ ⵓⵔ ⵜⵎⵙⴰⵙⴰ ⴷ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ ⴳ: { $fields }. ⵓⵍⴰ ⵢⴰⵏ ⵓⵔ ⵉⵜⵜⵓⵙⵎⵉⴹⵏ. ⵙⵙⵏⵜⵍ ⵜⴰⴽⴰⵔⴹⴰ ⵜⴰⵔⵓⴷ ⵜⵉⵔⵉ ⵜⵉⴽⴽⵍⵜ ⵢⴰⴹⵏ, ⵏⵖ ⴽⴽⵙ ⵜⵉⴽⴽⵍⵜ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ.
petitions-paper-field-full_name = ⵉⵙⵎ
petitions-paper-field-place = ⴰⴷⵖⴰⵔ ⵏ ⵓⵣⴷⴰⵖ
petitions-paper-discarded = ⵜⵜⵓⴽⴽⴰⵙ ⵜⵉⴽⴽⵍⵜ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ.
petitions-paper-nothing-to-discard = ⵓⵔ ⵜⵍⵍⵉ ⵜⵉⴽⴽⵍⵜ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ ⵉ ⵓⵟⵟⵓⵏ ⴰⴷ ⵏ CIN.

petitions-admissibility-title = ⴰⵙⵖⵜⵙ ⵏ ⵓⴱⵉⵔⵓ ⵖⴼ ⵓⵇⴱⴰⵍ
petitions-admissibility-decision = ⵜⴰⵙⵓⵜⵔⵜ
petitions-admissibility-hint = ⴰⴳⵢⴰ ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵎⵎⴻⵍ ⴰⵙⵍⴳⴰⵎ ⵏⵏⵙ ⴰⵏⴰⵎⵓⵙ ⴷ ⵜⵉⵎⵏⵜⵉⵍⵉⵏ ⵏⵏⵙ; ⴰⴷ ⵜⵜⵓⵎⵎⴻⵍⵏ ⵉ ⵓⵎⵙⵙⴰⵡⴰⵍ ⴷ ⴰⴷ ⵜⵜⵓⵙⵓⴼⵖⵏ.
petitions-admissibility-submit = ⵣⵎⵎⴻⵎ ⴰⵙⵖⵜⵙ
petitions-refer-title = ⴰⵣⵏ ⵖⵔ ⵢⴰⵜ ⵜⵙⵇⵇⵉⵎⵜ ⵜⵓⵏⵚⵉⴱⵜ
petitions-refer-submit = ⴰⵣⵏ
petitions-agenda-title = ⵙⵙⴽⵛⵎ ⴳ ⵜⵍⴳⴰⵎⵜ ⵏ ⵜⵎⵓⵏⵜ ⵜⴰⵏⴰⵡⴰⵢⵜ ⵉⴹⴼⵕⵏ
petitions-agenda-submit = ⵙⵙⴽⵛⵎ ⴳ ⵜⵍⴳⴰⵎⵜ
petitions-decision-title = ⵣⵎⵎⴻⵎ ⴰⵙⵖⵜⵙ ⵏ ⵓⴳⵔⴰⵡ
petitions-decision-submit = ⵣⵎⵎⴻⵎ ⵜⵙⵙⵓⴼⵖⴷ

petitions-history-title = ⴰⵎⵣⵔⵓⵢ
petitions-step-create = ⵜⵜⵓⵔⴰ
petitions-step-open = ⵜⵕⵥⵎ ⵉ ⵉⵣⵔⴰⴳⵏ
petitions-step-withdraw = ⵜⵜⵓⴽⴽⴰⵙ
petitions-step-deposit = ⵜⵜⵓⵙⵔⵙ ⵖⵔ ⵓⴳⵔⴰⵡ
petitions-step-declare-admissible = ⵜⵜⵓⵇⴱⴰⵍ ⵙⵖⵓⵔ ⵓⴱⵉⵔⵓ
petitions-step-declare-inadmissible = ⵓⵔ ⵜⵜⵓⵇⴱⴰⵍ ⵙⵖⵓⵔ ⵓⴱⵉⵔⵓ
petitions-step-refer-to-committee = ⵜⵜⵓⵣⵏ ⵖⵔ ⵢⴰⵜ ⵜⵙⵇⵇⵉⵎⵜ ⵜⵓⵏⵚⵉⴱⵜ
petitions-step-put-on-agenda = ⵜⴽⵛⵎ ⴳ ⵜⵍⴳⴰⵎⵜ ⵏ ⵜⵎⵓⵏⵜ ⵏ ⵓⴳⵔⴰⵡ
petitions-step-record-decision = ⵉⴱⴷⴷ ⴳⵉⵙ ⵓⴳⵔⴰⵡ
petitions-step-export-national-dossier = ⴰⵙⴰⴷⴰⴼ ⵉⵜⵜⵓⵣⵏ ⵖⵔ ⵜⵡⵡⵓⵔⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ

petitions-done-created = ⵉⵜⵜⵓⵃⴹⴰ ⵓⵏⵖⵎⵉⵙ ⴰⵎⵣⵡⴰⵔⵓ ⵏⵏⴽ. ⴰⴷ ⵉⵇⵇⵉⵎ ⴷ ⴰⵙⵍⴰⵏ ⴰⵔ ⵜⵕⵥⵎⴷ ⵜ ⵉ ⵉⵣⵔⴰⴳⵏ.
petitions-done-signed = ⵜⴰⵏⵎⵎⵉⵔⵜ: ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⵓⵣⵔⴰⴳ ⵏⵏⴽ.
petitions-done-unsigned = ⵉⵜⵜⵓⴽⴽⴰⵙ ⵓⵣⵔⴰⴳ ⵏⵏⴽ.
petitions-done-open = ⵜⴰⵙⵓⵜⵔⵜ ⵜⵕⵥⵎ ⵉ ⵉⵣⵔⴰⴳⵏ.
petitions-done-withdraw = ⵜⵜⵓⴽⴽⴰⵙ ⵜⵙⵓⵜⵔⵜ.
petitions-done-deposit = ⵜⵜⵓⵙⵔⵙ ⵜⵙⵓⵜⵔⵜ. ⴰⴳⵎ ⵜⴰⵡⵚⵍⵜ ⴷⴰⵡ.
petitions-done-admissible = ⵜⵜⵓⵇⴱⴰⵍ ⵜⵙⵓⵜⵔⵜ.
petitions-done-inadmissible = ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⵓⴳⵢⴰ ⴷ ⵜⵉⵎⵏⵜⵉⵍⵉⵏ ⵏⵏⵙ, ⵜⵜⵓⵙⵓⴼⵖⵏⵜ.
petitions-done-referred = ⵜⵜⵓⵣⵏ ⵜⵙⵓⵜⵔⵜ ⵖⵔ ⵜⵙⵇⵇⵉⵎⵜ.
petitions-done-agenda = ⵜⴽⵛⵎ ⵜⵙⵓⵜⵔⵜ ⴳ ⵜⵍⴳⴰⵎⵜ.
petitions-done-decided = ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⵓⵙⵖⵜⵙ ⵉⵜⵜⵓⵙⵓⴼⵖ; ⵉⵎⵣⵔⴰⴳ ⵉⵙⵓⵜⵔⵏ ⵜ ⵜⵜⵓⵙⵙⵏⵏ.
petitions-done-exported = ⴰⵙⴰⴷⴰⴼ ⵉⵜⵜⵓⵎⴰⵜⴰⵔ ⵉⵙ ⵉⵜⵜⵓⵣⵏ ⵖⵔ ⵜⵡⵡⵓⵔⵜ ⵜⴰⵏⴰⵎⵓⵔⵜ.
petitions-refused = ⵓⵔ ⵜⵣⵎⵉⵔ ⵜⴳⵓⵔⵉ ⴰⴷ ⵜⵜⵓⴳ
petitions-form-has-errors = ⵙⵖⵓⴷⵓ ⵜⴰⵍⵖⴰ

petitions-error-forbidden = ⵓⵔ ⴷⴰⵔⴽ ⴰⵣⵔⴼ ⴰⴷ ⵜⴳⴷ ⴰⵢⴰ ⴳ ⵜⵙⵓⵜⵔⵜ ⴰⴷ.
petitions-error-email-unconfirmed = ⵙⵏⵜⵎ ⵜⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵏⵏⴽ ⵣⵡⴰⵔ (ⴹⴼⵕ ⴰⵣⴷⴰⵢ ⵏⵏⴰ ⴽ ⵏⵓⵣⵏ).
petitions-error-not-open = ⵜⴰⵙⵓⵜⵔⵜ ⴰⴷ ⵓⵔ ⵜⵇⴱⵉⵍ ⵉⵣⵔⴰⴳⵏ ⵖⵉⵍⴰ.
petitions-error-not-verified = ⵓⵔ ⵙⵓⵍ ⵉⵜⵜⵓⵙⵙⵏⵜⵍ ⵓⵣⴷⴰⵖ ⵏⵏⴽ. ⵙⵓⵜⵔ ⵙⴳ ⵉⵎⵙⵖⵓⵍⵏ ⵏ ⵓⴳⵔⴰⵡ ⴰⴷ ⵜ ⵙⵙⵏⵜⵍⵏ, ⵜⵣⵔⴳⴷ.
petitions-error-not-resident = ⵓⵔ ⵜⴳⵉⴷ ⴰⵎⵣⴷⴰⵖ ⵉⵜⵜⵓⵙⵙⵏⵜⵍⵏ ⵏ ⵓⵎⵏⴰⴹ ⴰⴷ.
petitions-error-activity = ⴼⵔⵏ ⴰⴷⵖⴰⵔ ⵏ ⵜⵎⵙⴽⵉⵡⵜ ⵏⵏⴽ ⴳ ⵓⵎⵏⴰⴹ ⴰⴷ ⵜⴳⵍⵎⴷ ⵜⴰⵎⵙⴽⵉⵡⵜ.
petitions-error-roll = ⵙⵏⵜⵎ ⵉⵙ ⵜⵙⵎⴷⴷ ⴰⵙⵜⴰⵢ ⵏ ⵜⵍⴳⴰⵎⵉⵏ ⵏ ⵓⴼⵔⴰⵏ.
petitions-error-consent-missing = ⵖⵔ ⴰⴹⵕⵉⵚ ⵏ ⵓⵇⴱⴰⵍ ⵜⵇⴱⵍⴷ ⵜ ⴰⴷ ⵜⵣⵔⴳⴷ.
petitions-error-consent-outdated = ⵉⵙⵏⴼⵍ ⵓⴹⵕⵉⵚ ⵏ ⵓⵇⴱⴰⵍ; ⴰⵍⵙ ⵜⵉⵖⵔⵉ ⵏⵏⵙ ⵜⵇⴱⵍⴷ ⵜ.
petitions-error-cin-empty = ⴰⵔⵓ ⵓⵟⵟⵓⵏ ⵏ ⵜⴽⴰⵔⴹⴰ ⵏⵏⴽ ⵏ ⵜⵎⴰⴳⵉⵜ (CIN).
petitions-error-cin-format = ⴰⵟⵟⵓⵏ ⵏ CIN ⴷ ⵢⴰⵏ ⵏⵖ ⵙⵉⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴷ 1 ⴰⵔ 6 ⵏ ⵡⵓⵟⵟⵓⵏⵏ, ⴰⵎⴷ AB123456.
petitions-error-already-signed = ⵜⴰⵙⵓⵜⵔⵜ ⴰⴷ ⵖⵓⵔⵙ ⵢⴰⵏ ⵓⵣⵔⴰⴳ ⵙⴳ ⵓⴼⵔⴷ ⴰⴷ (ⴰⵎⵉⴹⴰⵏ ⵏⵏⴰ ⵏⵖ ⴰⵟⵟⵓⵏ ⵏ CIN ⵏⵏⴰ, ⵙ ⵓⵥⵟⵟⴰ ⵏⵖ ⵖⴼ ⵜⴽⴰⵔⴹⴰ).
petitions-error-not-signed = ⵓⵔ ⵜⵣⵔⴳⴷ ⵜⴰⵙⵓⵜⵔⵜ ⴰⴷ.
petitions-error-full-name = ⴰⵔⵓ ⵉⵙⵎ ⴰⵎⵓⵍⵍⵉ (2 ⴰⵔ 120 ⵏ ⵉⵙⴽⴽⵉⵍⵏ).
petitions-error-sheet = ⴰⵔⵓ ⴰⵙⵍⴳⵏ ⵏ ⵜⴽⴰⵔⴹⴰ (40 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵖⴰⵙ).
petitions-error-basis = ⴼⵔⵏ ⵎⴰ ⵜⵣⵔⴳⴷ ⵣⵓⵏⴷ ⴰⵎⵣⴷⴰⵖ ⵏⵖ ⵙ ⵜⵎⵙⴽⵉⵡⵜ.
petitions-error-council = ⴼⵔⵏ ⴰⴳⵔⴰⵡ ⵎⵉ ⵜⵜⵓⵣⵏ ⵜⵙⵓⵜⵔⵜ.
petitions-error-kind = ⴼⵔⵏ ⵜⴰⵙⵓⵜⵔⵜ ⵏ ⵉⵖⵍⵏⴰⵡⵏ ⵏⵖ ⵜⴰⵙⵓⵜⵔⵜ ⵏ ⵜⵎⵙⵙⵓⵔⴰ.
petitions-error-association-choice = ⴼⵔⵏ ⵢⴰⵜ ⵜⵎⵙⵙⵓⵔⵜ ⵎⵉ ⵜⵙⵙⴰⵡⴰⵍⴷ.
petitions-error-title-length = ⴰⵣⵡⵍ ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵍ 5 ⴰⵔ 200 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
petitions-error-request-length = ⴰⵙⵓⵜⵔ ⵉⵇⵇⴰⵏ ⴰⴷ ⵉⵍ 20 ⴰⵔ 10000 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
petitions-error-reasons-length = ⵜⵉⵎⵏⵜⵉⵍⵉⵏ ⵇⵇⴰⵏⵜ ⴰⴷ ⵉⵍⵉⵏⵜ 20 ⴰⵔ 10000 ⵏ ⵉⵙⴽⴽⵉⵍⵏ.
petitions-error-names = ⴰⵔⵓ ⵉⵙⵎⴰⵡⵏ ⵏ ⵓⵎⵙⵙⴰⵡⴰⵍ ⴷ ⵓⵎⵙⵙⴰⵡⴰⵍ ⵡⵉⵙ ⵙⵉⵏ (2 ⴰⵔ 120 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵉ ⴽⵓ ⵢⴰⵏ).
petitions-error-assoc-too-young = ⵜⵜⵓⵙⵙⵓⵔⵙ ⵜⵎⵙⵙⵓⵔⵜ ⴰⵙⵙ { $created }; ⴰⵏⴰⵎⵓⵙ ⵉⵙⵙⵓⵜⵓⵔ ⵓⴳⴳⴰⵔ ⵏ { $years } ⵉⵙⴳⴳⵯⴰⵙⵏ: ⵜⵣⵎⵔ ⴰⴷ ⵜⴼⴽ ⵜⴰⵙⵓⵜⵔⵜ ⵙⴳ { $from }.
petitions-error-assoc-territory = ⵓⵍⴰ ⴰⵙⵉⵡⵏ ⵓⵍⴰ ⵢⴰⵏ ⵓⴼⵔⴰⴳ ⵏ ⵜⵎⵙⵙⵓⵔⵜ ⵓⵔ ⵉⵍⵍⵉ ⴳ ⵓⵎⵏⴰⴹ ⵏ ⵓⴳⵔⴰⵡ ⴰⴷ.
petitions-error-assoc-standing = ⵜⴰⵎⵙⵙⵓⵔⵜ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵓⴷⴷⴰⴷ ⴰⵏⴰⵎⵓⵙ ⵉⵖⵓⴷⴰⵏ.
petitions-error-assoc-field = ⴰⵏⵏⴰⵔ ⵏ ⵜⵙⵓⵜⵔⵜ ({ $field }) ⵓⵔ ⵉⴳⵉ ⵢⴰⵏ ⵙⴳ ⵉⵏⵏⴰⵔⵏ ⵏ ⵜⵎⵙⴽⵉⵡⵉⵏ ⵏ ⵜⵎⵙⵙⵓⵔⵜ.
petitions-error-deposit-blocked = ⵓⵔ ⵙⵓⵍ ⵜⵣⵎⵉⵔ ⵜⵙⵓⵜⵔⵜ ⴰⴷ ⵜⵜⵓⵙⵔⵙ:
petitions-error-too-few = { $have } ⵏ ⵉⵣⵔⴰⴳⵏ ⵉⵖⵓⴷⴰⵏ ⵙⴳ { $need } ⵉⵍⴰⵇⵏ.
petitions-error-too-few-sub = { $territory }: { $have } ⵏ ⵉⵣⵔⴰⴳⵏ ⵙⴳ { $need } ⵉⵍⴰⵇⵏ ⴳ ⴽⵓ ⵜⴰⵎⵏⴱⴰⴹⵜ ⵏⵖ ⵜⴰⵙⴳⴰ.
petitions-error-closed = ⴰⵙⴰⴷⴰⴼ ⵏ ⵜⵙⵓⵜⵔⵜ ⴰⴷ ⵉⵎⵎⴻⵍⵍⴻⵖ ({ $state }): ⵓⵔ ⵉⵣⵎⵉⵔ ⵢⴰⵏ ⴰⴷ ⵉⵜⵜⵓⵣⵎⵎⴻⵎ.
petitions-error-wrong-state = ⵜⴰⵙⵓⵜⵔⵜ ⴰⴷ ⵜⵍⵍⴰ ⴳ ⵜⵙⵓⵔⵉⴼⵜ « { $state } »: ⵜⴳⵓⵔⵉ ⴰⴷ ⵓⵔ ⵜⵣⵎⵉⵔ ⵖⵉⵍⴰ.
petitions-error-not-applicable = ⵜⴳⵓⵔⵉ ⴰⴷ ⵓⵔ ⵜⵙⵎⵓⵏ ⴷ ⵓⵏⴰⵡ ⴰⴷ ⵏ ⵜⵙⵓⵜⵔⵜ.
petitions-error-unknown-ground = ⴼⵔⵏ ⵢⴰⵏ ⵙⴳ ⵉⵙⵍⴳⴰⵎⵏ ⵉⵏⴰⵎⵓⵙⵏ ⵏ ⵓⴳⵢⴰ.
petitions-error-missing-text = ⴰⴹⵕⵉⵚ ⵏ ⵜⵉⵎⵏⵜⵉⵍⵉⵏ ⵉⵇⵇⴰⵏ.
petitions-error-unknown-committee = ⴼⵔⵏ ⵢⴰⵜ ⵙⴳ ⵜⵙⵇⵇⵉⵎⵉⵏ ⵜⵓⵏⵚⵉⴱⵉⵏ ⵏ ⵓⴳⵔⴰⵡ ⴰⴷ.
petitions-error-no-votes = ⵣⵎⵎⴻⵎ ⵉⴼⵔⴰⵏ (ⵙ ⵢⵉⵀ, ⵙ ⵓⵀⵓ, ⵓⵔ ⴷ ⴼⵔⵏ).
petitions-error-votes-number = ⵉⴼⵔⴰⵏ ⴷ ⵉⵎⴹⴰⵏⵏ ⵉⵎⴷⴷⵓⴷⴰ ⵙⴳ 0 ⴰⵔ 10000.
petitions-error-date = ⴰⵔⵓ ⴰⵙⴰⴽⵓⴷ ⵏ ⵜⵎⵓⵏⵜ.
petitions-error-decision-choice = ⴼⵔⵏ ⵜⵜⵓⵇⴱⴰⵍ ⵏⵖ ⵓⵔ ⵜⵜⵓⵇⴱⴰⵍ.
petitions-error-step = ⵜⴳⵓⵔⵉ ⵓⵔ ⵉⵜⵜⵡⴰⵙⵙⵏⵏ.
petitions-error-conflict = ⵢⴰⵏ ⵢⴰⴹⵏ ⵉⵙⵏⴼⵍ ⵜⴰⵙⵓⵜⵔⵜ ⴰⴷ ⴳ ⵓⵣⵎⵣ ⵏⵏⴰ. ⴰⵜⵜ ⴰⴷⴷⴰⴷ ⵏⵏⵙ ⵖⵉⵍⴰ; ⵙⵙⵏⵜⵍ ⵜ ⵜⴰⵍⵙⴷ ⵜⴰⵔⵎⵉⵜ.
petitions-error-no-rules = ⵓⵔ ⵍⵍⵉⵏ ⵉⵍⵓⴳⵏ ⵏ ⵜⵙⵓⵜⵔⵉⵏ ⵉⵜⵜⵓⵙⵙⵎⵔⵙⵏ ⴳ ⵓⵙⴰⴽⵓⴷ ⴰⴷ; ⵉⵇⵇⴰⵏ ⵢⴰⵏ ⵓⵏⵎⵀⴰⵍ ⴰⴷ ⵜⵏ ⵉⵔⵏⵓ.

petitions-new-title = ⴰⵔⵓ ⵢⴰⵜ ⵜⵙⵓⵜⵔⵜ
petitions-new-lead = ⵜⴰⵙⵓⵜⵔⵜ ⵜⵙⵓⵜⵓⵔ ⵙⴳ ⵢⴰⵏ ⵓⴳⵔⴰⵡ ⴰⴷ ⵉⵙⵙⴽⵛⵎ ⴳ ⵜⵍⴳⴰⵎⵜ ⵏⵏⵙ ⵢⴰⵏ ⵓⵙⵏⵜⵍ ⵉⴽⵛⵎⵏ ⴳ ⵜⵣⵎⵉⵔⵉⵏ ⵏⵏⵙ (ⵜⴰⵎⵏⴹⵉⵍⵜ, ⴰⵙⵉⴳⵣ 139).
petitions-new-no-association = ⵜⵉⵙⵓⵜⵔⵉⵏ ⵏ ⵜⵎⵙⵙⵓⵔⴰ ⵜⵜⴰⴽⴽⴰⵜⵏⵜ ⵜⵏⵜ ⵉⵎⵙⵙⴰⵡⴰⵍⵏ ⵉⵏⴰⵎⵓⵙⵏ ⵏ ⵜⵎⵙⵙⵓⵔⴰ, ⵉⵜⵜⵓⵣⵎⵎⴻⵎⵏ ⵙ ⵜⵖⴰⵔⴰ ⴰⴷ ⴳ ⵜⵙⵏⵙⵍⵜ.
petitions-new-field-hint = ⴰⵏⵏⴰⵔ ⵏ ⵜⵎⵙⴽⵉⵡⵉⵏ ⵏ ⵜⵎⵙⵙⵓⵔⵜ ⵎⵉ ⵜⵇⵇⵏ ⵜⵙⵓⵜⵔⵜ.
petitions-new-request-hint = ⵎⴰⵏ ⴰⵢⴰ ⵉⵇⵇⴰⵏ ⵓⴳⵔⴰⵡ ⴰⴷ ⵜ ⵉⵙⵙⴽⵛⵎ ⴳ ⵜⵍⴳⴰⵎⵜ ⵏⵏⵙ?
petitions-new-private = ⴰⵏⵖⵎⵉⵙ ⴰⵎⵣⵡⴰⵔⵓ ⴰⴷ ⵉⵇⵇⵉⵎ ⴷ ⴰⵙⵍⴰⵏ ⴰⵔ ⵜⵕⵥⵎⴷ ⵜ ⵉ ⵉⵣⵔⴰⴳⵏ.
petitions-new-submit = ⵃⴹⵓ ⴰⵏⵖⵎⵉⵙ ⴰⵎⵣⵡⴰⵔⵓ

petitions-stats-title = ⵜⵉⵙⵏⴰⵙⵎⴹⴰⵏ ⵏ ⵜⵙⵓⵜⵔⵉⵏ
petitions-stats-caption = ⵜⵉⵙⵓⵜⵔⵉⵏ ⵙ ⵡⴰⴷⴷⴰⴷ, ⴰⵙⵡⵉⵔ ⴷ ⵓⵏⴰⵡ
petitions-stats-petitions = ⵜⵉⵙⵓⵜⵔⵉⵏ
petitions-stats-total = { $count ->
    [1] ⵢⴰⵜ ⵜⵙⵓⵜⵔⵜ ⵜⴰⴳⴷⵓⴷⴰⵏⵜ
   *[other] { $count } ⵏ ⵜⵙⵓⵜⵔⵉⵏ ⵜⵉⴳⴷⵓⴷⴰⵏⵉⵏ
}
petitions-stats-overdue = { $count ->
    [0] ⵓⵔ ⵉⵍⵍⵉ ⵓⵙⵖⵜⵙ ⵉⵜⵜⵡⴰⵙⵙⵓⵎⵎⵔⵏ.
    [1] ⵢⴰⵏ ⵓⵙⵖⵜⵙ ⵏ ⵓⴱⵉⵔⵓ ⵉⵜⵜⵡⴰⵙⵙⵓⵎⵎⵔ.
   *[other] { $count } ⵏ ⵉⵙⵖⵜⴰⵙⵏ ⵏ ⵓⴱⵉⵔⵓ ⵜⵜⵡⴰⵙⵙⵓⵎⵎⵔⵏ.
}

petitions-rules-title = ⵉⵍⵓⴳⵏ ⵏ ⵜⵙⵓⵜⵔⵉⵏ
petitions-rules-lead = ⵉⵎⵜⵜⵉⵢⵏ, ⵉⵙⵜⴰⵢⵏ ⴷ ⵉⵣⵎⵣⴰⵏ ⵉⵏⴰⵎⵓⵙⵏ, ⴽⵓ ⵢⴰⵏ ⴰⴽⴷ ⴰⵙⴰⴳⵎ ⵏⵏⵙ. ⵜⴰⵙⵓⵜⵔⵜ ⵜⵜⵓⵙⵙⵏⵜⵍ ⵙ ⵉⵍⵓⴳⵏ ⵉⵜⵜⵓⵙⵙⵎⵔⵙⵏ ⴰⵙⵙ ⵏⵏⴰ ⴳ ⵜⵜⵓⴼⴽ.
petitions-rules-effective = ⵉⵜⵜⵓⵙⵙⵎⵔⵙ ⵙⴳ
petitions-rules-threshold = { $level }, { $bracket }: { $count } ⵏ ⵉⵣⵔⴰⴳⵏ
petitions-rules-bracket = ⵙⴳ { $min } ⴰⵔ ⴷⴷⴰⵡ { $max } ⵏ ⵉⵎⵣⴷⴰⵖⵏ
petitions-rules-bracket-open = { $min } ⵏ ⵉⵎⵣⴷⴰⵖⵏ ⵏⵖ ⵓⴳⴳⴰⵔ
petitions-rules-with-arrondissements = ⵜⵉⴳⵎⴰⵙⵉⵏ ⵉⵍⴰⵏ ⵉⴳⵣⵣⵓⵎⵏ
petitions-rules-spread = ⵓⵔ ⴷⴷⴰⵡ { $percent } % ⵏ ⵉⵣⵔⴰⴳⵏ ⵉⵍⴰⵇⵏ ⵙⴳ ⴽⵓ ⵜⴰⵎⵏⴱⴰⴹⵜ ⵏⵖ ⵜⴰⵙⴳⴰ ⵏ ⵜⵎⵏⴰⴹⵜ
petitions-rules-association = ⵜⵉⵎⵙⵙⵓⵔⴰ: ⵜⵜⵓⵙⵙⵓⵔⵙⵏⵜ ⵓⴳⴳⴰⵔ ⵏ { $years } ⵉⵙⴳⴳⵯⴰⵙⵏ, ⴰⵙⵉⵡⵏ ⵏⵖ ⴰⴼⵔⴰⴳ ⴳ ⵓⵎⵏⴰⴹ, ⴳ ⵓⴷⴷⴰⴷ ⵉⵖⵓⴷⴰⵏ, ⴰⵏⵏⴰⵔ ⵉⵎⵢⴰⵡⴰⵏ
petitions-rules-deadline = { $level }: ⴰⵙⵖⵜⵙ ⴳ { $count } ⵉⵢⵢⵉⵔⵏ ⵙⴳ ⵓⵙⵔⵙ
petitions-rules-ground = ⴰⵙⵍⴳⴰⵎ ⵏ ⵓⴳⵢⴰ:
petitions-rules-national = { $kind }: { $count } ⵏ ⵉⵣⵔⴰⴳⵏ
petitions-rules-add = ⵔⵏⵓ ⵢⴰⵜ ⵜⵍⵖⴰ ⵏ ⵉⵍⵓⴳⵏ
petitions-rules-add-hint = ⵙⵙⵏⵜⵉ ⵜⴰⵍⵖⴰ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵙ JSON (ⵜⴰⵍⵖⴰ ⵏ ⵖⵉⵍⴰ ⵜⵍⵍⴰ ⵣⵓⵏⴷ ⴰⵎⴷⵢⴰ) ⴰⴽⴷ ⵢⴰⵏ ⵓⵙⴰⴽⵓⴷ ⴰⵎⴰⵢⵏⵓ ⵏ ⵓⵙⵙⵎⵔⵙ.
petitions-rules-json = ⵉⵍⵓⴳⵏ (JSON)
petitions-rules-save = ⵔⵏⵓ ⵜⴰⵍⵖⴰ ⴰⴷ
petitions-rules-duplicate = ⵍⵍⴰⵏ ⵉⵍⵓⴳⵏ ⵉⵜⵜⵓⵙⵙⵎⵔⵙⵏ ⵙⴳ ⵓⵙⴰⴽⵓⴷ ⴰⴷ.
petitions-rules-invalid = ⵉⵍⵓⴳⵏ ⴰⴷ ⵓⵔ ⵖⵓⴷⴰⵏ:

petitions-receipt-heading = ⵜⴰⵡⵚⵍⵜ ⵏ ⵓⵙⵔⵙ ⵏ ⵢⴰⵜ ⵜⵙⵓⵜⵔⵜ
petitions-receipt-intro = ⴰⴳⵔⴰⵡ ⵉⵙⵏⵜⴰⵎ ⵉⵙ ⵢⵓⵎⵥ ⵜⴰⵙⵓⵜⵔⵜ ⴰⴷ, ⵉⵜⵜⵓⵙⵔⵙⵏ ⵙⴳ ⵜⵙⵏⵙⵍⵜ ⵏⵓⵛⴰⵔⵉⴽ.
petitions-receipt-title = ⵜⴰⵙⵓⵜⵔⵜ
petitions-receipt-signatures = ⵉⵣⵔⴰⴳⵏ ⵉⵖⵓⴷⴰⵏ
petitions-receipt-legal = ⵉⵏⴰⵎⵓⵙⵏ ⵉⵏⵥⵎⴰⵢⵏ 111.14, 112.14 ⴷ 113.14. ⴰⴱⵉⵔⵓ ⴰⵢ ⵉⴱⴷⴷⵓⵏ ⴳ ⵓⵇⴱⴰⵍ; ⴰⴳⵢⴰ ⵉⵍⴰ ⵜⵉⵎⵏⵜⵉⵍⵉⵏ ⵉⵜⵜⵓⵎⵎⴻⵍ ⵉ ⵓⵎⵙⵙⴰⵡⴰⵍ ⴳ ⵓⵣⵎⵣ ⴰⵏⴰⵎⵓⵙ.
petitions-list-heading = ⵜⴰⵍⴳⴰⵎⵜ ⵏ ⵉⵣⵔⴰⴳⵏ
petitions-list-confidential = ⴰⵙⵍⴰⵏ — ⵉⵙⴼⴽⴰ ⵉⵏⵎⴰⵍⴰⵏ (ⴰⵏⴰⵎⵓⵙ 09-08): ⵖⴰⵙ ⵉ ⵉⵎⵙⵖⵓⵍⵏ ⵉⵙⵓⵔⴳⵏ ⵏ ⵓⴳⵔⴰⵡ.

petitions-mail-warning-subject = ⵜⴰⵙⵓⵜⵔⵜ « { $title } »: ⵇⵇⵉⵎⵏ { $days } ⵏ ⵡⵓⵙⵙⴰⵏ ⵉ ⵓⵙⵖⵜⵙ ⵏ ⵓⴱⵉⵔⵓ
petitions-mail-warning-body = ⴰⵣⵎⵣ ⴰⵏⴰⵎⵓⵙ ⵏ ⵓⵙⵖⵜⵙ ⵏ ⵓⴱⵉⵔⵓ ⵖⴼ ⵜⵙⵓⵜⵔⵜ « { $title } » ⴰⴷ ⵉⵎⵎⵓⵔⵙ ⴰⵙⵙ { $deadline } (ⵇⵇⵉⵎⵏ { $days } ⵏ ⵡⵓⵙⵙⴰⵏ). ⵣⵎⵎⴻⵎⴰⵜ ⴰⵙⵖⵜⵙ ⴷⴰ: { $url }
petitions-mail-outcome-subject = ⵜⴰⵙⵓⵜⵔⵜ « { $title } »: ⵉⴱⴷⴷ ⴳⵉⵙ ⵓⴳⵔⴰⵡ
petitions-mail-outcome-body = ⵜⴰⵙⵓⵜⵔⵜ « { $title } » ⵏⵏⴰ ⵜⵣⵔⴳⴷ ⵜⵍⵍⴰ ⵖⵉⵍⴰ ⴳ ⵜⵙⵓⵔⵉⴼⵜ « { $state } ». ⵉⴼⵔⴷⵉⵙⵏ ⴷ ⵓⵎⵣⵔⵓⵢ: { $url }
petitions-paper-same-member = ⵛⴽ ⴰⵢ ⵉⴳⴰⵏ ⵜⵉⴽⴽⵍⵜ ⵜⴰⵎⵣⵡⴰⵔⵓⵜ ⵏ ⵜⵉⵔⵉ ⴰⴷ. ⵜⵉⴽⴽⵍⵜ ⵜⵉⵙ ⵙⵏⴰⵜ ⵉⵇⵇⴰⵏ ⴰⴷ ⵜⴻⵜⵜⵓⴳ ⵙ ⵢⴰⵏ ⵓⴳⵎⴰⵎ ⵢⴰⴹⵏ ⵏ ⵜⵙⵇⵇⵉⵎⵜ.
petitions-edit-link = ⵙⵏⴼⵍ ⴰⵏⵖⵎⵉⵙ ⴰⵎⵣⵡⴰⵔⵓ
petitions-edit-title = ⵙⵏⴼⵍ ⴰⵏⵖⵎⵉⵙ ⴰⵎⵣⵡⴰⵔⵓ
petitions-edit-back = ⴰⵖⵓⵍ ⵖⵔ ⵜⵙⵓⵜⵔⵜ
petitions-edit-lead = ⵜⵣⵎⵔⴷ ⴰⴷ ⵜⵙⵏⴼⵍⴷ ⵉⴹⵔⵉⵙⵏ, ⵉⵙⵎⴰⵡⵏ ⴷ ⵜⵙⵇⵇⵉⵎⵜ ⵎⴰ ⴷⴰⵎ ⵜⴰⵙⵓⵜⵔⵜ ⴷ ⴰⵏⵖⵎⵉⵙ ⴰⵎⵣⵡⴰⵔⵓ. ⵎⵍⵎⵉ ⵜⵕⵥⵎⴷ ⵜⵜ ⵉ ⵉⵣⵔⴰⴳⵏ, ⵓⵔ ⵉⵜⵜⵓⵙⵏⴼⴰⵍ ⵓⵍⴰ ⵢⴰⵏ.
petitions-edit-committee = ⵉⴳⵎⴰⵎⵏ ⵏ ⵜⵙⵇⵇⵉⵎⵜ ⵍⵍⵉ ⵖⵓⵔ ⵉⵍⵍⴰ ⵓⵎⵉⴹⴰⵏ
petitions-edit-committee-hint = ⵜⴰⵏⵙⵉⵡⵉⵏ ⵏⵙⵏ ⵏ ⵉⵎⴰⵢⵍ, ⵢⴰⵜ ⴳ ⴽⵓ ⵜⵉⵔⵉ. ⵣⵎⵔⵏ ⴰⴷ ⵥⵕⵏ ⴰⵏⵖⵎⵉⵙ ⴰⵎⵣⵡⴰⵔⵓ ⵙ ⴰⵔⵓⵏ ⵜⵉⵙⵏⴰⴷⵉⵏ ⵏ ⵓⵣⵔⴰⴳ. ⴰⴷⵊ ⵜ ⵢⵓⵔⵉⵏ ⵎⴽ ⵓⵔ ⵍⵍⵉⵏ.
petitions-edit-submit = ⵃⴹⵓ ⴰⵏⵖⵎⵉⵙ ⴰⵎⵣⵡⴰⵔⵓ
petitions-done-edited = ⵉⵜⵜⵓⵃⴹⴰ ⵓⵏⵖⵎⵉⵙ ⴰⵎⵣⵡⴰⵔⵓ.
petitions-error-edit-not-draft = ⵜⴰⵙⵓⵜⵔⵜ ⴰⴷ ⵜⵍⵍⴰ ⴳ ⵜⵙⵓⵔⵉⴼⵜ « { $state } »: ⵖⴰⵙ ⴰⵏⵖⵎⵉⵙ ⴰⵎⵣⵡⴰⵔⵓ ⴰⵢ ⵉⵜⵜⵓⵙⵏⴼⴰⵍⵏ.
petitions-error-committee-email = ⵢⴰⵜ ⴳ ⵜⵏⵙⵉⵡⵉⵏ ⵏ ⵜⵙⵇⵇⵉⵎⵜ ⵓⵔ ⵜⴳⵉ ⵜⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵉⵖⵓⴷⴰⵏ.
petitions-error-committee-unknown = ⵢⴰⵜ ⴳ ⵜⵏⵙⵉⵡⵉⵏ ⵏ ⵜⵙⵇⵇⵉⵎⵜ ⵓⵔ ⵜⵍⵍⵉ ⵖⵓⵔ ⴽⵔⴰ ⵏ ⵓⵎⵉⴹⴰⵏ. ⵉⵇⵇⴰⵏ ⴽⵓ ⴰⴳⵎⴰⵎ ⴰⴷ ⵉⵣⵎⵎⴻⵎ ⵣⵡⴰⵔ.
petitions-error-committee-too-many = 20 ⵏ ⵉⴳⵎⴰⵎⵏ ⵏ ⵜⵙⵇⵇⵉⵎⵜ ⵖⴰⵙ.
