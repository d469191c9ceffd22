#!/usr/bin/env python3
"""Seeded generator of realistic, PI-dense test data with exact labels (custos benchmarks).

Kinds (--kind):
  log      mixed lines: nginx access logs, application logs (Chinese and English
           messages), audit lines; about one PI value per 60-120 bytes.
  csv      a customer table (姓名,手机号,身份证号,邮箱,地址,银行卡号,...) with RFC 4180
           quoting: some fields quoted without need, some with embedded commas,
           doubled quotes and newlines.
  jsonl    nested events, e.g. {"user":{"name":..,"phones":[..]},"order":{...}}.
  labeled  JSONL records {"text": "...", "spans": [[start, end, "category"], ...]};
           each text is one log line or message, offsets are UTF-8 BYTE offsets,
           start inclusive, end exclusive (the convention of custos findings).

Every PI value validates for real: resident IDs carry the GB 11643 MOD 11-2 check
digit, a real GB/T 2260 area code and a valid birth date; cards have real issuer
prefixes and a correct Luhn digit; IBANs pass mod 97, VINs their ISO 3779 check
digit, HKIDs, Taiwan IDs and USCC codes their check characters. Hard negatives are
mixed in unlabeled: resident IDs with a wrong check digit, 24-digit order numbers,
13-digit epoch-ms timestamps, ISO timestamps, version strings (20.38.242.5741),
UUIDs, Luhn-invalid 16-digit numbers, hex hashes, file sizes and prices.

Span conventions of the labels: a span covers the value only, never its context
word or surrounding quotes/brackets: "+86 138 1234 5678" (prefix included),
"A123456(3)" (HK check digit in brackets included), "39.904200,116.407400"
(a coordinate pair is one span), "京A·12345" (middle dot included), the date
after 出生日期, the value after password=, the token after "Bearer ".

Speed: values are drawn from pools precomputed per slot (--pool values each) and
lines are rendered with str.format and written in large chunks; 200 MB of logs take
well under a minute. Output is a pure function of (--seed, --kind, --size/--lines,
--pool).

Examples:
  python3 bench/gen.py --kind log --size 200M -o bench/out/log.log
  python3 bench/gen.py --kind labeled --lines 20000 -o bench/out/labeled.jsonl
  python3 bench/gen.py --self-check
"""

import argparse
import calendar
import csv
import hashlib
import io
import json
import os
import random
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------------------
# Check digits and validators
# --------------------------------------------------------------------------------------


def luhn_digit(body):
    """The Luhn check digit to append to the digit string `body`."""
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = ord(ch) - 48
        if i % 2 == 0:  # rightmost digit of the body is doubled once the check digit is appended
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return str((10 - total % 10) % 10)


def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK = "10X98765432"


def resident_id_check(body17):
    """GB 11643 MOD 11-2 check character for the first 17 digits."""
    return ID_CHECK[sum(int(c) * w for c, w in zip(body17, ID_WEIGHTS)) % 11]


def resident_id_ok(rid):
    if len(rid) != 18 or not rid[:17].isdigit():
        return False
    y, m, d = int(rid[6:10]), int(rid[10:12]), int(rid[12:14])
    if not (1900 <= y <= 2099 and 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return False
    return resident_id_check(rid[:17]) == rid[17].upper()


def _alnum_value(c):
    return int(c) if c.isdigit() else ord(c) - 55  # A=10 ... Z=35


def iban_check_digits(country, bban):
    n = int("".join(str(_alnum_value(c)) for c in bban + country + "00"))
    return "%02d" % (98 - n % 97)


def iban_ok(iban):
    s = iban.replace(" ", "")
    if len(s) < 15 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    return int("".join(str(_alnum_value(c)) for c in s[4:] + s[:4])) % 97 == 1


VIN_ALPHABET = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"
VIN_TRANSLIT = dict(zip("ABCDEFGHJKLMNPRSTUVWXYZ", (1, 2, 3, 4, 5, 6, 7, 8, 1, 2, 3, 4, 5, 7, 9, 2, 3, 4, 5, 6, 7, 8, 9)))
VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin_check(vin):
    """ISO 3779 (North American) check character for a 17-char VIN (position 9 ignored)."""
    s = sum((int(c) if c.isdigit() else VIN_TRANSLIT[c]) * w for c, w in zip(vin, VIN_WEIGHTS))
    r = s % 11
    return "X" if r == 10 else str(r)


def vin_ok(vin):
    return len(vin) == 17 and all(c in VIN_ALPHABET for c in vin) and vin[8] == vin_check(vin)


def hkid_check(prefix, digits6):
    chars = prefix if len(prefix) == 2 else " " + prefix
    vals = [36 if c == " " else ord(c) - 55 for c in chars]
    total = vals[0] * 9 + vals[1] * 8 + sum(int(d) * w for d, w in zip(digits6, (7, 6, 5, 4, 3, 2)))
    r = (11 - total % 11) % 11
    return "A" if r == 10 else str(r)


def hkid_ok(s):
    m = re.fullmatch(r"([A-Z]{1,2})([0-9]{6})\(?([0-9A])\)?", s)
    return bool(m) and hkid_check(m.group(1), m.group(2)) == m.group(3)


TW_LETTERS = dict(A=10, B=11, C=12, D=13, E=14, F=15, G=16, H=17, I=34, J=18, K=19, L=20, M=21, N=22, O=35,
                  P=23, Q=24, R=25, S=26, T=27, U=28, V=29, W=32, X=30, Y=31, Z=33)


def twid_check(letter, d8):
    n = TW_LETTERS[letter]
    s = n // 10 + (n % 10) * 9 + sum(int(d) * w for d, w in zip(d8, (8, 7, 6, 5, 4, 3, 2, 1)))
    return str((10 - s % 10) % 10)


def twid_ok(s):
    return bool(re.fullmatch(r"[A-Z][12][0-9]{8}", s)) and twid_check(s[0], s[1:9]) == s[9]


USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def uscc_check(body17):
    """GB 32100 check character of a unified social credit code."""
    s = sum(USCC_CHARS.index(c) * w for c, w in zip(body17, USCC_WEIGHTS))
    return USCC_CHARS[(31 - s % 31) % 31]


def org_code_check(body8):
    """GB 11714 check character of the embedded organization code."""
    c = 11 - sum(_alnum_value(ch) * w for ch, w in zip(body8, ORG_WEIGHTS)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc_ok(s):
    return len(s) == 18 and all(c in USCC_CHARS for c in s) and uscc_check(s[:17]) == s[17]


def fr_rib_key(bank, branch, account):
    return "%02d" % (97 - (89 * int(bank) + 15 * int(branch) + 3 * int(account)) % 97)


# --------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------

ID_PROVINCES = {"11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
                "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65"}
MUNICIPALITIES = {"11", "12", "31", "50"}

# Fallback gazetteer rows (code, province, city, area) if data/gb2260 is not there.
FALLBACK_AREAS = [
    ("440305", "广东省", "深圳市", "南山区"), ("440106", "广东省", "广州市", "天河区"),
    ("110105", "北京市", "", "朝阳区"), ("110108", "北京市", "", "海淀区"),
    ("310115", "上海市", "", "浦东新区"), ("330106", "浙江省", "杭州市", "西湖区"),
    ("320102", "江苏省", "南京市", "玄武区"), ("510107", "四川省", "成都市", "武侯区"),
    ("420111", "湖北省", "武汉市", "洪山区"), ("500103", "重庆市", "", "渝中区"),
    ("610113", "陕西省", "西安市", "雁塔区"), ("370202", "山东省", "青岛市", "市南区"),
]


def load_areas():
    """(code, province name, city name or '', area name) for every county-level area."""
    base = None
    for cand in (os.path.join(HERE, "..", "data", "gb2260"), "/work/shared/data/gb2260"):
        if os.path.exists(os.path.join(cand, "area.csv")):
            base = cand
            break
    if base is None:
        return FALLBACK_AREAS

    def rows(name):
        with open(os.path.join(base, name), encoding="utf-8") as f:
            return [[c.strip() for c in r] for r in csv.reader(f)][1:]

    provinces = {r[2]: r[1] for r in rows("province.csv")}
    cities = {r[2] + r[3]: r[1] for r in rows("city.csv")}
    out = []
    for code, name, prov, city, _ in rows("area.csv"):
        if prov not in ID_PROVINCES or name in ("市辖区", "县"):
            continue
        city_name = "" if prov in MUNICIPALITIES else cities.get(prov + city, "")
        out.append((code, provinces[prov], city_name, name))
    return out or FALLBACK_AREAS


SURNAMES = list("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
                "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤") \
    + ["欧阳", "司马", "诸葛", "上官", "慕容"]
GIVEN_CHARS = list("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲芬燕彬鹏辉建国志文斌宇浩晨欣怡佳琪雪梅婷"
                   "晓东亮波宁凯健俊峰林鑫蕾颖琳倩子轩梓涵一诺思远嘉豪雨桐若曦博文天佑铭泽昊然")
LATIN_FIRST = ["James", "Emily", "Michael", "Sarah", "David", "Olivia", "Daniel", "Sophia", "William", "Emma",
               "Thomas", "Grace", "Robert", "Chloe", "Henry", "Lucy", "Peter", "Anna", "Kevin", "Laura"]
LATIN_LAST = ["Smith", "Johnson", "Brown", "Davis", "Wilson", "Taylor", "Anderson", "Thomas", "Moore", "Martin",
              "Clark", "Lewis", "Walker", "Young", "Wright", "Green", "Baker", "Hughes", "Turner", "Parker"]
PINYIN = ["zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu",
          "wei", "fang", "na", "min", "jing", "lei", "jun", "tao", "ming", "chao", "hua", "hao", "yu", "xin",
          "jie", "ting", "qiang", "lin", "feng", "hui", "bo", "kai"]
EMAIL_DOMAINS = ["qq.com", "163.com", "126.com", "gmail.com", "outlook.com", "sina.com", "foxmail.com",
                 "hotmail.com", "yahoo.com", "aliyun.com", "example-corp.com.cn", "mail.tsinghua.edu.cn"]
MOBILE_PREFIXES = ["130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "150", "151", "152",
                   "153", "155", "156", "157", "158", "159", "170", "171", "173", "175", "176", "177", "178",
                   "180", "181", "182", "183", "184", "185", "186", "187", "188", "189", "191", "193", "195",
                   "196", "197", "198", "199"]
AREA_CODES_3 = ["010", "020", "021", "022", "023", "024", "025", "027", "028", "029"]
AREA_CODES_4 = ["0755", "0571", "0512", "0731", "0532", "0871", "0898", "0591", "0431", "0451"]
UNIONPAY_BINS = ["622202", "622848", "621700", "622588", "621226", "622700", "622260", "621483", "623058",
                 "622150", "621799", "628288", "625965", "622609"]
VISA_BINS = ["427010", "438088", "451804", "404117", "489592", "455952", "421869"]
MASTERCARD_BINS = ["512315", "520169", "530990", "545431", "558868", "518710", "544210"]
IMEI_TACS = ["35332509", "86891203", "35875611", "86753104", "35391110", "86985603", "35672011", "86408205"]
MAC_OUIS = ["00:1A:2B", "F4:8E:38", "3C:22:FB", "AC:DE:48", "B8:27:EB", "00:50:56", "E4:5F:01", "28:6C:07",
            "54:EF:44", "9C:2E:A1"]
IPV4_FIRST = [1, 8, 14, 27, 36, 39, 42, 49, 58, 59, 60, 61, 101, 103, 106, 110, 111, 112, 113, 114, 115, 116,
              117, 118, 119, 120, 121, 122, 123, 124, 125, 139, 140, 144, 171, 175, 180, 182, 183, 202, 210,
              211, 218, 219, 220, 221, 222, 223]
IPV6_PREFIXES = [["240e"], ["2408"], ["2409"], ["2001", "da8"], ["2400", "3200"], ["2a00", "1450"], ["2404", "6800"]]
PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
VIN_WMIS = ["LSV", "LFV", "LVS", "LHG", "LGB", "LBV", "WBA", "WDD", "JTD", "1HG", "5YJ", "LRW", "LVG"]
ROADS = ["科技园路", "人民路", "中山路", "解放路", "建设路", "和平路", "长江路", "黄河路", "文化路", "学府路",
         "新华路", "青年路", "胜利路", "东风路", "延安路", "淮海中路", "滨海大道", "深南大道", "世纪大道",
         "高新南一道", "创业路", "长安街", "望京街", "天府大道", "金融街"]
COMMUNITIES = ["阳光花园", "万科城", "翠苑小区", "碧桂园", "金地名郡", "华润城", "保利花园", "龙湖天街"]
GB_BANKS = ["NWBK", "BARC", "HBUK", "LOYD", "MIDL"]
DE_BLZ = ["37040044", "50010517", "10070000", "20041133", "70150000", "12030000"]
CN_SERVICES = ["order-service", "user-service", "pay-service", "crm", "logistics", "kyc", "member", "risk"]
EN_CLASSES = ["c.e.api.UserController", "PaymentService", "AuthFilter", "KycService", "ShipmentWorker",
              "c.e.crm.ContactSync", "FleetTracker", "OnboardingService"]
PHONE_MODELS = ["SM-S9180", "M2012K11AC", "V2309A", "PHB110", "ALN-AL00", "22081212C", "LGE-AN00"]


# --------------------------------------------------------------------------------------
# Value generators
# --------------------------------------------------------------------------------------

class Values:
    """Generators of single values. Methods named like slots are used by the templates."""

    def __init__(self, rng):
        self.r = rng
        self.areas = load_areas()

    # -- helpers
    def digits(self, n):
        return "%0*d" % (n, self.r.randrange(10 ** n))

    def hexs(self, n):
        return "%0*x" % (n, self.r.getrandbits(4 * n))

    def pick(self, seq):
        return seq[self.r.randrange(len(seq))]

    def birth_date(self, lo=1950, hi=2010):
        y = self.r.randint(lo, hi)
        m = self.r.randint(1, 12)
        d = self.r.randint(1, calendar.monthrange(y, m)[1])
        return y, m, d

    # -- identity
    def rid_body(self):
        code = self.pick(self.areas)[0]
        # mostly adults; a few minors under 14 so that minor_under_14 gets exercised
        y, m, d = self.birth_date(2012, 2020) if self.r.random() < 0.05 else self.birth_date(1950, 2006)
        return "%s%04d%02d%02d%s" % (code, y, m, d, self.digits(3))

    def rid(self):
        body = self.rid_body()
        return body + resident_id_check(body)

    def bad_rid(self):
        body = self.rid_body()
        good = resident_id_check(body)
        return body + self.pick([c for c in "0123456789X" if c != good])

    def passport(self):
        x = self.r.random()
        if x < 0.7:
            return "E" + self.digits(8)
        if x < 0.9:
            return "E" + self.pick("ABCDEFGHJKLMNPQRSTUVWXYZ") + self.digits(7)
        return "G" + self.digits(8)

    def permit(self):  # 往来港澳通行证 (mainland residents)
        return "C" + self.digits(8) if self.r.random() < 0.7 else "C" + self.pick("ABCDEFGHJKLMN") + self.digits(7)

    def hkid(self):
        prefix = self.pick(PLATE_LETTERS) if self.r.random() < 0.9 else self.pick("WX") + self.pick(PLATE_LETTERS)
        d6 = self.digits(6)
        c = hkid_check(prefix, d6)
        return "%s%s(%s)" % (prefix, d6, c) if self.r.random() < 0.8 else prefix + d6 + c

    def twid(self):
        letter = self.pick("ABCDEFGHJKLMNPQTUVWXZ")
        d8 = self.pick("12") + self.digits(7)
        return letter + d8 + twid_check(letter, d8)

    def ssn(self):
        area = self.r.randint(1, 899)
        while area == 666:
            area = self.r.randint(1, 899)
        return "%03d-%02d-%04d" % (area, self.r.randint(1, 99), self.r.randint(1, 9999))

    def cn_name(self):
        return self.pick(SURNAMES) + "".join(self.pick(GIVEN_CHARS) for _ in range(1 if self.r.random() < 0.3 else 2))

    def latin_name(self):
        return self.pick(LATIN_FIRST) + " " + self.pick(LATIN_LAST)

    def dob(self):
        y, m, d = self.birth_date(1950, 2010)
        x = self.r.random()
        if x < 0.45:
            return "%04d-%02d-%02d" % (y, m, d)
        if x < 0.65:
            return "%04d年%d月%d日" % (y, m, d)
        if x < 0.85:
            return "%04d/%02d/%02d" % (y, m, d)
        return "%04d%02d%02d" % (y, m, d)

    # -- contact
    def mobile(self):
        return self.pick(MOBILE_PREFIXES) + self.digits(8)

    def phone(self):
        m = self.mobile()
        x = self.r.random()
        if x < 0.45:
            return m
        if x < 0.55:
            return "+86 " + m
        if x < 0.62:
            return "+86-%s-%s-%s" % (m[:3], m[3:7], m[7:])
        if x < 0.70:
            return "+86" + m
        if x < 0.80:
            return "%s-%s-%s" % (m[:3], m[3:7], m[7:])
        if x < 0.88:
            return "%s %s %s" % (m[:3], m[3:7], m[7:])
        return self.landline()

    def phone_intl(self):
        m = self.mobile()
        return self.pick(["+86 %s %s %s" % (m[:3], m[3:7], m[7:]), "+86-" + m, "+86" + m])

    def landline(self):
        if self.r.random() < 0.5:
            return self.pick(AREA_CODES_3) + "-" + str(self.r.randint(2, 8)) + self.digits(7)
        return self.pick(AREA_CODES_4) + "-" + str(self.r.randint(2, 8)) + self.digits(self.pick((6, 7, 7)))

    def email(self):
        x = self.r.random()
        if x < 0.4:
            local = self.pick(PINYIN) + self.pick(PINYIN) + (str(self.r.randint(1, 9999)) if self.r.random() < 0.6 else "")
        elif x < 0.6:
            local = self.pick(PINYIN) + "." + self.pick(PINYIN)
        elif x < 0.75:
            local = str(self.r.randint(10000, 3999999999))  # QQ-number mailboxes
        else:
            local = self.pick(LATIN_FIRST).lower() + self.pick(["_", ".", ""]) + self.pick(LATIN_LAST).lower()
        domain = "qq.com" if local.isdigit() else self.pick(EMAIL_DOMAINS)
        return local + "@" + domain

    def address(self):
        _, prov, city, area = self.pick(self.areas)
        head = prov + area if not city else prov + city + area
        if city and self.r.random() < 0.2:
            head = city + area  # province omitted, as people often write it
        addr = head + self.pick(ROADS) + "%d号" % self.r.randint(1, 999)
        x = self.r.random()
        if x < 0.25:
            addr += "%d栋%d单元%d室" % (self.r.randint(1, 30), self.r.randint(1, 6), self.r.randint(101, 3208))
        elif x < 0.45:
            addr += self.pick(COMMUNITIES) + "%d号楼%d室" % (self.r.randint(1, 20), self.r.randint(101, 2602))
        elif x < 0.55:
            addr += "%s座%d层" % (self.pick("ABCD"), self.r.randint(1, 40))
        return addr

    def qq(self):
        return str(self.r.randint(10000, 3999999999))

    def wechat(self):
        if self.r.random() < 0.4:
            return "wxid_" + "".join(self.pick("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(14))
        return self.pick(PINYIN) + self.pick(["_", "", "-"]) + self.pick(PINYIN) + str(self.r.randint(1, 2024))

    # -- network and device
    def ipv4(self):
        return "%d.%d.%d.%d" % (self.pick(IPV4_FIRST), self.r.randint(0, 255), self.r.randint(0, 255),
                                self.r.randint(1, 254))

    def ipv6(self):
        groups = list(self.pick(IPV6_PREFIXES))
        while len(groups) < 8:
            groups.append("%x" % self.r.randrange(0x10000))
        if self.r.random() < 0.5:  # compress a run of zero groups
            i = self.r.randint(2, 5)
            j = self.r.randint(i + 1, 7)
            return ":".join(groups[:i]) + "::" + ":".join(groups[j:])
        return ":".join(groups)

    def mac(self):
        octets = self.pick(MAC_OUIS).split(":") + ["%02X" % self.r.randrange(256) for _ in range(3)]
        s = self.pick([":", ":", "-"]).join(octets)
        return s.lower() if self.r.random() < 0.4 else s

    def imei(self):
        body = self.pick(IMEI_TACS) + self.digits(6)
        return body + luhn_digit(body)

    # -- financial
    def card_plain(self):
        x = self.r.random()
        if x < 0.6:
            body = self.pick(UNIONPAY_BINS) + self.digits(self.pick((9, 9, 12)))  # 16 or 19 digits
        elif x < 0.8:
            body = self.pick(VISA_BINS) + self.digits(9)
        else:
            body = self.pick(MASTERCARD_BINS) + self.digits(9)
        return body + luhn_digit(body)

    def card(self):
        c = self.card_plain()
        x = self.r.random()
        if x < 0.7:
            return c
        sep = " " if x < 0.93 else "-"
        return sep.join(c[i:i + 4] for i in range(0, len(c), 4))

    def bad_card(self):
        c = self.card_plain()
        return c[:-1] + str((int(c[-1]) + self.r.randint(1, 9)) % 10)

    def iban(self):
        x = self.r.random()
        if x < 0.4:
            country, bban = "DE", self.pick(DE_BLZ) + self.digits(10)
        elif x < 0.7:
            country, bban = "GB", self.pick(GB_BANKS) + self.digits(6) + self.digits(8)
        else:
            bank, branch, account = self.digits(5), self.digits(5), self.digits(11)
            country, bban = "FR", bank + branch + account + fr_rib_key(bank, branch, account)
        s = country + iban_check_digits(country, bban) + bban
        if self.r.random() < 0.5:
            return " ".join(s[i:i + 4] for i in range(0, len(s), 4))
        return s

    def uscc(self):
        head = self.pick(["91", "91", "91", "92", "93", "52", "12"]) + self.pick(self.areas)[0]
        if self.r.random() < 0.6:
            org = "MA" + "".join(self.pick(USCC_CHARS) for _ in range(6))
        else:
            org = self.digits(8)
        org += org_code_check(org)
        if org[-1] not in USCC_CHARS:  # cannot happen ('X' and digits are allowed) but keep it valid
            return self.uscc()
        body = head + org
        return body + uscc_check(body)

    # -- vehicles
    def plate(self):
        prov = self.pick(PLATE_PROVINCES)
        letter = self.pick(PLATE_LETTERS)
        x = self.r.random()
        if x < 0.2:  # small new-energy
            rest = self.pick("DF") + self.pick(PLATE_LETTERS + "0123456789") + self.digits(4)
        elif x < 0.25:  # large new-energy
            rest = self.digits(5) + self.pick("DF")
        else:
            chars = list(self.digits(5))
            for _ in range(self.r.randint(0, 2)):
                chars[self.r.randrange(5)] = self.pick(PLATE_LETTERS)
            rest = "".join(chars)
        return prov + letter + ("·" if self.r.random() < 0.3 else "") + rest

    def vin(self):
        chars = list(self.pick(VIN_WMIS) + "".join(self.pick(VIN_ALPHABET) for _ in range(5)) + "0"
                     + self.pick("HJKLMNPRST") + self.pick(VIN_ALPHABET) + self.digits(6))
        chars[8] = vin_check(chars)
        return "".join(chars)

    # -- secrets and location
    def password(self):
        alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#$%*_-"
        return "".join(self.pick(alphabet) for _ in range(self.r.randint(10, 18)))

    def aws_key(self):
        return "AKIA" + "".join(self.pick("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))

    def aws_secret(self):
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+"
        return "".join(self.pick(alphabet) for _ in range(40))

    def gh_token(self):
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        return "ghp_" + "".join(self.pick(alphabet) for _ in range(36))

    def jwt(self):
        alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        payload = "".join(self.pick(alphabet) for _ in range(self.r.randint(60, 110)))
        sig = "".join(self.pick(alphabet) for _ in range(43))
        return "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ" + payload + "." + sig

    def coords(self):
        nd = self.r.randint(4, 6)
        lat = "%.*f" % (nd, self.r.uniform(18.2, 53.5))
        lng = "%.*f" % (nd, self.r.uniform(73.5, 134.7))
        return lat + self.pick([",", ",", ", "]) + lng

    def coords_url(self):  # in a query string: no space after the comma
        return self.coords().replace(" ", "")

    # -- hard negatives and filler (never labeled)
    def order_no(self):
        return "20%02d%02d%02d%02d%02d%02d" % (self.r.randint(19, 25), self.r.randint(1, 12), self.r.randint(1, 28),
                                              self.r.randint(0, 23), self.r.randint(0, 59),
                                              self.r.randint(0, 59)) + self.digits(10)

    def epoch_ms(self):
        return str(self.r.randint(1_600_000_000_000, 1_760_000_000_000))

    def epoch_s(self):
        return "%d.%03d" % (self.r.randint(1_600_000_000, 1_760_000_000), self.r.randrange(1000))

    def _ts_parts(self):
        y, mo = self.r.randint(2023, 2025), self.r.randint(1, 12)
        return y, mo, self.r.randint(1, 28), self.r.randint(0, 23), self.r.randint(0, 59), self.r.randint(0, 59)

    def ts_log(self):
        return "%04d-%02d-%02d %02d:%02d:%02d.%03d" % (self._ts_parts() + (self.r.randrange(1000),))

    def ts_iso(self):
        return "%04d-%02d-%02dT%02d:%02d:%02d.%03d+08:00" % (self._ts_parts() + (self.r.randrange(1000),))

    def ts_clf(self):
        y, mo, d, h, mi, s = self._ts_parts()
        return "%02d/%s/%04d:%02d:%02d:%02d +0800" % (d, calendar.month_abbr[mo], y, h, mi, s)

    def version(self):
        if self.r.random() < 0.6:
            return "%d.%d.%d.%d" % (self.r.randint(1, 30), self.r.randint(0, 99), self.r.randint(0, 300),
                                    self.r.randint(1000, 9999))
        return "v%d.%d.%d" % (self.r.randint(0, 12), self.r.randint(0, 40), self.r.randint(0, 200))

    def uuid(self):
        h = self.hexs(32)
        return "%s-%s-4%s-%s%s-%s" % (h[:8], h[8:12], h[13:16], self.pick("89ab"), h[17:20], h[20:32])

    def hash(self):
        return self.hexs(self.pick((32, 40, 64)))

    def filesize(self):
        x = self.r.random()
        if x < 0.5:
            return "%.1f%s" % (self.r.uniform(0.1, 999), self.pick(["KB", "MB", "GB", " MiB"]))
        return str(self.r.randint(1024, 5_000_000_000))

    def price(self):
        amount = round(10 ** self.r.uniform(0, 4.5), 2)  # 1.00 .. ~31,600.00, mostly small
        x = self.r.random()
        if x < 0.4:
            return "¥{:,.2f}".format(amount)
        if x < 0.7:
            return "%.2f" % amount
        if x < 0.85:
            return "%.2f元" % amount
        return "${:,.2f}".format(amount)

    def status(self):
        return self.pick(["200", "200", "200", "200", "201", "204", "301", "304", "400", "401", "404", "499", "502"])

    def nbytes(self):
        return str(self.r.randint(0, 250_000))

    def latency(self):
        return str(self.r.randint(1, 3000))

    def uid(self):
        return str(self.r.randint(100000, 99_999_999))

    def pid(self):
        return str(self.r.randint(100, 65535))

    def service(self):
        return self.pick(CN_SERVICES)

    def cls(self):
        return self.pick(EN_CLASSES)

    def ua(self):
        x = self.r.random()
        chrome = "%d.0.%d.%d" % (self.r.randint(100, 126), self.r.randint(4900, 6700), self.r.randint(10, 250))
        if x < 0.35:
            return ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s "
                    "Safari/537.36" % chrome)
        if x < 0.6:
            return ("Mozilla/5.0 (Linux; Android %d; %s) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/%s Mobile "
                    "Safari/537.36" % (self.r.randint(10, 14), self.pick(PHONE_MODELS), chrome))
        if x < 0.8:
            return ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_%d like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                    "Mobile/15E148 MicroMessenger/8.0.%d(0x1800%s) NetType/WIFI Language/zh_CN"
                    % (self.r.randint(0, 5), self.r.randint(30, 49), self.hexs(4)))
        if x < 0.9:
            return "okhttp/4.%d.%d" % (self.r.randint(0, 12), self.r.randint(0, 9))
        return "Dalvik/2.1.0 (Linux; U; Android 12; %s Build/SKQ1.%d.001)" % (self.pick(PHONE_MODELS),
                                                                             self.r.randint(210000, 231231))

    def path(self):
        return self.pick(["/api/v1/orders/%s" % self.uid(), "/static/js/app.%s.js" % self.hexs(8),
                          "/api/v2/items?page=%d&size=20" % self.r.randint(1, 300), "/healthz",
                          "/api/v1/cart/%s/items" % self.uid(), "/img/banner_%d.webp" % self.r.randint(1, 40)])


# Slot name -> category for labeled slots; every other slot is unlabeled (filler or hard negative).
SLOT_CATEGORY = {
    "rid": "cn_resident_id", "passport": "passport_number", "permit": "travel_permit", "hkid": "hk_id",
    "twid": "tw_id", "ssn": "us_ssn", "cn_name": "person_name", "latin_name": "person_name",
    "dob": "date_of_birth", "mobile": "phone_number", "phone": "phone_number", "phone_intl": "phone_number",
    "landline": "phone_number", "email": "email_address", "address": "postal_address", "qq": "im_account",
    "wechat": "im_account", "ipv4": "ip_address", "ipv6": "ip_address", "mac": "mac_address", "imei": "imei",
    "card": "bank_card_number", "card_plain": "bank_card_number", "iban": "iban", "uscc": "org_credit_code",
    "plate": "license_plate", "vin": "vin", "password": "credential_secret", "aws_key": "credential_secret",
    "aws_secret": "credential_secret", "gh_token": "credential_secret", "jwt": "credential_secret",
    "coords": "geo_coordinates", "coords_url": "geo_coordinates",
}

# --------------------------------------------------------------------------------------
# Line templates: ${slot} is replaced by a value from that slot's pool. (weight, template)
# --------------------------------------------------------------------------------------

NGINX = [
    (6, '${ipv4} - - [${ts_clf}] "GET /api/v1/user/profile?mobile=${mobile}&email=${email}&t=${epoch_ms} HTTP/1.1" '
        '${status} ${nbytes} "-" "${ua}"'),
    (4, '${ipv4} - - [${ts_clf}] "POST /api/v2/orders HTTP/1.1" ${status} ${nbytes} '
        '"https://m.shop.example.cn/checkout?phone=${mobile}&idcard=${rid}" "${ua}" ${latency}ms'),
    (3, '${ipv6} - - [${ts_clf}] "GET ${path} HTTP/2.0" ${status} ${nbytes} "-" "${ua}" '
        'x_forwarded_for="${ipv4}" rt=0.${latency}'),
    (3, '${ipv4} - - [${ts_clf}] "GET /track?lat_lng=${coords_url}&device_mac=${mac}&imei=${imei} HTTP/1.1" '
        '${status} ${nbytes} "-" "${ua}"'),
    (2, '${ipv4} - - [${ts_clf}] "GET ${path} HTTP/1.1" ${status} ${nbytes} "-" "${ua}" '
        'req_id=${uuid} upstream_time=0.${latency}'),
]

APP_CN = [
    (5, '${ts_log} INFO  [${service}] [${uuid}] 创建订单成功 订单号${order_no} 客户 ${cn_name} 手机${phone} '
        '收货地址：${address}，金额${price}'),
    (4, '${ts_log} INFO  [user-service] [${uuid}] 实名认证通过 姓名：${cn_name}，身份证号：${rid}，出生日期：${dob}'),
    (3, '${ts_log} WARN  [user-service] [${uuid}] 实名认证失败 证件号${bad_rid} 校验位错误 手机号${phone}'),
    (4, '${ts_log} INFO  [pay-service] 绑卡成功 用户 ${cn_name} 卡号${card} 预留手机${mobile} 交易流水${bad_card} '
        '耗时${latency}ms'),
    (4, '${ts_log} INFO  [crm] 客户 ${cn_name} 更新联系方式：联系邮箱${email}谢谢，电话${landline}，QQ:${qq}'),
    (3, '${ts_log} DEBUG [device] 设备登记 IMEI:${imei} MAC=${mac} IP ${ipv4} 固件版本 ${version} ts=${epoch_ms}'),
    (2, '${ts_log} INFO  [travel] 预订成功 乘客 ${cn_name} 护照号码${passport} 港澳通行证${permit} 出生日期 ${dob}'),
    (3, '${ts_log} INFO  [parking] 车辆入场 车牌${plate} 车架号VIN ${vin} 时间戳${epoch_ms} 车主电话${phone}'),
    (2, '${ts_log} INFO  [im] 用户绑定 微信号：${wechat} QQ号${qq} 当前定位(${coords}) 设备IP ${ipv6}'),
    (2, '${ts_log} INFO  [kyc] 企业认证 统一社会信用代码${uscc} 法人 ${cn_name} 身份证${rid} 对公账户${iban}'),
    (3, '${ts_log} INFO  [cs-chat] 客户留言：您好，我是${cn_name}，电话${mobile}，身份证${rid}，麻烦把地址改成${address}，谢谢'),
    (2, '${ts_log} INFO  [gateway] request body: {"name":"${cn_name}","mobile":"${mobile}","idCard":"${rid}",'
        '"bankCard":"${card_plain}","address":"${address}"}'),
    (2, '${ts_log} ERROR [sync] 上传失败 文件大小${filesize} sha=${hash} 任务${uuid} 订单号${order_no} 重试3次'),
    (1, '${ts_log} INFO  [${service}] 处理完成 订单号${order_no} 金额${price} 版本${version} 耗时${latency}ms'),
]

APP_EN = [
    (4, '${ts_iso} INFO  ${cls} - login success user=${email} ip=${ipv4} device_mac=${mac} session=${uuid}'),
    (3, '${ts_iso} WARN  PaymentService - card declined card=${card} amount=${price} customer="${latin_name}" '
        'phone=${phone_intl}'),
    (2, '${ts_iso} DEBUG AuthFilter - Authorization: Bearer ${jwt} x-forwarded-for=${ipv4}'),
    (2, '${ts_iso} ERROR ConfigLoader - leaked config: db.password=${password} aws_access_key_id=${aws_key} '
        'aws_secret_access_key=${aws_secret}'),
    (2, '${ts_iso} INFO  KycService - verified name="${latin_name}" ssn=${ssn} dob=${dob} iban=${iban}'),
    (2, '${ts_iso} INFO  OnboardingService - HKID ${hkid} Taiwan ID ${twid} passport no. ${passport} '
        'email ${email}'),
    (2, '${ts_iso} INFO  FleetTracker - vehicle VIN ${vin} plate ${plate} gps=(${coords}) driver=${mobile}'),
    (2, '${ts_iso} INFO  ShipmentWorker - shipped order ${order_no} to ${address} contact ${cn_name} ${phone}'),
    (1, '${ts_iso} WARN  GitSync - token=${gh_token} rejected for repo mirror, build ${version}'),
    (2, '${ts_iso} INFO  Orders - order ${order_no} total ${price} build ${version} trace=${uuid} '
        'created_at=${epoch_ms} size=${filesize}'),
]

AUDIT = [
    (3, 'type=USER_LOGIN msg=audit(${epoch_s}:${pid}): user=${email} addr=${ipv4} terminal=ssh res=success'),
    (2, 'audit ts=${ts_iso} actor=${email} action=EXPORT table=customers rows=${latency} src_ip=${ipv6} '
        'sha256=${hash}'),
    (3, 'AUDIT|${ts_log}|op=QUERY|who=${cn_name}|phone=${mobile}|id=${rid}|ip=${ipv4}'),
    (2, 'AUDIT|${ts_log}|op=UPDATE|target=card|card=${card_plain}|by=${email}|imei=${imei}'),
]

LOG_TEMPLATES = NGINX + APP_CN + APP_EN + AUDIT
# A few short free-text records (chat and form snippets) only for the labeled kind.
LABELED_EXTRA = [
    (3, '您好，我叫${cn_name}，手机号${mobile}，邮箱${email}，住在${address}。'),
    (2, '联系人：${cn_name}；电话：${phone}；车牌号：${plate}；出生日期：${dob}'),
    (2, 'Please refund to IBAN ${iban}, account holder ${latin_name}, phone ${phone_intl}.'),
    (1, '订单号${order_no}已发货，运单时间戳${epoch_ms}，版本${version}，校验${hash}'),
]

SLOT_RE = re.compile(r"\$\{(\w+)\}")


class Template:
    """A parsed template: literal pieces and slot names, plus a str.format pattern."""

    def __init__(self, text):
        self.parts = []  # (literal, slot or None)
        pos = 0
        for m in SLOT_RE.finditer(text):
            self.parts.append((text[pos:m.start()], m.group(1)))
            pos = m.end()
        self.parts.append((text[pos:], None))
        self.slots = [s for _, s in self.parts if s]
        self.fmt = "".join(lit.replace("{", "{{").replace("}", "}}") + ("{}" if s else "") for lit, s in self.parts)
        self.n_pi = sum(1 for s in self.slots if s in SLOT_CATEGORY)
        self.lit_bytes = [len(lit.encode("utf-8")) for lit, _ in self.parts]


class Pools:
    """Precomputed values per slot; values are drawn from them with the shared rng."""

    def __init__(self, values, size):
        self.v = values
        self.size = size
        self.pools = {}

    def get(self, slot):
        pool = self.pools.get(slot)
        if pool is None:
            fn = getattr(self.v, slot)
            pool = self.pools[slot] = [fn() for _ in range(self.size)]
        return pool


# --------------------------------------------------------------------------------------
# Record producers: each returns a list of `n` records (strings without the final newline)
# --------------------------------------------------------------------------------------

class LogProducer:
    def __init__(self, rng, pools, templates=LOG_TEMPLATES):
        self.r = rng
        self.tpls = [Template(t) for _, t in templates]
        self.weights = [w for w, _ in templates]
        self.bound = [(t.fmt.format, [pools.get(s) for s in t.slots]) for t in self.tpls]
        self.pis = []

    def batch(self, n):
        rnd = self.r.random
        out = []
        append = out.append
        picks = self.r.choices(range(len(self.tpls)), self.weights, k=n)
        for i in picks:
            fmt, pools = self.bound[i]
            append(fmt(*[p[int(rnd() * len(p))] for p in pools]))
        self.pis = [self.tpls[i].n_pi for i in picks]
        return out


class LabeledProducer(LogProducer):
    """Log lines and short messages as {"text", "spans"} records with byte offsets."""

    def __init__(self, rng, pools):
        super().__init__(rng, pools, LOG_TEMPLATES + LABELED_EXTRA)
        self.last_values = []  # (span, value) of the last batch, for --self-check

    def render(self, t, pools):
        rnd = self.r.random
        text, spans, pos = [], [], 0
        for (lit, slot), lit_len in zip(t.parts, t.lit_bytes):
            text.append(lit)
            pos += lit_len
            if slot is None:
                continue
            p = pools[slot]
            v = p[int(rnd() * len(p))]
            n = len(v.encode("utf-8"))
            cat = SLOT_CATEGORY.get(slot)
            if cat:
                spans.append([pos, pos + n, cat])
                self.last_values.append((spans[-1], v))
            text.append(v)
            pos += n
        return "".join(text), spans

    def batch(self, n):
        self.last_values = []
        self.pis = []
        out = []
        picks = self.r.choices(range(len(self.tpls)), self.weights, k=n)
        for i in picks:
            t = self.tpls[i]
            pools = dict(zip(t.slots, self.bound[i][1]))
            text, spans = self.render(t, pools)
            self.pis.append(len(spans))
            out.append(json.dumps({"text": text, "spans": spans}, ensure_ascii=False))
        return out


CSV_HEADER = ["客户编号", "姓名", "性别", "出生日期", "手机号", "固定电话", "身份证号", "邮箱", "地址", "银行卡号",
              "车牌号", "注册IP", "设备IMEI", "QQ", "订单号", "订单金额", "创建时间", "备注"]


class CsvProducer:
    """Customer table rows, RFC 4180 quoted by hand so that some quotes are unnecessary."""

    def __init__(self, rng, pools, crlf=False):
        self.r = rng
        self.g = {s: pools.get(s) for s in ("cn_name", "dob", "mobile", "phone", "landline", "rid", "email",
                                              "address", "card", "plate", "ipv4", "imei", "qq", "order_no",
                                              "price", "ts_log", "bad_card", "uuid")}
        self.eol = "\r\n" if crlf else "\n"
        self.header_done = False
        self.next_id = 100000
        self.pis = []

    def pick(self, slot):
        p = self.g[slot]
        return p[int(self.r.random() * len(p))]

    def quote(self, s):
        if any(c in s for c in ',"\r\n') or self.r.random() < 0.08:
            return '"' + s.replace('"', '""') + '"'
        return s

    def note(self):
        """A free-text remark and the number of PI values in it."""
        x = self.r.random()
        if x < 0.55:
            return "", 0
        if x < 0.7:
            return '客户要求"加急"，备用电话 ' + self.pick("phone"), 1
        if x < 0.85:
            return "周末不收货\n请联系 " + self.pick("cn_name") + " " + self.pick("mobile"), 2
        if x < 0.95:
            return "退款流水 " + self.pick("bad_card") + ", 批次 " + self.pick("uuid"), 0
        return "VIP, 第%d次下单" % self.r.randint(2, 30), 0

    def row(self):
        self.next_id += 1
        addr = self.pick("address")
        if self.r.random() < 0.15:
            addr = addr + ", 门卫代收"
        note, note_pi = self.note()
        landline = self.pick("landline") if self.r.random() < 0.5 else ""
        self.pis.append(11 + bool(landline) + note_pi)
        fields = [str(self.next_id), self.pick("cn_name"), self.r.choice(("男", "女")), self.pick("dob"),
                  self.pick("mobile"), landline, self.pick("rid"),
                  self.pick("email"), addr, self.pick("card"), self.pick("plate"), self.pick("ipv4"),
                  self.pick("imei"), self.pick("qq"), self.pick("order_no"), self.pick("price"),
                  self.pick("ts_log"), note]
        return ",".join(self.quote(f) for f in fields)

    def batch(self, n):
        out = []
        self.pis = []
        if not self.header_done:
            out.append(",".join(CSV_HEADER))
            self.pis.append(0)
            self.header_done = True
            n -= 1
        out.extend(self.row() for _ in range(n))
        return out

    @property
    def sep(self):
        return self.eol


class JsonlProducer:
    """Nested JSON events with PI at various depths and in arrays."""

    EVENTS = ["order.created", "order.paid", "user.updated", "user.registered", "device.bound", "kyc.passed",
              "shipment.dispatched", "refund.requested"]

    def __init__(self, rng, pools):
        self.r = rng
        self.pools = pools
        self.pis = []

    def p(self, slot):
        pool = self.pools.get(slot)
        return pool[int(self.r.random() * len(pool))]

    def record(self):
        r = self.r.random
        pi = 0
        user = {"id": int(self.p("uid")), "name": self.p("cn_name") if r() < 0.8 else self.p("latin_name")}
        user["phones"] = [self.p("phone") for _ in range(self.r.randint(1, 2))]
        user["email"] = self.p("email")
        pi += 2 + len(user["phones"])
        if r() < 0.7:
            user["id_card"] = self.p("rid")
            user["birthday"] = self.p("dob")
            pi += 2
        if r() < 0.6:
            user["address"] = {"full": self.p("address"), "zip": "%06d" % self.r.randint(100000, 859999)}
            pi += 1
        ev = {"ts": self.p("ts_iso"), "event": self.EVENTS[int(r() * len(self.EVENTS))], "trace_id": self.p("uuid"),
              "user": user}
        if r() < 0.7:
            ev["order"] = {"order_no": self.p("order_no"), "amount": float(self.p("price").strip("¥$元").replace(",", "")),
                           "currency": "CNY",
                           "payment": {"card": self.p("card_plain"), "holder": user["name"]},
                           "items": [{"sku": "SKU-%06d" % self.r.randint(1, 999999), "qty": self.r.randint(1, 5)}
                                     for _ in range(self.r.randint(1, 3))]}
            pi += 3
        if r() < 0.6:
            ev["device"] = {"ip": self.p("ipv4") if r() < 0.7 else self.p("ipv6"), "mac": self.p("mac"),
                            "imei": self.p("imei"), "ua": self.p("ua"), "app_version": self.p("version")}
            pi += 3
        if r() < 0.2:
            ev["vehicle"] = {"plate": self.p("plate"), "vin": self.p("vin"), "gps": self.p("coords")}
            pi += 3
        if r() < 0.2:
            ev["note"] = "客户 %s 要求改到 %s，电话 %s" % (self.p("cn_name"), self.p("address"), self.p("mobile"))
            pi += 3
        self.pis.append(pi)
        return json.dumps(ev, ensure_ascii=False, separators=(",", ":"))

    def batch(self, n):
        self.pis = []
        return [self.record() for _ in range(n)]


# --------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------

def make_producer(kind, seed, pool_size, crlf=False):
    rng = random.Random(seed)
    pools = Pools(Values(rng), pool_size)
    if kind == "log":
        return LogProducer(rng, pools)
    if kind == "labeled":
        return LabeledProducer(rng, pools)
    if kind == "csv":
        return CsvProducer(rng, pools, crlf)
    if kind == "jsonl":
        return JsonlProducer(rng, pools)
    raise ValueError("unknown kind " + kind)


def parse_size(s):
    m = re.fullmatch(r"\s*([0-9.]+)\s*([KMGkmg]?)(i?[Bb])?\s*", s)
    if not m:
        raise argparse.ArgumentTypeError("size like 200M, 2G or 1048576, not %r" % s)
    mult = {"": 1, "K": 10 ** 3, "M": 10 ** 6, "G": 10 ** 9}[m.group(2).upper()]
    if m.group(3) and m.group(3).lower() == "ib":
        mult = {"": 1, "K": 2 ** 10, "M": 2 ** 20, "G": 2 ** 30}[m.group(2).upper()]
    return int(float(m.group(1)) * mult)


def generate(producer, out, size=None, lines=None, batch=20000):
    """Writes records until `lines` records or `size` bytes (never more than size).

    Returns (bytes, records, PI values written)."""
    sep = getattr(producer, "sep", "\n")
    written = records = pi = 0
    while True:
        n = batch if lines is None else min(batch, lines - records)
        if n <= 0:
            break
        recs = producer.batch(n)
        chunk = (sep.join(recs) + sep).encode("utf-8")
        if size is not None and written + len(chunk) > size:
            # last chunk: keep whole records while they fit
            for rec, rec_pi in zip(recs, producer.pis):
                b = (rec + sep).encode("utf-8")
                if written + len(b) > size:
                    return written, records, pi
                out.write(b)
                written += len(b)
                records += 1
                pi += rec_pi
            continue
        out.write(chunk)
        written += len(chunk)
        records += len(recs)
        pi += sum(producer.pis)
    return written, records, pi


# --------------------------------------------------------------------------------------
# Self-check
# --------------------------------------------------------------------------------------

VALIDATORS = {
    "cn_resident_id": resident_id_ok,
    "bank_card_number": lambda v: luhn_ok(v.replace(" ", "").replace("-", "")),
    "imei": lambda v: len(v) == 15 and luhn_ok(v),
    "iban": iban_ok,
    "vin": vin_ok,
    "hk_id": hkid_ok,
    "tw_id": twid_ok,
    "org_credit_code": uscc_ok,
}


def self_check(seed, pool_size):
    """Validates check digits, labels and output formats; returns the number of failures."""
    failures = []

    def check(cond, what):
        if not cond:
            failures.append(what)

    # known-good vectors for the check-digit code
    check(hkid_check("A", "123456") == "3", "HKID vector A123456(3)")
    check(twid_ok("A123456789"), "Taiwan ID vector A123456789")
    check(vin_ok("1M8GDM9AXKP042788"), "VIN vector 1M8GDM9AXKP042788")
    check(uscc_ok("91350100M000100Y43"), "USCC vector 91350100M000100Y43")
    check(org_code_check("M000100Y") == "4", "organization code vector M000100Y-4")
    for iban in ("DE89370400440532013000", "GB82WEST12345698765432", "FR1420041010050500013M02606"):
        check(iban_ok(iban), "IBAN vector " + iban)
    check(resident_id_ok("11010519491231002X"), "resident ID vector 11010519491231002X")
    check(luhn_ok("4111111111111111") and luhn_digit("411111111111111") == "1", "Luhn vector")

    # labeled records: spans are exact byte slices of the generated values, sorted, disjoint
    prod = make_producer("labeled", seed, pool_size)
    n_spans = 0
    cats = set()
    for _ in range(5):
        recs = prod.batch(2000)
        values = iter(prod.last_values)
        for line in recs:
            rec = json.loads(line)
            text = rec["text"]
            check("\n" not in text and "\r" not in text, "newline in text: %r" % text[:80])
            b = text.encode("utf-8")
            prev_end = -1
            for span in rec["spans"]:
                s, e, cat = span
                got_span, value = next(values)
                check(got_span == span, "span bookkeeping %r" % span)
                check(0 <= s < e <= len(b), "span out of range %r" % span)
                check(b[s:e] == value.encode("utf-8"), "span bytes %r != %r" % (b[s:e], value))
                check(s >= prev_end, "overlapping spans in %r" % text[:80])
                prev_end = e
                v = VALIDATORS.get(cat)
                if v:
                    check(v(value), "%s does not validate: %s" % (cat, value))
                cats.add(cat)
                n_spans += 1
    # hard negatives must fail the validators they imitate
    v = Values(random.Random(seed + 1))
    for _ in range(2000):
        check(not resident_id_ok(v.bad_rid()), "bad_rid validates")
        check(not luhn_ok(v.bad_card()), "bad_card passes Luhn")
        check(len(v.order_no()) == 24, "order number length")
        check(len(v.epoch_ms()) == 13, "epoch ms length")
        ver = v.version()
        check(not re.fullmatch(r"(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)", ver),
              "version looks like IPv4: " + ver)
        check(len(v.rid()) == 18 and len(v.mobile()) == 11, "lengths")
    # every category the templates label should be produced
    check(set(SLOT_CATEGORY.values()) <= cats, "categories never produced: %s" % (set(SLOT_CATEGORY.values()) - cats))

    # determinism and size bound
    def blob(kind, **kw):
        buf = io.BytesIO()
        generate(make_producer(kind, seed, 500), buf, **kw)
        return buf.getvalue()

    a, b2 = blob("log", size=300_000), blob("log", size=300_000)
    check(a == b2, "log output not deterministic")
    check(len(a) <= 300_000 and len(a) > 290_000 and a.endswith(b"\n"), "log size bound: %d" % len(a))
    check(blob("log", size=300_000) != blob_seed("log", seed + 1), "seed has no effect")
    # CSV parses back with a constant number of columns
    data = blob("csv", lines=3000).decode("utf-8")
    rows = list(csv.reader(io.StringIO(data, newline="")))
    check(len(rows) == 3000 and rows[0] == CSV_HEADER, "CSV row count %d" % len(rows))
    check(all(len(r) == len(CSV_HEADER) for r in rows), "CSV column counts")
    check(any("\n" in f for r in rows for f in r) and any("," in f for r in rows for f in r[1:]),
          "CSV lacks embedded newlines/commas")
    # JSONL parses
    for line in blob("jsonl", lines=2000).decode("utf-8").splitlines():
        ev = json.loads(line)
        check(isinstance(ev["user"]["phones"], list), "jsonl shape")
        if "order" in ev:
            check(luhn_ok(ev["order"]["payment"]["card"]), "jsonl card Luhn")

    for f in failures[:20]:
        print("FAIL:", f, file=sys.stderr)
    print("self-check: %d labeled spans over %d categories checked; %d failure(s)"
          % (n_spans, len(cats), len(failures)), file=sys.stderr)
    return len(failures)


def blob_seed(kind, seed):
    buf = io.BytesIO()
    generate(make_producer(kind, seed, 500), buf, size=300_000)
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kind", choices=("log", "csv", "jsonl", "labeled"), default="log")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--size", type=parse_size, help="stop before this many bytes (200M = 200*10^6, 2GiB, ...)")
    g.add_argument("--lines", type=int, help="number of records (CSV: including the header)")
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--pool", type=int, default=8192, help="precomputed values per slot (default 8192)")
    ap.add_argument("--crlf", action="store_true", help="CSV: end records with CRLF as RFC 4180 says")
    ap.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    ap.add_argument("--self-check", action="store_true", help="run the built-in tests and exit")
    ap.add_argument("-q", "--quiet", action="store_true", help="no statistics on stderr")
    args = ap.parse_args()

    if args.self_check:
        sys.exit(1 if self_check(args.seed, 2000) else 0)
    if args.size is None and args.lines is None:
        args.lines = 1000

    t0 = time.time()
    producer = make_producer(args.kind, args.seed, args.pool, args.crlf)
    if args.output == "-":
        written, records, pi = generate(producer, sys.stdout.buffer, args.size, args.lines)
        sys.stdout.buffer.flush()
    else:
        with open(args.output, "wb", buffering=1 << 22) as out:
            written, records, pi = generate(producer, out, args.size, args.lines)
    dt = time.time() - t0
    if not args.quiet:
        print("gen: kind=%s seed=%d records=%d bytes=%d PI values~%d (one per %.0f bytes) %.1fs (%.1f MB/s)"
              % (args.kind, args.seed, records, written, pi, written / max(pi, 1), dt, written / 1e6 / max(dt, 1e-9)),
              file=sys.stderr)


if __name__ == "__main__":
    main()
