# الحسابات: التسجيل، الدخول، الملف الشخصي، الأدوار، التحقق من الإقامة (src/accounts/).

## روابط الترويسة
accounts-nav-label = الحساب
accounts-nav-login = تسجيل الدخول
accounts-nav-signup = إنشاء حساب
accounts-nav-profile = ملفي الشخصي
accounts-nav-logout = تسجيل الخروج
accounts-nav-users = الحسابات
accounts-nav-verify = التحقق من إقامة مواطن(ة)

## الحقول
accounts-field-email = البريد الإلكتروني
accounts-field-name = الاسم
accounts-field-name-hint = الاسم الذي يظهر بجانب ما تكتبه في المنصة (من 1 إلى 100 حرف).
accounts-field-password = كلمة المرور
accounts-field-password-hint = 10 أحرف على الأقل. جملة قصيرة تتذكرها تصلح كلمة مرور جيدة.
accounts-field-new-password = كلمة المرور الجديدة
accounts-field-current-password = كلمة المرور الحالية
accounts-field-language = اللغة المفضلة
accounts-form-has-errors = بعض المعلومات تحتاج إلى تصحيح:

## التسجيل
accounts-signup-title = إنشاء حساب
accounts-signup-lead = يتيح لك الحساب تتبع العرائض والمشاركة في الميزانيات التشاركية والتسجيل في اللقاءات.
accounts-signup-privacy = نستعمل بريدك الإلكتروني فقط لإرسال رسائل حسابك إليك، ولا نشاركه مع أي جهة.
accounts-signup-submit = إنشاء حسابي
accounts-have-account = لديك حساب؟ سجّل الدخول
accounts-check-mail-title = تفقّد بريدك الإلكتروني
accounts-check-mail = أرسلنا رسالة إلى { $email }. اتبع الرابط الموجود فيها خلال 48 ساعة لتأكيد عنوانك.
accounts-check-mail-spam = لم تصلك الرسالة بعد بضع دقائق؟ ابحث في مجلد الرسائل غير المرغوب فيها، ثم أعد المحاولة.
accounts-mail-failed = تعذّر إرسال الرسالة. أعد المحاولة بعد بضع دقائق.

## التأكيد والروابط
accounts-confirm-title = تأكيد عنوانك
accounts-confirm-intro = خطوة أخيرة: اضغط على الزر لتأكيد بريدك الإلكتروني وتفعيل حسابك.
accounts-confirm-submit = تأكيد عنواني
accounts-confirmed = تم تأكيد عنوانك. يمكنك الآن تسجيل الدخول.
accounts-link-problem-title = لا يمكن استعمال هذا الرابط
accounts-link-unknown = هذا الرابط غير صالح. تحقق من أنك نسخت الرابط كاملا من الرسالة.
accounts-link-used = سبق استعمال هذا الرابط. كل رابط يصلح مرة واحدة فقط.
accounts-link-expired = انتهت صلاحية هذا الرابط.
accounts-confirm-link-help = سجّل الدخول بعنوانك وكلمة مرورك: إن لم يكن عنوانك مؤكدا بعد، سنرسل إليك رابطا جديدا.
accounts-reset-link-help = اطلب رابطا جديدا من صفحة «نسيت كلمة المرور».

## الدخول والخروج
accounts-login-title = تسجيل الدخول
accounts-login-submit = دخول
accounts-login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحين.
accounts-login-unconfirmed = عنوانك غير مؤكد بعد. أرسلنا إليك للتو رابط تأكيد جديدا.
accounts-forgot-link = نسيت كلمة المرور؟
accounts-no-account = ليس لديك حساب؟ أنشئ حسابا
accounts-logged-out = تم تسجيل خروجك.
accounts-rate-limited = { $minutes ->
    [zero] محاولات كثيرة. أعد المحاولة بعد قليل.
    [one] محاولات كثيرة. انتظر دقيقة واحدة ثم أعد المحاولة.
    [two] محاولات كثيرة. انتظر دقيقتين ثم أعد المحاولة.
    [few] محاولات كثيرة. انتظر { $minutes } دقائق ثم أعد المحاولة.
    [many] محاولات كثيرة. انتظر { $minutes } دقيقة ثم أعد المحاولة.
   *[other] محاولات كثيرة. انتظر { $minutes } دقيقة ثم أعد المحاولة.
}

## نسيت كلمة المرور
accounts-forgot-title = نسيت كلمة المرور
accounts-forgot-lead = أدخل عنوان حسابك، وسنرسل إليه رابطا لاختيار كلمة مرور جديدة.
accounts-forgot-submit = أرسلوا إليّ رابطا
accounts-forgot-sent = إذا كان هناك حساب يستعمل هذا العنوان، فقد أُرسل إليه رابط لاختيار كلمة مرور جديدة. يبقى الرابط صالحا لمدة ساعة.
accounts-reset-title = اختيار كلمة مرور جديدة
accounts-reset-submit = حفظ كلمة المرور الجديدة
accounts-password-changed = تم تغيير كلمة مرورك وأُغلقت جميع جلساتك. سجّل الدخول بكلمة المرور الجديدة.

## الملف الشخصي
accounts-profile-title = ملفي الشخصي
accounts-profile-edit = تعديل ملفي الشخصي
accounts-profile-submit = حفظ
accounts-profile-saved = تم حفظ ملفك الشخصي.
accounts-verification = التحقق
accounts-level-unconfirmed = العنوان غير مؤكد
accounts-level-email-confirmed = العنوان مؤكد
accounts-level-resident-verified = الإقامة متحقق منها
accounts-roles = الصلاحيات
accounts-admin-badge = مسؤول(ة) المنصة
accounts-my-roles = الأدوار
accounts-residences = الإقامة المتحقق منها
accounts-residence-line = { $territory } — تم التحقق في { $date } ({ $evidence })
accounts-demographics-legend = الجنس والفئة العمرية (اختياري)
accounts-demographics-why = لماذا نطلب ذلك: لإحصاء عدد النساء والرجال والشباب والمسنين المشاركين، كما تقتضي مؤشرات المشاركة. تُستعمل هذه المعطيات فقط في إحصاءات لا تُظهر أي شخص بعينه، ولا تُعرض في ملفك الشخصي ولا تُشارَك مع أي جهة. يمكنك في أي وقت إلغاء تحديد الخانة لمحوها.
accounts-demographics-consent = أوافق على أن تحتفظ منصة نشارك بجنسي وفئتي العمرية لهذه الإحصاءات فقط.
accounts-not-said = أفضّل عدم الإجابة
accounts-sex = الجنس
accounts-sex-female = امرأة
accounts-sex-male = رجل
accounts-age = الفئة العمرية
accounts-age-under-18 = أقل من 18 سنة
accounts-age-18-35 = من 18 إلى 35 سنة
accounts-age-36-59 = من 36 إلى 59 سنة
accounts-age-60-plus = 60 سنة فما فوق

## معطياتي، حذف الحساب
accounts-data-title = معطياتي
accounts-data-intro = حمّل كل ما تحتفظ به منصة نشارك عنك بصيغة JSON: حسابك وأدوارك وجلساتك وقيود السجل التي تخصك.
accounts-data-download = تحميل معطياتي
accounts-delete-title = حذف حسابي
accounts-delete-what = يؤدي حذف الحساب إلى محو عنوانك واسمك وكلمة مرورك وجنسك وفئتك العمرية وأدوارك وإقامتك المتحقق منها وجلساتك.
accounts-delete-kept = يحتفظ سجل المنصة، دون اسمك ولا عنوانك، بأثر الإجراءات التي تمت سابقا (مثل تحقق قمت به بصفتك موظفا)، حتى يبقى تاريخ القرارات قابلا للتحقق.
accounts-delete-submit = حذف حسابي نهائيا
accounts-delete-cancel = الاحتفاظ بحسابي
accounts-delete-wrong-password = كلمة المرور غير صحيحة.
accounts-delete-last-admin = أنت المسؤول الوحيد عن المنصة: امنح صلاحية المسؤول لحساب آخر أولا.
accounts-deleted-title = تم حذف الحساب
accounts-deleted = تم حذف حسابك. شكرا على مشاركتك.

## أخطاء الاستمارات
accounts-error-email-empty = أدخل بريدك الإلكتروني.
accounts-error-email-too-long = هذا العنوان طويل جدا (254 حرفا على الأكثر).
accounts-error-email-invalid = هذا ليس عنوان بريد إلكتروني صالحا. مثال: name@example.ma
accounts-error-name-empty = أدخل اسما.
accounts-error-name-too-long = الاسم طويل جدا (100 حرف على الأكثر).
accounts-error-name-control = يحتوي الاسم على رموز تحكم غير مرئية. أعد كتابته.
accounts-error-password-too-short = كلمة المرور قصيرة جدا: 10 أحرف على الأقل.
accounts-error-password-too-long = كلمة المرور طويلة جدا: 256 حرفا على الأكثر.
accounts-error-password-same-as-email = يجب ألا تكون كلمة المرور هي بريدك الإلكتروني.
accounts-error-language = اختر إحدى اللغات المقترحة.
accounts-error-consent-missing = للاحتفاظ بجنسك أو فئتك العمرية، حدّد خانة الموافقة، أو اختر «أفضّل عدم الإجابة».
accounts-error-sex-invalid = اختر إحدى الإجابات المقترحة.
accounts-error-age-invalid = اختر إحدى الفئات العمرية المقترحة.
accounts-error-organisation = اختر هيئة من القائمة.
accounts-error-role = اختر دورا من القائمة.
accounts-error-territory = اختر مجالا ترابيا من القائمة.
accounts-error-evidence = اختر الوثيقة التي قدمها الشخص.
accounts-error-bad-form = الاستمارة ناقصة. أعد تحميل الصفحة ثم أعد المحاولة.

## الاستمارات المنتهية أو المزورة
accounts-csrf-title = انتهت صلاحية هذه الاستمارة
accounts-csrf-text = حفاظا على أمنك، لم تُقبل الاستمارة: فُتحت منذ وقت طويل، أو في جلسة أخرى، أو أُرسلت من موقع آخر. لم يتغير أي شيء. عد إلى الاستمارة وأعد تحميلها ثم أرسلها من جديد.
accounts-csrf-back = العودة إلى الاستمارة
accounts-csrf-kept = ما كتبته (باستثناء كلمات المرور)، حتى لا يضيع شيء:

## الأدوار والوثائق
accounts-role-staff = موظف(ة)
accounts-role-elected-member = منتخب(ة)
accounts-role-bureau-member = عضو(ة) المكتب
accounts-role-moderator = مشرف(ة) على المحتوى
accounts-role-association-representative = ممثل(ة) جمعية
accounts-role-coordinator = منسق(ة)
accounts-evidence-cin-shown = البطاقة الوطنية للتعريف قُدمت في الشباك
accounts-evidence-residence-certificate = شهادة السكنى
accounts-evidence-electoral-roll = اللوائح الانتخابية

## الإدارة
accounts-admin-users-title = الحسابات
accounts-admin-search = البحث بالعنوان أو بالاسم
accounts-admin-search-submit = بحث
accounts-admin-no-users = لم يُعثر على أي حساب.
accounts-admin-created = تاريخ الإنشاء
accounts-admin-pages = الصفحات
accounts-admin-prev = الصفحة السابقة
accounts-admin-next = الصفحة التالية
accounts-admin-rights = صلاحيات الإدارة
accounts-admin-grant-admin = تعيينه مسؤولا عن المنصة
accounts-admin-revoke-admin = سحب صلاحيات المسؤول
accounts-admin-no-roles = لا يوجد أي دور.
accounts-admin-no-residence = لا توجد إقامة متحقق منها.
accounts-admin-membership-grant = إسناد دور
accounts-admin-organisation = الهيئة
accounts-admin-role = الدور
accounts-admin-grant = إسناد
accounts-admin-revoke = سحب
accounts-admin-admin-granted = أصبح الحساب مسؤولا عن المنصة.
accounts-admin-admin-revoked = سُحبت صلاحيات المسؤول.
accounts-admin-role-granted = تم إسناد الدور.
accounts-admin-role-revoked = تم سحب الدور.
accounts-admin-residence-revoked = تم سحب التحقق من الإقامة.

## التحقق من الإقامة (الموظفون)
accounts-staff-verify-title = التحقق من إقامة مواطن(ة)
accounts-staff-verify-lead = سجّل أن الشخص الذي حضر إلى الشباك يقيم في مجال ترابي معين. يستطيع المقيم المتحقق منه توقيع العرائض والتصويت الخاصة بهذا المجال.
accounts-staff-no-cin = اطّلع على الوثيقة ثم أرجعها: لا تكتب رقم البطاقة الوطنية في أي مكان. يُسجَّل نوع الوثيقة فقط.
accounts-staff-person-email = عنوان حساب الشخص
accounts-staff-territory = مجال الإقامة
accounts-staff-evidence = الوثيقة المقدَّمة
accounts-staff-verify-submit = تسجيل التحقق
accounts-staff-verified = تم تسجيل { $name } مقيما(ة) في { $territory }.
accounts-staff-user-unknown = لا يوجد حساب مؤكد يستعمل هذا العنوان. اطلب من الشخص أن ينشئ حسابه ويؤكده أولا.
accounts-staff-not-yourself = لا يمكنك التحقق من إقامتك بنفسك: اطلب ذلك من زميل(ة).
accounts-staff-territory-not-allowed = لا يمكنك التحقق من الإقامة إلا في المجالات الترابية التابعة لهيئتك.

## الرسائل الإلكترونية
accounts-mail-greeting = مرحبا { $name }،
accounts-mail-signature = — نشارك، منصة المشاركة المواطنة
accounts-mail-confirm-subject = أكّد عنوانك في منصة نشارك
accounts-mail-confirm-body = مرحبا بك في نشارك. لتفعيل حسابك، أكّد بريدك الإلكتروني بالرابط أدناه. يصلح الرابط مرة واحدة ولمدة 48 ساعة.
accounts-mail-confirm-action = تأكيد عنواني
accounts-mail-confirm-after = إذا لم تنشئ هذا الحساب، فتجاهل هذه الرسالة: لن يحدث أي شيء.
accounts-mail-existing-subject = محاولة تسجيل بعنوانك
accounts-mail-existing-body = حاول شخص ما إنشاء حساب في نشارك بعنوانك، وهو عنوان له حساب من قبل. إن كنت أنت، فسجّل الدخول؛ وإن نسيت كلمة المرور، فاختر كلمة جديدة بالرابط أدناه.
accounts-mail-existing-action = اختيار كلمة مرور جديدة
accounts-mail-existing-after = إن لم تكن أنت، فتجاهل هذه الرسالة: حسابك لم يتغير.
accounts-mail-reset-subject = اختر كلمة مرور جديدة في نشارك
accounts-mail-reset-body = طُلبت كلمة مرور جديدة لحسابك. اخترها بالرابط أدناه. يصلح الرابط مرة واحدة ولمدة ساعة.
accounts-mail-reset-action = اختيار كلمة مرور جديدة
accounts-mail-reset-after = إذا لم تطلب ذلك، فتجاهل هذه الرسالة: كلمة مرورك لم تتغير.
