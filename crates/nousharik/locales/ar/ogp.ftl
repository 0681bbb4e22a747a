# الحكومة المنفتحة، OGP المحلية (src/ogp/).
ogp-nav = الحكومة المنفتحة
ogp-index-title = الحكومة المنفتحة: خطط عمل OGP المحلية
ogp-index-lead = التزامات الجهة وجماعاتها في إطار شراكة الحكومة المنفتحة، ومدى تقدمها، وتقييمها الذاتي، ومراجعتها من طرف المجتمع المدني.
ogp-csv-all = جميع الالتزامات والتقييمات (CSV)
ogp-new-plan = خطة عمل جديدة
ogp-no-plans = لا توجد خطة عمل بعد.
ogp-demo = تجريبي
ogp-demo-notice = معطيات تجريبية: الالتزامات المعروضة توضيحية، وليست الالتزامات الحقيقية للجهة.
ogp-report = التقرير
ogp-report-title = تقرير خطة العمل
ogp-pdf-ar = التقرير بصيغة PDF (بالعربية)
ogp-pdf-fr = التقرير بصيغة PDF (بالفرنسية)
ogp-body = الجماعة الترابية
ogp-period = المدة
ogp-status = الوضعية
ogp-plan-status-open = جارية
ogp-plan-status-closed = مختتمة
ogp-plan-closed-notice = خطة العمل هذه مختتمة: لم يعد من الممكن تعديلها.
ogp-co-creation = الإعداد المشترك
ogp-participants = المشاركون
ogp-contributions = المساهمات
ogp-meetings = اللقاءات
ogp-no-meetings = لا يوجد لقاء مرتبط.
ogp-link-meeting = ربط لقاء
ogp-add = إضافة
ogp-create = إنشاء
ogp-save = حفظ
ogp-choose = — اختر —
ogp-none = لا شيء بعد.
ogp-forum = المنتدى متعدد الأطراف
ogp-forum-lead = تراجع الجمعيات الأعضاء في المنتدى الالتزامات وتعطي تقييمها الخاص.
ogp-forum-empty = لا توجد جمعية عضو بعد.
ogp-add-forum-member = إضافة جمعية إلى المنتدى
ogp-association = الجمعية
ogp-commitment = الالتزام
ogp-commitments = الالتزامات
ogp-no-commitments = لا يوجد التزام بعد.
ogp-new-commitment = التزام جديد
ogp-close-plan = اختتام خطة العمل
ogp-values = قيم OGP
ogp-value = قيمة OGP
ogp-value-access-to-information = الحصول على المعلومات
ogp-value-civic-participation = المشاركة المواطنة
ogp-value-public-accountability = المساءلة العمومية
ogp-value-technology-innovation = التكنولوجيا والابتكار
ogp-completion = درجة الإنجاز
ogp-completion-no-evidence = لا يوجد دليل
ogp-completion-not-started = لم ينطلق
ogp-completion-limited = محدود
ogp-completion-substantial = جوهري
ogp-completion-complete = مكتمل
ogp-potential-unclear = غير واضحة
ogp-potential-modest = متواضعة
ogp-potential-substantial = جوهرية
ogp-milestone-status-not-started = لم تنطلق
ogp-milestone-status-in-progress = في طور الإنجاز
ogp-milestone-status-completed = منجزة
ogp-milestone-kind-milestone = مرحلة
ogp-milestone-kind-improvement = إجراء تحسين
ogp-timeliness = في الآجال؟
ogp-timeliness-on-time = في الآجال
ogp-timeliness-late = أنجزت بتأخير
ogp-timeliness-overdue = متأخرة
ogp-timeliness-pending = لم يحل أجلها بعد
ogp-last-update = آخر تحيين للتقدم
ogp-never-updated = لا يوجد تحيين للتقدم بعد.
ogp-update-overdue = لا تحيين منذ أكثر من ستة أشهر
ogp-update-overdue-long = لم يعرف هذا الالتزام أي تحيين للتقدم منذ أكثر من ستة أشهر: يجب التحيين مرة كل ستة أشهر على الأقل.
ogp-overdue-count = { $count ->
    [zero] لا يوجد التزام بدون تحيين منذ أكثر من ستة أشهر.
    [one] التزام واحد بدون تحيين منذ أكثر من ستة أشهر.
    [two] التزامان بدون تحيين منذ أكثر من ستة أشهر.
    [few] { $count } التزامات بدون تحيين منذ أكثر من ستة أشهر.
    [many] { $count } التزاما بدون تحيين منذ أكثر من ستة أشهر.
   *[other] { $count } التزام بدون تحيين منذ أكثر من ستة أشهر.
}
ogp-not-assessed = لم يقيم
ogp-milestones = المراحل
ogp-milestones-done = المراحل المنجزة
ogp-milestones-count = عدد المراحل
ogp-indicators = المؤشرات
ogp-actual-values = القيم المسجلة
ogp-add-indicator = إضافة مؤشر
ogp-updates = تحيينات التقدم
ogp-updates-lead = تحيين واحد على الأقل كل ستة أشهر، مع دليل: ملف أو رابط.
ogp-add-update = نشر التحيين
ogp-file-hint = { $count ->
   *[other] PDF أو صورة أو وثيقة مكتبية أو CSV أو نص؛ { $count } ميغابايت على الأكثر.
}
ogp-evidence = الأدلة
ogp-assessment-title = التقييم الذاتي ومراجعة المجتمع المدني
ogp-assessment-lead = يقيم الموظفون المسؤولون الالتزام، وتعطي الجمعيات الأعضاء في المنتدى تقييمها الخاص. تعرض أوجه الاختلاف.
ogp-self-assessment = التقييم الذاتي
ogp-reviews = مراجعات المجتمع المدني
ogp-record-assessment = تسجيل التقييم الذاتي
ogp-record-review = مراجعة هذا الالتزام باسم جمعيتك
ogp-recorded = سجله
ogp-differs = يختلف عن التقييم الذاتي
ogp-side-by-side = التقييم الذاتي والمراجعات جنبا إلى جنب
ogp-rated-by = المقيم
ogp-improvements = خطة التحسين
ogp-improvements-lead = إجراءات مستخلصة من التقييم لتحسين الالتزام أو إنجازه، مع المسؤولين والتواريخ.
ogp-charts = الأرقام
ogp-chart-by-commitment = درجة الإنجاز حسب الالتزام
ogp-chart-by-value = درجة الإنجاز حسب قيمة OGP
ogp-chart-milestones = المراحل في الآجال
ogp-mean-completion = متوسط الإنجاز
ogp-mean-of = { $percent } % ({ $count ->
    [zero] لا التزام مقيم
    [one] التزام واحد مقيم
    [two] التزامان مقيمان
    [few] { $count } التزامات مقيمة
    [many] { $count } التزاما مقيما
   *[other] { $count } التزام مقيم
})
ogp-field-title = العنوان
ogp-field-starts-on = تاريخ البداية
ogp-field-ends-on = تاريخ النهاية
ogp-field-co-creation = كيف أعدت الخطة بشكل مشترك
ogp-field-participants = عدد المشاركين في الإعداد المشترك
ogp-field-contributions = عدد المساهمات المتوصل بها
ogp-field-code = المعرف
ogp-field-problem = الإشكالية المعالجة
ogp-field-status-quo = الوضع الراهن
ogp-field-action = الإجراء
ogp-field-how-it-solves = كيف يعالج الإشكالية
ogp-field-values = قيم OGP
ogp-field-lead-institution = المؤسسة الرائدة
ogp-field-supporting-institutions = المؤسسات الداعمة
ogp-field-responsible = المسؤول
ogp-field-due-on = الأجل
ogp-field-status = الوضعية
ogp-field-completed-on = تاريخ الإنجاز
ogp-field-name = المؤشر
ogp-field-unit = الوحدة
ogp-field-baseline = القيمة المرجعية
ogp-field-target = القيمة المستهدفة
ogp-field-data-source = مصدر المعطيات
ogp-field-measured-on = تاريخ القياس
ogp-field-value = القيمة
ogp-field-completion = درجة الإنجاز
ogp-field-potential = إمكانية تحقيق النتائج
ogp-field-relevant-values = الصلة بقيم OGP
ogp-field-narrative = العرض
ogp-field-evidence-link = رابط الدليل
ogp-field-body = ما تم إنجازه
ogp-field-link = رابط الدليل
ogp-field-file = ملف الدليل
ogp-error-required = هذا الحقل إلزامي.
ogp-error-too-long = هذا النص طويل جدا.
ogp-error-date = اكتب التاريخ على شكل YYYY-MM-DD.
ogp-error-period = تاريخ النهاية يسبق تاريخ البداية.
ogp-error-count = اكتب عددا صحيحا، 0 أو أكثر.
ogp-error-number = اكتب عددا.
ogp-error-scale = اختر قيمة من اللائحة.
ogp-error-values = اختر قيمة واحدة على الأقل من قيم OGP.
ogp-error-code = استعمل من 1 إلى 20 حرفا لاتينيا أو رقما أو شرطة أو نقطة.
ogp-error-link = أدخل عنوانا إلكترونيا يبدأ بـ http:// أو https://.
ogp-error-file-empty = الملف فارغ.
ogp-error-file-too-large = الملف كبير جدا (5 ميغابايت على الأكثر). لم يحفظ أي شيء، ونصك محفوظ أدناه.
ogp-error-file-type = هذا النوع من الملفات غير مقبول (PDF أو صورة أو وثيقة مكتبية أو CSV أو نص فقط). لم يحفظ أي شيء، ونصك محفوظ أدناه.
ogp-error-plan-closed = خطة العمل هذه مختتمة: لا يمكن إضافة تحيين أو تقييم أو مراجعة. لم يحفظ أي شيء.
ogp-error-not-in-forum = هذه الجمعية ليست عضوا في المنتدى متعدد الأطراف لهذه الخطة، فلا يمكنها مراجعة التزاماتها. لم يحفظ أي شيء.
ogp-error-not-association = اختر جمعية من السجل.
ogp-error-duplicate = هذا موجود مسبقا (يستعمل المعرف مرة واحدة في كل خطة، وتضاف الجمعية أو اللقاء مرة واحدة).
ogp-error-no-event = اختر لقاء من اللائحة.
ogp-error-pdf-language = التقرير متوفر بالعربية (ar) والفرنسية (fr).
ogp-edit = تعديل
ogp-edit-commitment = تعديل الالتزام
ogp-edit-milestone = تعديل المرحلة أو الإجراء
ogp-edit-indicator = تعديل المؤشر
ogp-edit-lead = يسجل كل تصحيح في سجل التدقيق بالقيمة القديمة والقيمة الجديدة.
ogp-error-plan-closed-edit = خطة العمل هذه مختتمة: لم يعد من الممكن تعديل التزاماتها ومراحلها ومؤشراتها. لم يحفظ أي شيء.
