#!/usr/bin/env python3
"""Writes an exchange-format folder (shared/spec/exchange-format.md) of a synthetic district for benchmarks.

usage: generate-district.py [--all-published] [--districts N] OUT_DIR [CASES] [YEARS...]
Deterministic (fixed seed): the same arguments give the same files.
--districts N: a city of N districts (region codes 120101 … 1201NN, city code 120100) of 100 agencies each instead of
one test district (120199), the cases spread over all of them: the city-scale statistics benchmark (issue 4).
--all-published: every case is a general-procedure penalty decision, published 1-11 days after the decision (at most
today, 2026-11-22), with varied party names (a brand of two characters out of 40, an industry and a legal form for
organisations; common surnames at their rough frequency for natural persons), for the public search at scale.
"""
import csv, os, random, sys, datetime as dt

args = sys.argv[1:]
all_published = "--all-published" in args
args = [a for a in args if a != "--all-published"]
districts = None
if "--districts" in args:
    at = args.index("--districts")
    districts = int(args[at + 1])
    del args[at:at + 2]
out = args[0]
total = int(args[1]) if len(args) > 1 else 600_000
years = [int(y) for y in args[2:]] or [2022, 2023]
TODAY = dt.date(2026, 11, 22)
rng = random.Random(20231231)
os.makedirs(out, exist_ok=True)
AGENCIES, OFFICERS_PER_AGENCY = 100, 30

def w(name, header, rows):
    with open(os.path.join(out, name), "w", newline="", encoding="utf-8") as f:
        wr = csv.writer(f, lineterminator="\n")
        wr.writerow(header)
        wr.writerows(rows)

regions = [f"1201{d:02d}" for d in range(1, districts + 1)] if districts else ["120199"]
agencies = [(f"{region}{i:03d}", f"{'测试区' if not districts else f'测试市第{d + 1}区'}第{i}执法局" if i <= 60 else
             f"{'测试区' if not districts else f'测试市第{d + 1}区'}第{i}街道办事处",
             "委办局" if i <= 60 else "街道办事处", region) for d, region in enumerate(regions) for i in range(1, AGENCIES + 1)]
w("agencies.csv", ["机关编码", "机关名称", "机关类别", "区划代码"], agencies)
powers = []
for code, *_ in agencies:
    powers.append((f"{code}-J01", "日常监督检查", "行政检查", code, "《测试区行政执法事项目录》"))
    powers.append((f"{code}-C01", "对违法行为的处罚", "行政处罚", code, "《测试区行政执法事项目录》"))
    powers.append((f"{code}-Q01", "查封扣押", "行政强制", code, "《测试区行政执法事项目录》"))
w("powers.csv", ["职权编码", "职权名称", "职权类别", "实施机关编码", "法律依据"], powers)
officers = {}
rows = []
for a, (code, *_) in enumerate(agencies):
    officers[code] = []
    for j in range(OFFICERS_PER_AGENCY):
        num = f"CS{a:03d}{j:03d}" if a < 1000 else f"CS{a:04d}{j:03d}"
        officers[code].append(num)
        rows.append((num, f"测试{a}-{j}", code, "2015-01-01", "", "是" if j == 0 else "否"))
w("officers.csv", ["执法证号", "姓名", "所属机关编码", "发证日期", "注销日期", "法制审核人员"], rows)

start = dt.date(years[0], 1, 1)
span = (dt.date(years[-1], 12, 31) - start).days + 1
names = ["鑫", "盛", "宏", "隆", "华", "泰", "兴", "达"]
BRAND = "鑫盛宏隆华泰兴达金源恒通瑞丰德信祥和安康永佳美乐新天海龙福顺利发宝嘉鸿运昌明汇聚众合创远"
INDUSTRY = ["商贸", "科技", "建材", "餐饮", "物流", "食品", "服装", "电子", "建筑", "医药", "酒店", "汽修"]
FORM = ["有限公司", "有限公司", "有限责任公司", "股份有限公司", "经营部", "便利店"]
# roughly the share of the commonest surnames (张 and 王 about 7% each), the rest spread over fifty others
SURNAMES = "王" * 7 + "李" * 7 + "张" * 7 + "刘" * 5 + "陈" * 5 + "杨" * 3 + "赵" * 2 + "黄" * 2 + "周" * 2 + "吴" * 2 + \
    "徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华"

def published_party():
    party = rng.choice(("法人", "法人", "自然人", "其他组织"))
    if party == "自然人":
        return party, rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return party, f"测试区{rng.choice(BRAND)}{rng.choice(BRAND)}{rng.choice(INDUSTRY)}{rng.choice(FORM)}"
with open(os.path.join(out, "cases.csv"), "w", newline="", encoding="utf-8") as f:
    wr = csv.writer(f, lineterminator="\n")
    wr.writerow(["案件编号", "机关编码", "案件类别", "职权编码", "立案日期", "执法人员", "程序类型", "当事人类型", "当事人名称",
                 "罚款金额", "决定日期", "公示日期", "结案日期", "处理结果"])
    for i in range(total):
        code = agencies[rng.randrange(len(agencies))][0]
        filed = start + dt.timedelta(days=rng.randrange(span))
        team = ";".join(rng.sample(officers[code], rng.choice((2, 2, 3))))
        party = rng.choice(("法人", "自然人", "其他组织"))
        pname = f"测试区{rng.choice(names)}{rng.choice(names)}有限公司" if party != "自然人" else f"张{rng.choice(names)}"
        if all_published:
            party, pname = published_party()
            decided = min(filed + dt.timedelta(days=rng.randrange(5, 95)), TODAY - dt.timedelta(days=12))
            published = decided + dt.timedelta(days=rng.randrange(1, 12))
            filed = min(filed, decided)
            wr.writerow((f"CS{i:09d}", code, "行政处罚", f"{code}-C01", filed, team, "普通程序", party, pname,
                         f"{rng.randrange(1, 500) * 100}.00", decided, published, published, "给予处罚"))
            continue
        r = rng.random()
        if r < 0.90:
            wr.writerow((f"CS{i:09d}", code, "行政检查", f"{code}-J01", filed, team, "", party, pname, "", "", "", filed,
                         rng.choice(("未发现问题", "责令改正", "移交立案"))))
        elif r < 0.97:
            if rng.random() < 0.4:
                fine = rng.choice((50, 100, 200)) if party == "自然人" else rng.choice((500, 1000, 3000))
                wr.writerow((f"CS{i:09d}", code, "行政处罚", f"{code}-C01", filed, team, "简易程序", party, pname,
                             f"{fine}.00", filed, "", filed, "给予处罚"))
            else:
                decided = filed + dt.timedelta(days=rng.randrange(5, 95))
                published = decided + dt.timedelta(days=rng.randrange(1, 12))
                wr.writerow((f"CS{i:09d}", code, "行政处罚", f"{code}-C01", filed, team, "普通程序", party, pname,
                             f"{rng.randrange(1, 500) * 100}.00", decided, published, published, "给予处罚"))
        else:
            wr.writerow((f"CS{i:09d}", code, "行政强制", f"{code}-Q01", filed, team, "", party, pname, "", "", "",
                         filed + dt.timedelta(days=30), "解除强制措施"))
print(f"wrote {total} cases for {len(agencies)} agencies to {out}")
