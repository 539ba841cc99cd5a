//! The printed report's QR code: a small bundle of its own (`subsidy-calc-qr`), loaded by boot.js on
//! the first print, that draws a link as an SVG QR code (the `qrcode` crate). No page's first load
//! carries it.
#[cfg(target_arch = "wasm32")]
#[path = "."]
mod page {
    #[path = "../shared/allocator.rs"]
    pub mod allocator;

    use wasm_bindgen::prelude::*;

    /// The text as an SVG QR code (error correction M: a smudged printout still reads), black on
    /// white, with its quiet zone; empty when the text is too long for any QR code.
    #[wasm_bindgen(js_name = qrSvg)]
    pub fn qr_svg(text: &str) -> String {
        use qrcode::render::svg;
        match qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M) {
            Ok(code) => code
                .render::<svg::Color>()
                .min_dimensions(180, 180)
                .dark_color(svg::Color("#000000"))
                .light_color(svg::Color("#ffffff"))
                .build(),
            Err(_) => String::new(),
        }
    }
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("subsidy-calc-qr is the printed report's QR bundle: build it with scripts/serve.sh.");
}
