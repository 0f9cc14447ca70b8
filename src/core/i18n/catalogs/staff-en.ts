/**
 * The staff-facing strings (the popup's rule debugger and status lines; the options page to
 * come), in English: the source every staff catalog is typed against. Staff pages stay in
 * English for now; adding a language is one more file typed `StaffCatalog` (staff.ts).
 */
export const staffEn = {
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

  'popup.settings': 'Settings',
  'popup.updated': 'Beckon was updated. Reopen this popup.',
  'popup.connecting': 'Connecting…',
  'popup.evicted': 'This page keeps hiding the chat window ({reason}), so the chat continues here.',
  'popup.empty': 'No chat offer on this tab yet. On an enabled site, an offer appears when a rule matches; the rule debugger below says what each rule is waiting for.',

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
} as const;
