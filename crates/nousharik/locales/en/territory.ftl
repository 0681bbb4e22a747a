# Territories, organisations and the association registry (src/territory).
territory-nav = Territories
territory-admin-nav = Territories (admin)
territory-nav-associations = Associations

territory-level-region = Region
territory-level-prefecture = Prefecture
territory-level-province = Province
territory-level-commune = Commune
territory-level-arrondissement = Arrondissement

territory-kind-council = Council
territory-kind-bureau = Council bureau
territory-kind-standing-committee = Standing committee
territory-kind-consultative-body = Consultative body
territory-kind-coordination-cell = Coordination cell
territory-kind-association = Association

territory-topic-equality = Equality, equal opportunities and gender
territory-topic-youth = Youth
territory-topic-economic-actors = Economic actors

territory-field-civic-participation = Citizen participation
territory-field-human-rights = Human rights
territory-field-women-equality = Women's rights and equality
territory-field-youth = Youth
territory-field-childhood = Childhood
territory-field-disability = Disability
territory-field-education = Education and literacy
territory-field-health = Health
territory-field-environment = Environment
territory-field-culture = Culture and heritage
territory-field-sport = Sport
territory-field-social-development = Social development
territory-field-local-development = Local development

territory-standing-good = In good standing
territory-standing-not-good = Not in good standing

territory-lang-ar = Arabic
territory-lang-fr = French
territory-lang-zgh = Tamazight
territory-lang-en = English

territory-demo = Demo data
territory-to-confirm = Figure to confirm
territory-json = These data as JSON
territory-breadcrumb = You are here

territory-index-title = Territories
territory-index-intro = The region, its prefectures and provinces, its communes and their arrondissements, with their legal population from the general census.
territory-table-caption = Territories and legal population
territory-col-name = Name
territory-col-level = Level
territory-col-population = Legal population
territory-col-census = Census
territory-col-code = Code
territory-col-kind = Kind

territory-population = Legal population: { $population } inhabitants (census { $year })
territory-source = Source of the figure: { $source }
territory-names-caption = Official names
territory-col-language = Language
territory-children-caption = Subdivisions of { $name }
territory-no-children = No subdivision is recorded.
territory-council-title = Council
territory-no-council = No council is recorded yet.
territory-bodies-caption = Bureau, committees and consultative bodies of the council
territory-cells-title = Coordination cells
territory-associations-title = Associations
territory-associations-link = Associations with their seat or a branch in { $name }

territory-org-kind = Kind
territory-org-topic = Topic
territory-org-territory = Territory
territory-org-council = Council
territory-org-none = None is recorded.

territory-registry-title = Association registry
territory-registry-intro = Associations (civil-society organisations) known to the platform: seat, branches, fields of activity and standing. Filter by territory (its subdivisions included) or by field.
territory-filter-legend = Filter the registry
territory-filter-territory = Territory
territory-filter-field = Field of activity
territory-filter-any = All
territory-filter-submit = Show
territory-registry-caption = { $count ->
    [0] No association
    [one] 1 association
   *[other] { $count } associations
}
territory-col-association = Association
territory-col-seat = Seat
territory-col-fields = Fields of activity
territory-col-standing = Standing
territory-col-created = Created on
territory-registry-empty = No association matches these filters.

territory-assoc-legal-name-ar = Legal name in Arabic
territory-assoc-legal-name-fr = Legal name in French
territory-assoc-created = Created on
territory-assoc-seat = Seat
territory-assoc-branches = Branches
territory-assoc-no-branch = No branch
territory-assoc-fields = Fields of activity
territory-assoc-standing = Standing
territory-assoc-standing-on = Established on
territory-assoc-standing-note = Note
territory-assoc-representative = Legal representative
territory-assoc-petition-ok = Meets the registry's conditions for an association petition (constituted for more than 3 years, in good standing).
territory-assoc-petition-not = Does not meet the registry's conditions for an association petition (constituted for more than 3 years, in good standing).

territory-admin-title = Territories and organisations: administration
territory-admin-intro = Add communes and arrondissements, register organisations and associations, and keep the registry up to date. Every change is recorded in the audit log.
territory-admin-add-territory = Add a commune or an arrondissement
territory-admin-import = Import communes and arrondissements (CSV)
territory-admin-add-org = Add an organisation
territory-admin-add-assoc = Register an association
territory-admin-edit = Edit
territory-admin-edit-org = Edit an organisation
territory-admin-edit-assoc = Edit an association
territory-admin-set-standing = Change the standing
territory-admin-orgs-caption = Councils, bodies and coordination cells
territory-admin-assocs-caption = Registered associations

territory-form-errors-title = Some fields need your attention
territory-form-error-in = { $field }: { $problem }
territory-form-required = required
territory-form-optional = optional
territory-form-code = Code
territory-form-code-hint = Stable identifier used in addresses: 2 to 64 characters among a–z, 0–9 and hyphens, e.g. commune-assilah.
territory-form-level = Level
territory-form-parent = Parent territory
territory-form-name-ar = Name in Arabic
territory-form-name-fr = Name in French
territory-form-name-zgh = Name in Tamazight (Tifinagh)
territory-form-name-en = Name in English
territory-form-population = Legal population
territory-form-census-year = Census year
territory-form-source = Source of the figure
territory-form-kind = Kind
territory-form-topic = Topic (consultative bodies only)
territory-form-territory = Territory
territory-form-council = Council it belongs to (bureau, committees, consultative bodies)
territory-form-none = None
territory-form-seat = Seat
territory-form-created-on = Date of creation (YYYY-MM-DD)
territory-form-standing = Standing
territory-form-standing-on = Standing established on (YYYY-MM-DD)
territory-form-standing-note = Note on the standing
territory-form-representative = Name of the legal representative
territory-form-fields = Fields of activity
territory-form-branches = Branches (other territories)
territory-form-legal-name-ar = Legal name in Arabic
territory-form-legal-name-fr = Legal name in French
territory-form-submit = Save
territory-saved = The changes are saved.

territory-import-intro = Upload a CSV file encoded in UTF-8 whose first line names the columns below, in any order, separated by commas (or semicolons). Each row adds one commune or arrondissement; its parent may be an existing territory or a row above it in the same file.
territory-import-all-or-nothing = The import is all or nothing: when a row has a problem, no row is imported and every problem is listed with its row and column. Correct the file and upload it again: nothing is half done, so nothing needs cleaning up.
territory-import-columns-caption = Columns of the file
territory-import-col-column = Column
territory-import-col-required = Required
territory-import-col-meaning = Meaning
territory-import-yes = yes
territory-import-no = no
territory-import-meaning-code = Stable code of the new territory (a–z, 0–9, hyphens)
territory-import-meaning-level = commune or arrondissement
territory-import-meaning-parent-code = Code of the parent: a prefecture or province for a commune, a commune for an arrondissement
territory-import-meaning-name-ar = Name in Arabic
territory-import-meaning-name-fr = Name in French
territory-import-meaning-name-zgh = Name in Tamazight, in Tifinagh
territory-import-meaning-name-en = Name in English
territory-import-meaning-population = Legal population (a positive whole number)
territory-import-meaning-census-year = Year of the census the population comes from
territory-import-meaning-source = Where the figure comes from
territory-import-template = Download the template (CSV)
territory-import-file = CSV file
territory-import-submit = Check and import
territory-import-report-caption = { $count ->
    [one] 1 problem found: nothing was imported
   *[other] { $count } problems found: nothing was imported
}
territory-import-col-row = Row
territory-import-col-problem = Problem
territory-import-whole-row = whole row
territory-import-done = { $count ->
    [one] 1 territory imported.
   *[other] { $count } territories imported.
}
territory-import-no-file = Choose a CSV file to import.
territory-import-too-big = The file is larger than 2 MB.

territory-problem-required = This field is required.
territory-problem-too-long = At most { $max } characters.
territory-problem-control-characters = Tabs, line breaks and other control characters are not allowed here.
territory-problem-bad-code = Use 2 to 64 characters among a–z, 0–9 and hyphens (not at the start or end, never two in a row).
territory-problem-not-arabic = The Arabic name must be written in Arabic letters.
territory-problem-not-tifinagh = The Tamazight name must be written in Tifinagh.
territory-problem-not-a-number = Write a whole number with the digits 0–9.
territory-problem-not-positive = The population must be greater than zero.
territory-problem-too-large = At most { $max }.
territory-problem-year-out-of-range = The year must be between { $min } and { $max }.
territory-problem-unknown-level = Unknown level: use region, prefecture, province, commune or arrondissement.
territory-problem-level-not-allowed = Only communes and arrondissements can be added; regions, prefectures and provinces are set by decree.
territory-problem-parent-required = This territory needs a parent.
territory-problem-parent-not-allowed = A region has no parent.
territory-problem-wrong-parent-level = The parent must be a { $expected }.
territory-problem-unknown-parent = No territory has this code.
territory-problem-duplicate-code = This code is already used.
territory-problem-bad-encoding = The text is not valid UTF-8: save the file as "CSV UTF-8".
territory-problem-missing-column = This required column is missing from the first line.
territory-problem-duplicate-column = This column appears twice in the first line.
territory-problem-unknown-column = Unknown column.
territory-problem-csv-syntax = The line cannot be read: check the quotes and the number of columns.
territory-problem-empty-file = The file has no data row.
territory-problem-too-many-rows = At most { $max } rows per file.
territory-problem-bad-date = Write the date as YYYY-MM-DD, for example 2015-03-01.
territory-problem-date-in-future = The date cannot be in the future.
territory-problem-unknown-kind = Unknown kind of organisation.
territory-problem-unknown-topic = Unknown topic.
territory-problem-topic-mismatch = A consultative body needs a topic; other organisations have none.
territory-problem-topic-not-at-level = The law provides this consultative body only at the regional level.
territory-problem-council-required = Choose the council it belongs to, in the same territory.
territory-problem-parent-organisation-not-allowed = This kind of organisation does not belong to a council.
territory-problem-kind-not-at-level = Coordination cells are regional or local (commune).
territory-problem-unknown-activity-field = Unknown field of activity.
territory-problem-no-activity-field = Choose at least one field of activity.
territory-problem-unknown-standing = Unknown standing.
territory-problem-unknown-territory = Unknown territory.
territory-problem-branch-is-seat = A branch cannot be in the seat territory itself.
territory-problem-already-exists = There is already one: one council per territory, one bureau per council.
