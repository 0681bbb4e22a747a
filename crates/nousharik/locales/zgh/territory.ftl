# ⵉⵎⵏⴰⴹⵏ, ⵜⵉⵎⵙⵙⵏⵜⵉⵢⵉⵏ ⴷ ⵓⵎⵍⵍⵉⵙ ⵏ ⵜⵎⵙⵙⵓⵔⴰ (src/territory). Tifinagh, IRCAM orthography.
# Plurals select on exact numbers ([1]) because CLDR has no plural rules for zgh.
# Several administrative terms here have no settled standard form: see the README's
# "Tamazight wording to review" list before production.
territory-nav = ⵉⵎⵏⴰⴹⵏ
territory-admin-nav = ⵉⵎⵏⴰⴹⵏ (ⴰⵙⵡⵓⴷⴷⵓ)
territory-nav-associations = ⵜⵉⵎⵙⵙⵓⵔⴰ

territory-level-region = ⵜⴰⵎⵏⴰⴹⵜ
territory-level-prefecture = ⵜⴰⵎⵏⴱⴰⴹⵜ
territory-level-province = ⵜⴰⵙⴳⴰ
territory-level-commune = ⵜⴰⴳⵎⴰⵙⵜ
territory-level-arrondissement = ⴰⴳⵣⵣⵓⵎ

territory-kind-council = ⴰⴳⵔⴰⵡ
territory-kind-bureau = ⴰⴱⵉⵔⵓ ⵏ ⵓⴳⵔⴰⵡ
territory-kind-standing-committee = ⵜⴰⵙⵇⵇⵉⵎⵜ ⵜⵓⵏⵚⵉⴱⵜ
territory-kind-consultative-body = ⵜⴰⵎⵙⵙⵏⵜⵉⵜ ⵏ ⵓⵙⵇⵙⵉ
territory-kind-coordination-cell = ⵜⴰⵖⵔⴼⵜ ⵏ ⵓⵙⵎⵢⴰⵡⴰⵙ
territory-kind-association = ⵜⴰⵎⵙⵙⵓⵔⵜ

territory-topic-equality = ⵜⴰⵏⵎⴳⴰⴷⴰ, ⵜⴰⵏⵎⴳⴰⴷⴰ ⵏ ⵜⵎⵏⵜⴰⵍ ⴷ ⵓⵎⵓⴷⴷⵓ ⵏ ⵓⵏⴰⵡ
territory-topic-youth = ⵜⵉⵎⵥⵉ
territory-topic-economic-actors = ⵉⵎⵙⴳⴰⵏⴰⵢⵏ ⵉⴷⴰⵎⵙⴰⵏⵏ

territory-field-civic-participation = ⵜⵓⵎⵙⴰⵙⴰ ⵜⴰⵖⵍⵏⴰⵡⵜ
territory-field-human-rights = ⵉⵣⵔⴼⴰⵏ ⵏ ⵓⴼⴳⴰⵏ
territory-field-women-equality = ⵉⵣⵔⴼⴰⵏ ⵏ ⵜⵎⵖⴰⵔⵉⵏ ⴷ ⵜⵏⵎⴳⴰⴷⴰ
territory-field-youth = ⵜⵉⵎⵥⵉ
territory-field-childhood = ⵉⵔⴱⴰⵏ
territory-field-disability = ⵉⵎⴷⴷⵓⴽⴰⵍ ⴳ ⵓⴷⴷⴰⴷ ⵏ ⵜⵏⵓⴽⵔⴰ
territory-field-education = ⴰⵙⴳⵎⵉ ⴷ ⵓⵙⵖⵔ
territory-field-health = ⵜⴰⴷⵓⵙⵉ
territory-field-environment = ⵜⴰⵡⵏⵏⴰⴹⵜ
territory-field-culture = ⵜⴰⴷⵍⵙⴰ ⴷ ⵓⴽⴰⵙⴰ
territory-field-sport = ⴰⵙⴱⵓⵔ
territory-field-social-development = ⴰⵏⴰⴼⵓⴽ ⴰⵏⴰⵎⵓⵏ
territory-field-local-development = ⴰⵏⴰⴼⵓⴽ ⴰⴷⵖⵔⴰⵏ

territory-standing-good = ⴳ ⵓⴷⴷⴰⴷ ⴰⵏⵥⵎⴰⵢ ⵉⵖⵓⴷⴰⵏ
territory-standing-not-good = ⵓⵔ ⵍⵍⵉⵏ ⴳ ⵓⴷⴷⴰⴷ ⴰⵏⵥⵎⴰⵢ ⵉⵖⵓⴷⴰⵏ

territory-lang-ar = ⵜⴰⵄⵔⴰⴱⵜ
territory-lang-fr = ⵜⴰⴼⵕⴰⵏⵙⵉⵙⵜ
territory-lang-zgh = ⵜⴰⵎⴰⵣⵉⵖⵜ
territory-lang-en = ⵜⴰⵏⴳⵍⵉⵣⵜ

territory-demo = ⵉⵙⴼⴽⴰ ⵏ ⵓⵙⴽⴰⵏ
territory-to-confirm = ⴰⵎⴹⴰⵏ ⵉⵍⴰⵇ ⴰⴷ ⵉⵜⵜⵓⵙⵏⵜⵎ
territory-json = ⵉⵙⴼⴽⴰ ⴰⴷ ⵙ JSON
territory-breadcrumb = ⵜⵍⵍⵉⴷ ⴷⴰ

territory-index-title = ⵉⵎⵏⴰⴹⵏ
territory-index-intro = ⵜⴰⵎⵏⴰⴹⵜ, ⵜⵉⵎⵏⴱⴰⴹⵉⵏ ⴷ ⵜⵙⴳⵉⵡⵉⵏ ⵏⵏⵙ, ⵜⵉⴳⵎⴰⵙⵉⵏ ⴷ ⵉⴳⵣⵣⵓⵎⵏ ⵏⵏⵙⵏⵜ, ⴷ ⵓⵎⴹⴰⵏ ⴰⵏⵥⵎⴰⵢ ⵏ ⵉⵎⵣⴷⴰⵖⵏ ⵏⵏⵙⵏ ⵙⴳ ⵓⵙⵉⴹⵏ ⴰⵎⴰⴷⴷⵓⴷ.
territory-table-caption = ⵉⵎⵏⴰⴹⵏ ⴷ ⵓⵎⴹⴰⵏ ⴰⵏⵥⵎⴰⵢ ⵏ ⵉⵎⵣⴷⴰⵖⵏ
territory-col-name = ⵉⵙⵎ
territory-col-level = ⴰⵙⵡⵉⵔ
territory-col-population = ⴰⵎⴹⴰⵏ ⴰⵏⵥⵎⴰⵢ ⵏ ⵉⵎⵣⴷⴰⵖⵏ
territory-col-census = ⴰⵙⵉⴹⵏ
territory-col-code = ⴰⵏⴰⵎⴰⵍ
territory-col-kind = ⴰⵏⴰⵡ

territory-population = ⴰⵎⴹⴰⵏ ⴰⵏⵥⵎⴰⵢ ⵏ ⵉⵎⵣⴷⴰⵖⵏ: { $population } (ⴰⵙⵉⴹⵏ ⵏ { $year })
territory-source = ⴰⵙⴰⴳⵎ ⵏ ⵓⵎⴹⴰⵏ: { $source }
territory-names-caption = ⵉⵙⵎⴰⵡⵏ ⵓⵏⵚⵉⴱⵏ
territory-col-language = ⵜⵓⵜⵍⴰⵢⵜ
territory-children-caption = ⵉⴼⵔⴷⵉⵙⵏ ⵏ { $name }
territory-no-children = ⵓⵔ ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⴽⵔⴰ ⵏ ⵓⴼⵔⴷⵉⵙ.
territory-council-title = ⴰⴳⵔⴰⵡ
territory-no-council = ⵓⵔ ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⴽⵔⴰ ⵏ ⵓⴳⵔⴰⵡ ⴰⵔ ⴷⵖⵉ.
territory-bodies-caption = ⴰⴱⵉⵔⵓ, ⵜⵉⵙⵇⵇⵉⵎⵉⵏ ⴷ ⵜⵎⵙⵙⵏⵜⵉⵢⵉⵏ ⵏ ⵓⵙⵇⵙⵉ ⵏ ⵓⴳⵔⴰⵡ
territory-cells-title = ⵜⵉⵖⵔⴼⵉⵏ ⵏ ⵓⵙⵎⵢⴰⵡⴰⵙ
territory-associations-title = ⵜⵉⵎⵙⵙⵓⵔⴰ
territory-associations-link = ⵜⵉⵎⵙⵙⵓⵔⴰ ⵍⵍⵉ ⵖⵓⵔ ⵍⵍⴰⵏ ⴰⵏⵙⴰ ⵏⵏⵙⵏⵜ ⵏⵖ ⵢⴰⵜ ⵜⴼⵔⴽⵉⵜ ⴳ { $name }

territory-org-kind = ⴰⵏⴰⵡ
territory-org-topic = ⴰⵙⵏⵜⵍ
territory-org-territory = ⴰⵎⵏⴰⴹ
territory-org-council = ⴰⴳⵔⴰⵡ
territory-org-none = ⵓⵔ ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⵡⴰⵍⵓ.

territory-registry-title = ⴰⵎⵍⵍⵉⵙ ⵏ ⵜⵎⵙⵙⵓⵔⴰ
territory-registry-intro = ⵜⵉⵎⵙⵙⵓⵔⴰ (ⵜⵉⵎⵙⵙⵏⵜⵉⵢⵉⵏ ⵏ ⵜⴰⵎⵙⵙⵓⵔⵜ ⵜⴰⵖⵔⴼⴰⵏⵜ) ⵍⵍⵉ ⵉⵙⵙⵏ ⵜⴰⵙⵏⵙⵍⵜ: ⴰⵏⵙⴰ, ⵜⵉⴼⵔⴽⵉⵡⵉⵏ, ⵉⴳⵔⴰⵏ ⵏ ⵜⵉⴳⴰⵡⵜ ⴷ ⵓⴷⴷⴰⴷ ⴰⵏⵥⵎⴰⵢ. ⵙⵙⵉⴼⴹ ⵙ ⵓⵎⵏⴰⴹ (ⴷ ⵉⴼⵔⴷⵉⵙⵏ ⵏⵏⵙ) ⵏⵖ ⵙ ⵉⴳⵔ ⵏ ⵜⵉⴳⴰⵡⵜ.
territory-filter-legend = ⵙⵙⵉⴼⴹ ⴰⵎⵍⵍⵉⵙ
territory-filter-territory = ⴰⵎⵏⴰⴹ
territory-filter-field = ⵉⴳⵔ ⵏ ⵜⵉⴳⴰⵡⵜ
territory-filter-any = ⴰⴽⴽⵯ
territory-filter-submit = ⵙⵎⴰⵍ
territory-registry-caption = { $count ->
    [0] ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵎⵙⵙⵓⵔⵜ
    [1] ⵢⴰⵜ ⵜⵎⵙⵙⵓⵔⵜ
   *[other] { $count } ⵏ ⵜⵎⵙⵙⵓⵔⴰ
}
territory-col-association = ⵜⴰⵎⵙⵙⵓⵔⵜ
territory-col-seat = ⴰⵏⵙⴰ
territory-col-fields = ⵉⴳⵔⴰⵏ ⵏ ⵜⵉⴳⴰⵡⵜ
territory-col-standing = ⴰⴷⴷⴰⴷ ⴰⵏⵥⵎⴰⵢ
territory-col-created = ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵙⵏⵜⵉ
territory-registry-empty = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⵎⵙⵙⵓⵔⵜ ⵉⵎⵙⴰⵙⴰⵏ ⴷ ⵉⵙⵉⴼⴹⵏ ⴰⴷ.

territory-assoc-legal-name-ar = ⵉⵙⵎ ⴰⵏⵥⵎⴰⵢ ⵙ ⵜⵄⵔⴰⴱⵜ
territory-assoc-legal-name-fr = ⵉⵙⵎ ⴰⵏⵥⵎⴰⵢ ⵙ ⵜⴼⵕⴰⵏⵙⵉⵙⵜ
territory-assoc-created = ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵙⵏⵜⵉ
territory-assoc-seat = ⴰⵏⵙⴰ
territory-assoc-branches = ⵜⵉⴼⵔⴽⵉⵡⵉⵏ
territory-assoc-no-branch = ⵓⵔ ⵜⵍⵍⵉ ⴽⵔⴰ ⵏ ⵜⴼⵔⴽⵉⵜ
territory-assoc-fields = ⵉⴳⵔⴰⵏ ⵏ ⵜⵉⴳⴰⵡⵜ
territory-assoc-standing = ⴰⴷⴷⴰⴷ ⴰⵏⵥⵎⴰⵢ
territory-assoc-standing-on = ⵉⵜⵜⵓⵙⵏⵜⵎ ⴳ
territory-assoc-standing-note = ⵜⴰⵎⴰⵜⴰⵔⵜ
territory-assoc-representative = ⴰⵎⵙⴷⴰⵡ ⴰⵏⵥⵎⴰⵢ
territory-assoc-petition-ok = ⵜⵙⵎⴰⴷ ⵜⵉⵡⵜⵉⵍⵉⵏ ⵏ ⵓⵎⵍⵍⵉⵙ ⵉ ⵜⵓⵜⵔⴰ ⵏ ⵜⵎⵙⵙⵓⵔⵜ (ⵜⵜⵓⵙⵏⵜⵉ ⴷⴳ ⵓⴳⴳⴰⵔ ⵏ 3 ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ, ⴳ ⵓⴷⴷⴰⴷ ⴰⵏⵥⵎⴰⵢ ⵉⵖⵓⴷⴰⵏ).
territory-assoc-petition-not = ⵓⵔ ⵜⵙⵎⴰⴷ ⵜⵉⵡⵜⵉⵍⵉⵏ ⵏ ⵓⵎⵍⵍⵉⵙ ⵉ ⵜⵓⵜⵔⴰ ⵏ ⵜⵎⵙⵙⵓⵔⵜ (ⵜⵜⵓⵙⵏⵜⵉ ⴷⴳ ⵓⴳⴳⴰⵔ ⵏ 3 ⵏ ⵉⵙⴳⴳⵯⴰⵙⵏ, ⴳ ⵓⴷⴷⴰⴷ ⴰⵏⵥⵎⴰⵢ ⵉⵖⵓⴷⴰⵏ).

territory-admin-title = ⵉⵎⵏⴰⴹⵏ ⴷ ⵜⵎⵙⵙⵏⵜⵉⵢⵉⵏ: ⴰⵙⵡⵓⴷⴷⵓ
territory-admin-intro = ⵔⵏⵓ ⵜⵉⴳⵎⴰⵙⵉⵏ ⴷ ⵉⴳⵣⵣⵓⵎⵏ, ⵣⵎⵎⴻⵎ ⵜⵉⵎⵙⵙⵏⵜⵉⵢⵉⵏ ⴷ ⵜⵎⵙⵙⵓⵔⴰ, ⵙⵎⴰⵢⵏⵓ ⴰⵎⵍⵍⵉⵙ. ⴽⵓ ⴰⵙⵏⴼⵍ ⵉⵜⵜⵓⵣⵎⵎⴻⵎ ⴳ ⵓⵎⵍⵍⵉⵙ ⵏ ⵓⴹⴼⴼⵓⵕ.
territory-admin-add-territory = ⵔⵏⵓ ⵜⴰⴳⵎⴰⵙⵜ ⵏⵖ ⴰⴳⵣⵣⵓⵎ
territory-admin-import = ⵙⴽⵛⵎ ⵜⵉⴳⵎⴰⵙⵉⵏ ⴷ ⵉⴳⵣⵣⵓⵎⵏ (CSV)
territory-admin-add-org = ⵔⵏⵓ ⵜⴰⵎⵙⵙⵏⵜⵉⵜ
territory-admin-add-assoc = ⵣⵎⵎⴻⵎ ⵜⴰⵎⵙⵙⵓⵔⵜ
territory-admin-edit = ⵙⵏⴼⵍ
territory-admin-edit-org = ⵙⵏⴼⵍ ⵜⴰⵎⵙⵙⵏⵜⵉⵜ
territory-admin-edit-assoc = ⵙⵏⴼⵍ ⵜⴰⵎⵙⵙⵓⵔⵜ
territory-admin-set-standing = ⵙⵏⴼⵍ ⴰⴷⴷⴰⴷ ⴰⵏⵥⵎⴰⵢ
territory-admin-orgs-caption = ⵉⴳⵔⴰⵡⵏ, ⵜⵉⵎⵙⵙⵏⵜⵉⵢⵉⵏ ⴷ ⵜⵖⵔⴼⵉⵏ ⵏ ⵓⵙⵎⵢⴰⵡⴰⵙ
territory-admin-assocs-caption = ⵜⵉⵎⵙⵙⵓⵔⴰ ⵉⵜⵜⵓⵣⵎⵎⴻⵎⵏ

territory-form-errors-title = ⴽⵔⴰ ⵏ ⵉⴳⵔⴰⵏ ⵉⵍⴰⵇ ⴰⴷ ⵜⵏ ⵜⵙⵖⵓⴷⵓⴷ
territory-form-error-in = { $field }: { $problem }
territory-form-required = ⵉⵍⴰⵇ
territory-form-optional = ⵓⵔ ⵉⵍⴰⵇ
territory-form-code = ⴰⵏⴰⵎⴰⵍ
territory-form-code-hint = ⴰⵏⴰⵎⴰⵍ ⵉⵔⵙⵏ ⵍⵍⵉ ⵉⵜⵜⵓⵙⵎⵔⴰⵙⵏ ⴳ ⵜⵏⵙⵉⵡⵉⵏ: ⵙⴳ 2 ⴰⵔ 64 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴳⵔ a–z, 0–9 ⴷ ⵓⵣⵔⵉⵔⴳ, ⵎⴷ commune-assilah.
territory-form-level = ⴰⵙⵡⵉⵔ
territory-form-parent = ⴰⵎⵏⴰⴹ ⴰⵎⵇⵇⵔⴰⵏ
territory-form-name-ar = ⵉⵙⵎ ⵙ ⵜⵄⵔⴰⴱⵜ
territory-form-name-fr = ⵉⵙⵎ ⵙ ⵜⴼⵕⴰⵏⵙⵉⵙⵜ
territory-form-name-zgh = ⵉⵙⵎ ⵙ ⵜⵎⴰⵣⵉⵖⵜ (ⵜⵉⴼⵉⵏⴰⵖ)
territory-form-name-en = ⵉⵙⵎ ⵙ ⵜⵏⴳⵍⵉⵣⵜ
territory-form-population = ⴰⵎⴹⴰⵏ ⴰⵏⵥⵎⴰⵢ ⵏ ⵉⵎⵣⴷⴰⵖⵏ
territory-form-census-year = ⴰⵙⴳⴳⵯⴰⵙ ⵏ ⵓⵙⵉⴹⵏ
territory-form-source = ⴰⵙⴰⴳⵎ ⵏ ⵓⵎⴹⴰⵏ
territory-form-kind = ⴰⵏⴰⵡ
territory-form-topic = ⴰⵙⵏⵜⵍ (ⵉ ⵜⵎⵙⵙⵏⵜⵉⵢⵉⵏ ⵏ ⵓⵙⵇⵙⵉ ⵡⴰⵃⴷⵓⵜⵏⵜ)
territory-form-territory = ⴰⵎⵏⴰⴹ
territory-form-council = ⴰⴳⵔⴰⵡ ⵍⵍⵉ ⵖⵓⵔ ⵜⵓⵖⵓⵍ (ⴰⴱⵉⵔⵓ, ⵜⵉⵙⵇⵇⵉⵎⵉⵏ, ⵜⵉⵎⵙⵙⵏⵜⵉⵢⵉⵏ ⵏ ⵓⵙⵇⵙⵉ)
territory-form-none = ⵡⴰⵍⵓ
territory-form-seat = ⴰⵏⵙⴰ
territory-form-created-on = ⴰⵙⴰⴽⵓⴷ ⵏ ⵓⵙⵏⵜⵉ (YYYY-MM-DD)
territory-form-standing = ⴰⴷⴷⴰⴷ ⴰⵏⵥⵎⴰⵢ
territory-form-standing-on = ⴰⴷⴷⴰⴷ ⵉⵜⵜⵓⵙⵏⵜⵎ ⴳ (YYYY-MM-DD)
territory-form-standing-note = ⵜⴰⵎⴰⵜⴰⵔⵜ ⵅⴼ ⵓⴷⴷⴰⴷ
territory-form-representative = ⵉⵙⵎ ⵏ ⵓⵎⵙⴷⴰⵡ ⴰⵏⵥⵎⴰⵢ
territory-form-fields = ⵉⴳⵔⴰⵏ ⵏ ⵜⵉⴳⴰⵡⵜ
territory-form-branches = ⵜⵉⴼⵔⴽⵉⵡⵉⵏ (ⵉⵎⵏⴰⴹⵏ ⵢⴰⴹⵏ)
territory-form-legal-name-ar = ⵉⵙⵎ ⴰⵏⵥⵎⴰⵢ ⵙ ⵜⵄⵔⴰⴱⵜ
territory-form-legal-name-fr = ⵉⵙⵎ ⴰⵏⵥⵎⴰⵢ ⵙ ⵜⴼⵕⴰⵏⵙⵉⵙⵜ
territory-form-submit = ⵃⴹⵓ
territory-saved = ⵉⵙⵏⴼⴰⵍⵏ ⵜⵜⵓⵃⴹⴰⵏ.

territory-import-intro = ⵙⵙⴽⵛⵎ ⴰⴼⴰⵢⵍⵓ CSV ⵙ UTF-8 ⵎⵉ ⵉⵙⵎⵎⴰ ⵓⵣⵔⵉⵔⴳ ⴰⵎⵣⵡⴰⵔⵓ ⵜⵉⴳⵊⴷⵉⵡⵉⵏ ⵏⵏⴰ ⴷⴷⴰⵡ, ⵙ ⴽⵓ ⴰⵙⵏⵜⵍ, ⵙⵙⵓⵜⵍⵏⵜ ⵜⵉⵙⵙⴰⵡⵉⵏ (ⵏⵖ ⵜⵉⵙⵙⴰⵡⵉⵏ-ⵜⵉⵏⵇⵇⵉⴹⵉⵏ). ⴽⵓ ⴰⵣⵔⵉⵔⴳ ⵉⵔⵏⵓ ⵜⴰⴳⵎⴰⵙⵜ ⵏⵖ ⴰⴳⵣⵣⵓⵎ; ⴰⵎⵏⴰⴹ ⴰⵎⵇⵇⵔⴰⵏ ⵏⵏⵙ ⵉⵣⵎⵔ ⴰⴷ ⵉⴳ ⴰⵎⵏⴰⴹ ⵉⵍⵍⴰⵏ ⵏⵖ ⴰⵣⵔⵉⵔⴳ ⴷ ⵉⵣⵔⵉⵏ ⴳ ⵢⴰⵏ ⵓⴼⴰⵢⵍⵓ.
territory-import-all-or-nothing = ⴰⵙⴽⵛⵎ ⵉⵜⵜⵉⵍⵉ ⴰⴽⴽⵯ ⵏⵖ ⵡⴰⵍⵓ: ⵎⴽ ⵉⵍⵍⴰ ⵓⵖⴱⴰⵍⵓ ⴳ ⵢⴰⵏ ⵓⵣⵔⵉⵔⴳ, ⵓⵔ ⵉⴽⵛⵉⵎ ⵡⴰⵍⵓ ⴷ ⴽⵓ ⴰⵖⴱⴰⵍⵓ ⵉⵜⵜⵓⵙⵎⴰⵍ ⴷ ⵓⵣⵔⵉⵔⴳ ⴷ ⵜⴳⵊⴷⵉⵜ ⵏⵏⵙ. ⵙⵖⵓⴷⵓ ⴰⴼⴰⵢⵍⵓ ⵜⵙⵙⴽⵛⵎⴷ ⵜ ⵜⴰⵔⵎⵉⵜ: ⵓⵔ ⵉⵜⵜⵓⴳ ⵡⴰⵍⵓ ⵙ ⵓⵣⴳⵏ, ⵓⵔ ⵉⵍⵍⵉ ⵎⴰ ⵉⵜⵜⵓⵙⵣⴷⴰⴳⵏ.
territory-import-columns-caption = ⵜⵉⴳⵊⴷⵉⵡⵉⵏ ⵏ ⵓⴼⴰⵢⵍⵓ
territory-import-col-column = ⵜⴰⴳⵊⴷⵉⵜ
territory-import-col-required = ⵉⵍⴰⵇ
territory-import-col-meaning = ⴰⵏⴰⵎⴽ
territory-import-yes = ⵢⴰⵀ
territory-import-no = ⵓⵀⵓ
territory-import-meaning-code = ⴰⵏⴰⵎⴰⵍ ⵉⵔⵙⵏ ⵏ ⵓⵎⵏⴰⴹ ⴰⵎⴰⵢⵏⵓ (a–z, 0–9, ⴰⵣⵔⵉⵔⴳ)
territory-import-meaning-level = commune (ⵜⴰⴳⵎⴰⵙⵜ) ⵏⵖ arrondissement (ⴰⴳⵣⵣⵓⵎ)
territory-import-meaning-parent-code = ⴰⵏⴰⵎⴰⵍ ⵏ ⵓⵎⵏⴰⴹ ⴰⵎⵇⵇⵔⴰⵏ: ⵜⴰⵎⵏⴱⴰⴹⵜ ⵏⵖ ⵜⴰⵙⴳⴰ ⵉ ⵜⴳⵎⴰⵙⵜ, ⵜⴰⴳⵎⴰⵙⵜ ⵉ ⵓⴳⵣⵣⵓⵎ
territory-import-meaning-name-ar = ⵉⵙⵎ ⵙ ⵜⵄⵔⴰⴱⵜ
territory-import-meaning-name-fr = ⵉⵙⵎ ⵙ ⵜⴼⵕⴰⵏⵙⵉⵙⵜ
territory-import-meaning-name-zgh = ⵉⵙⵎ ⵙ ⵜⵎⴰⵣⵉⵖⵜ, ⵙ ⵜⵉⴼⵉⵏⴰⵖ
territory-import-meaning-name-en = ⵉⵙⵎ ⵙ ⵜⵏⴳⵍⵉⵣⵜ
territory-import-meaning-population = ⴰⵎⴹⴰⵏ ⴰⵏⵥⵎⴰⵢ ⵏ ⵉⵎⵣⴷⴰⵖⵏ (ⴰⵎⴹⴰⵏ ⴰⵎⴷⴷⴰⴷ ⵓⴳⴳⴰⵔ ⵏ 0)
territory-import-meaning-census-year = ⴰⵙⴳⴳⵯⴰⵙ ⵏ ⵓⵙⵉⴹⵏ ⵙⴳ ⵉ ⴷ ⵉⴽⴽⴰ ⵓⵎⴹⴰⵏ
territory-import-meaning-source = ⴰⵙⴰⴳⵎ ⵏ ⵓⵎⴹⴰⵏ
territory-import-template = ⴰⴳⵎ ⴰⵎⴷⵢⴰ (CSV)
territory-import-file = ⴰⴼⴰⵢⵍⵓ CSV
territory-import-submit = ⵙⵙⵏⵜⵍ ⵜⵙⴽⵛⵎⴷ
territory-import-report-caption = { $count ->
    [1] ⵢⴰⵏ ⵓⵖⴱⴰⵍⵓ: ⵓⵔ ⵉⴽⵛⵉⵎ ⵡⴰⵍⵓ
   *[other] { $count } ⵏ ⵉⵖⴱⴰⵍⵓⵜⵏ: ⵓⵔ ⵉⴽⵛⵉⵎ ⵡⴰⵍⵓ
}
territory-import-col-row = ⴰⵣⵔⵉⵔⴳ
territory-import-col-problem = ⴰⵖⴱⴰⵍⵓ
territory-import-whole-row = ⴰⵣⵔⵉⵔⴳ ⴰⴽⴽⵯ
territory-import-done = { $count ->
    [1] ⵢⴰⵏ ⵓⵎⵏⴰⴹ ⵉⴽⵛⵎ.
   *[other] { $count } ⵏ ⵉⵎⵏⴰⴹⵏ ⴽⵛⵎⵏ.
}
territory-import-no-file = ⴼⵔⵏ ⴰⴼⴰⵢⵍⵓ CSV ⴰⴷ ⵜ ⵜⵙⴽⵛⵎⴷ.
territory-import-too-big = ⴰⴼⴰⵢⵍⵓ ⵢⵓⴳⵔ 2 MB.

territory-problem-required = ⴰⵏⵙⴰ ⴰⴷ ⵉⵍⴰⵇ.
territory-problem-too-long = { $max } ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⵎⴰⵕⵕⴰ.
territory-problem-control-characters = ⵓⵔ ⵜⵜⵓⵙⵓⵔⴳⵏⵜ ⴷⴰ ⵜⵉⴳⵣⵣⵓⵎⵉⵏ ⵏ ⵓⵣⵔⵉⵔⴳ ⴷ ⵉⵙⴽⴽⵉⵍⵏ ⵏ ⵓⵙⵡⵓⴷⴷⵓ.
territory-problem-bad-code = ⵙⵙⵎⵔⵙ ⵙⴳ 2 ⴰⵔ 64 ⵏ ⵉⵙⴽⴽⵉⵍⵏ ⴳⵔ a–z, 0–9 ⴷ ⵓⵣⵔⵉⵔⴳ (ⵓⵔ ⴳ ⵜⵉⵣⵡⵉⵔⵉ, ⵓⵔ ⴳ ⵜⵉⴳⵉⵔⴰ, ⵓⵔ ⵙⵉⵏ ⴷⴷⴰⵜ ⵙ ⵙⵉⵏ).
territory-problem-not-arabic = ⵉⵙⵎ ⵙ ⵜⵄⵔⴰⴱⵜ ⵉⵍⴰⵇ ⴰⴷ ⵉⵜⵜⵓⵢⴰⵔⵓ ⵙ ⵉⵙⴽⴽⵉⵍⵏ ⵉⵄⵔⴰⴱⵏ.
territory-problem-not-tifinagh = ⵉⵙⵎ ⵙ ⵜⵎⴰⵣⵉⵖⵜ ⵉⵍⴰⵇ ⴰⴷ ⵉⵜⵜⵓⵢⴰⵔⵓ ⵙ ⵜⵉⴼⵉⵏⴰⵖ.
territory-problem-not-a-number = ⴰⵔⵓ ⴰⵎⴹⴰⵏ ⴰⵎⴷⴷⴰⴷ ⵙ ⵉⵎⴹⴰⵏⵏ 0–9.
territory-problem-not-positive = ⴰⵎⴹⴰⵏ ⵏ ⵉⵎⵣⴷⴰⵖⵏ ⵉⵍⴰⵇ ⴰⴷ ⵢⵓⴳⵔ 0.
territory-problem-too-large = { $max } ⵎⴰⵕⵕⴰ.
territory-problem-year-out-of-range = ⴰⵙⴳⴳⵯⴰⵙ ⵉⵍⴰⵇ ⴰⴷ ⵉⵍⵉ ⴳⵔ { $min } ⴷ { $max }.
territory-problem-unknown-level = ⴰⵙⵡⵉⵔ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴰⵏ: ⵙⵙⵎⵔⵙ region, prefecture, province, commune ⵏⵖ arrondissement.
territory-problem-level-not-allowed = ⵜⵉⴳⵎⴰⵙⵉⵏ ⴷ ⵉⴳⵣⵣⵓⵎⵏ ⴽⴰ ⴰⵢⴰ ⵉⵜⵜⵓⵔⵏⴰⵏ; ⵜⵉⵎⵏⴰⴹⵉⵏ, ⵜⵉⵎⵏⴱⴰⴹⵉⵏ ⴷ ⵜⵙⴳⵉⵡⵉⵏ ⵜⵜⵓⵙⵏⵜⴰⵎⵏⵜ ⵙ ⵓⵙⵓⵖⵍ.
territory-problem-parent-required = ⴰⵎⵏⴰⴹ ⴰⴷ ⵉⵍⴰⵇ ⴰⵙ ⵓⵎⵏⴰⴹ ⴰⵎⵇⵇⵔⴰⵏ.
territory-problem-parent-not-allowed = ⵜⴰⵎⵏⴰⴹⵜ ⵓⵔ ⵖⵓⵔⵙ ⴰⵎⵏⴰⴹ ⴰⵎⵇⵇⵔⴰⵏ.
territory-problem-wrong-parent-level = ⴰⵎⵏⴰⴹ ⴰⵎⵇⵇⵔⴰⵏ ⵉⵍⴰⵇ ⴰⴷ ⵉⴳ { $expected }.
territory-problem-unknown-parent = ⵓⵔ ⵉⵍⵍⵉ ⴽⵔⴰ ⵏ ⵓⵎⵏⴰⴹ ⵙ ⵓⵏⴰⵎⴰⵍ ⴰⴷ.
territory-problem-duplicate-code = ⴰⵏⴰⵎⴰⵍ ⴰⴷ ⵉⵜⵜⵓⵙⵎⵔⴰⵙ ⵢⴰⴷ.
territory-problem-bad-encoding = ⴰⴹⵔⵉⵙ ⵓⵔ ⵉⴳⵉ UTF-8 ⵉⵖⵓⴷⴰⵏ: ⵃⴹⵓ ⴰⴼⴰⵢⵍⵓ ⵙ ⵜⴰⵍⵖⴰ «CSV UTF-8».
territory-problem-missing-column = ⵜⴰⴳⵊⴷⵉⵜ ⴰⴷ ⵉⵍⴰⵇⵏ ⵓⵔ ⵜⵍⵍⵉ ⴳ ⵓⵣⵔⵉⵔⴳ ⴰⵎⵣⵡⴰⵔⵓ.
territory-problem-duplicate-column = ⵜⴰⴳⵊⴷⵉⵜ ⴰⴷ ⵜⵍⵍⴰ ⵙⵉⵏ ⵜⵉⴽⴽⴰⵍ ⴳ ⵓⵣⵔⵉⵔⴳ ⴰⵎⵣⵡⴰⵔⵓ.
territory-problem-unknown-column = ⵜⴰⴳⵊⴷⵉⵜ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴰⵏ.
territory-problem-csv-syntax = ⴰⵣⵔⵉⵔⴳ ⵓⵔ ⵉⵜⵜⵓⵖⵔⴰ: ⵙⵙⵏⵜⵍ ⵜⵉⵙⵎⴽⵜⴰⵢⵉⵏ ⴷ ⵓⵎⴹⴰⵏ ⵏ ⵜⴳⵊⴷⵉⵡⵉⵏ.
territory-problem-empty-file = ⴰⴼⴰⵢⵍⵓ ⵓⵔ ⵉⵍⵍⵉ ⴳⵉⵙ ⴽⵔⴰ ⵏ ⵓⵣⵔⵉⵔⴳ ⵏ ⵉⵙⴼⴽⴰ.
territory-problem-too-many-rows = { $max } ⵏ ⵉⵣⵔⵉⵔⴳⵏ ⵎⴰⵕⵕⴰ ⴳ ⴽⵓ ⴰⴼⴰⵢⵍⵓ.
territory-problem-bad-date = ⴰⵔⵓ ⴰⵙⴰⴽⵓⴷ ⵙ ⵜⴰⵍⵖⴰ YYYY-MM-DD, ⵎⴷ 2015-03-01.
territory-problem-date-in-future = ⴰⵙⴰⴽⵓⴷ ⵓⵔ ⵉⵣⵎⵉⵔ ⴰⴷ ⵉⵍⵉ ⴳ ⵜⵙⴽⴽⵉⵏⵜ.
territory-problem-unknown-kind = ⴰⵏⴰⵡ ⵏ ⵜⵎⵙⵙⵏⵜⵉⵜ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴰⵏ.
territory-problem-unknown-topic = ⴰⵙⵏⵜⵍ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴰⵏ.
territory-problem-topic-mismatch = ⵜⴰⵎⵙⵙⵏⵜⵉⵜ ⵏ ⵓⵙⵇⵙⵉ ⵖⵓⵔⵙ ⴰⵙⵏⵜⵍ; ⵜⵉⵎⵙⵙⵏⵜⵉⵢⵉⵏ ⵢⴰⴹⵏⵉⵏ ⵓⵔ ⵖⵓⵔⵙⵏⵜ.
territory-problem-topic-not-at-level = ⴰⵙⵏⴼⵍⵓⵍ ⵓⵔ ⵉⵙⵙⵓⵜⵍ ⵜⴰⵎⵙⵙⵏⵜⵉⵜ ⴰⴷ ⴱⵍⴰ ⴳ ⵓⵙⵡⵉⵔ ⵏ ⵜⵎⵏⴰⴹⵜ.
territory-problem-council-required = ⴼⵔⵏ ⴰⴳⵔⴰⵡ ⵍⵍⵉ ⵖⵓⵔ ⵜⵓⵖⵓⵍ, ⴳ ⵢⴰⵏ ⵓⵎⵏⴰⴹ.
territory-problem-parent-organisation-not-allowed = ⴰⵏⴰⵡ ⴰⴷ ⵏ ⵜⵎⵙⵙⵏⵜⵉⵜ ⵓⵔ ⵉⵜⵜⵓⵖⵓⵍ ⵖⵔ ⵓⴳⵔⴰⵡ.
territory-problem-kind-not-at-level = ⵜⵉⵖⵔⴼⵉⵏ ⵏ ⵓⵙⵎⵢⴰⵡⴰⵙ ⴷ ⵜⵉⵎⵏⴰⴹⵉⵏ ⵏⵖ ⵜⵉⴷⵖⵔⴰⵏⵉⵏ (ⵜⴰⴳⵎⴰⵙⵜ).
territory-problem-unknown-activity-field = ⵉⴳⵔ ⵏ ⵜⵉⴳⴰⵡⵜ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴰⵏ.
territory-problem-no-activity-field = ⴼⵔⵏ ⵢⴰⵏ ⵉⴳⵔ ⵏ ⵜⵉⴳⴰⵡⵜ ⵎⴰⵏⵣⴰ.
territory-problem-unknown-standing = ⴰⴷⴷⴰⴷ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴰⵏ.
territory-problem-unknown-territory = ⴰⵎⵏⴰⴹ ⵓⵔ ⵉⵜⵜⵓⵙⵙⵏⴰⵏ.
territory-problem-branch-is-seat = ⵜⴰⴼⵔⴽⵉⵜ ⵓⵔ ⵜⵣⵎⵉⵔ ⴰⴷ ⵜⵉⵍⵉ ⴳ ⵓⵎⵏⴰⴹ ⵏ ⵓⵏⵙⴰ.
territory-problem-already-exists = ⵉⵍⵍⴰ ⵢⴰⴷ: ⵢⴰⵏ ⵓⴳⵔⴰⵡ ⴳ ⴽⵓ ⴰⵎⵏⴰⴹ, ⵢⴰⵏ ⵓⴱⵉⵔⵓ ⴳ ⴽⵓ ⴰⴳⵔⴰⵡ.
