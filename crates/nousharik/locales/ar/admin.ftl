# الصفحة الرئيسية للإدارة وسجل التدقيق (src/admin/).
admin-nav = الإدارة
admin-title = الإدارة
admin-intro = أدوات مسيري(ات) المنصة. كل تغيير يتم هنا يُقيَّد في سجل التدقيق.
admin-link-users = الحسابات والصلاحيات
admin-link-users-text = البحث عن حساب، ومنح صلاحية التسيير أو سحبها، وتدبير العضوية في الهيئات.
admin-link-residents = التحقق من الإقامة
admin-link-residents-text = تسجيل أن شخصا يقيم في مجال ترابي، مع الوثيقة التي تم الاطلاع عليها.
admin-link-audit = سجل التدقيق
admin-link-audit-text = كل تغيير في الحقوق، بالترتيب، مربوط بالبصمات حتى لا يمكن تعديل أي قيد أو حذفه دون أن يظهر ذلك.
admin-audit-count = { $count ->
    [zero] سجل التدقيق فارغ.
    [one] يضم سجل التدقيق قيدا واحدا.
    [two] يضم سجل التدقيق قيدين.
    [few] يضم سجل التدقيق { $count } قيود.
    [many] يضم سجل التدقيق { $count } قيدا.
   *[other] يضم سجل التدقيق { $count } قيد.
}
admin-audit-title = سجل التدقيق
admin-audit-intro = القيود الأحدث أولا. كل قيد مربوط بالقيد الذي قبله ببصمته؛ والتحقق أدناه يمر على السلسلة كلها.
admin-audit-subject = عرض تاريخ موضوع واحد
admin-audit-subject-hint = مثلا petition:12 أو account:3، كما هو مكتوب في عمود الموضوع.
admin-audit-filter = عرض
admin-audit-all = عرض كل القيود
admin-audit-empty = لا يوجد أي قيد.
admin-audit-caption = قيود سجل التدقيق
admin-audit-col-id = الرقم
admin-audit-col-at = التاريخ
admin-audit-col-actor = من
admin-audit-col-action = العملية
admin-audit-col-subject = الموضوع
admin-audit-col-details = التفاصيل
admin-audit-pages = صفحات سجل التدقيق
admin-audit-older = قيود أقدم
admin-audit-bad-page = رقم الصفحة هذا غير صالح؛ تُعرض القيود الأحدث.
admin-audit-subject-too-long = لا يتجاوز الموضوع 200 حرف.
admin-verify-link = التحقق من السلسلة كلها الآن
admin-verify-title = التحقق من سجل التدقيق
admin-verify-ok = { $count ->
    [zero] السلسلة سليمة: السجل فارغ.
    [one] السلسلة سليمة: قيدها الوحيد مطابق لبصمته.
    [two] السلسلة سليمة: القيدان مطابقان لبصمتيهما ومتتابعان.
    [few] السلسلة سليمة: القيود الـ{ $count } مطابقة لبصماتها ومتتابعة.
    [many] السلسلة سليمة: القيود الـ{ $count } مطابقة لبصماتها ومتتابعة.
   *[other] السلسلة سليمة: القيود الـ{ $count } مطابقة لبصماتها ومتتابعة.
}
admin-verify-altered = السلسلة مكسورة: تم تعديل القيد { $id } بعد تسجيله.
admin-verify-missing = السلسلة مكسورة: حُذفت القيود من { $from } إلى { $to } (لوحظ ذلك عند القيد { $id }).
admin-verify-unlinked = السلسلة مكسورة: القيد { $id } لا يتبع القيد الذي قبله.
admin-verify-last-hash = بصمة آخر قيد:
admin-verify-last-hash-hint = احتفظوا بهذه القيمة: إذا حُذفت القيود الأحدث يوما ما، فلن تبقى البصمة مطابقة.
