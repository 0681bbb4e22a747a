# Comptes : inscription, connexion, profil, rôles, vérification de résidence (src/accounts/).

## Liens de l'en-tête
accounts-nav-label = Compte
accounts-nav-login = Se connecter
accounts-nav-signup = Créer un compte
accounts-nav-profile = Mon profil
accounts-nav-logout = Se déconnecter
accounts-nav-users = Comptes
accounts-nav-verify = Vérifier un résident

## Champs
accounts-field-email = Adresse e-mail
accounts-field-name = Nom
accounts-field-name-hint = Le nom affiché à côté de ce que vous écrivez sur la plateforme (1 à 100 caractères).
accounts-field-password = Mot de passe
accounts-field-password-hint = Au moins 10 caractères. Une courte phrase dont vous vous souviendrez fait un bon mot de passe.
accounts-field-new-password = Nouveau mot de passe
accounts-field-current-password = Votre mot de passe actuel
accounts-field-language = Langue préférée
accounts-form-has-errors = Certaines informations sont à corriger :

## Inscription
accounts-signup-title = Créer un compte
accounts-signup-lead = Un compte permet de suivre les pétitions, de participer aux budgets participatifs et de s'inscrire aux rencontres.
accounts-signup-privacy = Votre adresse sert uniquement à vous envoyer les messages de votre compte. Rien n'est partagé.
accounts-signup-submit = Créer mon compte
accounts-have-account = Vous avez déjà un compte ? Connectez-vous
accounts-check-mail-title = Consultez votre messagerie
accounts-check-mail = Nous avons envoyé un message à { $email }. Suivez le lien qu'il contient dans les 48 heures pour confirmer votre adresse.
accounts-check-mail-spam = Rien reçu après quelques minutes ? Regardez dans les courriers indésirables, puis réessayez.
accounts-mail-failed = Nous n'avons pas pu envoyer le message. Réessayez dans quelques minutes.

## Confirmation et liens
accounts-confirm-title = Confirmez votre adresse
accounts-confirm-intro = Dernière étape : appuyez sur le bouton pour confirmer votre adresse e-mail et activer votre compte.
accounts-confirm-submit = Confirmer mon adresse
accounts-confirmed = Votre adresse est confirmée. Vous pouvez maintenant vous connecter.
accounts-link-problem-title = Ce lien ne peut pas être utilisé
accounts-link-unknown = Ce lien n'est pas valide. Vérifiez que vous avez copié le lien entier depuis le message.
accounts-link-used = Ce lien a déjà été utilisé. Chaque lien ne sert qu'une fois.
accounts-link-expired = Ce lien a expiré.
accounts-confirm-link-help = Connectez-vous avec votre adresse et votre mot de passe : si votre adresse n'est pas encore confirmée, nous vous enverrons un nouveau lien.
accounts-reset-link-help = Demandez un nouveau lien sur la page « Mot de passe oublié ».

## Connexion, déconnexion
accounts-login-title = Se connecter
accounts-login-submit = Se connecter
accounts-login-failed = L'adresse e-mail ou le mot de passe est incorrect.
accounts-login-unconfirmed = Votre adresse n'est pas encore confirmée. Nous venons de vous envoyer un nouveau lien de confirmation.
accounts-forgot-link = Mot de passe oublié ?
accounts-no-account = Pas encore de compte ? Créez-en un
accounts-logged-out = Vous êtes déconnecté·e.
accounts-rate-limited = { $minutes ->
    [one] Trop de tentatives. Attendez une minute, puis réessayez.
   *[other] Trop de tentatives. Attendez { $minutes } minutes, puis réessayez.
}

## Mot de passe oublié
accounts-forgot-title = Mot de passe oublié
accounts-forgot-lead = Indiquez l'adresse de votre compte : nous y enverrons un lien pour choisir un nouveau mot de passe.
accounts-forgot-submit = M'envoyer un lien
accounts-forgot-sent = Si un compte utilise cette adresse, un lien pour choisir un nouveau mot de passe vient de lui être envoyé. Il est valable une heure.
accounts-reset-title = Choisir un nouveau mot de passe
accounts-reset-submit = Enregistrer le nouveau mot de passe
accounts-password-changed = Votre mot de passe a été changé et toutes vos sessions ont été fermées. Connectez-vous avec le nouveau mot de passe.

## Profil
accounts-profile-title = Mon profil
accounts-profile-edit = Modifier mon profil
accounts-profile-submit = Enregistrer
accounts-profile-saved = Votre profil est enregistré.
accounts-verification = Vérification
accounts-level-unconfirmed = Adresse non confirmée
accounts-level-email-confirmed = Adresse confirmée
accounts-level-resident-verified = Résidence vérifiée
accounts-roles = Droits
accounts-admin-badge = Administrateur·rice de la plateforme
accounts-my-roles = Rôles
accounts-residences = Résidence vérifiée
accounts-residence-line = { $territory } — vérifiée le { $date } ({ $evidence })
accounts-demographics-legend = Sexe et tranche d'âge (facultatif)
accounts-demographics-why = Pourquoi nous le demandons : pour compter combien de femmes et d'hommes, de jeunes et de personnes âgées participent, comme l'exigent les indicateurs de participation. Ces données servent uniquement à des statistiques qui ne montrent jamais une personne ; elles ne sont jamais affichées sur votre profil ni partagées. Décochez la case à tout moment pour les effacer.
accounts-demographics-consent = J'accepte que Nousharik conserve mon sexe et ma tranche d'âge pour ces seules statistiques.
accounts-not-said = Je préfère ne pas répondre
accounts-sex = Sexe
accounts-sex-female = Femme
accounts-sex-male = Homme
accounts-age = Tranche d'âge
accounts-age-under-18 = Moins de 18 ans
accounts-age-18-35 = 18 à 35 ans
accounts-age-36-59 = 36 à 59 ans
accounts-age-60-plus = 60 ans et plus

## Mes données, suppression
accounts-data-title = Mes données
accounts-data-intro = Téléchargez tout ce que Nousharik conserve sur vous, au format JSON : votre compte, vos rôles, vos sessions et les entrées du journal qui vous concernent.
accounts-data-download = Télécharger mes données
accounts-delete-title = Supprimer mon compte
accounts-delete-what = La suppression efface votre adresse, votre nom, votre mot de passe, votre sexe et votre tranche d'âge, vos rôles, votre résidence vérifiée et vos sessions.
accounts-delete-kept = Le journal de la plateforme garde, sans votre nom ni votre adresse, la trace des actions déjà faites (par exemple une vérification que vous avez faite comme fonctionnaire), pour que l'historique des décisions reste vérifiable.
accounts-delete-submit = Supprimer définitivement mon compte
accounts-delete-cancel = Garder mon compte
accounts-delete-wrong-password = Le mot de passe est incorrect.
accounts-delete-last-admin = Vous êtes le seul administrateur : nommez d'abord un autre compte administrateur.
accounts-deleted-title = Compte supprimé
accounts-deleted = Votre compte est supprimé. Merci d'avoir participé.

## Erreurs de formulaire
accounts-error-email-empty = Saisissez votre adresse e-mail.
accounts-error-email-too-long = Cette adresse est trop longue (254 caractères au plus).
accounts-error-email-invalid = Ce n'est pas une adresse e-mail valide. Exemple : nom@exemple.ma
accounts-error-name-empty = Saisissez un nom.
accounts-error-name-too-long = Le nom est trop long (100 caractères au plus).
accounts-error-name-control = Le nom contient des caractères de contrôle invisibles. Saisissez-le à nouveau.
accounts-error-password-too-short = Le mot de passe est trop court : au moins 10 caractères.
accounts-error-password-too-long = Le mot de passe est trop long : 256 caractères au plus.
accounts-error-password-same-as-email = Le mot de passe ne doit pas être votre adresse e-mail.
accounts-error-language = Choisissez l'une des langues proposées.
accounts-error-consent-missing = Pour conserver votre sexe ou votre tranche d'âge, cochez la case de consentement — ou choisissez « Je préfère ne pas répondre ».
accounts-error-sex-invalid = Choisissez l'une des réponses proposées.
accounts-error-age-invalid = Choisissez l'une des tranches d'âge proposées.
accounts-error-organisation = Choisissez une organisation dans la liste.
accounts-error-role = Choisissez un rôle dans la liste.
accounts-error-territory = Choisissez un territoire dans la liste.
accounts-error-evidence = Choisissez le document présenté par la personne.
accounts-error-bad-form = Le formulaire est incomplet. Rechargez la page et réessayez.

## Formulaires expirés ou falsifiés
accounts-csrf-title = Ce formulaire a expiré
accounts-csrf-text = Pour votre sécurité, le formulaire n'a pas été accepté : il a été ouvert il y a trop longtemps, dans une autre session, ou envoyé depuis un autre site. Rien n'a été modifié. Revenez au formulaire, rechargez-le et envoyez-le à nouveau.
accounts-csrf-back = Revenir au formulaire
accounts-csrf-kept = Ce que vous aviez saisi (sauf les mots de passe), pour que rien ne soit perdu :

## Rôles et justificatifs
accounts-role-staff = Fonctionnaire
accounts-role-elected-member = Élu·e
accounts-role-bureau-member = Membre du bureau
accounts-role-moderator = Modérateur·rice
accounts-role-association-representative = Représentant·e d'association
accounts-role-coordinator = Coordinateur·rice
accounts-evidence-cin-shown = Carte nationale d'identité présentée au guichet
accounts-evidence-residence-certificate = Certificat de résidence
accounts-evidence-electoral-roll = Liste électorale

## Administration
accounts-admin-users-title = Comptes
accounts-admin-search = Rechercher par adresse ou par nom
accounts-admin-search-submit = Rechercher
accounts-admin-no-users = Aucun compte trouvé.
accounts-admin-created = Créé le
accounts-admin-pages = Pages
accounts-admin-prev = Page précédente
accounts-admin-next = Page suivante
accounts-admin-rights = Droits d'administration
accounts-admin-grant-admin = Nommer administrateur
accounts-admin-revoke-admin = Retirer les droits d'administrateur
accounts-admin-no-roles = Aucun rôle.
accounts-admin-no-residence = Aucune résidence vérifiée.
accounts-admin-membership-grant = Attribuer un rôle
accounts-admin-organisation = Organisation
accounts-admin-role = Rôle
accounts-admin-grant = Attribuer
accounts-admin-revoke = Retirer
accounts-admin-admin-granted = Le compte est maintenant administrateur.
accounts-admin-admin-revoked = Droits d'administrateur retirés.
accounts-admin-role-granted = Rôle attribué.
accounts-admin-role-revoked = Rôle retiré.
accounts-admin-residence-revoked = Vérification de résidence retirée.

## Vérification de résidence (fonctionnaires)
accounts-staff-verify-title = Vérifier un résident
accounts-staff-verify-lead = Enregistrez qu'une personne venue au guichet réside dans un territoire. Un résident vérifié peut signer les pétitions et voter pour ce territoire.
accounts-staff-no-cin = Regardez le document, puis rendez-le : n'écrivez jamais le numéro de la carte d'identité nulle part. Seul le type de document est enregistré.
accounts-staff-person-email = Adresse du compte de la personne
accounts-staff-territory = Territoire de résidence
accounts-staff-evidence = Document présenté
accounts-staff-verify-submit = Enregistrer la vérification
accounts-staff-verified = { $name } est enregistré·e comme résident·e de { $territory }.
accounts-staff-user-unknown = Aucun compte confirmé n'utilise cette adresse. Demandez d'abord à la personne de créer son compte et de le confirmer.
accounts-staff-not-yourself = Vous ne pouvez pas vérifier votre propre résidence : demandez à un·e collègue.
accounts-staff-territory-not-allowed = Vous ne pouvez vérifier des résidents que dans les territoires de votre organisation.

## Messages électroniques
accounts-mail-greeting = Bonjour { $name },
accounts-mail-signature = — Nousharik, la plateforme de participation citoyenne
accounts-mail-confirm-subject = Confirmez votre adresse Nousharik
accounts-mail-confirm-body = Bienvenue sur Nousharik. Pour activer votre compte, confirmez votre adresse e-mail avec le lien ci-dessous. Il ne sert qu'une fois et reste valable 48 heures.
accounts-mail-confirm-action = Confirmer mon adresse
accounts-mail-confirm-after = Si vous n'avez pas créé ce compte, ignorez ce message : il ne se passera rien.
accounts-mail-existing-subject = Tentative d'inscription avec votre adresse
accounts-mail-existing-body = Quelqu'un a essayé de créer un compte Nousharik avec votre adresse, qui en a déjà un. Si c'était vous, connectez-vous ; si vous avez oublié votre mot de passe, choisissez-en un nouveau avec le lien ci-dessous.
accounts-mail-existing-action = Choisir un nouveau mot de passe
accounts-mail-existing-after = Si ce n'était pas vous, ignorez ce message : votre compte n'a pas changé.
accounts-mail-reset-subject = Choisissez un nouveau mot de passe Nousharik
accounts-mail-reset-body = Un nouveau mot de passe a été demandé pour votre compte. Choisissez-le avec le lien ci-dessous. Il ne sert qu'une fois et reste valable une heure.
accounts-mail-reset-action = Choisir un nouveau mot de passe
accounts-mail-reset-after = Si vous ne l'avez pas demandé, ignorez ce message : votre mot de passe n'a pas changé.
