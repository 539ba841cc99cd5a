//! A small SVG chart of one award against one spending figure: the curve (sampled through the engine
//! by `form::curve`), where the cap starts to bind, and where the user is now. Geometry only here;
//! the figures come from the engine. Presentation attributes, no inline styles (strict CSP).
use rust_decimal::Decimal;
use subsidy_calc::money::in_wan as wan;
use subsidy_calc_web::form::{Curve, Lang};
use yew::prelude::*;

// Geometry in Decimal (already in the bundle), not f64: float formatting would add ~15 KB of wasm.
const W: i64 = 320;
const H: i64 = 150;
const LEFT: i64 = 8;
const RIGHT: i64 = 312;
const TOP: i64 = 22;
const BOTTOM: i64 = 118;

fn px(v: Decimal) -> String {
    v.round_dp(1).normalize().to_string()
}

/// A view function rather than a component: each Yew component adds its own copy of the
/// framework's generic lifecycle code to the bundle.
pub fn cap_chart(c: &Curve, lang: Lang) -> Html {
    let xmax = c
        .points
        .iter()
        .map(|p| p.0)
        .fold(Decimal::ONE, Decimal::max);
    let ymax = c
        .points
        .iter()
        .map(|p| p.1)
        .fold(Decimal::ONE, Decimal::max);
    let frac = |v: Decimal, max: Decimal| (v / max).clamp(Decimal::ZERO, Decimal::ONE);
    let sx = |x: Decimal| Decimal::from(LEFT) + frac(x, xmax) * Decimal::from(RIGHT - LEFT);
    let sy = |y: Decimal| Decimal::from(BOTTOM) - frac(y, ymax) * Decimal::from(BOTTOM - TOP);
    let line = c
        .points
        .iter()
        .map(|(x, y)| format!("{},{}", px(sx(*x)), px(sy(*y))))
        .collect::<Vec<_>>()
        .join(" ");
    let (cx, cy) = (px(sx(c.current.0)), px(sy(c.current.1)));
    let label = c.label.get(lang).to_string();
    let desc = match (c.cap_at, lang) {
        (Some(cap), Lang::Zh) => format!(
            "补贴随{label}增加,{}万元时达到封顶;当前{}万元",
            wan(cap),
            wan(c.current.0)
        ),
        (Some(cap), Lang::En) => format!(
            "the award rises with {label} up to the cap, reached at {} 万元; now {} 万元",
            wan(cap),
            wan(c.current.0)
        ),
        (None, Lang::Zh) => format!("补贴随{label}增加,未设封顶;当前{}万元", wan(c.current.0)),
        (None, Lang::En) => format!(
            "the award rises with {label}, with no cap; now {} 万元",
            wan(c.current.0)
        ),
    };
    let cap = c.cap_at.map(|cap| {
        let x = sx(cap);
        // The label sits on the side of the line with more room.
        let right_half = x > Decimal::from((LEFT + RIGHT) / 2);
        let label_x = if right_half {
            x - Decimal::from(4)
        } else {
            x + Decimal::from(4)
        };
        html! {
            <g class="cap">
                <line x1={px(x)} y1={TOP.to_string()} x2={px(x)} y2={BOTTOM.to_string()}
                      stroke="#b45309" stroke-width="1.5" stroke-dasharray="4 3" />
                <text x={px(label_x)} y={(TOP + 10).to_string()} fill="#92400e" font-size="11"
                      text-anchor={if right_half { "end" } else { "start" }}>
                    { format!("{} {}", lang.t("封顶起点", "cap from"), wan(cap)) }
                </text>
            </g>
        }
    });
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={desc.clone()} focusable="false">
                <title>{ desc }</title>
                <line x1={LEFT.to_string()} y1={BOTTOM.to_string()} x2={RIGHT.to_string()} y2={BOTTOM.to_string()} stroke="#6b7280" stroke-width="1" />
                <line x1={LEFT.to_string()} y1={TOP.to_string()} x2={LEFT.to_string()} y2={BOTTOM.to_string()} stroke="#6b7280" stroke-width="1" />
                <polyline points={line} fill="none" stroke="#1d4ed8" stroke-width="2" />
                { for cap }
                <circle cx={cx} cy={cy} r="4.5" fill="#dc2626" stroke="#ffffff" stroke-width="1.5" />
                <text x={LEFT.to_string()} y="14" fill="#374151" font-size="11">
                    { format!("{} {} 万元", lang.t("补贴", "award"), wan(ymax)) }
                </text>
                <text x={LEFT.to_string()} y={(BOTTOM + 14).to_string()} fill="#374151" font-size="11">{ "0" }</text>
                <text x={RIGHT.to_string()} y={(BOTTOM + 14).to_string()} fill="#374151" font-size="11" text-anchor="end">
                    { format!("{} 万元", wan(xmax)) }
                </text>
                <text x={((LEFT + RIGHT) / 2).to_string()} y={(BOTTOM + 28).to_string()} fill="#374151" font-size="11" text-anchor="middle">
                    { label }
                </text>
            </svg>
        </figure>
    }
}
