/**
 * The popup's staff strings in English: its header and states, the presenter's controls, the
 * demo report's links, the rule debugger and the CRM line. Part of `staffEn` (staff-en.ts).
 */
export const staffEnPopup = {
  'popup.title': 'Beckon',
  'popup.settings': 'Settings',
  'popup.updated': 'Beckon was updated. Reopen this popup.',
  'popup.connecting': 'Connecting…',
  'popup.evicted': 'This page keeps hiding the chat window ({reason}), so the chat continues here.',
  'popup.empty': 'No chat offer on this tab yet. On an enabled site, an offer appears when a rule matches; the rule debugger below says what each rule is waiting for.',

  'presenter.label': 'Presenter',
  'presenter.offerNow': 'Offer now',
  'presenter.offerIn': 'Offer in',
  'presenter.seconds': 's',
  'presenter.start': 'Start',
  'presenter.countdown': 'Offer in {seconds} s',
  'presenter.cancel': 'Cancel',

  'report.label': 'Demo report:',
  'report.html': 'HTML',
  'report.json': 'JSON',
  'report.interrupted': 'The connection to Beckon was interrupted: try again.',
  'report.noAnswer': 'Beckon did not answer in time: try again.',
  'report.notConnected': 'Not connected to Beckon: try again in a moment.',

  'debug.title': 'Rule debugger',
  'debug.noContext': 'No page context yet: Beckon is not watching this tab (enable the site in Settings, or reload).',
  'debug.heldBack': 'matches, held back: {reason}',
  'debug.matches': 'matches',
  'debug.waiting': 'waiting, {seconds} s to go',
  'debug.noMatch': 'does not match',
  'debug.disabled': 'disabled',
  'debug.forward': '+{seconds} s on page',
  'debug.exitIntent': 'Exit intent',
  'debug.resetVisitor': 'Reset visitor',
  // A yes/no signal's value in the debugger's signal line.
  'debug.true': 'true',
  'debug.false': 'false',

  'crm.label': 'CRM',
  'crm.interaction': 'Interaction',
  'crm.interactionId': 'Interaction {id}',
  'crm.off': 'Not synced to a CRM.',
  'crm.synced': '{interaction} in the {where}: up to date.',
  'crm.notAnswering': '{interaction}: the {where} is not answering ({error}); retrying.',
  'crm.syncing': '{interaction}: syncing with the {where}…',
  'crm.starting': 'Starting the interaction in the {where}…',
  'crm.failed': '{interaction}: the {where} refused an update ({error}). Retry it from the CRM sync log in Settings.',
  'crm.unknownError': 'unknown error',
  // Where the interaction is, in the CRM line's sentences (CRM_CONNECTOR_INFO's short labels).
  'crm.where.none': 'none',
  'crm.where.sandbox': 'Sandbox CRM',
  'crm.where.pega': 'Pega desktop',
  'crm.where.webhook': 'webhook',
} as const;
