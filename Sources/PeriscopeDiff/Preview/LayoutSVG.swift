/// Draws a `DashboardLayout` as an inline SVG (geometry in `LayoutGeometry`).
///
/// Every text is escaped with `HTMLText.escape`, and each box clips its text, so a hostile
/// or long title can neither inject markup nor spill into a neighbour.
struct LayoutSVG {
    /// How one box is drawn: its colours and an optional mark (e.g. `added`).
    struct BoxStyle {
        var fill: String
        var stroke: String
        var mark: String?
    }

    var layout: DashboardLayout
    /// A prefix for element ids, unique within the page (two pictures side by side).
    var idPrefix: String
    /// The style of each box, by index in `layout.boxes`; the preview colour when nil.
    var style: (Int) -> BoxStyle = { _ in BoxStyle(fill: LayoutGeometry.Palette.panel.fill, stroke: LayoutGeometry.Palette.panel.stroke, mark: nil) }
    /// Extra boxes drawn dashed on top (the old place of a moved panel).
    var ghosts: [GridRect] = []

    func render(attributes: String = "") -> String {
        let width = LayoutGeometry.width
        let height = layout.gridHeight * LayoutGeometry.rowHeight
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"layout\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\"\(attributes)>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(height)\" fill=\"\(LayoutGeometry.Palette.background)\"/>\n"
        // Column guides every 6 columns (a quarter of the width), outside the boxes' area only.
        for column in stride(from: 6, to: LayoutGeometry.columns, by: 6) {
            let x = column * LayoutGeometry.columnWidth
            out += "<line x1=\"\(x)\" y1=\"0\" x2=\"\(x)\" y2=\"\(height)\" stroke=\"#f0f0f0\" stroke-width=\"1\"/>\n"
        }
        for row in layout.rows {
            let colours = row.collapsed ? LayoutGeometry.Palette.collapsedRow : LayoutGeometry.Palette.row
            let y = row.y * LayoutGeometry.rowHeight
            var label = row.title.isEmpty ? "(untitled row)" : row.title
            if row.collapsed { label += " ▸ collapsed, \(row.hiddenPanels) panel\(row.hiddenPanels == 1 ? "" : "s") hidden" }
            out += "<g class=\"row\(row.collapsed ? " collapsed" : "")\">"
            out += "<rect x=\"1\" y=\"\(y + 1)\" width=\"\(width - 2)\" height=\"\(LayoutGeometry.rowHeight - 2)\" fill=\"\(colours.fill)\" stroke=\"\(colours.stroke)\"/>"
            out += "<text x=\"8\" y=\"\(y + 14)\" font-size=\"12\" font-weight=\"bold\">\(HTMLText.escape(label))</text></g>\n"
        }
        for (index, box) in layout.boxes.enumerated() {
            let rect = LayoutGeometry.box(box.rect)
            let style = self.style(index)
            let clip = "\(idPrefix)c\(index)"
            out += "<g class=\"panel\"><title>\(HTMLText.escape(box.title)) (\(HTMLText.escape(box.type))) \(box.rect)</title>"
            out += "<clipPath id=\"\(clip)\"><rect x=\"\(rect.x)\" y=\"\(rect.y)\" width=\"\(rect.width)\" height=\"\(rect.height)\"/></clipPath>"
            out += "<rect x=\"\(rect.x)\" y=\"\(rect.y)\" width=\"\(rect.width)\" height=\"\(rect.height)\" fill=\"\(style.fill)\" stroke=\"\(style.stroke)\" stroke-width=\"1\"/>"
            out += "<g clip-path=\"url(#\(clip))\" font-size=\"11\">"
            out += "<text x=\"\(rect.x + 5)\" y=\"\(rect.y + 13)\" font-weight=\"bold\">\(HTMLText.escape(box.title.isEmpty ? "(untitled)" : box.title))</text>"
            var detail = box.type
            if let unit = box.unit, !unit.isEmpty { detail += " · " + unit }
            if let mark = style.mark { detail += " · " + mark }
            out += "<text x=\"\(rect.x + 5)\" y=\"\(rect.y + 26)\" fill=\"#444444\">\(HTMLText.escape(detail))</text>"
            out += "</g></g>\n"
        }
        for ghost in ghosts {
            let rect = LayoutGeometry.box(ghost)
            out += "<rect class=\"ghost\" x=\"\(rect.x)\" y=\"\(rect.y)\" width=\"\(rect.width)\" height=\"\(rect.height)\" fill=\"none\" stroke=\"\(LayoutGeometry.Palette.moved.stroke)\" stroke-dasharray=\"4 3\"/>\n"
        }
        return out + "</svg>"
    }
}
