/**
 * The options page's CRM field labels and connector names in English (the connectors' as
 * core's `CRM_CONNECTOR_INFO` has them; a test keeps them in step). Part of `staffEn`.
 */
export const staffEnOptionsCrmFields = {
  'options.crm.connector': 'Send interactions to',
  'options.crm.sandbox.url': 'Sandbox CRM URL',
  'options.crm.sandbox.token': 'Sandbox CRM token',
  'options.crm.pega.portal': 'Pega desktop portal (match pattern)',
  'options.crm.pega.timeoutSeconds': 'Callback timeout (seconds)',
  'options.crm.webhook.url': 'Webhook URL',
  'options.crm.webhook.headers': 'Webhook headers',
  'options.crm.webhook.secret': 'Signing secret',
  'options.crm.interactionClass': 'Interaction class',
  'options.crm.flowName': 'Flow name',
  'options.crm.persona': 'Demo persona',
  'options.crm.persona.contactId': 'ContactId',
  'options.crm.persona.accountNumber': 'AccountNumber',
  'options.crm.persona.name': 'Customer name',
  'options.crm.recordOutcomes': 'Also record offer outcomes',

  'options.crm.connector.none': 'Off',
  'options.crm.connector.sandbox': 'Beckon Sandbox CRM',
  'options.crm.connector.pega': 'Pega Customer Service desktop',
  'options.crm.connector.webhook': 'Webhook',
} as const;
