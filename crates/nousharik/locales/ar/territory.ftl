# المجالات الترابية والهيئات وسجل الجمعيات (src/territory).
territory-nav = المجالات الترابية
territory-admin-nav = المجالات الترابية (إدارة)
territory-nav-associations = الجمعيات

territory-level-region = جهة
territory-level-prefecture = عمالة
territory-level-province = إقليم
territory-level-commune = جماعة
territory-level-arrondissement = مقاطعة

territory-kind-council = مجلس
territory-kind-bureau = مكتب المجلس
territory-kind-standing-committee = لجنة دائمة
territory-kind-consultative-body = هيئة استشارية
territory-kind-coordination-cell = خلية التنسيق
territory-kind-association = جمعية

territory-topic-equality = المساواة وتكافؤ الفرص ومقاربة النوع
territory-topic-youth = الشباب
territory-topic-economic-actors = الفاعلون الاقتصاديون

territory-field-civic-participation = المشاركة المواطنة
territory-field-human-rights = حقوق الإنسان
territory-field-women-equality = حقوق النساء والمساواة
territory-field-youth = الشباب
territory-field-childhood = الطفولة
territory-field-disability = الإعاقة
territory-field-education = التربية ومحو الأمية
territory-field-health = الصحة
territory-field-environment = البيئة
territory-field-culture = الثقافة والتراث
territory-field-sport = الرياضة
territory-field-social-development = التنمية الاجتماعية
territory-field-local-development = التنمية المحلية

territory-standing-good = في وضعية قانونية سليمة
territory-standing-not-good = في وضعية قانونية غير سليمة

territory-lang-ar = العربية
territory-lang-fr = الفرنسية
territory-lang-zgh = الأمازيغية
territory-lang-en = الإنجليزية

territory-demo = بيانات تجريبية
territory-to-confirm = رقم يحتاج إلى تأكيد
territory-json = هذه البيانات بصيغة JSON
territory-breadcrumb = أنت هنا

territory-index-title = المجالات الترابية
territory-index-intro = الجهة وعمالاتها وأقاليمها وجماعاتها ومقاطعاتها، مع عدد سكانها القانوني حسب الإحصاء العام.
territory-table-caption = المجالات الترابية وعدد السكان القانوني
territory-col-name = الاسم
territory-col-level = المستوى
territory-col-population = عدد السكان القانوني
territory-col-census = الإحصاء
territory-col-code = الرمز
territory-col-kind = النوع

territory-population = عدد السكان القانوني: { $population } نسمة (إحصاء { $year })
territory-source = مصدر الرقم: { $source }
territory-names-caption = الأسماء الرسمية
territory-col-language = اللغة
territory-children-caption = التقسيمات التابعة لـ{ $name }
territory-no-children = لا توجد تقسيمات مسجلة.
territory-council-title = المجلس
territory-no-council = لم يسجل أي مجلس بعد.
territory-bodies-caption = مكتب المجلس ولجانه الدائمة وهيئاته الاستشارية
territory-cells-title = خلايا التنسيق
territory-associations-title = الجمعيات
territory-associations-link = الجمعيات التي يوجد مقرها أو أحد فروعها في { $name }

territory-org-kind = النوع
territory-org-topic = المجال
territory-org-territory = المجال الترابي
territory-org-council = المجلس
territory-org-none = لا شيء مسجل.

territory-registry-title = سجل الجمعيات
territory-registry-intro = الجمعيات (منظمات المجتمع المدني) المعروفة لدى المنصة: المقر والفروع ومجالات العمل والوضعية القانونية. يمكن التصفية حسب المجال الترابي (مع التقسيمات التابعة له) أو حسب مجال العمل.
territory-filter-legend = تصفية السجل
territory-filter-territory = المجال الترابي
territory-filter-field = مجال العمل
territory-filter-any = الكل
territory-filter-submit = عرض
territory-registry-caption = { $count ->
    [zero] لا توجد أي جمعية
    [one] جمعية واحدة
    [two] جمعيتان
    [few] { $count } جمعيات
    [many] { $count } جمعية
   *[other] { $count } جمعية
}
territory-col-association = الجمعية
territory-col-seat = المقر
territory-col-fields = مجالات العمل
territory-col-standing = الوضعية القانونية
territory-col-created = تاريخ التأسيس
territory-registry-empty = لا توجد جمعية تطابق معايير التصفية هذه.

territory-assoc-legal-name-ar = الاسم القانوني بالعربية
territory-assoc-legal-name-fr = الاسم القانوني بالفرنسية
territory-assoc-created = تاريخ التأسيس
territory-assoc-seat = المقر
territory-assoc-branches = الفروع
territory-assoc-no-branch = لا توجد فروع
territory-assoc-fields = مجالات العمل
territory-assoc-standing = الوضعية القانونية
territory-assoc-standing-on = تاريخ إثبات الوضعية
territory-assoc-standing-note = ملاحظة
territory-assoc-representative = الممثل(ة) القانوني(ة)
territory-assoc-petition-ok = تستوفي شروط السجل لتقديم عريضة باسم الجمعية (مؤسسة منذ أكثر من 3 سنوات، وفي وضعية قانونية سليمة).
territory-assoc-petition-not = لا تستوفي شروط السجل لتقديم عريضة باسم الجمعية (مؤسسة منذ أكثر من 3 سنوات، وفي وضعية قانونية سليمة).

territory-admin-title = المجالات الترابية والهيئات: الإدارة
territory-admin-intro = إضافة الجماعات والمقاطعات، وتسجيل الهيئات والجمعيات، وتحيين السجل. يُقيَّد كل تغيير في سجل التتبع.
territory-admin-add-territory = إضافة جماعة أو مقاطعة
territory-admin-import = استيراد جماعات ومقاطعات (CSV)
territory-admin-add-org = إضافة هيئة
territory-admin-add-assoc = تسجيل جمعية
territory-admin-edit = تعديل
territory-admin-edit-org = تعديل هيئة
territory-admin-edit-assoc = تعديل جمعية
territory-admin-set-standing = تغيير الوضعية القانونية
territory-admin-orgs-caption = المجالس والهيئات وخلايا التنسيق
territory-admin-assocs-caption = الجمعيات المسجلة

territory-form-errors-title = بعض الحقول تحتاج إلى تصحيح
territory-form-error-in = { $field }: { $problem }
territory-form-required = إلزامي
territory-form-optional = اختياري
territory-form-code = الرمز
territory-form-code-hint = معرّف ثابت يُستعمل في العناوين: من 2 إلى 64 حرفا من a–z و0–9 والشرطة، مثلا commune-assilah.
territory-form-level = المستوى
territory-form-parent = المجال الترابي الأعلى
territory-form-name-ar = الاسم بالعربية
territory-form-name-fr = الاسم بالفرنسية
territory-form-name-zgh = الاسم بالأمازيغية (تيفيناغ)
territory-form-name-en = الاسم بالإنجليزية
territory-form-population = عدد السكان القانوني
territory-form-census-year = سنة الإحصاء
territory-form-source = مصدر الرقم
territory-form-kind = النوع
territory-form-topic = المجال (للهيئات الاستشارية فقط)
territory-form-territory = المجال الترابي
territory-form-council = المجلس التابعة له (المكتب، اللجان، الهيئات الاستشارية)
territory-form-none = لا شيء
territory-form-seat = المقر
territory-form-created-on = تاريخ التأسيس (YYYY-MM-DD)
territory-form-standing = الوضعية القانونية
territory-form-standing-on = تاريخ إثبات الوضعية (YYYY-MM-DD)
territory-form-standing-note = ملاحظة حول الوضعية
territory-form-representative = اسم الممثل(ة) القانوني(ة)
territory-form-fields = مجالات العمل
territory-form-branches = الفروع (مجالات ترابية أخرى)
territory-form-legal-name-ar = الاسم القانوني بالعربية
territory-form-legal-name-fr = الاسم القانوني بالفرنسية
territory-form-submit = حفظ
territory-saved = حُفظت التغييرات.

territory-import-intro = حمّل ملف CSV بترميز UTF-8 يتضمن سطره الأول أسماء الأعمدة أدناه، بأي ترتيب، مفصولة بفواصل (أو بفواصل منقوطة). يضيف كل سطر جماعة أو مقاطعة؛ ويمكن أن يكون المجال الأعلى مجالا موجودا أو سطرا سابقا في الملف نفسه.
territory-import-all-or-nothing = يتم الاستيراد كاملا أو لا يتم: إذا كان في سطر ما خطأ، لا يُستورد أي سطر وتُعرض كل الأخطاء مع رقم السطر والعمود. صحّح الملف ثم حمّله من جديد: لا شيء يُنجز جزئيا، فلا حاجة إلى أي تنظيف.
territory-import-columns-caption = أعمدة الملف
territory-import-col-column = العمود
territory-import-col-required = إلزامي
territory-import-col-meaning = المعنى
territory-import-yes = نعم
territory-import-no = لا
territory-import-meaning-code = الرمز الثابت للمجال الجديد (a–z و0–9 والشرطة)
territory-import-meaning-level = commune (جماعة) أو arrondissement (مقاطعة)
territory-import-meaning-parent-code = رمز المجال الأعلى: عمالة أو إقليم بالنسبة للجماعة، وجماعة بالنسبة للمقاطعة
territory-import-meaning-name-ar = الاسم بالعربية
territory-import-meaning-name-fr = الاسم بالفرنسية
territory-import-meaning-name-zgh = الاسم بالأمازيغية، بحرف تيفيناغ
territory-import-meaning-name-en = الاسم بالإنجليزية
territory-import-meaning-population = عدد السكان القانوني (عدد صحيح موجب)
territory-import-meaning-census-year = سنة الإحصاء الذي أُخذ منه عدد السكان
territory-import-meaning-source = مصدر الرقم
territory-import-template = تحميل النموذج (CSV)
territory-import-file = ملف CSV
territory-import-submit = التحقق والاستيراد
territory-import-report-caption = { $count ->
    [one] وُجد خطأ واحد: لم يُستورد أي شيء
    [two] وُجد خطآن: لم يُستورد أي شيء
    [few] وُجدت { $count } أخطاء: لم يُستورد أي شيء
    [many] وُجد { $count } خطأ: لم يُستورد أي شيء
   *[other] وُجد { $count } خطأ: لم يُستورد أي شيء
}
territory-import-col-row = السطر
territory-import-col-problem = المشكلة
territory-import-whole-row = السطر كله
territory-import-done = { $count ->
    [one] استُورد مجال ترابي واحد.
    [two] استُورد مجالان ترابيان.
    [few] استُوردت { $count } مجالات ترابية.
    [many] استُورد { $count } مجالا ترابيا.
   *[other] استُورد { $count } مجال ترابي.
}
territory-import-no-file = اختر ملف CSV لاستيراده.
territory-import-too-big = حجم الملف يتجاوز 2 ميغابايت.

territory-problem-required = هذا الحقل إلزامي.
territory-problem-too-long = { $max } حرفا على الأكثر.
territory-problem-control-characters = لا يُسمح هنا بعلامات الجدولة أو الرجوع إلى السطر أو غيرها من رموز التحكم.
territory-problem-bad-code = استعمل من 2 إلى 64 حرفا من a–z و0–9 والشرطة (لا في البداية ولا في النهاية، ولا شرطتين متتاليتين).
territory-problem-not-arabic = يجب أن يُكتب الاسم العربي بحروف عربية.
territory-problem-not-tifinagh = يجب أن يُكتب الاسم الأمازيغي بحرف تيفيناغ.
territory-problem-not-a-number = اكتب عددا صحيحا بالأرقام 0–9.
territory-problem-not-positive = يجب أن يكون عدد السكان أكبر من الصفر.
territory-problem-too-large = { $max } على الأكثر.
territory-problem-year-out-of-range = يجب أن تكون السنة بين { $min } و{ $max }.
territory-problem-unknown-level = مستوى غير معروف: استعمل region أو prefecture أو province أو commune أو arrondissement.
territory-problem-level-not-allowed = لا يمكن إضافة إلا الجماعات والمقاطعات؛ أما الجهات والعمالات والأقاليم فتُحدَّد بمرسوم.
territory-problem-parent-required = يجب أن يكون لهذا المجال مجال أعلى.
territory-problem-parent-not-allowed = ليس للجهة مجال أعلى.
territory-problem-wrong-parent-level = يجب أن يكون المجال الأعلى من مستوى { $expected }.
territory-problem-unknown-parent = لا يوجد مجال ترابي بهذا الرمز.
territory-problem-duplicate-code = هذا الرمز مستعمل من قبل.
territory-problem-bad-encoding = النص ليس بترميز UTF-8 صالح: احفظ الملف بصيغة «CSV UTF-8».
territory-problem-missing-column = هذا العمود الإلزامي غير موجود في السطر الأول.
territory-problem-duplicate-column = هذا العمود مذكور مرتين في السطر الأول.
territory-problem-unknown-column = عمود غير معروف.
territory-problem-csv-syntax = تعذرت قراءة السطر: تحقق من علامات التنصيص ومن عدد الأعمدة.
territory-problem-empty-file = لا يحتوي الملف على أي سطر بيانات.
territory-problem-too-many-rows = { $max } سطر على الأكثر في كل ملف.
territory-problem-bad-date = اكتب التاريخ على شكل YYYY-MM-DD، مثلا 2015-03-01.
territory-problem-date-in-future = لا يمكن أن يكون التاريخ في المستقبل.
territory-problem-unknown-kind = نوع هيئة غير معروف.
territory-problem-unknown-topic = مجال غير معروف.
territory-problem-topic-mismatch = للهيئة الاستشارية مجال، أما الهيئات الأخرى فلا.
territory-problem-topic-not-at-level = لا ينص القانون على هذه الهيئة الاستشارية إلا على مستوى الجهة.
territory-problem-council-required = اختر المجلس التابعة له، في المجال الترابي نفسه.
territory-problem-parent-organisation-not-allowed = هذا النوع من الهيئات لا يتبع مجلسا.
territory-problem-kind-not-at-level = خلايا التنسيق جهوية أو محلية (جماعة).
territory-problem-unknown-activity-field = مجال عمل غير معروف.
territory-problem-no-activity-field = اختر مجال عمل واحدا على الأقل.
territory-problem-unknown-standing = وضعية غير معروفة.
territory-problem-unknown-territory = مجال ترابي غير معروف.
territory-problem-branch-is-seat = لا يمكن أن يكون الفرع في المجال الترابي للمقر نفسه.
territory-problem-already-exists = يوجد واحد من قبل: مجلس واحد لكل مجال ترابي، ومكتب واحد لكل مجلس.
