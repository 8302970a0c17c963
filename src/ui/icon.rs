//! The app's icon for the window (title bar, task bar, window switcher): the
//! same picture the desktop menu and file manager show, from
//! `assets/icons/`.

/// The 128 px icon, as installed in the hicolor theme.
const PNG: &[u8] = include_bytes!("../../assets/icons/hicolor/128x128/apps/xhim-aid.png");

/// The window icon; `None` (and a log line) if it cannot be decoded, since
/// a missing icon is no reason not to start.
pub fn window_icon() -> Option<egui::IconData> {
    match image::load_from_memory_with_format(PNG, image::ImageFormat::Png) {
        Ok(image) => {
            let rgba = image.into_rgba8();
            let (width, height) = rgba.dimensions();
            Some(egui::IconData { rgba: rgba.into_raw(), width, height })
        }
        Err(e) => {
            log::error!("the window icon could not be decoded: {e}");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_icon_decodes_to_a_square_with_colour() {
        let icon = window_icon().unwrap();
        assert_eq!((icon.width, icon.height), (128, 128));
        assert_eq!(icon.rgba.len(), 128 * 128 * 4);
        // The corners are transparent (rounded), the middle is not.
        assert_eq!(icon.rgba[3], 0);
        let middle = (64 * 128 + 64) * 4;
        assert_eq!(icon.rgba[middle + 3], 255);
    }
}
