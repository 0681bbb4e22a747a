# Platform-wide messages (layout, errors).
platform-name = Nousharik
platform-tagline = The citizen-participation platform of the region and its communes
platform-skip = Skip to content
platform-nav-label = Main menu
platform-nav-home = Home
platform-lang-label = Language
platform-footer-about = Nousharik is a free and open-source citizen-participation platform run by the region and its communes.
platform-footer-licence = Free software under the AGPL-3.0 licence.
platform-back-home = Back to the home page
platform-not-found-title = Page not found
platform-not-found-text = We could not find the page you asked for. Its address may have changed or it was removed.
platform-error-title = Something went wrong
platform-error-text = An error happened on our side. Please try again in a moment; the error was logged so we can fix it.
platform-bad-request-title = Invalid request
platform-bad-request-text = The request could not be processed. Check the information and try again.
platform-forbidden-title = Not allowed
platform-forbidden-text = You are not allowed to do this.
platform-unauthorized-title = Sign-in required
platform-unauthorized-text = Sign in to continue.
platform-conflict-title = Conflict
platform-conflict-text = This information changed in the meantime. Reload the page and try again.
platform-too-many-title = Too many requests
platform-too-many-text = You sent too many requests in a short time. Wait a little and try again.
platform-unavailable-title = Service temporarily unavailable
platform-unavailable-text = The database is not answering right now. Please try again in a moment.
platform-bad-language = This language is not available. Available languages: Arabic, French, Tamazight and English.
platform-welcome-name = Hello, { $name }!
platform-languages-count = { $count ->
    [one] Available in one language
   *[other] Available in { $count } languages
}
