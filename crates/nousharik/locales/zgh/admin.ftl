# ⴰⵙⵏⵓⴱⴳ ⵏ ⵜⵙⴷⴰⵡⵉⵜ ⴷ ⵓⵎⵙⵙⵓⴷⵙ ⵏ ⵓⵙⵏⵇⴷ (src/admin/).
# Tifinagh, IRCAM orthography. Plurals select on exact numbers ([1]) because CLDR has no
# plural rules for zgh (see src/platform/i18n.rs).
admin-nav = ⵜⴰⵙⴷⴰⵡⵉⵜ
admin-title = ⵜⴰⵙⴷⴰⵡⵉⵜ
admin-intro = ⵉⵎⴰⵙⵙⵏ ⵏ ⵉⵏⵎⵀⴰⵍⵏ ⵏ ⵜⵖⴰⵔⴰⵙⵜ. ⴽⵓ ⴰⵙⵏⴼⵍ ⵏⵏⴰ ⵉⵜⵜⵓⴳⴰⵏ ⴷⴰ ⵉⵜⵜⵓⵙⵊⵊⴰⵍ ⴳ ⵓⵎⵙⵙⵓⴷⵙ ⵏ ⵓⵙⵏⵇⴷ.
admin-link-users = ⵉⵎⵉⴹⴰⵏⵏ ⴷ ⵉⵣⵔⴼⴰⵏ
admin-link-users-text = ⴰⴼ ⴰⵎⵉⴹⴰⵏ, ⴼⴽ ⵏⵖ ⴽⴽⵙ ⴰⵣⵔⴼ ⵏ ⵓⵏⵎⵀⴰⵍ ⴷ ⵜⵓⴳⵎⴰ ⴳ ⵜⵎⵙⵙⵓⴷⵙⵉⵏ.
admin-link-residents = ⴰⵙⵙⵏⵜⵍ ⵏ ⵜⵣⴷⵉⵖⵜ
admin-link-residents-text = ⵙⵊⵊⵍ ⵎⴰⵙ ⵢⴰⵏ ⵉⵣⴷⵖ ⴳ ⵢⴰⵏ ⵓⵎⵏⴰⴹ, ⴷ ⵜⵏⵣⵔⵉⴼⵜ ⵏⵏⴰ ⵉⵜⵜⵓⵥⵕⴰⵏ.
admin-link-audit = ⴰⵎⵙⵙⵓⴷⵙ ⵏ ⵓⵙⵏⵇⴷ
admin-link-audit-text = ⴽⵓ ⴰⵙⵏⴼⵍ ⵏ ⵢⴰⵏ ⵓⵣⵔⴼ, ⵙ ⵓⵙⵏⴼⴰⵔ, ⵢⵓⵇⵏⵏ ⵙ ⵜⵉⴷⵍⵙⵉⵏ ⴰⴷ ⵓⵔ ⵉⵜⵜⵓⵙⵏⴼⵍ ⵓⵍⴰ ⵉⵜⵜⵓⴽⴽⴰⵙ ⴽⵔⴰ ⴱⵍⴰ ⵜⵉⵥⵕⵉ.
admin-audit-count = { $count ->
    [0] ⴰⵎⵙⵙⵓⴷⵙ ⵏ ⵓⵙⵏⵇⴷ ⵢⴳⴰ ⴰⵅⵡⴰ.
    [1] ⴰⵎⵙⵙⵓⴷⵙ ⵏ ⵓⵙⵏⵇⴷ ⵉⵙⵄⴰ ⵢⴰⵏ ⵓⵙⵊⵊⵍ.
   *[other] ⴰⵎⵙⵙⵓⴷⵙ ⵏ ⵓⵙⵏⵇⴷ ⵉⵙⵄⴰ { $count } ⵏ ⵓⵙⵊⵊⵍ.
}
admin-audit-title = ⴰⵎⵙⵙⵓⴷⵙ ⵏ ⵓⵙⵏⵇⴷ
admin-audit-intro = ⵉⵙⵊⵊⵍⵏ ⵉⵎⴰⵢⵏⵓⵜⵏ ⵖ ⵜⵉⵣⵡⵓⵔⵉ. ⴽⵓ ⴰⵙⵊⵊⵍ ⵢⵓⵇⵏ ⵙ ⵡⵉⵏ ⴷⴰⵜ ⵙ ⵜⴷⵍⵙⵜ ⵏⵏⵙ; ⴰⵙⵙⵏⵜⵍ ⵏⵏⴰ ⴷ ⵉⴹⴼⵕⵏ ⵉⵣⵔⵉ ⵙⴳ ⵜⵙⴽⵙⵓⵍⵜ ⴰⴽⴽⵯ.
admin-audit-subject = ⵙⵎⵍ ⴰⵎⵣⵔⵓⵢ ⵏ ⵢⴰⵏ ⵓⵙⵏⵜⵍ
admin-audit-subject-hint = ⵙ ⵓⵎⴷⵢⴰ petition:12 ⵏⵖ account:3, ⵣⵓⵏⴷ ⵎⴰⵏⵉ ⵉⵜⵜⵓⵔⴰ ⴳ ⵜⴳⵊⴷⴰ ⵏ ⵓⵙⵏⵜⵍ.
admin-audit-filter = ⵙⵎⵍ
admin-audit-all = ⵙⵎⵍ ⵉⵙⵊⵊⵍⵏ ⴰⴽⴽⵯ
admin-audit-empty = ⵓⵍⴰ ⴰⵙⵊⵊⵍ.
admin-audit-caption = ⵉⵙⵊⵊⵍⵏ ⵏ ⵓⵎⵙⵙⵓⴷⵙ ⵏ ⵓⵙⵏⵇⴷ
admin-audit-col-id = ⵓⵟⵟⵓⵏ
admin-audit-col-at = ⴰⵙⴰⴽⵓⴷ
admin-audit-col-actor = ⵎⴰⴷ
admin-audit-col-action = ⵜⴰⴳⴰⵡⵜ
admin-audit-col-subject = ⴰⵙⵏⵜⵍ
admin-audit-col-details = ⵉⵙⴼⵙⴰⵢⵏ
admin-audit-pages = ⵜⵉⵙⵏⴰ ⵏ ⵓⵎⵙⵙⵓⴷⵙ ⵏ ⵓⵙⵏⵇⴷ
admin-audit-older = ⵉⵙⵊⵊⵍⵏ ⵉⵇⴱⵓⵔⵏ
admin-audit-bad-page = ⵓⵟⵟⵓⵏ ⴰⴷ ⵏ ⵜⴰⵙⵏⴰ ⵓⵔ ⵉⵚⵃⵉ; ⵜⵜⵓⵙⵎⴰⵍⵏ ⵉⵙⵊⵊⵍⵏ ⵉⵎⴰⵢⵏⵓⵜⵏ.
admin-audit-subject-too-long = ⴰⵙⵏⵜⵍ ⵓⵔ ⵉⵣⵢⵢⴷ ⵅⴼ 200 ⵏ ⵓⵙⴽⴽⵉⵍ.
admin-verify-link = ⵙⵙⵏⵜⵍ ⵜⴰⵙⴽⵙⵓⵍⵜ ⴰⴽⴽⵯ ⵖⵉⵍⴰ
admin-verify-title = ⴰⵙⵙⵏⵜⵍ ⵏ ⵓⵎⵙⵙⵓⴷⵙ ⵏ ⵓⵙⵏⵇⴷ
admin-verify-ok = { $count ->
    [0] ⵜⴰⵙⴽⵙⵓⵍⵜ ⵜⵚⵃⴰ: ⴰⵎⵙⵙⵓⴷⵙ ⵢⴳⴰ ⴰⵅⵡⴰ.
    [1] ⵜⴰⵙⴽⵙⵓⵍⵜ ⵜⵚⵃⴰ: ⴰⵙⵊⵊⵍ ⵏⵏⵙ ⵉⵎⵢⴰⵡⴰⵙ ⴷ ⵜⴷⵍⵙⵜ ⵏⵏⵙ.
   *[other] ⵜⴰⵙⴽⵙⵓⵍⵜ ⵜⵚⵃⴰ: { $count } ⵏ ⵓⵙⵊⵊⵍ ⵎⵢⴰⵡⴰⵙⵏ ⴷ ⵜⵉⴷⵍⵙⵉⵏ ⵏⵏⵙⵏ, ⴷ ⵎⵎⴰⴹⴼⴰⵕⵏ.
}
admin-verify-altered = ⵜⴰⵙⴽⵙⵓⵍⵜ ⵜⵕⵥⴰ: ⴰⵙⵊⵊⵍ { $id } ⵉⵜⵜⵓⵙⵏⴼⵍ ⴹⴰⵕ ⵏ ⵎⴰ ⵉⵜⵜⵓⵔⴰ.
admin-verify-missing = ⵜⴰⵙⴽⵙⵓⵍⵜ ⵜⵕⵥⴰ: ⵉⵙⵊⵊⵍⵏ ⵙⴳ { $from } ⴰⵔ { $to } ⵜⵜⵓⴽⴽⴰⵙⵏ (ⵜⵜⵓⴼⴰⵏ ⴳ ⵓⵙⵊⵊⵍ { $id }).
admin-verify-unlinked = ⵜⴰⵙⴽⵙⵓⵍⵜ ⵜⵕⵥⴰ: ⴰⵙⵊⵊⵍ { $id } ⵓⵔ ⵉⴹⴼⵉⵕ ⴰⵙⵊⵊⵍ ⵏⵏⴰ ⵜ ⵉⵣⵡⴰⵔⵏ.
admin-verify-last-hash = ⵜⴰⴷⵍⵙⵜ ⵏ ⵓⵙⵊⵊⵍ ⴰⵏⴳⴳⴰⵔⵓ:
admin-verify-last-hash-hint = ⵃⴹⵓ ⴰⵣⴰⵍ ⴰⴷ: ⵎⴽ ⵜⵜⵓⴽⴽⴰⵙⵏ ⵉⵙⵊⵊⵍⵏ ⵉⵎⴰⵢⵏⵓⵜⵏ ⵢⴰⵏ ⵡⴰⵙⵙ, ⵜⴰⴷⵍⵙⵜ ⵓⵔ ⴷ ⵜⵜⵎⵢⴰⵡⴰⵙ.
