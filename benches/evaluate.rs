//! One full evaluation per region (every clause of the region, typical inputs), from a validated
//! application and from JSON text; and a batch of 100,000 generated applications.
use criterion::{BatchSize, Criterion, Throughput, black_box, criterion_group, criterion_main};
use serde_json::{Value, json};
use subsidy_calc::{Date, Detail, engine, input};

/// The command line's allocator (crates/cli/src/main.rs): the figures are those of the binary users run.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn today() -> Date {
    Date::parse("2026-11-24").unwrap()
}

/// A busy application: figures in every core family, three scenario projects.
fn application(region: &str, seed: u64) -> Value {
    let m = |base: u64| format!("{}.{:02}", base + seed % 977 * 1000, seed % 100);
    json!({
        "schema": 2, "as_of": "2026-11-24", "region": region,
        "enterprise": {"sme": seed.is_multiple_of(2), "first_recognitions": ["little_giant"]},
        "compute": {"maas_on_filed_model_fees": m(1_000_000), "domestic_fees": m(2_500_000), "other_fees": m(400_000),
                    "years_subsidized_before": seed % 4, "model_purchase_fees": m(300_000)},
        "model_filing": {"models_filed": seed % 4, "evaluation_costs": m(200_000)},
        "models": {"vertical_model": {"selected": true, "rd_cost": m(8_000_000), "local_compute_fees": m(3_000_000), "compute_award_received": "1000000"},
                   "large_model": {"kind": "industry", "parameters": "20000000000"}},
        "scenarios": [
            {"name": "质检大模型产线", "city_selected": true, "district_selected": true, "total_investment": m(4_000_000), "rd_investment": m(1_500_000), "manufacturing_first_application": true},
            {"name": "智能客服", "city_selected": seed.is_multiple_of(3), "district_selected": true, "total_investment": m(900_000), "rd_investment": m(300_000)},
            {"name": "医疗影像", "city_selected": true, "total_investment": m(2_000_000), "rd_investment": m(800_000)}
        ],
        "listing": {"venue": "sse", "stage": "filed"},
        "other": {"event": {"registered": true, "national_or_international": true, "cost": m(600_000), "count": 2},
                  "embodied": {"first_unit_rd_investment": m(1_600_000)},
                  "shanghai": {"ai_key_tech_investment": m(30_000_000), "service_project_investment": m(25_000_000)},
                  "incubator": {"site_area_m2": 12000, "enterprises": 15}}
    })
}

/// Writes every word of a result (steps, reasons, caps, notes, checks) in both languages.
fn written(o: &subsidy_calc::Outcome, out: &mut String) {
    use std::fmt::Write;
    use subsidy_calc::text::{In, Lang};
    for lang in [Lang::Zh, Lang::En] {
        for a in &o.awards {
            for l in a.steps.iter().chain(&a.reason).chain(&a.notes) {
                let _ = write!(out, "{}", In(l, lang));
            }
            if let Some(c) = &a.binding_cap {
                let _ = write!(out, "{}", In(c, lang));
            }
        }
        for l in o.checks.iter().flat_map(|c| &c.failing).chain(&o.notes) {
            let _ = write!(out, "{}", In(l, lang));
        }
    }
}

fn per_region(c: &mut Criterion) {
    let book = subsidy_calc::rulebook::book();
    let mut g = c.benchmark_group("evaluate");
    for region in input::regions() {
        let json = application(region, 7);
        let app = input::parse_value(&json, today()).unwrap();
        g.bench_function(format!("{region}/engine"), |b| {
            b.iter(|| engine::evaluate(black_box(&app), book))
        });
        // The result with its words written in both languages, as the contract has them: the
        // evaluation records its steps as data; here every line is written out.
        g.bench_function(format!("{region}/engine_written_zh_en"), |b| {
            let mut out = String::with_capacity(64 * 1024);
            b.iter(|| {
                out.clear();
                written(&engine::evaluate(black_box(&app), book), &mut out);
                out.len()
            })
        });
        let mut figures = app.clone();
        figures.detail = Detail::Figures;
        g.bench_function(format!("{region}/engine_figures_only"), |b| {
            b.iter(|| engine::evaluate(black_box(&figures), book))
        });
        let text = json.to_string();
        g.bench_function(format!("{region}/json_in_json_out"), |b| {
            b.iter(|| {
                let o = subsidy_calc::evaluate_json(black_box(&text), today()).unwrap();
                serde_json::to_string(&o).unwrap()
            })
        });
    }
    g.finish();
}

fn batch(c: &mut Criterion) {
    let book = subsidy_calc::rulebook::book();
    let regions = input::regions();
    let apps: Vec<_> = (0..100_000u64)
        .map(|i| {
            let region = regions[(i % regions.len() as u64) as usize];
            input::parse_value(&application(region, i), today()).unwrap()
        })
        .collect();
    let mut g = c.benchmark_group("batch");
    g.sample_size(10);
    g.throughput(Throughput::Elements(apps.len() as u64));
    g.bench_function("100k_generated_applications", |b| {
        b.iter_batched(
            || (),
            |_| {
                apps.iter()
                    .map(|a| engine::evaluate(a, book).awards.len())
                    .sum::<usize>()
            },
            BatchSize::PerIteration,
        )
    });
    let figures: Vec<_> = apps
        .iter()
        .map(|a| {
            let mut a = a.clone();
            a.detail = Detail::Figures;
            a
        })
        .collect();
    g.bench_function("100k_generated_applications_figures_only", |b| {
        b.iter_batched(
            || (),
            |_| {
                figures
                    .iter()
                    .map(|a| engine::evaluate(a, book).awards.len())
                    .sum::<usize>()
            },
            BatchSize::PerIteration,
        )
    });
    // As a batch runs them (the command line, the batch page): one award list for every
    // application (`engine::evaluate_in`), not a new one each.
    g.bench_function("100k_generated_applications_figures_only_one_list", |b| {
        b.iter_batched(
            || (),
            |_| {
                let mut spare = Vec::new();
                let mut n = 0;
                for a in &figures {
                    let o = engine::evaluate_in(a, book, std::mem::take(&mut spare));
                    n += o.awards.len();
                    spare = o.awards;
                }
                n
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, per_region, batch);
criterion_main!(benches);
