// Strings of the notifications UI: the bell, the inbox and the notification settings. Keys mirror
// ../ru/inbox.ts exactly (test/i18n-catalogue.test.ts checks). All under `inbox.*`: the server's
// own `notification.*` keys (the titles and bodies it renders) live in its catalogue.
export const enInbox = {
  // ------------------------------------------------------------------ the bell
  'inbox.bell.label':
    '{count, plural, =0 {Notifications, none unread} one {Notifications, # unread} other {Notifications, # unread}}',
  'inbox.bell.title': 'Notifications',
  'inbox.bell.empty': 'Nothing yet. Assignments, reminders and decisions for you will appear here.',
  'inbox.bell.openInbox': 'Open inbox',
  'inbox.bell.settings': 'Settings',
  'inbox.bell.settingsLabel': 'Notification settings',

  // ------------------------------------------------------------------ shared
  'inbox.markAllRead': 'Mark all read',
  'inbox.markRead': 'Mark read',
  'inbox.markReadLabel': 'Mark read: “{title}”',
  'inbox.unread': 'Unread',
  'inbox.urgent': 'Urgent',
  'inbox.unreadCount': '{count, plural, one {# unread} other {# unread}}',

  // ------------------------------------------------------------------ the inbox page
  'inbox.title': 'Notifications',
  'inbox.description': 'Everything addressed to you, newest first. Days follow your time zone ({zone}).',
  'inbox.tabs.label': 'Which notifications',
  'inbox.tabs.all': 'All',
  'inbox.tabs.unread': 'Unread',
  'inbox.day.today': 'Today',
  'inbox.day.yesterday': 'Yesterday',
  'inbox.loadMore': 'Show older',
  'inbox.end': 'That’s everything.',
  'inbox.empty.allTitle': 'No notifications yet',
  'inbox.empty.allText':
    'When someone assigns you a task, a deadline comes close or a decision waits for you, it shows up here.',
  'inbox.empty.unreadTitle': 'You’re all caught up',
  'inbox.empty.unreadText': 'No unread notifications.',
  'inbox.settingsLink': 'Notification settings',

  // ------------------------------------------------------------------ settings
  'inbox.settings.title': 'Notification settings',
  'inbox.settings.description':
    'Choose how each kind of notification reaches you. Urgent ones are e-mailed at once; the others wait for your working hours.',
  'inbox.settings.kindsTitle': 'What reaches you',
  'inbox.settings.kindColumn': 'Notification',
  'inbox.settings.deliveryColumn': 'Delivery',
  'inbox.settings.deliveryLabel': 'Delivery of “{kind}”',
  'inbox.settings.mode.all': 'In-app + e-mail',
  'inbox.settings.mode.inApp': 'In-app only',
  'inbox.settings.mode.off': 'Off',
  'inbox.settings.emailUnavailable': 'E-mail is not set up on this server',
  'inbox.settings.emailUnavailableText':
    'Notifications arrive in the app only until an administrator sets up e-mail.',
  'inbox.settings.digestTitle': 'Daily digest',
  'inbox.settings.digestText':
    'One e-mail at the start of your working day with what you have not read yet, instead of an e-mail for each non-urgent notification.',
  'inbox.settings.digestSwitch': 'Send me a daily digest',
  'inbox.settings.hoursTitle': 'Working hours',
  'inbox.settings.hoursText':
    'Non-urgent e-mail waits until your working hours start. Your time zone: {city} ({abbreviation}).',
  'inbox.settings.hoursEdit': 'Edit working hours',
  'inbox.settings.hoursNone': 'No working days set.',
  'inbox.settings.save': 'Save settings',
  'inbox.settings.saved': 'Notification settings saved.',
  'inbox.settings.unsaved': 'Unsaved changes',

  // ------------------------------------------------------------------ profile
  'inbox.profile.title': 'Notifications',
  'inbox.profile.text':
    'Choose what reaches you in the app and by e-mail, and whether to get a daily digest.',
} as const;
