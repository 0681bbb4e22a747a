# Territoires, organisations et registre des associations (src/territory).
territory-nav = Territoires
territory-admin-nav = Territoires (admin)
territory-nav-associations = Associations

territory-level-region = Région
territory-level-prefecture = Préfecture
territory-level-province = Province
territory-level-commune = Commune
territory-level-arrondissement = Arrondissement

territory-kind-council = Conseil
territory-kind-bureau = Bureau du conseil
territory-kind-standing-committee = Commission permanente
territory-kind-consultative-body = Instance consultative
territory-kind-coordination-cell = Cellule de coordination
territory-kind-association = Association

territory-topic-equality = Équité, égalité des chances et approche genre
territory-topic-youth = Jeunesse
territory-topic-economic-actors = Acteurs économiques

territory-field-civic-participation = Participation citoyenne
territory-field-human-rights = Droits humains
territory-field-women-equality = Droits des femmes et égalité
territory-field-youth = Jeunesse
territory-field-childhood = Enfance
territory-field-disability = Handicap
territory-field-education = Éducation et alphabétisation
territory-field-health = Santé
territory-field-environment = Environnement
territory-field-culture = Culture et patrimoine
territory-field-sport = Sport
territory-field-social-development = Développement social
territory-field-local-development = Développement local

territory-standing-good = En situation régulière
territory-standing-not-good = En situation irrégulière

territory-lang-ar = Arabe
territory-lang-fr = Français
territory-lang-zgh = Tamazight
territory-lang-en = Anglais

territory-demo = Données de démonstration
territory-to-confirm = Chiffre à confirmer
territory-json = Ces données en JSON
territory-breadcrumb = Vous êtes ici

territory-index-title = Territoires
territory-index-intro = La région, ses préfectures et provinces, ses communes et leurs arrondissements, avec leur population légale issue du recensement général.
territory-table-caption = Territoires et population légale
territory-col-name = Nom
territory-col-level = Niveau
territory-col-population = Population légale
territory-col-census = Recensement
territory-col-code = Code
territory-col-kind = Type

territory-population = Population légale : { $population } habitants (recensement { $year })
territory-source = Source du chiffre : { $source }
territory-names-caption = Noms officiels
territory-col-language = Langue
territory-children-caption = Subdivisions de { $name }
territory-no-children = Aucune subdivision n'est enregistrée.
territory-council-title = Conseil
territory-no-council = Aucun conseil n'est encore enregistré.
territory-bodies-caption = Bureau, commissions et instances consultatives du conseil
territory-cells-title = Cellules de coordination
territory-associations-title = Associations
territory-associations-link = Associations ayant leur siège ou une antenne à { $name }

territory-org-kind = Type
territory-org-topic = Thème
territory-org-territory = Territoire
territory-org-council = Conseil
territory-org-none = Aucun élément enregistré.

territory-registry-title = Registre des associations
territory-registry-intro = Les associations (organisations de la société civile) connues de la plateforme : siège, antennes, domaines d'activité et situation. Filtrez par territoire (subdivisions comprises) ou par domaine.
territory-filter-legend = Filtrer le registre
territory-filter-territory = Territoire
territory-filter-field = Domaine d'activité
territory-filter-any = Tous
territory-filter-submit = Afficher
territory-registry-caption = { $count ->
    [0] Aucune association
    [one] 1 association
   *[other] { $count } associations
}
territory-col-association = Association
territory-col-seat = Siège
territory-col-fields = Domaines d'activité
territory-col-standing = Situation
territory-col-created = Créée le
territory-registry-empty = Aucune association ne correspond à ces filtres.

territory-assoc-legal-name-ar = Dénomination légale en arabe
territory-assoc-legal-name-fr = Dénomination légale en français
territory-assoc-created = Créée le
territory-assoc-seat = Siège
territory-assoc-branches = Antennes
territory-assoc-no-branch = Aucune antenne
territory-assoc-fields = Domaines d'activité
territory-assoc-standing = Situation
territory-assoc-standing-on = Établie le
territory-assoc-standing-note = Note
territory-assoc-representative = Représentant·e légal·e
territory-assoc-petition-ok = Remplit les conditions du registre pour une pétition d'association (constituée depuis plus de 3 ans, en situation régulière).
territory-assoc-petition-not = Ne remplit pas les conditions du registre pour une pétition d'association (constituée depuis plus de 3 ans, en situation régulière).

territory-admin-title = Territoires et organisations : administration
territory-admin-intro = Ajouter des communes et des arrondissements, enregistrer des organisations et des associations, tenir le registre à jour. Chaque modification est inscrite au journal d'audit.
territory-admin-add-territory = Ajouter une commune ou un arrondissement
territory-admin-import = Importer des communes et des arrondissements (CSV)
territory-admin-add-org = Ajouter une organisation
territory-admin-add-assoc = Enregistrer une association
territory-admin-edit = Modifier
territory-admin-edit-org = Modifier une organisation
territory-admin-edit-assoc = Modifier une association
territory-admin-set-standing = Changer la situation
territory-admin-orgs-caption = Conseils, instances et cellules de coordination
territory-admin-assocs-caption = Associations enregistrées

territory-form-errors-title = Certains champs sont à corriger
territory-form-error-in = { $field } : { $problem }
territory-form-required = obligatoire
territory-form-optional = facultatif
territory-form-code = Code
territory-form-code-hint = Identifiant stable utilisé dans les adresses : 2 à 64 caractères parmi a–z, 0–9 et le tiret, par exemple commune-assilah.
territory-form-level = Niveau
territory-form-parent = Territoire parent
territory-form-name-ar = Nom en arabe
territory-form-name-fr = Nom en français
territory-form-name-zgh = Nom en tamazight (tifinagh)
territory-form-name-en = Nom en anglais
territory-form-population = Population légale
territory-form-census-year = Année du recensement
territory-form-source = Source du chiffre
territory-form-kind = Type
territory-form-topic = Thème (instances consultatives seulement)
territory-form-territory = Territoire
territory-form-council = Conseil de rattachement (bureau, commissions, instances consultatives)
territory-form-none = Aucun
territory-form-seat = Siège
territory-form-created-on = Date de création (AAAA-MM-JJ)
territory-form-standing = Situation
territory-form-standing-on = Situation établie le (AAAA-MM-JJ)
territory-form-standing-note = Note sur la situation
territory-form-representative = Nom du représentant ou de la représentante légale
territory-form-fields = Domaines d'activité
territory-form-branches = Antennes (autres territoires)
territory-form-legal-name-ar = Dénomination légale en arabe
territory-form-legal-name-fr = Dénomination légale en français
territory-form-submit = Enregistrer
territory-saved = Les modifications sont enregistrées.

territory-import-intro = Déposez un fichier CSV encodé en UTF-8 dont la première ligne nomme les colonnes ci-dessous, dans n'importe quel ordre, séparées par des virgules (ou des points-virgules). Chaque ligne ajoute une commune ou un arrondissement ; son parent peut être un territoire existant ou une ligne plus haut dans le même fichier.
territory-import-all-or-nothing = L'import se fait en entier ou pas du tout : si une ligne pose problème, aucune ligne n'est importée et chaque problème est indiqué avec sa ligne et sa colonne. Corrigez le fichier et déposez-le à nouveau : rien n'est fait à moitié, il n'y a donc rien à nettoyer.
territory-import-columns-caption = Colonnes du fichier
territory-import-col-column = Colonne
territory-import-col-required = Obligatoire
territory-import-col-meaning = Signification
territory-import-yes = oui
territory-import-no = non
territory-import-meaning-code = Code stable du nouveau territoire (a–z, 0–9, tirets)
territory-import-meaning-level = commune ou arrondissement
territory-import-meaning-parent-code = Code du parent : une préfecture ou une province pour une commune, une commune pour un arrondissement
territory-import-meaning-name-ar = Nom en arabe
territory-import-meaning-name-fr = Nom en français
territory-import-meaning-name-zgh = Nom en tamazight, en tifinagh
territory-import-meaning-name-en = Nom en anglais
territory-import-meaning-population = Population légale (nombre entier positif)
territory-import-meaning-census-year = Année du recensement dont vient la population
territory-import-meaning-source = Provenance du chiffre
territory-import-template = Télécharger le modèle (CSV)
territory-import-file = Fichier CSV
territory-import-submit = Vérifier et importer
territory-import-report-caption = { $count ->
    [one] 1 problème trouvé : rien n'a été importé
   *[other] { $count } problèmes trouvés : rien n'a été importé
}
territory-import-col-row = Ligne
territory-import-col-problem = Problème
territory-import-whole-row = ligne entière
territory-import-done = { $count ->
    [one] 1 territoire importé.
   *[other] { $count } territoires importés.
}
territory-import-no-file = Choisissez un fichier CSV à importer.
territory-import-too-big = Le fichier dépasse 2 Mo.

territory-problem-required = Ce champ est obligatoire.
territory-problem-too-long = { $max } caractères au plus.
territory-problem-control-characters = Les tabulations, retours à la ligne et autres caractères de contrôle ne sont pas admis ici.
territory-problem-bad-code = Utilisez 2 à 64 caractères parmi a–z, 0–9 et le tiret (ni au début, ni à la fin, jamais deux de suite).
territory-problem-not-arabic = Le nom arabe doit être écrit en lettres arabes.
territory-problem-not-tifinagh = Le nom tamazight doit être écrit en tifinagh.
territory-problem-not-a-number = Écrivez un nombre entier avec les chiffres 0 à 9.
territory-problem-not-positive = La population doit être supérieure à zéro.
territory-problem-too-large = { $max } au plus.
territory-problem-year-out-of-range = L'année doit être comprise entre { $min } et { $max }.
territory-problem-unknown-level = Niveau inconnu : utilisez region, prefecture, province, commune ou arrondissement.
territory-problem-level-not-allowed = Seules des communes et des arrondissements peuvent être ajoutés ; régions, préfectures et provinces sont fixées par décret.
territory-problem-parent-required = Ce territoire doit avoir un parent.
territory-problem-parent-not-allowed = Une région n'a pas de parent.
territory-problem-wrong-parent-level = Le parent doit être de niveau { $expected }.
territory-problem-unknown-parent = Aucun territoire ne porte ce code.
territory-problem-duplicate-code = Ce code est déjà utilisé.
territory-problem-bad-encoding = Le texte n'est pas de l'UTF-8 valide : enregistrez le fichier au format « CSV UTF-8 ».
territory-problem-missing-column = Cette colonne obligatoire manque dans la première ligne.
territory-problem-duplicate-column = Cette colonne figure deux fois dans la première ligne.
territory-problem-unknown-column = Colonne inconnue.
territory-problem-csv-syntax = La ligne est illisible : vérifiez les guillemets et le nombre de colonnes.
territory-problem-empty-file = Le fichier ne contient aucune ligne de données.
territory-problem-too-many-rows = { $max } lignes au plus par fichier.
territory-problem-bad-date = Écrivez la date sous la forme AAAA-MM-JJ, par exemple 2015-03-01.
territory-problem-date-in-future = La date ne peut pas être dans le futur.
territory-problem-unknown-kind = Type d'organisation inconnu.
territory-problem-unknown-topic = Thème inconnu.
territory-problem-topic-mismatch = Une instance consultative a un thème ; les autres organisations n'en ont pas.
territory-problem-topic-not-at-level = La loi ne prévoit cette instance consultative qu'au niveau régional.
territory-problem-council-required = Choisissez le conseil de rattachement, dans le même territoire.
territory-problem-parent-organisation-not-allowed = Ce type d'organisation n'est pas rattaché à un conseil.
territory-problem-kind-not-at-level = Les cellules de coordination sont régionales ou locales (commune).
territory-problem-unknown-activity-field = Domaine d'activité inconnu.
territory-problem-no-activity-field = Choisissez au moins un domaine d'activité.
territory-problem-unknown-standing = Situation inconnue.
territory-problem-unknown-territory = Territoire inconnu.
territory-problem-branch-is-seat = Une antenne ne peut pas se trouver dans le territoire du siège.
territory-problem-already-exists = Il en existe déjà un : un conseil par territoire, un bureau par conseil.
