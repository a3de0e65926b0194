use super::compute::FairnessReport;
/// placeholder
pub fn render_html(_r: &FairnessReport, _lang: crate::catalogue::Lang) -> String {
    String::new()
}
