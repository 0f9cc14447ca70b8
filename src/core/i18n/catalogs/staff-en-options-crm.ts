/**
 * The options page's CRM parts in English: the CRM sync section, each connector's fields,
 * the webhook's headers, Test connection and the CRM sync log. Part of `staffEn`.
 */
export const staffEnOptionsCrm = {
  'options.crm.intro': 'Each chat becomes an interaction in a CRM, kept in step with the chat; the CRM sync log below shows every event.',
  'options.crm.hint.none': 'Nothing is sent to a CRM.',
  'options.crm.hint.sandbox': 'The CRM of the local Beckon Sandbox: interactions, switches, transcripts and outcomes show beside each chat in the agent console.',
  'options.crm.hint.pega': 'Calls pega.CS (startInteraction, switchInteraction, endInteraction) in an open Pega Customer Service desktop tab.',
  'options.crm.hint.webhook': 'POSTs each event as JSON to your endpoint, optionally signed.',
  'options.crm.interaction': 'Interaction',
  'options.crm.interactionClassHint': 'The class of pega.CS.startInteraction, e.g. PegaCA-Work-Interaction-Chat.',
  'options.crm.flowNameHint': 'The flow it starts, e.g. CPMInteraction.',
  'options.crm.personaHint': 'The customer every interaction is about: sent as the ContactId and AccountNumber params.',
  'options.crm.optional': 'Optional.',
  'options.crm.outcomesHint': 'Offers made, accepted, declined, timed out and suppressed are sent too.',
  'options.crm.noOutcomesHint': 'Pega has no API for offer outcomes: with the Pega desktop, only interactions are recorded.',
  'options.crm.offHint': 'CRM sync is off: choose a connector to test it.',
  'options.crm.notInUse': '{connector} (not in use: fix these to save)',

  'options.crm.sandbox.urlPlaceholder': 'http://127.0.0.1:7400',
  'options.crm.sandbox.urlHint':
    'The Beckon Sandbox serves its CRM beside the chat server (http://127.0.0.1:7400 by default); interactions show next to each chat in the agent console.',
  'options.crm.sandbox.tokenHint': 'Sent as {header}. The Sandbox prints its token when it starts.',
  'options.crm.pega.note':
    'The Pega Customer Service desktop must be open and signed in, in a tab of this browser: Beckon calls {api} there. Pega has no API for offer outcomes, so only interactions are recorded.',
  'options.crm.pega.portalPlaceholder': 'https://pega.example.com/prweb/*',
  'options.crm.pega.portalHint': "The desktop's address as a match pattern, e.g. https://pega.example.com/prweb/*. Saving asks for permission to reach this host.",
  'options.crm.pega.timeoutHint': 'How long a pega.CS call may take to call back (1-120).',
  'options.crm.webhook.urlPlaceholder': 'https://crm.example.com/hooks/beckon',
  'options.crm.webhook.urlHint': 'Each event is POSTed here as JSON. Saving asks for permission to reach this host.',
  'options.crm.webhook.secretHint':
    'Each request then carries {header}, the HMAC-SHA256 of the request body with this secret, so the receiver can check it came from Beckon. Leave empty to send no signature.',

  'options.headers.title': 'Headers',
  'options.headers.hint': 'Sent with every event, e.g. {example}. Beckon sets {contentType} and {signature} itself. Rows left empty are ignored.',
  'options.headers.name': 'Name',
  'options.headers.value': 'Value',
  'options.headers.rowName': 'Header {n} name',
  'options.headers.rowValue': 'Header {n} value',
  'options.headers.namePlaceholder': 'X-Api-Key',
  'options.headers.remove': 'Remove',
  'options.headers.removeRow': 'Remove header {n}',
  'options.headers.removeNamedRow': 'Remove header {n} ({name})',
  'options.headers.add': 'Add header',

  'options.secret.show': 'Show {field}',
  'options.secret.hide': 'Hide {field}',

  'options.crmTest.button': 'Test connection',
  'options.crmTest.busy': 'Testing…',
  'options.crmTest.invalid': 'Not tested: {n, plural, one {# problem} other {# problems}} to fix first (marked above).',
  'options.crmTest.refused': 'Not tested: {reason}',
  'options.crmTest.noPrompt': 'Not tested: could not ask for permission ({error}).',
} as const;
