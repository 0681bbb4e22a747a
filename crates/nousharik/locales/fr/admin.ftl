# Accueil de l'administration et journal d'audit (src/admin/).
admin-nav = Administration
admin-title = Administration
admin-intro = Les outils des administrateurs de la plateforme. Chaque changement fait ici est inscrit au journal d'audit.
admin-link-users = Comptes et droits
admin-link-users-text = Retrouver un compte, accorder ou retirer le droit d'administrateur et l'appartenance à des organisations.
admin-link-residents = Vérification de résidence
admin-link-residents-text = Enregistrer qu'une personne réside dans un territoire, avec la pièce présentée.
admin-link-audit = Journal d'audit
admin-link-audit-text = Chaque changement de droit, dans l'ordre, chaîné par empreintes : aucune entrée ne peut être modifiée ni supprimée sans que cela se voie.
admin-audit-count = { $count ->
    [one] Le journal d'audit contient une entrée.
   *[other] Le journal d'audit contient { $count } entrées.
}
admin-audit-title = Journal d'audit
admin-audit-intro = Les entrées les plus récentes d'abord. Chaque entrée est chaînée à la précédente par son empreinte ; la vérification ci-dessous parcourt toute la chaîne.
admin-audit-subject = Afficher l'historique d'un objet
admin-audit-subject-hint = Par exemple petition:12 ou account:3, tel qu'écrit dans la colonne Objet.
admin-audit-filter = Afficher
admin-audit-all = Afficher toutes les entrées
admin-audit-empty = Aucune entrée.
admin-audit-caption = Entrées du journal d'audit
admin-audit-col-id = N°
admin-audit-col-at = Date
admin-audit-col-actor = Qui
admin-audit-col-action = Action
admin-audit-col-subject = Objet
admin-audit-col-details = Détails
admin-audit-pages = Pages du journal d'audit
admin-audit-older = Entrées plus anciennes
admin-audit-bad-page = Ce numéro de page n'est pas valide ; les entrées les plus récentes sont affichées.
admin-audit-subject-too-long = Un objet compte au plus 200 caractères.
admin-verify-link = Vérifier toute la chaîne maintenant
admin-verify-title = Vérification du journal d'audit
admin-verify-ok = { $count ->
    [one] La chaîne est intacte : son unique entrée correspond à son empreinte.
   *[other] La chaîne est intacte : les { $count } entrées correspondent à leurs empreintes et se suivent.
}
admin-verify-altered = La chaîne est rompue : l'entrée { $id } a été modifiée après son inscription.
admin-verify-missing = La chaîne est rompue : les entrées { $from } à { $to } ont été supprimées (constaté à l'entrée { $id }).
admin-verify-unlinked = La chaîne est rompue : l'entrée { $id } ne suit pas l'entrée qui la précède.
admin-verify-last-hash = Empreinte de la dernière entrée :
admin-verify-last-hash-hint = Conservez cette valeur : si les entrées les plus récentes étaient un jour supprimées, l'empreinte ne correspondrait plus.
