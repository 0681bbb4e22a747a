# Platform-wide messages (layout, errors). Arabic is the default locale.
platform-name = نشارك
platform-tagline = منصة المشاركة المواطنة في الجهة وجماعاتها
platform-skip = انتقل إلى المحتوى
platform-nav-label = القائمة الرئيسية
platform-nav-home = الرئيسية
platform-lang-label = اللغة
platform-footer-about = نشارك منصة مفتوحة المصدر للمشاركة المواطنة، تديرها الجهة وجماعاتها.
platform-footer-licence = برنامج حر بموجب رخصة AGPL-3.0.
platform-back-home = العودة إلى الصفحة الرئيسية
platform-not-found-title = الصفحة غير موجودة
platform-not-found-text = لم نجد الصفحة التي تبحث عنها. ربما تغير عنوانها أو حذفت.
platform-error-title = حدث خطأ
platform-error-text = حدث خطأ من جهتنا. أعد المحاولة بعد قليل؛ وقد سُجل الخطأ لكي نصلحه.
platform-bad-request-title = طلب غير صالح
platform-bad-request-text = تعذرت معالجة الطلب. تحقق من المعلومات ثم أعد المحاولة.
platform-forbidden-title = غير مسموح
platform-forbidden-text = لا تملك الصلاحية للقيام بهذا الإجراء.
platform-unauthorized-title = يلزم تسجيل الدخول
platform-unauthorized-text = سجل الدخول لمتابعة هذا الإجراء.
platform-conflict-title = تعارض
platform-conflict-text = تغيرت هذه المعلومات في الأثناء. أعد تحميل الصفحة ثم أعد المحاولة.
platform-too-many-title = طلبات كثيرة
platform-too-many-text = أرسلت طلبات كثيرة في وقت قصير. انتظر قليلا ثم أعد المحاولة.
platform-unavailable-title = الخدمة غير متاحة مؤقتا
platform-unavailable-text = لا يمكن الوصول إلى قاعدة البيانات حاليا. أعد المحاولة بعد قليل.
platform-bad-language = اللغة المطلوبة غير متوفرة. اللغات المتوفرة: العربية والفرنسية والأمازيغية والإنجليزية.
platform-welcome-name = مرحبا، { $name }!
platform-languages-count = { $count ->
    [zero] لا توجد أي لغة
    [one] متوفرة بلغة واحدة
    [two] متوفرة بلغتين
    [few] متوفرة بـ{ $count } لغات
    [many] متوفرة بـ{ $count } لغةً
   *[other] متوفرة بـ{ $count } لغةٍ
}
