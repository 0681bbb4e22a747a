# Petitions to councils (organic laws 111.14, 112.14, 113.14) and national dossiers.
petitions-nav = Petitions
petitions-register-title = Petitions register
petitions-register-lead = Every petition open for signatures or deposited with a council, with its status and its full dated history.
petitions-register-empty = No petition matches these filters.
petitions-register-count = { $count ->
    [one] One petition
   *[other] { $count } petitions
}
petitions-mine-title = My petitions
petitions-new-link = Draft a petition
petitions-open-data = Open data:
petitions-filter-territory = Territory
petitions-filter-level = Level
petitions-filter-state = Status
petitions-filter-kind = Type
petitions-filter-all = All
petitions-filter-apply = Filter
petitions-col-title = Title
petitions-col-state = Status
petitions-col-signatures = Signatures
petitions-overdue = overdue
petitions-overdue-long = The council's decision is overdue: the legal deadline has passed.

petitions-state-draft = Draft
petitions-state-open = Open for signatures
petitions-state-deposited = Deposited, awaiting the bureau's decision
petitions-state-admissible = Admissible
petitions-state-inadmissible = Not admissible
petitions-state-referred = Referred to a standing committee
petitions-state-on-agenda = On the council's agenda
petitions-state-decided = Decided by the council
petitions-state-withdrawn = Withdrawn
petitions-state-submitted-nationally = Dossier exported to the national portal

petitions-level-region = Regional council
petitions-level-prefecture-province = Prefecture or province council
petitions-level-commune = Commune council
petitions-level-national-petition = National petition (Head of Government or Parliament)
petitions-level-legislative-motion = Legislative motion
petitions-kind-citizen = Citizens' petition
petitions-kind-association = Association petition

petitions-ground-constitutional-constants = It touches the constants of article 1 of the Constitution
petitions-ground-outside-competence = It falls outside the council's competence
petitions-ground-signatures-insufficient = Not enough valid signatures
petitions-ground-association-conditions = The association does not meet the legal conditions
petitions-ground-documents-missing = Required supporting documents are missing
petitions-mark-checked = checked
petitions-mark-to-confirm = to confirm

petitions-fact-council = Council
petitions-fact-kind = Type
petitions-fact-association = Association
petitions-fact-field = Field of activity
petitions-fact-representative = Representative
petitions-fact-deputy = Deputy representative
petitions-fact-filed = Filed on
petitions-fact-receipt = Receipt number
petitions-fact-deposited = Deposited on
petitions-fact-deadline = Decision deadline
petitions-fact-admissibility = Bureau's decision on
petitions-fact-ground = Legal ground of the refusal
petitions-fact-bureau-reasons = Reasons given by the bureau
petitions-fact-committee = Standing committee
petitions-fact-session = Council session
petitions-fact-decision = Council's decision
petitions-fact-votes = Votes
petitions-fact-decided = Decided on
petitions-fact-rules = Rules applied
petitions-fact-request = Request
petitions-fact-reasons = Reasons
petitions-votes = For: { $for }, against: { $against }, abstentions: { $abstentions }
petitions-votes-for = Votes for
petitions-votes-against = Votes against
petitions-votes-abstentions = Abstentions
petitions-days-left = { $count ->
    [0] last day
    [one] 1 day left
   *[other] { $count } days left
}
petitions-signatures-count = { $count ->
    [one] 1 signature
   *[other] { $count } signatures
}
petitions-documents = Documents
petitions-receipt-download = Deposit receipt (PDF, Arabic and French)
petitions-list-pdf = Signature list (PDF)
petitions-list-csv = Signature list (CSV)

petitions-progress-title = Signatures
petitions-progress-count = { $count } valid signatures of the { $required } required
petitions-progress-spread = The law requires signatures from every prefecture and province of the region
petitions-progress-subdivision = Prefecture or province
petitions-progress-required = Required

petitions-sign-title = Sign this petition
petitions-sign-login = Log in to sign this petition
petitions-sign-name = Full name as on the identity card
petitions-sign-cin = National identity card (CIN) number
petitions-sign-cin-hint = One or two letters followed by digits, e.g. AB123456. It is kept encrypted and only handed to the council with the signature list.
petitions-sign-basis = I sign as
petitions-sign-basis-resident = a resident of this territory (verified residence)
petitions-sign-basis-activity = a person carrying on an economic, commercial or professional activity in this territory
petitions-sign-activity-place = Where the activity is carried on
petitions-sign-activity-description = The activity (e.g. shop, trade, profession)
petitions-sign-roll = I meet the conditions for being registered on the general electoral rolls, and I share a direct, common interest in this request.
petitions-consent-title = Consent (version 1)
petitions-consent-v1 = By signing, you agree that your name and your identity card number are processed to check the signatures of this petition and are handed to the council it is addressed to (law 09-08). The number is kept encrypted, only the council's authorised staff can read it, and it is deleted when the legal retention period ends. You may withdraw your signature until the petition is deposited.
petitions-consent-accept = I have read this text and I accept it.
petitions-sign-notify = Email me the council's decision.
petitions-sign-submit = Sign
petitions-signed-title = Your signature
petitions-signed-on = You signed this petition on
petitions-unsign-submit = Withdraw my signature

petitions-rep-title = Representative's actions
petitions-open-submit = Open for signatures
petitions-deposit-submit = Deposit with the council
petitions-export-submit = Export the dossier for the national portal
petitions-withdraw-submit = Withdraw the petition

petitions-paper-title = Paper signature lists
petitions-paper-lead = Type each line of the paper sheets twice, independently: the second entry must be made by another committee member than the first; a signature counts only when both entries agree.
petitions-paper-pending = { $count ->
    [0] No line waits for its second entry.
    [one] 1 line waits for its second entry.
   *[other] { $count } lines wait for their second entry.
}
petitions-paper-sheet = Sheet reference
petitions-paper-place = Place of residence written on the sheet
petitions-paper-submit = Record this line
petitions-paper-discard = Discard the first entry of this CIN
petitions-paper-awaiting = First entry recorded. It will count once a second, independent entry of the same line agrees.
petitions-paper-confirmed = Both entries agree: the signature is counted.
petitions-paper-mismatch = The second entry differs from the first on: { $fields }. Nothing was counted. Check the sheet and type the line again, or discard the first entry.
petitions-paper-field-full_name = the name
petitions-paper-field-place = the place of residence
petitions-paper-discarded = The first entry was discarded.
petitions-paper-nothing-to-discard = There was no first entry for this CIN number.

petitions-admissibility-title = Bureau's decision on admissibility
petitions-admissibility-decision = The petition is
petitions-admissibility-hint = A refusal must name its legal ground and give reasons; they are notified to the representative and published.
petitions-admissibility-submit = Record the decision
petitions-refer-title = Refer to a standing committee
petitions-refer-submit = Refer
petitions-agenda-title = Put on the agenda of the next ordinary session
petitions-agenda-submit = Put on the agenda
petitions-decision-title = Record the council's decision
petitions-decision-submit = Record and publish

petitions-history-title = History
petitions-step-create = Drafted
petitions-step-open = Opened for signatures
petitions-step-withdraw = Withdrawn
petitions-step-deposit = Deposited with the council
petitions-step-declare-admissible = Declared admissible by the bureau
petitions-step-declare-inadmissible = Declared not admissible by the bureau
petitions-step-refer-to-committee = Referred to a standing committee
petitions-step-put-on-agenda = Put on the council's agenda
petitions-step-record-decision = Decided by the council
petitions-step-export-national-dossier = Dossier exported to the national portal

petitions-done-created = Your draft is saved. It stays private until you open it for signatures.
petitions-done-signed = Thank you: your signature is recorded.
petitions-done-unsigned = Your signature was withdrawn.
petitions-done-open = The petition is open for signatures.
petitions-done-withdraw = The petition was withdrawn.
petitions-done-deposit = The petition is deposited. Download the receipt below.
petitions-done-admissible = The petition is declared admissible.
petitions-done-inadmissible = The refusal and its reasons are recorded and published.
petitions-done-referred = The petition is referred to the committee.
petitions-done-agenda = The petition is on the agenda.
petitions-done-decided = The decision is recorded and published; the signatories who asked are notified.
petitions-done-exported = The dossier is marked as exported to the national portal.
petitions-refused = This could not be done
petitions-form-has-errors = Please correct the form

petitions-error-forbidden = You are not allowed to do this on this petition.
petitions-error-email-unconfirmed = Confirm your email address first (follow the link we mailed you).
petitions-error-not-open = This petition does not take signatures now.
petitions-error-not-verified = Your residence has not been verified yet. Ask the council's staff to verify it, then sign.
petitions-error-not-resident = You are not a verified resident of this territory.
petitions-error-activity = Choose the place of your activity within this territory and describe the activity.
petitions-error-roll = Confirm that you meet the electoral-roll condition.
petitions-error-consent-missing = Read and accept the consent text to sign.
petitions-error-consent-outdated = The consent text has changed; read it again and accept it.
petitions-error-cin-empty = Type your identity card (CIN) number.
petitions-error-cin-format = A CIN number is one or two letters followed by 1 to 6 digits, e.g. AB123456.
petitions-error-already-signed = This petition already has a signature from this person (same account or same CIN number, online or on paper).
petitions-error-not-signed = You have not signed this petition.
petitions-error-full-name = Type the full name (2 to 120 characters).
petitions-error-sheet = Type the sheet reference (at most 40 characters).
petitions-error-basis = Choose whether you sign as a resident or for an activity.
petitions-error-council = Choose the council the petition is addressed to.
petitions-error-kind = Choose a citizens' or an association petition.
petitions-error-association-choice = Choose an association that you represent.
petitions-error-title-length = The title must have 5 to 200 characters.
petitions-error-request-length = The request must have 20 to 10,000 characters.
petitions-error-reasons-length = The reasons must have 20 to 10,000 characters.
petitions-error-names = Give the names of the representative and of the deputy (2 to 120 characters each).
petitions-error-assoc-too-young = The association was created on { $created }; the law requires more than { $years } years of existence: it may file from { $from }.
petitions-error-assoc-territory = Neither the association's seat nor one of its branches is in this council's territory.
petitions-error-assoc-standing = The association is not in good standing with the law.
petitions-error-assoc-field = The petition's field ({ $field }) is not one of the association's fields of activity.
petitions-error-deposit-blocked = The petition cannot be deposited yet:
petitions-error-too-few = { $have } valid signatures of the { $need } required.
petitions-error-too-few-sub = { $territory }: { $have } signatures of the { $need } required in each prefecture or province.
petitions-error-closed = This petition's case is closed ({ $state }): nothing more can be recorded.
petitions-error-wrong-state = This petition is at the stage "{ $state }": that step is not possible now.
petitions-error-not-applicable = That step does not apply to this kind of petition.
petitions-error-unknown-ground = Choose one of the legal grounds of refusal.
petitions-error-missing-text = The reasoned text is required.
petitions-error-unknown-committee = Choose one of this council's standing committees.
petitions-error-no-votes = Record the votes (for, against, abstentions).
petitions-error-votes-number = Votes are whole numbers from 0 to 10,000.
petitions-error-date = Give the session date as a calendar date.
petitions-error-decision-choice = Choose admissible or not admissible.
petitions-error-step = Unknown step.
petitions-error-conflict = Someone changed this petition at the same moment. Here is its current state; check it and try again.
petitions-error-no-rules = No petition rule set is in force for this date; an administrator must add one.

petitions-new-title = Draft a petition
petitions-new-lead = A petition asks a council to put a point within its competence on its agenda (Constitution, art. 139).
petitions-new-no-association = Association petitions are filed by the association's legal representative, registered as such on the platform.
petitions-new-field-hint = The field of activity of the association that the petition relates to.
petitions-new-request-hint = What exactly should the council put on its agenda?
petitions-new-private = The draft stays private until you open it for signatures.
petitions-new-submit = Save the draft

petitions-stats-title = Petition statistics
petitions-stats-caption = Petitions by status, level and type
petitions-stats-petitions = Petitions
petitions-stats-total = { $count ->
    [one] 1 public petition
   *[other] { $count } public petitions
}
petitions-stats-overdue = { $count ->
    [0] No decision is overdue.
    [one] 1 bureau decision is overdue.
   *[other] { $count } bureau decisions are overdue.
}

petitions-rules-title = Petition rule sets
petitions-rules-lead = The legal thresholds, conditions and deadlines, each with its source. A petition is judged by the rule set in force on the day it was filed.
petitions-rules-effective = In force from
petitions-rules-threshold = { $level }, { $bracket }: { $count } signatures
petitions-rules-bracket = from { $min } to fewer than { $max } inhabitants
petitions-rules-bracket-open = { $min } inhabitants or more
petitions-rules-with-arrondissements = communes with arrondissements
petitions-rules-spread = At least { $percent } % of the required signatures from each prefecture or province of the region
petitions-rules-association = Associations: constituted for more than { $years } years, seat or branch in the territory, in good standing, related field
petitions-rules-deadline = { $level }: decision within { $count } months of receipt
petitions-rules-ground = Ground of refusal:
petitions-rules-national = { $kind }: { $count } signatures
petitions-rules-add = Add a rule set version
petitions-rules-add-hint = Paste the new version as JSON (the current one is shown as a model); give it a new effective date.
petitions-rules-json = Rule set (JSON)
petitions-rules-save = Add this version
petitions-rules-duplicate = A rule set already takes effect on that date.
petitions-rules-invalid = This rule set is not valid:

petitions-receipt-heading = Receipt of deposit of a petition
petitions-receipt-intro = The council acknowledges receipt of the following petition, deposited through the Nousharik platform.
petitions-receipt-title = Petition
petitions-receipt-signatures = Valid signatures
petitions-receipt-legal = Organic laws 111.14, 112.14 and 113.14. The bureau decides on admissibility; a refusal is reasoned and notified to the representative within the legal deadline.
petitions-list-heading = Signature list
petitions-list-confidential = Confidential — personal data (law 09-08): for the council's authorised staff only.

petitions-mail-warning-subject = Petition "{ $title }": { $days } days left for the bureau's decision
petitions-mail-warning-body = The legal deadline for the bureau's decision on the petition "{ $title }" ends on { $deadline } ({ $days } days left). Record the decision here: { $url }
petitions-mail-outcome-subject = Petition "{ $title }": the council has decided
petitions-mail-outcome-body = The petition "{ $title }" that you signed is now at the stage "{ $state }". Details and history: { $url }
petitions-paper-same-member = You typed the first entry of this line yourself. The second entry must be made by another member of the committee, so that each line is checked by two people.
petitions-edit-link = Edit the draft
petitions-edit-title = Edit the draft
petitions-edit-back = Back to the petition
petitions-edit-lead = You can change the texts, the names and the committee as long as the petition is a draft. Once it is open for signatures, nothing can be changed: people sign what they read.
petitions-edit-committee = Committee members with an account
petitions-edit-committee-hint = Their email addresses, one per line. They can see the draft and type in paper signature lists. Leave empty if there are none.
petitions-edit-submit = Save the draft
petitions-done-edited = The draft is saved.
petitions-error-edit-not-draft = This petition is at the stage “{ $state }”: only a draft can be edited.
petitions-error-committee-email = One of the committee addresses is not a valid email address.
petitions-error-committee-unknown = One of the committee addresses does not belong to an account on the platform. Each member must sign up first.
petitions-error-committee-too-many = At most 20 committee members with an account.
