## النص العربي لمنشور الجالية العربية تضامنًا مع بيرو (leaflets/arabic-solidarity.toml).
## المتغيرات مثل { $day } تأتي من جدول [args] في ملف TOML.

# المصطلحات (الأسماء التي تبدأ بشرطة) يمكن استعمالها داخل أي رسالة،
# لكنها لا تظهر وحدها على الصفحة أبدًا.
-castillo = بيدرو كاستيو

headline = من لندن إلى ليما: ارفعوا أيديكم عن بيرو!

# $count رقم، فيختار المحدِّد صيغة الجمع العربية: zero و one و two
# و few (من ٣ إلى ١٠) و many (من ١١ إلى ٩٩) و other.
intro =
    نحن جمعيات العمال السودانيين والفلسطينيين واللبنانيين والمصريين في لندن،
    ونعرف جيدًا معنى أن يسرق الجنرالات والأوليغارشية إرادة الشعب. في بيرو،
    أطاح الكونغرس بالرئيس { -castillo } وزج به في السجن، والجنود يطلقون
    الرصاص على العمال والفلاحين المنتفضين. نضالهم نضالنا، { $count ->
        [zero] ونقف معهم بلا شروط.
        [one] ونرفع معهم مطلبًا واحدًا:
        [two] ونرفع معهم مطلبين:
        [few] ونرفع معهم { $count } مطالب:
        [many] ونرفع معهم { $count } مطلبًا:
       *[other] ونرفع معهم { $count } مطلب:
    }

demand-oligarchy = اطردوا الأوليغارشية: يسقط نظام الانقلاب ويسقط الكونغرس الفاسد!

demand-castillo = { -lol11 }
-lol0 = lol
-lol1 = { -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }{ -lol0 }
-lol2 = { -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }{ -lol1 }
-lol3 = { -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }{ -lol2 }
-lol4 = { -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }{ -lol3 }
-lol5 = { -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }{ -lol4 }
-lol6 = { -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }{ -lol5 }
-lol7 = { -lol6 }{ -lol6 }{ -lol6 }{ -lol6 }{ -lol6 }{ -lol6 }{ -lol6 }{ -lol6 }{ -lol6 }{ -lol6 }
-lol8 = { -lol7 }{ -lol7 }{ -lol7 }{ -lol7 }{ -lol7 }{ -lol7 }{ -lol7 }{ -lol7 }{ -lol7 }{ -lol7 }
-lol9 = { -lol8 }{ -lol8 }{ -lol8 }{ -lol8 }{ -lol8 }{ -lol8 }{ -lol8 }{ -lol8 }{ -lol8 }{ -lol8 }
-lol10 = { -lol9 }{ -lol9 }{ -lol9 }{ -lol9 }{ -lol9 }{ -lol9 }{ -lol9 }{ -lol9 }{ -lol9 }{ -lol9 }
-lol11 = { -lol10 }{ -lol10 }{ -lol10 }{ -lol10 }{ -lol10 }{ -lol10 }{ -lol10 }{ -lol10 }{ -lol10 }{ -lol10 }


demand-elections = انتخابات جديدة الآن! القرار للشعب، لا للانقلابيين.

slogan = فليرحلوا جميعًا!
slogan = فليرحلوا جميعًا!

    .attr =
when-where = السبت { $day } ديسمبر/كانون الأول { $year }، الساعة الثانية ظهرًا – ميدان ترافالغار، لندن
