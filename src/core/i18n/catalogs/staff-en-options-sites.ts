/**
 * The options page's enabled sites (each with its own options) and demo profiles (the
 * profile editor, moving a demo between browsers) in English. Part of `staffEn`.
 */
export const staffEnOptionsSites = {
  'options.sites.intro': 'Beckon watches pages only on these sites. Nothing else is requested at install. Changes here are saved at once.',
  'options.sites.remove': 'Remove',
  'options.sites.disable': 'Disable {site}',
  'options.sites.none': 'No site is enabled: no offer will be made anywhere.',
  'options.sites.add': 'Add a site',
  'options.sites.placeholder': 'https://shop.example.com',
  'options.sites.enable': 'Enable site',
  'options.sites.invalid': 'Enter a site address like https://shop.example.com, or a match pattern like https://*.example.com/*',
  'options.sites.already': '{site} is already enabled.',
  'options.sites.refused': 'Permission for {site} was not granted, so the site was not enabled.',
  'options.sites.enabled': 'Enabled {site}. Open tabs there get offers without a reload.',
  'options.sites.noPrompt': 'Could not request permission: {error}',
  'options.sites.disabled': 'Disabled {site}.',

  'options.site.pageApiOn': 'Page API on {site}',
  'options.site.pageApiWarning':
    'Scripts on this site can then offer chats, start chats, and read the chats they started (pega.chat.proactiveChat and the Genesys chat API). Turn it on only for a site whose scripts you trust. Open pages get it at once; reload a page whose scripts look for it as they load.',
  'options.site.waitTitle': '0: the offer stays open until the visitor answers',
  'options.site.queuePlaceholder': "the first enabled rule's",
  'options.site.notSaved': 'Could not save: {error}',

  'options.profiles.intro':
    "How the widget looks and which language it speaks on a prospect's site. Each enabled site uses one (under Enabled sites); the default is Beckon's own look. Saved at once with Save profile.",
  'options.profiles.pick': 'Profile',
  'options.profiles.add': 'Add profile',
  'options.profiles.delete': 'Delete',
  'options.profiles.defaultStays': 'The default profile stays',
  'options.profiles.unused': 'No enabled site uses this profile yet.',
  'options.profiles.usedOn': 'Used on {sites}.',
  'options.profiles.newName': 'Prospect {n}',

  'options.profile.picker': '{colour}: picker',
  'options.profile.removeLogo': 'Remove logo',
  'options.profile.logoHint': 'PNG, JPEG, WebP or GIF, at most {kb} KB. Kept in the extension, never fetched from the network.',
  'options.profile.logoType': '{file} is not a PNG, JPEG, WebP or GIF image.',
  'options.profile.logoSize': '{file} is {kb} KB; a logo may be at most {max} KB.',
  'options.profile.brandHint': 'Shown in the widget instead of “Beckon chat”.',
  'options.profile.corner.right': 'Bottom right',
  'options.profile.corner.left': 'Bottom left',
  'options.profile.eyebrowHint': 'The offer card\'s small heading. Empty: the language\'s own (“Need a hand?”).',
  'options.profile.pageLanguage': 'The page’s language (<html lang>), else English',
  'options.profile.save': 'Save profile',
  'options.profile.preview': 'Preview: the offer and the chat window as a visitor sees them (not saved yet)',
  'options.profile.fix': 'Not saved: fix the fields marked above.',

  'options.demo.title': 'Move a demo to another browser',
  'options.demo.export': 'Export this demo',
  'options.demo.import': 'Import a demo file',
  'options.demo.tooLarge': 'Too large for a demo file (at most 2 MB)',
  'options.demo.imported': 'Imported the demo “{name}”.',
  'options.demo.plan': '{profile}; {sites}; {rules}.',
  'options.demo.profile': 'Profile {name}',
  'options.demo.profileNewId': 'Profile {name} (under a new id: one of the same id is here)',
  'options.demo.sites': 'sites to enable (the browser asks for permission): {sites}',
  'options.demo.noSite': 'no new site',
  'options.demo.rules': 'rules added: {rules}',
  'options.demo.noRule': 'no new rule',
  'options.demo.confirm': 'Import demo',
} as const;
