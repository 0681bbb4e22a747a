# Administration home and audit log (src/admin/).
admin-nav = Administration
admin-title = Administration
admin-intro = Tools for platform administrators. Every change made here is recorded in the audit log.
admin-link-users = Accounts and rights
admin-link-users-text = Find an account, grant or revoke the administrator right and memberships of organisations.
admin-link-residents = Resident verification
admin-link-residents-text = Record that a person lives in a territory, with the evidence seen.
admin-link-audit = Audit log
admin-link-audit-text = Every change of a right, in order, chained by hashes so that no entry can be changed or removed unseen.
admin-audit-count = { $count ->
    [one] The audit log holds one entry.
   *[other] The audit log holds { $count } entries.
}
admin-audit-title = Audit log
admin-audit-intro = Newest entries first. Each entry is chained to the previous one by its hash; the check below walks the whole chain.
admin-audit-subject = Show the history of one subject
admin-audit-subject-hint = For example petition:12 or account:3, as written in the Subject column.
admin-audit-filter = Show
admin-audit-all = Show all entries
admin-audit-empty = No entry.
admin-audit-caption = Audit log entries
admin-audit-col-id = No.
admin-audit-col-at = Date
admin-audit-col-actor = Who
admin-audit-col-action = Action
admin-audit-col-subject = Subject
admin-audit-col-details = Details
admin-audit-pages = Pages of the audit log
admin-audit-older = Older entries
admin-audit-bad-page = This page number is not valid; the newest entries are shown.
admin-audit-subject-too-long = A subject has at most 200 characters.
admin-verify-link = Check the whole chain now
admin-verify-title = Audit log check
admin-verify-ok = { $count ->
    [one] The chain is intact: its one entry matches its hash.
   *[other] The chain is intact: all { $count } entries match their hashes and follow each other.
}
admin-verify-altered = The chain is broken: entry { $id } was changed after it was written.
admin-verify-missing = The chain is broken: entries { $from } to { $to } were removed (found at entry { $id }).
admin-verify-unlinked = The chain is broken: entry { $id } does not follow the entry before it.
admin-verify-last-hash = Hash of the last entry:
admin-verify-last-hash-hint = Keep this value: if the newest entries were ever removed, the hash would no longer match.
