//! Properties over generated applications: never negative, never above the binding cap, monotone in
//! every spending figure, totals equal the sum of their parts, and no panic on any JSON.
mod common;
use common::*;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use std::str::FromStr;
use subsidy_calc::result::Outcome;
use subsidy_calc::rulebook::Kind;
use subsidy_calc::text::Lang;

/// Every region of the rule data (a new district is tested as soon as it is data).
fn regions() -> Vec<&'static str> {
    subsidy_calc::input::regions().to_vec()
}

/// Money as a string with up to two decimals, up to 100,000,000 yuan.
fn money() -> impl Strategy<Value = String> {
    (0u64..10_000_000_000u64).prop_map(|cents| format!("{}.{:02}", cents / 100, cents % 100))
}

/// The money fields a company types in, with where they sit in the application.
const SPEND: [&str; 26] = [
    "compute.maas_on_filed_model_fees",
    "compute.domestic_fees",
    "compute.other_fees",
    "compute.model_purchase_fees",
    "model_filing.evaluation_costs",
    "models.vertical_model.rd_cost",
    "models.vertical_model.local_compute_fees",
    "other.national_project_funding_received",
    "other.compute_infra.loan_amount",
    "other.compute_infra.interest_paid",
    "other.innovation_center.investment",
    "other.supercomputing_center.provincial_subsidy",
    "other.event.cost",
    "other.embodied.first_unit_rd_investment",
    "other.embodied.os_investment",
    "other.shanghai.ai_key_tech_investment",
    "other.shanghai.digital_economy_investment",
    "other.shanghai.metaverse_investment",
    "other.shanghai.first_version_sales_contract",
    "other.shanghai.expansion_loan_interest",
    "other.shanghai.leasing_equipment_investment",
    "other.shanghai.strategic_project_investment",
    "other.shanghai.service_project_investment",
    "other.shanghai.ic_project_investment",
    "other.shanghai.smart_terminal_investment",
    "other.shanghai.agriculture_project_investment",
];

fn set(app: &mut Value, path: &str, v: Value) {
    let mut cur = app;
    let parts: Vec<&str> = path.split('.').collect();
    for p in &parts[..parts.len() - 1] {
        cur = cur
            .as_object_mut()
            .unwrap()
            .entry(p.to_string())
            .or_insert_with(|| json!({}));
    }
    cur[parts[parts.len() - 1]] = v;
}

fn application() -> impl Strategy<Value = Value> {
    (
        prop::sample::select(regions()),
        prop::collection::vec(money(), SPEND.len()),
        prop::collection::vec(any::<bool>(), 24),
        (0u32..5, 0u32..5, 0u32..30),
        prop::collection::vec((any::<bool>(), money(), money()), 0..4),
    )
        .prop_map(|(region, amounts, flags, (years, models, users), scenarios)| {
            let mut app = json!({"schema": 2, "as_of": "2026-11-24", "region": region});
            for (path, a) in SPEND.iter().zip(&amounts) {
                set(&mut app, path, json!(a));
            }
            let flag_paths = [
                "enterprise.sme", "enterprise.foundation_model_developer", "model_filing.awarded_before",
                "models.vertical_model.selected", "other.compute_infra.in_government_layout",
                "other.innovation_center.recognized", "other.innovation_center.core_team", "other.open_source_top10",
                "other.key_tech.major_project", "other.key_tech.key_rd_plan_project", "other.public_platform",
                "other.pilot_platform", "other.jiebang_winner_landed", "other.core_park.city_core_park",
                "other.core_park.first_selected", "other.core_park.operator", "other.cluster_final_winner",
                "other.event.national_or_international", "other.event.registered", "other.event.all_three_conditions",
                "other.innovation_platform", "other.bogaitou_team", "other.incubator.builder", "other.developer_platform",
            ];
            for (p, f) in flag_paths.iter().zip(&flags) {
                set(&mut app, p, json!(f));
            }
            set(&mut app, "compute.years_subsidized_before", json!(years));
            set(&mut app, "model_filing.models_filed", json!(models));
            set(&mut app, "other.embodied.os_user_enterprises", json!(users));
            set(&mut app, "other.compute_infra.total_investment", json!("60000000"));
            // What was received cannot be more than the cap it counts against (an input error).
            let received = d(&amounts[0]).min(Decimal::from(5_000_000));
            set(&mut app, "models.vertical_model.compute_award_received", json!(received.to_string()));
            let sc: Vec<Value> = scenarios
                .iter()
                .enumerate()
                .map(|(i, (sel, total, rd))| json!({"name": format!("p{i}"), "city_selected": sel, "district_selected": !sel || i % 2 == 0, "total_investment": total, "rd_investment": rd, "manufacturing_first_application": sel}))
                .collect();
            app["scenarios"] = json!(sc);
            app
        })
}

fn eval(app: &Value) -> Outcome<'static> {
    subsidy_calc::evaluate_value(app, today()).expect("generated applications are valid")
}

/// A figure read from its text (an amount as the contract writes it, or a number given).
fn d(s: impl ToString) -> Decimal {
    Decimal::from_str(&s.to_string()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    /// The contract's amount text (written digit by digit for speed) is the decimal rounded half
    /// away from zero to cents, as rust_decimal itself prints it: small, huge (past u64) and
    /// negative figures, any scale.
    #[test]
    fn fixed2_is_the_rounded_decimal(m in any::<i64>(), big in any::<bool>(), scale in 0u32..12) {
        let mut d = Decimal::new(m, scale);
        if big {
            // Past u64 cents where the 96-bit decimal still holds it.
            let Some(b) = d.checked_mul(Decimal::from(1_000_000_000i64)) else { return Ok(()) };
            d = b;
        }
        let want = {
            let r = d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            format!("{r:.2}")
        };
        prop_assert_eq!(subsidy_calc::money::fixed2(d), want.clone());
        // The result's amounts (`Yuan`) are written the same when shown and when serialised, and
        // read back as that text.
        let y = subsidy_calc::money::Yuan(d);
        prop_assert_eq!(y.to_string(), want.clone());
        prop_assert_eq!(serde_json::to_string(&y).unwrap(), format!("\"{want}\""));
        prop_assert!(y == want.as_str());
        prop_assert_eq!(y.rounded(), Decimal::from_str(&want).unwrap());
        let mut bytes = Vec::new();
        y.write_to(&mut bytes);
        prop_assert_eq!(String::from_utf8(bytes).unwrap(), want);
    }

    /// Rounding to the fen (a fast path in u64 for the common figure) is rust_decimal's rounding
    /// half away from zero, to the bit: value, scale and sign, zero included.
    #[test]
    fn round_yuan_is_rust_decimals_rounding(m in any::<i64>(), wide in any::<bool>(), scale in 0u32..=28) {
        let d = if wide {
            Decimal::from_i128_with_scale(i128::from(m) * 1_000_000_007, scale)
        } else {
            Decimal::new(m, scale)
        };
        let want = d.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        let got = subsidy_calc::money::round_yuan(d);
        prop_assert_eq!(got.serialize(), want.serialize(), "{} → {} (want {})", d, got, want);
    }

    #[test]
    fn never_negative_never_above_the_cap_totals_add_up(app in application()) {
        let o = eval(&app);
        let mut exact = Decimal::ZERO;
        let mut up_to = Decimal::ZERO;
        let mut draft_exact = Decimal::ZERO;
        let mut draft_up_to = Decimal::ZERO;
        for a in &o.awards {
            if let Some(v) = &a.amount {
                let v = d(v);
                prop_assert!(v > Decimal::ZERO, "{} has a non-positive amount", a.id);
                prop_assert!(v.scale() == 2);
                // The cap that binds, read from the result's data (its limit less what was
                // received), never from its words.
                // (The figure is rounded to the fen once: a cap of 5.675 allows 5.68.)
                if let Some(b) = &a.binding_cap {
                    let allows = subsidy_calc::money::round_yuan(b.allows());
                    prop_assert!(v <= allows, "{}: {v} above {allows}", a.id);
                    prop_assert!(d(a.uncapped.as_ref().unwrap()) > v);
                }
                // The cap property holds with no exception (可以放宽 no longer lifts the figure).
                prop_assert!(!(a.id == "hangzhou.compute_voucher" && v > d("8000000")));
                let counted = a.in_totals;
                let draft = a.source.status.key() == "draft";
                if counted && a.kind == Kind::Exact { exact += v; if draft { draft_exact += v; } }
                if counted && matches!(a.kind, Kind::Exact | Kind::UpTo) { up_to += v; if draft { draft_up_to += v; } }
                if !a.items.is_empty() {
                    let sum: Decimal = a.items.iter().map(|i| d(i.amount)).sum();
                    prop_assert!(v <= sum);
                }
            }
            if a.kind == Kind::NotEligible {
                prop_assert!(a.reason_in(Lang::En).as_ref().is_some_and(|r| !r.is_empty()), "{} has no reason", a.id);
                prop_assert!(a.amount.is_none());
            }
        }
        prop_assert_eq!(d(o.total.exact), exact);
        prop_assert_eq!(d(o.total.up_to), up_to);
        prop_assert_eq!(d(o.total.draft_exact), draft_exact);
        prop_assert_eq!(d(o.total.draft_up_to), draft_up_to);
    }

    #[test]
    fn monotone_in_every_spending_figure(app in application(), which in 1..SPEND.len(), extra in money()) {
        // Raising one spending figure never lowers any award or the totals. (Index 0 also feeds the
        // "already received" figure in the generator, which legitimately lowers an award, so it is skipped.)
        let before = eval(&app);
        let mut more = app.clone();
        let path = SPEND[which];
        let mut cur = &more;
        for p in path.split('.') { cur = &cur[p]; }
        let start = d(cur.as_str().unwrap());
        // The one deliberate step: Hangzhou's filing award is "at most 500,000" when no cost is entered
        // (the catalogue's reading), and min(costs, 500,000) once one is; so from exactly 0 it can fall.
        prop_assume!(!(path == "model_filing.evaluation_costs" && start.is_zero()));
        let raised = start + d(&extra);
        set(&mut more, path, json!(raised.to_string()));
        let after = eval(&more);
        for (a, b) in before.awards.iter().zip(&after.awards) {
            prop_assert_eq!(&a.id, &b.id);
            let va = a.amount.map(d).unwrap_or_default();
            let vb = b.amount.map(d).unwrap_or_default();
            prop_assert!(vb >= va, "{} fell from {} to {} when {} rose", a.id, va, vb, path);
        }
        prop_assert!(d(after.total.up_to) >= d(before.total.up_to));
    }

    #[test]
    fn never_panics_on_any_text(s in ".{0,200}") {
        let _ = subsidy_calc::evaluate_json(&s, today());
    }

    #[test]
    fn never_panics_on_any_json(v in arb_json()) {
        let _ = subsidy_calc::evaluate_value(&v, today());
        // and with a valid region, so the walk goes deep
        if let Value::Object(mut m) = v {
            m.insert("region".into(), json!("wuhan-hongshan"));
            let _ = subsidy_calc::evaluate_value(&Value::Object(m), today());
        }
    }
}

/// Arbitrary JSON whose keys are often the contract's own, so the validator sees near-misses.
fn arb_json() -> impl Strategy<Value = Value> {
    let key = prop::sample::select(vec![
        "compute",
        "domestic_fees",
        "other",
        "event",
        "cost",
        "scenarios",
        "selected",
        "city_selected",
        "district_selected",
        "models",
        "large_model",
        "parameters",
        "listing",
        "venue",
        "stage",
        "as_of",
        "region",
        "enterprise",
        "first_recognitions",
        "x",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null)),
        "[0-9.,eE+-]{0,12}".prop_map(Value::String),
        ".{0,8}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6).prop_map(|kv| Value::Object(
                kv.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}
