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
} as const;
