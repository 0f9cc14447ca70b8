/**
 * The options page's smaller sections in English: the chat backend, frequency capping,
 * business hours and the page name's sources. Part of `staffEn`.
 */
export const staffEnOptionsSections = {
  'options.backend.intro': 'A Beckon Sandbox, or a Genesys server speaking the GWS Customer Chat API v2 or the GMS Chat API v2.',
  // {url} and {service}: `{URL}`, `{service name}`, the braces added by the page around the two words below.
  'options.backend.urlHint.gws':
    'Requests go to {url}/api/v2/chats. The Beckon Sandbox runs at http://127.0.0.1:7400 by default. Saving asks for permission to reach this host.',
  'options.backend.urlHint.gms':
    'The GMS base URL: requests go to {url}/genesys/2/chat/{service}. The Beckon Sandbox serves this API too, at http://127.0.0.1:7400 by default. Saving asks for permission to reach this host.',
  'options.backend.urlWord': 'URL',
  'options.backend.serviceWord': 'service name',
  'options.backend.contactCenterIdHint': 'Sent in the ContactCenterId header of every request.',
  'options.backend.serviceNameHint': 'The GMS chat service that routes these chats, e.g. request-chat (the default) or customer-support.',
  'options.backend.nicknameHint': 'The name the agent sees.',

  'options.capping.intro': 'Limits that apply to every rule, across all tabs and sites.',
  'options.capping.declineCooldownMinutesHint': 'No offer anywhere for this long after the visitor says No thanks.',
  'options.capping.afterChatMinutesHint': 'No offer for this long after a chat started or ended.',
  'options.capping.minGapSecondsHint': 'Between any two offers, on any tab or site.',
  'options.capping.dailyCapHint': 'Counted per local day.',
  'options.capping.visitTimeoutMinutesHint': 'A new visit starts after this long without a page view.',

  'options.hours.enabledHint': 'Outside these hours no offer is made (the outcome log says why).',
  'options.hours.timeZoneHint': 'An IANA name, e.g. Europe/Paris or America/New_York.',
  'options.hours.day': 'Day',
  'options.hours.dayOpen': '{day} open',
  'options.hours.dayOpens': '{day} opens',
  'options.hours.dayCloses': '{day} closes',
  'options.hours.holidaysHint': 'One date per line, YYYY-MM-DD, in the time zone above.',

  'options.pageName.intro': 'Sources are tried in this order; the first that gives a name wins. The document title is the last resort.',
  'options.pageName.step': '{n}. {title}',
  'options.pageName.urlMapHint': 'The first URL pattern (glob or /regex/) that matches names the page.',
  'options.pageName.rowPattern': 'URL-to-name row {n} URL pattern',
  'options.pageName.rowName': 'URL-to-name row {n} page name',
  'options.pageName.patternPlaceholder': '**/billing/**',
  'options.pageName.namePlaceholder': 'Bill Payment',
  'options.pageName.remove': 'Remove',
  'options.pageName.removeRow': 'Remove URL-to-name row {n}',
  'options.pageName.add': 'Add URL pattern',
  'options.pageName.content': 'Page content',
  'options.pageName.selectorHint': 'The text of the first element matching this selector, e.g. h1 or .product-title. Leave empty to skip.',
  'options.pageName.ogTitle': 'Use the {tag} meta tag',
  'options.pageName.last': '3. Otherwise the document title, and for a page without one, the host name.',
} as const;
