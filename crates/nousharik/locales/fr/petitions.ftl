# Pétitions aux conseils (lois organiques 111.14, 112.14, 113.14) et dossiers nationaux.
petitions-nav = Pétitions
petitions-register-title = Registre des pétitions
petitions-register-lead = Toutes les pétitions ouvertes aux signatures ou déposées auprès d’un conseil, avec leur état et leur historique daté complet.
petitions-register-empty = Aucune pétition ne correspond à ces filtres.
petitions-register-count = { $count ->
    [one] Une pétition
   *[other] { $count } pétitions
}
petitions-mine-title = Mes pétitions
petitions-new-link = Rédiger une pétition
petitions-open-data = Données ouvertes :
petitions-filter-territory = Territoire
petitions-filter-level = Niveau
petitions-filter-state = État
petitions-filter-kind = Type
petitions-filter-all = Tous
petitions-filter-apply = Filtrer
petitions-col-title = Titre
petitions-col-state = État
petitions-col-signatures = Signatures
petitions-overdue = en retard
petitions-overdue-long = La décision du conseil est en retard : le délai légal est dépassé.

petitions-state-draft = Brouillon
petitions-state-open = Ouverte aux signatures
petitions-state-deposited = Déposée, en attente de la décision du bureau
petitions-state-admissible = Recevable
petitions-state-inadmissible = Irrecevable
petitions-state-referred = Renvoyée à une commission permanente
petitions-state-on-agenda = Inscrite à l’ordre du jour du conseil
petitions-state-decided = Décidée par le conseil
petitions-state-withdrawn = Retirée
petitions-state-submitted-nationally = Dossier exporté vers le portail national

petitions-level-region = Conseil régional
petitions-level-prefecture-province = Conseil préfectoral ou provincial
petitions-level-commune = Conseil communal
petitions-level-national-petition = Pétition nationale (Chef du gouvernement ou Parlement)
petitions-level-legislative-motion = Motion législative
petitions-kind-citizen = Pétition citoyenne
petitions-kind-association = Pétition associative

petitions-ground-constitutional-constants = Elle touche aux constantes de l’article 1 de la Constitution
petitions-ground-outside-competence = Elle ne relève pas des compétences du conseil
petitions-ground-signatures-insufficient = Nombre de signatures valides insuffisant
petitions-ground-association-conditions = L’association ne remplit pas les conditions légales
petitions-ground-documents-missing = Des pièces justificatives requises manquent
petitions-mark-checked = vérifié
petitions-mark-to-confirm = à confirmer

petitions-fact-council = Conseil
petitions-fact-kind = Type
petitions-fact-association = Association
petitions-fact-field = Domaine d’activité
petitions-fact-representative = Mandataire
petitions-fact-deputy = Mandataire suppléant
petitions-fact-filed = Déposée sur la plateforme le
petitions-fact-receipt = Numéro de récépissé
petitions-fact-deposited = Déposée le
petitions-fact-deadline = Date limite de décision
petitions-fact-admissibility = Décision du bureau le
petitions-fact-ground = Motif légal du refus
petitions-fact-bureau-reasons = Motivation du bureau
petitions-fact-committee = Commission permanente
petitions-fact-session = Session du conseil
petitions-fact-decision = Décision du conseil
petitions-fact-votes = Votes
petitions-fact-decided = Décidée le
petitions-fact-rules = Règles appliquées
petitions-fact-request = Demande
petitions-fact-reasons = Motifs
petitions-votes = Pour : { $for }, contre : { $against }, abstentions : { $abstentions }
petitions-votes-for = Voix pour
petitions-votes-against = Voix contre
petitions-votes-abstentions = Abstentions
petitions-days-left = { $count ->
    [0] dernier jour
    [one] 1 jour restant
   *[other] { $count } jours restants
}
petitions-signatures-count = { $count ->
    [one] 1 signature
   *[other] { $count } signatures
}
petitions-documents = Documents
petitions-receipt-download = Récépissé de dépôt (PDF, arabe et français)
petitions-list-pdf = Liste des signatures (PDF)
petitions-list-csv = Liste des signatures (CSV)

petitions-progress-title = Signatures
petitions-progress-count = { $count } signatures valides sur les { $required } requises
petitions-progress-spread = La loi exige des signatures de chaque préfecture et province de la région
petitions-progress-subdivision = Préfecture ou province
petitions-progress-required = Requises

petitions-sign-title = Signer cette pétition
petitions-sign-login = Connectez-vous pour signer cette pétition
petitions-sign-name = Nom complet tel qu’il figure sur la carte d’identité
petitions-sign-cin = Numéro de carte nationale d’identité (CIN)
petitions-sign-cin-hint = Une ou deux lettres suivies de chiffres, par exemple AB123456. Il est conservé chiffré et remis seulement au conseil avec la liste des signatures.
petitions-sign-basis = Je signe en tant que
petitions-sign-basis-resident = résident(e) de ce territoire (résidence vérifiée)
petitions-sign-basis-activity = personne exerçant une activité économique, commerciale ou professionnelle sur ce territoire
petitions-sign-activity-place = Lieu où l’activité est exercée
petitions-sign-activity-description = L’activité (par exemple commerce, métier, profession)
petitions-sign-roll = Je remplis les conditions d’inscription sur les listes électorales générales et je partage un intérêt direct et commun à cette demande.
petitions-consent-title = Consentement (version 1)
petitions-consent-v1 = En signant, vous acceptez que votre nom et votre numéro de carte d’identité soient traités pour vérifier les signatures de cette pétition et remis au conseil auquel elle est adressée (loi 09-08). Le numéro est conservé chiffré, seul le personnel habilité du conseil peut le lire, et il est supprimé à la fin de la durée légale de conservation. Vous pouvez retirer votre signature jusqu’au dépôt de la pétition.
petitions-consent-accept = J’ai lu ce texte et je l’accepte.
petitions-sign-notify = M’envoyer la décision du conseil par courriel.
petitions-sign-submit = Signer
petitions-signed-title = Votre signature
petitions-signed-on = Vous avez signé cette pétition le
petitions-unsign-submit = Retirer ma signature

petitions-rep-title = Actions du mandataire
petitions-open-submit = Ouvrir aux signatures
petitions-deposit-submit = Déposer auprès du conseil
petitions-export-submit = Exporter le dossier pour le portail national
petitions-withdraw-submit = Retirer la pétition

petitions-paper-title = Listes de signatures sur papier
petitions-paper-lead = Saisissez chaque ligne des feuilles deux fois, de façon indépendante : la seconde saisie doit être faite par un autre membre du comité que la première ; une signature ne compte que si les deux saisies concordent.
petitions-paper-pending = { $count ->
    [0] Aucune ligne n’attend sa seconde saisie.
    [one] 1 ligne attend sa seconde saisie.
   *[other] { $count } lignes attendent leur seconde saisie.
}
petitions-paper-sheet = Référence de la feuille
petitions-paper-place = Lieu de résidence inscrit sur la feuille
petitions-paper-submit = Enregistrer cette ligne
petitions-paper-discard = Supprimer la première saisie de ce CIN
petitions-paper-awaiting = Première saisie enregistrée. Elle comptera dès qu’une seconde saisie indépendante de la même ligne concordera.
petitions-paper-confirmed = Les deux saisies concordent : la signature est comptée.
petitions-paper-mismatch = La seconde saisie diffère de la première sur : { $fields }. Rien n’a été compté. Vérifiez la feuille et saisissez de nouveau la ligne, ou supprimez la première saisie.
petitions-paper-field-full_name = le nom
petitions-paper-field-place = le lieu de résidence
petitions-paper-discarded = La première saisie a été supprimée.
petitions-paper-nothing-to-discard = Il n’y avait pas de première saisie pour ce numéro de CIN.

petitions-admissibility-title = Décision du bureau sur la recevabilité
petitions-admissibility-decision = La pétition est
petitions-admissibility-hint = Un refus doit indiquer son motif légal et être motivé ; il est notifié au mandataire et publié.
petitions-admissibility-submit = Enregistrer la décision
petitions-refer-title = Renvoyer à une commission permanente
petitions-refer-submit = Renvoyer
petitions-agenda-title = Inscrire à l’ordre du jour de la prochaine session ordinaire
petitions-agenda-submit = Inscrire à l’ordre du jour
petitions-decision-title = Enregistrer la décision du conseil
petitions-decision-submit = Enregistrer et publier

petitions-history-title = Historique
petitions-step-create = Rédigée
petitions-step-open = Ouverte aux signatures
petitions-step-withdraw = Retirée
petitions-step-deposit = Déposée auprès du conseil
petitions-step-declare-admissible = Déclarée recevable par le bureau
petitions-step-declare-inadmissible = Déclarée irrecevable par le bureau
petitions-step-refer-to-committee = Renvoyée à une commission permanente
petitions-step-put-on-agenda = Inscrite à l’ordre du jour du conseil
petitions-step-record-decision = Décidée par le conseil
petitions-step-export-national-dossier = Dossier exporté vers le portail national

petitions-done-created = Votre brouillon est enregistré. Il reste privé jusqu’à son ouverture aux signatures.
petitions-done-signed = Merci : votre signature est enregistrée.
petitions-done-unsigned = Votre signature a été retirée.
petitions-done-open = La pétition est ouverte aux signatures.
petitions-done-withdraw = La pétition a été retirée.
petitions-done-deposit = La pétition est déposée. Téléchargez le récépissé ci-dessous.
petitions-done-admissible = La pétition est déclarée recevable.
petitions-done-inadmissible = Le refus et sa motivation sont enregistrés et publiés.
petitions-done-referred = La pétition est renvoyée à la commission.
petitions-done-agenda = La pétition est inscrite à l’ordre du jour.
petitions-done-decided = La décision est enregistrée et publiée ; les signataires qui l’ont demandé sont prévenus.
petitions-done-exported = Le dossier est marqué comme exporté vers le portail national.
petitions-refused = L’opération n’a pas pu être effectuée
petitions-form-has-errors = Veuillez corriger le formulaire

petitions-error-forbidden = Vous n’avez pas le droit de faire cela sur cette pétition.
petitions-error-email-unconfirmed = Confirmez d’abord votre adresse électronique (suivez le lien envoyé par courriel).
petitions-error-not-open = Cette pétition n’accepte pas de signatures en ce moment.
petitions-error-not-verified = Votre résidence n’a pas encore été vérifiée. Demandez au personnel du conseil de la vérifier, puis signez.
petitions-error-not-resident = Vous n’êtes pas résident(e) vérifié(e) de ce territoire.
petitions-error-activity = Choisissez le lieu de votre activité dans ce territoire et décrivez l’activité.
petitions-error-roll = Confirmez que vous remplissez la condition d’inscription sur les listes électorales.
petitions-error-consent-missing = Lisez et acceptez le texte de consentement pour signer.
petitions-error-consent-outdated = Le texte de consentement a changé ; relisez-le et acceptez-le.
petitions-error-cin-empty = Saisissez votre numéro de carte d’identité (CIN).
petitions-error-cin-format = Un numéro de CIN se compose d’une ou deux lettres suivies de 1 à 6 chiffres, par exemple AB123456.
petitions-error-already-signed = Cette pétition porte déjà une signature de cette personne (même compte ou même numéro de CIN, en ligne ou sur papier).
petitions-error-not-signed = Vous n’avez pas signé cette pétition.
petitions-error-full-name = Saisissez le nom complet (2 à 120 caractères).
petitions-error-sheet = Saisissez la référence de la feuille (40 caractères au plus).
petitions-error-basis = Indiquez si vous signez en tant que résident(e) ou pour une activité.
petitions-error-council = Choisissez le conseil auquel la pétition est adressée.
petitions-error-kind = Choisissez une pétition citoyenne ou associative.
petitions-error-association-choice = Choisissez une association que vous représentez.
petitions-error-title-length = Le titre doit compter de 5 à 200 caractères.
petitions-error-request-length = La demande doit compter de 20 à 10 000 caractères.
petitions-error-reasons-length = Les motifs doivent compter de 20 à 10 000 caractères.
petitions-error-names = Indiquez les noms du mandataire et du suppléant (2 à 120 caractères chacun).
petitions-error-assoc-too-young = L’association a été créée le { $created } ; la loi exige plus de { $years } ans d’existence : elle pourra déposer à partir du { $from }.
petitions-error-assoc-territory = Ni le siège ni une section de l’association ne se trouve dans le territoire de ce conseil.
petitions-error-assoc-standing = L’association n’est pas en situation régulière au regard de la loi.
petitions-error-assoc-field = Le domaine de la pétition ({ $field }) ne fait pas partie des domaines d’activité de l’association.
petitions-error-deposit-blocked = La pétition ne peut pas encore être déposée :
petitions-error-too-few = { $have } signatures valides sur les { $need } requises.
petitions-error-too-few-sub = { $territory } : { $have } signatures sur les { $need } requises dans chaque préfecture ou province.
petitions-error-closed = Le dossier de cette pétition est clos ({ $state }) : plus rien ne peut être enregistré.
petitions-error-wrong-state = Cette pétition est à l’étape « { $state } » : cette opération n’est pas possible maintenant.
petitions-error-not-applicable = Cette opération ne s’applique pas à ce type de pétition.
petitions-error-unknown-ground = Choisissez l’un des motifs légaux de refus.
petitions-error-missing-text = Le texte motivé est obligatoire.
petitions-error-unknown-committee = Choisissez l’une des commissions permanentes de ce conseil.
petitions-error-no-votes = Indiquez les votes (pour, contre, abstentions).
petitions-error-votes-number = Les votes sont des nombres entiers de 0 à 10 000.
petitions-error-date = Indiquez la date de la session.
petitions-error-decision-choice = Choisissez recevable ou irrecevable.
petitions-error-step = Opération inconnue.
petitions-error-conflict = Quelqu’un a modifié cette pétition au même moment. Voici son état actuel ; vérifiez-le et réessayez.
petitions-error-no-rules = Aucun ensemble de règles n’est en vigueur à cette date ; un administrateur doit en ajouter un.

petitions-new-title = Rédiger une pétition
petitions-new-lead = Une pétition demande à un conseil d’inscrire à son ordre du jour une question relevant de ses compétences (Constitution, art. 139).
petitions-new-no-association = Les pétitions associatives sont déposées par le représentant légal de l’association, enregistré comme tel sur la plateforme.
petitions-new-field-hint = Le domaine d’activité de l’association auquel la pétition se rapporte.
petitions-new-request-hint = Que doit exactement inscrire le conseil à son ordre du jour ?
petitions-new-private = Le brouillon reste privé jusqu’à son ouverture aux signatures.
petitions-new-submit = Enregistrer le brouillon

petitions-stats-title = Statistiques des pétitions
petitions-stats-caption = Pétitions par état, niveau et type
petitions-stats-petitions = Pétitions
petitions-stats-total = { $count ->
    [one] 1 pétition publique
   *[other] { $count } pétitions publiques
}
petitions-stats-overdue = { $count ->
    [0] Aucune décision n’est en retard.
    [one] 1 décision du bureau est en retard.
   *[other] { $count } décisions du bureau sont en retard.
}

petitions-rules-title = Règles des pétitions
petitions-rules-lead = Les seuils, conditions et délais légaux, chacun avec sa source. Une pétition est jugée selon les règles en vigueur le jour de son dépôt sur la plateforme.
petitions-rules-effective = En vigueur à partir du
petitions-rules-threshold = { $level }, { $bracket } : { $count } signatures
petitions-rules-bracket = de { $min } à moins de { $max } habitants
petitions-rules-bracket-open = { $min } habitants ou plus
petitions-rules-with-arrondissements = communes à arrondissements
petitions-rules-spread = Au moins { $percent } % des signatures requises dans chaque préfecture ou province de la région
petitions-rules-association = Associations : constituées depuis plus de { $years } ans, siège ou section dans le territoire, en situation régulière, domaine en rapport
petitions-rules-deadline = { $level } : décision dans les { $count } mois suivant la réception
petitions-rules-ground = Motif de refus :
petitions-rules-national = { $kind } : { $count } signatures
petitions-rules-add = Ajouter une version des règles
petitions-rules-add-hint = Collez la nouvelle version en JSON (la version actuelle sert de modèle) avec une nouvelle date d’entrée en vigueur.
petitions-rules-json = Règles (JSON)
petitions-rules-save = Ajouter cette version
petitions-rules-duplicate = Un ensemble de règles entre déjà en vigueur à cette date.
petitions-rules-invalid = Ces règles ne sont pas valides :

petitions-receipt-heading = Récépissé de dépôt d’une pétition
petitions-receipt-intro = Le conseil accuse réception de la pétition suivante, déposée par la plateforme Nousharik.
petitions-receipt-title = Pétition
petitions-receipt-signatures = Signatures valides
petitions-receipt-legal = Lois organiques 111.14, 112.14 et 113.14. Le bureau statue sur la recevabilité ; un refus est motivé et notifié au mandataire dans le délai légal.
petitions-list-heading = Liste des signatures
petitions-list-confidential = Confidentiel — données personnelles (loi 09-08) : réservé au personnel habilité du conseil.

petitions-mail-warning-subject = Pétition « { $title } » : { $days } jours pour la décision du bureau
petitions-mail-warning-body = Le délai légal de la décision du bureau sur la pétition « { $title } » expire le { $deadline } ({ $days } jours restants). Enregistrez la décision ici : { $url }
petitions-mail-outcome-subject = Pétition « { $title } » : le conseil a statué
petitions-mail-outcome-body = La pétition « { $title } » que vous avez signée est maintenant à l’étape « { $state } ». Détails et historique : { $url }
petitions-paper-same-member = Vous avez fait vous-même la première saisie de cette ligne. La seconde saisie doit être faite par un autre membre du comité, pour que chaque ligne soit vérifiée par deux personnes.
petitions-edit-link = Modifier le brouillon
petitions-edit-title = Modifier le brouillon
petitions-edit-back = Retour à la pétition
petitions-edit-lead = Vous pouvez modifier les textes, les noms et le comité tant que la pétition est un brouillon. Une fois ouverte aux signatures, plus rien ne peut changer : on signe ce qu’on a lu.
petitions-edit-committee = Membres du comité ayant un compte
petitions-edit-committee-hint = Leurs adresses électroniques, une par ligne. Ils voient le brouillon et saisissent les listes de signatures sur papier. Laissez vide s’il n’y en a pas.
petitions-edit-submit = Enregistrer le brouillon
petitions-done-edited = Le brouillon est enregistré.
petitions-error-edit-not-draft = Cette pétition est à l’étape « { $state } » : seul un brouillon peut être modifié.
petitions-error-committee-email = L’une des adresses du comité n’est pas une adresse électronique valide.
petitions-error-committee-unknown = L’une des adresses du comité ne correspond à aucun compte de la plateforme. Chaque membre doit d’abord s’inscrire.
petitions-error-committee-too-many = Au plus 20 membres du comité ayant un compte.
