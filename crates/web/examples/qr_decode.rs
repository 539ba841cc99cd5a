//! `qr_decode IMAGE.png`: prints the text of each QR code found in the image (one a line), for the
//! browser test of the printed report (`e2e/verify.test.mjs`): the QR code it prints must read back
//! as the verification link. Exit 1 when none is found.
fn main() -> std::process::ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: qr_decode IMAGE.png");
        return std::process::ExitCode::from(64);
    };
    let img = match image::open(&path) {
        Ok(i) => i.to_luma8(),
        Err(e) => {
            eprintln!("{path}: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let mut prepared = rqrr::PreparedImage::prepare(img);
    let mut found = 0;
    for grid in prepared.detect_grids() {
        if let Ok((_, text)) = grid.decode() {
            println!("{text}");
            found += 1;
        }
    }
    std::process::ExitCode::from(u8::from(found == 0))
}
