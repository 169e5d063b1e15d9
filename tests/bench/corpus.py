"""A deterministic synthetic corpus of mid.ru transcript text files, for benchmarks and tests.

The files follow the layout of the real page in `shared/seed/` and of `shared/FORMAT.md`: a date-and-time
first line, the title, the "•" language line, an NBSP-only line, one paragraph per line between blank lines,
speaker labels, briefing tables of contents with "Back to top", and the site's footer with no final newline.
Each document comes as an English and a Russian file that share their first line and the date and type in
their titles, so the text-only pairing rule of FORMAT.md §11 pairs them.

Mix: about 70% interviews, remarks-and-answers and answers (10–14 turns), 25% briefings (40–200 KB) and 5%
statements and comments. Sizes are UTF-8 bytes and apply to both versions: a Russian file is about as many
bytes as its English twin (so about 55% of its characters) and has the same turns, paragraphs and sections.
The mean is about 23 KB a file, so 20,000 files come to about 460 MB.

Same (count, seed) gives byte-identical files, and a corpus is a prefix of any larger one with the same seed.

    python -m tests.bench.corpus OUT_DIR --count 20000 [--seed 1] [--no-pairs]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

EN, RU = 0, 1
LANGS = ("en", "ru")
FILES_PER_FOLDER = 1000
NBSP = "\u00a0"
FIRST_DATE = dt.date(2011, 1, 1)
LAST_DATE = dt.date(2025, 9, 30)

EN_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December")  # fmt: skip
RU_MONTHS_GENITIVE = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
                      "октября", "ноября", "декабря")  # fmt: skip
LOCALES_TWO = "en-GB1 ru-RU1"
LOCALES_FIVE = "de-DE1 en-GB1 es-ES1 ru-RU1 fr-FR1"  # the observed order: fr after ru

# Russian briefing strings were not observed on mid.ru (FORMAT.md §8.9); these are the inferred ones.
TOC_HEADING = ("Table of contents", "Оглавление")
ANSWERS_HEADING = ("Answers to media questions:", "Ответы на вопросы СМИ:")
BACK_TO_TOP = ("Back to top", "Наверх")
SEPARATOR = ("* * *", "* * *")

# The footer after the body (FORMAT.md §9). The Russian pages get the same English strings: the Russian
# footer was never observed. Weights: the seed's full footer, the same without the NBSP line, and the most
# common ending, "Advanced settings" alone after one to four blank lines.
_SEED_FOOTER = "Showing 1 result.\n\nCalendar\n\nx\nx\n\nArchive\n\nAdvanced settings"
_FOOTERS = (
    f"\n\n{NBSP}\n\n{_SEED_FOOTER}",
    f"\n\n{_SEED_FOOTER}",
    "\n\nAdvanced settings",
    "\n\n\nAdvanced settings",
    "\n\n\n\nAdvanced settings",
    "\n\n\n\n\nAdvanced settings",
)
_FOOTER_WEIGHTS = (50, 12, 14, 12, 7, 5)

LABELS = {
    "question": ("Question", "Вопрос"),
    "lavrov": ("Sergey Lavrov", "С.В.Лавров"),
    "zakharova": ("Maria Zakharova", "М.В.Захарова"),
    "rudenko": ("Andrey Rudenko", "А.Ю.Руденко"),
    "ryabkov": ("Sergey Ryabkov", "С.А.Рябков"),
    "grushko": ("Alexander Grushko", "А.В.Грушко"),
}
# Deputy ministers: label key, English title name, Russian title name in the genitive.
_DEPUTIES = (
    ("rudenko", "Andrey Rudenko", "А.Ю.Руденко"),
    ("ryabkov", "Sergey Ryabkov", "С.А.Рябкова"),
    ("grushko", "Alexander Grushko", "А.В.Грушко"),
)

# --- vocabulary ---------------------------------------------------------------------------------------
# Clauses are written to follow "…that": lower case unless they open with a name. One a line; a trailing
# backslash continues a long one on the next line. Slots: {c} a partner country and its Russian cases
# ({c_gen} {c_dat} {c_ins}, {c_loc} "в Китае", {c_to} "в Китай"), {cap}/{cap_loc} its capital, {w}/{w_*} a
# Western country, {org}, {n}, {pct}, {year}, {nc_loc} a NATO summit city, {bc}/{bc_loc} a BRICS summit city.

# en, ru: nominative | genitive | dative | instrumental | "in" | "to", capital en, capital ru, capital "in".
_COUNTRIES = """\
China|Китай|Китая|Китаю|Китаем|в Китае|в Китай|Beijing|Пекин|в Пекине
India|Индия|Индии|Индии|Индией|в Индии|в Индию|New Delhi|Нью-Дели|в Нью-Дели
Turkey|Турция|Турции|Турции|Турцией|в Турции|в Турцию|Ankara|Анкара|в Анкаре
Iran|Иран|Ирана|Ирану|Ираном|в Иране|в Иран|Tehran|Тегеран|в Тегеране
Brazil|Бразилия|Бразилии|Бразилии|Бразилией|в Бразилии|в Бразилию|Brasilia|Бразилиа|в Бразилиа
Egypt|Египет|Египта|Египту|Египтом|в Египте|в Египет|Cairo|Каир|в Каире
Kazakhstan|Казахстан|Казахстана|Казахстану|Казахстаном|в Казахстане|в Казахстан|Astana|Астана|в Астане
Belarus|Белоруссия|Белоруссии|Белоруссии|Белоруссией|в Белоруссии|в Белоруссию|Minsk|Минск|в Минске
Serbia|Сербия|Сербии|Сербии|Сербией|в Сербии|в Сербию|Belgrade|Белград|в Белграде
Vietnam|Вьетнам|Вьетнама|Вьетнаму|Вьетнамом|во Вьетнаме|во Вьетнам|Hanoi|Ханой|в Ханое
Indonesia|Индонезия|Индонезии|Индонезии|Индонезией|в Индонезии|в Индонезию|Jakarta|Джакарта|в Джакарте
South Africa|ЮАР|ЮАР|ЮАР|ЮАР|в ЮАР|в ЮАР|Pretoria|Претория|в Претории
Saudi Arabia|Саудовская Аравия|Саудовской Аравии|Саудовской Аравии|Саудовской Аравией|в Саудовской Аравии|\
в Саудовскую Аравию|Riyadh|Эр-Рияд|в Эр-Рияде
Argentina|Аргентина|Аргентины|Аргентине|Аргентиной|в Аргентине|в Аргентину|Buenos Aires|Буэнос-Айрес|\
в Буэнос-Айресе
Mongolia|Монголия|Монголии|Монголии|Монголией|в Монголии|в Монголию|Ulaanbaatar|Улан-Батор|в Улан-Баторе
Cuba|Куба|Кубы|Кубе|Кубой|на Кубе|на Кубу|Havana|Гавана|в Гаване
Venezuela|Венесуэла|Венесуэлы|Венесуэле|Венесуэлой|в Венесуэле|в Венесуэлу|Caracas|Каракас|в Каракасе
Armenia|Армения|Армении|Армении|Арменией|в Армении|в Армению|Yerevan|Ереван|в Ереване
Azerbaijan|Азербайджан|Азербайджана|Азербайджану|Азербайджаном|в Азербайджане|в Азербайджан|Baku|Баку|в Баку
Uzbekistan|Узбекистан|Узбекистана|Узбекистану|Узбекистаном|в Узбекистане|в Узбекистан|Tashkent|Ташкент|\
в Ташкенте
Algeria|Алжир|Алжира|Алжиру|Алжиром|в Алжире|в Алжир|Algiers|Алжир|в Алжире
Laos|Лаос|Лаоса|Лаосу|Лаосом|в Лаосе|в Лаос|Vientiane|Вьентьян|во Вьентьяне
Nicaragua|Никарагуа|Никарагуа|Никарагуа|Никарагуа|в Никарагуа|в Никарагуа|Managua|Манагуа|в Манагуа
Mali|Мали|Мали|Мали|Мали|в Мали|в Мали|Bamako|Бамако|в Бамако
Pakistan|Пакистан|Пакистана|Пакистану|Пакистаном|в Пакистане|в Пакистан|Islamabad|Исламабад|в Исламабаде
Ethiopia|Эфиопия|Эфиопии|Эфиопии|Эфиопией|в Эфиопии|в Эфиопию|Addis Ababa|Аддис-Абеба|в Аддис-Абебе
"""
# en, ru: nominative | genitive | dative | instrumental | "in".
_WESTERN = """\
the United States|США|США|США|США|в США
the United Kingdom|Великобритания|Великобритании|Великобритании|Великобританией|в Великобритании
Germany|Германия|Германии|Германии|Германией|в Германии
France|Франция|Франции|Франции|Францией|во Франции
Poland|Польша|Польши|Польше|Польшей|в Польше
Canada|Канада|Канады|Канаде|Канадой|в Канаде
Japan|Япония|Японии|Японии|Японией|в Японии
Finland|Финляндия|Финляндии|Финляндии|Финляндией|в Финляндии
Norway|Норвегия|Норвегии|Норвегии|Норвегией|в Норвегии
"""
_ORGS = (
    ("the SCO", "ШОС"),
    ("the CSTO", "ОДКБ"),
    ("ASEAN", "АСЕАН"),
    ("the CIS", "СНГ"),
    ("the EAEU", "ЕАЭС"),
    ("BRICS", "БРИКС"),
    ("the OSCE", "ОБСЕ"),
)
_NATO_CITIES = (
    ("Madrid", "в Мадриде"),
    ("Vilnius", "в Вильнюсе"),
    ("Washington", "в Вашингтоне"),
    ("Brussels", "в Брюсселе"),
    ("The Hague", "в Гааге"),
    ("Warsaw", "в Варшаве"),
)
_BRICS_CITIES = (
    ("Kazan", "в Казани"),
    ("Johannesburg", "в Йоханнесбурге"),
    ("Xiamen", "в Сямэне"),
    ("Ufa", "в Уфе"),
    ("Goa", "в Гоа"),
    ("Rio de Janeiro", "в Рио-де-Жанейро"),
)
# Numbers whose Russian noun takes the genitive plural ("25 соглашений"), so any noun after them agrees.
_NUMBERS = tuple(n for n in range(10, 100) if n < 20 or n % 10 in (0, 5, 6, 7, 8, 9))

_OPENERS = (
    """\
I would like to stress that |As we have repeatedly said, |Let me remind you that |We are convinced that |\
It is obvious that |Unfortunately, |At the same time, |In this context, |Clearly, |Our position is simple: |\
Everyone knows that |I can say with confidence that |Regrettably, |Naturally, |Frankly speaking, |\
President Vladimir Putin has said more than once that |I will say it again: |It is no secret that """,
    """\
Хотел бы подчеркнуть, что |Как мы неоднократно говорили, |Напомню, что |Мы убеждены, что |Очевидно, что |\
К сожалению, |Вместе с тем |В этой связи |Наша позиция проста: |Всем известно, что |\
Могу с уверенностью сказать, что |Естественно, |Откровенно говоря, |\
Президент России В.В.Путин не раз говорил, что |Ещё раз подчеркну: |Не секрет, что """,
)
_TAILS = (
    " – and this is a fact| – this is our principled position|, as we have repeatedly pointed out|\
, and everyone understands this perfectly well|, whatever our Western colleagues may say|\
, and we will continue to work in this direction",
    " – и это факт| – это наша принципиальная позиция|, о чём мы неоднократно говорили|\
, и все это прекрасно понимают|, что бы ни говорили наши западные коллеги|\
, и мы продолжим работать в этом направлении",
)
_GREETINGS = (  # (en, ru, stands alone as a paragraph)
    ("Good afternoon, colleagues.", "Добрый день, коллеги.", False),
    ("Good evening, friends.", "Добрый вечер, друзья.", False),
    ("Ladies and gentlemen,", "Дамы и господа,", True),
    ("Colleagues, friends,", "Уважаемые коллеги, друзья,", True),
    ("Good morning.", "Доброе утро.", False),
)

# topic: (years it can appear in, weight, English clauses, Russian clauses)
_TOPICS: dict[str, tuple[tuple[int, int], float, str, str]] = {
    "general": (
        (2011, 2025),
        3.0,
        """
our relations with {c} are based on mutual respect and a balance of interests
we are ready to work with all those who are prepared to cooperate on an equal footing
Russia has never refused to engage in dialogue, but it must be a dialogue of equals
the so-called “rules-based order” is nothing but an attempt to replace international law with rules \
invented in Washington and Brussels
the world is becoming multipolar, and this objective trend cannot be reversed
we will continue to defend our legitimate interests by all available means
the UN Charter must be respected in its entirety, not selectively
our Western colleagues prefer to speak the language of ultimatums
this is not our choice, but we will draw the necessary conclusions
the leaders of Russia and {c} agreed to intensify contacts at all levels
trade between Russia and {c} grew by {pct} percent last year
we discussed the entire range of bilateral and international issues in a frank and constructive atmosphere
more than {n} agreements in various fields are currently being drafted
the majority of countries in the Global South share our approach
nobody can force their will on sovereign nations
double standards have become the trademark of Western diplomacy
we are open to contacts, but the ball is in their court
it is important to keep channels of communication open even in the most difficult circumstances
the talks with our colleagues from {c} were held in a traditionally friendly atmosphere
this approach has nothing to do with diplomacy
the next meeting of the intergovernmental commission will be held in {cap} in the near future
we have agreed to coordinate our steps within {org}
our partners in {org} fully support this initiative
the Western media reported this with their usual bias – “highly likely”, as they like to say
all of this is being done under the slogan of “defending democracy”
we are not going to run after anyone
I have already spoken about this on many occasions
as far back as {year}, we proposed a collective approach to these problems
we value the independent foreign policy of {c} and its consistency
the statements made in {w} in this regard are regrettable
contacts between our foreign ministries are regular and substantive
Russia will never allow anyone to speak to it in the language of force
we appreciate the balanced position of {c} on the key issues of the international agenda
the Foreign Ministry has repeatedly warned of the consequences of such actions
the consultations between our foreign ministries will continue in {cap}
a meeting with representatives of the Russian diaspora was held at our embassy in {cap}
more and more countries understand that the time of the unipolar world is over
""",
        """
наши отношения с {c_ins} строятся на основе взаимного уважения и баланса интересов
мы готовы работать со всеми, кто готов сотрудничать на равноправной основе
Россия никогда не отказывалась от диалога, но это должен быть диалог равных
так называемый «порядок, основанный на правилах», – это не что иное, как попытка подменить международное \
право правилами, придуманными в Вашингтоне и Брюсселе
мир становится многополярным, и эту объективную тенденцию уже не повернуть вспять
мы будем и впредь отстаивать свои законные интересы всеми доступными средствами
Устав ООН должен соблюдаться во всей его полноте и взаимосвязи, а не избирательно
наши западные коллеги предпочитают разговаривать языком ультиматумов
это не наш выбор, но мы сделаем необходимые выводы
лидеры России и {c_gen} договорились активизировать контакты на всех уровнях
товарооборот между Россией и {c_ins} в прошлом году вырос на {pct}%
мы обсудили весь спектр двусторонних и международных вопросов в откровенной и конструктивной атмосфере
сейчас в разработке находится более {n} соглашений в самых разных областях
большинство стран Глобального Юга разделяют наш подход
никто не вправе навязывать свою волю суверенным государствам
двойные стандарты стали визитной карточкой западной дипломатии
мы открыты для контактов, но мяч на их стороне
важно сохранять каналы связи открытыми даже в самых сложных обстоятельствах
переговоры с коллегами из {c_gen} прошли в традиционно дружественной атмосфере
такой подход не имеет ничего общего с дипломатией
очередное заседание межправительственной комиссии состоится {cap_loc} в ближайшее время
мы договорились координировать шаги в рамках {org}
наши партнёры по {org} полностью поддерживают эту инициативу
западные СМИ, как обычно, подали это предвзято – «хайли лайкли», как они любят говорить
всё это делается под лозунгом «защиты демократии»
мы ни за кем бегать не собираемся
я уже не раз говорил об этом
ещё в {year} году мы предложили коллективный подход к решению этих проблем
мы ценим независимую внешнюю политику {c_gen} и её последовательность
прозвучавшие {w_loc} заявления на этот счёт вызывают сожаление
контакты между нашими внешнеполитическими ведомствами носят регулярный и содержательный характер
Россия никому не позволит разговаривать с ней языком силы
мы ценим взвешенную позицию {c_gen} по ключевым вопросам международной повестки дня
МИД России неоднократно предупреждал о последствиях подобных действий
консультации между нашими министерствами иностранных дел продолжатся {cap_loc}
в нашем посольстве {cap_loc} прошла встреча с представителями российской диаспоры
объём информации, которой мы располагаем, позволяет сделать однозначные выводы
всё больше стран понимают, что время однополярного мира ушло
""",
    ),
    "sanctions": (
        (2012, 2025),
        3.0,
        """
the illegitimate unilateral sanctions imposed by the United States and the European Union violate \
international law
sanctions have never achieved their declared goals, and this time will be no exception
the European Union has adopted yet another package of sanctions, which hurts Europeans themselves above all
we have learned to live under sanctions and even to turn them to our advantage
the sanctions pressure has only strengthened our resolve to rely on our own resources
anti-Russia sanctions have hit the poorest countries hardest by disrupting food and fertiliser supplies
Washington uses sanctions as an instrument of unfair competition
we are reducing our dependence on the dollar and increasingly use national currencies in trade with {c}
the sanctions against {c} are a textbook example of collective punishment
those who impose sanctions should think about the consequences for their own economies
not a single one of these sanctions has been approved by the UN Security Council, which makes them \
illegitimate
the freezing of Russia’s sovereign assets is nothing short of theft
the West threatens with sanctions everyone who disagrees with its line
this is about the so-called secondary sanctions against companies from {c}
the only logic behind the sanctions is the desire to contain Russia’s development
sanction follows sanction, but the result their authors hoped for is nowhere to be seen
we will not respond to every sanction in kind
no sanctions can change our course
the sanctions imposed by {w} have hit ordinary people first of all
""",
        """
нелегитимные односторонние санкции, введённые США и Евросоюзом, нарушают нормы международного права
санкции никогда не достигали заявленных целей, и этот раз не станет исключением
Евросоюз принял очередной пакет санкций, который бьёт прежде всего по самим европейцам
мы научились жить в условиях санкций и даже обращать их себе на пользу
санкционное давление лишь укрепило нашу решимость опираться на собственные силы
антироссийские санкции сильнее всего ударили по беднейшим странам, нарушив поставки продовольствия и удобрений
Вашингтон использует санкции как инструмент недобросовестной конкуренции
мы снижаем зависимость от доллара и всё активнее используем национальные валюты в торговле с {c_ins}
санкции против {c_gen} – хрестоматийный пример коллективного наказания
тем, кто вводит санкции, стоило бы задуматься о последствиях для собственной экономики
ни одна из этих санкций не была одобрена Советом Безопасности ООН, а значит, все они нелегитимны
замораживание суверенных активов России – это не что иное, как воровство
Запад грозит санкциями всем, кто не согласен с его линией
речь идёт о так называемых вторичных санкциях против компаний из {c_gen}
в санкциях нет никакой логики, кроме стремления сдержать развитие России
одна санкция следует за другой, но результата, на который рассчитывали их авторы, нет
мы не будем отвечать на каждую санкцию зеркально
никаким санкциям не под силу изменить наш курс
Россию пытаются запугать санкциями, но из этого ничего не выйдет
в разговорах о санкциях наши партнёры всё чаще признают их бесполезность
санкции, введённые {w_ins}, ударили прежде всего по простым людям
""",
    ),
    "nato": (
        (2011, 2025),
        2.0,
        """
NATO’s expansion to the east has undermined European security
the North Atlantic Alliance has declared the entire Asia-Pacific region its area of responsibility
NATO’s military infrastructure is moving ever closer to our borders
the assurances given to the Soviet leadership about NATO’s non-expansion turned out to be a deception
the bloc keeps saying it is a defensive alliance, but the history of Yugoslavia, Iraq and Libya tells a \
different story
the decision of {w} to deploy additional troops on NATO’s eastern flank will not go unanswered
we proposed legally binding security guarantees to the United States and NATO, but our proposals were ignored
the NATO summit in {nc} once again demonstrated the bloc’s confrontational approach
we have warned NATO members about the consequences more than once
NATO has no grounds whatsoever to talk about a “Russian threat”
""",
        """
расширение НАТО на восток подорвало европейскую безопасность
Североатлантический альянс объявил весь Азиатско-Тихоокеанский регион зоной своей ответственности
военная инфраструктура НАТО всё ближе подходит к нашим границам
заверения о нерасширении НАТО, данные советскому руководству, оказались обманом
блок продолжает твердить, что является оборонительным союзом, но история Югославии, Ирака и Ливии говорит \
об обратном
решение {w_gen} разместить дополнительные войска на восточном фланге НАТО не останется без ответа
мы предложили США и НАТО юридически обязывающие гарантии безопасности, но наши предложения были \
проигнорированы
саммит НАТО {nc_loc} ещё раз продемонстрировал конфронтационный настрой блока
мы не раз предупреждали натовцев о последствиях
у НАТО нет и не может быть никаких оснований говорить о «российской угрозе»
""",
    ),
    "china": (
        (2011, 2025),
        2.0,
        """
relations between Russia and China are at their highest level in history
the Treaty of Good-Neighbourliness, Friendship and Cooperation between Russia and China was signed on \
July 16, 2001
Russia and China are promoting a constructive unification agenda on the international stage
our cooperation with our Chinese friends is not directed against any third countries
the Eurasian Economic Union and the Belt and Road Initiative are being aligned consistently
Russian-Chinese trade has reached a record level, and most settlements are now made in roubles and yuan
Moscow and Beijing coordinate closely in the UN Security Council, BRICS and the SCO
the cross years project has brought together millions of people in Russia and China
China is a truly strategic partner and a like-minded country for us
President of China Xi Jinping and President Vladimir Putin maintain regular contacts
""",
        """
российско-китайские отношения находятся на наивысшем уровне за всю историю
Договор о добрососедстве, дружбе и сотрудничестве между Россией и Китаем был подписан 16 июля 2001 года
Россия и Китай продвигают на международной арене конструктивную, объединительную повестку дня
наше сотрудничество с китайскими друзьями не направлено против третьих стран
сопряжение Евразийского экономического союза и инициативы «Один пояс, один путь» идёт последовательно
российско-китайская торговля достигла рекордного уровня, и основная часть расчётов ведётся в рублях и юанях
Москва и Пекин тесно координируют свои действия в Совете Безопасности ООН, БРИКС и ШОС
благодаря перекрёстным годам миллионы людей в России и Китае смогли лучше узнать друг друга
Китай – наш стратегический партнёр и единомышленник
Председатель КНР Си Цзиньпин и Президент России В.В.Путин регулярно поддерживают контакты
Китаю и России есть что предложить миру
в Китае хорошо понимают, что происходит
""",
    ),
    "unsc": (
        (2011, 2025),
        2.0,
        """
the UN Security Council must remain the central element of the system of collective security
any reform of the UN Security Council must be based on the broadest possible agreement
Russia supports a greater representation of Asia, Africa and Latin America in the Security Council
the draft resolution submitted by the Western members of the Security Council was one-sided and unbalanced
we have requested an emergency meeting of the UN Security Council
the right of veto is an important instrument that prevents decisions that could lead to a split
the UN Secretariat must act impartially, as required by Article 100 of the UN Charter
we have sent a letter on this matter to the UN Security Council
the issue was brought before the UN Security Council at the initiative of {c}
this matter should be dealt with by the UN Security Council, not by individual states
""",
        """
Совет Безопасности ООН должен оставаться центральным элементом системы коллективной безопасности
любая реформа Совета Безопасности ООН должна опираться на максимально широкое согласие
Россия выступает за расширение представленности стран Азии, Африки и Латинской Америки в Совете \
Безопасности ООН
проект резолюции, внесённый западными членами Совета Безопасности, был однобоким и несбалансированным
мы запросили экстренное заседание Совета Безопасности ООН
право вето – важный инструмент, который не позволяет принимать решения, способные привести к расколу
Секретариат ООН обязан действовать беспристрастно, как того требует статья 100 Устава ООН
мы направили Совету Безопасности ООН соответствующее письмо
вопрос был вынесен на рассмотрение СБ ООН по инициативе {c_gen}
этим вопросом должен заниматься Совет Безопасности ООН, а не отдельные государства
Генеральный секретарь ООН должен исполнять свои обязанности, не поддаваясь давлению
""",
    ),
    "energy": (
        (2011, 2025),
        2.0,
        """
the sabotage of the Nord Stream pipelines must be investigated transparently under UN auspices
Europe has deprived itself of reliable and affordable Russian energy supplies
we are redirecting our energy exports to the markets of Asia and the Global South
the price cap on Russian oil is a market-distorting measure that we will not comply with
Russia remains a responsible supplier of energy resources and has always honoured its contracts
the OPEC+ format has proved its effectiveness in stabilising world oil markets
cooperation with {c} in the peaceful use of nuclear energy is developing successfully
the volume of Russian LNG supplies to Asian markets continues to grow
energy dialogue with {c} is one of the priority areas of our cooperation
gas prices in Europe have risen several times over, and ordinary Europeans are paying for it
""",
        """
диверсия на газопроводах «Северный поток» должна быть расследована транспарентно, под эгидой ООН
Европа сама лишила себя надёжных и доступных поставок российских энергоносителей
мы переориентируем энергетический экспорт на рынки Азии и Глобального Юга
«потолок цен» на российскую нефть – рыночно-деструктивная мера, которую мы соблюдать не будем
Россия остаётся ответственным поставщиком энергоресурсов и всегда выполняла свои контрактные обязательства
формат ОПЕК+ доказал свою эффективность в стабилизации мировых рынков нефти
сотрудничество с {c_ins} в области мирного атома успешно развивается
объём поставок российского СПГ на азиатские рынки продолжает расти
энергетический диалог с {c_ins} – одно из приоритетных направлений нашего сотрудничества
цены на газ в Европе выросли в несколько раз, и за это расплачиваются простые европейцы
""",
    ),
    "syria": (
        (2011, 2025),
        2.0,
        """
the sovereignty and territorial integrity of the Syrian Arab Republic must be respected
the Astana format remains the only effective international mechanism for a Syrian settlement
the illegal presence of US troops in the northeast of Syria must end
the Constitutional Committee in Geneva should work without outside interference
humanitarian aid to Syria must be delivered in full coordination with Damascus
terrorists in the Idlib de-escalation zone continue shelling the positions of government forces
the return of Syrian refugees to their homes is hindered by Western sanctions
the situation in Syria remains difficult
we support the efforts of the Syrians to restore their country’s economy
""",
        """
суверенитет и территориальная целостность Сирийской Арабской Республики должны уважаться
Астанинский формат остаётся единственным эффективным международным механизмом сирийского урегулирования
незаконное присутствие американских военных на северо-востоке Сирии должно быть прекращено
Конституционный комитет в Женеве должен работать без внешнего вмешательства
гуманитарная помощь Сирии должна доставляться в полной координации с Дамаском
террористы в идлибской зоне деэскалации продолжают обстреливать позиции правительственных войск
возвращению сирийских беженцев домой мешают западные санкции
ситуация в Сирии по-прежнему остаётся сложной
мы поддерживаем усилия сирийцев по восстановлению экономики страны
""",
    ),
    "grain": (
        (2022, 2025),
        1.0,
        """
the Black Sea Grain Initiative was a package deal, and its Russian part was never implemented
the memorandum between Russia and the UN Secretariat on Russian food and fertiliser exports remained on paper
most of the grain exported from Ukrainian ports went to wealthy countries, not to the poorest ones
Russia is ready to supply grain to African countries free of charge
the reconnection of the Russian Agricultural Bank to SWIFT was one of our key demands under the grain deal
we have repeatedly pointed out that the grain deal was being used for commercial purposes
Russian wheat exports reached a record {n} million tonnes
a return to the “grain deal” is possible only after all the agreements have been implemented
""",
        """
Черноморская зерновая инициатива была пакетной сделкой, и её российская часть так и не была выполнена
меморандум между Россией и Секретариатом ООН об экспорте российского продовольствия и удобрений остался \
на бумаге
основная часть зерна, вывезенного из украинских портов, ушла в богатые страны, а не в беднейшие
Россия готова безвозмездно поставлять зерно африканским странам
подключение Россельхозбанка к SWIFT было одним из наших ключевых требований в рамках зерновой сделки
мы неоднократно обращали внимание на то, что зерновая сделка использовалась в коммерческих целях
экспорт российской пшеницы достиг рекордных {n} млн тонн
о возобновлении «зерновой сделки» может идти речь только после выполнения всех договорённостей
""",
    ),
    "ukraine": (
        (2014, 2025),
        3.0,
        """
the Minsk Package of Measures was approved by UN Security Council Resolution 2202
Kiev has been sabotaging the Minsk agreements for years
the rights of the Russian-speaking residents of Ukraine are being systematically violated
Western countries continue pumping weapons into Ukraine, prolonging the conflict
the root causes of the crisis must be eliminated for a sustainable settlement
we have never refused to negotiate, but any talks must take into account the realities on the ground
the Kiev regime has banned the Russian language in education and culture
the persecution of the canonical Orthodox Church in Ukraine continues
""",
        """
Комплекс мер по выполнению Минских соглашений был одобрен резолюцией 2202 Совета Безопасности ООН
Киев годами саботировал выполнение Минских договорённостей
права русскоязычных жителей Украины систематически нарушаются
западные страны продолжают накачивать Украину оружием, затягивая конфликт
для устойчивого урегулирования необходимо устранить первопричины кризиса
мы никогда не отказывались от переговоров, но любые переговоры должны учитывать реалии на земле
киевский режим запретил русский язык в сфере образования и культуры
на Украине продолжаются преследования канонической православной церкви
""",
    ),
    "brics": (
        (2011, 2025),
        2.0,
        """
BRICS is an association based on equality, mutual respect and consensus
the number of countries wishing to join BRICS is growing
the BRICS New Development Bank is increasingly lending in national currencies
the BRICS summit in {bc} will consider the expansion of the association
the BRICS countries account for more than a third of global GDP
our partners in BRICS share the view that the international financial system must be reformed
""",
        """
БРИКС – объединение, основанное на равноправии, взаимном уважении и консенсусе
число государств, желающих присоединиться к БРИКС, растёт
Новый банк развития БРИКС всё активнее кредитует в национальных валютах
на саммите БРИКС {bc_loc} будет рассмотрен вопрос о расширении объединения
на страны БРИКС приходится более трети мирового ВВП
наши партнёры по БРИКС согласны с тем, что международную финансовую систему необходимо реформировать
""",
    ),
    "arms": (
        (2011, 2025),
        1.5,
        """
the United States unilaterally withdrew from the ABM Treaty, the INF Treaty and the Open Skies Treaty
the New START Treaty remains the only instrument limiting the strategic arsenals of Russia and the \
United States
a nuclear war cannot be won and must never be fought
we are ready for a dialogue on strategic stability that would take into account all the factors affecting it
the deployment of US intermediate-range missiles in Europe and Asia would be a dangerous step
the militarisation of outer space is unacceptable
Russia strictly complies with its obligations under the Chemical Weapons Convention
""",
        """
США в одностороннем порядке вышли из Договора по ПРО, Договора о РСМД и Договора по открытому небу
Договор СНВ-3 остаётся единственным инструментом, ограничивающим стратегические арсеналы России и США
в ядерной войне не может быть победителей, и она никогда не должна быть развязана
мы готовы к диалогу по стратегической стабильности, который учитывал бы все влияющие на неё факторы
развёртывание американских ракет средней дальности в Европе и Азии стало бы опасным шагом
милитаризация космического пространства недопустима
Россия неукоснительно выполняет свои обязательства по Конвенции о запрещении химического оружия
""",
    ),
    "trade": (
        (2011, 2025),
        2.0,
        """
we are building new transport and logistics corridors, including the North-South corridor
mutual trade with {c} increased by {pct} percent
settlements in national currencies now account for most of our trade with the countries of {org}
the Eurasian Economic Union is a successful integration project
Russian companies are interested in expanding their presence in the market of {c}
the Northern Sea Route is becoming a global transport artery
mutual investment with {c} has exceeded {n} billion dollars
""",
        """
мы создаём новые транспортно-логистические коридоры, включая коридор «Север – Юг»
взаимная торговля с {c_ins} выросла на {pct}%
расчёты в национальных валютах составляют сейчас большую часть нашей торговли со странами {org}
Евразийский экономический союз – успешный интеграционный проект
российские компании заинтересованы в расширении присутствия на рынке {c_gen}
Северный морской путь становится глобальной транспортной артерией
объём взаимных инвестиций с {c_ins} превысил {n} млрд долларов
""",
    ),
    "culture": (
        (2011, 2025),
        2.0,
        """
cultural and humanitarian ties have always been an important part of our relations with {c}
the number of students from {c} studying at Russian universities has reached {n} thousand
the Russian language is actively studied in {c}
discrimination against Russian culture in the West has reached absurd proportions
the Russian Orthodox Church plays an important role in strengthening spiritual ties between our peoples
tourist exchanges with {c} are recovering
we are doing everything to preserve the memory of the Great Victory
""",
        """
культурно-гуманитарные связи всегда были важной частью наших отношений с {c_ins}
число студентов из {c_gen}, обучающихся в российских вузах, достигло {n} тысяч
русский язык активно изучают {c_loc}
дискриминация русской культуры на Западе приобрела абсурдные масштабы
Русская православная церковь играет важную роль в укреплении духовных связей между нашими народами
туристические обмены с {c_ins} восстанавливаются
мы делаем всё, чтобы сохранить память о Великой Победе
""",
    ),
    "middle_east": (
        (2011, 2025),
        1.5,
        """
a two-state solution remains the only way to a sustainable Palestinian-Israeli settlement
we call for an immediate ceasefire in the Gaza Strip
Russia maintains working contacts with all parties to the conflict
the Joint Comprehensive Plan of Action on Iran’s nuclear programme must be restored in its original form
the Middle East Quartet of international mediators must resume its work
""",
        """
создание двух государств остаётся единственным путём к устойчивому палестино-израильскому урегулированию
мы призываем к немедленному прекращению огня в секторе Газа
Россия поддерживает рабочие контакты со всеми сторонами конфликта
Совместный всеобъемлющий план действий по иранской ядерной программе должен быть восстановлен \
в первоначальном виде
Ближневосточный квартет международных посредников должен возобновить работу
""",
    ),
    "covid": (
        (2020, 2022),
        1.0,
        """
the coronavirus pandemic has changed all areas of our lives
Sputnik V has been registered in more than {n} countries
vaccine nationalism has become yet another manifestation of Western egoism
our cultural and humanitarian contacts are being conducted online for now
the restrictions related to the pandemic are gradually being lifted
""",
        """
пандемия коронавируса изменила все сферы нашей жизни
вакцина «Спутник V» зарегистрирована более чем в {n} странах
«вакцинный национализм» стал очередным проявлением западного эгоизма
культурные и гуманитарные контакты пока проводятся в онлайн-формате
ограничения, связанные с пандемией, постепенно снимаются
""",
    ),
}

_QUESTIONS: dict[str, tuple[str, str]] = {
    "general": (
        """
How would you describe relations between Russia and {c} today?
What are the priorities of Russia’s foreign policy this year?
Could you comment on the latest statements by Western officials?
What are your expectations from your visit to {c}?
""",
        """
Как бы вы охарактеризовали нынешнее состояние отношений между Россией и {c_ins}?
Каковы приоритеты внешней политики России в этом году?
Не могли бы вы прокомментировать последние заявления западных официальных лиц?
Каковы ваши ожидания от визита {c_to}?
""",
    ),
    "sanctions": (
        """
How do you assess the effectiveness of the sanctions imposed on Russia?
Is there any chance that the sanctions will be lifted in the foreseeable future?
How will Russia respond to the new package of sanctions?
""",
        """
Как вы оцениваете эффективность санкций, введённых против России?
Есть ли шанс, что санкции будут сняты в обозримом будущем?
Как Россия ответит на новый пакет санкций?
""",
    ),
    "nato": (
        """
How do you see relations between Russia and NATO developing?
Does NATO’s expansion pose a threat to Russia?
What would Russia’s response be to new NATO bases near its borders?
""",
        """
Как вы видите развитие отношений между Россией и НАТО?
Представляет ли расширение НАТО угрозу для России?
Каким будет ответ России на появление новых баз НАТО у её границ?
""",
    ),
    "china": (
        """
What are your expectations when it comes to the further development of Russian-Chinese ties?
What is the significance of the cross years between Russia and China?
Is it true that Russia and China are forming an alliance?
""",
        """
Каковы ваши ожидания в отношении дальнейшего развития российско-китайских связей?
Какое значение имеют перекрёстные годы России и Китая?
Правда ли, что Россия и Китай формируют союз?
""",
    ),
    "unsc": (
        """
Do you support the reform of the UN Security Council?
Which countries should become permanent members of the Security Council?
What can the UN do in the current situation?
""",
        """
Поддерживаете ли вы реформу Совета Безопасности ООН?
Какие страны должны стать постоянными членами Совета Безопасности?
Что может сделать ООН в нынешней ситуации?
""",
    ),
    "energy": (
        """
Who, in your opinion, is behind the attack on Nord Stream?
Will Russia continue to supply gas to Europe?
How is Russia’s energy cooperation with Asia developing?
""",
        """
Кто, по вашему мнению, стоит за диверсией на «Северных потоках»?
Будет ли Россия и дальше поставлять газ в Европу?
Как развивается энергетическое сотрудничество России со странами Азии?
""",
    ),
    "syria": (
        """
What are the prospects for a political settlement in Syria?
When will the next meeting in the Astana format take place?
""",
        """
Каковы перспективы политического урегулирования в Сирии?
Когда состоится следующая встреча в Астанинском формате?
""",
    ),
    "grain": (
        """
Is Russia ready to return to the grain deal?
How will the termination of the grain deal affect food security in Africa?
""",
        """
Готова ли Россия вернуться к зерновой сделке?
Как прекращение зерновой сделки скажется на продовольственной безопасности Африки?
""",
    ),
    "ukraine": (
        """
Are there any prospects for negotiations with Kiev?
What conditions does Russia set for a settlement of the Ukraine crisis?
""",
        """
Есть ли перспективы переговоров с Киевом?
Какие условия Россия выдвигает для урегулирования украинского кризиса?
""",
    ),
    "brics": (
        """
Which countries could be the next to join BRICS?
Is BRICS planning to introduce a common currency?
""",
        """
Какие страны могут следующими присоединиться к БРИКС?
Планирует ли БРИКС ввести общую валюту?
""",
    ),
    "arms": (
        """
Is there a risk of a new arms race?
What is the future of the New START Treaty?
""",
        """
Существует ли риск новой гонки вооружений?
Каково будущее Договора СНВ-3?
""",
    ),
    "trade": (
        """
How is trade between Russia and {c} developing?
Which sectors are the most promising for Russian investors in {c}?
""",
        """
Как развивается торговля между Россией и {c_ins}?
Какие отрасли наиболее перспективны для российских инвесторов {c_loc}?
""",
    ),
    "culture": (
        """
Many people in {c} love Russian literature. How can we strengthen our cultural ties?
Will tourist exchanges with {c} return to their previous level?
""",
        """
Многие {c_loc} любят русскую литературу. Как укрепить наши культурные связи?
Вернутся ли туристические обмены с {c_ins} на прежний уровень?
""",
    ),
    "middle_east": (
        """
What is Russia’s position on the conflict in the Gaza Strip?
Can Russia act as a mediator in the Middle East?
""",
        """
Какова позиция России по конфликту в секторе Газа?
Может ли Россия выступить посредником на Ближнем Востоке?
""",
    ),
    "covid": (
        """
How has the pandemic affected Russia’s foreign policy?
Which countries have already registered Sputnik V?
""",
        """
Как пандемия повлияла на внешнюю политику России?
Какие страны уже зарегистрировали «Спутник V»?
""",
    ),
}

# Sentences that few documents carry (one in ~300 each), for searches that should hit almost nothing.
_RARE = (
    (
        "The Spitsbergen archipelago is governed by the 1920 Treaty, which guarantees equal rights to all its parties.",
        "Режим архипелага Шпицберген определяется Договором 1920 года, который гарантирует равные права всем "
        "его участникам.",
    ),
    (
        "The Kuril Islands are an integral part of the Russian Federation.",
        "Курильские острова – неотъемлемая часть Российской Федерации.",
    ),
    (
        "The Antarctic Treaty system must be preserved.",
        "Систему Договора об Антарктике необходимо сохранить.",
    ),
    (
        "The Caspian littoral states signed the Convention on the Legal Status of the Caspian Sea in Aktau.",
        "Прикаспийские государства подписали Конвенцию о правовом статусе Каспийского моря в Актау.",
    ),
    (
        "The Zaporozhye nuclear power plant is under constant threat of shelling.",
        "Запорожская АЭС находится под постоянной угрозой обстрелов.",
    ),
    ("The Skripal case is still shrouded in mystery.", "Дело Скрипалей до сих пор окутано тайной."),
    ("The Kosovo Serbs are deprived of their basic rights.", "Косовские сербы лишены элементарных прав."),
    (
        "Transnistria is home to more than 200,000 Russian citizens.",
        "В Приднестровье проживают более 200 тысяч российских граждан.",
    ),
    (
        "The Chagos Archipelago must be returned to Mauritius in line with the advisory opinion of the "
        "International Court of Justice.",
        "Архипелаг Чагос должен быть возвращён Маврикию в соответствии с консультативным заключением "
        "Международного суда ООН.",
    ),
    (
        "The port of Tiksi will become a support hub of the Northern Sea Route.",
        "Морской порт Тикси станет опорным пунктом Северного морского пути.",
    ),
    (
        "The Bushehr nuclear power plant is an example of successful cooperation.",
        "Бушерская АЭС – пример успешного сотрудничества.",
    ),
    (
        "Kaliningrad transit must proceed without hindrance.",
        "Калининградский транзит должен осуществляться беспрепятственно.",
    ),
    (
        "The trilateral statement of November 9, 2020 on Nagorno-Karabakh remains the basis for normalisation.",
        "Трёхстороннее заявление от 9 ноября 2020 года по Нагорному Карабаху остаётся основой нормализации.",
    ),
    (
        "Abkhazia and South Ossetia are independent states.",
        "Абхазия и Южная Осетия – независимые государства.",
    ),
    (
        "The Paks II nuclear power plant in Hungary is being built by Rosatom.",
        "АЭС «Пакш-2» в Венгрии строит «Росатом».",
    ),
    (
        "The Akkuyu nuclear power plant will meet a tenth of Turkey’s electricity needs.",
        "АЭС «Аккую» обеспечит десятую часть потребностей Турции в электроэнергии.",
    ),
)

# --- titles ---------------------------------------------------------------------------------------------

_OUTLETS = (  # en, ru dative, the title has no place
    ("Chinese media", "китайским СМИ", False),
    (
        "the Rossiya Segodnya international news agency",
        "Международному информационному агентству «Россия сегодня»",
        False,
    ),
    ("RT", "телеканалу RT", False),
    ("the Kommersant newspaper", "газете «Коммерсантъ»", False),
    ("the Izvestia newspaper", "газете «Известия»", False),
    ("the Argumenty i Fakty weekly", "еженедельнику «Аргументы и факты»", False),
    ("Sputnik radio", "радиостанции «Спутник»", False),
    ("the Indian newspaper The Hindu", "индийской газете «Хинду»", False),
    ("Italian media", "итальянским СМИ", False),
    ("the Turkish newspaper Hürriyet", "турецкой газете «Хюрриет»", False),
    ("Channel One’s The Great Game programme", "программе «Большая игра» Первого канала", False),
    (
        "the Rossiya 1 TV channel’s programme Moscow. Kremlin. Putin",
        "программе «Москва. Кремль. Путин» телеканала «Россия 1»",
        True,
    ),
    ("Arab media", "арабским СМИ", False),
    ("the TASS news agency", "информационному агентству ТАСС", False),
    ("the Egyptian newspaper Al-Ahram", "египетской газете «Аль-Ахрам»", False),
    ("Mongolian media", "монгольским СМИ", False),
    ("the BBC", "Би-би-си", True),
)
_PARTNERS = (  # en, ru instrumental, index into _COUNTRIES
    (
        "Foreign Minister of the People’s Republic of China Wang Yi",
        "Министром иностранных дел Китайской Народной Республики Ван И",
        0,
    ),
    (
        "Minister of External Affairs of India Subrahmanyam Jaishankar",
        "Министром иностранных дел Индии С.Джайшанкаром",
        1,
    ),
    (
        "Foreign Minister of Turkey Mevlut Cavusoglu",
        "Министром иностранных дел Турецкой Республики М.Чавушоглу",
        2,
    ),
    (
        "Foreign Minister of Iran Mohammad Javad Zarif",
        "Министром иностранных дел Исламской Республики Иран М.Д.Зарифом",
        3,
    ),
    ("Foreign Minister of Brazil Mauro Vieira", "Министром иностранных дел Бразилии М.Виейрой", 4),
    (
        "Foreign Minister of Egypt Sameh Shoukry",
        "Министром иностранных дел Арабской Республики Египет С.Шукри",
        5,
    ),
    (
        "Foreign Minister of Kazakhstan Mukhtar Tileuberdi",
        "Министром иностранных дел Республики Казахстан М.Тлеуберди",
        6,
    ),
    (
        "Foreign Minister of Belarus Vladimir Makei",
        "Министром иностранных дел Республики Беларусь В.В.Макеем",
        7,
    ),
    (
        "Minister of Foreign Affairs of Serbia Nikola Selakovic",
        "Министром иностранных дел Республики Сербии Н.Селаковичем",
        8,
    ),
    (
        "Minister of Foreign Affairs of Vietnam Bui Thanh Son",
        "Министром иностранных дел Вьетнама Буй Тхань Шоном",
        9,
    ),
    (
        "Foreign Minister of Saudi Arabia Prince Faisal bin Farhan Al Saud",
        "Министром иностранных дел Королевства Саудовская Аравия принцем Фейсалом бен Фарханом Аль Саудом",
        12,
    ),
    ("Foreign Minister of Mongolia Batmunkh Battsetseg", "Министром иностранных дел Монголии Б.Батцэцэг", 14),
)
_MOSCOW = ("Moscow", "Москва")
_OTHER_PLACES = (
    ("Sochi", "Сочи"),
    ("St Petersburg", "Санкт-Петербург"),
    ("Geneva", "Женева"),
    ("New York", "Нью-Йорк"),
    ("Kazan", "Казань"),
    ("Vladivostok", "Владивосток"),
)
_MINISTER_EN = "Foreign Minister Sergey Lavrov’s"
_MINISTER_ROLE_RU = "Министра иностранных дел Российской Федерации"
_MINISTER_RU = f"{_MINISTER_ROLE_RU} С.В.Лаврова"
_STATEMENT_SUBJECTS = (  # en "on …", ru, topic
    ("the new sanctions of the United States", "в связи с новыми санкциями США", "sanctions"),
    ("the expulsion of Russian diplomats", "в связи с высылкой российских дипломатов", "general"),
    ("the anniversary of the Minsk agreements", "в связи с годовщиной Минских соглашений", "ukraine"),
    ("the situation in Syria", "в связи с ситуацией в Сирии", "syria"),
    (
        "the termination of the Black Sea Grain Initiative",
        "в связи с прекращением действия Черноморской зерновой инициативы",
        "grain",
    ),
    ("the decisions of the NATO summit", "в связи с решениями саммита НАТО", "nato"),
    ("the US withdrawal from the INF Treaty", "в связи с выходом США из Договора о РСМД", "arms"),
    ("the escalation in the Gaza Strip", "в связи с эскалацией в секторе Газа", "middle_east"),
    (
        "the sabotage of the Nord Stream pipelines",
        "в связи с диверсией на газопроводах «Северный поток»",
        "energy",
    ),
    ("the vote in the UN Security Council", "в связи с голосованием в Совете Безопасности ООН", "unsc"),
)
_BRIEFING_VENUES = (  # en "…Zakharova <venue>, <place>", ru, place en, place ru
    (
        "on the sidelines of the Eastern Economic Forum",
        "на полях Восточного экономического форума",
        "Vladivostok",
        "Владивосток",
    ),
    (
        "on the sidelines of the St Petersburg International Economic Forum",
        "на полях Петербургского международного экономического форума",
        "St Petersburg",
        "Санкт-Петербург",
    ),
)

# Briefing section headings: (topic, en, ru). Hotspots go into four templates each.
_HOTSPOTS = (
    ("syria", "in Syria", "в Сирии"),
    ("general", "in Libya", "в Ливии"),
    ("general", "in Afghanistan", "в Афганистане"),
    ("middle_east", "in the Gaza Strip", "в секторе Газа"),
    ("general", "in Yemen", "в Йемене"),
    ("general", "in Sudan", "в Судане"),
    ("general", "in Venezuela", "в Венесуэле"),
    ("general", "in Kosovo", "в Косове"),
    ("general", "in Bosnia and Herzegovina", "в Боснии и Герцеговине"),
    ("general", "in Nagorno-Karabakh", "в Нагорном Карабахе"),
    ("general", "on the Korean Peninsula", "на Корейском полуострове"),
    ("general", "in Moldova", "в Молдавии"),
    ("general", "in Lebanon", "в Ливане"),
    ("general", "in Iraq", "в Ираке"),
    ("general", "in Mali", "в Мали"),
    ("ukraine", "in Ukraine", "на Украине"),
    ("general", "in Haiti", "на Гаити"),
    ("middle_east", "in the Red Sea", "в Красном море"),
    ("general", "in Myanmar", "в Мьянме"),
    ("general", "in Georgia", "в Грузии"),
)
_HOTSPOT_TEMPLATES = (
    ("The situation {}", "О ситуации {}"),
    ("Developments {}", "О развитии событий {}"),
    ("The humanitarian situation {}", "О гуманитарной ситуации {}"),
    ("Russian citizens {}", "О российских гражданах {}"),
)
_FIXED_HEADINGS = (
    (
        "general",
        "Foreign Minister Sergey Lavrov’s upcoming contacts",
        "О предстоящих контактах Министра иностранных дел России С.В.Лаврова",
    ),
    ("ukraine", "The Ukrainian crisis", "Украинский кризис"),
    ("ukraine", "Crimes committed by the Kiev regime", "О преступлениях киевского режима"),
    ("sanctions", "New US sanctions against Russia", "О новых антироссийских санкциях США"),
    ("sanctions", "The EU’s latest package of sanctions", "Об очередном пакете санкций Евросоюза"),
    ("sanctions", "Unilateral sanctions and human rights", "Об односторонних санкциях и правах человека"),
    ("nato", "NATO’s military activity near Russia’s borders", "О военной активности НАТО у границ России"),
    ("nato", "The NATO summit", "О саммите НАТО"),
    ("china", "Russian-Chinese relations", "О российско-китайских отношениях"),
    (
        "unsc",
        "Russia’s presidency of the UN Security Council",
        "О председательстве России в Совете Безопасности ООН",
    ),
    ("unsc", "The UN General Assembly session", "О сессии Генеральной Ассамблеи ООН"),
    (
        "energy",
        "The investigation into the Nord Stream sabotage",
        "О расследовании диверсии на «Северных потоках»",
    ),
    ("energy", "Energy security in Europe", "Об энергетической безопасности в Европе"),
    ("grain", "The Black Sea Grain Initiative", "О Черноморской зерновой инициативе"),
    ("brics", "The upcoming BRICS summit", "О предстоящем саммите БРИКС"),
    ("arms", "Strategic stability", "О стратегической стабильности"),
    ("arms", "The New START Treaty", "О Договоре СНВ-3"),
    (
        "trade",
        "The International North-South Transport Corridor",
        "О Международном транспортном коридоре «Север – Юг»",
    ),
    ("culture", "Discrimination against Russian media abroad", "О дискриминации российских СМИ за рубежом"),
    ("culture", "The anniversary of the Great Victory", "О годовщине Великой Победы"),
    ("culture", "The persecution of Russian compatriots", "О преследовании российских соотечественников"),
    ("culture", "The Russian language abroad", "О положении русского языка за рубежом"),
    ("covid", "The coronavirus pandemic", "О ситуации с пандемией коронавируса"),
    ("middle_east", "The Palestinian-Israeli settlement", "О палестино-израильском урегулировании"),
    ("general", "Interference in Russia’s internal affairs", "О вмешательстве во внутренние дела России"),
    ("general", "Visa issues", "О визовых вопросах"),
    ("general", "Consular assistance to Russian citizens", "О консульской помощи российским гражданам"),
)


# --- pools ----------------------------------------------------------------------------------------------


def _lines(block: str) -> list[str]:
    return [line.strip() for line in block.strip().splitlines() if line.strip()]


def _capitalised(sentence: str) -> str:
    if sentence[0] in "«“":
        return sentence[0] + sentence[1].upper() + sentence[2:]
    return sentence[0].upper() + sentence[1:]


def _slot_values(rng: random.Random) -> tuple[dict[str, object], dict[str, object]]:
    """One random filling of every slot, in English and in Russian."""
    country = rng.choice(_countries())
    west = rng.choice(_westerns())
    org = rng.choice(_ORGS)
    nato_city = rng.choice(_NATO_CITIES)
    brics_city = rng.choice(_BRICS_CITIES)
    n, pct, year = rng.choice(_NUMBERS), rng.randint(3, 60), rng.randint(1996, 2020)
    en = {
        "c": country[0],
        "cap": country[7],
        "w": west[0],
        "org": org[0],
        "nc": nato_city[0],
        "bc": brics_city[0],
        "n": n,
        "pct": pct,
        "year": year,
    }
    ru = {
        "c": country[1],
        "c_gen": country[2],
        "c_dat": country[3],
        "c_ins": country[4],
        "c_loc": country[5],
        "c_to": country[6],
        "cap": country[8],
        "cap_loc": country[9],
        "w": west[1],
        "w_gen": west[2],
        "w_dat": west[3],
        "w_ins": west[4],
        "w_loc": west[5],
        "org": org[1],
        "nc_loc": nato_city[1],
        "bc_loc": brics_city[1],
        "n": n,
        "pct": pct,
        "year": year,
    }
    return en, ru


@cache
def _countries() -> tuple[list[str], ...]:
    return tuple(line.split("|") for line in _lines(_COUNTRIES))


@cache
def _westerns() -> tuple[list[str], ...]:
    return tuple(line.split("|") for line in _lines(_WESTERN))


@dataclass(frozen=True, slots=True)
class _Pools:
    sentences: tuple[dict[str, list[str]], dict[str, list[str]]]  # per language: topic -> sentences
    mean_bytes: tuple[dict[str, float], dict[str, float]]  # per language: topic -> mean bytes a sentence
    questions: tuple[dict[str, list[str]], dict[str, list[str]]]
    question_bytes: tuple[float, float]


_TOPIC_SENTENCES = 1500  # per topic and language, before general ones are mixed in
_GENERAL_SHARE = 0.4  # of the sentences of a topic paragraph that come from the general pool


@cache
def _pools() -> _Pools:
    """Sentence pools, built once with a fixed seed: every corpus draws from the same pools."""
    rng = random.Random(20210322)
    openers = [[opener.strip() + " " for opener in block.split("|")] for block in _OPENERS]
    tails = [block.split("|") for block in _TAILS]
    own: tuple[dict[str, list[str]], dict[str, list[str]]] = ({}, {})
    for topic, (_years, _weight, en_block, ru_block) in _TOPICS.items():
        clauses = (_lines(en_block), _lines(ru_block))
        size = _TOPIC_SENTENCES * (3 if topic == "general" else 1)
        for lang in (EN, RU):
            made = []
            for _ in range(size):
                slots = _slot_values(rng)[lang]
                sentence = rng.choice(clauses[lang]).format_map(slots)
                sentence = rng.choice(openers[lang]) + sentence if rng.random() < 0.3 else _capitalised(sentence)
                if rng.random() < 0.12:
                    sentence += rng.choice(tails[lang])
                made.append(sentence + ".")
            own[lang][topic] = made
    sentences: tuple[dict[str, list[str]], dict[str, list[str]]] = ({}, {})
    mean_bytes: tuple[dict[str, float], dict[str, float]] = ({}, {})
    for lang in (EN, RU):
        general = own[lang]["general"]
        for topic, made in own[lang].items():
            if topic == "general":
                mixed = list(general)
            else:
                extra = round(len(made) * _GENERAL_SHARE / (1 - _GENERAL_SHARE))
                mixed = made + rng.sample(general, extra)
            sentences[lang][topic] = mixed
            mean_bytes[lang][topic] = sum(len(s.encode()) + 1 for s in mixed) / len(mixed)
    questions: tuple[dict[str, list[str]], dict[str, list[str]]] = ({}, {})
    for topic, blocks in _QUESTIONS.items():
        for lang in (EN, RU):
            templates = _lines(blocks[lang]) + _lines(_QUESTIONS["general"][lang])[1:3]
            questions[lang][topic] = [
                template.format_map(_slot_values(rng)[lang]) for template in templates for _ in range(8)
            ]
    question_bytes = tuple(
        sum(len(q.encode()) + 1 for qs in questions[lang].values() for q in qs)
        / sum(len(qs) for qs in questions[lang].values())
        for lang in (EN, RU)
    )
    return _Pools(sentences, mean_bytes, questions, (question_bytes[0], question_bytes[1]))


@cache
def _headings() -> tuple[tuple[str, str, str], ...]:
    """Every briefing heading: (topic, en, ru), all distinct."""
    made = list(_FIXED_HEADINGS)
    for topic, en, ru in _HOTSPOTS:
        made += [(topic, t_en.format(en), t_ru.format(ru)) for t_en, t_ru in _HOTSPOT_TEMPLATES]
    for partner_en, partner_ru, index in _PARTNERS:
        country = _countries()[index]
        made.append(
            (
                "general",
                f"Foreign Minister Sergey Lavrov’s talks with {partner_en}",
                f"О переговорах Министра иностранных дел России С.В.Лаврова с {partner_ru}",
            )
        )
        made.append(
            (
                "culture",
                f"The anniversary of diplomatic relations between Russia and {country[0]}",
                f"О годовщине установления дипломатических отношений между Россией и {country[4]}",
            )
        )
    return tuple(made)


# --- documents ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Literal:
    text: tuple[str, str]


@dataclass(frozen=True, slots=True)
class _Para:
    topic: str
    size: int  # target UTF-8 bytes of the text after the label
    label: str | None = None  # a key of LABELS
    question: bool = False  # ends with a question from the topic's questions
    greeting: int = -1  # index into _GREETINGS the paragraph opens with
    rare: int = -1  # index into _RARE appended to the paragraph


@dataclass(frozen=True, slots=True)
class _Doc:
    kind: str  # interview, remarks, answers, briefing, statement
    first_line: tuple[str, str]
    title: tuple[str, str]
    locales: str
    blocks: tuple[_Literal | _Para, ...]
    seed: int  # of the per-language text choices
    quirks: frozenset[str]
    min_body_bytes: int = 0  # a shorter body gets more sentences in its first unlabelled paragraph


def _date_en(day: dt.date) -> str:
    return f"{EN_MONTHS[day.month - 1]} {day.day}, {day.year}"


def _date_ru(day: dt.date) -> str:
    return f"{day.day} {RU_MONTHS_GENITIVE[day.month - 1]} {day.year} года"


_HOUR_WEIGHTS = {1: 2, 2: 1, 3: 2, 4: 1, 5: 1, 6: 2, 7: 3, 8: 4, 21: 3}


class _Schedule:
    """Publication timestamps: distinct for every document, spread over the years, several on some days."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._taken: set[tuple[dt.date, int]] = set()
        self._days: list[dt.date] = []
        self._span = (LAST_DATE - FIRST_DATE).days

    def next(self, *, briefing: bool) -> tuple[dt.date, int]:
        rng = self._rng
        while True:
            if self._days and rng.random() < 0.15:
                day = rng.choice(self._days)
            else:
                day = FIRST_DATE + dt.timedelta(days=rng.randint(0, self._span))
            if briefing:
                minute = rng.randint(11 * 60, 18 * 60 + 59)
            else:
                hours = range(1, 22)
                hour = rng.choices(hours, weights=[_HOUR_WEIGHTS.get(h, 6) for h in hours])[0]
                minute = hour * 60 + rng.randrange(60)
            if (day, minute) not in self._taken:
                self._taken.add((day, minute))
                self._days.append(day)
                return day, minute


def _eligible_topics(year: int) -> tuple[list[str], list[float]]:
    topics = [t for t, (years, *_rest) in _TOPICS.items() if years[0] <= year <= years[1]]
    return topics, [_TOPICS[t][1] for t in topics]


def _answer_paragraphs(rng: random.Random) -> int:
    return rng.choices(range(1, 10), weights=(6, 10, 12, 12, 11, 9, 6, 4, 3))[0]


def _place(rng: random.Random) -> tuple[str, str]:
    if rng.random() < 0.55:
        return _MOSCOW
    if rng.random() < 0.5:
        return rng.choice(_OTHER_PLACES)
    country = rng.choice(_countries())
    return country[7], country[8]


def _conversation_doc(rng: random.Random, kind: str, year: int, event: dt.date) -> tuple:
    topics, weights = _eligible_topics(year)
    main = rng.choices(topics, weights)[0]
    speaker = "lavrov"
    date_en, date_ru = _date_en(event), _date_ru(event)
    if kind == "interview":
        outlet_en, outlet_ru, placeless = rng.choice(_OUTLETS)
        if rng.random() < 0.1:
            speaker, name_en, name_ru = rng.choice(_DEPUTIES)
            who_en, who_ru = (
                f"Deputy Foreign Minister {name_en}’s",
                f"заместителя {_MINISTER_ROLE_RU} {name_ru}",
            )
            placeless = placeless or rng.random() < 0.5
        else:
            who_en, who_ru = _MINISTER_EN, _MINISTER_RU
        place_en, place_ru = ("", "") if placeless else (f"{p}, " for p in _place(rng))
        title = (
            f"{who_en} interview with {outlet_en}, {place_en}{date_en}",
            f"Интервью {who_ru} {outlet_ru}, {place_ru}{date_ru}",
        )
    elif kind == "remarks":
        variant = rng.random()
        partner_en, partner_ru, index = rng.choice(_PARTNERS)
        country = _countries()[index]
        place_en, place_ru = _MOSCOW if rng.random() < 0.5 else (country[7], country[8])
        if variant < 0.55:
            title = (
                f"{_MINISTER_EN} remarks and answers to media questions at a joint news conference following "
                f"talks with {partner_en}, {place_en}, {date_en}",
                f"Выступление и ответы на вопросы СМИ {_MINISTER_RU} в ходе совместной пресс-конференции по "
                f"итогам переговоров с {partner_ru}, {place_ru}, {date_ru}",
            )
        elif variant < 0.8:
            title = (
                f"{_MINISTER_EN} statement and answers to media questions following talks with {partner_en}, "
                f"{place_en}, {date_en}",
                f"Заявление и ответы на вопросы СМИ {_MINISTER_RU} по итогам переговоров с {partner_ru}, "
                f"{place_ru}, {date_ru}",
            )
        elif variant < 0.9:
            title = (
                f"{_MINISTER_EN} address and answers to questions from students and faculty at MGIMO "
                f"University, Moscow, {date_en}",
                f"Выступление и ответы на вопросы {_MINISTER_RU} в ходе встречи со студентами и "
                f"преподавателями МГИМО МИД России, Москва, {date_ru}",
            )
        else:  # the place sits inside the text, not in a comma part of its own
            title = (
                f"{_MINISTER_EN} remarks and answers to questions at the New Horizons educational marathon "
                f"in Sochi, {date_en}",
                f"Выступление и ответы на вопросы {_MINISTER_RU} на образовательном марафоне «Новые "
                f"горизонты» в Сочи, {date_ru}",
            )
    else:  # answers
        if rng.random() < 0.6:
            place_en, place_ru = _place(rng)
            title = (
                f"{_MINISTER_EN} answers to media questions, {place_en}, {date_en}",
                f"Ответы на вопросы СМИ {_MINISTER_RU}, {place_ru}, {date_ru}",
            )
        else:
            country = rng.choice(_countries())
            title = (
                f"{_MINISTER_EN} answers to questions following his visit to {country[0]}, {country[7]}, {date_en}",
                f"Ответы на вопросы СМИ {_MINISTER_RU} по итогам визита {country[6]}, {country[8]}, {date_ru}",
            )

    blocks: list[_Literal | _Para] = []
    if kind == "remarks":
        greeting = rng.randrange(len(_GREETINGS))
        alone = _GREETINGS[greeting][2]
        blocks.append(_Para(main, 0 if alone else rng.randint(200, 900), greeting=greeting))
        blocks += [_Para(main, rng.randint(300, 1100)) for _ in range(rng.randint(0, 3) + alone)]
    minister_first = rng.random() < 0.1  # he opens, and the exchanges follow; either way he has the last word
    turns = 2 * rng.randint(5, 7) + minister_first
    topic = main
    for turn in range(turns):
        if (turn % 2 == 0) != minister_first:
            topic = main if rng.random() < 0.35 else rng.choices(topics, weights)[0]
            if kind != "interview" and turn > 2 and rng.random() < 0.08:
                blocks.append(_Literal(SEPARATOR))
            blocks.append(_Para(topic, rng.randint(0, 450), label="question", question=True))
        else:
            count = _answer_paragraphs(rng)
            blocks += [_Para(topic, rng.randint(185, 905), label=speaker if i == 0 else None) for i in range(count)]
    return title, blocks


BRIEFING_MIN_BYTES = 40_000


def _briefing_budget(rng: random.Random) -> int:
    """Target bytes of a briefing's body: mostly 40–60 KB, a few of 100–195 KB."""
    if rng.random() < 0.01:
        return rng.randint(100_000, 188_000)
    return 40_600 + min(int(rng.expovariate(1 / 1_500)), 40_000)


def _briefing_doc(rng: random.Random, year: int, event: dt.date) -> tuple:
    role = "Spokeswoman" if year >= 2021 else "Spokesperson"
    if rng.random() < 0.05:
        venue_en, venue_ru, place_en, place_ru = rng.choice(_BRIEFING_VENUES)
        venue_en, venue_ru = " " + venue_en, " " + venue_ru
    else:
        venue_en, venue_ru, (place_en, place_ru) = "", "", _MOSCOW
    title = (
        f"Briefing by Foreign Ministry {role} Maria Zakharova{venue_en}, {place_en}, {_date_en(event)}",
        f"Брифинг официального представителя МИД России М.В.Захаровой{venue_ru}, {place_ru}, {_date_ru(event)}",
    )

    eligible = [h for h in _headings() if _TOPICS[h[0]][0][0] <= year <= _TOPICS[h[0]][0][1]]
    prepared_count, answers_count = rng.randint(14, 25), rng.randint(2, 16)
    chosen = rng.sample(eligible, prepared_count + answers_count)
    prepared, answered = chosen[:prepared_count], chosen[prepared_count:]

    prepared_paras: list[list[_Para]] = [[_Para(t, rng.randint(250, 1100))] for t, _, _ in prepared]
    answered_paras: list[list[_Para]] = []
    for topic, _, _ in answered:
        section: list[_Para] = []
        for _ in range(rng.choices((1, 2, 3), weights=(6, 3, 1))[0]):
            section.append(_Para(topic, rng.randint(0, 400), label="question", question=True))
            count = rng.choices((1, 2, 3, 4), weights=(4, 4, 2, 1))[0]
            section += [
                _Para(topic, rng.randint(220, 900), label="zakharova" if i == 0 else None) for i in range(count)
            ]
        answered_paras.append(section)
    budget = _briefing_budget(rng)
    # Estimated English bytes: paragraphs (a question is at least its question), headings twice, the rest.
    total = sum(max(p.size, 80 * p.question) + 2 for section in prepared_paras + answered_paras for p in section)
    total += sum(2 * len(h[1]) + 22 for h in chosen) + 300
    while total < budget:  # grow the prepared topics until the briefing reaches its size
        index = rng.randrange(prepared_count)
        paragraph = _Para(prepared[index][0], rng.randint(250, 1100))
        prepared_paras[index].append(paragraph)
        total += paragraph.size + 2

    def toc(items: list[tuple[str, str, str]], lang: int) -> str:
        return "\n".join(f"  {i}. {item[1 + lang]}" for i, item in enumerate(items, 1))

    blocks: list[_Literal | _Para] = [
        _Literal(TOC_HEADING),
        _Literal((toc(prepared, EN), toc(prepared, RU))),
        _Literal(ANSWERS_HEADING),
        _Literal((toc(answered, EN), toc(answered, RU))),
    ]
    for heading, section in zip(prepared + answered, prepared_paras + answered_paras, strict=True):
        blocks.append(_Literal((heading[1], heading[2])))
        blocks += section
        blocks.append(_Literal(BACK_TO_TOP))
    return title, blocks


def _statement_doc(rng: random.Random, year: int) -> tuple:
    subjects = [s for s in _STATEMENT_SUBJECTS if _TOPICS[s[2]][0][0] <= year <= _TOPICS[s[2]][0][1]]
    subject_en, subject_ru, topic = rng.choice(subjects)
    variant = rng.random()
    if variant < 0.4:
        title = (
            "Statement by the Ministry of Foreign Affairs of the Russian Federation",
            "Заявление Министерства иностранных дел Российской Федерации",
        )
    elif variant < 0.75:
        title = (f"Foreign Ministry statement on {subject_en}", f"Заявление МИД России {subject_ru}")
    else:
        title = (
            f"Comment by the Information and Press Department on {subject_en}",
            f"Комментарий Департамента информации и печати МИД России {subject_ru}",
        )
    blocks: list[_Literal | _Para] = [_Para(topic, rng.randint(200, 650)) for _ in range(rng.randint(3, 7))]
    return title, blocks


def _plan(rng: random.Random, schedule: _Schedule) -> _Doc:
    """Everything both language versions of the next document share."""
    doc_seed = rng.getrandbits(64)
    r = random.Random(doc_seed)
    roll = r.random()
    if roll < 0.70:
        kind = r.choices(("interview", "remarks", "answers"), weights=(55, 25, 20))[0]
    elif roll < 0.95:
        kind = "briefing"
    else:
        kind = "statement"
    published, minute = schedule.next(briefing=kind == "briefing")
    event = published
    if minute < 6 * 60 and kind != "briefing" and r.random() < 0.5:
        event = published - dt.timedelta(days=1)  # published in the small hours for yesterday's event
    clock = f"{minute // 60:02d}:{minute % 60:02d}"
    first_line = (
        f"{published.day} {EN_MONTHS[published.month - 1]} {published.year}{clock}",
        f"{published.day} {RU_MONTHS_GENITIVE[published.month - 1]} {published.year}{clock}",
    )
    if kind == "briefing":
        title, blocks = _briefing_doc(r, event.year, event)
        locales = LOCALES_FIVE
    elif kind == "statement":
        title, blocks = _statement_doc(r, event.year)
        locales = LOCALES_TWO
    else:
        title, blocks = _conversation_doc(r, kind, event.year, event)
        locales = LOCALES_FIVE if r.random() < 0.1 else LOCALES_TWO
    if r.random() < 0.05:
        where = r.randrange(len(blocks))
        while not isinstance(blocks[where], _Para):
            where = (where + 1) % len(blocks)
        blocks[where] = replace(blocks[where], rare=r.randrange(len(_RARE)))
    quirks = set()
    if r.random() < 0.05:
        quirks.add("nbsp_after_dash")  # "sociology –\u00a0…" in the seed
    if r.random() < 0.03:
        quirks.add("pipe")  # "Vladimir |Putin" in the seed
    min_body = BRIEFING_MIN_BYTES if kind == "briefing" else 0
    return _Doc(kind, first_line, title, locales, tuple(blocks), r.getrandbits(64), frozenset(quirks), min_body)


def _paragraph(p: _Para, lang: int, rng: random.Random, pools: _Pools) -> str:
    pool = pools.sentences[lang][p.topic]
    mean = pools.mean_bytes[lang][p.topic]
    parts: list[str] = [_GREETINGS[p.greeting][lang]] if p.greeting >= 0 else []
    budget = p.size - (pools.question_bytes[lang] if p.question else 0)
    count = int(budget / mean + rng.random()) if budget > 0 else 0
    if not parts and not p.question:
        count = max(count, 1)
    if count:
        parts += rng.choices(pool, k=count)
    if p.question:
        parts.append(rng.choice(pools.questions[lang][p.topic]))
    if p.rare >= 0:
        parts.append(_RARE[p.rare][lang])
    text = " ".join(dict.fromkeys(parts))  # no sentence twice in a paragraph
    return f"{LABELS[p.label][lang]}: {text}" if p.label else text


def _render(doc: _Doc, lang: int, pools: _Pools) -> str:
    rng = random.Random(doc.seed + lang)
    parts = [
        block.text[lang] if isinstance(block, _Literal) else _paragraph(block, lang, rng, pools) for block in doc.blocks
    ]
    if doc.min_body_bytes:
        short = doc.min_body_bytes - sum(len(part.encode()) + 2 for part in parts)
        if short > 0:
            index = next(i for i, b in enumerate(doc.blocks) if isinstance(b, _Para) and b.label is None)
            topic = doc.blocks[index].topic  # type: ignore[union-attr]
            extra = rng.choices(pools.sentences[lang][topic], k=int(short / pools.mean_bytes[lang][topic]) + 2)
            parts[index] += " " + " ".join(extra)
    body = "\n\n".join(parts)
    if lang == EN and "nbsp_after_dash" in doc.quirks:
        body = body.replace(" – ", " –" + NBSP, 1)
    if lang == EN and "pipe" in doc.quirks:
        body = body.replace("Vladimir Putin", "Vladimir |Putin", 1)
    footer = rng.choices(_FOOTERS, weights=_FOOTER_WEIGHTS)[0]
    header = f"{doc.first_line[lang]}\n\n{doc.title[lang]}\n\n  \u2022 {doc.locales}\n\n{NBSP}\n\n"
    return header + body + footer


def _relative_name(file_index: int, number: int, lang: int, width: int) -> str:
    return f"{file_index // FILES_PER_FOLDER:03d}/{number:0{width}d}_{LANGS[lang]}.txt"


def iter_documents(count: int, *, seed: int = 1, pairs: bool = True) -> Iterator[tuple[str, str]]:
    """(relative file name, text) for `count` files: with `pairs`, count // 2 documents in English and Russian
    (plus one English file when count is odd); without, `count` documents in one language each."""
    if count < 0:
        raise ValueError("count must not be negative")
    pools = _pools()
    rng = random.Random(seed)
    schedule = _Schedule(rng)
    documents = (count + 1) // 2 if pairs else count
    width = max(5, len(str(documents)))
    file_index = 0
    for number in range(1, documents + 1):
        doc = _plan(rng, schedule)
        if pairs:
            langs: tuple[int, ...] = (EN, RU) if file_index + 1 < count else (EN,)
        else:
            langs = (doc.seed % 2,)
        for lang in langs:
            yield _relative_name(file_index, number, lang, width), _render(doc, lang, pools)
            file_index += 1


def generate(out_dir: Path, count: int, *, seed: int = 1, pairs: bool = True) -> list[Path]:
    """Write `count` corpus files under out_dir (folders of 1000 files) and return their paths."""
    out_dir = Path(out_dir)
    written: list[Path] = []
    made: set[Path] = set()
    for name, text in iter_documents(count, seed=seed, pairs=pairs):
        path = out_dir / name
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(text.encode("utf-8"))
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.bench.corpus", description="Write a synthetic corpus of mid.ru transcripts."
    )
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--count", type=int, default=20_000, help="files to write (default 20000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-pairs", action="store_true", help="one language per document, no pairs")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = generate(args.out_dir, args.count, seed=args.seed, pairs=not args.no_pairs)
    seconds = time.perf_counter() - started
    total = sum(path.stat().st_size for path in paths)
    mean = total / len(paths) / 1000 if paths else 0.0
    print(f"wrote {len(paths)} files, {total / 1e6:.1f} MB ({mean:.1f} KB a file) to {args.out_dir} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
