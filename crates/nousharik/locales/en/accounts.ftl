# Accounts: sign-up, log-in, profile, roles, resident verification (src/accounts/).

## Header links
accounts-nav-label = Account
accounts-nav-login = Log in
accounts-nav-signup = Create an account
accounts-nav-profile = My profile
accounts-nav-logout = Log out
accounts-nav-users = Accounts
accounts-nav-verify = Verify a resident

## Fields
accounts-field-email = Email address
accounts-field-name = Name
accounts-field-name-hint = The name shown beside what you write on the platform (1 to 100 characters).
accounts-field-password = Password
accounts-field-password-hint = At least 10 characters. A short sentence you will remember makes a good password.
accounts-field-new-password = New password
accounts-field-current-password = Your current password
accounts-field-language = Preferred language
accounts-form-has-errors = Some information needs correcting:

## Sign-up
accounts-signup-title = Create an account
accounts-signup-lead = An account lets you follow petitions, take part in participatory budgets and register for meetings.
accounts-signup-privacy = We use your address only to send you the messages of your account. Nothing is shared.
accounts-signup-submit = Create my account
accounts-have-account = Already have an account? Log in
accounts-check-mail-title = Check your mailbox
accounts-check-mail = We have sent a message to { $email }. Follow the link in it within 48 hours to confirm your address.
accounts-check-mail-spam = Nothing arrived after a few minutes? Look in the spam folder, then try again.
accounts-mail-failed = We could not send the message. Please try again in a few minutes.

## Confirmation and links
accounts-confirm-title = Confirm your address
accounts-confirm-intro = One last step: press the button to confirm your email address and activate your account.
accounts-confirm-submit = Confirm my address
accounts-confirmed = Your address is confirmed. You can now log in.
accounts-link-problem-title = This link cannot be used
accounts-link-unknown = This link is not valid. Check that you copied the whole link from the message.
accounts-link-used = This link has already been used. Each link works only once.
accounts-link-expired = This link has expired.
accounts-confirm-link-help = Log in with your address and password: if your address is not yet confirmed, we will send you a new link.
accounts-reset-link-help = Ask for a new link on the "Forgotten password" page.

## Log-in, log-out
accounts-login-title = Log in
accounts-login-submit = Log in
accounts-login-failed = The email address or the password is wrong.
accounts-login-unconfirmed = Your address is not confirmed yet. We have just sent you a new confirmation link.
accounts-forgot-link = Forgotten password?
accounts-no-account = No account yet? Create one
accounts-logged-out = You are logged out.
accounts-rate-limited = { $minutes ->
    [one] Too many attempts. Wait one minute, then try again.
   *[other] Too many attempts. Wait { $minutes } minutes, then try again.
}

## Forgotten password
accounts-forgot-title = Forgotten password
accounts-forgot-lead = Give the address of your account: we will send it a link to choose a new password.
accounts-forgot-submit = Send me a link
accounts-forgot-sent = If an account uses this address, a link to choose a new password is on its way. It works for one hour.
accounts-reset-title = Choose a new password
accounts-reset-submit = Save the new password
accounts-password-changed = Your password has been changed and all your sessions were closed. Log in with the new password.

## Profile
accounts-profile-title = My profile
accounts-profile-edit = Edit my profile
accounts-profile-submit = Save
accounts-profile-saved = Your profile is saved.
accounts-verification = Verification
accounts-level-unconfirmed = Address not confirmed
accounts-level-email-confirmed = Address confirmed
accounts-level-resident-verified = Residence verified
accounts-roles = Rights
accounts-admin-badge = Platform administrator
accounts-my-roles = Roles
accounts-residences = Verified residence
accounts-residence-line = { $territory } — verified on { $date } ({ $evidence })
accounts-demographics-legend = Sex and age group (optional)
accounts-demographics-why = Why we ask: to count how many women and men, young and older people take part, as the participation indicators require. They are used only in statistics that never show an individual, are never displayed on your profile and never shared. Untick the box at any time to erase them.
accounts-demographics-consent = I agree that Nousharik keeps my sex and age group for these statistics only.
accounts-not-said = Prefer not to say
accounts-sex = Sex
accounts-sex-female = Woman
accounts-sex-male = Man
accounts-age = Age group
accounts-age-under-18 = Under 18
accounts-age-18-35 = 18 to 35
accounts-age-36-59 = 36 to 59
accounts-age-60-plus = 60 and over

## My data, deletion
accounts-data-title = My data
accounts-data-intro = Download everything Nousharik keeps about you, in JSON format: your account, your roles, your sessions and the journal entries that concern you.
accounts-data-download = Download my data
accounts-delete-title = Delete my account
accounts-delete-what = Deleting your account removes your address, your name, your password, your sex and age group, your roles, your verified residence and your sessions.
accounts-delete-kept = The platform's journal keeps, without your name or address, the trace of actions already taken (for example a verification you made as staff), so that the history of decisions stays verifiable.
accounts-delete-submit = Delete my account for good
accounts-delete-cancel = Keep my account
accounts-delete-wrong-password = The password is wrong.
accounts-delete-last-admin = You are the only administrator: make another account administrator first.
accounts-deleted-title = Account deleted
accounts-deleted = Your account is deleted. Thank you for having taken part.

## Form errors
accounts-error-email-empty = Enter your email address.
accounts-error-email-too-long = This address is too long (254 characters at most).
accounts-error-email-invalid = This is not a valid email address. Example: name@example.ma
accounts-error-name-empty = Enter a name.
accounts-error-name-too-long = The name is too long (100 characters at most).
accounts-error-name-control = The name contains invisible control characters. Type it again.
accounts-error-password-too-short = The password is too short: at least 10 characters.
accounts-error-password-too-long = The password is too long: 256 characters at most.
accounts-error-password-same-as-email = The password must not be your email address.
accounts-error-language = Choose one of the offered languages.
accounts-error-consent-missing = To keep your sex or age group, tick the consent box — or choose "Prefer not to say".
accounts-error-sex-invalid = Choose one of the offered answers.
accounts-error-age-invalid = Choose one of the offered age groups.
accounts-error-organisation = Choose an organisation from the list.
accounts-error-role = Choose a role from the list.
accounts-error-territory = Choose a territory from the list.
accounts-error-evidence = Choose what the person showed.
accounts-error-bad-form = The form is incomplete. Reload the page and try again.

## Expired or forged forms
accounts-csrf-title = This form has expired
accounts-csrf-text = For your safety, the form was not accepted: it was opened too long ago, in another session, or sent from another site. Nothing was changed. Go back to the form, reload it and send it again.
accounts-csrf-back = Back to the form
accounts-csrf-kept = What you typed (passwords excepted), so that nothing is lost:

## Roles and evidence
accounts-role-staff = Staff member
accounts-role-elected-member = Elected member
accounts-role-bureau-member = Bureau member
accounts-role-moderator = Moderator
accounts-role-association-representative = Association representative
accounts-role-coordinator = Coordinator
accounts-evidence-cin-shown = National identity card shown at the counter
accounts-evidence-residence-certificate = Residence certificate
accounts-evidence-electoral-roll = Electoral roll

## Administration
accounts-admin-users-title = Accounts
accounts-admin-search = Search by address or name
accounts-admin-search-submit = Search
accounts-admin-no-users = No account found.
accounts-admin-created = Created on
accounts-admin-pages = Pages
accounts-admin-prev = Previous page
accounts-admin-next = Next page
accounts-admin-rights = Administration rights
accounts-admin-grant-admin = Make administrator
accounts-admin-revoke-admin = Remove administrator rights
accounts-admin-no-roles = No role.
accounts-admin-no-residence = No verified residence.
accounts-admin-membership-grant = Grant a role
accounts-admin-organisation = Organisation
accounts-admin-role = Role
accounts-admin-grant = Grant
accounts-admin-revoke = Withdraw
accounts-admin-admin-granted = The account is now an administrator.
accounts-admin-admin-revoked = Administrator rights removed.
accounts-admin-role-granted = Role granted.
accounts-admin-role-revoked = Role withdrawn.
accounts-admin-residence-revoked = Residence verification withdrawn.

## Resident verification (staff)
accounts-staff-verify-title = Verify a resident
accounts-staff-verify-lead = Record that a person who came to the counter lives in a territory. A verified resident can sign petitions and vote for that territory.
accounts-staff-no-cin = Look at the document, then give it back: never write the identity card number anywhere. Only the kind of document is recorded.
accounts-staff-person-email = The person's account address
accounts-staff-territory = Territory of residence
accounts-staff-evidence = Document shown
accounts-staff-verify-submit = Record the verification
accounts-staff-verified = { $name } is recorded as a resident of { $territory }.
accounts-staff-user-unknown = No confirmed account uses this address. Ask the person to create an account and confirm it first.
accounts-staff-not-yourself = You cannot verify your own residence: ask a colleague.
accounts-staff-territory-not-allowed = You may verify residents only in the territories of your organisation.

## Mails
accounts-mail-greeting = Hello { $name },
accounts-mail-signature = — Nousharik, the citizen-participation platform
accounts-mail-confirm-subject = Confirm your Nousharik address
accounts-mail-confirm-body = Welcome to Nousharik. To activate your account, confirm your email address with the link below. It works once, for 48 hours.
accounts-mail-confirm-action = Confirm my address
accounts-mail-confirm-after = If you did not create this account, ignore this message: nothing will happen.
accounts-mail-existing-subject = Sign-up attempt with your address
accounts-mail-existing-body = Someone tried to create a Nousharik account with your address, which already has one. If it was you, log in; if you forgot your password, choose a new one with the link below.
accounts-mail-existing-action = Choose a new password
accounts-mail-existing-after = If it was not you, ignore this message: your account is unchanged.
accounts-mail-reset-subject = Choose a new Nousharik password
accounts-mail-reset-body = A new password was requested for your account. Choose it with the link below. It works once, for one hour.
accounts-mail-reset-action = Choose a new password
accounts-mail-reset-after = If you did not ask for it, ignore this message: your password is unchanged.
