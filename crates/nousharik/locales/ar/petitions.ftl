# العرائض المقدمة إلى المجالس (القوانين التنظيمية 111.14 و112.14 و113.14) والملفات الوطنية.
petitions-nav = العرائض
petitions-register-title = سجل العرائض
petitions-register-lead = جميع العرائض المفتوحة للتوقيع أو المودعة لدى مجلس، مع وضعيتها وتاريخها الكامل المؤرخ.
petitions-register-empty = لا توجد عريضة تطابق هذه المعايير.
petitions-register-count = { $count ->
    [zero] لا توجد عرائض
    [one] عريضة واحدة
    [two] عريضتان
    [few] { $count } عرائض
    [many] { $count } عريضة
   *[other] { $count } عريضة
}
petitions-mine-title = عرائضي
petitions-new-link = تحرير عريضة
petitions-open-data = البيانات المفتوحة:
petitions-filter-territory = المجال الترابي
petitions-filter-level = المستوى
petitions-filter-state = الوضعية
petitions-filter-kind = النوع
petitions-filter-all = الكل
petitions-filter-apply = تصفية
petitions-col-title = العنوان
petitions-col-state = الوضعية
petitions-col-signatures = التوقيعات
petitions-overdue = متأخر
petitions-overdue-long = قرار المجلس متأخر: لقد انقضى الأجل القانوني.

petitions-state-draft = مسودة
petitions-state-open = مفتوحة للتوقيع
petitions-state-deposited = مودعة، في انتظار قرار مكتب المجلس
petitions-state-admissible = مقبولة
petitions-state-inadmissible = غير مقبولة
petitions-state-referred = محالة على لجنة دائمة
petitions-state-on-agenda = مدرجة في جدول أعمال المجلس
petitions-state-decided = بت فيها المجلس
petitions-state-withdrawn = مسحوبة
petitions-state-submitted-nationally = ملف مصدر إلى البوابة الوطنية

petitions-level-region = مجلس الجهة
petitions-level-prefecture-province = مجلس العمالة أو الإقليم
petitions-level-commune = مجلس الجماعة
petitions-level-national-petition = عريضة وطنية (رئيس الحكومة أو البرلمان)
petitions-level-legislative-motion = ملتمس في مجال التشريع
petitions-kind-citizen = عريضة المواطنات والمواطنين
petitions-kind-association = عريضة الجمعيات

petitions-ground-constitutional-constants = تمس الثوابت المنصوص عليها في الفصل الأول من الدستور
petitions-ground-outside-competence = لا تدخل في اختصاصات المجلس
petitions-ground-signatures-insufficient = عدد التوقيعات الصحيحة غير كاف
petitions-ground-association-conditions = الجمعية لا تستوفي الشروط القانونية
petitions-ground-documents-missing = الوثائق المثبتة المطلوبة ناقصة
petitions-mark-checked = تم التحقق
petitions-mark-to-confirm = يحتاج إلى تأكيد

petitions-fact-council = المجلس
petitions-fact-kind = النوع
petitions-fact-association = الجمعية
petitions-fact-field = مجال النشاط
petitions-fact-representative = الوكيل
petitions-fact-deputy = نائب الوكيل
petitions-fact-filed = تاريخ التقديم على المنصة
petitions-fact-receipt = رقم الوصل
petitions-fact-deposited = تاريخ الإيداع
petitions-fact-deadline = آخر أجل للقرار
petitions-fact-admissibility = تاريخ قرار المكتب
petitions-fact-ground = السند القانوني للرفض
petitions-fact-bureau-reasons = تعليل مكتب المجلس
petitions-fact-committee = اللجنة الدائمة
petitions-fact-session = دورة المجلس
petitions-fact-decision = قرار المجلس
petitions-fact-votes = التصويت
petitions-fact-decided = تاريخ القرار
petitions-fact-rules = القواعد المطبقة
petitions-fact-request = المطلب
petitions-fact-reasons = الدواعي
petitions-votes = الموافقون: { $for }، المعارضون: { $against }، الممتنعون: { $abstentions }
petitions-votes-for = الأصوات الموافقة
petitions-votes-against = الأصوات المعارضة
petitions-votes-abstentions = الممتنعون
petitions-days-left = { $count ->
    [zero] اليوم الأخير
    [one] بقي يوم واحد
    [two] بقي يومان
    [few] بقيت { $count } أيام
    [many] بقي { $count } يوما
   *[other] بقي { $count } يوم
}
petitions-signatures-count = { $count ->
    [zero] لا توقيعات
    [one] توقيع واحد
    [two] توقيعان
    [few] { $count } توقيعات
    [many] { $count } توقيعا
   *[other] { $count } توقيع
}
petitions-documents = الوثائق
petitions-receipt-download = وصل الإيداع (PDF، بالعربية والفرنسية)
petitions-list-pdf = لائحة التوقيعات (PDF)
petitions-list-csv = لائحة التوقيعات (CSV)

petitions-progress-title = التوقيعات
petitions-progress-count = { $count } توقيعا صحيحا من أصل { $required } مطلوبة
petitions-progress-spread = يشترط القانون توقيعات من كل عمالة وإقليم في الجهة
petitions-progress-subdivision = العمالة أو الإقليم
petitions-progress-required = المطلوب

petitions-sign-title = وقع على هذه العريضة
petitions-sign-login = سجل الدخول للتوقيع على هذه العريضة
petitions-sign-name = الاسم الكامل كما في البطاقة الوطنية
petitions-sign-cin = رقم البطاقة الوطنية للتعريف
petitions-sign-cin-hint = حرف أو حرفان تليهما أرقام، مثلا AB123456. يحفظ مشفرا ولا يسلم إلا للمجلس مع لائحة التوقيعات.
petitions-sign-basis = أوقع بصفتي
petitions-sign-basis-resident = مقيما(ة) في هذا المجال الترابي (إقامة متحقق منها)
petitions-sign-basis-activity = شخصا يزاول نشاطا اقتصاديا أو تجاريا أو مهنيا في هذا المجال الترابي
petitions-sign-activity-place = مكان مزاولة النشاط
petitions-sign-activity-description = النشاط (مثلا متجر، حرفة، مهنة)
petitions-sign-roll = أستوفي شروط التسجيل في اللوائح الانتخابية العامة، ولي مصلحة مباشرة ومشتركة في هذا المطلب.
petitions-consent-title = الموافقة (الصيغة 1)
petitions-consent-v1 = بتوقيعك، توافق على معالجة اسمك ورقم بطاقتك الوطنية للتحقق من توقيعات هذه العريضة وتسليمهما إلى المجلس الموجهة إليه (القانون 09-08). يحفظ الرقم مشفرا، ولا يطلع عليه إلا موظفو المجلس المؤهلون، ويحذف عند انتهاء مدة الحفظ القانونية. يمكنك سحب توقيعك إلى حين إيداع العريضة.
petitions-consent-accept = قرأت هذا النص وأوافق عليه.
petitions-sign-notify = أرسلوا إلي قرار المجلس عبر البريد الإلكتروني.
petitions-sign-submit = وقع
petitions-signed-title = توقيعك
petitions-signed-on = وقعت على هذه العريضة بتاريخ
petitions-unsign-submit = سحب توقيعي

petitions-rep-title = إجراءات الوكيل
petitions-open-submit = فتح باب التوقيع
petitions-deposit-submit = الإيداع لدى المجلس
petitions-export-submit = تصدير الملف إلى البوابة الوطنية
petitions-withdraw-submit = سحب العريضة

petitions-paper-title = لوائح التوقيعات الورقية
petitions-paper-lead = أدخل كل سطر من الأوراق مرتين بشكل مستقل: يجب أن يقوم بالإدخال الثاني عضو آخر في اللجنة غير الذي قام بالإدخال الأول؛ لا يحتسب التوقيع إلا إذا تطابق الإدخالان.
petitions-paper-pending = { $count ->
    [zero] لا يوجد سطر في انتظار الإدخال الثاني.
    [one] سطر واحد في انتظار الإدخال الثاني.
    [two] سطران في انتظار الإدخال الثاني.
    [few] { $count } أسطر في انتظار الإدخال الثاني.
    [many] { $count } سطرا في انتظار الإدخال الثاني.
   *[other] { $count } سطر في انتظار الإدخال الثاني.
}
petitions-paper-sheet = مرجع الورقة
petitions-paper-place = مكان الإقامة المدون في الورقة
petitions-paper-submit = تسجيل هذا السطر
petitions-paper-discard = حذف الإدخال الأول لهذا الرقم
petitions-paper-awaiting = تم تسجيل الإدخال الأول. سيحتسب عندما يتطابق معه إدخال ثان مستقل للسطر نفسه.
petitions-paper-confirmed = تطابق الإدخالان: تم احتساب التوقيع.
petitions-paper-mismatch = يختلف الإدخال الثاني عن الأول في: { $fields }. لم يحتسب أي شيء. تحقق من الورقة وأعد إدخال السطر، أو احذف الإدخال الأول.
petitions-paper-field-full_name = الاسم
petitions-paper-field-place = مكان الإقامة
petitions-paper-discarded = تم حذف الإدخال الأول.
petitions-paper-nothing-to-discard = لا يوجد إدخال أول لهذا الرقم.

petitions-admissibility-title = قرار مكتب المجلس بشأن القبول
petitions-admissibility-decision = العريضة
petitions-admissibility-hint = يجب أن يذكر قرار الرفض سنده القانوني وأن يكون معللا؛ يبلغ إلى الوكيل وينشر.
petitions-admissibility-submit = تسجيل القرار
petitions-refer-title = الإحالة على لجنة دائمة
petitions-refer-submit = إحالة
petitions-agenda-title = الإدراج في جدول أعمال الدورة العادية الموالية
petitions-agenda-submit = إدراج في جدول الأعمال
petitions-decision-title = تسجيل قرار المجلس
petitions-decision-submit = تسجيل ونشر

petitions-history-title = التاريخ
petitions-step-create = تحرير
petitions-step-open = فتح باب التوقيع
petitions-step-withdraw = سحب
petitions-step-deposit = إيداع لدى المجلس
petitions-step-declare-admissible = قبول من طرف مكتب المجلس
petitions-step-declare-inadmissible = عدم قبول من طرف مكتب المجلس
petitions-step-refer-to-committee = إحالة على لجنة دائمة
petitions-step-put-on-agenda = إدراج في جدول أعمال المجلس
petitions-step-record-decision = بت المجلس
petitions-step-export-national-dossier = تصدير الملف إلى البوابة الوطنية

petitions-done-created = تم حفظ المسودة. تبقى خاصة إلى أن تفتح باب التوقيع.
petitions-done-signed = شكرا: تم تسجيل توقيعك.
petitions-done-unsigned = تم سحب توقيعك.
petitions-done-open = العريضة مفتوحة للتوقيع.
petitions-done-withdraw = تم سحب العريضة.
petitions-done-deposit = تم إيداع العريضة. حمل الوصل أدناه.
petitions-done-admissible = تم التصريح بقبول العريضة.
petitions-done-inadmissible = تم تسجيل الرفض وتعليله ونشرهما.
petitions-done-referred = تمت إحالة العريضة على اللجنة.
petitions-done-agenda = أدرجت العريضة في جدول الأعمال.
petitions-done-decided = تم تسجيل القرار ونشره؛ وتم إخبار الموقعين الذين طلبوا ذلك.
petitions-done-exported = تم وسم الملف بأنه صدر إلى البوابة الوطنية.
petitions-refused = تعذر إنجاز العملية
petitions-form-has-errors = يرجى تصحيح الاستمارة

petitions-error-forbidden = لا يحق لك القيام بهذا على هذه العريضة.
petitions-error-email-unconfirmed = أكد عنوان بريدك الإلكتروني أولا (اتبع الرابط المرسل إليك).
petitions-error-not-open = هذه العريضة لا تقبل التوقيعات حاليا.
petitions-error-not-verified = لم يتم التحقق من إقامتك بعد. اطلب من موظفي المجلس التحقق منها ثم وقع.
petitions-error-not-resident = لست مقيما(ة) متحققا(ة) منه في هذا المجال الترابي.
petitions-error-activity = اختر مكان نشاطك داخل هذا المجال الترابي وصف النشاط.
petitions-error-roll = أكد أنك تستوفي شرط التسجيل في اللوائح الانتخابية.
petitions-error-consent-missing = اقرأ نص الموافقة ووافق عليه لتتمكن من التوقيع.
petitions-error-consent-outdated = تغير نص الموافقة؛ أعد قراءته ووافق عليه.
petitions-error-cin-empty = أدخل رقم بطاقتك الوطنية للتعريف.
petitions-error-cin-format = يتكون رقم البطاقة الوطنية من حرف أو حرفين يليهما من 1 إلى 6 أرقام، مثلا AB123456.
petitions-error-already-signed = تحمل هذه العريضة توقيعا من هذا الشخص (الحساب نفسه أو رقم البطاقة نفسه، إلكترونيا أو ورقيا).
petitions-error-not-signed = لم توقع على هذه العريضة.
petitions-error-full-name = أدخل الاسم الكامل (من 2 إلى 120 حرفا).
petitions-error-sheet = أدخل مرجع الورقة (40 حرفا على الأكثر).
petitions-error-basis = اختر هل توقع بصفتك مقيما(ة) أم بسبب نشاط.
petitions-error-council = اختر المجلس الموجهة إليه العريضة.
petitions-error-kind = اختر عريضة المواطنين أو عريضة الجمعيات.
petitions-error-association-choice = اختر جمعية تمثلها.
petitions-error-title-length = يجب أن يتكون العنوان من 5 إلى 200 حرف.
petitions-error-request-length = يجب أن يتكون المطلب من 20 إلى 10000 حرف.
petitions-error-reasons-length = يجب أن تتكون الدواعي من 20 إلى 10000 حرف.
petitions-error-names = أدخل اسمي الوكيل ونائبه (من 2 إلى 120 حرفا لكل منهما).
petitions-error-assoc-too-young = تأسست الجمعية بتاريخ { $created }؛ ويشترط القانون أكثر من { $years } سنوات من الوجود: يمكنها تقديم العريضة ابتداء من { $from }.
petitions-error-assoc-territory = لا يوجد مقر الجمعية ولا أحد فروعها في المجال الترابي لهذا المجلس.
petitions-error-assoc-standing = الجمعية ليست في وضعية سليمة إزاء القانون.
petitions-error-assoc-field = مجال العريضة ({ $field }) ليس من مجالات نشاط الجمعية.
petitions-error-deposit-blocked = لا يمكن إيداع العريضة بعد:
petitions-error-too-few = { $have } توقيعا صحيحا من أصل { $need } مطلوبة.
petitions-error-too-few-sub = { $territory }: { $have } توقيعا من أصل { $need } مطلوبة في كل عمالة أو إقليم.
petitions-error-closed = ملف هذه العريضة مغلق ({ $state }): لا يمكن تسجيل أي شيء آخر.
petitions-error-wrong-state = هذه العريضة في مرحلة «{ $state }»: هذه العملية غير ممكنة الآن.
petitions-error-not-applicable = هذه العملية لا تنطبق على هذا النوع من العرائض.
petitions-error-unknown-ground = اختر أحد الأسباب القانونية للرفض.
petitions-error-missing-text = النص المعلل إلزامي.
petitions-error-unknown-committee = اختر إحدى اللجان الدائمة لهذا المجلس.
petitions-error-no-votes = سجل نتائج التصويت (الموافقون، المعارضون، الممتنعون).
petitions-error-votes-number = الأصوات أعداد صحيحة من 0 إلى 10000.
petitions-error-date = أدخل تاريخ الدورة.
petitions-error-decision-choice = اختر مقبولة أو غير مقبولة.
petitions-error-step = عملية غير معروفة.
petitions-error-conflict = عدل شخص آخر هذه العريضة في اللحظة نفسها. هذه وضعيتها الحالية؛ تحقق منها وأعد المحاولة.
petitions-error-no-rules = لا توجد قواعد عرائض سارية في هذا التاريخ؛ يجب على مسؤول المنصة إضافتها.

petitions-new-title = تحرير عريضة
petitions-new-lead = تطلب العريضة من مجلس إدراج نقطة تدخل في اختصاصاته ضمن جدول أعماله (الفصل 139 من الدستور).
petitions-new-no-association = يقدم عرائض الجمعيات الممثل القانوني للجمعية، المسجل بهذه الصفة في المنصة.
petitions-new-field-hint = مجال نشاط الجمعية الذي تتعلق به العريضة.
petitions-new-request-hint = ما الذي يجب على المجلس إدراجه بالضبط في جدول أعماله؟
petitions-new-private = تبقى المسودة خاصة إلى أن تفتح باب التوقيع.
petitions-new-submit = حفظ المسودة

petitions-stats-title = إحصائيات العرائض
petitions-stats-caption = العرائض حسب الوضعية والمستوى والنوع
petitions-stats-petitions = العرائض
petitions-stats-total = { $count ->
    [zero] لا توجد عرائض عمومية
    [one] عريضة عمومية واحدة
    [two] عريضتان عموميتان
    [few] { $count } عرائض عمومية
    [many] { $count } عريضة عمومية
   *[other] { $count } عريضة عمومية
}
petitions-stats-overdue = { $count ->
    [zero] لا يوجد أي قرار متأخر.
    [one] قرار واحد لمكتب المجلس متأخر.
    [two] قراران لمكتب المجلس متأخران.
    [few] { $count } قرارات لمكتب المجلس متأخرة.
    [many] { $count } قرارا لمكتب المجلس متأخرا.
   *[other] { $count } قرار لمكتب المجلس متأخر.
}

petitions-rules-title = قواعد العرائض
petitions-rules-lead = العتبات والشروط والآجال القانونية، مع مصدر كل منها. تقيم العريضة وفق القواعد السارية يوم تقديمها على المنصة.
petitions-rules-effective = سارية ابتداء من
petitions-rules-threshold = { $level }، { $bracket }: { $count } توقيع
petitions-rules-bracket = من { $min } إلى أقل من { $max } نسمة
petitions-rules-bracket-open = { $min } نسمة فأكثر
petitions-rules-with-arrondissements = الجماعات ذات المقاطعات
petitions-rules-spread = ما لا يقل عن { $percent } % من التوقيعات المطلوبة من كل عمالة أو إقليم في الجهة
petitions-rules-association = الجمعيات: مؤسسة منذ أكثر من { $years } سنوات، مقرها أو أحد فروعها في المجال الترابي، في وضعية سليمة، ومجال نشاط مرتبط
petitions-rules-deadline = { $level }: القرار داخل أجل { $count } أشهر من التوصل
petitions-rules-ground = سبب الرفض:
petitions-rules-national = { $kind }: { $count } توقيع
petitions-rules-add = إضافة صيغة جديدة من القواعد
petitions-rules-add-hint = الصق الصيغة الجديدة بصيغة JSON (الصيغة الحالية معروضة كنموذج) مع تاريخ سريان جديد.
petitions-rules-json = القواعد (JSON)
petitions-rules-save = إضافة هذه الصيغة
petitions-rules-duplicate = توجد قواعد تسري ابتداء من هذا التاريخ.
petitions-rules-invalid = هذه القواعد غير صالحة:

petitions-receipt-heading = وصل إيداع عريضة
petitions-receipt-intro = يشهد المجلس بتوصله بالعريضة التالية، المودعة عبر منصة نشارك.
petitions-receipt-title = العريضة
petitions-receipt-signatures = التوقيعات الصحيحة
petitions-receipt-legal = القوانين التنظيمية 111.14 و112.14 و113.14. يبت مكتب المجلس في القبول؛ ويكون الرفض معللا ويبلغ إلى الوكيل داخل الأجل القانوني.
petitions-list-heading = لائحة التوقيعات
petitions-list-confidential = سري — معطيات شخصية (القانون 09-08): مخصص لموظفي المجلس المؤهلين فقط.

petitions-mail-warning-subject = العريضة «{ $title }»: بقي { $days } يوما لقرار مكتب المجلس
petitions-mail-warning-body = ينتهي الأجل القانوني لقرار مكتب المجلس بشأن العريضة «{ $title }» بتاريخ { $deadline } (بقي { $days } يوما). سجلوا القرار هنا: { $url }
petitions-mail-outcome-subject = العريضة «{ $title }»: بت المجلس
petitions-mail-outcome-body = العريضة «{ $title }» التي وقعت عليها توجد الآن في مرحلة «{ $state }». التفاصيل والتاريخ: { $url }
petitions-paper-same-member = أنت من قام بالإدخال الأول لهذا السطر. يجب أن يقوم بالإدخال الثاني عضو آخر في اللجنة، حتى يتحقق شخصان من كل سطر.
petitions-edit-link = تعديل المسودة
petitions-edit-title = تعديل المسودة
petitions-edit-back = العودة إلى العريضة
petitions-edit-lead = يمكنك تعديل النصوص والأسماء واللجنة ما دامت العريضة مسودة. بعد فتح باب التوقيع لا يمكن تغيير أي شيء: يوقع الناس على ما قرؤوه.
petitions-edit-committee = أعضاء اللجنة الذين لديهم حساب
petitions-edit-committee-hint = عناوين بريدهم الإلكتروني، عنوان في كل سطر. يمكنهم الاطلاع على المسودة وإدخال لوائح التوقيعات الورقية. اترك الخانة فارغة إن لم يكن هناك أحد.
petitions-edit-submit = حفظ المسودة
petitions-done-edited = تم حفظ المسودة.
petitions-error-edit-not-draft = هذه العريضة في مرحلة «{ $state }»: لا يمكن تعديل إلا المسودة.
petitions-error-committee-email = أحد عناوين أعضاء اللجنة ليس عنوان بريد إلكتروني صحيحا.
petitions-error-committee-unknown = أحد عناوين أعضاء اللجنة لا يطابق أي حساب على المنصة. يجب على كل عضو أن يسجل أولا.
petitions-error-committee-too-many = عشرون عضوا على الأكثر من أعضاء اللجنة الذين لديهم حساب.
