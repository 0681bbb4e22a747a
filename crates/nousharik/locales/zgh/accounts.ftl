# ⵉⵎⵉⴹⴰⵏⵏ: ⴰⵣⵎⵎⴻⵎ, ⴰⴽⵛⵓⵎ, ⴰⵎⴰⵖⵏⵓ, ⵜⵉⵡⵓⵔⵉⵡⵉⵏ, ⴰⵙⵙⵏⵜⵍ ⵏ ⵓⵣⴷⴰⵖ (src/accounts/).
# Tifinagh, IRCAM orthography. Plurals select on exact numbers ([1]) because CLDR has no
# plural rules for zgh (see src/platform/i18n.rs). Vocabulary: ⴰⵎⵉⴹⴰⵏ account, ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ
# password, ⴽⵛⵎ/ⴼⴼⵖ log in/out, ⵙⵏⵜⵎ confirm, ⴰⵎⵣⴷⴰⵖ resident, ⴰⵎⵙⵖⵓⵍ staff member,
# ⴰⵎⵙⵜⴰⵢ elected member, ⴰⵏⵎⵀⴰⵍ administrator, ⵜⴰⵍⵖⴰ form, ⴰⵣⴷⴰⵢ link.

## ⵉⵣⴷⴰⵢⵏ ⵏ ⵓⵙⵍⴳⵏ
accounts-nav-label = ⴰⵎⵉⴹⴰⵏ
accounts-nav-login = ⴽⵛⵎ
accounts-nav-signup = ⵙⵏⴼⵍⵓⵍ ⴰⵎⵉⴹⴰⵏ
accounts-nav-profile = ⴰⵎⴰⵖⵏⵓ ⵉⵏⵓ
accounts-nav-logout = ⴼⴼⵖ
accounts-nav-users = ⵉⵎⵉⴹⴰⵏⵏ
accounts-nav-verify = ⵙⵙⵏⵜⵍ ⴰⵎⵣⴷⴰⵖ

## ⵉⴳⵔⴰⵏ
accounts-field-email = ⵜⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ
accounts-field-name = ⵉⵙⵎ
accounts-field-name-hint = ⵉⵙⵎ ⵏⵏⴰ ⴷ ⵉⵜⵜⴱⴰⵢⴰⵏⵏ ⴰⵔ ⵜⵉⵙⴳⴰ ⵏ ⵎⴰⵏ ⴰⵢⴰ ⵜⵜⴰⵔⴰⴷ ⴳ ⵜⵙⵏⵙⵍⵜ (ⵙⴳ 1 ⴰⵔ 100 ⵏ ⵓⵙⴽⴽⵉⵍ).
accounts-field-password = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ
accounts-field-password-hint = 10 ⵏ ⵓⵙⴽⴽⵉⵍ ⵖⴰⵙ ⴷⴰⵖ. ⵢⴰⵜ ⵜⵡⵏⵏⴰⵙⵜ ⵜⴰⵎⵥⵥⴰⵏⵜ ⵏⵏⴰ ⵜⵜⵎⵎⵜⵜⵉⵜⵜⵉⴷ ⵜⴳⴰ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵉⴼⵓⵍⴽⵉⵏ.
accounts-field-new-password = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ
accounts-field-current-password = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵏⵏⴽ ⵜⴰⵎⵉⵔⴰⵏⵜ
accounts-field-language = ⵜⵓⵜⵍⴰⵢⵜ ⵏⵏⴰ ⵜⵙⵜⵉⴷ
accounts-form-has-errors = ⵉⵍⴰⵇ ⴰⴷ ⵜⵙⵖⵓⴷⵓⴷ ⴽⵔⴰ ⵏ ⵜⵉⵏⴼⵓⵙⵉⵏ:

## ⴰⵣⵎⵎⴻⵎ
accounts-signup-title = ⵙⵏⴼⵍⵓⵍ ⴰⵎⵉⴹⴰⵏ
accounts-signup-lead = ⵙ ⵓⵎⵉⴹⴰⵏ ⴰⴷ ⵜⴹⴼⵕⴷ ⵜⵓⵜⵔⵉⵡⵉⵏ, ⴰⴷ ⵜⵎⵙⴰⵙⴰⴷ ⴳ ⵜⵙⵎⵉⴽⵙⵜ ⵜⴰⵎⵙⴰⵙⴰⵢⵜ, ⴰⴷ ⵜⵣⵎⵎⴻⵎⴷ ⵉⵅⴼ ⵏⵏⴽ ⴳ ⵉⵎⵢⴰⵏⴰⴷⵏ.
accounts-signup-privacy = ⵏⵙⵙⵎⵔⴰⵙ ⵜⴰⵏⵙⴰ ⵏⵏⴽ ⵖⴰⵙ ⴰⴷ ⴰⴽ ⵏⴰⵣⵏ ⵜⵓⵣⵉⵏⵉⵏ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ. ⵓⵔ ⵜⵜ ⵏⵜⵜⴱⴹⴰ ⴷ ⵃⴷ.
accounts-signup-submit = ⵙⵏⴼⵍⵓⵍ ⴰⵎⵉⴹⴰⵏ ⵉⵏⵓ
accounts-have-account = ⵉⵍⵍⴰ ⵖⵓⵔⴽ ⵓⵎⵉⴹⴰⵏ? ⴽⵛⵎ
accounts-check-mail-title = ⵥⵕ ⵉⵎⴰⵢⵍ ⵏⵏⴽ
accounts-check-mail = ⵏⵓⵣⵏ ⵢⴰⵜ ⵜⵓⵣⵉⵏⵜ ⵉ { $email }. ⴹⴼⵕ ⴰⵣⴷⴰⵢ ⵏⵏⴰ ⴳ ⵉⵍⵍⴰ ⴳ 48 ⵏ ⵜⵙⵔⴰⴳⵉⵏ ⴰⴷ ⵜⵙⵏⵜⵎⴷ ⵜⴰⵏⵙⴰ ⵏⵏⴽ.
accounts-check-mail-spam = ⵓⵔ ⴷ ⴰⴽ ⵜⵍⴽⵉⵎ ⵜⵓⵣⵉⵏⵜ ⴷⴼⴼⵉⵔ ⴽⵔⴰ ⵏ ⵜⵓⵙⴷⵉⴷⵉⵏ? ⵙⵉⴳⴳⵍ ⴳ ⵜⵓⵣⵉⵏⵉⵏ ⵓⵔ ⵉⵜⵜⵓⵔⴰⵏ (spam), ⵜⴰⵍⵙⴷ ⵜⴰⵔⵎⵉⵜ.
accounts-mail-failed = ⵓⵔ ⵏⵣⵎⵉⵔ ⴰⴷ ⵏⴰⵣⵏ ⵜⵓⵣⵉⵏⵜ. ⴰⵍⵙ ⵜⴰⵔⵎⵉⵜ ⴷⴼⴼⵉⵔ ⴽⵔⴰ ⵏ ⵜⵓⵙⴷⵉⴷⵉⵏ.

## ⴰⵙⵏⵜⵎ ⴷ ⵉⵣⴷⴰⵢⵏ
accounts-confirm-title = ⵙⵏⵜⵎ ⵜⴰⵏⵙⴰ ⵏⵏⴽ
accounts-confirm-intro = ⵜⴰⵙⵓⵔⵜ ⵜⴰⵎⴳⴳⴰⵔⵓⵜ: ⵙⵙⵏⴷ ⴼ ⵜⴰⵇⴼⵍⵜ ⴰⴷ ⵜⵙⵏⵜⵎⴷ ⵜⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵏⵏⴽ ⵜⵙⵎⵔⵙⴷ ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ.
accounts-confirm-submit = ⵙⵏⵜⵎ ⵜⴰⵏⵙⴰ ⵉⵏⵓ
accounts-confirmed = ⵜⵜⵓⵙⵏⵜⵎ ⵜⴰⵏⵙⴰ ⵏⵏⴽ. ⵜⵣⵎⵉⵔⴷ ⴰⴷ ⵜⴽⵛⵎⴷ ⵖⵉⵍⴰ.
accounts-link-problem-title = ⴰⵣⴷⴰⵢ ⴰⴷ ⵓⵔ ⵉⵜⵜⵓⵙⵎⵔⴰⵙ
accounts-link-unknown = ⴰⵣⴷⴰⵢ ⴰⴷ ⵓⵔ ⵉⵖⵓⴷⴰ. ⵙⵙⵏⵜⵍ ⵉⵙ ⵜⵙⵏⵖⵍⴷ ⴰⵣⴷⴰⵢ ⴰⴽⴽ ⵙⴳ ⵜⵓⵣⵉⵏⵜ.
accounts-link-used = ⴰⵣⴷⴰⵢ ⴰⴷ ⵉⵜⵜⵓⵙⵎⵔⵙ ⵢⴰⴷ. ⴽⵓ ⴰⵣⴷⴰⵢ ⵉⵜⵜⵓⵙⵎⵔⴰⵙ ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ ⵖⴰⵙ.
accounts-link-expired = ⵜⴼⵓⴽⴽ ⵜⵉⵣⵉ ⵏ ⵓⵣⴷⴰⵢ ⴰⴷ.
accounts-confirm-link-help = ⴽⵛⵎ ⵙ ⵜⴰⵏⵙⴰ ⴷ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵏⵏⴽ: ⵎⴽ ⵓⵔ ⵜⵜⵓⵙⵏⵜⵎ ⵜⴰⵏⵙⴰ ⵏⵏⴽ, ⴰⴷ ⴰⴽ ⵏⴰⵣⵏ ⴰⵣⴷⴰⵢ ⴰⵎⴰⵢⵏⵓ.
accounts-reset-link-help = ⵙⵓⵜⵔ ⴰⵣⴷⴰⵢ ⴰⵎⴰⵢⵏⵓ ⴳ ⵜⵙⵏⴰ «ⵜⵜⵓⵖ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ».

## ⴰⴽⵛⵓⵎ ⴷ ⵓⴼⴼⵓⵖ
accounts-login-title = ⴽⵛⵎ
accounts-login-submit = ⴽⵛⵎ
accounts-login-failed = ⵜⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵏⵖ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵓⵔ ⵉⵖⵓⴷⴰ.
accounts-login-unconfirmed = ⵜⴰⵏⵙⴰ ⵏⵏⴽ ⵓⵔ ⵜⵜⵓⵙⵏⵜⵎ ⵔⴰⴷ. ⵏⵓⵣⵏ ⴰⴽ ⵖⵉⵍⴰ ⴰⵣⴷⴰⵢ ⴰⵎⴰⵢⵏⵓ ⵏ ⵓⵙⵏⵜⵎ.
accounts-forgot-link = ⵜⵜⵓⴷ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ?
accounts-no-account = ⵓⵔ ⵖⵓⵔⴽ ⴰⵎⵉⴹⴰⵏ? ⵙⵏⴼⵍⵓⵍ ⵢⴰⵏ
accounts-logged-out = ⵜⴼⴼⵖⴷ.
accounts-rate-limited = { $minutes ->
    [1] ⵜⵉⵔⵎⵉⵜⵉⵏ ⴳⵓⵜⵏⵉⵏ. ⵔⴰⵊⵓ ⵢⴰⵜ ⵜⵓⵙⴷⵉⴷⵜ, ⵜⴰⵍⵙⴷ ⵜⴰⵔⵎⵉⵜ.
   *[other] ⵜⵉⵔⵎⵉⵜⵉⵏ ⴳⵓⵜⵏⵉⵏ. ⵔⴰⵊⵓ { $minutes } ⵏ ⵜⵓⵙⴷⵉⴷⵉⵏ, ⵜⴰⵍⵙⴷ ⵜⴰⵔⵎⵉⵜ.
}

## ⵜⵜⵓⵖ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ
accounts-forgot-title = ⵜⵜⵓⵖ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ
accounts-forgot-lead = ⴰⵔⵓ ⵜⴰⵏⵙⴰ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ: ⴰⴷ ⴰⵙ ⵏⴰⵣⵏ ⴰⵣⴷⴰⵢ ⵙ ⵜⵙⵜⵉⴷ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ.
accounts-forgot-submit = ⴰⵣⵏ ⵉⵢⵉ ⴰⵣⴷⴰⵢ
accounts-forgot-sent = ⵎⴽ ⵉⵍⵍⴰ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ ⵉⵙⵙⵎⵔⴰⵙⵏ ⵜⴰⵏⵙⴰ ⴰⴷ, ⵉⵜⵜⵓⵢⴰⵣⵏ ⴰⵙ ⵢⴰⵏ ⵓⵣⴷⴰⵢ ⵙ ⵓⵙⵜⵉ ⵏ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ. ⵉⵜⵜⵓⵙⵎⵔⴰⵙ ⵢⴰⵜ ⵜⵙⵔⴰⴳⵜ.
accounts-reset-title = ⵙⵜⵉ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ
accounts-reset-submit = ⵙⵊⵊⵍ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ
accounts-password-changed = ⵜⵜⵓⵙⵏⴼⵍ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵏⵏⴽ, ⵜⵜⵓⵔⴳⵍⵏⵜ ⴰⴽⴽ ⵜⵉⵖⵉⵎⵉⵏ ⵏⵏⴽ. ⴽⵛⵎ ⵙ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ.

## ⴰⵎⴰⵖⵏⵓ
accounts-profile-title = ⴰⵎⴰⵖⵏⵓ ⵉⵏⵓ
accounts-profile-edit = ⵙⵏⴼⵍ ⴰⵎⴰⵖⵏⵓ ⵉⵏⵓ
accounts-profile-submit = ⵙⵊⵊⵍ
accounts-profile-saved = ⵉⵜⵜⵓⵙⵊⵊⵍ ⵓⵎⴰⵖⵏⵓ ⵏⵏⴽ.
accounts-verification = ⴰⵙⵙⵏⵜⵍ
accounts-level-unconfirmed = ⵜⴰⵏⵙⴰ ⵓⵔ ⵜⵜⵓⵙⵏⵜⵎ
accounts-level-email-confirmed = ⵜⴰⵏⵙⴰ ⵜⵜⵓⵙⵏⵜⵎ
accounts-level-resident-verified = ⴰⵣⴷⴰⵖ ⵉⵜⵜⵓⵙⵙⵏⵜⵍ
accounts-roles = ⵉⵣⵔⴼⴰⵏ
accounts-admin-badge = ⴰⵏⵎⵀⴰⵍ ⵏ ⵜⵙⵏⵙⵍⵜ
accounts-my-roles = ⵜⵉⵡⵓⵔⵉⵡⵉⵏ
accounts-residences = ⴰⵣⴷⴰⵖ ⵉⵜⵜⵓⵙⵙⵏⵜⵍⵏ
accounts-residence-line = { $territory } — ⵉⵜⵜⵓⵙⵙⵏⵜⵍ ⴳ { $date } ({ $evidence })
accounts-demographics-legend = ⴰⵏⴰⵡ ⴷ ⵜⴳⵔⵓⵎⵎⴰ ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ (ⵙ ⵜⵉⵏⵎⵏⴰ)
accounts-demographics-why = ⵎⴰⵖ ⴰⵢ ⵜ ⵏⵙⵇⵙⴰ: ⴰⴷ ⵏⵙⵉⴹⵏ ⵎⵏⵛⴽ ⵏ ⵜⵎⵟⵟⵓⵜⵉⵏ ⴷ ⵉⵔⴳⴰⵣⵏ, ⵏ ⵉⵎⵥⵍⴰⴹ ⴷ ⵉⵎⵖⴰⵔⵏ ⴰⵢ ⵉⵜⵜⵎⵙⴰⵙⴰⵏ, ⴰⵎⴽ ⵎⴰ ⵙⵔⵙⵏ ⵜⵜⵉⵔⵉⵏ ⵉⵎⴰⵜⴰⵔⵏ ⵏ ⵜⵓⵎⵙⴰⵙⴰ. ⵜⵜⵓⵙⵎⵔⴰⵙⵏ ⵖⴰⵙ ⴳ ⵓⵙⵉⴹⵏ ⵏⵏⴰ ⵓⵔ ⵉⵙⵙⴽⴰⵏ ⴰⵡⴷ ⵢⴰⵏ ⵓⴼⵔⴷ; ⵓⵔ ⴷ ⵜⵜⴱⴰⵢⴰⵏⵏ ⴳ ⵓⵎⴰⵖⵏⵓ ⵏⵏⴽ, ⵓⵔ ⵜⵜⵓⴱⴹⴰⵏ ⴷ ⵃⴷ. ⴽⴽⵙ ⴰⵙⵎⵍ ⴳ ⵜⴰⵙⵏⵓⵔⵜ ⵎⵏⴰⵎⴽⵉⵏⵏ ⴰⴷ ⵜⵏ ⵜⵙⴼⴹⴷ.
accounts-demographics-consent = ⵇⴱⵍⵖ ⴰⴷ ⵢⴰⵎⵥ ⵏⵓⵛⴰⵔⵉⴽ ⴰⵏⴰⵡ ⵉⵏⵓ ⴷ ⵜⴳⵔⵓⵎⵎⴰ ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ ⵉⵏⵓ ⵉ ⵓⵙⵉⴹⵏ ⴰⴷ ⵖⴰⵙ.
accounts-not-said = ⵓⵔ ⵔⵉⵖ ⴰⴷ ⵔⴰⵔⵖ
accounts-sex = ⴰⵏⴰⵡ
accounts-sex-female = ⵜⴰⵎⵟⵟⵓⵜ
accounts-sex-male = ⴰⵔⴳⴰⵣ
accounts-age = ⵜⴰⴳⵔⵓⵎⵎⴰ ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ
accounts-age-under-18 = ⴷⴷⴰⵡ 18 ⵏ ⵓⵙⴳⴳⵯⴰⵙ
accounts-age-18-35 = ⵙⴳ 18 ⴰⵔ 35 ⵏ ⵓⵙⴳⴳⵯⴰⵙ
accounts-age-36-59 = ⵙⴳ 36 ⴰⵔ 59 ⵏ ⵓⵙⴳⴳⵯⴰⵙ
accounts-age-60-plus = 60 ⵏ ⵓⵙⴳⴳⵯⴰⵙ ⴷ ⵓⴳⴳⴰⵔ

## ⵉⵙⴼⴽⴰ ⵉⵏⵓ, ⴰⴽⴽⵙ ⵏ ⵓⵎⵉⴹⴰⵏ
accounts-data-title = ⵉⵙⴼⴽⴰ ⵉⵏⵓ
accounts-data-intro = ⴰⴳⵎ ⴰⴽⴽ ⵎⴰ ⵉⵃⴹⴰ ⵏⵓⵛⴰⵔⵉⴽ ⴼⵍⵍⴰⴽ, ⵙ ⵜⴰⵍⵖⴰ JSON: ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ, ⵜⵉⵡⵓⵔⵉⵡⵉⵏ ⵏⵏⴽ, ⵜⵉⵖⵉⵎⵉⵏ ⵏⵏⴽ ⴷ ⵉⵣⵎⵎⴰⵎⵏ ⵏ ⵓⵖⵎⵉⵙ ⵏⵏⴰ ⴽ ⵉⵥⵍⵉⵏ.
accounts-data-download = ⴰⴳⵎ ⵉⵙⴼⴽⴰ ⵉⵏⵓ
accounts-delete-title = ⴽⴽⵙ ⴰⵎⵉⴹⴰⵏ ⵉⵏⵓ
accounts-delete-what = ⴰⴽⴽⵙ ⵏ ⵓⵎⵉⴹⴰⵏ ⵉⵙⴼⴹ ⵜⴰⵏⵙⴰ ⵏⵏⴽ, ⵉⵙⵎ ⵏⵏⴽ, ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵏⵏⴽ, ⴰⵏⴰⵡ ⴷ ⵜⴳⵔⵓⵎⵎⴰ ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ ⵏⵏⴽ, ⵜⵉⵡⵓⵔⵉⵡⵉⵏ ⵏⵏⴽ, ⴰⵣⴷⴰⵖ ⵏⵏⴽ ⵉⵜⵜⵓⵙⵙⵏⵜⵍⵏ ⴷ ⵜⵉⵖⵉⵎⵉⵏ ⵏⵏⴽ.
accounts-delete-kept = ⴰⵖⵎⵉⵙ ⵏ ⵜⵙⵏⵙⵍⵜ ⵉⵃⴹⴰ, ⴱⵍⴰ ⵉⵙⵎ ⵏⵏⴽ ⵓⵍⴰ ⵜⴰⵏⵙⴰ ⵏⵏⴽ, ⴰⵙⵍⵓⵖ ⵏ ⵜⵉⴳⴰⵡⵉⵏ ⵏⵏⴰ ⵉⵜⵜⵓⴳⴰⵏ (ⴰⵎⴷ ⵢⴰⵏ ⵓⵙⵙⵏⵜⵍ ⵏⵏⴰ ⵜⴳⵉⴷ ⵙ ⵜⵖⴰⵔⴰ ⵏ ⵓⵎⵙⵖⵓⵍ), ⵃⵎⴰ ⴰⴷ ⵉⵇⵇⵉⵎ ⵓⵎⵣⵔⵓⵢ ⵏ ⵜⵉⵖⴰⵡⵙⵉⵡⵉⵏ ⵉⵜⵜⵓⵙⵙⵏⵜⴰⵍ.
accounts-delete-submit = ⴽⴽⵙ ⴰⵎⵉⴹⴰⵏ ⵉⵏⵓ ⵉ ⵍⴱⴷⴷ
accounts-delete-cancel = ⴰⵎⵥ ⴰⵎⵉⴹⴰⵏ ⵉⵏⵓ
accounts-delete-wrong-password = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵓⵔ ⵜⵖⵓⴷⴰ.
accounts-delete-last-admin = ⴽⵢⵢ ⴰⵢ ⵉⴳⴰⵏ ⴰⵏⵎⵀⴰⵍ ⵏ ⵜⵙⵏⵙⵍⵜ ⵖⴰⵙ: ⴳ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ ⵢⴰⴹⵏ ⴷ ⴰⵏⵎⵀⴰⵍ ⵣⵡⴰⵔ.
accounts-deleted-title = ⵉⵜⵜⵓⴽⴽⵙ ⵓⵎⵉⴹⴰⵏ
accounts-deleted = ⵉⵜⵜⵓⴽⴽⵙ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ. ⵜⴰⵏⵎⵎⵉⵔⵜ ⵅⴼ ⵜⵓⵎⵙⴰⵙⴰ ⵏⵏⴽ.

## ⵜⵉⵣⴳⵍⵉⵏ ⵏ ⵜⵍⵖⵉⵡⵉⵏ
accounts-error-email-empty = ⴰⵔⵓ ⵜⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵏⵏⴽ.
accounts-error-email-too-long = ⵜⴰⵏⵙⴰ ⴰⴷ ⵜⵖⵣⵣⵉⴼ ⴰⵟⵟⴰⵚ (254 ⵏ ⵓⵙⴽⴽⵉⵍ ⵖⴰⵙ).
accounts-error-email-invalid = ⵜⴰⴷ ⵓⵔ ⵜⴳⵉ ⵜⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵉⵖⵓⴷⴰⵏ. ⴰⵎⴷ: name@example.ma
accounts-error-name-empty = ⴰⵔⵓ ⵢⴰⵏ ⵢⵉⵙⵎ.
accounts-error-name-too-long = ⵉⵙⵎ ⵉⵖⵣⵣⵉⴼ ⴰⵟⵟⴰⵚ (100 ⵏ ⵓⵙⴽⴽⵉⵍ ⵖⴰⵙ).
accounts-error-name-control = ⵉⵙⵎ ⴷⴰⵔⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵏ ⵓⵙⵡⵓⴷⴷⵓ ⵓⵔ ⵉⵜⵜⵓⵥⵕⴰⵏ. ⴰⵔⵓ ⵜ ⵜⴰⵍⵙⴷ.
accounts-error-password-too-short = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴳⵣⵣⵓⵍ ⴰⵟⵟⴰⵚ: 10 ⵏ ⵓⵙⴽⴽⵉⵍ ⵖⴰⵙ ⴷⴰⵖ.
accounts-error-password-too-long = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⵖⵣⵣⵉⴼ ⴰⵟⵟⴰⵚ: 256 ⵏ ⵓⵙⴽⴽⵉⵍ ⵖⴰⵙ.
accounts-error-password-same-as-email = ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵓⵔ ⵉⵍⵍⵉ ⵎⴰ ⴷ ⵜⴳ ⵜⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵏⵏⴽ.
accounts-error-language = ⵙⵜⵉ ⵢⴰⵜ ⵙⴳ ⵜⵓⵜⵍⴰⵢⵉⵏ ⵉⵍⵍⴰⵏ.
accounts-error-consent-missing = ⵎⴽ ⵜⵔⵉⴷ ⴰⴷ ⵏⴰⵎⵥ ⴰⵏⴰⵡ ⵏⵖ ⵜⴰⴳⵔⵓⵎⵎⴰ ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ ⵏⵏⴽ, ⵔⵛⵎ ⵜⴰⵙⵏⵓⵔⵜ ⵏ ⵓⵇⴱⴰⵍ — ⵏⵖ ⵙⵜⵉ «ⵓⵔ ⵔⵉⵖ ⴰⴷ ⵔⴰⵔⵖ».
accounts-error-sex-invalid = ⵙⵜⵉ ⵢⴰⵜ ⵙⴳ ⵜⵔⴰⵔⵉⵏ ⵉⵍⵍⴰⵏ.
accounts-error-age-invalid = ⵙⵜⵉ ⵢⴰⵜ ⵙⴳ ⵜⴳⵔⵓⵎⵎⴰⵡⵉⵏ ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ ⵉⵍⵍⴰⵏ.
accounts-error-organisation = ⵙⵜⵉ ⵢⴰⵜ ⵜⵙⵙⵓⴷⵙⵜ ⴳ ⵜⵍⴳⴰⵎⵜ.
accounts-error-role = ⵙⵜⵉ ⵢⴰⵜ ⵜⵡⵓⵔⵉ ⴳ ⵜⵍⴳⴰⵎⵜ.
accounts-error-territory = ⵙⵜⵉ ⵢⴰⵏ ⵓⵎⵏⴰⴹ ⴳ ⵜⵍⴳⴰⵎⵜ.
accounts-error-evidence = ⵙⵜⵉ ⵜⴰⵔⵔⴰ ⵏⵏⴰ ⴷ ⵉⵙⵙⴽⵏ ⵓⴼⵔⴷ.
accounts-error-bad-form = ⵜⴰⵍⵖⴰ ⵓⵔ ⵜⵛⵛⵓⵕ. ⴰⵍⵙ ⴰⵙⴰⵍⵉ ⵏ ⵜⵙⵏⴰ ⵜⴰⵍⵙⴷ ⵜⴰⵔⵎⵉⵜ.

## ⵜⵉⵍⵖⵉⵡⵉⵏ ⵏⵏⴰ ⵉⴼⵓⴽⴽⵏ ⵏⵖ ⵉⵜⵜⵓⵙⵎⵔⴽⵙⵏ
accounts-csrf-title = ⵜⴼⵓⴽⴽ ⵜⵉⵣⵉ ⵏ ⵜⵍⵖⴰ ⴰⴷ
accounts-csrf-text = ⵉ ⵜⵏⴼⵔⵓⵜ ⵏⵏⴽ, ⵓⵔ ⵜⵜⵓⵇⴱⴰⵍ ⵜⵍⵖⴰ: ⵜⵜⵓⵕⵥⵎ ⵢⴰⴷ ⴰⵟⵟⴰⵚ ⴰⵢⴰ, ⵏⵖ ⴳ ⵢⴰⵜ ⵜⵖⵉⵎⵉ ⵢⴰⴹⵏ, ⵏⵖ ⵜⵜⵓⵢⴰⵣⵏ ⵙⴳ ⵢⴰⵏ ⵓⵙⵉⵜ ⵢⴰⴹⵏ. ⵓⵔ ⵉⵜⵜⵓⵙⵏⴼⵍ ⵓⵍⴰ ⵢⴰⵜ. ⵓⵖⵓⵍ ⵖⵔ ⵜⵍⵖⴰ, ⴰⵍⵙ ⴰⵙⴰⵍⵉ ⵏⵏⵙ ⵜⴰⵣⵏⴷ ⵜⵜ ⵜⴰⵍⵙⴷ.
accounts-csrf-back = ⵓⵖⵓⵍ ⵖⵔ ⵜⵍⵖⴰ
accounts-csrf-kept = ⵎⴰ ⵜⵓⵔⵉⴷ (ⴱⵍⴰ ⵜⵉⴳⵓⵔⵉⵡⵉⵏ ⵏ ⵓⵣⵔⴰⵢ), ⵃⵎⴰ ⵓⵔ ⵉⵜⵜⵓⵍⵍⴰⵙ ⵓⵍⴰ ⵢⴰⵜ:

## ⵜⵉⵡⵓⵔⵉⵡⵉⵏ ⴷ ⵜⵔⵔⴰⵡⵉⵏ
accounts-role-staff = ⴰⵎⵙⵖⵓⵍ
accounts-role-elected-member = ⴰⵎⵙⵜⴰⵢ
accounts-role-bureau-member = ⴰⴳⵎⴰⵎ ⵏ ⵓⴱⵉⵔⵓ ⵏ ⵓⴳⵔⴰⵡ
accounts-role-moderator = ⴰⵎⵄⴰⵙ ⵏ ⵜⵓⵣⵉⵏⵉⵏ
accounts-role-association-representative = ⴰⵎⵙⴰⵡⴰⵍ ⵙ ⵉⵙⵎ ⵏ ⵜⵎⵙⵙⵓⵔⵜ
accounts-role-coordinator = ⴰⵎⵙⵎⵓⵏ
accounts-evidence-cin-shown = ⵜⴰⴽⴰⵔⴹⴰ ⵜⴰⵏⴰⵎⵓⵔⵜ ⵏ ⵜⵎⴰⴳⵉⵜ ⵜⵜⵓⵙⴽⴰⵏ ⵙ ⵉⵅⴼ ⵏⵏⵙ
accounts-evidence-residence-certificate = ⴰⵙⵍⴽⵉⵏ ⵏ ⵓⵣⴷⴰⵖ
accounts-evidence-electoral-roll = ⵜⵉⵍⴳⴰⵎⵉⵏ ⵏ ⵜⴼⵔⴰⵏⵉⵏ

## ⴰⵙⵡⵓⴷⴷⵓ
accounts-admin-users-title = ⵉⵎⵉⴹⴰⵏⵏ
accounts-admin-search = ⵙⵉⴳⴳⵍ ⵙ ⵜⵏⵙⴰ ⵏⵖ ⵙ ⵢⵉⵙⵎ
accounts-admin-search-submit = ⵙⵉⴳⴳⵍ
accounts-admin-no-users = ⵓⵔ ⵉⵜⵜⵢⴰⴼⴰ ⵓⵍⴰ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ.
accounts-admin-created = ⵉⵜⵜⵓⵙⵏⴼⵍⵓⵍ ⴳ
accounts-admin-pages = ⵜⵉⵙⵏⴰⵡⵉⵏ
accounts-admin-prev = ⵜⴰⵙⵏⴰ ⵜⴰⵣⵡⴰⵔⵓⵜ
accounts-admin-next = ⵜⴰⵙⵏⴰ ⵜⴰⴹⴼⴼⴰⵔⵜ
accounts-admin-rights = ⵉⵣⵔⴼⴰⵏ ⵏ ⵓⵙⵡⵓⴷⴷⵓ
accounts-admin-grant-admin = ⴳ ⵜ ⴷ ⴰⵏⵎⵀⴰⵍ
accounts-admin-revoke-admin = ⴽⴽⵙ ⵉⵣⵔⴼⴰⵏ ⵏ ⵓⵏⵎⵀⴰⵍ
accounts-admin-no-roles = ⵓⵍⴰ ⵢⴰⵜ ⵜⵡⵓⵔⵉ.
accounts-admin-no-residence = ⵓⵍⴰ ⴰⵣⴷⴰⵖ ⵉⵜⵜⵓⵙⵙⵏⵜⵍⵏ.
accounts-admin-membership-grant = ⴼⴽ ⵢⴰⵜ ⵜⵡⵓⵔⵉ
accounts-admin-organisation = ⵜⴰⵙⵙⵓⴷⵙⵜ
accounts-admin-role = ⵜⴰⵡⵓⵔⵉ
accounts-admin-grant = ⴼⴽ
accounts-admin-revoke = ⴽⴽⵙ
accounts-admin-admin-granted = ⴰⵎⵉⴹⴰⵏ ⵉⴳⴰ ⵖⵉⵍⴰ ⴰⵏⵎⵀⴰⵍ.
accounts-admin-admin-revoked = ⵜⵜⵓⴽⴽⵙⵏ ⵉⵣⵔⴼⴰⵏ ⵏ ⵓⵏⵎⵀⴰⵍ.
accounts-admin-role-granted = ⵜⵜⵓⴼⴽⴰ ⵜⵡⵓⵔⵉ.
accounts-admin-role-revoked = ⵜⵜⵓⴽⴽⵙ ⵜⵡⵓⵔⵉ.
accounts-admin-residence-revoked = ⵉⵜⵜⵓⴽⴽⵙ ⵓⵙⵙⵏⵜⵍ ⵏ ⵓⵣⴷⴰⵖ.

## ⴰⵙⵙⵏⵜⵍ ⵏ ⵓⵣⴷⴰⵖ (ⵉⵎⵙⵖⵓⵍⵏ)
accounts-staff-verify-title = ⵙⵙⵏⵜⵍ ⴰⵎⵣⴷⴰⵖ
accounts-staff-verify-lead = ⵣⵎⵎⴻⵎ ⵉⵙ ⵉⵣⴷⵖ ⵓⴼⵔⴷ ⵏⵏⴰ ⴷ ⵉⵍⴽⵎⵏ ⴰⵙⵔⵙ ⴳ ⵢⴰⵏ ⵓⵎⵏⴰⴹ. ⴰⵎⵣⴷⴰⵖ ⵉⵜⵜⵓⵙⵙⵏⵜⵍⵏ ⵉⵣⵎⵉⵔ ⴰⴷ ⵉⵙⵎⴰⵍ ⵜⵓⵜⵔⵉⵡⵉⵏ ⵉⴼⵔⵏ ⵉ ⵓⵎⵏⴰⴹ ⴰⴷ.
accounts-staff-no-cin = ⵥⵕ ⵜⴰⵔⵔⴰ, ⵜⵔⴰⵔⴷ ⵜⵜ: ⵓⵔ ⵜⵜⴰⵔⴰ ⴰⵎⴹⴰⵏ ⵏ ⵜⴽⴰⵔⴹⴰ ⵏ ⵜⵎⴰⴳⵉⵜ ⴳ ⵓⵍⴰ ⵢⴰⵏ ⵓⴷⵖⴰⵔ. ⵖⴰⵙ ⴰⵏⴰⵡ ⵏ ⵜⵔⵔⴰ ⴰⵢ ⵉⵜⵜⵓⵣⵎⵎⴻⵎⵏ.
accounts-staff-person-email = ⵜⴰⵏⵙⴰ ⵏ ⵓⵎⵉⴹⴰⵏ ⵏ ⵓⴼⵔⴷ
accounts-staff-territory = ⴰⵎⵏⴰⴹ ⵏ ⵓⵣⴷⴰⵖ
accounts-staff-evidence = ⵜⴰⵔⵔⴰ ⵏⵏⴰ ⴷ ⵉⵙⵙⴽⵏ
accounts-staff-verify-submit = ⵣⵎⵎⴻⵎ ⴰⵙⵙⵏⵜⵍ
accounts-staff-verified = { $name } ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⴷ ⴰⵎⵣⴷⴰⵖ ⵏ { $territory }.
accounts-staff-user-unknown = ⵓⵍⴰ ⵢⴰⵏ ⵓⵎⵉⴹⴰⵏ ⵉⵜⵜⵓⵙⵏⵜⵎⵏ ⵓⵔ ⵉⵙⵙⵎⵔⴰⵙ ⵜⴰⵏⵙⴰ ⴰⴷ. ⵙⵓⵜⵔ ⵙⴳ ⵓⴼⵔⴷ ⴰⴷ ⵉⵙⵏⴼⵍⵓⵍ ⴰⵎⵉⴹⴰⵏ ⵏⵏⵙ ⵉⵙⵏⵜⵎ ⵜ ⵣⵡⴰⵔ.
accounts-staff-not-yourself = ⵓⵔ ⵜⵣⵎⵉⵔⴷ ⴰⴷ ⵜⵙⵙⵏⵜⵍⴷ ⴰⵣⴷⴰⵖ ⵏⵏⴽ ⵙ ⵉⵅⴼ ⵏⵏⴽ: ⵙⵓⵜⵔ ⵜ ⵙⴳ ⵢⴰⵏ ⵓⵎⴷⴷⴰⴽⴽⵯⵍ.
accounts-staff-territory-not-allowed = ⵜⵣⵎⵉⵔⴷ ⴰⴷ ⵜⵙⵙⵏⵜⵍⴷ ⵉⵎⵣⴷⴰⵖⵏ ⵖⴰⵙ ⴳ ⵉⵎⵏⴰⴹⵏ ⵏ ⵜⵙⵙⵓⴷⵙⵜ ⵏⵏⴽ.

## ⵜⵓⵣⵉⵏⵉⵏ ⵏ ⵉⵎⴰⵢⵍ
accounts-mail-greeting = ⴰⵣⵓⵍ { $name },
accounts-mail-signature = — ⵏⵓⵛⴰⵔⵉⴽ, ⵜⴰⵙⵏⵙⵍⵜ ⵏ ⵜⵓⵎⵙⴰⵙⴰ ⵜⴰⵖⵍⵏⴰⵡⵜ
accounts-mail-confirm-subject = ⵙⵏⵜⵎ ⵜⴰⵏⵙⴰ ⵏⵏⴽ ⴳ ⵏⵓⵛⴰⵔⵉⴽ
accounts-mail-confirm-body = ⴰⵏⵙⵓⴼ ⵢⵉⵙⴽ ⴳ ⵏⵓⵛⴰⵔⵉⴽ. ⴰⴷ ⵜⵙⵎⵔⵙⴷ ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ, ⵙⵏⵜⵎ ⵜⴰⵏⵙⴰ ⵏ ⵉⵎⴰⵢⵍ ⵏⵏⴽ ⵙ ⵓⵣⴷⴰⵢ ⴷⴷⴰⵡ. ⵉⵜⵜⵓⵙⵎⵔⴰⵙ ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ, ⴳ 48 ⵏ ⵜⵙⵔⴰⴳⵉⵏ.
accounts-mail-confirm-action = ⵙⵏⵜⵎ ⵜⴰⵏⵙⴰ ⵉⵏⵓ
accounts-mail-confirm-after = ⵎⴽ ⵓⵔ ⵜⵙⵏⴼⵍⵍⴷ ⴰⵎⵉⴹⴰⵏ ⴰⴷ, ⴰⵊⵊ ⵜⵓⵣⵉⵏⵜ ⴰⴷ: ⵓⵔ ⵔⴰⴷ ⵉⵊⵕⵓ ⵓⵍⴰ ⵢⴰⵜ.
accounts-mail-existing-subject = ⴰⵔⵎ ⵏ ⵓⵣⵎⵎⴻⵎ ⵙ ⵜⵏⵙⴰ ⵏⵏⴽ
accounts-mail-existing-body = ⵢⴰⵏ ⵓⴼⵔⴷ ⵢⵓⵔⵎ ⴰⴷ ⵉⵙⵏⴼⵍⵓⵍ ⴰⵎⵉⴹⴰⵏ ⴳ ⵏⵓⵛⴰⵔⵉⴽ ⵙ ⵜⵏⵙⴰ ⵏⵏⴽ, ⵏⵏⴰ ⵖⵓⵔ ⵉⵍⵍⴰ ⵢⴰⴷ ⵓⵎⵉⴹⴰⵏ. ⵎⴽ ⴷ ⴽⵢⵢ, ⴽⵛⵎ; ⵎⴽ ⵜⵜⵓⴷ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ, ⵙⵜⵉ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵙ ⵓⵣⴷⴰⵢ ⴷⴷⴰⵡ.
accounts-mail-existing-action = ⵙⵜⵉ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ
accounts-mail-existing-after = ⵎⴽ ⵓⵔ ⴷ ⴽⵢⵢ, ⴰⵊⵊ ⵜⵓⵣⵉⵏⵜ ⴰⴷ: ⴰⵎⵉⴹⴰⵏ ⵏⵏⴽ ⵓⵔ ⵉⵜⵜⵓⵙⵏⴼⵍ.
accounts-mail-reset-subject = ⵙⵜⵉ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ ⴳ ⵏⵓⵛⴰⵔⵉⴽ
accounts-mail-reset-body = ⵜⵜⵓⵙⵓⵜⵔ ⵢⴰⵜ ⵜⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ ⵉ ⵓⵎⵉⴹⴰⵏ ⵏⵏⴽ. ⵙⵜⵉ ⵜⵜ ⵙ ⵓⵣⴷⴰⵢ ⴷⴷⴰⵡ. ⵉⵜⵜⵓⵙⵎⵔⴰⵙ ⵢⴰⵜ ⵜⵉⴽⴽⵍⵜ, ⴳ ⵢⴰⵜ ⵜⵙⵔⴰⴳⵜ.
accounts-mail-reset-action = ⵙⵜⵉ ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵜⴰⵎⴰⵢⵏⵓⵜ
accounts-mail-reset-after = ⵎⴽ ⵓⵔ ⵜⵜ ⵜⵙⵓⵜⵔⴷ, ⴰⵊⵊ ⵜⵓⵣⵉⵏⵜ ⴰⴷ: ⵜⴰⴳⵓⵔⵉ ⵏ ⵓⵣⵔⴰⵢ ⵏⵏⴽ ⵓⵔ ⵜⵜⵓⵙⵏⴼⵍ.
