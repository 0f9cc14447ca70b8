/**
 * What the visitor reads, in Arabic (Modern Standard Arabic, written right to left). Typed
 * against English (visitor-en.ts): a missing or extra key does not compile;
 * test/unit/i18n-catalogs.test.ts checks the arguments. Plurals use all six of Arabic's CLDR
 * categories where a count shows.
 */
import type { VisitorCatalog } from '../visitor';

export const visitorAr: VisitorCatalog = {
  'offer.eyebrow': 'هل تحتاج إلى مساعدة؟',
  'offer.accept': 'بدء المحادثة',
  'offer.decline': 'لا، شكرًا',
  'offer.question': 'هل تود الدردشة معنا؟',

  'window.title': '{brand} · {queue}',
  'window.minimise': 'تصغير المحادثة',
  'window.close': 'إغلاق المحادثة',
  'window.restore': 'المحادثة',
  'window.restoreEnded': 'المحادثة (انتهت)',

  'status.requesting': 'جارٍ بدء المحادثة…',
  'status.waiting': 'في انتظار أحد الموظفين…',
  'status.chatting': 'تتحدث مع {agents}',
  'status.connected': 'متصل',
  'status.transferred': 'جارٍ تحويلك إلى موظف آخر…',
  'status.ended': 'انتهت المحادثة',

  'chat.label': 'المحادثة',
  'chat.end': 'إنهاء المحادثة',
  'chat.offline': 'تعذّر الوصول إلى خادم المحادثة. رسائلك محفوظة وستُرسل عند عودته.',
  'chat.you': 'أنت',
  'chat.typing': 'الموظف يكتب…',
  'chat.transcript': 'سجل المحادثة',
  'chat.earlier': 'عرض الرسائل السابقة ({count, number})',
  'chat.retry': 'إعادة المحاولة',
  'delivery.pending': 'جارٍ الإرسال…',
  'delivery.failed': 'لم تُسلَّم',
  'delivery.fileFailed': 'لم يُرسَل',

  'composer.label': 'الرسالة',
  'composer.placeholder': 'اكتب رسالة…',
  'composer.ended': 'انتهت هذه المحادثة',
  'composer.send': 'إرسال',

  'download.label': 'تنزيل سجل المحادثة:',
  'download.text': 'نص',

  'file.removed': '(محذوف)',
  'file.download': 'تنزيل',
  'file.downloadName': 'تنزيل {name}',
  'file.downloading': 'جارٍ التنزيل…',
  'file.damaged': 'وصل الملف تالفًا، حاول مرة أخرى.',
  'attach.button': 'إرفاق ملف',
  'attach.preparing': 'جارٍ تجهيز {name}…',
  'attach.hint': '{types}، حتى {max, size}',
  'attach.anyType': 'أي نوع',
  'attach.unreadable': 'تعذّرت قراءة {name}، أرفقه مرة أخرى.',
  'upload.wrongType': 'لا يمكن إرسال {name}: تقبل هذه المحادثة ملفات {types} فقط.',
  'upload.wrongExtension': 'لا يمكن إرسال {name}: تقبل هذه المحادثة ملفات {types}، وليس ملفات {ext}.',
  'upload.empty': 'الملف {name} فارغ.',
  'upload.tooBig': 'حجم {name} هو {size, size}، ويمكن إرسال ملفات يصل حجمها إلى {max, size}.',
  'upload.tooMany': 'أرسلت {max, plural, zero {# ملف} one {ملفًا واحدًا} two {ملفين} few {# ملفات} many {# ملفًا} other {# ملف}}، وهو الحد الأقصى لهذه المحادثة.',
  'upload.totalTooBig': 'حجم {name} هو {size, size}، ولا تقبل هذه المحادثة سوى {left, size} إضافية.',
  'upload.needAgent': 'يمكن إرسال الملفات بعد انضمام أحد الموظفين.',
  'size.bytes': '{n, plural, zero {# بايت} one {بايت واحد} two {بايتان} few {# بايت} many {# بايت} other {# بايت}}',
  'size.kb': '{n} كيلوبايت',
  'size.mb': '{n} ميغابايت',
  'size.gb': '{n} غيغابايت',

  'notice.joined': 'انضم {name} إلى المحادثة',
  'notice.left': 'غادر {name} المحادثة',
  'notice.youEnded': 'لقد أنهيت المحادثة.',
  'notice.ended': 'انتهت المحادثة.',
  'notice.gone': 'لم تعد هذه المحادثة موجودة على خادم المحادثة.',
  'notice.notStarted': 'تعذّر بدء المحادثة: {reason}',
  'notice.serverEnded': 'أنهى خادم المحادثة هذه المحادثة: {reason}',

  'error.interrupted': 'انقطع الاتصال، حاول مرة أخرى.',
  'error.noAnswer': 'لم يصل رد في الوقت المحدد، حاول مرة أخرى.',
  'error.notConnected': 'لا يوجد اتصال، حاول مرة أخرى بعد قليل.',
  'error.noFiles': 'لا تقبل هذه المحادثة الملفات.',
  'error.fileGone': 'لم يعد هذا الملف موجودًا في هذه المحادثة.',
  'error.noFileServer': 'لا يوفّر خادم المحادثة هذا الملفات.',
  'error.downloadFailed': 'تعذّر تنزيل الملف: {reason}',

  'switcher.label': 'المحادثة',
  'switcher.choose': 'اختر محادثة…',
  'switcher.where': '{site}، {queue}',
  'switcher.chat': '{where}، {time}: {status}',
  'switcher.chatUnread': '{where}، {time}: {status}، {count, number} غير مقروءة',

  'export.heading': 'محادثة في قائمة الانتظار {queue}',
  'export.title': 'محادثة: {queue}',
  'export.unknownTime': 'وقت غير معروف',
  'export.notDelivered': '(لم تُسلَّم)',
};
