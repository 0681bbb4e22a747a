# Tamazight (Tifinagh, IRCAM orthography). Plurals select on exact numbers ([1]) because CLDR
# has no plural rules for zgh (see src/platform/i18n.rs).
platform-name = ⵏⵓⵛⴰⵔⵉⴽ
platform-tagline = ⵜⴰⵙⵏⵙⵍⵜ ⵏ ⵜⵓⵎⵙⴰⵙⴰ ⵜⴰⵖⵍⵏⴰⵡⵜ ⴳ ⵜⵎⵏⴰⴹⵜ ⴷ ⵜⴳⵎⴰⵙⵉⵏ ⵏⵏⵙ
platform-skip = ⴷⴷⵓ ⵖⵔ ⵓⴳⴱⵓⵔ
platform-nav-label = ⵜⴰⵍⴳⴰⵎⵜ ⵜⴰⴳⵊⴷⴰⵏⵜ
platform-nav-home = ⵜⴰⵙⵏⴰ ⵜⴰⵏⵎⵣⵡⴰⵔⵓⵜ
platform-lang-label = ⵜⵓⵜⵍⴰⵢⵜ
platform-footer-about = ⵏⵓⵛⴰⵔⵉⴽ ⴷ ⵜⴰⵙⵏⵙⵍⵜ ⵜⴰⵍⴻⵍⵍⵉⵜ ⵏ ⵜⵓⵎⵙⴰⵙⴰ ⵜⴰⵖⵍⵏⴰⵡⵜ, ⵜⵜⵙⵡⵓⴷⴷⵓⵢ ⵜⵜ ⵜⵎⵏⴰⴹⵜ ⴷ ⵜⴳⵎⴰⵙⵉⵏ ⵏⵏⵙ.
platform-footer-licence = ⴰⵙⵖⵏⵙ ⴰⵍⴻⵍⵍⵉ ⵙ ⵜⵙⵓⵔⴳⵜ AGPL-3.0.
platform-back-home = ⵓⵖⵓⵍ ⵖⵔ ⵜⵙⵏⴰ ⵜⴰⵏⵎⵣⵡⴰⵔⵓⵜ
platform-not-found-title = ⵜⴰⵙⵏⴰ ⵓⵔ ⵜⵍⵍⵉ
platform-not-found-text = ⵓⵔ ⵏⵓⴼⵉ ⵜⴰⵙⵏⴰ ⵏⵏⴰ ⵜⵙⵉⴳⴳⵍⴷ. ⵀⴰⵏⵏ ⵜⴰⵏⵙⴰ ⵏⵏⵙ ⵜⵙⵏⴼⵍ ⵏⵖ ⵜⵜⵓⴽⴽⵙ.
platform-error-title = ⵜⵍⵍⴰ ⵜⵣⴳⵍⵜ
platform-error-text = ⵜⵍⵍⴰ ⵜⵣⴳⵍⵜ ⵖⵓⵔⵏⵖ. ⴰⵍⵙ ⵜⴰⵔⵎⵉⵜ ⴷⴼⴼⵉⵔ ⵢⴰⵏ ⵓⵣⵎⵣ; ⵜⵜⵓⵣⵎⵎⴻⵎ ⵜⵣⴳⵍⵜ ⴰⴷ ⵜⵜ ⵏⵙⵖⵓⴷⵓ.
platform-bad-request-title = ⵜⵓⵜⵔⴰ ⵓⵔ ⵉⵖⵓⴷⴰⵏ
platform-bad-request-text = ⵓⵔ ⵜⵣⵎⵉⵔ ⵜⵓⵜⵔⴰ ⴰⴷ ⵜⵜⵓⵙⵎⵔⵙ. ⵙⵙⵏⵜⵍ ⵜⵉⵏⴼⵓⵙⵉⵏ ⵜⴰⵍⵙⴷ ⵜⴰⵔⵎⵉⵜ.
platform-forbidden-title = ⵓⵔ ⵉⵜⵜⵓⵙⵓⵔⴳ
platform-forbidden-text = ⵓⵔ ⴷⴰⵔⴽ ⴰⵣⵔⴼ ⴰⴷ ⵜⴳⴷ ⴰⵢⴰ.
platform-unauthorized-title = ⵉⵍⴰⵇ ⵓⴽⵛⵓⵎ
platform-unauthorized-text = ⴽⵛⵎ ⴰⴷ ⵜⴽⵎⵎⵍⴷ.
platform-conflict-title = ⴰⵎⵢⴰⵡⴰⵍ
platform-conflict-text = ⵜⵉⵏⴼⵓⵙⵉⵏ ⴰⴷ ⵜⵜⵓⵙⵏⴼⵍⵏⵜ ⴳ ⵓⵣⵎⵣ ⴰⴷ. ⴰⵍⵙ ⴰⵙⴰⵍⵉ ⵏ ⵜⵙⵏⴰ ⵜⴰⵍⵙⴷ ⵜⴰⵔⵎⵉⵜ.
platform-too-many-title = ⵜⵓⵜⵔⵉⵡⵉⵏ ⴳⵓⵜⵏⵉⵏ
platform-too-many-text = ⵜⵙⵡⵉⵜⵔⴷ ⵜⵓⵜⵔⵉⵡⵉⵏ ⴳⵓⵜⵏⵉⵏ ⴳ ⵢⴰⵏ ⵓⵣⵎⵣ ⵉⵎⵥⵥⵉⵏ. ⵔⴰⵊⵓ ⵛⵉⵟ ⵜⴰⵍⵙⴷ ⵜⴰⵔⵎⵉⵜ.
platform-unavailable-title = ⵜⴰⵏⴰⴼⵓⵜ ⵓⵔ ⵜⵍⵍⵉ ⵖⵉⵍⴰ
platform-unavailable-text = ⵜⴰⵙⵉⵍⴰ ⵏ ⵢⵉⵙⴼⴽⴰ ⵓⵔ ⴷ ⵜⵜⵔⴰⵔ ⵖⵉⵍⴰ. ⴰⵍⵙ ⵜⴰⵔⵎⵉⵜ ⴷⴼⴼⵉⵔ ⵢⴰⵏ ⵓⵣⵎⵣ.
platform-bad-language = ⵜⵓⵜⵍⴰⵢⵜ ⴰⴷ ⵓⵔ ⵜⵍⵍⵉ. ⵜⵓⵜⵍⴰⵢⵉⵏ ⵉⵍⵍⴰⵏ: ⵜⴰⵄⵔⴰⴱⵜ, ⵜⴰⴼⵕⴰⵏⵙⵉⵙⵜ, ⵜⴰⵎⴰⵣⵉⵖⵜ ⴷ ⵜⵏⴳⵍⵉⵣⵜ.
platform-welcome-name = ⴰⵣⵓⵍ, { $name }!
platform-languages-count = { $count ->
    [1] ⵜⵍⵍⴰ ⵙ ⵢⴰⵏ ⵜⵓⵜⵍⴰⵢⵜ
   *[other] ⵜⵍⵍⴰ ⵙ { $count } ⵜⵓⵜⵍⴰⵢⵉⵏ
}
