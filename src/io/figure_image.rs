//! Figure images for the digitizer: a PNG or JPEG screenshot of a published
//! figure, decoded to RGBA with limits so a huge or broken file is a message,
//! never a crash or an exhausted memory. Also the PNG the window writes of
//! itself (`--screenshot`).

use std::io::Cursor;
use std::path::Path;

use crate::io::file_name;
use crate::model::digitize::Raster;

/// Largest image file read (bytes).
pub const MAX_FIGURE_BYTES: u64 = 64 * 1024 * 1024;
/// Largest width or height decoded (pixels).
pub const MAX_FIGURE_SIDE: u32 = 12_000;

/// Why a figure could not be read.
#[derive(Debug, thiserror::Error)]
pub enum FigureImageError {
    /// Reading failed.
    #[error("{file}: cannot be read: {source}")]
    Read {
        /// The file.
        file: String,
        /// The system's error.
        source: std::io::Error,
    },
    /// Too big to digitize.
    #[error("{file}: larger than {MAX_FIGURE_BYTES} bytes; save a smaller screenshot of the figure")]
    TooLarge {
        /// The file.
        file: String,
    },
    /// Not a PNG or JPEG image this app can decode.
    #[error("{file}: not a PNG or JPEG image that can be read ({message})")]
    Decode {
        /// The file.
        file: String,
        /// The decoder's words.
        message: String,
    },
}

/// Writes RGBA pixels (`width` × `height`, row by row) to `path` as a PNG,
/// through the atomic writer: a screenshot may show a patient, so a new
/// file is its owner's alone, and a failed write leaves no half image.
///
/// # Errors
/// A message naming the file and the problem.
pub fn write_png(path: &Path, rgba: &[u8], width: u32, height: u32) -> Result<(), String> {
    let mut png = Cursor::new(Vec::new());
    image::write_buffer_with_format(
        &mut png,
        rgba,
        width,
        height,
        image::ColorType::Rgba8,
        image::ImageFormat::Png,
    )
    .map_err(|e| format!("{}: could not write the screenshot: {e}", path.display()))?;
    crate::io::patient_file::write_replacing(path, png.get_ref()).map_err(|e| e.to_string())
}

/// Whether a path looks like a figure image (by its extension).
pub fn is_figure(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["png", "jpg", "jpeg"].iter().any(|x| e.eq_ignore_ascii_case(x)))
}

/// Reads and decodes a figure image.
///
/// # Errors
/// [`FigureImageError`] naming the file.
pub fn load(path: &Path) -> Result<Raster, FigureImageError> {
    let file = file_name(path);
    let size =
        std::fs::metadata(path).map_err(|source| FigureImageError::Read { file: file.clone(), source })?;
    if size.len() > MAX_FIGURE_BYTES {
        return Err(FigureImageError::TooLarge { file });
    }
    let bytes =
        std::fs::read(path).map_err(|source| FigureImageError::Read { file: file.clone(), source })?;
    decode(&bytes, &file)
}

/// Decodes PNG or JPEG bytes (the format is told from the bytes, not the
/// name).
///
/// # Errors
/// [`FigureImageError::Decode`] naming `file`.
pub fn decode(bytes: &[u8], file: &str) -> Result<Raster, FigureImageError> {
    let error = |message: String| FigureImageError::Decode { file: file.to_owned(), message };
    let mut reader = image::ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| error(e.to_string()))?;
    if !matches!(reader.format(), Some(image::ImageFormat::Png | image::ImageFormat::Jpeg)) {
        return Err(error("unknown format".to_owned()));
    }
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_FIGURE_SIDE);
    limits.max_image_height = Some(MAX_FIGURE_SIDE);
    reader.limits(limits);
    let rgba = reader.decode().map_err(|e| error(e.to_string()))?.into_rgba8();
    let (w, h) = rgba.dimensions();
    Raster::new(w as usize, h as usize, rgba.into_raw()).map_err(|e| error(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(format: image::ImageFormat) -> Vec<u8> {
        let mut img = image::RgbImage::from_pixel(8, 6, image::Rgb([255, 255, 255]));
        img.put_pixel(2, 3, image::Rgb([0, 114, 178]));
        let mut out = Cursor::new(Vec::new());
        img.write_to(&mut out, format).unwrap();
        out.into_inner()
    }

    #[test]
    fn a_written_png_reads_back_and_is_the_owners_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shot.png");
        let rgba: Vec<u8> = (0..4 * 3 * 2).map(|i| u8::try_from(i * 10).unwrap()).collect();
        write_png(&path, &rgba, 3, 2).unwrap();
        let raster = load(&path).unwrap();
        assert_eq!((raster.width(), raster.height(), raster.rgba()), (3, 2, rgba.as_slice()));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        }
        let err = write_png(&dir.path().join("no/such/folder/shot.png"), &rgba, 3, 2).unwrap_err();
        assert!(err.starts_with("shot.png: could not save"), "{err}");
    }

    #[test]
    fn reads_png_and_jpeg() {
        let png = decode(&encode(image::ImageFormat::Png), "f.png").unwrap();
        assert_eq!((png.width(), png.height()), (8, 6));
        assert_eq!(png.pixel(2, 3), Some(crate::model::digitize::Rgb([0, 114, 178])));
        let jpeg = decode(&encode(image::ImageFormat::Jpeg), "f.jpg").unwrap();
        assert_eq!((jpeg.width(), jpeg.height()), (8, 6));
        assert!(is_figure(Path::new("a/Fig2.JPEG")) && is_figure(Path::new("x.png")));
        assert!(!is_figure(Path::new("x.ron")) && !is_figure(Path::new("png")));
    }

    #[test]
    fn broken_and_missing_files_are_messages() {
        let err = decode(b"not an image at all", "fig.png").unwrap_err().to_string();
        assert!(err.starts_with("fig.png: not a PNG or JPEG image"), "{err}");
        let mut truncated = encode(image::ImageFormat::Png);
        truncated.truncate(40);
        assert!(decode(&truncated, "t.png").unwrap_err().to_string().starts_with("t.png: "));
        let err = load(Path::new("/nonexistent/fig.png")).unwrap_err().to_string();
        assert!(err.starts_with("fig.png: cannot be read"), "{err}");
    }
}
