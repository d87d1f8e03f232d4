"""Ukrainian and Russian words of strike reports: numbers, weapons, verbs, months, places.

The Ukrainian Air Force, regional administrations and news sites write counts
in the case the verb asks for ("атакував 49 ударними БпЛА", "збито 36
БпЛА", "знищили 12 із 13-ти"), so every word here is matched by its stem with
any case ending. :func:`uk_number` reads number words in every case and the
collective forms ("двоє", "п'ятеро"); the digits are read by
:func:`~airdef.io.text.numbers.find_numbers`.

Sources of the wording: the Air Force's Telegram posts as quoted in the
annotated corpus (``reports_dev_uk.json``) and the Ukrainian and Russian
grammar of numerals.
"""

from __future__ import annotations

import re

__all__ = [
    "CITIES",
    "DISTRICTS",
    "MONTHS_UK",
    "NUMBER_WORD_RE",
    "cyrillic_share",
    "latin_name",
    "uk_number",
]

_APOS = "'’ʼ`‘"

# base value -> stems; a stem matches the word with any ending from _ENDINGS.
_NUMBER_FORMS: dict[int, tuple[str, ...]] = {
    1: (
        "один",
        "одна",
        "одне",
        "одно",
        "одного",
        "одному",
        "одним",
        "одну",
        "однією",
        "одною",
        "одной",
        "одною",
        "одних",
        "одній",
        "однієї",
        "одної",
    ),
    2: (
        "два",
        "дві",
        "две",
        "двох",
        "двом",
        "двома",
        "двух",
        "двум",
        "двумя",
        "двоє",
        "двое",
        "обидва",
        "обидві",
        "оба",
        "обе",
    ),
    3: ("три", "трьох", "трьом", "трьома", "трёх", "трех", "тремя", "трем", "троє", "трое"),
    4: (
        "чотири",
        "чотирьох",
        "чотирьом",
        "чотирма",
        "четыре",
        "четырёх",
        "четырех",
        "четырьмя",
        "четверо",
    ),
    5: (
        "п'ять",
        "п'яти",
        "п'ятьох",
        "п'ятьом",
        "п'ятьма",
        "п'ятеро",
        "пять",
        "пяти",
        "пятью",
        "пятеро",
    ),
    6: ("шість", "шести", "шістьох", "шістьма", "шестеро", "шесть", "шестью"),
    7: ("сім", "семи", "сімох", "сьома", "сімома", "семеро", "семь", "семью"),
    8: ("вісім", "восьми", "вісьмох", "вісьма", "восьма", "восьмеро", "восемь", "восьмью"),
    9: (
        "дев'ять",
        "дев'яти",
        "дев'ятьох",
        "дев'ятьма",
        "дев'ятеро",
        "девять",
        "девяти",
        "девятью",
        "девятеро",
    ),
    10: (
        "десять",
        "десяти",
        "десятьох",
        "десятьма",
        "десятеро",
        "десятью",
        "десяток",
        "десятка",
        "десятку",
        "десятком",
    ),
    11: ("одинадцять", "одиннадцать"),
    12: ("дванадцять", "двенадцать"),
    13: ("тринадцять", "тринадцать"),
    14: ("чотирнадцять", "четырнадцать"),
    15: ("п'ятнадцять", "пятнадцать"),
    16: ("шістнадцять", "шестнадцать"),
    17: ("сімнадцять", "семнадцать"),
    18: ("вісімнадцять", "восемнадцать"),
    19: ("дев'ятнадцять", "девятнадцать"),
    20: ("двадцять", "двадцать"),
    30: ("тридцять", "тридцать"),
    40: ("сорок", "сорока"),
    # "майже півсотнею дронів": half a hundred in any case
    50: (
        "п'ятдесят",
        "пятьдесят",
        "п'ятдесяти",
        "пятидесяти",
        "півсотні",
        "півсотня",
        "півсотню",
        "півсотнею",
        "полсотни",
        "полсотня",
        "полсотню",
        "полсотней",
    ),
    60: ("шістдесят", "шестьдесят", "шістдесяти", "шестидесяти"),
    70: ("сімдесят", "семьдесят", "сімдесяти", "семидесяти"),
    80: ("вісімдесят", "восемьдесят", "вісімдесяти", "восьмидесяти"),
    90: ("дев'яносто", "девяносто"),
    100: ("сто", "ста", "сотні"),
    200: ("двісті", "двохсот", "двести", "двухсот"),
    300: ("триста", "трьохсот", "трехсот"),
    400: ("чотириста", "чотирьохсот", "четыреста", "четырехсот"),
    500: ("п'ятсот", "пятьсот", "п'ятисот", "пятисот"),
    600: ("шістсот", "шестьсот", "шестисот"),
    700: ("сімсот", "семьсот", "семисот"),
    800: ("вісімсот", "восемьсот", "восьмисот"),
    900: ("дев'ятсот", "девятьсот", "девятисот"),
    1000: ("тисяча", "тисячі", "тисяч", "тисячу", "тысяча", "тысячи", "тысяч", "тысячу"),
}
_WORD_VALUE: dict[str, int] = {}
for _value, _forms in _NUMBER_FORMS.items():
    for _form in _forms:
        _WORD_VALUE[_form] = _value
# Forms from -надцять/-дцять with the genitive -и/-ти ending ("13-ти", "двадцяти").
for _value in list(range(11, 20)) + [20, 30]:
    for _form in _NUMBER_FORMS[_value]:
        if _form.endswith("ь"):
            _WORD_VALUE[_form[:-1] + "и"] = _value
            _WORD_VALUE[_form[:-1] + "ьох"] = _value
            _WORD_VALUE[_form[:-1] + "ьма"] = _value
            _WORD_VALUE[_form[:-1] + "ью"] = _value

# "п'ять десятків", "двома десятками": tens after a number word (alone, "десятки" is vague)
_TENS = ("десятки", "десятків", "десятками", "десятках", "десяткам", "десятков")
_ONE_WORD = "|".join(
    sorted((re.escape(w).replace("'", f"[{_APOS}]") for w in _WORD_VALUE), key=len, reverse=True)
)
#: A number written in Ukrainian or Russian words, one or several words long.
NUMBER_WORD_RE = re.compile(
    rf"(?<![\w{_APOS}-])(?:півтора\s+десятк[аиу]|полтора\s+десятк[аиу]|"
    rf"(?:{_ONE_WORD})(?:\s+(?:{_ONE_WORD}|{'|'.join(_TENS)}))*)(?![\w{_APOS}-])",
    re.IGNORECASE,
)


def _fold(word: str) -> str:
    return re.sub(f"[{_APOS}]", "'", word.lower()).replace("ё", "е")


def uk_number(words: str) -> int | None:
    """The value of a Ukrainian or Russian number in words, in any case, or None.

    Examples
    --------
    >>> [uk_number(w) for w in ("одинадцять", "чотирма", "двадцять три", "Чотириста двадцять")]
    [11, 4, 23, 420]
    >>> [uk_number(w) for w in ("п’ятеро", "двумя", "півтора десятка", "три тисячі")]
    [5, 2, 15, 3000]
    >>> [uk_number(w) for w in ("десяток", "п’ятьма десятками", "два десятки", "десятки")]
    [10, 50, 20, None]
    >>> uk_number("три десятка")
    30
    """
    text = _fold(words.strip())
    if re.fullmatch(r"(?:півтора|полтора)\s+десятк[аиу]", text):
        return 15
    total = current = 0
    for word in text.split():
        if word in _TENS or (word in ("десятка", "десятку") and 1 < current < 10):
            # Russian "три десятка" takes the genitive singular after two to four
            if not current:
                return None
            current *= 10
            continue
        value = _WORD_VALUE.get(word)
        if value is None:
            value = _WORD_VALUE.get(word.replace("е", "ё"))
        if value is None:
            return None
        if value == 1000:
            total += (current or 1) * 1000
            current = 0
        else:
            current += value
    return total + current


def cyrillic_share(text: str) -> float:
    """The share of letters in ``text`` that are Cyrillic.

    Examples
    --------
    >>> round(cyrillic_share("Збито 36 Shahed"), 2)
    0.45
    """
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return 0.0
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters)


# The national transliteration of Ukrainian (Cabinet of Ministers resolution No. 55 of
# 27 January 2010), which gives the usual English spelling of Ukrainian place names.
_LATIN = dict(
    zip(
        "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя",
        "a b v h g d e ie zh z y i i i k l m n o p r s t u f kh ts ch sh shch _ iu ia".split(),
        strict=True,
    )
)
_LATIN_FIRST = {"є": "ye", "ї": "yi", "й": "y", "ю": "yu", "я": "ya"}


def latin_name(name: str) -> str:
    """The Latin spelling of a Ukrainian name by the national transliteration.

    Examples
    --------
    >>> [latin_name(w) for w in ("Вугледар", "Солом'янський", "Золочів", "Біла Церква")]
    ['Vuhledar', 'Solomianskyi', 'Zolochiv', 'Bila Tserkva']
    """
    out = []
    for word in re.split(r"(\s+|-)", _fold(name)):
        word = word.replace("'", "").replace("зг", "з\u0000")
        chars = []
        for i, c in enumerate(word):
            if c == "\u0000":
                chars.append("gh")
            elif i == 0 and c in _LATIN_FIRST:
                chars.append(_LATIN_FIRST[c])
            else:
                chars.append(_LATIN.get(c, c).replace("_", ""))
        out.append("".join(chars).capitalize() if word.strip(" -") else word)
    return "".join(out)


#: Genitive month names (Ukrainian and Russian) -> month number.
MONTHS_UK: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("січня", "января", "січень", "январь"),
        ("лютого", "февраля", "лютий", "февраль"),
        ("березня", "марта", "березень", "март"),
        ("квітня", "апреля", "квітень", "апрель"),
        ("травня", "мая", "травень", "май"),
        ("червня", "июня", "червень", "июнь"),
        ("липня", "июля", "липень", "июль"),
        ("серпня", "августа", "серпень", "август"),
        ("вересня", "сентября", "вересень", "сентябрь"),
        ("жовтня", "октября", "жовтень", "октябрь"),
        ("листопада", "ноября", "листопад", "ноябрь"),
        ("грудня", "декабря", "грудень", "декабрь"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS_UK[_name] = _i

#: City stems (any case ending) -> English name; "столиця" is Kyiv.
CITIES: dict[str, str] = {
    r"києв|київ|киев|столиц|киян": "Kyiv",
    r"харків|харков": "Kharkiv",
    r"одес": "Odesa",
    r"дніпр[оаіуе]\b|днепр[оаеу]\b": "Dnipro",
    r"запоріжж|запорожь": "Zaporizhzhia",
    r"миколаїв|миколаєв|николаев": "Mykolaiv",
    r"львів|львов": "Lviv",
    r"херсон": "Kherson",
    r"суми|сумах|сум\b|сумам": "Sumy",
    r"черніг|чернигов": "Chernihiv",
    r"полтав": "Poltava",
    r"вінниц|винниц": "Vinnytsia",
    r"житомир": "Zhytomyr",
    r"кривий ріг|кривому розі|кривого рогу|кривий рог|кривом роге|кривому рогу": "Kryvyi Rih",
    r"ізмаїл|измаил": "Izmail",
    r"рівн[еом]|ровно": "Rivne",
    r"тернопол|тернопіл": "Ternopil",
    r"хмельницьк[ийомуі]+\b": "Khmelnytskyi",
    r"черкас": "Cherkasy",
    r"кропивницьк": "Kropyvnytskyi",
    r"луцьк": "Lutsk",
    r"ужгород": "Uzhhorod",
    r"івано-франківськ": "Ivano-Frankivsk",
    r"біла церква|білій церкві": "Bila Tserkva",
    r"краматорськ": "Kramatorsk",
    r"павлоград": "Pavlohrad",
    r"новомосковськ": "Novomoskovsk",
    r"золочів|золочеві": "Zolochiv",
    r"дубівц|дубівк": "Dubivka",
    # often attacked towns (stems in any case)
    r"куп['’ʼ]янськ|купянск": "Kupiansk",
    r"ізюм|изюм": "Izium",
    r"чугуїв|чугуєв|чугуев": "Chuhuiv",
    r"балаклі|балакле": "Balakliia",
    r"лозов[аоуі]|лозовой": "Lozova",
    r"мереф": "Merefa",
    r"покровськ|покровск": "Pokrovsk",
    r"нікопол|никопол": "Nikopol",
    r"марганц|марганец": "Marhanets",
    r"охтирк|ахтырк": "Okhtyrka",
    r"шостк": "Shostka",
    r"конотоп": "Konotop",
    r"кременчу": "Kremenchuk",
    r"бровар": "Brovary",
    r"бучі|буча|бучу": "Bucha",
    r"ірпін|ирпен": "Irpin",
    r"умань|умані": "Uman",
    r"дружківк|дружковк": "Druzhkivka",
    r"костянтинівк|константиновк": "Kostiantynivka",
    r"слов['’ʼ]янськ|славянск": "Sloviansk",
    r"вугледар|угледар": "Vuhledar",
    r"берислав": "Beryslav",
    r"глухов|глухів": "Hlukhiv",
    r"білгород-дністровськ": "Bilhorod-Dnistrovskyi",
}

#: District stems (adjective forms, "у Шевченківському районі") -> English name.
DISTRICTS: dict[str, str] = {
    r"шевченків": "Shevchenkivskyi",
    r"дарницьк": "Darnytskyi",
    r"дніпровськ": "Dniprovskyi",
    r"солом'янськ": "Solomianskyi",
    r"голосіївськ": "Holosiivskyi",
    r"оболонськ": "Obolonskyi",
    r"деснянськ": "Desnianskyi",
    r"печерськ": "Pecherskyi",
    r"подільськ": "Podilskyi",
    r"святошинськ": "Sviatoshynskyi",
    r"холодногірськ": "Kholodnohirskyi",
    r"салтівськ": "Saltivskyi",
    r"немишлянськ": "Nemyshlianskyi",
    r"основ'янськ": "Osnovianskyi",
    r"індустріальн": "Industrialnyi",
    r"слобідськ": "Slobidskyi",
    r"новобаварськ": "Novobavarskyi",
    r"київськ": "Kyivskyi",
    r"синельників": "Synelnykivskyi",
}
