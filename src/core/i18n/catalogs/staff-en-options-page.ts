/**
 * The options page's frame in English: title, sections, the save bar and its statuses, the
 * error summary and how it names a field (`Rule 2 “Loans” › Condition 1 › At least`), and
 * what the page says when the background or a permission fails it. Part of `staffEn`.
 */
export const staffEnOptionsPage = {
  'options.loading': 'Loading settings…',
  'options.title': 'Beckon settings',
  'options.nav': 'Sections',
  'options.form': 'Settings',

  'options.section.backend': 'Chat backend',
  'options.section.rules': 'Rules',
  'options.section.capping': 'Frequency capping',
  'options.section.businessHours': 'Business hours',
  'options.section.pageName': 'Page name',
  'options.section.privacy': 'Privacy',
  'options.section.crm': 'CRM sync',
  'options.section.profiles': 'Demo profiles',
  'options.section.sites': 'Enabled sites',
  'options.section.importExport': 'Import and export',
  'options.section.outcomes': 'Outcome log',
  'options.section.crmLog': 'CRM sync log',

  'options.privacy.label': 'Privacy guard: remove email addresses and long numbers from page names and URLs',
  'options.privacy.hint': 'Applied as soon as a page is reported: rules, the agent and the CRM only ever see the cleaned page name, URL and referrer. On by default.',

  'options.save': 'Save',
  'options.restoreDefaults': 'Restore defaults',
  'options.unsaved': 'Unsaved changes',
  'options.status.refused': 'Not saved: {n, plural, one {# problem} other {# problems}} to fix (listed at the top).',
  'options.status.notSaved': 'Not saved.',
  'options.status.failed': 'Not saved: {error}',
  'options.status.saved': 'Saved.',
  'options.status.defaults': 'Defaults restored in the form: press Save to keep them.',
  'options.status.imported': 'Imported and saved.',
  'options.status.stillLoading': 'the settings are still loading',
  'options.status.importRefused': 'permission for {origins} was not granted, so nothing was saved.',

  'options.summary.title': '{n, plural, one {There is a problem: nothing was saved} other {There are # problems: nothing was saved}}',
  'options.summary.item': '{field}: {message}',

  // How the summary (and the import preview) names a field: a path of labels.
  'options.path': '{parent} › {child}',
  'options.path.rule': 'Rule {n}',
  'options.path.ruleNamed': 'Rule {n} “{name}”',
  'options.path.condition': 'Condition {n}',
  'options.path.metadataRow': 'Metadata row {n}',
  'options.path.webhookHeader': 'Webhook header {n}',
  'options.path.urlMapRow': 'URL-to-name row {n}',

  'options.background.timeout': "No answer from Beckon's background after {seconds} s. Try again; if it keeps happening, reload the extension.",
  'options.background.noAnswer': "Beckon's background did not answer. Reload the extension (or this page) and try again.",
  'options.background.unreachable': "Could not reach Beckon's background ({reason}). Reload the extension (or this page) and try again.",

  // A host permission: the sentence, and what each host is needed for.
  'options.permission.refused': 'Beckon needs permission to reach {origin} {purpose}.',
  'options.permission.backend': 'to talk to this server',
  'options.permission.sandbox': 'to sync with this CRM',
  'options.permission.pega': 'to reach the Pega desktop in its tab',
  'options.permission.webhook': 'to send events to this webhook',

  // Both logs.
  'options.log.loading': 'Loading…',
  'options.log.showing': 'Showing the newest {shown} of {total}.',
  'options.log.time': 'Time',
} as const;
