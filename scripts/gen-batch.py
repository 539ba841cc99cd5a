"""Writes N generated applications as a batch CSV (for the batch benchmark): every region, the core
spending figures, a scenario project. Usage: gen-batch.py N OUT.csv"""
import csv
import random
import sys

n, out = int(sys.argv[1]), sys.argv[2]
rng = random.Random(7)
regions = ["hangzhou", "wuhan", "wuhan-hongshan", "wuhan-qiaokou", "shanghai"]
cols = ["id", "region", "as_of", "enterprise.sme", "compute.domestic_fees", "compute.other_fees",
        "model_filing.models_filed", "models.vertical_model.selected", "models.vertical_model.rd_cost",
        "other.shanghai.ai_key_tech_investment", "scenarios[0].name", "scenarios[0].city_selected",
        "scenarios[0].district_selected", "scenarios[0].total_investment", "scenarios[0].rd_investment"]
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(cols)
    for i in range(n):
        m = lambda hi: f"{rng.randrange(0, hi * 100) / 100:.2f}"
        w.writerow([f"c{i}", regions[i % 5], "2026-11-24", rng.choice(["true", "false"]), m(3_000_000), m(500_000),
                    rng.randrange(0, 4), rng.choice(["true", "false"]), m(10_000_000), m(50_000_000),
                    "项目", rng.choice(["true", "false"]), rng.choice(["true", "false"]), m(5_000_000), m(2_000_000)])
