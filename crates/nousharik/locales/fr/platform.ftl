# Messages communs à toute la plateforme (gabarit, erreurs).
platform-name = Nousharik
platform-tagline = La plateforme de participation citoyenne de la région et de ses communes
platform-skip = Aller au contenu
platform-nav-label = Menu principal
platform-nav-home = Accueil
platform-lang-label = Langue
platform-footer-about = Nousharik est une plateforme libre de participation citoyenne, gérée par la région et ses communes.
platform-footer-licence = Logiciel libre sous licence AGPL-3.0.
platform-back-home = Retour à l’accueil
platform-not-found-title = Page introuvable
platform-not-found-text = Nous n’avons pas trouvé la page demandée. Son adresse a peut-être changé ou elle a été supprimée.
platform-error-title = Une erreur est survenue
platform-error-text = Une erreur s’est produite de notre côté. Réessayez dans un moment ; l’erreur a été enregistrée pour être corrigée.
platform-bad-request-title = Requête invalide
platform-bad-request-text = La requête n’a pas pu être traitée. Vérifiez les informations puis réessayez.
platform-forbidden-title = Action non autorisée
platform-forbidden-text = Vous n’avez pas le droit d’effectuer cette action.
platform-unauthorized-title = Connexion requise
platform-unauthorized-text = Connectez-vous pour continuer.
platform-conflict-title = Conflit
platform-conflict-text = Ces informations ont changé entre-temps. Rechargez la page puis réessayez.
platform-too-many-title = Trop de requêtes
platform-too-many-text = Vous avez envoyé trop de requêtes en peu de temps. Patientez un peu puis réessayez.
platform-unavailable-title = Service momentanément indisponible
platform-unavailable-text = La base de données ne répond pas pour le moment. Réessayez dans un moment.
platform-bad-language = Cette langue n’est pas disponible. Langues disponibles : arabe, français, tamazight et anglais.
platform-welcome-name = Bonjour, { $name } !
platform-languages-count = { $count ->
    [one] Disponible en une langue
   *[other] Disponible en { $count } langues
}
